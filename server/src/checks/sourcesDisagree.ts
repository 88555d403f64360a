import type { Rule, RawFinding } from './types';
import { describeTally, spacedWords, tally } from './common';
import { CONFIDENT_FACT } from '../match/thresholds';
import { factEvidence } from './factConflict';
import { datesAgree, figuresOverlap, sameCountPoint, insideLooseBound } from '../match/compare';
import type { FactCandidate } from '../match/facts';
import type { DateClaim, FigureClaim } from '../model/types';
import { attributedMatches } from './quoteMisattributed';
import { sameSpeaker } from '../match/speakers';
import type { PassageRef } from './types';
import { sameFact, unitKeys } from '../match/disagreements';
import { sameStory } from '../corpus/stories';

/** A date's value whatever its wording ("30 November", "November 30"). */
function dateKey(d: DateClaim): string {
  return d.granularity === 'duration' ? `${d.low}-${d.high}` : `${d.year ?? ''}-${d.month ?? ''}-${d.day ?? ''}-${d.granularity === 'weekday' ? d.weekday : ''}`;
}

/** Values grouped by key, each shown in its most common wording, most sources first. */
function groupValues(items: Array<{ doc: number; key: string; value: string }>): Array<{ key: string; value: string; docs: number[] }> {
  const groups = new Map<string, { key: string; docs: number[]; wordings: Map<string, number> }>();
  for (const { doc, key, value } of items) {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, docs: [], wordings: new Map() }));
    if (!g.docs.includes(doc)) g.docs.push(doc);
    g.wordings.set(value, (g.wordings.get(value) ?? 0) + 1);
  }
  return [...groups.values()]
    .map((g) => ({ key: g.key, docs: g.docs, value: [...g.wordings].sort((a, b) => b[1] - a[1])[0][0] }))
    .sort((a, b) => b.docs.length - a.docs.length);
}

export const sourcesDisagree: Rule = {
  id: 'sources/disagree',
  description:
    'The sources disagree among themselves on this claim: a quote’s wording or speaker, a figure, a date. The draft ' +
    'follows at least one of them, so it is not an error, but the reader deserves the version you can stand behind.',
  defaultSeverity: 'information',
  check(ctx) {
    const out: RawFinding[] = [];
    const add = (start: number, end: number, what: string, groups: Array<{ value: string; docs: number[] }>, evidence: PassageRef[], once: string) =>
      out.push({ rule: 'sources/disagree', start, end, message: `Sources disagree on ${what}: ${describeTally(groups)}.`, suggestions: [], evidence, once });

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
        // Another story's quote with the same words is another remark.
        return different && m.exact.some((x) => sameStory(ctx.corpus, x.doc, n.doc));
      });
      if (m.exact.length && differing.length) {
        const variants = [...m.exact, ...differing];
        const groups = tally(variants.map((v) => ({ doc: v.doc, value: v.exact ? m.claim.words : v.wording, item: v })));
        if (groups.length > 1) add(m.claim.span.start, m.claim.span.end, 'the wording of this quote', groups, variants.map((v) => ctx.evidence(v.doc, v.quote.span.start, v.quote.span.end)), `wording|${groups.map((g) => spacedWords(g.value)).sort().join('|')}`);
      }
      // Speakers in other stories saying the same words are other remarks: keep the sources of one story.
      const everyAttributed = attributedMatches(m);
      const anchor = everyAttributed.find((x) => m.claim.speaker && sameSpeaker(x.quote.speaker!.name, m.claim.speaker.name)) ?? everyAttributed[0];
      const attributed = anchor ? everyAttributed.filter((x) => sameStory(ctx.corpus, anchor.doc, x.doc)) : [];
      const speakers = tally(attributed.map((x) => ({ doc: x.doc, value: x.quote.speaker!.name, item: x })));
      const distinct = speakers.filter((g, i) => !speakers.slice(0, i).some((h) => sameSpeaker(g.value, h.value)));
      if (distinct.length > 1 && (!m.claim.speaker || attributed.some((x) => sameSpeaker(x.quote.speaker!.name, m.claim.speaker!.name)))) {
        const names = distinct.map((g) => g.value.split(/\s+/).pop()!.toLowerCase()).sort();
        add(m.claim.span.start, m.claim.span.end, 'who said this', speakers, attributed.map((x) => ctx.evidence(x.doc, x.quote.span.start, x.quote.span.end)), `speaker|${spacedWords(m.claim.words)}|${names.join('|')}`);
      }
    }
    const factDisagreements = <C extends FigureClaim | DateClaim>(
      matches: Array<{ claim: C; candidates: Array<FactCandidate<C>> }>,
      agree: (a: C, b: C) => boolean,
      valueKey: (c: C) => string,
      what: string,
    ) => {
      for (const m of matches) {
        const { agreeing, about: all } = factEvidence(m, agree);
        if (!agreeing.length || !all.length || all[0].score < CONFIDENT_FACT) continue;
        const agrees = new Set(agreeing);
        // Only a confident source claim about the same fact, in a source telling the same story, can disagree.
        const ignore = m.claim.kind === 'figure' ? unitKeys(m.claim.unit) : new Set<string>();
        const draftSide = { doc: ctx.draft, claim: m.claim };
        const differing = all.filter((c) =>
          !agrees.has(c) &&
          c.score >= CONFIDENT_FACT &&
          // A share part-way through the count, or the count's progress, is another snapshot, not another value.
          (m.claim.kind !== 'figure' || sameCountPoint(m.claim, c.claims[0] as FigureClaim)) &&
          // "Above 3%" and "3.4%" can both be true: no disagreement.
          (m.claim.kind !== 'figure' || !insideLooseBound(m.claim, c.claims[0] as FigureClaim)) &&
          sameFact(common, draftSide, { doc: ctx.corpus.sources[c.doc].segmented, claim: c.claims[0] }, ignore) &&
          agreeing.some((a) => sameStory(ctx.corpus, a.doc, c.doc)),
        );
        if (!differing.length) continue;
        const about = [...agreeing, ...differing];
        // One value worded two ways ("more than 460", "over 460"; "six", "6") is one group.
        const groups = groupValues(about.map((c) => {
          const shown = c.claims.find((sc) => agree(m.claim, sc)) ?? c.claims[0];
          return { doc: c.doc, key: valueKey(shown), value: shown.text };
        }));
        if (groups.length < 2) continue;
        out.push({
          rule: 'sources/disagree',
          start: m.claim.span.start,
          end: m.claim.span.end,
          message: `Sources disagree on ${what}: ${describeTally(groups)}.`,
          suggestions: [],
          evidence: about.map((c) => ctx.evidence(c.doc, c.claims[0].span.start, c.claims[0].span.end)),
          once: `${m.claim.kind}|${m.claim.kind === 'figure' ? m.claim.unit : ''}|${groups.map((g) => g.key).sort().join('|')}`,
        });
      }
    };
    const common = ctx.corpus.index.commonWords;
    factDisagreements(ctx.figures, figuresOverlap, (f) => String(f.value), 'this figure');
    factDisagreements(ctx.dates, datesAgree, dateKey, 'this date');
    return out;
  },
};
