// Numbers written as digits or words, with the interval a vague amount stands for ("thousands" = [2000, 10000)).

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 100], scores: [40, 100], hundreds: [200, 1000], thousands: [2000, 10000],
  millions: [2e6, 1e7], billions: [2e9, 1e10],
};

export interface ParsedNumber {
  value: number;
  low: number;
  high: number;
  /** Length of the matched text. */
  length: number;
  vague: boolean;
  /** Written as a hyphenated compound modifier ("24-hour", "28-point"). */
  compound?: string;
}

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d)/;
const WORD = /^[a-z]+/i;
const SCALE_AFTER = /^[\s\u00a0]+(hundred|thousand|million|billion|trillion|m|bn)\b/i;

/** Parses a number at the start of `text`, or returns undefined. `text` should start at a word boundary. */
export function parseNumberAt(text: string): ParsedNumber | undefined {
  const digits = DIGITS.exec(text);
  if (digits) {
    let value = Number(digits[1].replace(/,/g, '') + (digits[2] ? '.' + digits[2] : ''));
    let length = digits[0].length;
    const scale = SCALE_AFTER.exec(text.slice(length));
    if (scale) {
      const word = scale[1].toLowerCase();
      value *= word === 'm' ? 1e6 : word === 'bn' ? 1e9 : SCALES[word];
      length += scale[0].length;
    }
    const range = /^[-–](\d{1,3}(?:,\d{3})+|\d+)(?![\d\-–]|\.\d)/.exec(text.slice(length));
    if (range && !scale) {
      const high = Number(range[1].replace(/,/g, ''));
      if (high > value) return { value, low: value, high, length: length + range[0].length, vague: false };
    }
    return withCompound(text, { value, low: value, high: value, length, vague: false });
  }
  return parseWords(text);
}

function parseWords(text: string): ParsedNumber | undefined {
  const lower = text.toLowerCase();
  const tensOf = /^(?:tens|hundreds) of (thousands|millions)\b/.exec(lower);
  if (tensOf) {
    const base = tensOf[1] === 'thousands' ? 1e3 : 1e6;
    const factor = lower.startsWith('tens') ? 10 : 100;
    return { value: base * factor, low: base * factor, high: base * factor * 10, length: tensOf[0].length, vague: true };
  }
  const vague = /^[a-z]+/.exec(lower)?.[0];
  if (vague && VAGUE[vague]) {
    const [low, high] = VAGUE[vague];
    return { value: low, low, high, length: vague.length, vague: true };
  }
  if (/^a dozen\b/.test(lower)) return { value: 12, low: 12, high: 12, length: 7, vague: false };
  if (/^dozen\b/.test(lower)) return { value: 12, low: 12, high: 12, length: 5, vague: false };

  let total = 0;
  let current = 0;
  let length = 0;
  let matched = false;
  let rest = lower;
  for (;;) {
    const word = WORD.exec(rest)?.[0];
    if (!word) break;
    let consumed = word.length;
    if (UNITS[word] !== undefined) current += UNITS[word];
    else if (TENS[word] !== undefined) {
      current += TENS[word];
      const unit = /^[-\s]([a-z]+)/.exec(rest.slice(consumed));
      if (unit && UNITS[unit[1]] !== undefined && UNITS[unit[1]] < 10) {
        current += UNITS[unit[1]];
        consumed += unit[0].length;
      }
    } else if (SCALES[word] !== undefined && (matched || current > 0)) {
      if (word === 'hundred') current = (current || 1) * 100;
      else {
        total += (current || 1) * SCALES[word];
        current = 0;
      }
    } else break;
    matched = true;
    length += consumed;
    const gap = /^(?:\s+and\s+|[\s-]+)(?=[a-z])/.exec(rest.slice(consumed));
    const next = gap ? WORD.exec(rest.slice(consumed + gap[0].length))?.[0] : undefined;
    if (!gap || !next || !(next in UNITS || next in TENS || next in SCALES)) {
      rest = '';
      break;
    }
    length += gap[0].length;
    rest = rest.slice(consumed + gap[0].length);
  }
  if (!matched) return undefined;
  // "one" alone is too ambiguous to count ("one of the"); it counts only inside a number ("twenty-one").
  if (/^one$/.test(lower.slice(0, length))) return undefined;
  const value = total + current;
  if (!value) return undefined;
  return withCompound(text, { value, low: value, high: value, length, vague: false });
}

function withCompound(text: string, parsed: ParsedNumber): ParsedNumber {
  const compound = /^-([a-z]+)/i.exec(text.slice(parsed.length));
  if (compound && !/^(?:and|to|or)$/i.test(compound[1])) {
    return { ...parsed, compound: compound[1].toLowerCase(), length: parsed.length + compound[0].length };
  }
  return parsed;
}
