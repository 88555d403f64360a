import type { Rule } from './types';
import { datesAgree, datesComparable } from '../match/compare';
import { conflictFindings } from './factConflict';


export const dateConflict: Rule = {
  id: 'date/conflict',
  description:
    'A date, month, year, weekday or duration that disagrees with the sources’ date for the same event: “in September” ' +
    'where the sources say August, “on Wednesday” where they say Monday.',
  defaultSeverity: 'warning',
  check: (ctx) =>
    conflictFindings('date/conflict', ctx, ctx.dates, datesAgree, 'The sources date this differently', undefined, (draft, doc, sentence) =>
      ctx.corpus.sources[doc].datesIn(sentence).some((d) => !d.inQuote && datesComparable(draft, d) && datesAgree(draft, d))),
};
