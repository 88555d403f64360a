// Facts on which the sources disagree among themselves, corpus-wide: quote wording and speakers, figures, dates,
// durations, and source dates that do not fit the events they report.
import type { Disagreement, QuoteClaim, DateClaim, FigureClaim, SourceInfo } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { rangeOf } from '../model/lines';
import { remembered } from '../model/boundedCache';
import { normalise, wordsOf } from '../text/words';
import { coverage } from '../text/similarity';
import { figuresOverlap, datesAgree, datesComparable } from './compare';
import { CONFIDENT_FACT, SAME_FACT } from './thresholds';
import { localWords } from './facts';
import { sameSpeaker } from './speakers';
import diffSequences from 'diff-sequences';
import type { Segmented } from '../extract/document';
import type { IndexedQuery, SentenceRef } from '../corpus/index';
import { contentWords, contentWordsWithoutNames, matchKey } from '../text/words';
import { readSidecar, writeSidecar } from '../corpus/sidecar';
import { CALENDAR, sourcesByStoryName, storyNames } from '../corpus/stories';

// ---------------------------------------------------------------------------------------------------------------
// Same fact: two claims are one fact only with positive evidence (one story, one place, one action).

type ClaimAt = { span: { start: number; end: number }; sentence: number };
const REACH_BEFORE = 30;
const REACH_AFTER = 40;

/** The claim's clause within bounded reach: the text before it back to a clause break, after it up to one. */
function clauseAround(doc: Segmented, claim: ClaimAt): { before: string; after: string; sentence: string } {
  const sentence = doc.sentences[claim.sentence] ?? { start: claim.span.start, end: claim.span.end, text: '' };
  const before = doc.text.slice(Math.max(sentence.start, claim.span.start - REACH_BEFORE), claim.span.start).split(/[,;:(—]|\band\b|\bwhile\b/).pop() ?? '';
  const after = doc.text.slice(claim.span.end, Math.min(sentence.end, claim.span.end + REACH_AFTER)).split(/[,;:)—]|\band\b|\bwhile\b/)[0];
  return { before, after, sentence: sentence.text.toLowerCase() };
}

const actionOf = new WeakMap<ClaimAt, Set<string>>();
/** Per claim, with the common words they were read against (another corpus has others). */
const namesOf = new WeakMap<ClaimAt, { common: ReadonlySet<string>; names: string[] }>();

/** What happens in the claim's clause: its lower-case content words, the claim's own words and names left out. */
export function clauseAction(doc: Segmented, claim: ClaimAt & { text: string }): Set<string> {
  // Kept per claim: a draft claim is compared with many source claims, and a source claim with many drafts'.
  return remembered(actionOf, claim, () => {
    const { before, after } = clauseAround(doc, claim);
    const own = new Set(contentWords(claim.text));
    return new Set(contentWordsWithoutNames(before + ' ' + after).filter((w) => !own.has(w)));
  });
}

