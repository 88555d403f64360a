// Checking a draft: extract its claims, match them against the corpus, run every rule, apply settings.
import type { CheckOptions, Claim, ClaimComparison, Evidence, Finding, RuleId, Severity, SourcePassages, Span } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { extractClaims, segmentText, type AnalyzedText } from '../extract/document';
import { readMetadata } from '../corpus/metadata';
import { paragraphsOf } from '../text/segment';
import { speakerStateKey, type SpeakerState } from '../extract/quotes';
import { matchQuote } from '../match/quotes';
import { factCandidates } from '../match/facts';
import { datesComparable, datesAgree, figuresOverlap } from '../match/compare';
import { ALL_RULES } from '../checks/registry';
import type { CheckContext, PassageRef, RawFinding } from '../checks/types';
import { SAME_FACT } from '../checks/thresholds';
import { alteredMatches } from '../checks/quoteAltered';
import { lineStartsOf, rangeOf } from '../model/lines';
import { disabledRules } from './suppressions';

const EXCERPT_LIMIT = 320;

export function checkText(corpus: Corpus, text: string, options: CheckOptions = {}): Finding[] {
  return runChecks(corpus, text, options).findings;
}

/** One paragraph of a draft, analysed and checked on its own; offsets are relative to the paragraph. */
interface ParagraphResult {
  analysis: AnalyzedText;
  ctx: CheckContext;
  raw: RawFinding[];
  stateAfter: SpeakerState;
}

interface CheckRun {
  lineStarts: number[];
  parts: Array<{ start: number; result: ParagraphResult }>;
  findings: Finding[];
}

/** Paragraph results by paragraph text and what it depends on; per corpus, so a new corpus starts afresh. */
const paragraphCaches = new WeakMap<Corpus, Map<string, ParagraphResult>>();
const MAX_CACHED_PARAGRAPHS = 4000;

function cacheFor(corpus: Corpus): Map<string, ParagraphResult> {
  let cache = paragraphCaches.get(corpus);
  if (!cache) paragraphCaches.set(corpus, (cache = new Map()));
  return cache;
}

/**
 * Checks a draft paragraph by paragraph: every rule looks no further than its paragraph, so an edit re-extracts and
 * re-matches only the paragraph it touched (and those after it only if it changed who is speaking).
 */
