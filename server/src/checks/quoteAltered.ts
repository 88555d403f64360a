import type { Rule } from './types';
import { describeTally, spacedWords, tally } from './common';
import { contentWords } from '../text/words';
import { CLOSE_QUOTE, NEAR_QUOTE, QUOTE_CONTEXT } from '../match/thresholds';
import { speakerRelation, type QuoteMatch, type SourceQuoteMatch } from '../match/quotes';

/**
 * How sure it is that a near source quote is the draft quote's remark: `same` when the shared wording is enough on its
 * own (with substance, or from the same speaker), or the sentences around agree and the speaker is positively the
 * same; `close` when the sentences agree but the speaker is unknown on one side (a paraphrase inside quotation marks);
 * undefined when not the same remark (other words, or two speakers' similar phrases).
 */
function remarkOf(m: QuoteMatch, n: SourceQuoteMatch, words: number): 'same' | 'close' | undefined {
  if (n.overlap < NEAR_QUOTE) return undefined;
  const speakers = speakerRelation(m.claim.speaker, n.quote.speaker);
  const shared = Math.round(n.overlap * words);
  if (n.overlap >= CLOSE_QUOTE && words >= 4 && (speakers === 'same' || (sharesEnough(n, words) && (sharesMeaning(m.claim.words, n.wording) || shared >= SELF_EVIDENT_RUN)))) return 'same';
  if (n.context < QUOTE_CONTEXT) return undefined;
  return speakers === 'same' ? 'same' : speakers === 'unknown' ? 'close' : undefined;
}

/** Shared words that are a remark on their own, without the sentences around agreeing. */
const SELF_EVIDENT_SHARE = 4;
/**
 * Shared words that tie two quotes to one remark however plain each word is: "That was not a plan, it was an idea"
 * against "…it was a concept" shares one content word but seven words of eight.
 */
const SELF_EVIDENT_RUN = 6;

/**
 * Whether the words shared are enough to make a short draft quote the source's remark on their own: four of them, or
 * most of the source's quote ("unwise and maybe unsustainable" for "unwise, and may be unsustainable"). Three words of
 * a long statement ("public health emergency" inside a minister's thirty words) are a common phrase.
 */
function sharesEnough(n: SourceQuoteMatch, words: number): boolean {
  if (Math.round(n.overlap * words) >= SELF_EVIDENT_SHARE) return true;
  return 2 * n.wording.split(/\s+/).length >= n.quote.words.split(/\s+/).length;
}

/**
 * Whether the shared wording alone ties two quotes to one remark: they share two content words, or all of the draft's.
 * "walk on the moon" and "is on the moon" share three words but only one of substance: a common phrase, not a remark,
 * unless one speaker says both.
 */
function sharesMeaning(draft: string, source: string): boolean {
  const ours = new Set(contentWords(draft));
  const theirs = new Set(contentWords(source));
  const shared = [...ours].filter((w) => theirs.has(w)).length;
  return shared >= 2 || shared === ours.size;
}

/**
 * Near-miss source quotes for a draft quote that no source has word for word (nor verbatim in part), and whether any of
 * them is positively the same remark.
 */
export function alteredEvidence(m: QuoteMatch): { matches: SourceQuoteMatch[]; same: boolean } {
  if (m.exact.length || m.inText.length) return { matches: [], same: false };
  const words = m.claim.words.split(/\s+/).length;
  // A source quoting part of the draft's words verbatim explains them, unless another shares more of them.
  const verbatim = verbatimCover(m);
  const graded = m.near.filter((n) => n.overlap > verbatim).map((n) => ({ n, remark: remarkOf(m, n, words) }));
  const same = graded.filter((g) => g.remark === 'same').map((g) => g.n);
  return same.length ? { matches: same, same: true } : { matches: graded.filter((g) => g.remark === 'close').map((g) => g.n), same: false };
}

/**
 * Share of the draft quote's words that the sources' verbatim parts cover between them: a remark that a source splits
 * over two quotations ("…when the herd moves, it moves." / "…no one is indispensable") is explained by the two together.
 */
function verbatimCover(m: QuoteMatch): number {
  const single = Math.max(0, ...m.partial.map((p) => p.overlap));
  if (m.partial.length < 2) return single;
  const draft = spacedWords(m.claim.words);
  const total = draft.split(' ').length - 2;
  if (total <= 0) return single;
  const covered = new Uint8Array(total);
  for (const part of new Set(m.partial.map((p) => spacedWords(p.wording)))) {
    const at = draft.indexOf(part);
    if (at < 0) continue;
    let first = 0; // words before `at`: one per space but the leading one
    for (let i = 1; i <= at; i++) if (draft.charCodeAt(i) === 32) first++;
    covered.fill(1, first, Math.min(total, first + part.split(' ').length - 2));
  }
  return Math.max(single, covered.reduce((sum, c) => sum + c, 0) / total);
}

/** Near-miss source quotes for a draft quote that no source has word for word. */
export function alteredMatches(m: QuoteMatch): SourceQuoteMatch[] {
  return alteredEvidence(m).matches;
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
      const { matches: near, same } = alteredEvidence(m);
      if (!near.length) return [];
      const groups = mergeContained(tally(near.map((n) => ({ doc: n.doc, value: n.wording, item: n }))));
      const differ = groups.length > 1 ? ` Sources differ among themselves: ${describeTally(groups)}.` : '';
      const count = `${groups[0].docs.length} of ${new Set(near.map((n) => n.doc)).size} sources`;
      return [{
        rule: 'quote/altered',
        // Only the context ties a short quote to this remark when the speaker is not known to be the same: a notice.
        ...(same ? {} : { severity: 'information' as const }),
        start: m.claim.span.start,
        end: m.claim.span.end,
        message: same
          ? `Quote differs from the sources, which have “${groups[0].value}” (${count} with this quote).${differ}`
          : `Quote is close to the sources’ wording of what seems the same remark: they have “${groups[0].value}” (${count}).${differ}`,
        suggestions: groups.map((g) => g.value),
        evidence: near.map((n) => ctx.evidence(n.doc, n.quote.span.start, n.quote.span.end)),
      }];
    });
  },
};
