// A figure told as a possibility ("could reach 15 per cent"), and as what unnamed others think it could be ("experts
// warned inflation could be heading for 15 per cent"): their guess, not a statement of the quantity.

/** A word of possibility within the clause right before the number. */
const POSSIBLE_BEFORE = /\b(?:could|might|may)\b[^,;:.!?()"“”]{0,40}$/i;

/**
 * An unnamed group before the word of possibility, within the clause. "Some" is left out: it is also a qualifier
 * ("some 3,000 people may have died").
 */
const GROUP_GUESS_BEFORE = /\b(experts?|analysts?|economists?|observers?|forecasters?|commentators?|critics?)\b[^,;:.!?()"“”]{0,50}?\b(?:could|might|may)\b[^,;:.!?()"“”]{0,40}$/i;

/** Whether the number right after `before` is told as a possibility, and the unnamed group whose guess it is. */
export function guessOf(before: string): { possible: boolean; group?: string } {
  if (!POSSIBLE_BEFORE.test(before)) return { possible: false };
  const m = GROUP_GUESS_BEFORE.exec(before);
  return m ? { possible: true, group: m[1].toLowerCase().replace(/s$/, '') } : { possible: true };
}
