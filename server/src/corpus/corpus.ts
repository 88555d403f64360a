// The corpus: sources read, analysed once and indexed for matching.
import { basename, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { DateClaim, FigureClaim, QuoteClaim, SourceInfo, SourceProblem, Span } from '../engine/types';
import { extractFigures } from '../extract/figures';
import { lineStartsOf } from '../engine/lines';
import { extractDates } from '../extract/dates';
import { extractQuotes, isPerson, quoteSpansOf } from '../extract/quotes';
import { extractClaims, segmentText, type AnalyzedText, type Segmented } from '../extract/document';
import { buildIndex, vocabularyOf, type CorpusIndex, type Vocabulary } from '../match/index';
import { cachePathFor, isFresh, readCache, rehydrate, writeCache } from './cache';
import { listSourceFiles, readTextFile, DEFAULT_MAX_SOURCE_BYTES } from './read';

export interface SourceDoc {
  id: number;
  info: SourceInfo;
  text: string;
  /** Structure, words and names: all the index needs, computed when the corpus loads. */
  segmented: Segmented;
  /** Every claim of the source, extracted on first use: most sources are never a candidate for a given draft. */
  readonly analysis: AnalyzedText;
  /** The source's quotations with speakers, extracted on first use (without figures and dates). */
  readonly quotes: QuoteClaim[];
  /** Where each line starts, for LSP ranges into the source. */
  readonly lineStarts: number[];
  /** Figures of one sentence, extracted on first use without analysing the whole source. */
  figuresIn(sentence: number): FigureClaim[];
  /** Dates of one sentence, likewise. */
  datesIn(sentence: number): DateClaim[];
}

export interface Corpus {
  roots: string[];
  sources: SourceDoc[];
  /** Files and folders that could not be used, with the reason; warnings about files that were used. */
  problems: SourceProblem[];
  index: CorpusIndex;
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  maxFileBytes?: number;
  /** Keep the segmented corpus on disk for a fast warm start (default true; env CORROBORATE_CACHE_DIR=off disables). */
  cache?: boolean;
}

/** Changes whenever segmentation changes, so an index cache from an older engine is never trusted. */
export const SEGMENTATION_VERSION = 'segment-1';

interface SourceFile { path: string; text: string; size?: number; mtimeMs?: number }

export async function loadCorpus(roots: string[], options: LoadOptions = {}): Promise<Corpus> {
  const problems: SourceProblem[] = [];
  const files: SourceFile[] = [];
  const absolute = roots.map((r) => resolve(r));
  const cachePath = options.cache === false ? undefined : cachePathFor(absolute, SEGMENTATION_VERSION);
  const cached = cachePath
    ? await readCache(cachePath, absolute, SEGMENTATION_VERSION, (reason) => problems.push({ path: cachePath, reason: `index cache not used, rebuilt: ${reason}` }))
    : undefined;
  for (const root of absolute) {
    if (!existsSync(root)) {
      problems.push({ path: root, reason: 'sources folder not found' });
      continue;
    }
    const paths = statSync(root).isFile() ? [root] : await listSourceFiles(root, problems);
    let done = 0;
    for (const path of paths) {
      const read = readTextFile(path, options.maxFileBytes ?? DEFAULT_MAX_SOURCE_BYTES);
      if (read.problem) problems.push({ path, reason: read.problem });
      else if (read.text !== undefined) {
        if (read.warning) problems.push({ path, reason: read.warning });
        if (!read.text.trim()) problems.push({ path, reason: 'empty file' });
        else files.push({ path, text: read.text, size: read.size, mtimeMs: read.mtimeMs });
      }
      options.onProgress?.(++done, paths.length);
    }
  }
  const reuse = (file: SourceFile): Segmented | undefined => {
    const entry = cached?.sources.get(file.path);
    if (!entry || file.size === undefined || file.mtimeMs === undefined || !isFresh(entry, { size: file.size, mtimeMs: file.mtimeMs })) return undefined;
    try {
      return rehydrate(entry.segmented, file.text);
    } catch {
      return undefined; // spans past the text: the file changed in place; segment it again
    }
  };
  let fresh = 0;
  const segmentedFiles = files.map((file) => {
    const seg = reuse(file);
    if (seg) fresh++;
    return seg;
  });
  const unchanged = !!cached && fresh === files.length && cached.sources.size === files.length;
  const corpus = buildCorpus(files, absolute, problems, segmentedFiles, unchanged ? (cached.extra as Vocabulary | undefined) : undefined);
  if (cachePath && !unchanged) {
    // Written after the corpus is ready, off the request path; a failed write only costs the next start its speed.
    const byPath = new Map(files.map((f) => [f.path, f]));
    const sources = new Map(
      corpus.sources.map((s) => {
        const file = byPath.get(s.info.path);
        return [s.info.path, { path: s.info.path, size: file?.size ?? -1, mtimeMs: file?.mtimeMs ?? -1, segmented: s.segmented }];
      }),
    );
    void writeCache(cachePath, { version: SEGMENTATION_VERSION, roots: absolute, sources, extra: corpus.vocabulary }).catch(() => undefined);
  }
  return corpus;
}

/** An in-memory corpus, for tests and for callers that already hold the texts. */
export function corpusFromTexts(files: Array<{ path: string; text: string }>, roots: string[] = []): Corpus {
  return buildCorpus(files, roots, []);
}

function buildCorpus(
  files: SourceFile[],
  roots: string[],
  problems: SourceProblem[],
  presegmented: Array<Segmented | undefined> = [],
  knownVocabulary?: Vocabulary,
): Corpus & { vocabulary: Vocabulary } {
  const segmented: Segmented[] = [];
  for (const [i, file] of files.entries()) {
    try {
      segmented.push(presegmented[i] ?? segmentText(file.text, basename(file.path)));
    } catch (error) {
      problems.push({ path: file.path, reason: `could not be analysed: ${(error as Error).message}` });
      segmented.push(segmentText('', basename(file.path)));
    }
  }
  const vocabulary = knownVocabulary ?? vocabularyOf(segmented.map((s) => s.text));
  const knownPeople = peopleOf(segmented, vocabulary.lowercase);
  const sources: SourceDoc[] = [];
  const dateMemo = new Map<string, DateClaim[]>();
  files.forEach((file, i) => {
    const seg = segmented[i];
    if (!seg.sentences.length) return;
    for (const warning of seg.meta.warnings) problems.push({ path: file.path, reason: warning });
    const { meta } = seg;
    let analysis: AnalyzedText | undefined;
    const perSentence = sentenceClaims(seg, dateMemo);
    let lineStarts: number[] | undefined;
    let quotes: QuoteClaim[] | undefined;
    sources.push({
      id: sources.length,
      info: { path: file.path, title: meta.title ?? basename(file.path), outlet: meta.outlet ?? meta.author, date: meta.date },
      text: file.text,
      segmented: seg,
      get analysis() {
        return (analysis ??= analyse(seg, knownPeople, file.path, problems));
      },
      get quotes() {
        return (quotes ??= analysis?.quotes ?? extractQuotes({ ...seg, knownPeople }));
      },
      get lineStarts() {
        return (lineStarts ??= lineStartsOf(file.text));
      },
      figuresIn: (s) => (analysis ? analysis.figures.filter((f) => f.sentence === s) : perSentence.figures(s)),
      datesIn: (s) => (analysis ? analysis.dates.filter((d) => d.sentence === s) : perSentence.dates(s)),
    });
  });
  return { roots, sources, problems, vocabulary, index: buildIndex(sources.map((s) => s.segmented), knownPeople, vocabulary) };
}

/** Figure and date extraction one sentence at a time (they need only the sentence and its paragraph's quote marks). */
function sentenceClaims(seg: Segmented, dateMemo: Map<string, DateClaim[]>) {
  const figures = new Map<number, FigureClaim[]>();
  const dates = new Map<number, DateClaim[]>();
  const quoteSpans = (s: number): Span[] => quoteSpansOf(seg.paragraphs[seg.sentences[s].paragraph]);
  const renumber = <C extends { sentence: number }>(claims: C[], s: number) => claims.map((c) => ({ ...c, sentence: s }));
  return {
    figures(s: number): FigureClaim[] {
      let found = figures.get(s);
      if (!found) figures.set(s, (found = renumber(extractFigures(seg.text, [seg.sentences[s]], quoteSpans(s)), s)));
      return found;
    },
    dates(s: number): DateClaim[] {
      let found = dates.get(s);
      if (found) return found;
      // Wire copy repeats sentences word for word across sources: parse each distinct sentence (and date context) once.
      const sentence = seg.sentences[s];
      const options = { documentDate: seg.meta.date?.iso, dayFirst: seg.meta.dayFirst };
      const spans = quoteSpans(s);
      const key = `${options.documentDate}|${options.dayFirst}|${spans.some((q) => q.start < sentence.end && sentence.start < q.end)}|${sentence.text}`;
      let relative = dateMemo.get(key);
      if (!relative) {
        relative = extractDates(sentence.text, [{ ...sentence, start: 0, end: sentence.text.length }], spans.map((q) => ({ start: q.start - sentence.start, end: q.end - sentence.start })), options);
        if (dateMemo.size > 50_000) dateMemo.clear();
        dateMemo.set(key, relative);
      }
      found = relative.map((d) => ({ ...d, sentence: s, span: { start: d.span.start + sentence.start, end: d.span.end + sentence.start } }));
      dates.set(s, found);
      return found;
    },
  };
}

/** Claims of one source; a source whose claims cannot be extracted keeps its words in the index but offers no claims. */
function analyse(seg: Segmented, knownPeople: ReadonlySet<string>, path: string, problems: SourceProblem[]): AnalyzedText {
  try {
    return extractClaims(seg, { knownPeople });
  } catch (error) {
    problems.push({ path, reason: `claims could not be extracted: ${(error as Error).message}` });
    return { ...seg, lineStarts: [0], quotes: [], figures: [], dates: [] };
  }
}

/** Surnames of people named in full or with a title anywhere in the corpus ("Volodymyr Zelensky" → Zelensky). */
function peopleOf(docs: readonly Segmented[], lowercase: ReadonlySet<string>): Set<string> {
  const people = new Set<string>();
  for (const doc of docs) {
    doc.names.forEach((runs, s) => {
      if (isHeadline(doc.sentences[s].text)) return;
      for (const run of runs) {
        const full = run.words.length >= 2 && run.words.length <= 3 && isPerson(run, people);
        if ((full || (run.titled && isPerson(run, people))) && !lowercase.has(run.surname.toLowerCase())) people.add(run.surname);
      }
    });
  }
  return people;
}

/** Title Case lines ("Russia Pressures Negotiators as Abu Dhabi Talks Loom") capitalise every word. */
export function isHeadline(sentence: string): boolean {
  if (/[.!?]["”’]?\s*$/.test(sentence)) return false;
  let words = 0;
  let capitalised = 0;
  for (const m of sentence.matchAll(/(?:^|[^\p{L}’'-])(\p{L})/gu)) {
    words++;
    if (m[1] !== m[1].toLowerCase()) capitalised++;
  }
  return words >= 3 && capitalised / words > 0.6;
}
