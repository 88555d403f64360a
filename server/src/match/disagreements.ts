// Facts on which the sources disagree among themselves, corpus-wide: quote wording and speakers, figures, dates,
// durations, and source dates that do not fit the events they report.
import type { Disagreement, QuoteClaim, DateClaim, FigureClaim, SourceInfo } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { rangeOf } from '../model/lines';
import { normalise, wordsOf } from '../text/words';
import { coverage } from './similarity';
import { figuresOverlap, datesAgree, datesComparable } from './compare';
import { CONFIDENT_FACT, SAME_FACT } from '../checks/thresholds';
import { localWords } from './facts';
import { sameSpeaker } from '../checks/quoteMisattributed';
import { diffArrays } from 'diff';
import type { Segmented } from '../extract/document';
import { contentWords, matchKey } from '../text/words';

// ---------------------------------------------------------------------------------------------------------------
// Same fact: two claims are one fact only with positive evidence (one story, one place, one action).

/** Calendar words are capitalised but name no story. */
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** A name carried by more sentences than this is everyone's (a country, a capital), not one story's. */
function storyNameLimit(corpus: Corpus): number {
  return Math.max(100, corpus.index.sentenceCount / 50);
}

const storyNamesOf = new WeakMap<Segmented, Set<string>>();
/** Lower-case words of a source's names that few sentences of the corpus carry: what tells its story from others. */
function storyNames(corpus: Corpus, doc: number): Set<string> {
  const segmented = corpus.sources[doc].segmented;
  let set = storyNamesOf.get(segmented);
  if (set) return set;
  set = new Set();
  const limit = storyNameLimit(corpus);
  const { names } = corpus.index;
  // The source's own outlet is in its masthead and dateline, and says nothing about the story.
  const outlet = new Set((corpus.sources[doc].info.outlet ?? '').toLowerCase().split(/\s+/));
  for (const runs of segmented.names) {
    for (const run of runs) {
      // A lone capitalised word opening a sentence is as likely grammar as a name.
      if (run.sentenceInitial && run.words.length === 1) continue;
      // Surnames and places, not first names: many people share a first name.
      const lower = run.surname.toLowerCase();
      if (set.has(lower) || outlet.has(lower) || CALENDAR.test(lower)) continue;
      let uses = 0;
      for (const n of names.get(lower)?.values() ?? []) uses += n;
      if (uses <= limit) set.add(lower);
    }
  }
  storyNamesOf.set(segmented, set);
  return set;
}

/** Two sources tell the same story when they share a name few others carry (a town, a person, an operation). */
export function sameStory(corpus: Corpus, a: number, b: number): boolean {
  if (a === b) return true;
  const x = storyNames(corpus, a);
  const y = storyNames(corpus, b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const name of small) if (large.has(name)) return true;
  return false;
}

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

