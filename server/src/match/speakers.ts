// Whether two speaker names are one person, for quote attribution and corpus-wide disagreements.
import { distance } from 'fastest-levenshtein';
import { BoundedCache } from '../model/boundedCache';

/** Two names for one person: same surname, allowing one letter of transliteration ("Zelensky", "Zelenskyy"). */
export function sameSpeaker(a: string, b: string): boolean {
  const x = surnames.get(a);
  const y = surnames.get(b);
  return x === y || (Math.min(x.length, y.length) >= 5 && distance(x, y) <= 1) || isFirstNameOf(a, b) || isFirstNameOf(b, a);
}

/**
 * "Sir Piet" (a knight is called by his first name) and "Piet Moravec": a one-word name that is one of the other's
 * given names, after any title the name carries ("Dr Ayele" and "Agency Director-General Ayele Worku Haile").
 */
function isFirstNameOf(single: string, full: string): boolean {
  const one = single.trim().toLowerCase();
  if (/\s/.test(one)) return false;
  const words = full.trim().split(/\s+/);
  return words.slice(0, -1).some((w) => w.toLowerCase() === one);
}

/** Lower-case surnames of names, remembered: a check compares the same few speakers many times. */
const surnames = new BoundedCache(10_000, (name: string) => name.trim().split(/\s+/).pop()!.toLowerCase());
