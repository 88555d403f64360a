import type { Rule } from './types';
import { describeTally, spacedWords, tally } from './common';
import { CLOSE_QUOTE, NEAR_QUOTE, QUOTE_CONTEXT } from './thresholds';
import type { QuoteMatch, SourceQuoteMatch } from '../match/quotes';

/** Near-miss source quotes for a draft quote that no source has word for word. */
export function alteredMatches(m: QuoteMatch): SourceQuoteMatch[] {
  if (m.exact.length || m.inText.length) return [];
  const words = m.claim.words.split(/\s+/).length;
  return m.near.filter((n) => n.overlap >= NEAR_QUOTE && (n.overlap >= CLOSE_QUOTE && words >= 4 ? true : n.context >= QUOTE_CONTEXT));
}

/** A source quoting fewer of the same words ("common understanding …" inside "a common understanding …") is no other wording. */
function mergeContained<T>(groups: Array<{ value: string; docs: number[]; items: T[] }>) {
  const byLength = [...groups].sort((a, b) => b.value.length - a.value.length);
  const kept: Array<{ group: (typeof groups)[number]; key: string }> = [];
  for (const g of byLength) {
    const key = spacedWords(g.value);
    const into = kept.find((k) => k.key.includes(key))?.group;
    if (into) {
      for (const d of g.docs) if (!into.docs.includes(d)) into.docs.push(d);
      into.items.push(...g.items);
    } else kept.push({ group: { ...g, docs: [...g.docs], items: [...g.items] }, key });
  }
  return kept.map((k) => k.group).sort((a, b) => b.docs.length - a.docs.length);
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
      const groups = mergeContained(tally(near.map((n) => ({ doc: n.doc, value: n.wording, item: n }))));
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
