// Shared helpers for the engine tests: small in-memory corpora, findings with the draft text they cover, seed sentences.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkText, corpusFromTexts, lineStartsOf, offsetAt, type CheckOptions, type Corpus, type Finding, type Range, type RuleId } from '../../server/src/engine';
import { analyzeText } from '../../server/src/extract/document';

export const ROOT = resolve(__dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');

export type Source = string | { path: string; text: string };

/** A corpus from hand-written texts; a bare string becomes /sources/sN.md. */
export function corpusOf(sources: readonly Source[]): Corpus {
  return corpusFromTexts(sources.map((s, i) => (typeof s === 'string' ? { path: `/sources/s${i}.md`, text: s } : s)));
}

/** Offsets of an LSP range in `text`. */
export function spanOf(text: string, range: Range): { start: number; end: number } {
  const starts = lineStartsOf(text);
  return { start: offsetAt(starts, range.start), end: offsetAt(starts, range.end) };
}

export interface Located extends Finding { text: string; start: number; end: number }

/** Every finding on `draft`, with the draft text its range covers. */
export function findingsOf(corpus: Corpus, draft: string, options?: CheckOptions): Located[] {
  return checkText(corpus, draft, options).map((f) => {
    const { start, end } = spanOf(draft, f.range);
    return { ...f, start, end, text: draft.slice(start, end) };
  });
}

/** Findings of one rule. */
export function ruleFindings(corpus: Corpus, draft: string, rule: RuleId, options?: CheckOptions): Located[] {
  return findingsOf(corpus, draft, options).filter((f) => f.rule === rule);
}

/** Exactly one finding of `rule`, and it covers `covering` (a substring of the draft). */
export function single(findings: Located[], covering: string): Located {
  assert.equal(findings.length, 1, `expected one finding, got ${JSON.stringify(findings.map((f) => [f.rule, f.text, f.message]))}`);
  const f = findings[0];
  assert.ok(f.text.includes(covering) || covering.includes(f.text), `finding covers ${JSON.stringify(f.text)}, expected ${JSON.stringify(covering)}`);
  return f;
}

/** Every finding's evidence names a source of the corpus, with an excerpt that is really in that source at its range. */
export function assertEvidence(corpus: Corpus, finding: Finding): void {
  assert.ok(finding.evidence.length > 0, `${finding.rule} carries no evidence`);
  for (const e of finding.evidence) {
    const source = corpus.sources.find((s) => s.info.path === e.source);
    assert.ok(source, `evidence names an unknown source ${e.source}`);
    const { start, end } = spanOf(source.text, e.range);
    assert.equal(e.excerpt.replace(/…$/, ''), source.text.slice(start, end), 'evidence excerpt is the text at its range');
  }
}

/** The seed corpus's sentences, for property tests over realistic prose. */
export function seedSentences(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .flatMap((f) => analyzeText(readFileSync(join(SEEDS, f), 'utf8')).sentences.map((s) => s.text))
    .filter((s) => s.trim().length > 0);
}
