// The corpus: sources read, analysed once and indexed for matching.
import { basename, resolve } from 'node:path';
import { realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Metadata } from '../extract/metadata';
import type { Sentence } from '../text/segment';
import type { DateClaim, FigureClaim, QuoteClaim, SourceInfo, SourceProblem, Span } from '../model/types';
import { extractFigures, mayHoldFigures } from '../extract/figures';
import { lineStartsOf } from '../model/lines';
import { extractDates, mayHoldDates } from '../extract/dates';
import { extractQuotes, isPerson, quoteSpansOf } from '../extract/quotes';
import { extractClaims, segmentText, type AnalyzedText, type Segmented } from '../extract/document';
import { indexDataOf, indexFrom, vocabularyOf, type CorpusIndex, type IndexData, type Vocabulary } from './index';
import { cachePathFor, isFresh, readCache, rehydrate, writeCache, type CacheFile, type CachedSource } from './cache';
import { sourcesDatedApart } from './stories';
import { listSourceFiles, readTextFile, DEFAULT_MAX_SOURCE_BYTES, type ListedFile } from './read';

export interface SourceDoc {
  id: number;
  info: SourceInfo;
  /** The file's text (read on first use after a warm start). */
  readonly text: string;
  /** Structure, words and names, computed when the corpus loads (or decoded from the on-disk index on first use). */
  readonly segmented: Segmented;
  /** Every claim of the source, extracted on first use: most sources are never a candidate for a given draft. */
  readonly analysis: AnalyzedText;
  /** The source's quotations with speakers, extracted on first use (without figures and dates). */
  readonly quotes: QuoteClaim[];
  /** Where each line starts, for LSP ranges into the source. */
  readonly lineStarts: number[];
  /** Figures of one sentence, extracted on first use without analysing the whole source. */
  figuresIn(sentence: number): readonly FigureClaim[];
  /** Dates of one sentence, likewise. */
  datesIn(sentence: number): readonly DateClaim[];
}

export interface Corpus {
  roots: string[];
  sources: SourceDoc[];
  /** Files and folders that could not be used, with the reason; warnings about files that were used. */
  problems: SourceProblem[];
  index: CorpusIndex;
  /** Loaded from the on-disk index without reading the sources (they are read when first used). */
  warmStart?: boolean;
  /** After a cold start: settles once the on-disk index is written (or could not be). */
  indexWritten?: Promise<void>;
  /** With an on-disk index: where it is, and what identifies these very sources (see sidecar.ts). */
  disk?: { path: string; fingerprint: string };
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  maxFileBytes?: number;
  /** Keep the segmented corpus on disk for a fast warm start (default true; env CORROBORATE_CACHE_DIR=off disables). */
  cache?: boolean;
  /** Files never used as sources (the drafts being checked), compared by real path; each one found is named in problems. */
  exclude?: readonly string[];
}

/** Changes whenever segmentation changes, so an index cache from an older engine is never trusted. */
export const SEGMENTATION_VERSION = 'segment-6'; // 3: the last paragraph kept, run-on sentences cut; 4: metadata keeps the dateline place and the reference list's start; 5: a header date must be written with its year; 6: no names from bylines

interface SourceFile { path: string; text: string; size?: number; mtimeMs?: number; ctimeMs?: number; ino?: number; warning?: string }