/** Capitalised words in the claim's clause ("in the Rostov region"), lower case; sentence openers left out. */
export function clauseNames(doc: Segmented, claim: ClaimAt, common: ReadonlySet<string>): string[] {
  const kept = namesOf.get(claim);
  if (kept?.common === common) return kept.names;
  const { before, after } = clauseAround(doc, claim);
  const names: string[] = [];
  for (const m of (before + ' ' + after).matchAll(/\b\p{Lu}[\p{L}’'-]+/gu)) {
    const lower = m[0].toLowerCase();
    // A sentence may open with a common word: only a word never written in lower case is a name.
    if (!CALENDAR.test(lower) && !common.has(lower)) names.push(lower);
  }
  namesOf.set(claim, { common, names });
  return names;
}

/** A reference claim's sentence in lower case, kept per claim (see sameFact). */
const sentenceOf = new WeakMap<ClaimAt, string>();

/**
 * Whether a source claim is the same fact as a reference claim (the draft's, or a source's that agrees with it): no
 * place or person in its clause that the reference's sentence never names, and, when both clauses say what happened,
 * a word of it in common.
 */
export function sameFact(
  common: ReadonlySet<string>,
  reference: { doc: Segmented; claim: ClaimAt & { text: string } },
  other: { doc: Segmented; claim: ClaimAt & { text: string } },
  ignore: ReadonlySet<string> = new Set(),
): boolean {
  const referenceSentence = remembered(sentenceOf, reference.claim, () => clauseAround(reference.doc, reference.claim).sentence);
  if (clauseNames(other.doc, other.claim, common).some((n) => !referenceSentence.includes(n))) return false;
  const a = [...clauseAction(reference.doc, reference.claim)].filter((w) => !ignore.has(w));
  const b = clauseAction(other.doc, other.claim);
  const theirs = [...b].filter((w) => !ignore.has(w));
  return !a.length || !theirs.length || a.some((w) => b.has(w));
}

/** The matching keys of a figure's unit, which every claim of that unit shares and so proves nothing. */
export function unitKeys(unit: string): Set<string> {
  return new Set(unit.split(/\s+/).map((w) => matchKey(w.toLowerCase())));
}

/** A value in a source; `key` groups wordings of one value ("nine", "9"; "over 40", "more than 40"). */
type Located = { doc: number; start: number; end: number; value: string; key?: string };

// ---------------------------------------------------------------------------------------------------------------
// Corpus-wide: every disagreement, computed in small steps (a generator that yields between them) so a server can
// run it in slices between other requests and stop it when the corpus changes. Work is near-linear in the corpus:
// identical quotes and sentences (wire copy repeats them across sources) are compared once, as one group.

/** Disagreements per page unless the caller asks for another size. */
export const DISAGREEMENT_PAGE = 20;
/** A page is never larger than this: each disagreement carries every source's excerpt. */
export const MAX_DISAGREEMENT_PAGE = 200;
/** Distinct quotes compared with one quote: those sharing its rarest words, the rarest first. Bounds the work. */
const MAX_QUOTE_CANDIDATES = 100;
/**
 * One fact has few values: a cluster with more distinct values than this is many facts (or many speakers' stock
 * phrases) chained together through sentences they share, and is left out rather than shown as one disagreement.
 */
const MAX_VALUES = 12;
/** A source's date is compared with the dates of at most this many sources reporting the same events (a median). */
const MAX_RELATED = 64;
/** Candidate sentences looked at per distinct fact sentence (members of a group of identical sentences included). */
const MAX_FACT_CANDIDATES = 100;

export interface CancellationToken { readonly isCancellationRequested: boolean }

export class DisagreementsCancelled extends Error {
  constructor() {
    super('the computation of disagreements was cancelled');
  }
}

/** One page of the ranked list (`limit`: the page size used, at most MAX_DISAGREEMENT_PAGE): `more` follow it. */
export interface DisagreementPage { items: Disagreement[]; offset: number; limit: number; total: number; more: number }

/**
 * The corpus's disagreements, strongest first (see `rankDisagreements`). Each is built (excerpts, ranges) only when
 * read: a page costs its own entries, not the whole list's.
 */
export interface RankedDisagreements {
  readonly length: number;
  at(i: number): Disagreement;
}

/** Every disagreement of the corpus, strongest first, built. */
export function corpusDisagreements(corpus: Corpus): Disagreement[] {
  const ranked = rankedDisagreements(corpus);
  return Array.from({ length: ranked.length }, (_, i) => ranked.at(i));
}

/** The ranked list, computed at once. */
export function rankedDisagreements(corpus: Corpus): RankedDisagreements {
  const steps = disagreementSteps(corpus);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The ranked list, computed in slices of about `sliceMs` that give the event loop back (setImmediate) between them,
 * so requests keep being answered meanwhile. Throws DisagreementsCancelled as soon as `token` is cancelled.
 */
export async function rankedDisagreementsInSlices(corpus: Corpus, token: CancellationToken = { isCancellationRequested: false }, sliceMs = 4): Promise<RankedDisagreements> {
  const steps = disagreementSteps(corpus);
  let since = performance.now();
  for (;;) {
    if (token.isCancellationRequested) throw new DisagreementsCancelled();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/** Entries `offset … offset + limit` of a ranked list, and how many follow. */
export function pageOf(list: RankedDisagreements | readonly Disagreement[], offset = 0, limit = DISAGREEMENT_PAGE): DisagreementPage {
  const from = Math.max(0, Math.floor(Number.isFinite(offset) ? offset : 0));
  const size = Math.min(MAX_DISAGREEMENT_PAGE, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : DISAGREEMENT_PAGE)));
  const at = (i: number): Disagreement => (Array.isArray(list) ? (list as readonly Disagreement[])[i] : (list as RankedDisagreements).at(i));
  const items: Disagreement[] = [];
  for (let i = from; i < Math.min(list.length, from + size); i++) items.push(at(i));
  return { items, offset: from, limit: size, total: list.length, more: Math.max(0, list.length - from - items.length) };
}

/** Sources on each side of a disagreement: the largest side, and all the others together. */
export function sidesOf(d: Disagreement): { largest: number; others: number; second: number; total: number } {
  return sides(d.variants.map((v) => new Set(v.sources.map((s) => s.source.path)).size));
}

function sides(counts: number[]): { largest: number; others: number; second: number; total: number } {
  const sorted = [...counts].sort((a, b) => b - a);
  const total = counts.reduce((a, b) => a + b, 0);
  return { largest: sorted[0] ?? 0, others: total - (sorted[0] ?? 0), second: sorted[1] ?? 0, total };
}

const KIND_ORDER: Record<Disagreement['kind'], number> = { quote: 0, figure: 0, date: 0, name: 0, 'source-date': 1 };

/**
 * A disagreement found, with the sources on each side counted, built into a Disagreement only when read: from its
 * topic and located values, or given whole. Plain data, so a ranked list can be saved and read back (see `saveDisagreements`).
 */
type Pending = { kind: Disagreement['kind']; counts: number[] } & ({ topic: string; items: Located[] } | { topic: string; dated: DatedApart } | { whole: Disagreement });

const built = (d: Disagreement): Pending => {
  const counts = d.variants.map((v) => new Set(v.sources.map((s) => s.source.path)).size);
  // A source dated apart stands alone against every other source, whatever their own dates.
  return { kind: d.kind, counts: d.kind === 'source-date' ? [counts[0] ?? 0, counts.slice(1).reduce((a, b) => a + b, 0)] : counts, whole: d };
};

const buildPending = (corpus: Corpus, p: Pending): Disagreement =>
  'whole' in p ? p.whole : 'dated' in p ? datedApart(corpus, p.topic, p.dated) : toDisagreement(corpus, p.kind, p.topic, p.items);

/**
 * Strongest first. A disagreement is as strong as its second side is large (the most sources giving one value other
 * than the most common): 12 sources against 11 is a real dispute, 40 against 1 is most likely one stale or mistyped
 * report, and many values each from one source are scatter, not two sides. Ties go to facts stated in the text before a source's own
 * date (one source dated apart from the rest is a weak sign), then to the more central fact (more sources state it),
 * then to the order found (a total order: pages of one computation never overlap).
 */
export function rankDisagreements(list: readonly Disagreement[]): Disagreement[] {
  const ranked = rank(undefined as unknown as Corpus, list.map(built));
  return Array.from({ length: ranked.length }, (_, i) => ranked.at(i));
}

/** The entries of each ranked list, in rank order, for `saveDisagreements`. */
const rankedEntries = new WeakMap<RankedDisagreements, readonly Pending[]>();

function rank(corpus: Corpus, list: readonly Pending[]): RankedDisagreements {
  const keyed = list.map((p, i) => {
    const { second, total } = sides(p.counts);
    return { p, i, camp: second, total, kind: KIND_ORDER[p.kind] ?? 1 };
  });
  keyed.sort((a, b) => b.camp - a.camp || a.kind - b.kind || b.total - a.total || a.i - b.i);
  const entries = keyed.map((k) => k.p);
  return lazyList(corpus, entries.length, (i) => entries[i], entries);
}

/** A ranked list of `length` entries (`entry(i)`: the i-th in rank order), each built when first read. */
function lazyList(corpus: Corpus, length: number, entry: (i: number) => Pending, entries?: readonly Pending[]): RankedDisagreements {
  const cache = new Map<number, Disagreement>();
  const list: RankedDisagreements = {
    length,
    at(i) {
      let d = cache.get(i);
      if (!d) cache.set(i, (d = buildPending(corpus, entry(i))));
      return d;
    },
  };
  if (entries) rankedEntries.set(list, entries);
  return list;
}

/** Name of the file next to the on-disk index, and the shape of what it holds (bumped when it changes). */
const SAVED = 'disagreements';
const SAVED_FORMAT = 'ranked-disagreements-2';
/** Ints per located value in a saved list: source, start, end, value and key (string-table ids; key -1: none). */
const SAVED_INTS = 5;

/**
 * A ranked list as saved: each entry's located values in one Int32Array, their wordings in a string table (wire copy
 * gives one quote in hundreds of sources: written once, not once per source). Entries given whole are kept whole.
 */
interface SavedList {
  format: typeof SAVED_FORMAT;
  strings: string[];
  located: Int32Array;
  entries: Array<{ kind: Disagreement['kind']; counts: number[]; topic?: string; from?: number; to?: number; dated?: DatedApart; whole?: Disagreement }>;
}

/**
 * Keeps a corpus's ranked list next to its on-disk index (when it has one), so the next start with the very same
 * sources and engine reads it instead of computing it again.
 */
export async function saveDisagreements(corpus: Corpus, ranked: RankedDisagreements): Promise<void> {
  const entries = rankedEntries.get(ranked);
  if (!entries || !corpus.disk) return;
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const id = (value: string): number => {
    let n = ids.get(value);
    if (n === undefined) ids.set(value, (n = strings.push(value) - 1));
    return n;
  };
  const ints: number[] = [];
  const saved: SavedList = { format: SAVED_FORMAT, strings, located: new Int32Array(0), entries: [] };
  for (const p of entries) {
    if ('whole' in p) {
      saved.entries.push({ kind: p.kind, counts: p.counts, whole: p.whole });
      continue;
    }
    if ('dated' in p) {
      saved.entries.push({ kind: p.kind, counts: p.counts, topic: p.topic, dated: p.dated });
      continue;
    }
    const from = ints.length / SAVED_INTS;
    for (const x of p.items) ints.push(x.doc, x.start, x.end, id(x.value), x.key === undefined ? -1 : id(x.key));
    saved.entries.push({ kind: p.kind, counts: p.counts, topic: p.topic, from, to: ints.length / SAVED_INTS });
  }
  saved.located = Int32Array.from(ints);
  await writeSidecar(corpus, SAVED, saved);
}

/** The ranked list saved for this very corpus (same sources, same engine), or undefined. */
export async function savedDisagreements(corpus: Corpus): Promise<RankedDisagreements | undefined> {
  const saved = (await readSidecar(corpus, SAVED)) as Partial<SavedList> | undefined;
  if (!saved || saved.format !== SAVED_FORMAT || !Array.isArray(saved.entries) || !Array.isArray(saved.strings) || !(saved.located instanceof Int32Array)) return undefined;
  const { entries, strings, located } = saved as SavedList;
  return lazyList(corpus, entries.length, (i): Pending => {
    const e = entries[i];
    if (e.whole) return { kind: e.kind, counts: e.counts, whole: e.whole };
    if (e.dated) return { kind: e.kind, counts: e.counts, topic: e.topic!, dated: e.dated };
    const items: Located[] = [];
    for (let k = e.from! * SAVED_INTS; k < e.to! * SAVED_INTS; k += SAVED_INTS) {
      const item: Located = { doc: located[k], start: located[k + 1], end: located[k + 2], value: strings[located[k + 3]] };
      if (located[k + 4] >= 0) item.key = strings[located[k + 4]];
      items.push(item);
    }
    return { kind: e.kind, counts: e.counts, topic: e.topic!, items };
  });
}

function* disagreementSteps(corpus: Corpus): Generator<void, RankedDisagreements, void> {
  // Quote groups serve twice: for quote disagreements, and to tell which sources report the same events.
  const quotes = yield* quoteGroups(corpus);
  const out: Pending[] = yield* quoteDisagreements(corpus, quotes);
  out.push(...(yield* factDisagreements(corpus)));
  out.push(...(yield* durationDisagreements(corpus)).map(built));
  out.push(...(yield* sourceDateDisagreements(corpus, quotes)));
  yield;
  return rank(corpus, out);
}

function toDisagreement(corpus: Corpus, kind: Disagreement['kind'], topic: string, items: Located[]): Disagreement {
  const groups = new Map<string, Located[]>();
  for (const item of items) {
    const key = item.key ?? normalise(item.value);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const variants = [...groups.values()]
    .map((list) => ({
      value: mostCommon(list.map((x) => x.value)),
      sources: dedupe(list).map((x) => {
        const source = corpus.sources[x.doc];
        const sentence = source.segmented.sentences.find((s) => s.start <= x.start && x.start <= s.end) ?? { start: x.start, end: x.end };
        return { source: source.info, excerpt: source.text.slice(sentence.start, sentence.end), range: rangeOf(source.lineStarts, sentence) };
      }),
    }))
    .sort((a, b) => b.sources.length - a.sources.length);
  return { kind, topic, variants };
}

/** The wording most sources use. */
function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/** A figure's or date's value whatever its wording (as sources/disagree groups them). */
function valueKeyOf(fact: Fact): string {
  if (fact.kind === 'figure') return `${fact.value}`;
  return fact.granularity === 'duration' ? `${fact.low}-${fact.high}` : `${fact.year ?? ''}-${fact.month ?? ''}-${fact.day ?? ''}-${fact.granularity === 'weekday' ? fact.weekday : ''}`;
}

function dedupe(list: Located[]): Located[] {
  const seen = new Set<number>();
  return list.filter((x) => !seen.has(x.doc) && seen.add(x.doc));
}

type QuoteAt = { doc: number; q: QuoteClaim };
/** One wording of a quote (its words), with every place a source gives it. */
type QuoteText = { words: string[]; members: QuoteAt[] };
/** Distinct quote wordings, and the pairs of them that are one quote: contained in one another, or nearly the same. */
type QuoteGroups = { texts: QuoteText[]; pairs: Array<[number, number, boolean]> };

function* quoteGroups(corpus: Corpus): Generator<void, QuoteGroups, void> {
  const byKey = new Map<string, QuoteText>();
  for (const s of corpus.sources) {
    for (const q of s.quotes) {
      const words = wordsOf(q.words);
      if (words.length < 2) continue;
      const key = words.join(' ');
      const text = byKey.get(key);
      if (text) text.members.push({ doc: s.id, q });
      else byKey.set(key, { words, members: [{ doc: s.id, q }] });
    }
    yield;
  }
  const texts = [...byKey.values()];
  const byWord = new Map<string, number[]>();
  // Words by number (each distinct word of the wordings), so words in common are counted in arrays, not maps.
  const wordIds = new Map<string, number>();
  const idsOf = texts.map((x) => Int32Array.from(x.words, (w) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    return id;
  }));
  texts.forEach((x, i) => {
    for (const w of new Set(x.words)) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  const countInA = new Int32Array(wordIds.size);
  const usedOfB = new Int32Array(wordIds.size);
  const pairs: Array<[number, number, boolean]> = [];
  // Each wording joined once (with a space at both ends, so containment is by whole words).
  const joined = texts.map((x) => ' ' + x.words.join(' ') + ' ');
  // Which candidates were seen for the wording being compared (its number + 1), without a set per wording.
  const seenBy = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    const rare = [...new Set(a.words)].sort((x, y) => (byWord.get(x)?.length ?? 0) - (byWord.get(y)?.length ?? 0)).slice(0, 3);
    let seen = 0;
    const sa = joined[i];
    for (const w of idsOf[i]) countInA[w]++;
    for (const w of rare) for (const j of byWord.get(w) ?? []) {
      if (j <= i || seenBy[j] === i + 1 || seen >= MAX_QUOTE_CANDIDATES) continue;
      seenBy[j] = i + 1;
      seen++;
      const b = texts[j];
      // The same wording only in one source (and the other in none but it) says nothing across sources.
      if (!acrossSources(a, b)) continue;
      const sb = joined[j];
      if (sa.includes(sb) || sb.includes(sa)) { pairs.push([i, j, true]); continue; }
      const shorter = Math.min(a.words.length, b.words.length);
      if (shorter < 3) continue;
      // Words in common bound the aligned words from above: most candidates stop here, before any alignment.
      if (sharedWords(countInA, usedOfB, idsOf[j]) / shorter < 0.6) continue;
      const common = alignedWords(a.words, b.words);
      if (common / shorter >= 0.6 && common / Math.max(a.words.length, b.words.length) >= 0.5) pairs.push([i, j, false]);
    }
    for (const w of idsOf[i]) countInA[w] = 0;
    yield;
  }
  return { texts, pairs };
}

/**
 * How many words of `b` are also in `a` (given as counts by word number), counted with repeats up to `a`'s; `used`
 * is scratch space, all zero, and left so.
 */
function sharedWords(a: Int32Array, used: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (const w of b) {
    if (used[w] < a[w]) {
      shared++;
      used[w]++;
    }
  }
  for (const w of b) used[w] = 0;
  return shared;
}

/** Words of the longest common subsequence (diff-sequences: Jest's, much faster than jsdiff on word arrays). */
function alignedWords(a: readonly string[], b: readonly string[]): number {
  let common = 0;
  diffSequences(a.length, b.length, (i, j) => a[i] === b[j], (n) => {
    common += n;
  });
  return common;
}

/** Whether two wordings come from at least two different sources between them. */
function acrossSources(a: QuoteText, b: QuoteText): boolean {
  const first = a.members[0].doc;
  return a.members.some((m) => m.doc !== first) || b.members.some((m) => m.doc !== first);
}

function* quoteDisagreements(corpus: Corpus, { texts, pairs }: QuoteGroups): Generator<void, Pending[], void> {
  const out: Pending[] = [];
  const located = (x: QuoteAt, value: string): Located => ({ doc: x.doc, start: x.q.span.start, end: x.q.span.end, value });
  // Wording: wordings joined by near (not contained) pairs, with every source that gives each.
  for (const cluster of clusters(texts.length, pairs.filter(([, , same]) => !same))) {
    if (cluster.length < 2) continue;
    const members = cluster.flatMap((t) => texts[t].members);
    if (new Set(members.map((m) => m.doc)).size < 2) continue;
    if (cluster.length <= MAX_VALUES) out.push(pending('quote', `the wording of “${members[0].q.words.slice(0, 60)}”`, members.map((x) => located(x, x.q.words))));
    yield;
  }
  // Speakers: the same words (one wording, or one contained in another), given to different people.
  for (const cluster of clusters(texts.length, pairs.filter(([, , same]) => same))) {
    const named = cluster.flatMap((t) => texts[t].members).filter((x) => x.q.speaker?.person);
    const names = named.map((x) => x.q.speaker!.name);
    if (names.some((n) => !sameSpeaker(n, names[0])) && new Set(named.map((x) => x.doc)).size > 1 && new Set(names).size <= MAX_VALUES) {
      out.push(pending('quote', `who said “${named[0].q.words.slice(0, 60)}”`, named.map((x) => located(x, x.q.speaker!.name))));
    }
    yield;
  }
  return out;
}

/** A disagreement over `items`, counted now (distinct sources per value) and built when read. */
function pending(kind: Disagreement['kind'], topic: string, items: Located[]): Pending {
  const docs = new Map<string, Set<number>>();
  for (const x of items) {
    const key = normalise(x.value);
    const set = docs.get(key);
    if (set) set.add(x.doc);
    else docs.set(key, new Set([x.doc]));
  }
  return { kind, counts: [...docs.values()].map((d) => d.size), topic, items };
}

/** Connected groups of 0 … count-1 under `edges` (union-find); every element is in one group. */
function clusters(count: number, edges: ReadonlyArray<readonly [number, number, ...unknown[]]>): number[][] {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const [a, b] of edges) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (let x = 0; x < count; x++) {
    const root = find(x);
    const list = groups.get(root);
    if (list) list.push(x);
    else groups.set(root, [x]);
  }
  return [...groups.values()];
}

type Fact = FigureClaim | DateClaim;
type Source = Corpus['sources'][number];

/** The figures and dates (not durations) of one source sentence, outside quotes. */
function factsIn(source: Source, sentence: number): Fact[] {
  const facts: Fact[] = [];
  for (const f of source.figuresIn(sentence)) if (!f.inQuote) facts.push(f);
  for (const d of source.datesIn(sentence)) if (!d.inQuote && d.granularity !== 'duration') facts.push(d);
  return facts;
}

const comparable = (fact: Fact, other: Fact) =>
  other.kind === fact.kind && (fact.kind === 'figure' ? (other as FigureClaim).unit === fact.unit : datesComparable(fact, other as DateClaim));
const agreeing = (fact: Fact, other: Fact) => (fact.kind === 'figure' ? figuresOverlap(fact, other as FigureClaim) : datesAgree(fact, other as DateClaim));

/**
 * Figures and dates in matching sentences of different sources that cannot both be true. Work goes by the index's
 * groups (sentences with the same content words; wire copy repeats them across sources): each group is compared with
 * its candidate groups once, through its first sentence, and a fact of one group is linked to the fact it matches in
 * another. Linked facts are one fact; where its sources give values that cannot both be true, that is a disagreement.
 * Each sentence of a group then only has its own value read (a weekday resolves against its source's date).
 */
function* factDisagreements(corpus: Corpus): Generator<void, Pending[], void> {
  const { index } = corpus;
  const sentenceFacts = new Map<number, Fact[]>();
  const factsAt = (doc: number, sentence: number): Fact[] => {
    const key = doc * 0x100000 + sentence;
    let facts = sentenceFacts.get(key);
    if (!facts) sentenceFacts.set(key, (facts = factsIn(corpus.sources[doc], sentence)));
    return facts;
  };
  // Every sentence that states a figure or date, by group, in corpus order.
  const members = new Map<number, SentenceRef[]>();
  for (const source of corpus.sources) {
    for (let s = 0; s < source.segmented.sentences.length; s++) {
      if (!factsAt(source.id, s).length) continue;
      const group = index.groupOf(source.id, s);
      if (group < 0) continue;
      const list = members.get(group);
      if (list) list.push({ doc: source.id, sentence: s });
      else members.set(group, [{ doc: source.id, sentence: s }]);
    }
    yield;
  }
  // A group's words weighed once, to score how well it covers other sentences.
  const weighed = new Map<number, IndexedQuery>();
  const queryOf = (doc: number, sentence: number, group: number): IndexedQuery => {
    let query = weighed.get(group);
    if (!query) weighed.set(group, (query = index.weigh(corpus.sources[doc].segmented.sentenceWords[sentence])));
    return query;
  };
  // Facts as nodes (a group and the fact's place in its sentences), linked when they are the same fact.
  const nodeIds = new Map<number, number>();
  const nodes: Array<{ group: number; fact: number }> = [];
  const parent: number[] = [];
  const node = (group: number, fact: number): number => {
    const key = group * 64 + Math.min(fact, 63);
    let id = nodeIds.get(key);
    if (id === undefined) {
      nodeIds.set(key, (id = nodes.length));
      nodes.push({ group, fact });
      parent.push(id);
    }
    return id;
  };
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // The words around each fact, by node: what tells one figure of a sentence from another.
  const around = new Map<number, Set<string>>();
  const wordsAround = (group: number, at: SentenceRef, fact: number): Set<string> => {
    const id = node(group, fact);
    let words = around.get(id);
    if (!words) around.set(id, (words = new Set(localWords(corpus.sources[at.doc].segmented, factsAt(at.doc, at.sentence)[fact].span, 40))));
    return words;
  };
  // Whether two sources tell one story (as sameStory), as one row of flags per source: the sources sharing one of its
  // story names. Groups come in corpus order, so the row of the group's first source is built once and kept.
  const docsNamed = sourcesByStoryName(corpus);
  const storyRow = new Uint8Array(corpus.sources.length);
  let rowOf = -1;
  const oneStory = (a: number, b: number): boolean => {
    if (a === b) return true;
    if (rowOf !== a) {
      // Cleared where the last row was set, not whole: the work stays in proportion to the names.
      if (rowOf >= 0) for (const name of storyNames(corpus, rowOf)) for (const d of docsNamed.get(name)!) storyRow[d] = 0;
      for (const name of storyNames(corpus, a)) for (const d of docsNamed.get(name)!) storyRow[d] = 1;
      rowOf = a;
    }
    return storyRow[b] === 1;
  };
  // Groups already judged for the group being searched from (its number + 1), without a set per search.
  let groupCount = 0;
  for (const group of members.keys()) groupCount = Math.max(groupCount, group + 1);
  const judgedBy = new Int32Array(groupCount);
  // Groups with a sentence that states a figure or date (those in `members`), looked up by number.
  const hasFacts = new Uint8Array(groupCount);
  for (const group of members.keys()) hasFacts[group] = 1;
  for (const [group, [first]] of members) {
    const seg = corpus.sources[first.doc].segmented;
    const facts = factsAt(first.doc, first.sentence);
    facts.forEach((_, i) => node(group, i));
    const query = queryOf(first.doc, first.sentence, group);
    // Candidate groups, each judged by its first sentence here; both sentences must cover each other.
    const matched = new Map<number, SentenceRef>();
    judgedBy[group] = group + 1;
    // Each candidate group once, by its first sentence (as the first of its sentences among the candidates).
    for (const other of index.candidateGroups(seg.sentenceWords[first.sentence], MAX_FACT_CANDIDATES)) {
      if (!(hasFacts[other] === 1) || judgedBy[other] === group + 1) continue;
      judgedBy[other] = group + 1;
      const c = index.groupSentence(other);
      // Linked facts chain: only sentences of one story may link, or generic sentences join every story's figures.
      if (!oneStory(first.doc, c.doc)) continue;
      if (index.coverage(query, c.doc, c.sentence) < CONFIDENT_FACT) continue;
      if (index.coverage(queryOf(c.doc, c.sentence, other), first.doc, first.sentence) < CONFIDENT_FACT) continue;
      matched.set(other, c);
    }
    facts.forEach((fact, i) => {
      if (!matched.size) return;
      const near = [...wordsAround(group, first, i)];
      for (const [other, rep] of matched) {
        const repFacts = factsAt(rep.doc, rep.sentence);
        // Only the claim that sits in the same words counts ("tens of thousands dead" is not "millions displaced").
        let best = -1;
        let bestScore = SAME_FACT;
        repFacts.forEach((o, j) => {
          if (!comparable(fact, o)) return;
          const score = coverage(near, wordsAround(other, rep, j), index.idf);
          if (score > bestScore || (best < 0 && score >= bestScore)) [best, bestScore] = [j, score];
        });
        if (best >= 0) parent[find(node(group, i))] = find(node(other, best));
      }
    });
    yield;
  }
  // Each linked fact with every sentence that states it; a disagreement where two of its values cannot both be true.
  const facts = new Map<number, number[]>();
  for (let id = 0; id < nodes.length; id++) {
    const root = find(id);
    const list = facts.get(root);
    if (list) list.push(id);
    else facts.set(root, [id]);
  }
  const out: Pending[] = [];
  for (const ids of facts.values()) {
    const first = members.get(nodes[ids[0]].group)![0];
    const reference = factsAt(first.doc, first.sentence)[nodes[ids[0]].fact];
    const items: Array<Located & { key: string }> = [];
    const values = new Map<string, Fact>();
    const seen = new Set<string>();
    for (const id of ids) {
      const { group, fact } = nodes[id];
      const list = members.get(group)!;
      const count = factsAt(list[0].doc, list[0].sentence).length;
      for (const m of list) {
        const mine = factsAt(m.doc, m.sentence);
        const claim = mine.length === count ? mine[fact] : undefined;
        if (!claim || !comparable(reference, claim)) continue;
        const key = valueKeyOf(claim);
        if (seen.has(`${m.doc}|${key}`)) continue;
        seen.add(`${m.doc}|${key}`);
        if (!values.has(key)) values.set(key, claim);
        items.push({ doc: m.doc, start: claim.span.start, end: claim.span.end, value: claim.text, key });
      }
    }
    const distinct = [...values.values()];
    if (distinct.length > MAX_VALUES) continue;
    if (!distinct.some((a, i) => distinct.slice(i + 1).some((b) => !agreeing(a, b)))) continue;
    if (new Set(items.map((x) => x.doc)).size < 2) continue;
    const counts = new Map<string, number>();
    for (const x of items) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
    const sentence = corpus.sources[first.doc].segmented.sentences[first.sentence].text.slice(0, 60);
    const topic = reference.kind === 'figure' ? `the figure for “${reference.unit}” in “${sentence}…”` : `the date in “${sentence}…”`;
    out.push({ kind: reference.kind, counts: [...counts.values()], topic, items });
    yield;
  }
  return out;
}


const WAR = /^[^.;]{0,25}\b(?:war|conflict|invasion|fighting)\b/i;

/** How long something has lasted, by topic: durations of a war across sources. */
function* durationDisagreements(corpus: Corpus): Generator<void, Disagreement[], void> {
  const items: Array<Located & { claim: DateClaim }> = [];
  for (const source of corpus.sources) {
    const seg = source.segmented;
    for (let s = 0; s < seg.sentences.length; s++) {
      for (const d of source.datesIn(s)) {
        if (d.granularity !== 'duration' || d.inQuote) continue;
        if (!WAR.test(source.text.slice(d.span.end, d.span.end + 40))) continue;
        items.push({ doc: source.id, start: d.span.start, end: d.span.end, value: d.text, claim: d });
      }
    }
    yield;
  }
  // Compare distinct values only: the same duration in many sources agrees with itself.
  const distinct = [...new Map(items.map((x) => [normalise(x.value), x.claim])).values()];
  const clash = distinct.some((a) => distinct.some((b) => !datesAgree(a, b)));
  return clash ? [toDisagreement(corpus, 'date', 'how long the war has lasted', items)] : [];
}

/** A source dated well before or after the sources that report the same events, or dated by an ambiguous number. */
function* sourceDateDisagreements(corpus: Corpus, { texts, pairs }: QuoteGroups): Generator<void, Pending[], void> {
  const out: Pending[] = [];
  // Sources report the same events when they give the same quote, or two wordings of it.
  const related = new Map<number, Set<number>>();
  // Each wording's sources once, in order: wire copy gives one quote in hundreds of sources, and a full set stops.
  const docsOf = texts.map((t) => [...new Set(t.members.map((m) => m.doc))]);
  const relate = (a: number, b: number) => {
    for (const x of docsOf[a]) {
      let set = related.get(x);
      if (!set) related.set(x, (set = new Set()));
      for (const y of docsOf[b]) {
        if (set.size >= MAX_RELATED) break;
        if (y !== x) set.add(y);
      }
    }
  };
  for (let t = 0; t < texts.length; t++) {
    relate(t, t);
    yield;
  }
  for (const [i, j] of pairs) {
    relate(i, j);
    relate(j, i);
    yield;
  }
  // Each source's date in days, read once: a source is among the others of many sources.
  const dayOf = new Map<string, number>();
  const day = (iso: string): number => {
    let d = dayOf.get(iso);
    if (d === undefined) dayOf.set(iso, (d = Date.parse(iso + 'T00:00:00Z') / 86400000));
    return d;
  };
  for (const source of corpus.sources) {
    const own = source.info.date;
    if (!own) continue;
    const others = [...(related.get(source.id) ?? [])].sort((a, b) => a - b).filter((d) => !!corpus.sources[d].info.date);
    if (!others.length) continue;
    const days = others.map((d) => day(corpus.sources[d].info.date!.iso)).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)];
    const gap = day(own.iso) - median;
    if (Math.abs(gap) <= 3 && !own.ambiguous) continue;
    const where = gap < 0 ? 'before' : 'after';
    const note = `${own.raw} (${own.how}) is ${Math.abs(Math.round(gap))} days ${where} the other sources reporting the same events`;
    // The source alone against every other source, whatever their own dates (as counted for ranking).
    out.push({ kind: 'source-date', counts: [1, others.length], topic: `the date of ${source.info.title}: ${note}`, dated: { doc: source.id, others } });
    yield;
  }
  return out;
}

/** A source dated apart (`doc`) and the dated sources reporting the same events (`others`), in corpus order. */
type DatedApart = { doc: number; others: number[] };

function datedApart(corpus: Corpus, topic: string, { doc, others }: DatedApart): Disagreement {
  const source = corpus.sources[doc];
  const own = source.info.date!;
  return {
    kind: 'source-date',
    topic,
    variants: [
      { value: own.iso, sources: [{ source: source.info, excerpt: own.raw, range: rangeOf(source.lineStarts, locate(source.text, own.raw)) }] },
      ...groupDates(others.map((d) => corpus.sources[d].info)).map(([iso, infos]) => ({ value: iso, sources: infos.map((info) => ({ source: info, excerpt: info.date!.raw, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })) })),
    ],
  };
}

function groupDates(infos: SourceInfo[]): Array<[string, SourceInfo[]]> {
  const map = new Map<string, SourceInfo[]>();
  for (const info of infos) {
    const list = map.get(info.date!.iso);
    if (list) list.push(info);
    else map.set(info.date!.iso, [info]);
  }
  return [...map].sort((a, b) => b[1].length - a[1].length);
}

function locate(text: string, raw: string): { start: number; end: number } {
  const at = Math.max(0, text.indexOf(raw));
  return { start: at, end: at + raw.length };
}
