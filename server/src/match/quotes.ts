// Matching a draft quote against the corpus: exact wording, near wording (aligned word by word), or nothing.
import diffSequences from 'diff-sequences';
import { distance } from 'fastest-levenshtein';
import type { QuoteClaim } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { quotesInSentence, type AnalyzedText } from '../extract/document';
import type { Sentence } from '../text/segment';
import { tokensOf, contentWords } from '../text/words';
import { americanSpelling } from '../text/spelling';
import { BoundedCache } from '../model/boundedCache';

export interface SourceQuoteMatch {
  doc: number;
  quote: QuoteClaim;
  /** Share of the draft's words found in order in the source quote. */
  overlap: number;
  /** The source's wording for the part the draft quotes, as written in the source. */
  wording: string;
  exact: boolean;
  /** How much the surrounding sentences agree (weighted content words). */
  context: number;
}

export interface QuoteMatch {
  claim: QuoteClaim;
  exact: SourceQuoteMatch[];
  near: SourceQuoteMatch[];
  /**
   * Source quotes whose words the draft quotes verbatim while extending or trimming them ("…as usual… how could you
   * imagine that?" where the source stops at "as usual"); `wording` is the shared part.
   */
  partial: SourceQuoteMatch[];
  /** The words appear verbatim in a source's running text (not as a quote). */
  inText: Array<{ doc: number; start: number; end: number }>;
}

interface Word { text: string; start: number; end: number }

/** How much of the draft sentence a source sentence must share before a short quote found in its running text counts. */
const SHORT_QUOTE_CONTEXT = 0.3;

/** Shared verbatim words that make an extended or trimmed quote the same remark as a source's. */
const MIN_SHARED_RUN = 4;

/**
 * A source quote this long found whole inside a draft quote is the draft extending it (he feels “full
 * responsibility” → “We feel full responsibility”): the source's quoted words are unchanged, the rest it does not quote.
 */
const MIN_CONTAINED_QUOTE = 2;

/** "it's", "that's": a pronoun's 's is "is" (another word's is a possessive). */
const PRONOUN_IS = /^(it|that|there|here|what|who|where|how|he|she|this)'s$/;
/** Contractions written out ("we're" is "we are"); "'d" (had or would) and "'s" after other words are left alone. */
const CONTRACTED_VERB: Readonly<Record<string, string>> = { re: 'are', ve: 'have', ll: 'will', m: 'am' };
const CONTRACTED_NOT: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

