// Run-on sentences cut into clauses, so that no claim's sentence (its context, its search query, the text its
// qualifier, speaker and date are read from) grows with the length of the text: work stays linear in input size.
import type { Sentence } from './segment';

/** Longer than any real sentence seen (the seeds' and dev drafts' longest is 340 characters): a run-on to be cut. */
export const LONG_SENTENCE = 600;
/** No clause of a run-on is longer than this: one without a comma or semicolon is cut at a space. */
export const MAX_CLAUSE = 300;
/** A shorter stretch between commas (", killing six people", "according to X,") stays with the clause before it. */
const MIN_CLAUSE_WORDS = 5;

/** The sentences, each run-on one replaced by its clauses (in order, same paragraph). Short sentences are returned as they are. */
export function boundLongSentences(sentences: Sentence[]): Sentence[] {
  if (!sentences.some((s) => s.text.length > LONG_SENTENCE)) return sentences;
  return sentences.flatMap((s) => (s.text.length > LONG_SENTENCE ? clausesOf(s) : [s]));
}

/** A run-on sentence cut after each comma or semicolon outside quotation marks; short stretches joined to the one before. */
function clausesOf(sentence: Sentence): Sentence[] {
  const text = sentence.text;
  const cuts: number[] = [];
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') inQuote = true;
    else if (c === '”') inQuote = false;
    else if (c === '"') inQuote = !inQuote;
    else if ((c === ',' || c === ';') && !inQuote && isSpace(text.charCodeAt(i + 1))) cuts.push(i + 1);
  }
  cuts.push(text.length);
  const pieces: Array<[number, number]> = [];
  let from = 0;
  for (const cut of cuts) {
    const start = skipSpaces(text, from);
    from = cut;
    if (start >= cut) continue;
    const last = pieces[pieces.length - 1];
    if (last && wordsIn(text, start, cut) < MIN_CLAUSE_WORDS && cut - last[0] <= MAX_CLAUSE) last[1] = cut;
    else pieces.push([start, cut]);
  }
  // A short first stretch ("In Kyiv,") opens the clause after it.
  if (pieces.length > 1 && wordsIn(text, pieces[0][0], pieces[0][1]) < MIN_CLAUSE_WORDS && pieces[1][1] - pieces[0][0] <= MAX_CLAUSE) {
    pieces[1][0] = pieces[0][0];
    pieces.shift();
  }
  return pieces.flatMap(([start, end]) => cutLong(text, start, end)).map(([start, end]) => ({
    start: sentence.start + start,
    end: sentence.start + end,
    text: text.slice(start, end),
    paragraph: sentence.paragraph,
  }));
}

/** A stretch over MAX_CLAUSE characters cut at the last space before each limit (or at the limit, if it has none). */
function cutLong(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (end - start > MAX_CLAUSE) {
    let cut = start + MAX_CLAUSE;
    while (cut > start + MAX_CLAUSE / 2 && !isSpace(text.charCodeAt(cut))) cut--;
    if (!isSpace(text.charCodeAt(cut))) cut = start + MAX_CLAUSE;
    out.push([start, trimEnd(text, start, cut)]);
    start = skipSpaces(text, cut);
  }
  if (end > start) out.push([start, trimEnd(text, start, end)]);
  return out;
}

function wordsIn(text: string, start: number, end: number): number {
  let words = 0;
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i)) && (i === start || isSpace(text.charCodeAt(i - 1)))) words++;
  return words;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Space, tab, line breaks, no-break space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