function runChecks(corpus: Corpus, text: string, options: CheckOptions): CheckRun {
  const meta = readMetadata(text);
  const body = meta.frontMatterEnd ? ' '.repeat(meta.frontMatterEnd) + text.slice(meta.frontMatterEnd) : text;
  const lineStarts = lineStartsOf(text);
  const cache = cacheFor(corpus);
  const state: SpeakerState = { speakerRecent: false, people: [] };
  const parts: CheckRun['parts'] = [];
  const paragraphMeta = { frontMatterEnd: 0, warnings: [], date: meta.date, dayFirst: meta.dayFirst, dateline: meta.dateline };
  for (const paragraph of paragraphsOf(body)) {
    // A paragraph of the draft's reference list dates other documents, not events.
    const inReferences = meta.referencesStart !== undefined && paragraph.start >= meta.referencesStart;
    const key = `${paragraph.text}\u0000${meta.date?.iso ?? ''}\u0000${meta.dayFirst}\u0000${meta.dateline}\u0000${inReferences}\u0000${speakerStateKey(state)}`;
    let result = cache.get(key);
    if (result) cache.delete(key);
    else {
      const stateAfter: SpeakerState = { ...state, people: [...state.people] };
      const seg = segmentText(paragraph.text, undefined, inReferences ? { ...paragraphMeta, referencesStart: 0 } : paragraphMeta);
      const analysis = extractClaims(seg, { knownPeople: corpus.index.knownPeople, documentDate: meta.date?.iso, dayFirst: meta.dayFirst, state: stateAfter });
      const ctx = contextFor(analysis, corpus);
      result = { analysis, ctx, raw: ALL_RULES.flatMap((rule) => rule.check(ctx)), stateAfter };
    }
    cache.set(key, result);
    if (cache.size > MAX_CACHED_PARAGRAPHS) cache.delete(cache.keys().next().value as string);
    Object.assign(state, result.stateAfter, { people: [...state.people, ...result.stateAfter.people.filter((p) => !state.people.includes(p))] });
    parts.push({ start: paragraph.start, result });
  }
  const suppressed = disabledRules(text, lineStarts);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const setting = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off' || suppressed.file.has(rule.id) || suppressed.file.has('*')) continue;
    for (const { start, result } of parts) {
      for (const raw of result.raw) {
        if (raw.rule !== rule.id) continue;
        const range = rangeOf(lineStarts, { start: raw.start + start, end: raw.end + start });
        const line = suppressed.lines.get(range.start.line);
        if (line && (line.has(rule.id) || line.has('*'))) continue;
        findings.push(toFinding(raw, range, setting, corpus));
      }
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { lineStarts, parts, findings };
}

/**
 * Passages kept per finding. The message gives the counts over every source; a large corpus would otherwise send
 * hundreds of identical wire passages with each diagnostic (1.5 MB per publish at 10,000 sources).
 */
export const MAX_EVIDENCE = 8;

function toFinding(raw: RawFinding, range: Finding['range'], severity: Severity, corpus: Corpus): Finding {
  return { rule: raw.rule, severity, range, message: raw.message, suggestions: [...new Set(raw.suggestions)], evidence: shownEvidence(corpus, raw) };
}

/** The passages a finding shows, made once per raw finding (raw findings live in the paragraph cache). */
const shown = new WeakMap<RawFinding, Evidence[]>();
function shownEvidence(corpus: Corpus, raw: RawFinding): Evidence[] {
  let evidence = shown.get(raw);
  if (!evidence) shown.set(raw, (evidence = representative(corpus, raw.evidence).map((ref) => passageOf(corpus, ref))));
  return evidence;
}

/** Up to MAX_EVIDENCE passages: distinct excerpts first, so each wording the sources use is shown. */
function representative(corpus: Corpus, refs: PassageRef[]): PassageRef[] {
  if (refs.length <= MAX_EVIDENCE) return refs;
  const seen = new Set<string>();
  const distinct = new Set<number>();
  for (let i = 0; i < refs.length && distinct.size < MAX_EVIDENCE; i++) {
    const { excerpt } = excerptOf(corpus, refs[i]);
    if (!seen.has(excerpt)) {
      seen.add(excerpt);
      distinct.add(i);
    }
  }
  const rest = refs.filter((_, i) => !distinct.has(i));
  return [...[...distinct].map((i) => refs[i]), ...rest].slice(0, MAX_EVIDENCE);
}

function contextFor(draft: AnalyzedText, corpus: Corpus): CheckContext {
  return {
    draft,
    corpus,
    evidence: (doc, start, end) => ({ doc, start, end }),
    quotes: draft.quotes.map((q) => matchQuote(q, draft, corpus)),
    figures: draft.figures
      .filter((f) => !f.inQuote)
      .map((claim) => ({ claim, candidates: factCandidates(claim, draft, corpus, (s, i) => s.figuresIn(i), (f) => f.unit === claim.unit, SAME_FACT) })),
    dates: draft.dates
      .filter((d) => !d.inQuote)
      .map((claim) => ({ claim, candidates: factCandidates(claim, draft, corpus, (s, i) => s.datesIn(i), (d) => datesComparable(claim, d), SAME_FACT) })),
  };
}

/** The source sentence holding the span's start, cut at EXCERPT_LIMIT characters unless the span runs on. */
function excerptOf(corpus: Corpus, { doc, start, end }: PassageRef): { excerpt: string; from: number; to: number } {
  const source = corpus.sources[doc];
  const sentences = source.segmented.sentences;
  // The first sentence ending at or after `start` (sentences are in order and do not overlap).
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end < start) lo = mid + 1;
    else hi = mid;
  }
  const sentence = lo < sentences.length && sentences[lo].start <= start ? sentences[lo] : undefined;
  if (!sentence) return { excerpt: source.text.slice(start, end), from: start, to: end };
  const to = Math.min(sentence.end, Math.max(end, sentence.start + EXCERPT_LIMIT));
  // A whole sentence is its own text (no copy: wire copy cites the same sentences over and over).
  const excerpt = to === sentence.end ? sentence.text : source.text.slice(sentence.start, to) + '…';
  return { excerpt, from: sentence.start, to };
}

/** A passage as a finding or hover cites it. */
function passageOf(corpus: Corpus, ref: PassageRef): Evidence {
  const source = corpus.sources[ref.doc];
  const { excerpt, from, to } = excerptOf(corpus, ref);
  return {
    source: source.info.path,
    title: source.info.title,
    outlet: source.info.outlet,
    date: source.info.date?.iso,
    range: rangeOf(source.lineStarts, { start: from, end: to }),
    excerpt,
  };
}