/** A token's words with its contraction written out: "that's" is "that is", "wouldn't" is "would not", "cannot" "can not". */
function expanded(lower: string): string[] {
  const is = PRONOUN_IS.exec(lower);
  if (is) return [is[1], 'is'];
  if (lower === 'cannot') return ['can', 'not'];
  if (lower === "let's") return ['let', 'us'];
  const not = /^(\p{L}+)n't$/u.exec(lower);
  if (not) return [CONTRACTED_NOT[not[1]] ?? not[1], 'not'];
  const verb = /^(\p{L}+)'(re|ve|ll|m)$/u.exec(lower);
  if (verb) return [verb[1], CONTRACTED_VERB[verb[2]]];
  return [lower.replace(/'s$/, '')];
}

/** "(Daesh)" inside a quotation: an editor's gloss in brackets, not the speaker's words. */
const GLOSS = /\([^()"“”]{1,40}\)/g;
/** "Nov. 5" is "November 5": a month abbreviated in house style. */
const MONTH_ABBREVIATION: Readonly<Record<string, string>> = {
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
};

/**
 * Words in lower case with plain apostrophes, contractions written out and no possessive 's (a token holds no other
 * character normalise() changes); abbreviation dots dropped ("U.S." is "us"), months written out ("Nov." is
 * "november"), hyphenated words split ("fine-tuned" is "fine tuned") and glosses in brackets left out, so house
 * punctuation and style never make two wordings differ. A written-out contraction's words share its token's span.
 */
function wordsWithSpans(text: string, base: number): Word[] {
  const words: Word[] = [];
  const glosses = [...text.matchAll(GLOSS)].map((m) => ({ start: base + m.index, end: base + m.index + m[0].length }));
  for (const t of tokensOf(text, base)) {
    if (glosses.length && glosses.some((g) => g.start <= t.start && t.end <= g.end)) continue;
    let lower = t.lower.replace(/’/g, "'");
    if (text.charAt(t.end - base) === '.' && MONTH_ABBREVIATION[lower]) lower = MONTH_ABBREVIATION[lower];
    // "13%", "13 percent" and "13 per cent": one word "percent" after the number, whatever the house style.
    if (lower === 'cent' && words.at(-1)?.text === 'per') {
      words[words.length - 1] = { text: 'percent', start: words[words.length - 1].start, end: t.end };
      continue;
    }
    if (!lower.includes('-')) {
      for (const word of expanded(lower)) words.push({ text: americanSpelling(word.replace(/\./g, '')), start: t.start, end: t.end });
      if (/^\d/.test(lower) && text.charAt(t.end - base) === '%') words.push({ text: 'percent', start: t.end, end: t.end + 1 });
      continue;
    }
    let at = t.start;
    for (const part of lower.replace(/'s$/, '').split('-')) {
      if (part) words.push({ text: americanSpelling(part.replace(/\./g, '')), start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return words;
}

/** Word indices where an ellipsis or a [bracketed] insertion cuts the quote: the writer marks words left out there. */
function cutsOf(text: string, words: Word[]): Set<number> {
  const cuts = new Set<number>();
  for (let i = 1; i < words.length; i++) if (/…|\.\.\.|\[|\]/.test(text.slice(words[i - 1].end, words[i].start))) cuts.add(i);
  return cuts;
}

/** A source quote's words (offsets within the quote), their " a b c " string and set. */
interface SourceQuoteWords {
  words: Word[];
  haystack: string;
  set: Set<string>;
  /** The wording from word `first` to word `last` (by first * words.length + last): one string for all who quote it. */
  spans: Map<number, string>;
}

/** The source's wording from word `first` to word `last` of a quote, as written. */
function wordingOf(quote: QuoteClaim, words: SourceQuoteWords, first: number, last: number): string {
  const key = first * words.words.length + last;
  let wording = words.spans.get(key);
  if (wording === undefined) words.spans.set(key, (wording = quote.words.slice(words.words[first].start, words.words[last].end)));
  return wording;
}

/**
 * Source quotes by their wording: a quote is a candidate for many draft quotes, and wire copy repeats it word for
 * word across sources. Bounded, as a corpus may quote without end.
 */
const wordingWords = new BoundedCache(50_000, (wording: string): SourceQuoteWords => {
  const words = wordsWithSpans(wording, 0);
  const texts = words.map((w) => w.text);
  return { words, haystack: ' ' + texts.join(' ') + ' ', set: new Set(texts), spans: new Map() };
});
/** The same, by quote: a lookup by identity, not by comparing the wording again. */
const wordsByQuote = new WeakMap<QuoteClaim, SourceQuoteWords>();
function wordsOfSourceQuote(quote: QuoteClaim): SourceQuoteWords {
  let found = wordsByQuote.get(quote);
  if (found) return found;
  found = wordingWords.get(quote.words);
  wordsByQuote.set(quote, found);
  return found;
}

/** A source's quotes by the sentence they open in (a source is a candidate for many draft quotes). */
const quotesBySentence = new WeakMap<readonly QuoteClaim[], Map<number, QuoteClaim[]>>();
/** The quotes opening in `sentence` or the two before it (a quote may run over sentences), in text order. */
function quotesOpeningNear(quotes: readonly QuoteClaim[], sentence: number): QuoteClaim[] {
  let bySentence = quotesBySentence.get(quotes);
  if (!bySentence) {
    quotesBySentence.set(quotes, (bySentence = new Map()));
    for (const quote of quotes) {
      const list = bySentence.get(quote.sentence);
      if (list) list.push(quote);
      else bySentence.set(quote.sentence, [quote]);
    }
  }
  const near: QuoteClaim[] = [];
  for (let s = sentence - 2; s <= sentence; s++) near.push(...(bySentence.get(s) ?? []));
  return near;
}

/** A source sentence's words as " a b c ", for finding quoted words in running text. */
const sentenceWordStrings = new WeakMap<Sentence, string>();
function runningWordsOf(sentence: Sentence): string {
  let words = sentenceWordStrings.get(sentence);
  if (words === undefined) sentenceWordStrings.set(sentence, (words = ' ' + wordsWithSpans(sentence.text, 0).map((w) => w.text).join(' ') + ' '));
  return words;
}

export function matchQuote(claim: QuoteClaim, draft: AnalyzedText, corpus: Corpus): QuoteMatch {
  const draftTokens = wordsWithSpans(claim.words, 0);
  const draftWords = draftTokens.map((w) => w.text);
  const result: QuoteMatch = { claim, exact: [], near: [], partial: [], inText: [] };
  if (!draftWords.length) return result;
  const needle = ' ' + draftWords.join(' ') + ' ';
  // An ellipsis or a [bracketed] editorial insertion stands for words left out: each piece must match, in order.
  const fragments = claim.words
    .split(/…|\.\.\.|\[[^\]]*\]/)
    .map((f) => wordsWithSpans(f, 0).map((w) => w.text))
    .filter((f) => f.length);
  const wording: DraftWording = { words: draftWords, fragments, cuts: cutsOf(claim.words, draftTokens), text: claim.words, tokens: draftTokens };
  const sentenceWords = draft.sentenceWords[claim.sentence] ?? [];
  const { index } = corpus;
  const sentenceQuery = index.weigh(contextWords(claim, draft) ?? sentenceWords);
  const quoteContent = contentWords(claim.words);
  // Sentences like the draft's, searched from the quoted words' rarest first: in a long draft sentence (or two the
  // splitter left joined) the rarest words may all lie outside the quote.
  const candidates = index.candidates([...quoteContent, ...sentenceWords, ...leadInWords(claim, draft, quoteContent)], 60, quoteContent);
  const seenQuotes = new Set<QuoteClaim>();
  const comparisons = new Map<string, WordingComparison>();
  for (const candidate of candidates) {
    // Only a paragraph with quotation marks can hold a source quote: skip the others without reading the source.
    if (!index.inQuotedParagraph(candidate.doc, candidate.sentence)) continue;
    for (const quote of quotesOpeningNear(corpus.sources[candidate.doc].quotes, candidate.sentence)) {
      if (seenQuotes.has(quote)) continue;
      seenQuotes.add(quote);
      const theirs = wordsOfSourceQuote(quote);
      const { words: sourceWords, haystack, set: sourceSet } = theirs;
      // Wire copy repeats a quote word for word across sources: compare each distinct wording once.
      let compared = comparisons.get(quote.words);
      if (!compared) comparisons.set(quote.words, (compared = compareWording(wording, { words: sourceWords, text: quote.words }, haystack, sourceSet)));
      const { found, aligned, extended } = compared;
      // Most quotes near a candidate are other quotes: only a match needs its context scored.
      if (!found && !aligned && !extended) continue;
      const context = index.coverage(sentenceQuery, candidate.doc, quote.sentence);
      // A short quote found inside an unrelated longer one ("both sides" in "input from both sides") proves nothing.
      if (found && draftWords.length < 4 && context < SHORT_QUOTE_CONTEXT && sourceWords.length > draftWords.length) continue;
      if (found) {
        result.exact.push({ doc: candidate.doc, quote, overlap: 1, exact: true, context, wording: wordingOf(quote, theirs, found.first, found.last) });
      } else if (extended) {
        const wording = wordingOf(quote, theirs, extended.first, extended.last);
        result.partial.push({ doc: candidate.doc, quote, overlap: extended.overlap, exact: false, context, wording });
      } else if (aligned) {
        const wording = wordingOf(quote, theirs, aligned.first, aligned.last);
        result.near.push({ doc: candidate.doc, quote, overlap: aligned.overlap, exact: false, context, wording });
      }
    }
  }
  if (!result.exact.length && fragments.length > 1) result.exact.push(...acrossQuotes(fragments, candidates, corpus, sentenceQuery));
  if (!result.exact.length) {
    // Quoted words may stand unquoted in a source ("a common understanding" in a headline).
    for (const candidate of candidates.slice(0, 10)) {
      const sentence = corpus.sources[candidate.doc].segmented.sentences[candidate.sentence];
      if (!runningWordsOf(sentence).includes(needle)) continue;
      // Two or three common words ("both sides") turn up anywhere: short quotes need the sentence around them too.
      const context = index.coverage(sentenceQuery, candidate.doc, candidate.sentence);
      if (draftWords.length >= 4 || context >= SHORT_QUOTE_CONTEXT) result.inText.push({ doc: candidate.doc, start: sentence.start, end: sentence.end });
    }
  }
  return result;
}

/** Fewer content words than this outside a quote, and its sentence says nothing of where the remark was made. */
const BARE_QUOTE_CONTEXT = 2;

/**
 * The sentence before a quote standing alone ("“That was not a plan, it was an idea,” he said.") in its paragraph:
 * it tells where and when the remark was made, and the quote's own words may all be too common to search by.
 */
function leadInWords(claim: QuoteClaim, draft: AnalyzedText, quoteContent: readonly string[]): string[] {
  const sentence = draft.sentences[claim.sentence];
  const previous = draft.sentences[claim.sentence - 1];
  if (!sentence || !previous || previous.paragraph !== sentence.paragraph) return [];
  const own = new Set(quoteContent);
  const outside = (draft.sentenceWords[claim.sentence] ?? []).filter((w) => !own.has(w));
  return outside.length < BARE_QUOTE_CONTEXT ? draft.sentenceWords[claim.sentence - 1] ?? [] : [];
}

/**
 * The draft sentence's words without its other quotes ("X warned of “a capitulation”, and Y said there was “a long way
 * to go”"): each is another remark, so its words are not this quote's context. Undefined when the quote is alone.
 */
function contextWords(claim: QuoteClaim, draft: AnalyzedText): string[] | undefined {
  const sentence = draft.sentences[claim.sentence];
  const others = quotesInSentence(draft, claim.sentence).filter((q) => q !== claim);
  if (!sentence || !others.length) return undefined;
  let text = sentence.text;
  for (const q of others) {
    const from = Math.max(0, q.span.start - sentence.start);
    const to = Math.min(text.length, q.span.end - sentence.start);
    if (from < to) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return contentWords(text);
}

/**
 * A draft quote whose ellipsis joins two remarks a source quotes apart ("…not just ours alone," he said. "This
 * success belongs to all…" → "…not just ours alone… This success belongs to all…"): each piece is word for word in
 * one of a few quotes opening in neighbouring sentences of one source, in order. Only the ten best candidates.
 */
function acrossQuotes(fragments: string[][], candidates: ReadonlyArray<{ doc: number; sentence: number }>, corpus: Corpus, sentenceQuery: ReturnType<Corpus['index']['weigh']>): SourceQuoteMatch[] {
  const { index } = corpus;
  for (const candidate of candidates.slice(0, 10)) {
    if (!index.inQuotedParagraph(candidate.doc, candidate.sentence)) continue;
    const near = quotesOpeningNear(corpus.sources[candidate.doc].quotes, candidate.sentence + 1);
    const used: QuoteClaim[] = [];
    let at = 0;
    for (const fragment of fragments) {
      const needle = ' ' + fragment.join(' ') + ' ';
      while (at < near.length && !wordsOfSourceQuote(near[at]).haystack.includes(needle)) at++;
      if (at === near.length) break;
      if (used.at(-1) !== near[at]) used.push(near[at]);
    }
    if (at === near.length || used.length < 2) continue;
    const context = index.coverage(sentenceQuery, candidate.doc, used[0].sentence);
    return [{ doc: candidate.doc, quote: used[0], overlap: 1, exact: true, context, wording: used.map((q) => q.words).join(' … ') }];
  }
  return [];
}

/** A draft quote's words, the pieces between its cuts, and where the cuts are (word indices); its text and word spans. */
interface DraftWording { words: string[]; fragments: string[][]; cuts: ReadonlySet<number>; text: string; tokens: Word[] }

/** A quote's words with their spans in its text (the punctuation between them says where sentences and clauses end). */
interface QuoteText { words: Word[]; text: string }

interface WordingComparison {
  found?: { first: number; last: number };
  aligned?: { overlap: number; first: number; last: number };
  /** The shared words are verbatim; the draft only quotes more or fewer of them (see QuoteMatch.partial). */
  extended?: { overlap: number; first: number; last: number };
}

/** The draft quote's words found in a source quote verbatim (in order, fragment by fragment), or aligned closely. */
function compareWording(draft: DraftWording, source: QuoteText, haystack: string, sourceSet: ReadonlySet<string>): WordingComparison {
  const { words: draftWords, fragments } = draft;
  const sourceWords = source.words;
  const found = findInOrder(fragments.length > 1 ? fragments : [draftWords], haystack);
  if (found) return { found };
  // The source's whole quote inside a longer draft quote.
  if (sourceWords.length >= MIN_CONTAINED_QUOTE && fragments.some((f) => (' ' + f.join(' ') + ' ').includes(haystack))) {
    return { extended: { overlap: sourceWords.length / draftWords.length, first: 0, last: sourceWords.length - 1 } };
  }
  // Most candidates share a word or two: count shared words before paying for an alignment.
  if (draftWords.filter((w) => sourceSet.has(w)).length < draftWords.length * 0.5) return {};
  const aligned = align(draft, source);
  if (!aligned || aligned.overlap < 0.5) return {};
  return aligned.extends ? { extended: aligned } : { aligned };
}

/** Word indices of the first and last word of `fragments` found one after another in `haystack` (" a b c "). */
function findInOrder(fragments: string[][], haystack: string): { first: number; last: number } | undefined {
  let from = 0;
  let first = -1;
  let last = -1;
  for (const fragment of fragments) {
    const needle = ' ' + fragment.join(' ') + ' ';
    const at = haystack.indexOf(needle, from);
    if (at < 0) return undefined;
    let index = 0; // words before `at`: one per space but the leading one
    for (let i = 1; i <= at; i++) if (haystack.charCodeAt(i) === 32) index++;
    if (first < 0) first = index;
    last = index + fragment.length - 1;
    from = at + needle.length - 1;
  }
  return first < 0 ? undefined : { first, last };
}

/**
 * Aligns the draft's words with a source quote (a longest common subsequence of words) and returns the share of draft
 * words matched plus the source words (first and last index) that correspond to the draft's quote, extended over
 * unmatched words at either end. diff-sequences (Jest's) rather than jsdiff's diffArrays: it compares indices instead
 * of building change objects, about ten times faster on quotes, and a check aligns thousands of them.
 */
function align(wording: DraftWording, sourceText: QuoteText): { overlap: number; first: number; last: number; extends: boolean } | undefined {
  const draft = wording.words;
  const source = sourceText.words;
  const draftAt: number[] = [];
  const sourceAt: number[] = [];
  const runs: Run[] = [];
  diffSequences(
    draft.length,
    source.length,
    (d, s) => draft[d] === source[s].text,
    (count, d, s) => {
      const previous = runs[runs.length - 1];
      if (previous && previous.d + previous.count === d && previous.s + previous.count === s) previous.count += count;
      else runs.push({ d, s, count });
      for (let i = 0; i < count; i++) {
        draftAt.push(d + i);
        sourceAt.push(s + i);
      }
    },
  );
  const matched = sourceAt.length;
  if (!matched) return undefined;
  if (matched >= MIN_SHARED_RUN && (onlyExtends(runs, wording, source.length) || trimmedOnce(runs, wording, sourceText))) {
    const lastRun = runs[runs.length - 1];
    return { overlap: matched / draft.length, first: runs[0].s, last: lastRun.s + lastRun.count - 1, extends: true };
  }
  if (matched >= 2) placeEnds(draft, source, draftAt, sourceAt);
  // Matched words must be close together in the source, not scattered over a long quote.
  const spread = sourceAt[matched - 1] - sourceAt[0] + 1;
  if (spread > draft.length * 2 + 2) return undefined;
  const leadingDraft = draftAt[0];
  const trailingDraft = draft.length - 1 - draftAt[matched - 1];
  const from = Math.max(0, sourceAt[0] - leadingDraft);
  const to = Math.min(source.length - 1, sourceAt[matched - 1] + trailingDraft);
  return { overlap: matched / draft.length, first: from, last: to, extends: false };
}

/** A stretch of words common to the draft and a source quote: draft index, source index, length. */
interface Run { d: number; s: number; count: number }

/**
 * The shared words are the source's verbatim and the draft differs only beyond them: each shared run begins where the
 * draft quote or a cut in it begins (or, first, where the source's quote begins) and ends likewise, so no word inside
 * the shared part is changed, dropped or added.
 */
function onlyExtends(runs: Run[], draft: DraftWording, sourceLength: number): boolean {
  return runs.every((run, i) => {
    const end = run.d + run.count;
    const startsClean = run.d === 0 || draft.cuts.has(run.d) || (i === 0 && run.s === 0);
    const endsClean = end === draft.words.length || draft.cuts.has(end) || (i === runs.length - 1 && run.s + run.count === sourceLength);
    return startsClean && endsClean;
  });
}

/** Words that deny: a run of words holding one changes what the rest says, so leaving it out is no trim. */
const NEGATION = new Set(['not', 'no', 'never', 'nor', 'neither', 'nobody', 'nothing', 'none', 'without']);
/** Punctuation that ends a sentence, or a clause, between two words. */
const SENTENCE_END = /[.!?]/;
const CLAUSE_END = /[.!?,;:()–—]|\s-\s/;

/**
 * The draft and the source quote differ by one run of words that one side has and the other leaves out, every shared
 * word in the same order (and the draft otherwise only extends the source's quote at its ends): a trim, not an
 * alteration, where the run is at least two words and
 * - a whole sentence on its side (real copy drops a sentence from the middle of a remark without an ellipsis);
 * - or, holding no denial, a clause on its side, or words only the draft has (a source that trims a remark silently
 *   leaves the draft the speaker's fuller words).
 * One word dropped or added, a denial, or words the draft drops inside a clause stay alterations.
 */
function trimmedOnce(runs: Run[], draft: DraftWording, source: QuoteText): boolean {
  if (runs.length < 2) return false;
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!(first.d === 0 || draft.cuts.has(first.d) || first.s === 0)) return false;
  const lastEnd = last.d + last.count;
  if (!(lastEnd === draft.words.length || draft.cuts.has(lastEnd) || last.s + last.count === source.words.length)) return false;
  let gap: { draftSide: boolean; at: number; count: number; before: Run; after: Run } | undefined;
  for (let i = 1; i < runs.length; i++) {
    const [before, after] = [runs[i - 1], runs[i]];
    const draftGap = after.d - before.d - before.count;
    const sourceGap = after.s - before.s - before.count;
    if (draftGap === 0 && draft.cuts.has(after.d)) continue; // the draft's ellipsis marks the words left out
    if (gap || (draftGap > 0 && sourceGap > 0)) return false; // a second run, or words changed
    gap = draftGap > 0
      ? { draftSide: true, at: before.d + before.count, count: draftGap, before, after }
      : { draftSide: false, at: before.s + before.count, count: sourceGap, before, after };
  }
  if (!gap || gap.count < 2 || gap.before.count < 2 || gap.after.count < 2) return false;
  const side = gap.draftSide ? { words: draft.tokens, text: draft.text } : source;
  const texts = gap.draftSide ? draft.words : source.words.map((w) => w.text);
  const between = (i: number) => (i <= 0 || i >= side.words.length ? '.' : side.text.slice(side.words[i - 1].end, side.words[i].start));
  // The run may sit a few words earlier or later with the same result ("that is [not one case that is]" or "[that
  // is not one case] that is"): any such place bounded by punctuation makes it a sentence or clause.
  let from = gap.at;
  while (from > 0 && from > gap.at - gap.before.count && texts[from - 1] === texts[from + gap.count - 1]) from--;
  let to = gap.at;
  while (to + gap.count < texts.length && to < gap.at + gap.after.count && texts[to] === texts[to + gap.count]) to++;
  const bounded = (end: RegExp) => {
    for (let at = from; at <= to; at++) if (end.test(between(at)) && end.test(between(at + gap.count))) return true;
    return false;
  };
  if (bounded(SENTENCE_END)) return true;
  if (texts.slice(gap.at, gap.at + gap.count).some((w) => NEGATION.has(w))) return false;
  return gap.draftSide || bounded(CLAUSE_END);
}

/**
 * The first and last matched words decide where the source's wording starts and ends, and a common word may occur
 * more than once: "the next round starts Monday" against "The talks were hard, and the next round starts Friday" may
 * match either "the". Each end takes the copy whose gap to its neighbouring match is most like the draft's (the
 * nearer on a tie), so a partial quote is not stretched over the source's earlier or later words.
 */
function placeEnds(draft: string[], source: Word[], draftAt: number[], sourceAt: number[]): void {
  const last = sourceAt.length - 1;
  sourceAt[0] = closestCopy(source, draft[draftAt[0]], 0, sourceAt[1], sourceAt[1], draftAt[1] - draftAt[0] - 1);
  sourceAt[last] = closestCopy(source, draft[draftAt[last]], sourceAt[last - 1] + 1, source.length, sourceAt[last - 1], draftAt[last] - draftAt[last - 1] - 1);
}

/** Of the copies of `word` in source[from, to), the one with nearest `gap` words between it and `anchor`; the nearer on a tie. */
function closestCopy(source: Word[], word: string, from: number, to: number, anchor: number, gap: number): number {
  let best = -1;
  let bestMiss = Infinity;
  for (let s = from; s < to; s++) {
    if (source[s].text !== word) continue;
    const miss = Math.abs(Math.abs(s - anchor) - 1 - gap);
    if (miss < bestMiss || (miss === bestMiss && Math.abs(s - anchor) < Math.abs(best - anchor))) {
      best = s;
      bestMiss = miss;
    }
  }
  return best;
}

type QuoteSpeaker = NonNullable<QuoteClaim['speaker']>;

/** Whether two quotes' speakers are one voice: positively the same, positively not, or unknown. */
export type SpeakerRelation = 'same' | 'different' | 'unknown';

/** Words that name who speaks for an institution rather than the institution itself ("Kremlin spokesman"). */
const VOICE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'press', 'secretary', 'official', 'officials', 'aide', 'aides', 'source', 'sources', 'statement', 'office', 'representative']);
/** Offices that speak for their head, by the head's role: "Downing Street said" is the prime minister's office speaking. */
const OFFICE_HEADS: ReadonlyArray<[office: string, heads: string[]]> = [
  ['downing street', ['prime minister', 'pm']],
  ['white house', ['president', 'press secretary']],
  ['kremlin', ['president']],
  ['elysee', ['president']],
  ['élysée', ['president']],
  ['blue house', ['president']],
];
const ARTICLES = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'one']);

/** A role or institution speaker as its words (lower case, plain apostrophes, possessive 's and articles dropped). */
function voiceWords(name: string): string[] {
  return wordsWithSpans(name, 0).map((w) => w.text).filter((w) => !ARTICLES.has(w));
}

/**
 * Compares two speakers. People: the same surname (allowing one letter of transliteration) or not; a "he said" that
 * disagrees proves nothing. Institutions and roles: the same institution, or one speaking for the other ("the
 * Kremlin" and "a Kremlin spokesman", "Downing Street" and "the prime minister"). A person and a role may be one.
 */
export function speakerRelation(a: QuoteSpeaker | undefined, b: QuoteSpeaker | undefined): SpeakerRelation {
  if (!a || !b) return 'unknown';
  if (a.person && b.person) return sameSurname(a.name, b.name) ? 'same' : a.inferred || b.inferred ? 'unknown' : 'different';
  if (a.person || b.person) return 'unknown';
  const x = voiceWords(a.name);
  const y = voiceWords(b.name);
  const bodyOf = (words: string[]) => words.filter((w) => !VOICE.has(w)).join(' ');
  const [bx, by] = [bodyOf(x), bodyOf(y)];
  // "ministry" and "foreign ministry", "Kremlin" and "Kremlin spokesman": one names the other more fully.
  if (bx && by && (` ${bx} `.includes(` ${by} `) || ` ${by} `.includes(` ${bx} `))) return 'same';
  // One side is an office, the other its head or the head's voice ("prime minister's spokeswoman", "press secretary").
  const speaksFor = (office: string, other: string[], otherBody: string) =>
    OFFICE_HEADS.some(([o, heads]) => o === office && (heads.includes(other.join(' ')) || heads.includes(otherBody)));
  if (speaksFor(bx, y, by) || speaksFor(by, x, bx)) return 'same';
  // Two roles tied to different named places or bodies ("Germany's foreign minister", "France's foreign minister").
  const named = (name: string) => new Set((name.match(/\p{Lu}[\p{L}’'-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, '')));
  const [nx, ny] = [named(a.name), named(b.name)];
  if (nx.size && ny.size && ![...nx].some((w) => ny.has(w))) return 'different';
  return 'unknown';
}

/** One person under two spellings: the same surname, allowing one letter of transliteration ("Zelensky", "Zelenskyy"). */
function sameSurname(a: string, b: string): boolean {
  const x = a.trim().split(/\s+/).pop()!.toLowerCase();
  const y = b.trim().split(/\s+/).pop()!.toLowerCase();
  return x === y || (Math.min(x.length, y.length) >= 5 && distance(x, y) <= 1);
}
