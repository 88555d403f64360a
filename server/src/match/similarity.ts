// How much two passages share, weighted by how rare the shared words are.

/** Share of `query`'s weight found in `candidate`: 1 when every query word is there. */
export function coverage(query: readonly string[], candidate: ReadonlySet<string> | readonly string[], idf: (word: string) => number): number {
  const set = candidate instanceof Set ? candidate : new Set(candidate as readonly string[]);
  let total = 0;
  let shared = 0;
  const seen = new Set<string>();
  for (const word of query) {
    if (seen.has(word)) continue;
    seen.add(word);
    const weight = idf(word);
    total += weight;
    if (set.has(word)) shared += weight;
  }
  return total ? shared / total : 0;
}
