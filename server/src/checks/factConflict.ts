// What figure/conflict and date/conflict share: which source facts are about the draft's, and the finding when none agrees.
import type { DateClaim, FigureClaim, RuleId } from '../model/types';
import type { FactCandidate } from '../match/facts';
import type { SourceDoc } from '../corpus/corpus';
import type { CheckContext, RawFinding } from './types';
import { describeTally, tally } from './common';
import { CONFIDENT_FACT, SAME_FACT } from '../match/thresholds';

interface FactMatch<C> { claim: C; candidates: Array<FactCandidate<C>>; elsewhere?: Array<FactCandidate<C>> }

/** Source facts about the same thing as the draft's, and those of them that allow the draft's value. */
export function factEvidence<C extends FigureClaim | DateClaim>(m: FactMatch<C>, agree: (draft: C, source: C) => boolean) {
  const about = m.candidates.filter((c) => c.score >= SAME_FACT);
  return { about, agreeing: about.filter((c) => c.claims.some((sc) => agree(m.claim, sc))) };
}

/** How a conflict rule reads its facts (see `conflictFindings`). */
export interface ConflictReading<C extends FigureClaim | DateClaim> {
  /** Whether a source fact allows the draft's value. */
  agree: (draft: C, source: C) => boolean;
  /** The message's opening ("The sources give a different figure"). */
  lead: string;
  /** Keeps only the source facts that are positive evidence of the same fact (by default, all). */
  stated?: (draft: C, source: C) => boolean;
  /**
   * Reads a source sentence's own facts and tells which give the draft's value: a sentence that states it elsewhere
   * (outside quotes) was paired through the wrong one of its facts.
   */
  alsoStates?: {
    claimsIn: (source: SourceDoc, sentence: number) => readonly C[];
    sameValue: (draft: C, source: C) => boolean;
    /** The sentence gives the draft's value in words no claim was read from (a unit left out). */
    statesBare?: (draft: C, source: SourceDoc, sentence: number) => boolean;
  };
  /** The quick fix for a source fact (by default its own text). */
  suggestionFor?: (draft: C, source: C) => string;
}

/** A conflict finding for each draft fact that confident source facts state and none of them allows. */
export function conflictFindings<C extends FigureClaim | DateClaim>(
  rule: RuleId,
  ctx: CheckContext,
  matches: Array<FactMatch<C>>,
  { agree, lead, stated, alsoStates, suggestionFor = (_, source) => source.text }: ConflictReading<C>,
): RawFinding[] {
  const statesDraftValue = (draft: C, doc: number, sentence: number) =>
    !!alsoStates &&
    (alsoStates.claimsIn(ctx.corpus.sources[doc], sentence).some((sc) => !sc.inQuote && alsoStates.sameValue(draft, sc)) ||
      !!alsoStates.statesBare?.(draft, ctx.corpus.sources[doc], sentence));
  return matches.flatMap((m) => {
    const evidence = factEvidence(m, agree);
    if (evidence.agreeing.length) return [];
    if (evidence.about.some((c) => statesDraftValue(m.claim, c.doc, c.claims[0].sentence))) return [];
    if (m.elsewhere && attestedElsewhere(m.claim, m.elsewhere, agree, stated)) return [];
    const about = stated
      ? evidence.about.map((c) => ({ ...c, claims: c.claims.filter((sc) => stated(m.claim, sc)) })).filter((c) => c.claims.length)
      : evidence.about;
    if (!about.length || about[0].score < CONFIDENT_FACT) return [];
    const groups = tally(about.map((c) => ({ doc: c.doc, value: c.claims[0].text, item: c })));
    return [{
      rule,
      start: m.claim.span.start,
      end: m.claim.span.end,
      message: `${lead}: ${describeTally(groups)}; none has “${m.claim.text}”.`,
      suggestions: [...new Set(groups.map((g) => suggestionFor(m.claim, g.items[0].claims[0])))],
      evidence: about.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)),
    }];
  });
}

/**
 * A source whose sentences read for the draft's fact give the draft's value and no other for the quantity, however
 * weakly like the draft's sentence ("HRB held $84 billion" against "Harlow Ridge Bank … with some $84 billion"): the
 * closer sentence that gave another value is likely about another fact. A source that also gives another value for
 * the quantity ("top winds of 155 mph" overnight, "150 mph" at landfall) tells the two apart itself.
 */
function attestedElsewhere<C extends FigureClaim | DateClaim>(
  claim: C,
  elsewhere: ReadonlyArray<FactCandidate<C>>,
  agree: (draft: C, source: C) => boolean,
  stated?: (draft: C, source: C) => boolean,
): boolean {
  const verdictByDoc = new Map<number, boolean>();
  for (const c of elsewhere) {
    for (const sc of c.claims) {
      if (stated && !stated(claim, sc)) continue;
      const agrees = agree(claim, sc);
      verdictByDoc.set(c.doc, (verdictByDoc.get(c.doc) ?? true) && agrees);
    }
  }
  return [...verdictByDoc.values()].some(Boolean);
}