export async function loadCorpus(roots: string[], options: LoadOptions = {}): Promise<Corpus> {
  const problems: SourceProblem[] = [];
  const absolute = roots.map((r) => resolve(r));
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const cachePath = options.cache === false ? undefined : cachePathFor(absolute, SEGMENTATION_VERSION);
  const cached = cachePath
    ? await readCache(cachePath, absolute, SEGMENTATION_VERSION, (reason) => problems.push({ path: cachePath, reason: `index cache not used, rebuilt: ${reason}`, kind: 'cache' }))
    : undefined;
  const exclude = new Set((options.exclude ?? []).flatMap((path) => realPathOf(path) ?? []));
  const listed = await listSourceFiles(absolute, problems, exclude);
  const snapshot = cached && snapshotOf(cached);
  if (cached && snapshot && cachePath) {
    const warm = await warmCorpus(listed, absolute, problems, cached, snapshot, maxBytes, options.onProgress);
    if (warm) return Object.assign(warm, { disk: { path: cachePath, fingerprint: fingerprintOf(absolute, [...cached.sources.values()]) } });
  }
  const files: SourceFile[] = [];
  const pause = pacer();
  let done = 0;
  for (const { path, fsPath } of listed) {
    await pause();
    const read = readTextFile(fsPath, maxBytes);
    if (read.problem) problems.push({ path, reason: read.problem });
    else if (read.text !== undefined) {
      if (read.warning) problems.push({ path, reason: read.warning });
      if (!read.text.trim()) problems.push({ path, reason: 'empty file' });
      else files.push({ path, text: read.text, size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, warning: read.warning });
    }
    options.onProgress?.(++done, listed.length);
  }
  const reuse = (file: SourceFile): Segmented | undefined => {
    const entry = cached?.sources.get(file.path);
    if (!entry || file.size === undefined || file.mtimeMs === undefined || !isFresh(entry, { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino })) return undefined;
    try {
      return rehydrate(entry.segmented, file.text);
    } catch {
      return undefined; // spans past the text, or undecodable: the file changed in place; segment it again
    }
  };
  const segmented: Segmented[] = [];
  for (const file of files) {
    await pause();
    segmented.push(reuse(file) ?? segmentFile(file, problems));
  }
  const corpus = buildCorpus(files, absolute, problems, segmented);
  if (cachePath) {
    const byPath = new Map(files.map((f) => [f.path, f]));
    const sources = new Map(
      corpus.sources.map((s) => {
        const file = byPath.get(s.info.path);
        return [s.info.path, { path: s.info.path, size: file?.size ?? -1, mtimeMs: file?.mtimeMs ?? -1, ctimeMs: file?.ctimeMs, ino: file?.ino, segmented: s.segmented }];
      }),
    );
    const extra: CorpusSnapshot = {
      kind: SNAPSHOT_KIND,
      vocabulary: corpus.vocabulary,
      people: [...corpus.index.knownPeople],
      index: corpus.indexData,
      readWarnings: files.flatMap((f): Array<[string, string]> => (f.warning ? [[f.path, f.warning]] : [])),
      datedApart: [...corpus.datedApart],
    };
    corpus.disk = { path: cachePath, fingerprint: fingerprintOf(absolute, [...sources.values()]) };
    // Once the caller has the corpus (a check can run first); a failed write only costs the next start its speed.
    corpus.indexWritten = new Promise<void>((done) =>
      setImmediate(() => writeCache(cachePath, { version: SEGMENTATION_VERSION, roots: absolute, sources, extra }).then(done, () => done())),
    );
  }
  return corpus;
}

/** The sources' identity: roots, engine version, and each source's path, size and times, in corpus order. */
function fingerprintOf(roots: string[], sources: ReadonlyArray<{ path: string; size: number; mtimeMs: number; ctimeMs?: number; ino?: number }>): string {
  const hash = createHash('sha256').update(JSON.stringify([SEGMENTATION_VERSION, roots]));
  for (const s of sources) hash.update(JSON.stringify([s.path, s.size, s.mtimeMs, s.ctimeMs ?? null, s.ino ?? null]));
  return hash.digest('hex');
}

/**
 * The corpus without one file: a draft kept in its own sources folder is never evidence for itself, not even its saved
 * version. Rebuilt from the sources as already segmented (nothing is segmented again; after a warm start each source
 * is read once), with the index, vocabulary and known people recomputed without the file. The same corpus when the
 * file is not one of its sources.
 */
export function corpusWithout(corpus: Corpus, file: string): Corpus {
  const target = resolve(file);
  const name = basename(target);
  let real: string | null | undefined = null; // looked up only when a same-named source needs it
  const isTheFile = (path: string) => {
    if (path === target) return true;
    if (basename(path) !== name) return false;
    if (real === null) real = realPathOf(target);
    return real !== undefined && realPathOf(path) === real;
  };
  const left = corpus.sources.filter((s) => isTheFile(s.info.path));
  if (left.length === 0) return corpus;
  const kept = corpus.sources.filter((s) => !left.includes(s));
  const derived = buildCorpus(
    kept.map((s) => ({ path: s.info.path, text: '' })), // the text is in the segmentation
    corpus.roots,
    [],
    kept.map((s) => s.segmented),
  );
  const problems = [...corpus.problems, ...left.map((s) => ({ path: s.info.path, reason: 'the draft being checked; not used as evidence for itself' }))];
  return { roots: corpus.roots, sources: derived.sources, problems, index: derived.index };
}

