// How much two passages share, weighted by how rare the shared words are.

/** Share of `query`'s weight found in `candidate`: 1 when every query word is there. */
export function coverage(query: readonly string[], candidate: ReadonlySet<string> | readonly string[], idf: (word: string) => number): number {
  const set = candidate instanceof Set ? candidate : new Set(candidate as readonly string[]);
  return weightedCoverage(weigh(query, idf), set);
}

/** A query's distinct words with their weights, computed once and scored against many candidates. */
export interface WeightedQuery { words: string[]; weights: number[]; total: number }

export function weigh(query: readonly string[], idf: (word: string) => number): WeightedQuery {
  const words = [...new Set(query)];
  const weights = words.map(idf);
  return { words, weights, total: weights.reduce((a, b) => a + b, 0) };
}

/** coverage() of a weighted query over one set, or the union of two (without building it). */
export function weightedCoverage(query: WeightedQuery, set: ReadonlySet<string>, also?: ReadonlySet<string>): number {
  if (!query.total) return 0;
  let shared = 0;
  for (let i = 0; i < query.words.length; i++) if (set.has(query.words[i]) || also?.has(query.words[i])) shared += query.weights[i];
  return shared / query.total;
}
