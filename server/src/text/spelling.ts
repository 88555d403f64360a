// British and American spellings of one word ("normalisation"/"normalization", "signalled"/"signaled"): a house style,
// never a change of wording. The word list is american-british-english-translator's (MIT, 1,738 British spellings).
import britishSpellings from 'american-british-english-translator/data/british_spellings.json';

const AMERICAN: ReadonlyMap<string, string> = new Map(Object.entries(britishSpellings as Record<string, string>));

/** "towards" and "toward", "afterwards" and "afterward": one word, two spellings (both are used on both sides). */
const WARDS = /^((?:to|after|back|for|up|down|on|in|out|home|east|west|north|south|sky)ward)s$/;

/** A lower-case word in its American spelling, so two house styles of it compare equal. */
export function americanSpelling(lower: string): string {
  return AMERICAN.get(lower) ?? lower.replace(WARDS, '$1');
}