/** The claim under `offset` compared across every source: what hovers and the comparison panel show. */
export function describeClaimAt(corpus: Corpus, text: string, offset: number): ClaimComparison | undefined {
  const { lineStarts, parts, findings } = runChecks(corpus, text, {});
  const part = [...parts].reverse().find((p) => p.start <= offset);
  if (!part) return undefined;
  const { analysis: draft, ctx } = part.result;
  const local = offset - part.start;
  const within = (span: Span) => span.start <= local && local <= span.end;
  const passages = new Map<number, SourcePassages['passages']>();
  const add = (doc: number, start: number, end: number, value: string, agrees: boolean) => {
    const e = passageOf(corpus, { doc, start, end });
    const list = passages.get(doc) ?? [];
    if (!list.some((p) => p.excerpt === e.excerpt && p.value === value)) list.push({ excerpt: e.excerpt, range: e.range, value, agrees });
    passages.set(doc, list);
  };
  const overlapping = findings.filter((f) => {
    const start = lineStarts[f.range.start.line] + f.range.start.character;
    const end = lineStarts[f.range.end.line] + f.range.end.character;
    return start <= offset && offset <= end;
  });
  let claim: Claim | undefined;
  const quote = ctx.quotes.find((m) => within(m.claim.span));
  // A quote's findings include those on its speaker's name (quote/misattributed marks the name).
  const speakerSpan = quote?.claim.speaker?.span;
  if (speakerSpan) {
    for (const f of findings) {
      const start = lineStarts[f.range.start.line] + f.range.start.character - part.start;
      if (start >= speakerSpan.start && start < speakerSpan.end && !overlapping.includes(f)) overlapping.push(f);
    }
  }
  const figure = ctx.figures.find((m) => within(m.claim.span));
  const date = ctx.dates.find((m) => within(m.claim.span));
  if (figure) {
    claim = figure.claim;
    for (const c of figure.candidates.filter((c) => c.score >= SAME_FACT)) for (const sc of c.claims) add(c.doc, sc.span.start, sc.span.end, sc.text, figuresOverlap(figure.claim, sc));
  } else if (date) {
    claim = date.claim;
    for (const c of date.candidates.filter((c) => c.score >= SAME_FACT)) for (const sc of c.claims) add(c.doc, sc.span.start, sc.span.end, sc.text, datesAgree(date.claim, sc));
  } else if (quote) {
    claim = quote.claim;
    for (const x of quote.exact) add(x.doc, x.quote.span.start, x.quote.span.end, x.wording, true);
    for (const x of alteredMatches(quote).concat(quote.exact.length ? quote.near.filter((n) => n.overlap >= 0.6) : [])) add(x.doc, x.quote.span.start, x.quote.span.end, x.wording, false);
    for (const x of quote.inText) add(x.doc, x.start, x.end, quote.claim.words, true);
  } else {
    const word = draft.names.flat().flatMap((r) => r.words).find((w) => within(w));
    if (!word) return undefined;
    claim = { kind: 'name', span: { start: word.start, end: word.end }, text: word.text, sentence: 0 };
    const finding = overlapping.find((f) => f.rule === 'name/misspelled');
    const spelling = (finding?.suggestions[0] ?? word.text).toLowerCase();
    for (const ref of corpus.index.nameRefs.get(spelling) ?? []) add(ref.doc, ref.start, ref.end, corpus.sources[ref.doc].text.slice(ref.start, ref.end), spelling === word.text.toLowerCase());
  }
  const sources: SourcePassages[] = corpus.sources.map((s) => ({ source: s.info, passages: passages.get(s.id) ?? [] }));
  const stating = sources.filter((s) => s.passages.length).length;
  const agreeing = sources.filter((s) => s.passages.some((p) => p.agrees)).length;
  const variantCounts = new Map<string, Set<number>>();
  sources.forEach((s, i) => s.passages.forEach((p) => variantCounts.set(p.value, (variantCounts.get(p.value) ?? new Set()).add(i))));
  const variants = [...variantCounts].map(([value, docs]) => ({ value, sources: docs.size })).sort((a, b) => b.sources - a.sources);
  const range = rangeOf(lineStarts, { start: claim.span.start + part.start, end: claim.span.end + part.start });
  const summary = stating
    ? `“${claim.text}”: ${agreeing} of ${stating} sources that report it agree with the draft (${corpus.sources.length} sources in the corpus).`
    : `“${claim.text}”: no source reports this (${corpus.sources.length} sources in the corpus): unverified.`;
  return { claim: { kind: claim.kind, text: claim.text, range }, summary, agreeing, stating, totalSources: corpus.sources.length, variants, sources, findings: overlapping };
}

export type { RuleId };
