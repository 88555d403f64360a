// Word tokens and normalisation shared by extraction and matching.
import type { Span } from '../model/types';

export interface Token extends Span { text: string; lower: string }

const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu;

export function tokensOf(text: string, base = 0): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  }
  return out;
}

/** Lower case, curly quotes and dashes made plain, possessive 's dropped, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a quote or passage, for alignment: lower case, punctuation dropped. */
export function wordsOf(text: string): string[] {
  return tokensOf(normalise(text)).map((t) => t.lower.replace(/'s$/, ''));
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if of in on at to for from by with as into onto over under about after before since until ' +
    'is are was were be been being has have had do does did will would can could should may might must shall ' +
    'it its it\'s this that these those there here he she they we you i me him her them us our their his my your ' +
    'not no so than then also just very more most less such some any all each both other only own same ' +
    'said says say told tell according who whom which what when where while how why ' +
    'up down out off again further once new one'
  ).split(' '),
);

/** Content words of the text's lower-case words: names (capitalised words) say who or where, not what happened. */
export function contentWordsWithoutNames(text: string): string[] {
  return contentWords(text.replace(/\b\p{Lu}[\p{L}’'-]*/gu, ' '));
}

/** Content words, singular-ish: the keys lexical matching compares. */
export function contentWords(text: string): string[] {
  // tokensOf() without its token objects: this runs on every sentence of every draft and source.
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0].toLowerCase().replace(/['’]s$/, '');
    const first = word.charCodeAt(0);
    if (word.length > 1 && !(first >= 48 && first <= 57) && !STOPWORDS.has(word)) out.push(matchKey(word));
  }
  return out;
}

/**
 * Matching key of a word: plural dropped, then cut to six letters so "Crimea"/"Crimean", "Russia"/"Russian" meet;
 * British and American spellings meet too ("defence"/"defense", "labour"/"labor").
 */
export function matchKey(word: string): string {
  return stem(word.replace(/ences?$/, 'ense').replace(/(?<=\p{L}{3})ours?$/u, 'or')).slice(0, 6);
}

/** A light stemmer: enough to make plurals meet. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}