function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(resolve(path));
  } catch {
    return undefined;
  }
}

/** What the on-disk index keeps besides the sources' segmentations: enough to start without reading any source. */
interface CorpusSnapshot {
  kind: typeof SNAPSHOT_KIND;
  vocabulary: Vocabulary;
  people: string[];
  index: IndexData;
  /** Sources read with a warning (e.g. decoded as Windows-1252), to report again on a warm start. */
  readWarnings: Array<[string, string]>;
  /** Sources dated apart from their story (see sourcesDatedApart), by number. */
  datedApart: number[];
}
const SNAPSHOT_KIND = 'corpus-snapshot-3'; // bumped whenever IndexData changes shape

function snapshotOf(cached: CacheFile): CorpusSnapshot | undefined {
  const extra = cached.extra as Partial<CorpusSnapshot> | undefined;
  return extra && extra.kind === SNAPSHOT_KIND && extra.index && extra.vocabulary && Array.isArray(extra.people) && Array.isArray(extra.datedApart) ? (extra as CorpusSnapshot) : undefined;
}

/**
 * A warm start: when every source file is the one the on-disk index was built from (same size and mtime, same list,
 * same order), the corpus comes from the index alone, and each source is read and decoded only when a check first
 * needs it. Anything else (a new, changed or deleted file) answers undefined: the caller reads everything.
 */
async function warmCorpus(
  listed: ListedFile[],
  roots: string[],
  problems: SourceProblem[],
  cached: CacheFile,
  snapshot: CorpusSnapshot,
  maxBytes: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Corpus | undefined> {
  const pause = pacer();
  const entries = [...cached.sources.values()];
  const fresh: typeof entries = [];
  const unusable: SourceProblem[] = [];
  const fsPaths = new Map<string, string | Buffer>();
  for (const { path, fsPath } of listed) {
    await pause();
    const entry = cached.sources.get(path);
    let stat;
    try {
      stat = statSync(fsPath);
    } catch {
      return undefined;
    }
    if (entry && isFresh(entry, stat) && stat.size <= maxBytes) {
      if (entries[fresh.length] !== entry) return undefined; // another order: the index's numbering would not hold
      fresh.push(entry);
      if (fsPath !== path) fsPaths.set(path, fsPath);
      continue;
    }
    if (entry) return undefined; // changed since the index was written
    // Not in the index: a file that could not be used last time either (binary, empty, too large) keeps the warm start.
    const read = readTextFile(fsPath, maxBytes);
    if (read.text?.trim()) return undefined; // a new source
    unusable.push({ path, reason: read.problem ?? 'empty file' });
  }
  if (fresh.length !== entries.length) return undefined;
  problems.push(...unusable);
  const warnings = new Map(snapshot.readWarnings);
  const knownPeople = new Set(snapshot.people);
  const sources = fresh.map((entry, id) => {
    const warning = warnings.get(entry.path);
    if (warning) problems.push({ path: entry.path, reason: warning });
    for (const w of entry.meta?.warnings ?? []) problems.push({ path: entry.path, reason: w });
    const load = (): Segmented => hydrate(entry.path, fsPaths.get(entry.path) ?? entry.path, entry, maxBytes, problems);
    onProgress?.(id + 1, fresh.length);
    return new Source(id, entry.path, entry.meta ?? entry.segmented.meta, load, knownPeople, problems);
  });
  markDatedApart(sources, snapshot.datedApart);
  return { roots, sources, problems, index: indexFrom(snapshot.index, knownPeople, snapshot.vocabulary), warmStart: true };
}

/**
 * A source's text put back into its cached segmentation, on first use. The index already counts this source's
 * sentences, so the structure is kept whatever happened to the file: one that is gone, unreadable or cut shorter since
 * the warm start gives blank text (no claims) until the file watcher reloads the corpus.
 */
function hydrate(path: string, fsPath: string | Buffer, entry: CachedSource, maxBytes: number, problems: SourceProblem[]): Segmented {
  const read = readTextFile(fsPath, maxBytes);
  let cached: Segmented;
  try {
    cached = entry.segmented; // decoded now; the checksum passed, so this fails only on an engine bug
  } catch (error) {
    problems.push({ path, reason: `its entry in the on-disk index could not be decoded (${(error as Error).message})` });
    return segmentText(read.text ?? '', basename(path));
  }
  if (read.text !== undefined) {
    try {
      return rehydrate(cached, read.text);
    } catch {
      // spans past the end of the text: fall through to blank text
    }
  }
  problems.push({ path, reason: `${read.problem ?? 'changed'} since the corpus was loaded; not used until it is read again` });
  let length = 0;
  for (const span of [...cached.paragraphs, ...cached.sentences]) length = Math.max(length, span.end);
  return rehydrate(cached, ' '.repeat(length));
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
): Corpus & { vocabulary: Vocabulary; indexData: IndexData; datedApart: Set<number> } {
  const segmented = files.map((file, i) => presegmented[i] ?? segmentFile(file, problems));
  const vocabulary = vocabularyOf(segmented.map((s) => s.text));
  const knownPeople = peopleOf(segmented, vocabulary.lowercase);
  const sources: Source[] = [];
  files.forEach((file, i) => {
    const seg = segmented[i];
    if (!seg.sentences.length) {
      problems.push({ path: file.path, reason: 'no text to check (front matter only)' });
      return;
    }
    for (const warning of seg.meta.warnings) problems.push({ path: file.path, reason: warning });
    sources.push(new Source(sources.length, file.path, seg.meta, () => seg, knownPeople, problems));
  });
  const indexData = indexDataOf(segmented.filter((s) => s.sentences.length));
  const index = indexFrom(indexData, knownPeople, vocabulary);
  const datedApart = sourcesDatedApart({ index, sources });
  markDatedApart(sources, datedApart);
  return { roots, sources, problems, vocabulary, indexData, index, datedApart };
}

function segmentFile(file: SourceFile, problems: SourceProblem[]): Segmented {
  try {
    return segmentText(file.text, basename(file.path));
  } catch (error) {
    problems.push({ path: file.path, reason: `could not be analysed: ${(error as Error).message}` });
    return segmentText('', basename(file.path));
  }
}

/**
 * Lets the event loop run every 25 ms or so of loading: a language server keeps answering from its previous corpus
 * while a new one loads.
 */
function pacer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < 25) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** Figures and dates of distinct source sentences, shared across sources (bounded). */
const claimMemo = new Map<string, Array<FigureClaim | DateClaim>>();

