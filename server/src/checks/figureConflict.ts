import type { Rule, FigureMatch, CheckContext, RawFinding } from './types';
import type { FigureClaim } from '../model/types';
import type { SourceDoc } from '../corpus/corpus';
import { figuresOverlap, sameSetting, statesSameQuantity, insideLooseBound } from '../match/compare';
import { conflictFindings, factEvidence } from './factConflict';
import { sourceName } from './common';
import { CONFIDENT_FACT } from '../match/thresholds';

/** Source figures about the same thing as the draft's, and which of them allow the draft's value. */
export const figureEvidence = (m: FigureMatch) => factEvidence(m, figuresOverlap);

/** Counts that only grow as news comes in: a later, higher figure revises an earlier one. */
const TOLLS = new Set(['killed', 'injured', 'casualties', 'fled', 'evacuated', 'arrested', 'missing']);

/** A source's day, when it has one that is certain ("2025-11-26"). */
function dayOf(ctx: CheckContext, doc: number): string | undefined {
  const date = ctx.corpus.sources[doc].info.date;
  return date && !date.ambiguous && /^\d{4}-\d{2}-\d{2}/.test(date.iso) ? date.iso.slice(0, 10) : undefined;
}

/**
 * The newest revision of the draft's figure, when the draft follows an older one: a source dated after every source
 * that agrees with the draft gives the same quantity a new value ("rose to 9", "the revised 21-point plan", a higher
 * toll). Sources without a certain date, or of the same day, leave it a disagreement among sources.
 */
export function figureUpdate(ctx: CheckContext, m: FigureMatch) {
  const { about, agreeing } = figureEvidence(m);
  if (!agreeing.length || m.claim.role === 'from') return undefined;
  const agreedDays = agreeing.map((c) => dayOf(ctx, c.doc));
  if (agreedDays.some((d) => !d)) return undefined;
  const latestAgreed = agreedDays.sort().at(-1)!;
  const revises = (sc: FigureClaim) =>
    sc.unit === m.claim.unit && sc.action === m.claim.action && sc.role !== 'from' && sameSetting(m.claim, sc) && !figuresOverlap(m.claim, sc) && !insideLooseBound(m.claim, sc) &&
    (sc.role === 'to' || (!!sc.action && TOLLS.has(sc.action) && sc.low > m.claim.value));
  let newest: { doc: number; day: string; claim: FigureClaim } | undefined;
  for (const c of about) {
    const day = dayOf(ctx, c.doc);
    const claim = c.claims.find(revises);
    if (!day || !claim || c.score < CONFIDENT_FACT || day <= latestAgreed || (newest && day <= newest.day)) continue;
    newest = { doc: c.doc, day, claim };
  }
  return newest && { ...newest, agreeing };
}

function updateFindings(ctx: CheckContext): RawFinding[] {
  return ctx.figures.flatMap((m) => {
    const update = figureUpdate(ctx, m);
    if (!update) return [];
    const older = update.agreeing[0];
    return [{
      rule: 'figure/conflict',
      start: m.claim.span.start,
      end: m.claim.span.end,
      message:
        `The figure was updated: ${sourceName(ctx.corpus, update.doc)} on ${update.day} says “${update.claim.text}”; ` +
        `“${m.claim.text}” follows the earlier ${sourceName(ctx.corpus, older.doc)} (${dayOf(ctx, older.doc)}).`,
      suggestions: [update.claim.text],
      evidence: [
        ctx.evidence(update.doc, update.claim.span.start, update.claim.span.end),
        ...update.agreeing.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)),
      ],
    }];
  });
}

/** A number written in digits ("82,000", "1250", "3.5"), not inside a longer one. */
const DIGITS = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![.,]?\d)|(?<![\d.,])\d+(?:\.\d+)?(?![.,]?\d)/g;
/** A bare four-digit number in this range is most likely a year. */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** Below this, a bare number in the sentence may be anything (a rank, a count of days): it tells nothing. */
const BARE_VALUE_MIN = 100;

/**
 * "…adding 128,000 jobs, followed by professional and business services with 82,000": the source sentence gives the
 * draft's value with the unit left out (not a figure of its own), so the draft's figure was paired through another.
 */
function statesValueBare(draft: FigureClaim, source: SourceDoc, sentence: number): boolean {
  if (!(draft.value >= BARE_VALUE_MIN)) return false;
  const { text, start } = source.segmented.sentences[sentence];
  const figures = source.figuresIn(sentence);
  for (const m of text.matchAll(DIGITS)) {
    if (YEAR.test(m[0]) || Number(m[0].replace(/,/g, '')) !== draft.value) continue;
    const at = start + m.index!;
    if (!figures.some((f) => f.span.start <= at && at < f.span.end)) return true;
  }
  return false;
}

/**
 * "four people directly involved … were among 11 detained": a source's "four people" is the draft sentence's other
 * figure, stated alike, not evidence against the 11.
 */
function statedByAnother(ctx: CheckContext, draft: FigureClaim, source: FigureClaim): boolean {
  // The same unit and value is enough: the other figure's happening may be told on one side only ("among those detained").
  return ctx.draft.figures.some((other) => other !== draft && other.sentence === draft.sentence && !other.inQuote && other.unit === source.unit && figuresOverlap(other, source));
}

export const figureConflict: Rule = {
  id: 'figure/conflict',
  description:
    'A number that disagrees with the sources’ number for the same thing (same unit, same context): “24 missiles” where ' +
    'the sources say 22. Qualifiers count: “nearly 500” fits “more than 460”, “300” does not. A figure a later source ' +
    'has updated (“the toll rose to 9”) is flagged with the update and its date.',
  defaultSeverity: 'warning',
  check: (ctx) => [
    ...conflictFindings('figure/conflict', ctx, ctx.figures, {
      agree: figuresOverlap,
      lead: 'The sources give a different figure',
      // A loose bound holding the other figure ("above 3%" and "3.9%") neither confirms it nor tells against it.
      stated: (draft, source) => statesSameQuantity(draft, source) && !insideLooseBound(draft, source) && !statedByAnother(ctx, draft, source),
      // "a 33-year-old flight attendant … another survivor, a 25-year-old woman": a source sentence that also gives the
      // draft's value for a like quantity was paired through the wrong one of its figures.
      alsoStates: {
        claimsIn: (source, sentence) => source.figuresIn(sentence),
        sameValue: (draft, source) => statesSameQuantity(draft, source) && figuresOverlap(draft, source),
        statesBare: statesValueBare,
      },
    }),
    ...updateFindings(ctx),
  ],
};
