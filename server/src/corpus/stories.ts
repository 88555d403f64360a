// Which sources tell one story: they share a name few others carry. And which sources are dated apart from the
// sources telling their story, so their own date cannot place the weekdays they name.
import type { Segmented } from '../extract/document';
import type { Corpus } from './corpus';
import { DAY_MS } from '../model/calendar';

/** What the story relations read: each source's names and outlet, and the corpus's name counts. */
export type StoryCorpus = Pick<Corpus, 'index' | 'sources'>;

/** Calendar words are capitalised but name no story. */
export const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** A name carried by more sentences than this is everyone's (a country, a capital), not one story's. */
function storyNameLimit(corpus: StoryCorpus): number {
  return Math.max(100, corpus.index.sentenceCount / 50);
}

const storyNamesOf = new WeakMap<Segmented, Set<string>>();

/** Lower-case words of a source's names that few sentences of the corpus carry: what tells its story from others. */
export function storyNames(corpus: StoryCorpus, doc: number): Set<string> {
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
export function sameStory(corpus: StoryCorpus, a: number, b: number): boolean {
  if (a === b) return true;
  const x = storyNames(corpus, a);
  const y = storyNames(corpus, b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const name of small) if (large.has(name)) return true;
  return false;
}

/** Each story name with the sources (of `among`, in their order) that carry it, by number. */
export function sourcesByStoryName(corpus: StoryCorpus, among: ReadonlyArray<{ id: number }> = corpus.sources): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (const source of among) {
    for (const name of storyNames(corpus, source.id)) {
      const list = byName.get(name);
      if (list) list.push(source.id);
      else byName.set(name, [source.id]);
    }
  }
  return byName;
}

/** A source this many days or more from the sources telling its story would place its weekdays in another week. */
const APART_DAYS = 7;
/** The dates of the other sources must cluster: this many days around their median holds most of them. */
const CLUSTER_DAYS = 3;
/** Dated sources of one story looked at per source, at most (the first in corpus order). */
const MAX_STORY_SOURCES = 200;
/**
 * Places in the story names' lists read per source, at most: the lists of one story repeat the same sources, and
 * reading them to the end for new ones cost 3.6 s at 10,000 bench sources (0.4 s so bounded).
 */
const MAX_STORY_VISITS = 4 * MAX_STORY_SOURCES;

/**
 * Sources whose own date sits a week or more from the dates of the other sources telling their story, where those
 * cluster (at least two of them, most within a few days of their median): a reprint dated later, a page dated by its
 * last update. Their weekdays ("on Sunday") cannot be placed by their date: the events are the cluster's.
 */
export function sourcesDatedApart(corpus: StoryCorpus): Set<number> {
  const apart = new Set<number>();
  const dated = corpus.sources.filter((s) => s.info.date && !Number.isNaN(Date.parse(s.info.date.iso)));
  if (dated.length < 3) return apart;
  const dayOf = (s: (typeof dated)[number]) => Math.round(Date.parse(s.info.date!.iso) / DAY_MS);
  const docsNamed = sourcesByStoryName(corpus, dated);
  // Each dated source's day, read once: a source is among the others of many sources.
  const dayById = new Float64Array(corpus.sources.length);
  for (const source of dated) dayById[source.id] = dayOf(source);
  const seenBy = new Int32Array(corpus.sources.length);
  const found = new Float64Array(MAX_STORY_SOURCES);
  for (const source of dated) {
    let count = 0;
    let visits = 0;
    seenBy[source.id] = source.id + 1;
    for (const name of storyNames(corpus, source.id)) {
      for (const other of docsNamed.get(name) ?? []) {
        if (count >= MAX_STORY_SOURCES || visits++ >= MAX_STORY_VISITS) break;
        if (seenBy[other] === source.id + 1) continue;
        seenBy[other] = source.id + 1;
        found[count++] = dayById[other];
      }
    }
    if (count < 2) continue;
    // A typed array sorts numerically, without a comparator.
    const days = found.subarray(0, count).sort();
    const median = days[Math.floor(days.length / 2)];
    const clustered = days.filter((d) => Math.abs(d - median) <= CLUSTER_DAYS).length;
    if (clustered * 2 > days.length && Math.abs(dayById[source.id] - median) >= APART_DAYS) apart.add(source.id);
  }
  return apart;
}
