import type { Rule, RawFinding } from './types';
import { describeTally, spacedWords, tally } from './common';
import { CONFIDENT_FACT } from './thresholds';
import { factEvidence } from './factConflict';
import { datesAgree, figuresOverlap } from '../match/compare';
import type { FactCandidate } from '../match/facts';
import type { DateClaim, FigureClaim } from '../model/types';
import { attributedMatches, sameSpeaker } from './quoteMisattributed';
import type { PassageRef } from './types';

export const sourcesDisagree: Rule = {
  id: 'sources/disagree',
  description:
    'The sources disagree among themselves on this claim: a quote’s wording or speaker, a figure, a date. The draft ' +
    'follows at least one of them, so it is not an error, but the reader deserves the version you can stand behind.',
  defaultSeverity: 'information',
  check(ctx) {
    const out: RawFinding[] = [];
    const add = (start: number, end: number, what: string, groups: Array<{ value: string; docs: number[] }>, evidence: PassageRef[]) =>
      out.push({ rule: 'sources/disagree', start, end, message: `Sources disagree on ${what}: ${describeTally(groups)}.`, suggestions: [], evidence });

    for (const m of ctx.quotes) {
      const own = spacedWords(m.claim.words);
      // A source quoting more or fewer of the same words is not a different wording.
      const differs = new Map<string, boolean>(); // by wording: wire copies repeat it
      const differing = m.near.filter((n) => {
        if (n.overlap < 0.6) return false;
        let different = differs.get(n.wording);
        if (different === undefined) {
          const theirs = spacedWords(n.wording);
          differs.set(n.wording, (different = !own.includes(theirs) && !theirs.includes(own)));
        }
        return different;
      });
      if (m.exact.length && differing.length) {
        const variants = [...m.exact, ...differing];
        const groups = tally(variants.map((v) => ({ doc: v.doc, value: v.exact ? m.claim.words : v.wording, item: v })));
        if (groups.length > 1) add(m.claim.span.start, m.claim.span.end, 'the wording of this quote', groups, variants.map((v) => ctx.evidence(v.doc, v.quote.span.start, v.quote.span.end)));
      }
      const attributed = attributedMatches(m);
      const speakers = tally(attributed.map((x) => ({ doc: x.doc, value: x.quote.speaker!.name, item: x })));
      const distinct = speakers.filter((g, i) => !speakers.slice(0, i).some((h) => sameSpeaker(g.value, h.value)));
      if (distinct.length > 1 && (!m.claim.speaker || attributed.some((x) => sameSpeaker(x.quote.speaker!.name, m.claim.speaker!.name)))) {
        add(m.claim.span.start, m.claim.span.end, 'who said this', speakers, attributed.map((x) => ctx.evidence(x.doc, x.quote.span.start, x.quote.span.end)));
      }
    }
    const factDisagreements = <C extends FigureClaim | DateClaim>(matches: Array<{ claim: C; candidates: Array<FactCandidate<C>> }>, agree: (a: C, b: C) => boolean, what: string) => {
      for (const m of matches) {
        const { agreeing, about: all } = factEvidence(m, agree);
        const agrees = new Set(agreeing);
        const about = all.filter((c) => c.score >= CONFIDENT_FACT || agrees.has(c));
        if (!agreeing.length || agreeing.length === about.length || about[0].score < CONFIDENT_FACT) continue;
        const groups = tally(about.map((c) => ({ doc: c.doc, value: c.claims[0].text, item: c })));
        if (groups.length > 1) add(m.claim.span.start, m.claim.span.end, what, groups, about.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)));
      }
    };
    factDisagreements(ctx.figures, figuresOverlap, 'this figure');
    factDisagreements(ctx.dates, datesAgree, 'this date');
    return out;
  },
};
