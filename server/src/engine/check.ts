// Checking a draft: extract its claims, match them against the corpus, run every rule, apply settings.
import type { CheckOptions, Claim, ClaimComparison, Dismissal, Evidence, Finding, RuleId, Severity, SourcePassages, Span } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import { extractClaims, segmentText, type AnalyzedText } from '../extract/document';
import { readMetadata } from '../extract/metadata';
import { paragraphsOf } from '../text/segment';
import { speakerStateKey, type SpeakerState } from '../extract/quotes';
import { matchQuote } from '../match/quotes';
import { factCandidates } from '../match/facts';
import { datesComparable, datesAgree, onlyVaguelyAgrees, figuresOverlap, sameQuantity } from '../match/compare';
import { ALL_RULES } from '../checks/registry';
import type { CheckContext, DateMatch, FigureMatch, PassageRef, RawFinding } from '../checks/types';
import { SAME_FACT } from '../match/thresholds';
import { alteredMatches } from '../checks/quoteAltered';
import { acceptedSpellingsOf } from '../checks/nameMisspelled';
import { attributedMatches } from '../checks/quoteMisattributed';
import { sameSpeaker } from '../match/speakers';
import { factEvidence } from '../checks/factConflict';
import type { QuoteMatch, SourceQuoteMatch } from '../match/quotes';
import { firstNotBefore } from '../model/spans';
import { lineStartsOf, rangeOf } from '../model/lines';
import { disabledRules } from './suppressions';
import { dismissalFingerprint, dismissalIndex } from './dismissals';

const EXCERPT_LIMIT = 320;

export function checkText(corpus: Corpus, text: string, options: CheckOptions = {}): Finding[] {
  return runChecks(corpus, text, options).findings;
}

/** One paragraph of a draft, analysed and checked on its own; offsets are relative to the paragraph. */
export interface ParagraphResult {
  analysis: AnalyzedText;
  ctx: CheckContext;
  raw: RawFinding[];
  stateAfter: SpeakerState;
}

export interface CheckRun {
  lineStarts: number[];
  parts: Array<{ start: number; result: ParagraphResult }>;
  findings: Finding[];
  /** With `keepHidden`: every finding the rules made, shown or not, with the paragraph it came from. */
  outcomes: FindingOutcome[];
}

