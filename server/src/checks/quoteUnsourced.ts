import type { Rule } from './types';

export const quoteUnsourced: Rule = {
  id: 'quote/unsourced',
  description:
    'A quotation that appears in no source. That is normal for a reporter’s own interviews, so this is a notice, never a ' +
    'warning: it marks what the corpus cannot vouch for.',
  defaultSeverity: 'information',
  check(ctx) {
    return ctx.quotes.flatMap((m) => {
      if (m.exact.length || m.near.length || m.inText.length) return [];
      if (m.partial.length) {
        const shared = m.partial.reduce((a, b) => (b.wording.length > a.wording.length ? b : a)).wording;
        return [{
          rule: 'quote/unsourced',
          start: m.claim.span.start,
          end: m.claim.span.end,
          message: `Only part of this quote is in the sources (“${shared}”, ${new Set(m.partial.map((p) => p.doc)).size} of ${ctx.corpus.sources.length} files); the rest is in none: unverified, which is fine for your own reporting.`,
          suggestions: [],
          evidence: m.partial.map((p) => ctx.evidence(p.doc, p.quote.span.start, p.quote.span.end)),
        }];
      }
      if (m.claim.words.split(/\s+/).length < 3) return [];
      return [{
        rule: 'quote/unsourced',
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: `No source in the corpus (${ctx.corpus.sources.length} files) has this quote: unverified, which is fine for your own reporting.`,
        suggestions: [],
        evidence: [],
      }];
    });
  },
};
