// Lookup structures over the corpus: which sentences hold a word, how rare each word is, which names exist.
import type { Segmented } from '../extract/document';

export interface SentenceRef { doc: number; sentence: number }

export interface CorpusIndex {
  sentenceCount: number;
  /** Inverse document frequency over sentences; unseen words weigh the most. */
  idf(word: string): number;
  /** Sentences sharing the most (weighted) content words with `words`, best first. */
  candidates(words: readonly string[], limit: number): Array<SentenceRef & { score: number }>;
  /** The content words of one sentence, as a set. */
  sentenceSet(doc: number, sentence: number): Set<string>;
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
/** Candidates come from the query's rarest words; the rest only rescore. Bounds the work on a large corpus. */
const SEARCH_WORDS = 8;

export function buildIndex(docs: readonly Segmented[], knownPeople: ReadonlySet<string>, vocabulary: Vocabulary): CorpusIndex {
  const postings = new Map<string, number[]>();
  const names = new Map<string, Map<string, number>>();
  const nameRefs = new Map<string, Array<{ doc: number; start: number; end: number }>>();
  let sentenceCount = 0;
  const seen = new Set<string>();
  docs.forEach((doc, d) => {
    doc.sentenceWords.forEach((words, s) => {
      seen.clear();
      const key = d * 65536 + s;
      for (const word of words) {
        if (seen.has(word)) continue;
        seen.add(word);
        const list = postings.get(word);
        if (list) list.push(key);
        else postings.set(word, [key]);
      }
      sentenceCount++;
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
  const n = Math.max(sentenceCount, 1);
  const idf = (word: string) => Math.log(1 + n / (1 + (postings.get(word)?.length ?? 0)));
  return {
    sentenceCount,
    idf,
    sentenceSet: (doc, sentence) => new Set(docs[doc].sentenceWords[sentence]),
    names,
    vocabulary: vocabulary.all,
    commonWords: vocabulary.lowercase,
    knownPeople,
    nameRefs,
    candidates(words, limit) {
      const unique = [...new Set(words)];
      let total = 0;
      for (const word of unique) total += idf(word);
      const searchable = unique
        .filter((w) => {
          const list = postings.get(w);
          return list && !(list.length > COMMON_SHARE * n && n > 200);
        })
        .sort((a, b) => postings.get(a)!.length - postings.get(b)!.length)
        .slice(0, SEARCH_WORDS);
      const partial = new Map<number, number>();
      for (const word of searchable) {
        const weight = idf(word);
        for (const key of postings.get(word)!) partial.set(key, (partial.get(key) ?? 0) + weight);
      }
      // The best by the rare words, rescored over all the query's words.
      const shortlist = [...partial].sort((a, b) => b[1] - a[1]).slice(0, limit * 4);
      const scored: Array<SentenceRef & { score: number }> = [];
      for (const [key] of shortlist) {
        const doc = Math.floor(key / 65536);
        const sentence = key % 65536;
        const have = docs[doc].sentenceWords[sentence];
        let score = 0;
        for (const word of unique) if (have.includes(word)) score += idf(word);
        scored.push({ doc, sentence, score: total ? score / total : 0 });
      }
      return scored.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