/** A finding the rules made and whether the draft shows it: hidden by an ignore comment, a dismissal, or a repeat of a fact. */
export interface FindingOutcome {
  finding: Finding;
  /** Index into CheckRun.parts; `raw` has offsets relative to that paragraph. */
  part: number;
  raw: RawFinding;
  shown: 'shown' | 'ignore comment' | 'dismissed' | 'repeat';
  /** For a dismissed finding: the recorded dismissal. */
  dismissal?: Dismissal;
  /** For a repeat: the outcome of the fact's first mention. */
  first?: FindingOutcome;
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
export function runChecks(corpus: Corpus, text: string, options: CheckOptions, keepHidden = false): CheckRun {
  const meta = readMetadata(text);
  // The front matter is blanked, its line breaks kept (offsets stay true), but for its title: a headline to check like
  // the text, a paragraph of its own.
  const title = meta.titleSpan ?? { start: meta.frontMatterEnd, end: meta.frontMatterEnd };
  const blank = (from: number, to: number) => text.slice(from, to).replace(/[^\n]/g, ' ');
  const body = blank(0, title.start) + text.slice(title.start, title.end) + blank(title.end, meta.frontMatterEnd) + text.slice(meta.frontMatterEnd);
  const lineStarts = lineStartsOf(text);
  const cache = cacheFor(corpus);
  const state: SpeakerState = { speakerRecent: false, people: [] };
  const parts: CheckRun['parts'] = [];
  const accepted = acceptedSpellingsOf(options.acceptedSpellings);
  const paragraphMeta = { frontMatterEnd: 0, warnings: [], date: meta.date, dayFirst: meta.dayFirst, dateline: meta.dateline };
  for (const paragraph of paragraphsOf(body)) {
    // A paragraph of the draft's reference list dates other documents, not events.
    const inReferences = meta.referencesStart !== undefined && paragraph.start >= meta.referencesStart;
    const key = `${paragraph.text}\u0000${meta.date?.iso ?? ''}\u0000${meta.dayFirst}\u0000${meta.dateline}\u0000${inReferences}\u0000${speakerStateKey(state)}\u0000${accepted.key}`;
    let result = cache.get(key);
    if (result) cache.delete(key);
    else {
      const stateAfter: SpeakerState = { ...state, people: [...state.people] };
      const seg = segmentText(paragraph.text, undefined, inReferences ? { ...paragraphMeta, referencesStart: 0 } : paragraphMeta);
      const analysis = extractClaims(seg, { knownPeople: corpus.index.knownPeople, documentDate: meta.date?.iso, dayFirst: meta.dayFirst, state: stateAfter });
      const ctx = contextFor(analysis, corpus, accepted.byWord);
      result = { analysis, ctx, raw: ALL_RULES.flatMap((rule) => rule.check(ctx)), stateAfter };
    }
    cache.set(key, result);
    if (cache.size > MAX_CACHED_PARAGRAPHS) cache.delete(cache.keys().next().value as string);
    Object.assign(state, result.stateAfter, { people: [...state.people, ...result.stateAfter.people.filter((p) => !state.people.includes(p))] });
    parts.push({ start: paragraph.start, result });
  }
  const suppressed = disabledRules(text, lineStarts);
  const findings: Finding[] = [];
  const outcomes: FindingOutcome[] = [];
  // One cause (a spelling choice, a fact the draft repeats) is shown once per document, at its first shown use.
  const shownOnce = new Map<string, FindingOutcome | undefined>();
  const dismissed = dismissalIndex(options.dismissals);
  for (const rule of ALL_RULES) {
    const setting = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    const fileOff = suppressed.file.has(rule.id) || suppressed.file.has('*');
    if (fileOff && !keepHidden) continue;
    parts.forEach(({ start, result }, part) => {
      for (const raw of result.raw) {
        if (raw.rule !== rule.id) continue;
        const range = rangeOf(lineStarts, { start: raw.start + start, end: raw.end + start });
        const line = suppressed.lines.get(range.start.line);
        const ignored = fileOff || !!(line && (line.has(rule.id) || line.has('*')));
        if (ignored && !keepHidden) continue;
        // Like an ignore comment, a dismissal leaves the fact's next mention to be shown.
        const dismissal = ignored || !dismissed ? undefined : dismissed.get(findingFingerprint(result, raw));
        if (dismissal && !keepHidden) continue;
        const hidden = ignored || !!dismissal;
        const onceKey = raw.once !== undefined ? `${rule.id}\u0000${raw.once}` : undefined;
        const repeat = !hidden && onceKey !== undefined && shownOnce.has(onceKey);
        if (repeat && !keepHidden) continue;
        const finding = toFinding(raw, range, weaker(setting, raw.severity), corpus);
        const outcome: FindingOutcome = { finding, part, raw, shown: ignored ? 'ignore comment' : dismissal ? 'dismissed' : repeat ? 'repeat' : 'shown' };
        if (dismissal) outcome.dismissal = dismissal;
        if (repeat) outcome.first = shownOnce.get(onceKey!);
        else if (onceKey !== undefined && !hidden) shownOnce.set(onceKey, outcome);
        if (keepHidden) outcomes.push(outcome);
        if (outcome.shown === 'shown') findings.push(finding);
      }
    });
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { lineStarts, parts, findings, outcomes };
}

/**
 * What a dismissal of the finding of `rule` at `range` records: the flagged text and its fingerprint. Undefined when
 * the draft has no such finding (it changed since the diagnostic was shown).
 */
export function dismissalTarget(corpus: Corpus, text: string, rule: RuleId, range: Finding['range']): { claim: string; fingerprint: string } | undefined {
  const run = runChecks(corpus, text, {}, true);
  const same = (p: Finding['range']['start'], q: Finding['range']['start']) => p.line === q.line && p.character === q.character;
  const outcome = run.outcomes.find((o) => o.raw.rule === rule && same(o.finding.range.start, range.start) && same(o.finding.range.end, range.end));
  if (!outcome) return undefined;
  const result = run.parts[outcome.part].result;
  return { claim: claimTextOf(result, outcome.raw), fingerprint: findingFingerprint(result, outcome.raw) };
}

/** The text a finding flags and its fingerprint for dismissals (of the rule, that text, and its sentence). */
export function findingFingerprint(result: ParagraphResult, raw: RawFinding): string {
  return dismissalFingerprint(raw.rule, claimTextOf(result, raw), sentenceAt(result.analysis, raw.start));
}

export function claimTextOf(result: ParagraphResult, raw: RawFinding): string {
  return result.analysis.text.slice(raw.start, raw.end);
}

/** The text of the sentence holding `offset` (binary search: sentences are in order), else the empty string. */
function sentenceAt(analysis: AnalyzedText, offset: number): string {
  const sentences = analysis.sentences;
  const sentence = sentences[firstNotBefore(sentences, (s) => s.end <= offset)];
  return sentence && sentence.start <= offset ? sentence.text : '';
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** The rule's setting, capped by the finding's own severity where its evidence is weaker. */
function weaker(setting: Severity, cap: Severity | undefined): Severity {
  return cap && SEVERITY_RANK[cap] < SEVERITY_RANK[setting] ? cap : setting;
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

function contextFor(draft: AnalyzedText, corpus: Corpus, accepted?: CheckContext['accepted']): CheckContext {
  return {
    draft,
    corpus,
    accepted,
    evidence: (doc, start, end) => ({ doc, start, end }),
    quotes: draft.quotes.map((q) => matchQuote(q, draft, corpus)),
    figures: draft.figures
      .filter((f) => !f.inQuote)
      .map((claim) => {
        const elsewhere: FigureMatch['elsewhere'] = [];
        return { claim, candidates: factCandidates(claim, draft, corpus, (s, i) => s.figuresIn(i), (f) => sameQuantity(claim, f), SAME_FACT, elsewhere), elsewhere };
      }),
    dates: draft.dates
      .filter((d) => !d.inQuote)
      .map((claim) => ({ claim, candidates: factCandidates(claim, draft, corpus, (s, i) => s.datesIn(i), (d) => datesComparable(claim, d) && !onlyVaguelyAgrees(d, claim), SAME_FACT) })),
  };
}

/** The source sentence holding the span's start, cut at EXCERPT_LIMIT characters unless the span runs on. */
function excerptOf(corpus: Corpus, { doc, start, end }: PassageRef): { excerpt: string; from: number; to: number } {
  const source = corpus.sources[doc];
  const sentences = source.segmented.sentences;
  // The first sentence ending at or after `start` (sentences are in order and do not overlap).
  const first = sentences[firstNotBefore(sentences, (s) => s.end < start)];
  const sentence = first && first.start <= start ? first : undefined;
  if (!sentence) return { excerpt: source.text.slice(start, end), from: start, to: end };
  const to = Math.min(sentence.end, Math.max(end, sentence.start + EXCERPT_LIMIT));
  // A whole sentence is its own text (no copy: wire copy cites the same sentences over and over).
  const excerpt = to === sentence.end ? sentence.text : source.text.slice(sentence.start, to) + '…';
  return { excerpt, from: sentence.start, to };
}

/** A passage as a finding or hover cites it. */
export function passageOf(corpus: Corpus, ref: PassageRef): Evidence {
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
export function describeClaimAt(corpus: Corpus, text: string, offset: number, options: CheckOptions = {}): ClaimComparison | undefined {
  const { lineStarts, parts, findings, outcomes } = runChecks(corpus, text, options, !!options.dismissals?.length);
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
  /** Whether a finding lies on a span of this paragraph. */
  const rangeHolds = (range: Finding['range'], span: Span) => {
    const start = lineStarts[range.start.line] + range.start.character - part.start;
    return start >= span.start && start < span.end;
  };
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
  // On a quote's speaker (unless the name itself is misspelt), the comparison is of who said it.
  const spoken = quote ? undefined : ctx.quotes.find((m) => m.claim.speaker?.span && within(m.claim.speaker.span));
  const figure = ctx.figures.find((m) => within(m.claim.span));
  const date = ctx.dates.find((m) => within(m.claim.span));
  if (figure) {
    claim = figure.claim;
    compareClaim(corpus, { kind: 'figure', match: figure }, add);
  } else if (date) {
    claim = date.claim;
    compareClaim(corpus, { kind: 'date', match: date }, add);
  } else if (spoken && !overlapping.some((f) => f.rule === 'name/misspelled')) {
    const speaker = spoken.claim.speaker!;
    claim = { kind: 'quote', span: speaker.span!, text: speaker.name, sentence: spoken.claim.sentence, words: spoken.claim.words };
    for (const f of findings) if (rangeHolds(f.range, spoken.claim.span) && !overlapping.includes(f)) overlapping.push(f);
    compareClaim(corpus, { kind: 'speaker', match: spoken }, add);
  } else if (quote) {
    claim = quote.claim;
    compareClaim(corpus, { kind: 'quote', match: quote }, add);
  } else {
    const word = draft.names.flat().flatMap((r) => r.words).find((w) => within(w));
    if (!word) return undefined;
    claim = { kind: 'name', span: { start: word.start, end: word.end }, text: word.text, sentence: 0 };
    const finding = overlapping.find((f) => f.rule === 'name/misspelled');
    // A finding over a whole name ("Sergei Lytvinenko") suggests the whole name: take the word under the cursor.
    const before = finding ? text.slice(lineStarts[finding.range.start.line] + finding.range.start.character, word.start + part.start) : '';
    const spelling = finding?.suggestions[0]?.split(' ')[before.split(' ').length - 1] ?? word.text;
    compareClaim(corpus, { kind: 'name', text: word.text, spelling }, add);
  }
  const sources: SourcePassages[] = corpus.sources.map((s) => ({ source: s.info, passages: passages.get(s.id) ?? [] }));
  const { stating, agreeing, variants } = countPassages(passages);
  const range = rangeOf(lineStarts, { start: claim.span.start + part.start, end: claim.span.end + part.start });
  const summary = stating
    ? `“${claim.text}”: ${agreeing} of ${stating} sources that report it agree with the draft (${corpus.sources.length} sources in the corpus).`
    : `“${claim.text}”: no source reports this (${corpus.sources.length} sources in the corpus): unverified.`;
  // Dismissed findings on the claim (or under the cursor), so the hover says who dismissed them and why.
  const claimStart = claim.span.start + part.start;
  const claimEnd = claim.span.end + part.start;
  const dismissed = outcomes
    .filter((o) => o.dismissal && o.part === parts.indexOf(part))
    .filter((o) => (o.raw.start + part.start <= offset && offset <= o.raw.end + part.start) || (o.raw.start + part.start < claimEnd && o.raw.end + part.start > claimStart))
    .map((o) => ({ finding: o.finding, dismissal: o.dismissal! }));
  return {
    claim: { kind: claim.kind, text: claim.text, range },
    summary,
    agreeing,
    stating,
    totalSources: corpus.sources.length,
    variants,
    sources,
    findings: overlapping,
    ...(dismissed.length ? { dismissed } : {}),
  };
}

/** A draft claim to compare across the sources: a figure, a date, a quote's words, who said a quote, or a name. */
export type ComparisonTarget =
  | { kind: 'figure'; match: FigureMatch }
  | { kind: 'date'; match: DateMatch }
  | { kind: 'quote'; match: QuoteMatch }
  | { kind: 'speaker'; match: QuoteMatch }
  /** `spelling` is the form to look up: the draft's own, or the spelling name/misspelled suggests. */
  | { kind: 'name'; text: string; spelling: string };

/** Receives each source passage about a claim: its span, the source's value, and whether it agrees with the draft. */
export type PassageSink = (doc: number, start: number, end: number, value: string, agrees: boolean) => void;

/**
 * The source passages about one draft claim. The same comparisons the rules decide by (factEvidence,
 * attributedMatches, alteredMatches), so hovers, the panel and the report count as the findings do.
 */
export function compareClaim(corpus: Corpus, target: ComparisonTarget, add: PassageSink): void {
  switch (target.kind) {
    case 'figure': {
      const figure = target.match;
      for (const c of factEvidence(figure, figuresOverlap).about) for (const sc of c.claims) add(c.doc, sc.span.start, sc.span.end, sc.text, figuresOverlap(figure.claim, sc));
      return;
    }
    case 'date': {
      const date = target.match;
      for (const c of factEvidence(date, datesAgree).about) for (const sc of c.claims) add(c.doc, sc.span.start, sc.span.end, sc.text, datesAgree(date.claim, sc));
      return;
    }
    case 'speaker': {
      const name = target.match.claim.speaker!.name;
      for (const x of attributedMatches(target.match)) add(x.doc, x.quote.span.start, x.quote.span.end, x.quote.speaker!.name, sameSpeaker(x.quote.speaker!.name, name));
      return;
    }
    case 'quote': {
      const quote = target.match;
      // A source giving the words to someone else does not agree with a draft that names its speaker.
      const speaker = quote.claim.speaker?.person && !quote.claim.speaker.inferred ? quote.claim.speaker.name : undefined;
      const sameWords = (x: SourceQuoteMatch) => {
        const theirs = x.quote.speaker?.person ? x.quote.speaker.name : undefined;
        if (!speaker || !theirs || sameSpeaker(theirs, speaker)) return { value: x.wording, agrees: true };
        return { value: `${x.wording} (${theirs})`, agrees: false };
      };
      // Exact copies, and partial ones (the draft trims or extends the source's quote, shared words unchanged) unless
      // a source has the whole remark worded otherwise: then a source with only the shared part does not back the draft.
      const altered = alteredMatches(quote);
      for (const x of altered.length ? quote.exact : [...quote.exact, ...quote.partial]) {
        const { value, agrees } = sameWords(x);
        add(x.doc, x.quote.span.start, x.quote.span.end, value, agrees);
      }
      for (const x of altered.concat(quote.exact.length ? quote.near.filter((n) => n.overlap >= 0.6) : [])) add(x.doc, x.quote.span.start, x.quote.span.end, x.wording, false);
      for (const x of quote.inText) add(x.doc, x.start, x.end, quote.claim.words, true);
      return;
    }
    case 'name': {
      const spelling = target.spelling.toLowerCase();
      const agrees = spelling === target.text.toLowerCase();
      for (const ref of corpus.index.nameRefs.get(spelling) ?? []) add(ref.doc, ref.start, ref.end, corpus.sources[ref.doc].text.slice(ref.start, ref.end), agrees);
      return;
    }
  }
}

/** Sources stating a claim, those agreeing with the draft, and the distinct values with how many sources give each. */
export function countPassages(byDoc: ReadonlyMap<number, ReadonlyArray<{ value: string; agrees: boolean }>>) {
  let stating = 0;
  let agreeing = 0;
  const variantCounts = new Map<string, Set<number>>();
  for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
    const list = byDoc.get(doc)!;
    if (!list.length) continue;
    stating++;
    if (list.some((p) => p.agrees)) agreeing++;
    for (const p of list) variantCounts.set(p.value, (variantCounts.get(p.value) ?? new Set()).add(doc));
  }
  const variants = [...variantCounts].map(([value, docs]) => ({ value, sources: docs.size })).sort((a, b) => b.sources - a.sources);
  return { stating, agreeing, variants };
}

export type { RuleId };

