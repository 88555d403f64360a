import type { Rule, DateMatch } from './types';
import type { FactCandidate } from '../match/facts';
import type { DateClaim } from '../engine/types';
import { describeTally, tally } from './common';
import { CONFIDENT_FACT, SAME_FACT } from './thresholds';
import { datesAgree } from '../match/compare';

export function dateEvidence(m: DateMatch): { about: Array<FactCandidate<DateClaim>>; agreeing: Array<FactCandidate<DateClaim>> } {
  const about = m.candidates.filter((c) => c.score >= SAME_FACT);
  return { about, agreeing: about.filter((c) => c.claims.some((sc) => datesAgree(m.claim, sc))) };
}

export const dateConflict: Rule = {
  id: 'date/conflict',
  description:
    'A date, month, year, weekday or duration that disagrees with the sources’ date for the same event: “in September” ' +
    'where the sources say August, “on Wednesday” where they say Monday.',
  defaultSeverity: 'warning',
  check(ctx) {
    return ctx.dates.flatMap((m) => {
      const { about, agreeing } = dateEvidence(m);
      if (!about.length || agreeing.length || about[0].score < CONFIDENT_FACT) return [];
      const groups = tally(about.map((c) => ({ doc: c.doc, value: c.claims[0].text, item: c })));
      return [{
        rule: 'date/conflict',
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: `The sources date this differently: ${describeTally(groups)}; none has “${m.claim.text}”.`,
        suggestions: groups.map((g) => g.value),
        evidence: about.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)),
      }];
    });
  },
};
