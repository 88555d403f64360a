// SARIF 2.1.0 for code-scanning tools: artifact URIs relative to the repository (%SRCROOT%), percent-encoded;
// suggestions as fixes; the sources' passages as related locations; the rules with their default levels; findings set
// aside (a reviewer's dismissal, an ignore comment) as suppressed results, so dashboards show them as such.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../checks/registry';
import type { Dismissal, Finding, Range, RuleId, Severity, SeveritySetting } from '../model/types';
import type { FindingOutcome } from '../engine/check';
import type { FileFindings } from './format';

const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function sarifLevel(severity: SeveritySetting): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'off' ? 'none' : 'note';
}

/** The top of the git work tree holding `cwd` (a `.git` folder or file), else `cwd` itself. */
export function sourceRoot(cwd = process.cwd()): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A folder as a file:// URI ending in '/', as `originalUriBaseIds` requires. */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Where a file is: relative to the root (percent-encoded, '/'-separated) when inside it, else an absolute file URI. */
export function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, path);
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(path).href };
}

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** "quote/altered" → "QuoteAltered": SARIF's rule name is an identifier-like word. */
function ruleName(id: RuleId): string {
  return id.split(/[/-]/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/u.exec(text);
  return match ? match[0] : text;
}

/** A finding the draft does not show: dismissed by a reviewer (with the recorded dismissal), else by an ignore comment. */
export interface SetAside { finding: Finding; dismissal?: Dismissal }

export interface SarifFile extends FileFindings {
  /** Reported as suppressed results; never counted by --fail-on. */
  setAside?: SetAside[];
}

/**
 * The dismissed and ignore-comment findings of a run (runChecks with keepHidden). Repeats are left out as the shown
 * findings leave them out: one set-aside result per cause (a spelling, a repeated fact) and way it was set aside.
 */
export function setAsideOf(outcomes: readonly FindingOutcome[]): SetAside[] {
  const seen = new Set<string>();
  const kept: SetAside[] = [];
  for (const o of outcomes) {
    if (o.shown !== 'dismissed' && o.shown !== 'ignore comment') continue;
    if (o.raw.once !== undefined) {
      const key = `${o.shown}\u0000${o.raw.rule}\u0000${o.raw.once}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(o.dismissal ? { finding: o.finding, dismissal: o.dismissal } : { finding: o.finding });
  }
  return kept;
}

/**
 * SARIF's suppression: `external` for a dismissal kept in the project's dismissals file (its reason as the
 * justification, who and when as properties), `inSource` for an ignore comment in the draft.
 */
function suppressionOf(item: SetAside) {
  const d = item.dismissal;
  if (!d) return { kind: 'inSource' as const, status: 'accepted' as const };
  return { kind: 'external' as const, status: 'accepted' as const, justification: d.reason, properties: { by: d.by, at: d.at } };
}

export interface SarifOptions {
  version: string;
  /** Severity overrides given for this run (`--severity`), reported as rule configuration overrides. */
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  root?: string;
}

export function formatSarif(files: SarifFile[], options: SarifOptions) {
  const root = options.root ?? sourceRoot();
  const ruleIndex = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));
  const overrides = Object.entries(options.severities ?? {}) as Array<[RuleId, SeveritySetting]>;
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: {
        driver: {
          name: 'corroborate',
          version: options.version,
          semanticVersion: options.version,
          rules: RULES.map((r) => ({
            id: r.id,
            name: ruleName(r.id),
            shortDescription: { text: firstSentence(r.description) },
            fullDescription: { text: r.description },
            defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
          })),
        },
      },
      invocations: [{
        executionSuccessful: true,
        ...(overrides.length ? {
          ruleConfigurationOverrides: overrides.map(([id, setting]) => ({
            descriptor: { id, index: ruleIndex.get(id) },
            configuration: setting === 'off' ? { enabled: false } : { level: sarifLevel(setting) },
          })),
        } : {}),
      }],
      originalUriBaseIds: { [SRCROOT]: { uri: folderUri(root) } },
      columnKind: 'utf16CodeUnits',
      results: files.flatMap((file) => {
        const location = artifactLocation(file.path, root);
        const shown = file.findings.map((f) => ({ at: f.range.start, sarif: result(f, location, root, ruleIndex) }));
        const setAside = (file.setAside ?? []).map((s) => ({ at: s.finding.range.start, sarif: { ...result(s.finding, location, root, ruleIndex), suppressions: [suppressionOf(s)] } }));
        // In draft order, the set-aside results among the others (a stable sort keeps the findings' own order).
        return [...shown, ...setAside].sort((a, b) => a.at.line - b.at.line || a.at.character - b.at.character).map((r) => r.sarif);
      }),
    }],
  };
}

function result(f: Finding, location: ReturnType<typeof artifactLocation>, root: string, ruleIndex: Map<RuleId, number>) {
  const deletedRegion = region(f.range);
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: sarifLevel(f.severity satisfies Severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: deletedRegion } }],
    ...(f.evidence.length ? {
      relatedLocations: f.evidence.map((e, id) => ({
        id,
        message: { text: `${e.outlet ?? e.title}${e.date ? ` (${e.date})` : ''}: ${e.excerpt}` },
        physicalLocation: { artifactLocation: artifactLocation(e.source, root), region: region(e.range) },
      })),
    } : {}),
    ...(f.suggestions.length ? {
      fixes: f.suggestions.map((text) => ({
        description: { text: `Replace with “${text}”` },
        artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion, insertedContent: { text } }] }],
      })),
    } : {}),
  };
}