/** What happens in the claim's clause: its lower-case content words, the claim's own words and names left out. */
export function clauseAction(doc: Segmented, claim: ClaimAt & { text: string }): Set<string> {
  const { before, after } = clauseAround(doc, claim);
  const own = new Set(contentWords(claim.text));
  return new Set(contentWords((before + ' ' + after).replace(/\b\p{Lu}[\p{L}’'-]*/gu, ' ')).filter((w) => !own.has(w)));
}

/** Capitalised words in the claim's clause ("in the Rostov region"), lower case; sentence openers left out. */
export function clauseNames(doc: Segmented, claim: ClaimAt, common: ReadonlySet<string>): string[] {
  const { before, after } = clauseAround(doc, claim);
  const out: string[] = [];
  for (const m of (before + ' ' + after).matchAll(/\b\p{Lu}[\p{L}’'-]+/gu)) {
    const lower = m[0].toLowerCase();
    // A sentence may open with a common word: only a word never written in lower case is a name.
    if (!CALENDAR.test(lower) && !common.has(lower)) out.push(lower);
  }
  return out;
}

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
  const referenceSentence = clauseAround(reference.doc, reference.claim).sentence;
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

type Located = { doc: number; start: number; end: number; value: string };

export function corpusDisagreements(corpus: Corpus): Disagreement[] {
  // Quote pairs serve twice: for quote disagreements, and to tell which sources report the same events.
  const pairs = quotePairs(corpus);
  return [...quoteDisagreements(corpus, pairs), ...factDisagreements(corpus), ...durationDisagreements(corpus), ...sourceDateDisagreements(corpus, pairs)];
}

function toDisagreement(corpus: Corpus, kind: Disagreement['kind'], topic: string, items: Located[]): Disagreement {
  const groups = new Map<string, Located[]>();
  for (const item of items) {
    const key = normalise(item.value);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const variants = [...groups.values()]
    .map((list) => ({
      value: list[0].value,
      sources: dedupe(list).map((x) => {
        const source = corpus.sources[x.doc];
        const sentence = source.segmented.sentences.find((s) => s.start <= x.start && x.start <= s.end) ?? { start: x.start, end: x.end };
        return { source: source.info, excerpt: source.text.slice(sentence.start, sentence.end), range: rangeOf(source.lineStarts, sentence) };
      }),
    }))
    .sort((a, b) => b.sources.length - a.sources.length);
  return { kind, topic, variants };
}

function dedupe(list: Located[]): Located[] {
  const seen = new Set<number>();
  return list.filter((x) => !seen.has(x.doc) && seen.add(x.doc));
}

/** Pairs of quotes from different sources that say nearly the same words. */
function quotePairs(corpus: Corpus): Array<[{ doc: number; q: QuoteClaim }, { doc: number; q: QuoteClaim }, boolean]> {
  const all = corpus.sources.flatMap((s) => s.analysis.quotes.map((q) => ({ doc: s.id, q, words: wordsOf(q.words) }))).filter((x) => x.words.length >= 2);
  const byWord = new Map<string, number[]>();
  all.forEach((x, i) => new Set(x.words).forEach((w) => byWord.set(w, [...(byWord.get(w) ?? []), i])));
  const pairs: Array<[{ doc: number; q: QuoteClaim }, { doc: number; q: QuoteClaim }, boolean]> = [];
  all.forEach((a, i) => {
    const rare = [...new Set(a.words)].sort((x, y) => (byWord.get(x)?.length ?? 0) - (byWord.get(y)?.length ?? 0)).slice(0, 3);
    const seen = new Set<number>();
    for (const w of rare) for (const j of byWord.get(w) ?? []) {
      if (j <= i || seen.has(j) || all[j].doc === a.doc) continue;
      seen.add(j);
      const b = all[j];
      const sa = ' ' + a.words.join(' ') + ' ';
      const sb = ' ' + b.words.join(' ') + ' ';
      if (sa.includes(sb) || sb.includes(sa)) { pairs.push([a, b, true]); continue; }
      const shorter = Math.min(a.words.length, b.words.length);
      if (shorter < 3) continue;
      const common = diffArrays(a.words, b.words).filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
      if (common / shorter >= 0.6 && common / Math.max(a.words.length, b.words.length) >= 0.5) pairs.push([a, b, false]);
    }
  });
  return pairs;
}

type QuotePairs = ReturnType<typeof quotePairs>;

function quoteDisagreements(corpus: Corpus, pairs: QuotePairs): Disagreement[] {
  const out: Disagreement[] = [];
  // Wording: clusters joined by near (not contained) pairs.
  const wordingClusters = clusters(pairs.filter(([, , same]) => !same).map(([a, b]) => [a, b]));
  for (const cluster of wordingClusters) {
    out.push(toDisagreement(corpus, 'quote', `the wording of “${cluster[0].q.words.slice(0, 60)}”`, cluster.map((x) => ({ doc: x.doc, start: x.q.span.start, end: x.q.span.end, value: x.q.words }))));
  }
  // Speakers: the same words, given to different people.
  for (const cluster of clusters(pairs.filter(([, , same]) => same).map(([a, b]) => [a, b]))) {
    const named = cluster.filter((x) => x.q.speaker?.person);
    const names = named.map((x) => x.q.speaker!.name);
    if (names.some((n) => !sameSpeaker(n, names[0]))) {
      out.push(toDisagreement(corpus, 'quote', `who said “${cluster[0].q.words.slice(0, 60)}”`, named.map((x) => ({ doc: x.doc, start: x.q.span.start, end: x.q.span.end, value: x.q.speaker!.name }))));
    }
  }
  return out;
}

function clusters<T extends { doc: number; q: QuoteClaim }>(edges: Array<[T, T]>): T[][] {
  const parent = new Map<T, T>();
  const find = (x: T): T => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const [a, b] of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const groups = new Map<T, T[]>();
  for (const x of parent.keys()) groups.set(find(x), [...(groups.get(find(x)) ?? []), x]);
  return [...groups.values()];
}

/** Figures and dates in matching sentences of different sources that cannot both be true. */
function factDisagreements(corpus: Corpus): Disagreement[] {
  const out: Disagreement[] = [];
  const { index } = corpus;
  const seen = new Set<string>();
  for (const source of corpus.sources) {
    const doc = source.analysis;
    const facts: Array<FigureClaim | DateClaim> = [...doc.figures, ...doc.dates.filter((d) => d.granularity !== 'duration')];
    for (const fact of facts) {
      if (fact.inQuote) continue;
      const words = doc.sentenceWords[fact.sentence];
      const conflicting: Located[] = [];
      const supporting: Located[] = [];
      for (const c of index.candidates(words, 20)) {
        if (c.doc === source.id) continue;
        const score = coverage(words, index.sentenceSet(c.doc, c.sentence), index.idf);
        const back = coverage(corpus.sources[c.doc].segmented.sentenceWords[c.sentence], index.sentenceSet(source.id, fact.sentence), index.idf);
        if (Math.min(score, back) < CONFIDENT_FACT) continue;
        const other = corpus.sources[c.doc].analysis;
        const same = fact.kind === 'figure'
          ? other.figures.filter((f) => f.sentence === c.sentence && !f.inQuote && f.unit === fact.unit)
          : other.dates.filter((d) => d.sentence === c.sentence && !d.inQuote && datesComparable(fact, d));
        // Only the claim that sits in the same words counts ("tens of thousands dead" is not "millions displaced").
        const near = localWords(doc, fact.span, 40);
        const ranked = same
          .map((o) => ({ o, score: coverage(near, new Set(localWords(other, o.span, 40)), index.idf) }))
          .filter((x) => x.score >= SAME_FACT)
          .sort((a, b) => b.score - a.score)
          .map((x) => x.o);
        if (!ranked.length) continue;
        const agrees = ranked.some((o) => (fact.kind === 'figure' ? figuresOverlap(fact, o as FigureClaim) : datesAgree(fact, o as DateClaim)));
        const item = { doc: c.doc, start: ranked[0].span.start, end: ranked[0].span.end, value: ranked[0].text };
        if (agrees) supporting.push(item);
        else conflicting.push(item);
      }
      if (!conflicting.length) continue;
      const key = [...new Set([fact.text, ...conflicting.map((c) => c.value)].map((v) => normalise(v)))].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      const topic = fact.kind === 'figure' ? `the figure for “${fact.unit}” in “${doc.sentences[fact.sentence].text.slice(0, 60)}…”` : `the date in “${doc.sentences[fact.sentence].text.slice(0, 60)}…”`;
      out.push(toDisagreement(corpus, fact.kind, topic, [{ doc: source.id, start: fact.span.start, end: fact.span.end, value: fact.text }, ...supporting, ...conflicting]));
    }
  }
  return out;
}

const WAR = /^[^.;]{0,25}\b(?:war|conflict|invasion|fighting)\b/i;

/** How long something has lasted, by topic: durations of a war across sources. */
function durationDisagreements(corpus: Corpus): Disagreement[] {
  const items: Array<Located & { claim: DateClaim }> = [];
  for (const source of corpus.sources) {
    for (const d of source.analysis.dates) {
      if (d.granularity !== 'duration' || d.inQuote) continue;
      if (!WAR.test(source.text.slice(d.span.end, d.span.end + 40))) continue;
      items.push({ doc: source.id, start: d.span.start, end: d.span.end, value: d.text, claim: d });
    }
  }
  const clash = items.some((a) => items.some((b) => !datesAgree(a.claim, b.claim)));
  return clash ? [toDisagreement(corpus, 'date', 'how long the war has lasted', items)] : [];
}

/** A source dated well before or after the sources that report the same events, or dated by an ambiguous number. */
function sourceDateDisagreements(corpus: Corpus, pairs: QuotePairs): Disagreement[] {
  const out: Disagreement[] = [];
  const related = new Map<number, Set<number>>();
  for (const [a, b] of pairs) {
    related.set(a.doc, (related.get(a.doc) ?? new Set()).add(b.doc));
    related.set(b.doc, (related.get(b.doc) ?? new Set()).add(a.doc));
  }
  const day = (iso: string) => Date.parse(iso + 'T00:00:00Z') / 86400000;
  for (const source of corpus.sources) {
    const own = source.info.date;
    if (!own) continue;
    const others = [...(related.get(source.id) ?? [])].map((d) => corpus.sources[d].info).filter((i): i is SourceInfo & { date: NonNullable<SourceInfo['date']> } => !!i.date);
    if (!others.length) continue;
    const days = others.map((o) => day(o.date.iso)).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)];
    const gap = day(own.iso) - median;
    if (Math.abs(gap) <= 3 && !own.ambiguous) continue;
    const where = gap < 0 ? 'before' : 'after';
    const note = `${own.raw} (${own.how}) is ${Math.abs(Math.round(gap))} days ${where} the other sources reporting the same events`;
    out.push({
      kind: 'source-date',
      topic: `the date of ${source.info.title}: ${note}`,
      variants: [
        { value: own.iso, sources: [{ source: source.info, excerpt: own.raw, range: rangeOf(source.lineStarts, locate(source.text, own.raw)) }] },
        ...groupDates(others).map(([iso, infos]) => ({ value: iso, sources: infos.map((info) => ({ source: info, excerpt: info.date!.raw, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })) })),
      ],
    });
  }
  return out;
}

function groupDates(infos: SourceInfo[]): Array<[string, SourceInfo[]]> {
  const map = new Map<string, SourceInfo[]>();
  for (const info of infos) map.set(info.date!.iso, [...(map.get(info.date!.iso) ?? []), info]);
  return [...map].sort((a, b) => b[1].length - a[1].length);
}

function locate(text: string, raw: string): { start: number; end: number } {
  const at = Math.max(0, text.indexOf(raw));
  return { start: at, end: at + raw.length };
}