/**
 * A source whose segmentation comes from `load` on first use (at once for a fresh corpus, lazily on a warm start).
 * A class, not an object literal with getters: every source then shares one shape, and the hot `segmented` lookup
 * stays monomorphic.
 */
class Source implements SourceDoc {
  readonly info: SourceInfo;
  private seg: Segmented | undefined;
  private claims: ReturnType<typeof sentenceClaims> | undefined;
  private analysed: AnalyzedText | undefined;
  private quoteClaims: QuoteClaim[] | undefined;
  private lines: number[] | undefined;
  /** Dated a week or more from the sources telling its story (see sourcesDatedApart): its date places no weekday. */
  datedApart = false;

  constructor(
    readonly id: number,
    private readonly path: string,
    meta: Metadata,
    private readonly load: () => Segmented,
    private readonly knownPeople: ReadonlySet<string>,
    private readonly problems: SourceProblem[],
  ) {
    this.info = { path, title: meta.title ?? basename(path), outlet: meta.outlet ?? meta.author, date: meta.date };
  }
  get segmented(): Segmented {
    return (this.seg ??= this.load());
  }
  get text(): string {
    return this.segmented.text;
  }
  get analysis(): AnalyzedText {
    return (this.analysed ??= analyse(this.eventSegmentation(), this.knownPeople, this.path, this.problems));
  }
  get quotes(): QuoteClaim[] {
    return (this.quoteClaims ??= this.analysed?.quotes ?? extractQuotes({ ...this.segmented, knownPeople: this.knownPeople }));
  }
  get lineStarts(): number[] {
    return (this.lines ??= lineStartsOf(this.segmented.text));
  }
  figuresIn(sentence: number): readonly FigureClaim[] {
    if (this.analysed) return this.analysed.figures.filter((f) => f.sentence === sentence);
    return (this.claims ??= sentenceClaims(this.eventSegmentation(), claimMemo)).figures(sentence);
  }
  datesIn(sentence: number): readonly DateClaim[] {
    if (this.analysed) return this.analysed.dates.filter((d) => d.sentence === sentence);
    return (this.claims ??= sentenceClaims(this.eventSegmentation(), claimMemo)).dates(sentence);
  }
  /** The segmentation claims are read from: without the source's own date when that date is apart from its story's. */
  private eventSegmentation(): Segmented {
    const seg = this.segmented;
    return this.datedApart && seg.meta.date ? { ...seg, meta: { ...seg.meta, date: undefined } } : seg;
  }
}

