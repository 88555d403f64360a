// Small helpers the checks share: counting sources and wording their agreement.
import type { Corpus } from '../corpus/corpus';
import { normalise, wordsOf } from '../text/words';
import { BoundedCache } from '../model/boundedCache';

export function sourceName(corpus: Corpus, doc: number): string {
  const info = corpus.sources[doc].info;
  return info.outlet ?? info.title;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Values as tallies compare them, kept across tallies: sources give the same few wordings, names and figures. */
const tallyKeys = new BoundedCache(20_000, normalise);

/** Groups values by how many distinct sources give them, most common first. */
export function tally<T>(items: Array<{ doc: number; value: string; item: T }>): Array<{ value: string; docs: number[]; items: T[] }> {
  const groups = new Map<string, { value: string; docs: number[]; items: T[] }>();
  for (const { doc, value, item } of items) {
    const key = tallyKeys.get(value);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { value, docs: [], items: [] }));
    if (!group.docs.includes(doc)) group.docs.push(doc);
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => b.docs.length - a.docs.length);
}

/** "3 sources say X; 1 says Y" */
export function describeTally(groups: Array<{ value: string; docs: number[] }>): string {
  return groups.map((g) => `${plural(g.docs.length, 'source')} ${g.docs.length === 1 ? 'says' : 'say'} “${g.value}”`).join('; ');
}

/**
 * A quote's words as " a b c ", for telling whether one wording contains another. Remembered across checks: sources
 * quote the same few wordings over and over. Bounded.
 */
const spacedWordings = new BoundedCache(20_000, (wording: string) => ' ' + wordsOf(wording).join(' ') + ' ');
export function spacedWords(wording: string): string {
  return spacedWordings.get(wording);
}
