// Paragraphs and sentences with offsets. Sentence boundaries come from `sbd`; we only map them back to offsets.
import sbd from 'sbd';
import type { Span } from '../model/types';

export interface Paragraph extends Span { text: string }
export interface Sentence extends Span { text: string; paragraph: number }

const BLANK_LINE = /\n[ \t\u00a0]*\n/g;
const LIST_OR_HEADING = /^\s*(?:[-*+•]|\d+[.)]|#{1,6}\s)/;

/** Splits at blank lines, and at line breaks that end a line of its own (heading, list item, short or closed line). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const pushBlock = (start: number, end: number) => {
    let lineStart = start;
    let blockStart = start;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      const line = text.slice(lineStart, lineEnd);
      const nextLine = text.slice(lineEnd + 1, Math.min(end, text.indexOf('\n', lineEnd + 1) >>> 0));
      const standsAlone = lineEnd >= end || endsLine(line) || LIST_OR_HEADING.test(nextLine) || LIST_OR_HEADING.test(line);
      if (standsAlone) {
        addTrimmed(out, text, blockStart, lineEnd);
        blockStart = lineEnd + 1;
      }
      lineStart = lineEnd + 1;
    }
    // A block ending in a line break leaves its last line unclosed by the loop: it is a paragraph all the same.
    if (blockStart < end) addTrimmed(out, text, blockStart, end);
  };
  let cursor = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    pushBlock(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  pushBlock(cursor, text.length);
  return out;
}

/** A line that ends a paragraph by itself rather than wrapping into the next line. */
function endsLine(line: string): boolean {
  const trimmed = line.trimEnd();
  return trimmed.length < 50 || /[.!?:"”’)\]]$/.test(trimmed) || /[—–-]$/.test(trimmed);
}

function addTrimmed(out: Paragraph[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/**
 * A title's abbreviation that sbd does not know ends this piece ("… said Rear Adm." then "Shannon Gilreath."): the
 * name follows, so the sentence goes on.
 */
const TITLE_ABBREVIATION_END = /(?:^|[\s(])(?:Adm|Cmdr|Cdr|Brig|Cpl|Pvt|Supt|Insp|Det|Atty|Amb|Msgr|Sens|Reps|Govs|Gens)\.$/;

/** Sentences of each paragraph, located by walking sbd's output back over the paragraph (sbd collapses spaces). */
export function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    const text = paragraph.text;
    let cursor = 0;
    let openStart: number | undefined;
    const pieces = sbd.sentences(text, { newline_boundaries: false });
    pieces.forEach((piece, i) => {
      const located = locate(text, piece.trim(), cursor);
      if (!located) return;
      cursor = located.end;
      const sentenceStart = openStart ?? located.start;
      if (i + 1 < pieces.length && TITLE_ABBREVIATION_END.test(piece.trim())) {
        openStart = sentenceStart;
        return;
      }
      openStart = undefined;
      out.push({ start: paragraph.start + sentenceStart, end: paragraph.start + located.end, text: text.slice(sentenceStart, located.end), paragraph: index });
    });
    if (openStart !== undefined) out.push({ start: paragraph.start + openStart, end: paragraph.start + cursor, text: text.slice(openStart, cursor), paragraph: index });
    if (cursor === 0) out.push({ start: paragraph.start, end: paragraph.end, text, paragraph: index });
  });
  return out;
}

/** Finds `needle` in `text` from `from`, letting any run of whitespace match any other. */
function locate(text: string, needle: string, from: number): Span | undefined {
  if (!needle) return undefined;
  let start = from;
  while (start < text.length && /\s/.test(text[start])) start++;
  if (text[start] !== needle[0]) {
    start = text.indexOf(needle[0], from);
    if (start < 0) return undefined;
  }
  let i = start;
  let j = 0;
  while (i < text.length && j < needle.length) {
    if (/\s/.test(needle[j])) {
      while (j < needle.length && /\s/.test(needle[j])) j++;
      while (i < text.length && /\s/.test(text[i])) i++;
    } else if (text[i] === needle[j]) {
      i++;
      j++;
    } else break;
  }
  return { start, end: i };
}
