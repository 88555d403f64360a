// A figure told as the sum of several ("sentenced to a total of 31 years in prison and 154 lashes").

/**
 * Words before a number, within its clause, that make it a sum: "a total of", "totalling", "a cumulative sentence of",
 * "amounting to". The clause may go on to a second number of the same sum ("… 31 years in prison and 154 lashes").
 */
const SUM_BEFORE = /\b(?:total(?:l?ing|\s+of)|cumulative|amounting\s+to|adding\s+up\s+to)\b[^,.;:!?()]{0,40}$/i;

/** Whether the text just before a number (at most a few dozen characters) tells it as a sum of several. */
export function toldAsTotal(before: string): boolean {
  return SUM_BEFORE.test(before);
}
