// Lookup structures over the corpus: which sentences hold a word, how rare each word is, which names exist.
import type { Segmented } from '../extract/document';
import { BoundedCache } from '../model/boundedCache';
import { weigh, type WeightedQuery } from '../text/similarity';

export interface SentenceRef { doc: number; sentence: number }

/** A weighed query with each word's id in the index (-1 for a word no sentence has). */
export interface IndexedQuery extends WeightedQuery { ids: Int32Array }

export interface CorpusIndex {
  sentenceCount: number;
  /** Inverse document frequency over sentences; unseen words weigh the most. */
  idf(word: string): number;
  /**
   * Sentences sharing the most (weighted) content words with `words`, best first. The search starts from the rarest
   * words; `lead` words (e.g. a quotation's own) are among them whatever else the query holds.
   */
  candidates(words: readonly string[], limit: number, lead?: readonly string[]): Array<SentenceRef & { score: number }>;
  /**
   * The groups of candidates(words, limit), in the same order: for a caller that judges a group by one sentence
   * (groupSentence), without a reference per sentence.
   */
  candidateGroups(words: readonly string[], limit: number): Int32Array;
  /** The first sentence of a group (in corpus order). */
  groupSentence(group: number): SentenceRef;
  /** The content words of one sentence, as a set. */
  sentenceSet(doc: number, sentence: number): ReadonlySet<string>;
  /** A query's distinct words weighed by idf, to score against many sentences with coverage(). */
  weigh(words: readonly string[]): IndexedQuery;
  /**
   * weightedCoverage() of the query over one sentence, or over it and the sentence before it (`withPrevious`),
   * without building either sentence's word set.
   */
  coverage(query: IndexedQuery, doc: number, sentence: number, withPrevious?: boolean): number;
  /** Whether the sentence's paragraph has a quotation mark (so may hold a quote), without reading the source. */
  inQuotedParagraph(doc: number, sentence: number): boolean;
  /** The sentence's group: sentences with the same content words, in any source, share it (-1 for none). */
  groupOf(doc: number, sentence: number): number;
  /** Capitalised words of the corpus by lower case: spelling → occurrences. */
  names: Map<string, Map<string, number>>;
  /** Every word of the corpus in lower case, capitalised or not. */
  vocabulary: ReadonlySet<string>;
  /** Words seen in lower case in running text (so not names). */
  commonWords: ReadonlySet<string>;
  knownPeople: ReadonlySet<string>;
  /** Where each capitalised word occurs (first few places), by lower case. */
  nameRefs: Map<string, Array<{ doc: number; start: number; end: number }>>;
}

