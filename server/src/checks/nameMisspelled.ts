import { distance } from 'fastest-levenshtein';
import type { Rule, RawFinding } from './types';
import { isHeadline } from '../corpus/corpus';

export const nameMisspelled: Rule = {
  id: 'name/misspelled',
  description:
    'A name that is one or two letters away from a name the sources spell consistently, and that the sources never use: ' +
    '“Umarov” for Umerov. The fix is the corpus spelling.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { index } = ctx.corpus;
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    ctx.draft.names.forEach((runs, s) => {
      if (isHeadline(ctx.draft.sentences[s].text)) return;
      for (const run of runs) {
        for (const word of run.words) {
          const lower = word.text.toLowerCase().replace(/[’']s$/, '');
          if (lower.length < 4 || index.vocabulary.has(lower) || /\d/.test(lower)) continue;
          const match = closestName(lower, index.names, index.commonWords);
          if (!match) continue;
          // Places the index recorded; a source that changed since it loaded may no longer have the name there.
          const spelling = match.spelling.toLowerCase();
          const refs = (index.nameRefs.get(spelling) ?? []).filter((r) => ctx.corpus.sources[r.doc]?.text.slice(r.start, r.end).toLowerCase() === spelling);
          out.push({
            rule: 'name/misspelled',
            start: word.start,
            end: word.start + lower.length,
            message: `“${word.text}” is not in the sources; they spell it “${match.spelling}” (${match.count} mentions).`,
            suggestions: [match.spelling],
            evidence: refs.slice(0, 5).map((r) => ctx.evidence(r.doc, r.start, r.end)),
          });
          seen.add(lower);
        }
      }
    });
    return out;
  },
};

const DERIVING_ENDINGS = new Set(['n', 'an', 'ian', 'ns', 's', 'es', 'i', 'ese', 'ish', 'ic', 'er', 'ers']);

/** `longer` is `shorter` plus an ending that makes a related word (Russia → Russian, Kyiv → Kyivan). */
function isDerivedForm(shorter: string, longer: string): boolean {
  return longer.startsWith(shorter) && DERIVING_ENDINGS.has(longer.slice(shorter.length));
}

/** The corpus name within one letter (two for long names) of `word`, same first letter, not a mere ending change. */
export function closestName(word: string, names: Map<string, Map<string, number>>, common: ReadonlySet<string>) {
  const limit = word.length >= 8 ? 2 : 1;
  let best: { spelling: string; count: number; distance: number } | undefined;
  for (const [lower, spellings] of names) {
    if (lower[0] !== word[0] || Math.abs(lower.length - word.length) > limit || common.has(lower)) continue;
    // "Russian" and "Russia" are different words, not a misspelling; "Driscol" for "Driscoll" is one.
    if (isDerivedForm(word, lower) || isDerivedForm(lower, word)) continue;
    const d = distance(word, lower);
    if (d === 0 || d > limit) continue;
    const [spelling, count] = [...spellings].sort((a, b) => b[1] - a[1])[0];
    if (!/^\p{Lu}/u.test(spelling)) continue;
    if (!best || d < best.distance || (d === best.distance && count > best.count)) best = { spelling, count, distance: d };
  }
  return best;
}
