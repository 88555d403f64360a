// Output formats of the CLI: text for people, SARIF for code-scanning tools.
import { relative } from 'node:path';
import type { Disagreement, Finding } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { RULES } from '../checks/registry';
import { visible, visibleLine } from '../text/visible';

interface FileFindings { path: string; findings: Finding[] }

export function formatText(files: FileFindings[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const name = visible(relative(process.cwd(), file.path) || file.path);
    for (const f of file.findings) {
      lines.push(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${visibleLine(f.message)}`);
      if (f.suggestions.length) lines.push(`    suggestion: ${f.suggestions.map((s) => `“${visibleLine(s)}”`).join(' or ')}`);
      for (const e of f.evidence.slice(0, 3)) lines.push(`    ${visibleLine(e.outlet ?? e.title)}${e.date ? ` (${visibleLine(e.date)})` : ''}: ${visibleLine(e.excerpt)}`);
      if (f.evidence.length > 3) lines.push(`    … and ${f.evidence.length - 3} more`);
    }
    const total = file.findings.length;
    lines.push(`${name}: ${total} finding${total === 1 ? '' : 's'}`);
  }
  return lines.join('\n') + '\n';
}

export function formatSarif(files: FileFindings[]) {
  const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'corroborate', rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.description } })) } },
      results: files.flatMap((file) => file.findings.map((f) => ({
        ruleId: f.rule,
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: file.path }, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } }],
      }))),
    }],
  };
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
