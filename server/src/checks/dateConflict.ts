import type { Rule } from './types';
import type { DateClaim } from '../model/types';
import { datesAgree, datesComparable, partOfTotal } from '../match/compare';
import { conflictFindings } from './factConflict';
import { inDraftStyle } from './dateStyle';

/** Two dates about each other that agree. */
const sameDate = (a: DateClaim, b: DateClaim) => datesComparable(a, b) && datesAgree(a, b);

/**
 * A weekday on one side and a calendar date that names the same weekday on the other ("this Friday", "Friday,
 * September 15"): the same day told two ways, unless both resolve to different days.
 */
const sameNamedWeekday = (a: DateClaim, b: DateClaim) =>
  a.granularity !== b.granularity &&
  (a.granularity === 'weekday' || b.granularity === 'weekday') &&
  a.weekday !== undefined &&
  a.weekday === b.weekday &&
  (!a.resolved || !b.resolved || a.resolved === b.resolved);

/**
 * A source date the draft itself gives in the claim's sentence or the one either side is not evidence against the
 * claim: the draft tells two events apart ("a 1960 tsunami … An even deadlier tsunami in 1946").
 */
function notToldApart(drafts: readonly DateClaim[]): (draft: DateClaim, source: DateClaim) => boolean {
  const bySentence = new Map<number, DateClaim[]>();
  for (const d of drafts) {
    const list = bySentence.get(d.sentence);
    if (list) list.push(d);
    else bySentence.set(d.sentence, [d]);
  }
  // A sum of terms ("a total of 31 years") is not told against one smaller term ("eight years") that may be part of it.
  return (draft, source) =>
    !partOfTotal(draft, source) &&
    ![draft.sentence - 1, draft.sentence, draft.sentence + 1].some((s) =>
      (bySentence.get(s) ?? []).some((d) => d !== draft && sameDate(d, source)),
    );
}

export const dateConflict: Rule = {
  id: 'date/conflict',
  description:
    'A date, month, year, weekday or duration that disagrees with the sources’ date for the same event: “in September” ' +
    'where the sources say August, “on Wednesday” where they say Monday.',
  defaultSeverity: 'warning',
  check: (ctx) =>
    conflictFindings('date/conflict', ctx, ctx.dates, {
      agree: datesAgree,
      lead: 'The sources date this differently',
      stated: notToldApart(ctx.draft.dates),
      alsoStates: {
        claimsIn: (source, sentence) => source.datesIn(sentence),
        // A sentence that also names the draft's day by its weekday was paired through its other date.
        sameValue: (draft, source) => sameDate(draft, source) || sameNamedWeekday(draft, source),
      },
      suggestionFor: inDraftStyle,
    }),
};
