import type { Rule } from './types';
import { describeTally, tally } from './common';
import { CLOSE_QUOTE, NEAR_QUOTE, QUOTE_CONTEXT } from './thresholds';
import type { QuoteMatch, SourceQuoteMatch } from '../match/quotes';

/** Near-miss source quotes for a draft quote that no source has word for word. */
export function alteredMatches(m: QuoteMatch): SourceQuoteMatch[] {
  if (m.exact.length || m.inText.length) return [];
  const words = m.claim.words.split(/\s+/).length;
  return m.near.filter((n) => n.overlap >= NEAR_QUOTE && (n.overlap >= CLOSE_QUOTE && words >= 4 ? true : n.context >= QUOTE_CONTEXT));
}

export const quoteAltered: Rule = {
  id: 'quote/altered',
  description:
    'A quotation that is close to a quotation in the sources but not word for word: a word changed, dropped or added. ' +
    'Quotes must match what was said; the fix restores the sources’ wording.',
  defaultSeverity: 'warning',
  check(ctx) {
    return ctx.quotes.flatMap((m) => {
      const near = alteredMatches(m);
      if (!near.length) return [];
      const groups = tally(near.map((n) => ({ doc: n.doc, value: n.wording, item: n })));
      const differ = groups.length > 1 ? ` Sources differ among themselves: ${describeTally(groups)}.` : '';
      return [{
        rule: 'quote/altered',
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: `Quote differs from the sources, which have “${groups[0].value}” (${groups[0].docs.length} of ${new Set(near.map((n) => n.doc)).size} sources with this quote).${differ}`,
        suggestions: groups.map((g) => g.value),
        evidence: near.map((n) => ctx.evidence(n.doc, n.quote.span.start, n.quote.span.end)),
      }];
    });
  },
};
