// Engine shapes → LSP shapes, and the small text helpers the features share (labels, Markdown escaping, links).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Evidence, Finding, Range, RuleId, Severity, SourceInfo } from '../model/types';
import { pathToUri } from './context';
import { visible, visibleLine } from '../text/visible';

export const SOURCE = 'corroborate';

/** What a diagnostic carries back to us in code actions (clients return `data` untouched). */
export interface DiagnosticData {
  rule: RuleId;
  suggestions: string[];
}

/** The data of the one summary diagnostic of a capped draft: how many findings it stands for (clients count them). */
export interface MoreFindingsData {
  notShown: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * At most this many diagnostics are published per draft (plus one summary of the rest). Editors list thousands of
 * problems poorly, and the publication itself (one JSON message, about 1 KB per finding) held up every other request:
 * 3,906 findings of a 1 MB draft were 4.9 MB of JSON. The report and the CLI list every finding.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;
/** Source passages carried per diagnostic: the hover shows all of them, with more context. */
export const MAX_RELATED = 2;
const MAX_RELATED_EXCERPT = 120;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * Which findings are published when there are more than `limit`: the strongest first (errors, then warnings, then
 * information), the earliest first within a severity, so a conflict backed by a source is never hidden behind notices;
 * returned in document order. `findings` are in document order (as checkText returns them).
 */
export function findingsToPublish(findings: readonly Finding[], limit = MAX_PUBLISHED_DIAGNOSTICS): { shown: Finding[]; hidden: Finding[] } {
  if (findings.length <= limit) return { shown: [...findings], hidden: [] };
  const order = findings.map((_, i) => i).sort((a, b) => RANK[findings[a].severity] - RANK[findings[b].severity] || a - b);
  const keep = new Set(order.slice(0, limit));
  const shown: Finding[] = [];
  const hidden: Finding[] = [];
  findings.forEach((f, i) => (keep.has(i) ? shown : hidden).push(f));
  return { shown, hidden };
}

/** The one diagnostic that says how many findings are not published, and where to see them all. */
export function moreFindingsDiagnostic(hidden: readonly Finding[], shown: number): Diagnostic {
  const strongest = hidden.reduce<Severity>((best, f) => (RANK[f.severity] < RANK[best] ? f.severity : best), 'hint');
  const what = strongest === 'error' || strongest === 'warning' ? ' (the strongest are shown first)' : ` (all ${shown} shown are stronger or earlier)`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    data: { notShown: hidden.length } satisfies MoreFindingsData,
    message:
      `${hidden.length.toLocaleString('en-US')} more findings are not shown here: ${shown.toLocaleString('en-US')} of ${(shown + hidden.length).toLocaleString('en-US')} are${what}. ` +
      'Hovers and quick fixes still work on every finding; "Corroborate: Export Fact-Check Report" or `corroborate check <draft>` lists them all.',
  };
}

/** The diagnostics published for a draft's findings: at most `limit`, then the summary of the rest. */
export function toDiagnostics(findings: readonly Finding[], limit = MAX_PUBLISHED_DIAGNOSTICS): { diagnostics: Diagnostic[]; hidden: Finding[] } {
  const { shown, hidden } = findingsToPublish(findings, limit);
  const diagnostics = shown.map(toDiagnostic);
  if (hidden.length > 0) diagnostics.push(moreFindingsDiagnostic(hidden, shown.length));
  return { diagnostics, hidden };
}

export function toDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = { rule: f.rule, suggestions: f.suggestions };
  const diagnostic: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    source: SOURCE,
    message: visible(f.message),
    data,
  };
  const href = ruleDocUri(f.rule);
  if (href) diagnostic.codeDescription = { href };
  // A few passages: the hover lists every source with more context, and each one here costs every publication.
  const related = f.evidence.slice(0, MAX_RELATED).map(toRelated);
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/**
 * The rule pages shipped in the package (server/docs/rules/), found from this file: dist/server.js in the bundle,
 * server/src/lsp/convert.ts when run from source.
 */
export const RULE_DOCS_DIR = [path.resolve(__dirname, '..', 'server', 'docs', 'rules'), path.resolve(__dirname, '..', '..', 'docs', 'rules')].find(
  (dir) => fs.existsSync(dir),
);

/** `figure/conflict` → `figure-conflict.md`. */
export function ruleDocFile(rule: string): string {
  return `${rule.replace(/[^a-z0-9]+/gi, '-')}.md`;
}

const ruleDocUris = new Map<string, string | undefined>();

/** A file URI to the rule's page, only where the page exists (checked once per rule). */
export function ruleDocUri(rule: string): string | undefined {
  if (!ruleDocUris.has(rule)) {
    const file = RULE_DOCS_DIR && path.join(RULE_DOCS_DIR, ruleDocFile(rule));
    ruleDocUris.set(rule, file && fs.existsSync(file) ? pathToUri(file) : undefined);
  }
  return ruleDocUris.get(rule);
}

function toRelated(e: Evidence): DiagnosticRelatedInformation {
  return {
    location: { uri: pathToUri(e.source), range: e.range },
    message: `${visible(evidenceLabel(e))}: ${clip(oneLine(e.excerpt), MAX_RELATED_EXCERPT)}`,
  };
}

/** "Title — Outlet, 2025-11-25" (title falls back to the file name). */
export function evidenceLabel(e: { source: string; title?: string; outlet?: string; date?: string }): string {
  const title = e.title?.trim() || path.basename(e.source);
  const extra = [e.outlet?.trim(), e.date].filter(Boolean).join(', ');
  return extra ? `${title} — ${extra}` : title;
}

export function sourceLabel(info: SourceInfo): string {
  const date = info.date ? `${info.date.iso}${info.date.ambiguous ? ' (date uncertain)' : ''}` : undefined;
  return evidenceLabel({ source: info.path, title: info.title, outlet: info.outlet, date });
}

/** One line, with control and bidi characters from untrusted text shown as escapes (see text/visible.ts). */
export function oneLine(s: string): string {
  return visibleLine(s).trim();
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Escapes the characters CommonMark could read as inline markup or HTML (so `<script>` stays text), and no more:
 * some clients show hovers as raw Markdown, where needless backslashes are noise. Text is put on one line.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s).replace(/[\\`*_\[\]<>#|~&$]/g, (c) => `\\${c}`);
}

/** A file URI that opens the source at the passage: `file:///…/x.txt#L12` (1-based line). */
export function sourceLink(source: string, range: Range): string {
  return `${pathToUri(source)}#L${range.start.line + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

export function containsPosition(r: Range, p: { line: number; character: number }): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
