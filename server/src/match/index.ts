// Lookup structures over the corpus: which sentences hold a word, how rare each word is, which names exist.
import type { Segmented } from '../extract/document';

export interface SentenceRef { doc: number; sentence: number }

export interface CorpusIndex {
  sentenceCount: number;
  /** Inverse document frequency over sentences; unseen words weigh the most. */
  idf(word: string): number;
  /** Sentences sharing the most (weighted) content words with `words`, best first. */
  candidates(words: readonly string[], limit: number): Array<SentenceRef & { score: number }>;
  /** Content-word sets per sentence, per document. */
  sentenceSets: Array<Array<Set<string>>>;
  /** Capitalised words of the corpus by lower case: spelling → occurrences. */
  names: Map<string, Map<string, number>>;
  /** Every word of the corpus in lower case, capitalised or not. */
  vocabulary: Set<string>;
  /** Words seen in lower case in running text (so not names). */
  commonWords: Set<string>;
  knownPeople: ReadonlySet<string>;
  /** Where each capitalised word occurs (first few places), by lower case. */
  nameRefs: Map<string, Array<{ doc: number; start: number; end: number }>>;
}

/** Words that occur in more sentences than this share are too common to narrow a search. */
const COMMON_SHARE = 0.05;

export function buildIndex(docs: readonly Segmented[], knownPeople: ReadonlySet<string>): CorpusIndex {
  const postings = new Map<string, number[]>();
  const sentenceSets: Array<Array<Set<string>>> = [];
  const names = new Map<string, Map<string, number>>();
  const vocabulary = new Set<string>();
  const commonWords = new Set<string>();
  const nameRefs = new Map<string, Array<{ doc: number; start: number; end: number }>>();
  let sentenceCount = 0;
  docs.forEach((doc, d) => {
    sentenceSets.push(
      doc.sentenceWords.map((words, s) => {
        const set = new Set(words);
        for (const word of set) {
          let list = postings.get(word);
          if (!list) postings.set(word, (list = []));
          list.push(d * 65536 + s);
        }
        sentenceCount++;
        return set;
      }),
    );
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
    for (const m of doc.text.matchAll(/[\p{L}][\p{L}’'-]*/gu)) {
      const word = m[0];
      const lower = word.toLowerCase();
      vocabulary.add(lower);
      if (word === lower) commonWords.add(lower);
    }
  });
  const n = Math.max(sentenceCount, 1);
  const idf = (word: string) => Math.log(1 + n / (1 + (postings.get(word)?.length ?? 0)));
  return {
    sentenceCount,
    idf,
    sentenceSets,
    names,
    vocabulary,
    commonWords,
    knownPeople,
    nameRefs,
    candidates(words, limit) {
      const scores = new Map<number, number>();
      const unique = [...new Set(words)];
      let total = 0;
      for (const word of unique) total += idf(word);
      for (const word of unique) {
        const list = postings.get(word);
        if (!list || (list.length > COMMON_SHARE * n && n > 200)) continue;
        const weight = idf(word);
        for (const key of list) scores.set(key, (scores.get(key) ?? 0) + weight);
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([key, score]) => ({ doc: Math.floor(key / 65536), sentence: key % 65536, score: total ? score / total : 0 }));
    },
  };
}