/** Most source sentences state no figure or date: they all share this (frozen) empty list. */
const NO_CLAIMS: readonly never[] = Object.freeze([]);

/** Figure and date extraction one sentence at a time (they need only the sentence and its paragraph's quote marks). */
function sentenceClaims(seg: Segmented, memo: Map<string, Array<FigureClaim | DateClaim>>) {
  // Claims placed in this source, by sentence (arrays, not maps: a check looks up thousands of source sentences).
  const figures: Array<readonly FigureClaim[] | undefined> = [];
  const dates: Array<readonly DateClaim[] | undefined> = [];
  const paragraphQuotes = new Map<number, Span[]>();
  const dateOptions = { documentDate: seg.meta.date?.iso, dayFirst: seg.meta.dayFirst, zone: seg.meta.dateline };
  const dateKind = `dates|${dateOptions.documentDate}|${dateOptions.dayFirst}|${dateOptions.zone}`;
  /** The sentence alone (offsets from 0) with the quotations that overlap it, and a key for both. */
  const alone = (s: number) => {
    const sentence = seg.sentences[s];
    let spans = paragraphQuotes.get(sentence.paragraph);
    if (!spans) paragraphQuotes.set(sentence.paragraph, (spans = quoteSpansOf(seg.paragraphs[sentence.paragraph])));
    const length = sentence.text.length;
    const quotes = spans
      .filter((q) => q.start < sentence.end && sentence.start < q.end)
      .map((q) => ({ start: Math.max(0, q.start - sentence.start), end: Math.min(length, q.end - sentence.start) }));
    return { sentence, quotes, key: `${quotes.map((q) => `${q.start}-${q.end}`).join(',')}|${sentence.text}` };
  };
  const shift = (span: Span, at: number): Span => ({ start: span.start + at, end: span.end + at });
  const extractFiguresAlone = (sentence: Sentence, quotes: Span[]) => extractFigures(sentence.text, [sentence], quotes);
  const extractDatesAlone = (sentence: Sentence, quotes: Span[]) => extractDates(sentence.text, [sentence], quotes, dateOptions);
  const placeFigure = (f: FigureClaim, at: number): FigureClaim => ({ ...f, span: shift(f.span, at), valueSpan: shift(f.valueSpan, at) });
  const placeDate = (d: DateClaim, at: number): DateClaim => ({ ...d, span: shift(d.span, at) });
  /**
   * Claims of sentence `s`. Wire copy repeats sentences word for word across sources: they are extracted from each
   * distinct sentence (with its quotation marks and date context) once, then placed in this source.
   */
  const claimsOf = <C extends FigureClaim | DateClaim>(
    placed: Array<readonly C[] | undefined>,
    s: number,
    kind: string,
    mayHold: (text: string) => boolean,
    extract: (alone: Sentence, quotes: Span[]) => C[],
    place: (claim: C, at: number) => C, // a copy with its spans moved by `at`
  ): readonly C[] => {
    let found = placed[s];
    if (found) return found;
    if (!mayHold(seg.sentences[s].text)) return (placed[s] = NO_CLAIMS);
    const { sentence, quotes, key } = alone(s);
    const memoKey = `${kind}|${key}`;
    let relative = memo.get(memoKey) as C[] | undefined;
    if (!relative) {
      if (memo.size > 50_000) memo.clear();
      memo.set(memoKey, (relative = extract({ ...sentence, start: 0, end: sentence.text.length }, quotes)));
    }
    placed[s] = found = relative.length ? relative.map((c) => Object.assign(place(c, sentence.start), { sentence: s })) : NO_CLAIMS;
    return found;
  };
  return {
    figures: (s: number): readonly FigureClaim[] => claimsOf(figures, s, 'figures', mayHoldFigures, extractFiguresAlone, placeFigure),
    dates: (s: number): readonly DateClaim[] => claimsOf(dates, s, dateKind, mayHoldDates, extractDatesAlone, placeDate),
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

function markDatedApart(sources: readonly Source[], ids: Iterable<number>): void {
  for (const id of ids) if (sources[id]) sources[id].datedApart = true;
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