/** The words of a corpus: all of them in lower case, and those also written in lower case (so not names). */
export interface Vocabulary { all: Set<string>; lowercase: Set<string> }

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const all = new Set<string>();
  const lowercase = new Set<string>();
  for (const text of texts) {
    // Split on anything that is not a letter, apostrophe or hyphen; cheaper than matching words one by one.
    for (const token of text.split(/[^\p{L}’'-]+/u)) {
      const word = token.replace(/^[’'-]+|[’'-]+$/g, '');
      if (!word) continue;
      const lower = word.toLowerCase();
      if (lower === word) lowercase.add(lower);
      all.add(lower);
    }
  }
  return { all, lowercase };
}

/** Words that occur in more sentences than this share are too common to narrow a search. */
const COMMON_SHARE = 0.05;
/**
 * Candidates come from the query's rarest words; the rest only rescore. Bounds the work on a large corpus. At most 8:
 * a search keeps which of them hit a group in one byte.
 */
const SEARCH_WORDS = 8;
/** Of those, how many may be taken by the caller's lead words first. */
const LEAD_WORDS = 3;
/** Word sets of sentences kept for re-use: a few drafts' worth of candidates. */
const MAX_CACHED_SETS = 50_000;
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * What the index is made of: typed arrays, the word list and the name maps (all of which node:v8 serialises), so a
 * warm start reads it from disk instead of rebuilding it. Sentences are numbered across the corpus, doc by doc.
 */
export interface IndexData {
  sentenceCount: number;
  /** doc → number of its first sentence */
  firstSentenceOf: Int32Array;
  docOf: Int32Array;
  sentenceOf: Int32Array;
  /** sentence → its group: sentences with the same content words, in any source, are one group */
  groupOf: Int32Array;
  /** sentence → 1 if its paragraph has a quotation mark */
  quoted: Uint8Array;
  /** group g's distinct word ids are groupWordList[groupWordStart[g] … groupWordStart[g + 1]) */
  groupWordStart: Int32Array;
  groupWordList: Int32Array;
  /** group g's sentences are members[memberStart[g] … memberStart[g + 1]), in corpus order */
  memberStart: Int32Array;
  members: Int32Array;
  /** word id → the word */
  words: string[];
  /** word id → how many sentences have it (for idf) */
  sentencesWith: Int32Array;
  /** word w's groups are postingList[postingStart[w] … postingStart[w + 1]), in group order */
  postingStart: Int32Array;
  postingList: Int32Array;
  names: Map<string, Map<string, number>>;
  nameRefs: Map<string, Array<{ doc: number; start: number; end: number }>>;
}

export function indexDataOf(docs: readonly Segmented[]): IndexData {
  const names = new Map<string, Map<string, number>>();
  const nameRefs = new Map<string, Array<{ doc: number; start: number; end: number }>>();
  // Wire copy repeats sentences word for word across sources: the search runs over distinct word lists ("groups"),
  // each remembering the sentences that have it. At 10,000 bench sources, 146,000 sentences are 51,000 groups.
  const sentenceCount = docs.reduce((sum, doc) => sum + doc.sentenceWords.length, 0);
  const firstSentenceOf = new Int32Array(docs.length); // doc → its first sentence's number in the corpus
  const docOf = new Int32Array(sentenceCount);
  const sentenceOf = new Int32Array(sentenceCount);
  const groupOf = new Int32Array(sentenceCount);
  const quoted = new Uint8Array(sentenceCount);
  const groupByWords = new Map<string, number>();
  const wordIds = new Map<string, number>();
  const groupWordIds: number[] = []; // each group's distinct word ids, one group after another
  const groupWordStarts: number[] = [0];
  const seen = new Set<string>();
  let k = 0;
  docs.forEach((doc, d) => {
    firstSentenceOf[d] = k;
    const quotedParagraph = doc.paragraphs.map((p) => /["“”]/.test(p.text));
    doc.sentenceWords.forEach((words, s) => {
      docOf[k] = d;
      sentenceOf[k] = s;
      quoted[k] = quotedParagraph[doc.sentences[s].paragraph] ? 1 : 0;
      const key = words.join('\u0001');
      let group = groupByWords.get(key);
      if (group === undefined) {
        groupByWords.set(key, (group = groupWordStarts.length - 1));
        seen.clear();
        for (const word of words) {
          if (seen.has(word)) continue;
          seen.add(word);
          let id = wordIds.get(word);
          if (id === undefined) wordIds.set(word, (id = wordIds.size));
          groupWordIds.push(id);
        }
        groupWordStarts.push(groupWordIds.length);
      }
      groupOf[k++] = group;
    });
    for (const runs of doc.names) {
      for (const run of runs) {
        for (const word of run.words) {
          const lower = word.text.toLowerCase();
          let spellings = names.get(lower);
          if (!spellings) names.set(lower, (spellings = new Map()));
          spellings.set(word.text, (spellings.get(word.text) ?? 0) + 1);
          let refs = nameRefs.get(lower);
          if (!refs) nameRefs.set(lower, (refs = []));
          if (refs.length < 5) refs.push({ doc: d, start: word.start, end: word.end });
        }
      }
    }
  });
  groupByWords.clear();
  const groupCount = groupWordStarts.length - 1;
  const groupWordStart = Int32Array.from(groupWordStarts);
  const groupWordList = Int32Array.from(groupWordIds);
  // Members of each group in corpus order, as one flat array (counting sort by group).
  const memberStart = new Int32Array(groupCount + 1);
  for (let i = 0; i < sentenceCount; i++) memberStart[groupOf[i] + 1]++;
  for (let g = 0; g < groupCount; g++) memberStart[g + 1] += memberStart[g];
  const members = new Int32Array(sentenceCount);
  const fill = memberStart.slice(0, groupCount);
  for (let i = 0; i < sentenceCount; i++) members[fill[groupOf[i]]++] = i;
  // Per word: the sentences having it (for idf) and the groups having it (postings, one flat array in group order).
  const wordCount = wordIds.size;
  const sentencesWith = new Int32Array(wordCount);
  const postingStart = new Int32Array(wordCount + 1);
  for (let g = 0; g < groupCount; g++) {
    const size = memberStart[g + 1] - memberStart[g];
    for (let j = groupWordStart[g]; j < groupWordStart[g + 1]; j++) {
      sentencesWith[groupWordList[j]] += size;
      postingStart[groupWordList[j] + 1]++;
    }
  }
  for (let w = 0; w < wordCount; w++) postingStart[w + 1] += postingStart[w];
  const postingList = new Int32Array(postingStart[wordCount]);
  const next = postingStart.slice(0, wordCount);
  for (let g = 0; g < groupCount; g++) for (let j = groupWordStart[g]; j < groupWordStart[g + 1]; j++) postingList[next[groupWordList[j]]++] = g;

  const words = new Array<string>(wordCount);
  for (const [word, id] of wordIds) words[id] = word;
  return {
    sentenceCount, firstSentenceOf, docOf, sentenceOf, groupOf, quoted, groupWordStart, groupWordList, memberStart, members,
    words, sentencesWith, postingStart, postingList, names, nameRefs,
  };
}

export function indexFrom(data: IndexData, knownPeople: ReadonlySet<string>, vocabulary: Vocabulary): CorpusIndex {
  const { sentenceCount, firstSentenceOf, docOf, sentenceOf, groupOf, quoted, groupWordStart, groupWordList, memberStart, members, words, sentencesWith, postingStart, postingList, names, nameRefs } = data;
  const wordIds = new Map<string, number>();
  for (let id = 0; id < words.length; id++) wordIds.set(words[id], id);
  const groupCount = memberStart.length - 1;
  const n = Math.max(sentenceCount, 1);
  const idf = (word: string) => {
    const id = wordIds.get(word);
    return Math.log(1 + n / (1 + (id === undefined ? 0 : sentencesWith[id])));
  };
  /** A source's sentence numbered across the corpus; -1 past either end of the source. */
  const numberOf = (doc: number, sentence: number): number => {
    const end = doc + 1 < firstSentenceOf.length ? firstSentenceOf[doc + 1] : sentenceCount;
    const k = firstSentenceOf[doc] + sentence;
    return sentence >= 0 && k < end ? k : -1;
  };
  // Scratch space for scoring, reused by every search (the engine is single-threaded).
  const hits = new Uint8Array(groupCount); // bit b: search word b occurs in the group (SEARCH_WORDS ≤ 8)
  const touched = new Int32Array(groupCount);
  const queryWeight = new Float64Array(words.length);
  // Words of the sentences being scored are marked with the current stamp (no clearing between sentences).
  const marked = new Int32Array(words.length);
  let stamp = 0;
  const mark = (k: number) => {
    const group = groupOf[k];
    for (let j = groupWordStart[group]; j < groupWordStart[group + 1]; j++) marked[groupWordList[j]] = stamp;
  };
  const sentenceSets = new BoundedCache(MAX_CACHED_SETS, (group: number) => {
    const set = new Set<string>();
    for (let j = groupWordStart[group]; j < groupWordStart[group + 1]; j++) set.add(words[groupWordList[j]]);
    return set;
  });
  return {
    sentenceCount,
    idf,
    groupOf(doc, sentence) {
      const k = numberOf(doc, sentence);
      return k < 0 ? -1 : groupOf[k];
    },
    inQuotedParagraph(doc, sentence) {
      const k = numberOf(doc, sentence);
      return k >= 0 && quoted[k] === 1;
    },
    sentenceSet(doc, sentence) {
      // Per group, so a sentence repeated across the corpus is one set; bounded, as a draft touches few groups.
      const k = numberOf(doc, sentence);
      if (k < 0) return NO_WORDS;
      return sentenceSets.get(groupOf[k]);
    },
    weigh(query) {
      const { words: distinct, weights, total } = weigh(query, idf);
      const ids = new Int32Array(distinct.length);
      for (let i = 0; i < distinct.length; i++) ids[i] = wordIds.get(distinct[i]) ?? -1;
      return { words: distinct, weights, total, ids };
    },
    coverage(query, doc, sentence, withPrevious = false) {
      if (!query.total) return 0;
      if (++stamp === 0x7fffffff) {
        marked.fill(0);
        stamp = 1;
      }
      const k = numberOf(doc, sentence);
      if (k >= 0) mark(k);
      if (withPrevious) {
        const previous = numberOf(doc, sentence - 1);
        if (previous >= 0) mark(previous);
      }
      // Summed in the query's order, as weightedCoverage() does, so the scores are the same to the last bit.
      let shared = 0;
      for (let i = 0; i < query.ids.length; i++) if (query.ids[i] >= 0 && marked[query.ids[i]] === stamp) shared += query.weights[i];
      return shared / query.total;
    },
    names,
    vocabulary: vocabulary.all,
    commonWords: vocabulary.lowercase,
    knownPeople,
    nameRefs,
    candidates(words, limit, lead = []) {
      const out: Array<SentenceRef & { score: number }> = [];
      rankGroups(words, limit, lead, (group, score) => {
        const before = out.length;
        for (let m = memberStart[group]; m < memberStart[group + 1] && out.length < limit; m++) out.push({ doc: docOf[members[m]], sentence: sentenceOf[members[m]], score });
        return out.length - before;
      });
      return out;
    },
    candidateGroups(words, limit) {
      const out = new Int32Array(limit);
      let count = 0;
      rankGroups(words, limit, [], (group) => {
        out[count++] = group;
        return memberStart[group + 1] - memberStart[group];
      });
      return out.subarray(0, count);
    },
    groupSentence(group) {
      const first = members[memberStart[group]];
      return { doc: docOf[first], sentence: sentenceOf[first] };
    },
  };

  /**
   * Groups sharing the most (weighted) content words with `words`, best first, each given to `take` (which tells how
   * many sentences it took) until `limit` sentences are taken.
   */
  function rankGroups(words: readonly string[], limit: number, lead: readonly string[], take: (group: number, score: number) => number): void {
    const query: Array<{ id: number; weight: number }> = [];
    let total = 0;
    for (const word of new Set(words)) {
      const weight = idf(word);
      total += weight;
      const id = wordIds.get(word);
      if (id !== undefined) query.push({ id, weight });
    }
    const rarestFirst = query.filter(({ id }) => !(sentencesWith[id] > COMMON_SHARE * n && n > 200)).sort((a, b) => sentencesWith[a.id] - sentencesWith[b.id]);
    const leading = new Set(lead.map((word) => wordIds.get(word)));
    const led = rarestFirst.filter(({ id }) => leading.has(id)).slice(0, LEAD_WORDS);
    const searchable = [...led, ...rarestFirst.filter((w) => !led.includes(w))].slice(0, SEARCH_WORDS);
    let touchedCount = 0;
    for (let b = 0; b < searchable.length; b++) {
      const { id } = searchable[b];
      for (let p = postingStart[id]; p < postingStart[id + 1]; p++) {
        const group = postingList[p];
        if (hits[group] === 0) touched[touchedCount++] = group;
        hits[group] |= 1 << b;
      }
    }
    // The best groups by the rare words, rescored over all the query's words.
    const shortlist = topGroups(touched.subarray(0, touchedCount), hits, searchable.map((w) => w.weight), limit * 4);
    for (let i = 0; i < touchedCount; i++) hits[touched[i]] = 0;
    for (const { id, weight } of query) queryWeight[id] = weight;
    const scores = new Float64Array(shortlist.length);
    for (let i = 0; i < shortlist.length; i++) {
      const group = shortlist[i];
      let score = 0;
      for (let j = groupWordStart[group]; j < groupWordStart[group + 1]; j++) score += queryWeight[groupWordList[j]];
      scores[i] = total ? score / total : 0;
    }
    for (const { id } of query) queryWeight[id] = 0;
    // Best first (ties in corpus order) until `limit` sentences: popped from a heap, as a few groups often suffice.
    const positions = new Int32Array(shortlist.length);
    for (let i = 0; i < positions.length; i++) positions[i] = i;
    const ranked = Heap.of(positions, (a, b) => scores[a] > scores[b] || (scores[a] === scores[b] && shortlist[a] < shortlist[b]));
    for (let taken = 0; taken < limit && ranked.size; ) {
      const i = ranked.pop();
      taken += take(shortlist[i], scores[i]);
    }
  }
}

/**
 * The `limit` touched groups with the highest scores (ties go to the earlier group), in no particular order. A group's
 * score is the sum of the weights of the search words that hit it (`hits`, one bit per word), summed in word order:
 * groups hit by the same words score the same to the last bit, and there are at most 2^8 such patterns. So the cut-off
 * score comes from counting groups per pattern, not from ordering thousands of groups; only the groups tied at the
 * cut-off, when too many, are sorted (by group). The caller rescores and ranks the few kept.
 */
export function topGroups(touched: Int32Array, hits: Uint8Array, weights: readonly number[], limit: number): Int32Array {
  if (limit <= 0 || !touched.length) return new Int32Array(0);
  const patterns = 1 << weights.length;
  const scoreOf = new Float64Array(patterns);
  const count = new Int32Array(patterns);
  for (let pattern = 1; pattern < patterns; pattern++) {
    let score = 0;
    for (let b = 0; b < weights.length; b++) if (pattern & (1 << b)) score += weights[b];
    scoreOf[pattern] = score;
  }
  for (let t = 0; t < touched.length; t++) count[hits[touched[t]]]++;
  // Walk the patterns best first until `limit` groups are taken: the score there is the cut-off.
  const present: number[] = [];
  for (let pattern = 1; pattern < patterns; pattern++) if (count[pattern]) present.push(pattern);
  present.sort((a, b) => scoreOf[b] - scoreOf[a]);
  let cutoff = -Infinity;
  for (let i = 0, taken = 0; i < present.length; i++) {
    taken += count[present[i]];
    if (taken >= limit) {
      cutoff = scoreOf[present[i]];
      break;
    }
  }
  const kept = new Int32Array(Math.min(limit, touched.length));
  const tied = new Int32Array(touched.length);
  let above = 0;
  let ties = 0;
  for (let t = 0; t < touched.length; t++) {
    const score = scoreOf[hits[touched[t]]];
    if (score > cutoff) kept[above++] = touched[t];
    else if (score === cutoff) tied[ties++] = touched[t];
  }
  // Those above the cut-off number fewer than `limit`, and with those at it at least `limit` (or all touched).
  const atCutoff = tied.subarray(0, ties);
  const room = kept.length - above;
  if (ties > room) atCutoff.sort();
  kept.set(atCutoff.subarray(0, room), above);
  return kept;
}

/** A binary heap of integers (indices into the caller's arrays), built full and popped; `before(a, b)`: a comes out first. */
export class Heap {
  private constructor(
    private readonly items: Int32Array,
    private readonly before: (a: number, b: number) => boolean,
    public size: number,
  ) {}
  /** A full heap of `items` (taken over, not copied), built bottom-up: fewer comparisons than pushing them one by one. */
  static of(items: Int32Array, before: (a: number, b: number) => boolean): Heap {
    const heap = new Heap(items, before, items.length);
    for (let i = (items.length >> 1) - 1; i >= 0; i--) heap.siftDown(i, items[i]);
    return heap;
  }
  pop(): number {
    const top = this.items[0];
    const last = this.items[--this.size];
    if (this.size) this.siftDown(0, last);
    return top;
  }
  /** Puts `item` at `i` and moves it down past every child that comes out before it. */
  private siftDown(i: number, item: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const child = left + 1 < this.size && this.before(this.items[left + 1], this.items[left]) ? left + 1 : left;
      if (!this.before(this.items[child], item)) break;
      this.items[i] = this.items[child];
      i = child;
    }
    this.items[i] = item;
  }
}
