// One pass over a text (source or draft): structure, then every kind of claim. Both sides of a comparison come from here.
import type { DateClaim, FigureClaim, QuoteClaim, Span } from '../model/types';
import { lineStartsOf } from '../model/lines';
import { BoundedCache } from '../model/boundedCache';
import { paragraphsOf, sentencesOf, type Paragraph, type Sentence } from '../text/segment';
import { contentWords } from '../text/words';
import { boundLongSentences } from '../text/longSentences';
import { readMetadata, type Metadata } from './metadata';
import { extractQuotes, type SpeakerState } from './quotes';
import { extractFigures } from './figures';
import { extractDates } from './dates';
import { nameRunsOf, type NameRun } from './names';

export interface AnalyzedText extends Segmented {
  lineStarts: number[];
  quotes: QuoteClaim[];
  figures: FigureClaim[];
  dates: DateClaim[];
}

export interface AnalyzeOptions {
  fileName?: string;
  knownPeople?: ReadonlySet<string>;
  /** Overrides the document's own date (for relative weekdays). */
  documentDate?: string;
  /** Overrides the document's own date convention (03.12.2025 day-first or month-first). */
  dayFirst?: boolean;
  /** Speakers carried over from the text before (when a draft is analysed paragraph by paragraph). */
  state?: SpeakerState;
}

export interface Segmented {
  text: string;
  meta: Metadata;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Content words of each sentence (matching keys), for the index. */
  sentenceWords: string[][];
  names: NameRun[][];
}

/** Structure and names only: enough to learn who the people are before attributing quotes. */
export function segmentText(text: string, fileName?: string, meta: Metadata = readMetadata(text, fileName)): Segmented {
  // Blank out front matter so offsets stay those of the file.
  const body = meta.frontMatterEnd ? ' '.repeat(meta.frontMatterEnd) + text.slice(meta.frontMatterEnd) : text;
  const paragraphs = paragraphsOf(body);
  const sentences = boundLongSentences(sentencesOf(paragraphs));
  return {
    text,
    meta,
    paragraphs,
    sentences,
    sentenceWords: sentences.map((s) => contentWords(s.text).map(shared)),
    names: sentences.map((s) => nameRunsOf(s.text, s.start).map(sharedStrings)),
  };
}

/**
 * One copy of each content word across every text segmented: a corpus repeats the same few thousand words over a
 * million times, and names their thousand people a hundred thousand times. Bounded.
 */
const sharedWords = new BoundedCache(200_000, (word: string) => word);
function shared(word: string): string {
  return sharedWords.get(word);
}

function sharedStrings(run: NameRun): NameRun {
  for (const word of run.words) word.text = shared(word.text);
  return { ...run, text: shared(run.text), name: shared(run.name), surname: shared(run.surname), precededBy: shared(run.precededBy) };
}

export function extractClaims(seg: Segmented, options: AnalyzeOptions = {}): AnalyzedText {
  const { text, meta, paragraphs, sentences } = seg;
  const quotes = extractQuotes({ text, sentences, paragraphs, knownPeople: options.knownPeople, names: seg.names, state: options.state });
  const quoteSpans: Span[] = quotes.map((q) => q.span);
  return {
    ...seg,
    lineStarts: lineStartsOf(text),
    quotes,
    figures: extractFigures(text, sentences, quoteSpans),
    dates: extractDates(text, sentences, quoteSpans, {
      documentDate: options.documentDate ?? meta.date?.iso,
      dayFirst: options.dayFirst ?? meta.dayFirst,
      zone: meta.dateline,
      referencesFrom: meta.referencesStart,
    }),
  };
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): AnalyzedText {
  return extractClaims(segmentText(text, options.fileName), options);
}

/** The quotes of each sentence, grouped once per text: a claim looks at its own sentence's, not at every quote. */
const quotesBySentence = new WeakMap<readonly QuoteClaim[], Map<number, QuoteClaim[]>>();
export function quotesInSentence(doc: AnalyzedText, sentence: number): readonly QuoteClaim[] {
  let bySentence = quotesBySentence.get(doc.quotes);
  if (!bySentence) {
    quotesBySentence.set(doc.quotes, (bySentence = new Map()));
    for (const q of doc.quotes) {
      const list = bySentence.get(q.sentence);
      if (list) list.push(q);
      else bySentence.set(q.sentence, [q]);
    }
  }
  return bySentence.get(sentence) ?? [];
}
