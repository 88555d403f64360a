import type { Rule } from './types';
import { describeTally, tally } from './common';
import { CLOSE_QUOTE, QUOTE_CONTEXT } from '../match/thresholds';
import type { QuoteMatch, SourceQuoteMatch } from '../match/quotes';
import { sameSpeaker } from '../match/speakers';

/**
 * Source matches of a draft quote that name a person as its speaker. A quote of two or three words is a common phrase
 * ("definitely not") unless the sentences around it agree too: only then is it the same remark.
 */
export function attributedMatches(m: QuoteMatch): SourceQuoteMatch[] {
  const short = m.claim.words.split(/\s+/).length < 4;
  // A part quoted verbatim may be a stock phrase ("at the same time"): the sentences around must agree too.
  const partial = m.partial.filter((p) => p.context >= QUOTE_CONTEXT);
  return [...m.exact, ...partial, ...m.near.filter((n) => n.overlap >= CLOSE_QUOTE)].filter(
    (x) => x.quote.speaker?.person && (!short || x.context >= QUOTE_CONTEXT),
  );
}

export const quoteMisattributed: Rule = {
  id: 'quote/misattributed',
  description:
    'The quoted words are in the sources, but said by someone else. Putting words in the wrong mouth is among the most ' +
    'serious errors in print; the fix names the speaker the sources give.',
  defaultSeverity: 'warning',
  check(ctx) {
    return ctx.quotes.flatMap((m) => {
      const speaker = m.claim.speaker;
      if (!speaker?.person || speaker.inferred) return [];
      const matches = attributedMatches(m);
      if (!matches.length || matches.some((x) => sameSpeaker(x.quote.speaker!.name, speaker.name))) return [];
      if (!matches.some((x) => !x.quote.speaker!.inferred)) return [];
      const groups = tally(matches.map((x) => ({ doc: x.doc, value: x.quote.speaker!.name, item: x })));
      const target = speaker.span ?? m.claim.span;
      return [{
        rule: 'quote/misattributed',
        start: target.start,
        end: target.end,
        message: `The sources attribute “${m.claim.words}” to ${groups[0].value}, not ${speaker.name} (${describeTally(groups)}).`,
        suggestions: speaker.span ? groups.map((g) => g.value) : [],
        evidence: matches.map((x) => ctx.evidence(x.doc, x.quote.span.start, x.quote.span.end)),
      }];
    });
  },
};
