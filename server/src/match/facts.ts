// Matching a draft figure or date to the source claims about the same thing, by the words around them.
import type { DateClaim, FigureClaim, Span } from '../engine/types';
import type { Corpus } from '../corpus/corpus';
import type { AnalyzedText } from '../extract/document';
import { contentWords } from '../text/words';
import { coverage } from './similarity';

export interface FactCandidate<C> {
  doc: number;
  /** The source's claims of the same kind in its best-matching sentence (usually one). */
  claims: C[];
  /** 0..1: how well the source sentence covers the draft sentence and the words right around the claim. */
  score: number;
}

/** Content words of the draft sentence within `reach` characters of the claim, the claim's own words left out. */
export function localWords(draft: AnalyzedText, span: Span, reach = 60): string[] {
  const sentence = draft.sentences[sentenceOf(draft, span.start)];
  const from = Math.max(sentence.start, span.start - reach);
  const to = Math.min(sentence.end, span.end + reach);
  return contentWords(draft.text.slice(from, span.start) + ' ' + draft.text.slice(span.end, to));
}

function sentenceOf(draft: AnalyzedText, offset: number): number {
  const i = draft.sentences.findIndex((s) => s.start <= offset && offset <= s.end);
  return i < 0 ? 0 : i;
}

/**
 * Source claims of the same kind (as `sameKind` decides) in sentences like the draft's, best per source document,
 * scored and sorted best first.
 */
export function factCandidates<C extends FigureClaim | DateClaim>(
  claim: C,
  draft: AnalyzedText,
  corpus: Corpus,
  claimsOf: (doc: AnalyzedText) => readonly C[],
  sameKind: (source: C) => boolean,
): Array<FactCandidate<C>> {
  const { index } = corpus;
  const own = new Set(contentWords(claim.text));
  const sentenceWords = (draft.sentenceWords[claim.sentence] ?? []).filter((w) => !own.has(w));
  const local = localWords(draft, claim.span).filter((w) => !own.has(w));
  if (!sentenceWords.length) return [];
  const best = new Map<number, FactCandidate<C>>();
  for (const candidate of index.candidates([...local, ...sentenceWords], 40)) {
    const doc = corpus.sources[candidate.doc].analysis;
    const set = index.sentenceSets[candidate.doc][candidate.sentence];
    const score = 0.5 * coverage(sentenceWords, set, index.idf) + 0.5 * coverage(local, set, index.idf);
    const claims = claimsOf(doc).filter((c) => c.sentence === candidate.sentence && !c.inQuote && sameKind(c));
    if (!claims.length) continue;
    const previous = best.get(candidate.doc);
    if (!previous || score > previous.score) best.set(candidate.doc, { doc: candidate.doc, claims, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
