import type { Rule } from './types';
import { datesAgree } from '../match/compare';
import { conflictFindings } from './factConflict';


export const dateConflict: Rule = {
  id: 'date/conflict',
  description:
    'A date, month, year, weekday or duration that disagrees with the sources’ date for the same event: “in September” ' +
    'where the sources say August, “on Wednesday” where they say Monday.',
  defaultSeverity: 'warning',
  check: (ctx) => conflictFindings('date/conflict', ctx, ctx.dates, datesAgree, 'The sources date this differently'),
};
