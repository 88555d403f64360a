// The words that bound a number ("nearly", "more than", "up to"), read from the text just before it. Figures and
// lengths of time share them; each turns a label into its own interval (a count allows ±15% for "about", a length of
// time half its unit).

export type QualifierLabel = 'at least' | 'more than' | 'just over' | 'up to' | 'fewer than' | 'nearly' | 'just under' | 'about';

/** "Just over 10" is a kind of "more than 10", "just under 10" of "nearly 10": told apart only by how far they reach. */
export const QUALIFIER_FAMILY: Partial<Record<QualifierLabel, QualifierLabel>> = { 'just over': 'more than', 'just under': 'nearly' };

// Each pattern is matched against the text just before the number; where several match ("no more than" and "more
// than", "just under" and "under"), the longest (earliest) one is the qualifier.
const QUALIFIERS: ReadonlyArray<{ pattern: RegExp; label: QualifierLabel }> = [
  { pattern: /\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, label: 'at least' },
  { pattern: /\b(?:more than|over|above|in excess of|upwards of|upward of|exceeding)\s+$/i, label: 'more than' },
  // A little past the number, not anything above it: "just over 10 hours" is not "about 12 hours".
  { pattern: /\b(?:just|slightly|a little|a bit|marginally)\s+(?:more than|over|above|in excess of)\s+$/i, label: 'just over' },
  // "stepping up to $95 billion", "ramped up to 40" name the new value: no bound.
  { pattern: /\b(?:(?<!\b(?:step(?:s|ped|ping)?|ramp(?:s|ed|ing)?|scal(?:es|ed|ing)|mov(?:es|ed|ing)|go(?:es|ing)?|went|ris(?:es|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|push(?:es|ed|ing)?|bump(?:s|ed|ing)?|gear(?:s|ed|ing)?)\s+)up to|as many as|at most|no more than|a maximum of)\s+$/iu, label: 'up to' },
  { pattern: /\b(?:fewer than|less than|under|below)\s+$/i, label: 'fewer than' },
  { pattern: /\b(?:nearly|almost|close to)\s+$/i, label: 'nearly' },
  { pattern: /\b(?:just|slightly|a little|a bit|marginally)\s+(?:under|below|less than|fewer than|short of|shy of)\s+$/i, label: 'just under' },
  { pattern: /\b(?:about|around|approximately|roughly|some|an estimated|estimated|circa)\s+$/i, label: 'about' },
];

/** The qualifier that ends `before` (the text right before a number), and where it starts there. */
export function qualifierBefore(before: string): { label: QualifierLabel; index: number } | undefined {
  let found: { label: QualifierLabel; index: number } | undefined;
  for (const { pattern, label } of QUALIFIERS) {
    const m = pattern.exec(before);
    if (m && (!found || m.index < found.index)) found = { label, index: m.index };
  }
  return found;
}
