import type { Rule, FigureMatch } from './types';
import { figuresOverlap, statesSameQuantity } from '../match/compare';
import { conflictFindings, factEvidence } from './factConflict';

/** Source figures about the same thing as the draft's, and which of them allow the draft's value. */
export const figureEvidence = (m: FigureMatch) => factEvidence(m, figuresOverlap);

export const figureConflict: Rule = {
  id: 'figure/conflict',
  description:
    'A number that disagrees with the sources’ number for the same thing (same unit, same context): “24 missiles” where ' +
    'the sources say 22. Qualifiers count: “nearly 500” fits “more than 460”, “300” does not.',
  defaultSeverity: 'warning',
  check: (ctx) => conflictFindings('figure/conflict', ctx, ctx.figures, figuresOverlap, 'The sources give a different figure', statesSameQuantity),
};
