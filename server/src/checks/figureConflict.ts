import type { Rule, FigureMatch } from './types';
import type { FactCandidate } from '../match/facts';
import type { FigureClaim } from '../engine/types';
import { describeTally, tally } from './common';
import { CONFIDENT_FACT, SAME_FACT } from './thresholds';
import { figuresOverlap } from '../match/compare';

/** Source figures about the same thing as the draft's, and which of them allow the draft's value. */
export function figureEvidence(m: FigureMatch): { about: Array<FactCandidate<FigureClaim>>; agreeing: Array<FactCandidate<FigureClaim>> } {
  const about = m.candidates.filter((c) => c.score >= SAME_FACT);
  return { about, agreeing: about.filter((c) => c.claims.some((sc) => figuresOverlap(m.claim, sc))) };
}

export const figureConflict: Rule = {
  id: 'figure/conflict',
  description:
    'A number that disagrees with the sources’ number for the same thing (same unit, same context): “24 missiles” where ' +
    'the sources say 22. Qualifiers count: “nearly 500” fits “more than 460”, “300” does not.',
  defaultSeverity: 'warning',
  check(ctx) {
    return ctx.figures.flatMap((m) => {
      const { about, agreeing } = figureEvidence(m);
      if (!about.length || agreeing.length || about[0].score < CONFIDENT_FACT) return [];
      const groups = tally(about.map((c) => ({ doc: c.doc, value: c.claims[0].text, item: c })));
      return [{
        rule: 'figure/conflict',
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: `The sources give a different figure: ${describeTally(groups)}; none has “${m.claim.text}”.`,
        suggestions: groups.map((g) => g.value),
        evidence: about.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)),
      }];
    });
  },
};
