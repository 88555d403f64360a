// Output formats of the CLI: text for people, GitHub annotations for workflows (SARIF is in sarif.ts).
import { isAbsolute, relative, sep } from 'node:path';
import { RULE_IDS, type Disagreement, type Finding, type Severity } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { visible, visibleLine } from '../text/visible';
import { sourceRoot } from './sarif';

export interface FileFindings { path: string; findings: Finding[] }

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

// Severity words only; the rest stays the terminal's own colour.
const SEVERITY_COLOUR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The path as people read it: relative to `base` (the working folder) when inside it. */
function displayPath(path: string, base = process.cwd()): string {
  const rel = relative(base, path);
  return rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : path;
}

/** Colour only where a person reads it: when asked (--color / --no-color), else on a terminal without NO_COLOR. */
export function colourWanted(flag: boolean | undefined, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  return Boolean(isTTY) && !env.NO_COLOR;
}

export function formatText(files: FileFindings[], options: { colour?: boolean } = {}): string {
  const paint = (severity: Severity, word: string = severity) => (options.colour ? `${SEVERITY_COLOUR[severity]}${word}${RESET}` : word);
  const lines: string[] = [];
  for (const file of files) {
    const name = visible(displayPath(file.path));
    for (const f of file.findings) {
      lines.push(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${paint(f.severity)} ${f.rule} ${visibleLine(f.message)}`);
      if (f.suggestions.length) lines.push(`    suggestion: ${f.suggestions.map((s) => `“${visibleLine(s)}”`).join(' or ')}`);
      for (const e of f.evidence.slice(0, 3)) lines.push(`    ${visibleLine(e.outlet ?? e.title)}${e.date ? ` (${visibleLine(e.date)})` : ''}: ${visibleLine(e.excerpt)}`);
      if (f.evidence.length > 3) lines.push(`    … and ${f.evidence.length - 3} more`);
    }
    lines.push(`${name}: ${plural(file.findings.length, 'finding')}`);
  }
  lines.push('', ...summaryLines(files, paint));
  return lines.join('\n') + '\n';
}

/** Totals for the whole run: files checked, findings per severity, then per rule. */
function summaryLines(files: FileFindings[], paint: (s: Severity, word?: string) => string): string[] {
  const all = files.flatMap((f) => f.findings);
  const bySeverity = SEVERITIES.map((s) => [s, all.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${paint(s, n === 1 || s === 'information' ? s : `${s}s`)}`);
  const lines = [`${plural(files.length, 'file')} checked, ${plural(all.length, 'finding')}${bySeverity.length ? `: ${bySeverity.join(', ')}` : ''}`];
  for (const rule of RULE_IDS) {
    const count = all.filter((f) => f.rule === rule).length;
    if (count) lines.push(`  ${rule}: ${count}`);
  }
  return lines;
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation line per finding; paths relative to the repository's top level, as GitHub places annotations. */
export function formatGithub(files: FileFindings[], root = sourceRoot()): string {
  const lines: string[] = [];
  for (const file of files) {
    const path = displayPath(file.path, root).split(sep).join('/');
    for (const f of file.findings) {
      const { start, end } = f.range;
      const properties = [
        `file=${githubProperty(visible(path))}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${githubProperty(`corroborate ${f.rule}`)}`,
      ].join(',');
      const suggestion = f.suggestions.length ? ` (suggestion: ${f.suggestions.map((s) => `“${visibleLine(s)}”`).join(' or ')})` : '';
      lines.push(`::${GITHUB_LEVEL[f.severity]} ${properties}::${githubData(visibleLine(f.message) + suggestion)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Outlets named per variant in text output; the rest are counted. */
const OUTLETS_SHOWN = 5;

export function formatSources(corpus: Corpus, disagreements: Disagreement[], page: { offset: number; total: number; more: number } = { offset: 0, total: disagreements.length, more: 0 }): string {
  const lines: string[] = [`${corpus.sources.length} sources under ${visible(corpus.roots.join(', '))}`, ''];
  for (const s of corpus.sources) {
    const a = s.analysis;
    const date = s.info.date ? `${s.info.date.iso} (${s.info.date.how}${s.info.date.ambiguous ? ', ambiguous' : ''}: “${visibleLine(s.info.date.raw)}”)` : 'no date found';
    lines.push(visible(relative(process.cwd(), s.info.path)));
    lines.push(`  title:  ${visibleLine(s.info.title)}`);
    lines.push(`  outlet: ${visibleLine(s.info.outlet ?? 'unknown')}`);
    lines.push(`  date:   ${date}`);
    lines.push(`  claims: ${a.quotes.length} quotes, ${a.figures.length} figures, ${a.dates.length} dates in ${a.sentences.length} sentences`);
  }
  if (corpus.problems.length) {
    lines.push('', 'Problems:');
    for (const p of corpus.problems) lines.push(`  ${visible(p.path)}: ${visibleLine(p.reason)}`);
  }
  const shown = disagreements.length ? `, strongest first; ${page.offset + 1}–${page.offset + disagreements.length} shown` : page.total ? `; none from ${page.offset + 1}` : '';
  lines.push('', `Facts on which the sources disagree (${page.total}${page.total > disagreements.length ? shown : ''}):`);
  for (const d of disagreements) {
    lines.push(`- ${visibleLine(d.topic)}`);
    for (const v of d.variants) {
      const names = v.sources.slice(0, OUTLETS_SHOWN).map((x) => visibleLine(x.source.outlet ?? x.source.title));
      if (v.sources.length > OUTLETS_SHOWN) names.push(`and ${v.sources.length - OUTLETS_SHOWN} more`);
      lines.push(`    “${visibleLine(v.value)}”: ${v.sources.length} source${v.sources.length === 1 ? '' : 's'} (${names.join('; ')})`);
    }
  }
  if (page.more) lines.push(`… and ${page.more} more (--offset ${page.offset + disagreements.length})`);
  return lines.join('\n') + '\n';
}
