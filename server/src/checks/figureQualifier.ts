import type { Rule } from './types';
import { describeTally, tally } from './common';
import { CONFIDENT_FACT } from '../match/thresholds';
import { sameQualifier } from '../match/compare';
import { figureEvidence } from './figureConflict';

export const figureQualifier: Rule = {
  id: 'figure/qualifier',
  description:
    'The number matches the sources but its qualifier does not: “six killed” where the sources say “at least six”. ' +
    'A dropped “at least” turns an early count into a final one.',
  defaultSeverity: 'information',
  check(ctx) {
    return ctx.figures.flatMap((m) => {
      const { about } = figureEvidence(m);
      if (!about.length || about[0].score < CONFIDENT_FACT) return [];
      const sameValue = about.filter((c) => c.claims.some((sc) => sc.value === m.claim.value));
      if (!sameValue.length || sameValue.some((c) => c.claims.some((sc) => sc.value === m.claim.value && sameQualifier(m.claim, sc)))) return [];
      const qualified = sameValue.map((c) => ({ c, sc: c.claims.find((sc) => sc.value === m.claim.value)! }));
      const groups = tally(qualified.map(({ c, sc }) => ({ doc: c.doc, value: sc.qualifier ?? '(no qualifier)', item: sc })));
      const best = groups[0].items[0];
      const draftValueText = ctx.draft.text.slice(m.claim.valueSpan.start, m.claim.span.end);
      // "Six people" opening a sentence becomes "At least six people".
      const opensSentence = /^\p{Lu}/u.test(draftValueText) && !/^\p{Lu}{2}/u.test(draftValueText) && !/\d/.test(draftValueText[0]);
      const suggestion = !best.qualifier
        ? draftValueText
        : opensSentence
          ? `${best.qualifier[0].toUpperCase()}${best.qualifier.slice(1)} ${draftValueText[0].toLowerCase()}${draftValueText.slice(1)}`
          : `${best.qualifier} ${draftValueText}`;
      return [{
        rule: 'figure/qualifier',
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: `The sources qualify this figure: ${describeTally(groups)}; the draft has “${m.claim.qualifier ?? 'no qualifier'}”.`,
        suggestions: [suggestion],
        evidence: qualified.map(({ c, sc }) => ctx.evidence(c.doc, sc.span.start, sc.span.end)),
      }];
    });
  },
};
