// parseNumberAt: digits, separators, scales, number words, vague amounts, ranges and compound modifiers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseNumberAt, type ParsedNumber } from '../../server/src/extract/numbers';

type Expect = Partial<ParsedNumber> | undefined;

const CASES: Array<[string, Expect, string?]> = [
  ['2,000', { value: 2000, low: 2000, high: 2000, length: 5, vague: false }, 'thousands separator'],
  ['2,000 drones', { value: 2000, length: 5 }],
  ['1,000,000', { value: 1e6, length: 9 }],
  ['464', { value: 464, length: 3 }],
  ['3.5', { value: 3.5, length: 3 }],
  ['1.5 million', { value: 1.5e6, low: 1.5e6, high: 1.5e6, length: 11, vague: false }, 'decimal with a scale word'],
  ['1.5 million people', { value: 1.5e6, length: 11 }],
  ['2 billion', { value: 2e9, length: 9 }],
  ['2 bn', { value: 2e9, length: 4 }],
  ['40 thousand', { value: 40000, length: 11 }],
  ['24-hour', { value: 24, length: 7, compound: 'hour' }, 'compound modifier: the hyphenated noun is taken with the number'],
  ['28-point plan', { value: 28, length: 8, compound: 'point' }],
  ['seven-year', { value: 7, length: 10, compound: 'year' }],
  ['03:59', { value: 3, length: 2 }, 'a clock time: only the hour digits parse; the figure extractor rejects it'],
  ['1st', { value: 1, length: 1 }, 'ordinal suffix is not consumed; the figure extractor rejects it'],
  ['2014', { value: 2014, length: 4 }, 'a year parses as a number; the figure extractor rejects it'],
  ['10-12 people', { value: 10, low: 10, high: 12, length: 5, vague: false }, 'hyphenated range'],
  ['10–12', { value: 10, low: 10, high: 12, length: 5 }, 'en-dash range'],
  ['1,000-2,000', { value: 1000, low: 1000, high: 2000, length: 11 }],
  ['12-10', { value: 12, low: 12, high: 12, length: 2 }, 'a descending pair is not a range'],
  ['seven', { value: 7, length: 5 }],
  ['Seven', { value: 7, length: 5 }],
  ['twenty-two', { value: 22, low: 22, high: 22, length: 10, vague: false }, 'hyphenated number word'],
  ['Twenty-two missiles', { value: 22, length: 10 }],
  ['twenty two', { value: 22, length: 10 }],
  ['ninety-nine', { value: 99, length: 11 }],
  ['forty', { value: 40, length: 5 }],
  ['forty and', { value: 40, length: 5 }, '"and" not followed by a number word is not taken'],
  ['three hundred and twelve', { value: 312, length: 24 }],
  ['two thousand five hundred', { value: 2500, length: 25 }],
  ['five million', { value: 5e6, length: 12 }],
  ['a dozen', { value: 12, low: 12, high: 12, length: 7, vague: false }],
  ['dozens', { value: 24, low: 24, high: 100, length: 6, vague: true }],
  ['hundreds', { value: 200, low: 200, high: 1000, length: 8, vague: true }],
  ['Thousands of people', { value: 2000, low: 2000, high: 10000, length: 9, vague: true }],
  ['millions', { value: 2e6, low: 2e6, high: 1e7, vague: true }],
  ['tens of thousands', { value: 1e4, low: 1e4, high: 1e5, length: 17, vague: true }, 'vague amount as an interval'],
  ['Tens of thousands of people', { value: 1e4, low: 1e4, high: 1e5, length: 17, vague: true }],
  ['hundreds of thousands', { value: 1e5, low: 1e5, high: 1e6, length: 21, vague: true }],
  ['tens of millions', { value: 1e7, low: 1e7, high: 1e8, vague: true }],
  ['one', undefined, '"one" is too ambiguous ("one of the") to read as a count'],
  ['one of the', undefined],
  ['second', undefined, 'ordinal word'],
  ['first', undefined],
  ['million', undefined, 'a scale word alone is not a number'],
  ['the', undefined],
  ['', undefined],
  [' 5', undefined, 'must start at the number'],
];

describe('parseNumberAt: table', () => {
  for (const [text, expected, why] of CASES) {
    it(`${JSON.stringify(text)}${why ? ` (${why})` : ''}`, () => {
      const parsed = parseNumberAt(text);
      if (expected === undefined) {
        assert.equal(parsed, undefined);
        return;
      }
      assert.ok(parsed, 'parses');
      for (const [k, v] of Object.entries(expected)) assert.equal(parsed[k as keyof ParsedNumber], v, `${k} of ${JSON.stringify(text)}`);
      if (!('compound' in expected)) assert.equal(parsed.compound, undefined, 'no compound');
    });
  }
});

// Spelling out 2..999 independently of the parser, to check it round-trips.
const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function words(n: number, sep: '-' | ' '): string {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? sep + ONES[n % 10] : '');
  const rest = n % 100;
  return `${ONES[Math.floor(n / 100)]} hundred${rest ? ' and ' + words(rest, sep) : ''}`;
}

describe('parseNumberAt: properties', () => {
  it('never throws; a parse is a non-empty prefix with low <= value <= high', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const parsed = parseNumberAt(text);
        if (!parsed) return;
        assert.ok(parsed.length > 0 && parsed.length <= text.length, `length ${parsed.length} within ${JSON.stringify(text)}`);
        assert.ok(!Number.isNaN(parsed.value));
        assert.ok(parsed.low <= parsed.value && parsed.value <= parsed.high, JSON.stringify(parsed));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on number-like token soup', () => {
    const token = fc.constantFrom('1', '22', '2,000', '1.5', ' ', '-', '–', ',', '.', ':', 'million', 'bn', 'm', 'twenty', 'two', 'hundred', 'and', 'tens of', 'thousands', 'of', 'hour', 'st', 'a dozen', 'dozens', '\n', '%');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }).map((t) => t.join('')), (text) => {
        const parsed = parseNumberAt(text);
        if (parsed) assert.ok(parsed.length > 0 && parsed.length <= text.length && parsed.low <= parsed.high);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every integer written with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.boolean(), (n, grouped) => {
        const text = grouped ? n.toLocaleString('en-US') : String(n);
        const parsed = parseNumberAt(text + ' drones');
        assert.ok(parsed);
        assert.equal(parsed.value, n);
        assert.equal(parsed.length, text.length);
      }),
    );
  });

  it('reads every number from two to 999 spelled out, hyphenated or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999 }), fc.constantFrom('-' as const, ' ' as const), (n, sep) => {
        const text = words(n, sep);
        const parsed = parseNumberAt(text + ' missiles');
        assert.ok(parsed, text);
        assert.equal(parsed.value, n, text);
        assert.equal(parsed.length, text.length, text);
      }),
    );
  });

  // Regression (was an engine bug, fixed in eb95b2e): "one" is missing from the number words, so "twenty-one" parses as 20 with compound "one" and "one hundred" does not parse
  it(
    'reads numbers spelled with "one": twenty-one, thirty one, one hundred',
    () => {
      assert.equal(parseNumberAt('twenty-one missiles')?.value, 21);
      assert.equal(parseNumberAt('twenty-one missiles')?.compound, undefined);
      assert.equal(parseNumberAt('thirty one drones')?.value, 31);
      assert.equal(parseNumberAt('one hundred people')?.value, 100);
      assert.equal(parseNumberAt('four hundred and forty-one drones')?.value, 441);
    },
  );

  it('reads every ascending range a-b as the interval [a, b]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (a, d) => {
        const parsed = parseNumberAt(`${a}-${a + d} people`);
        assert.ok(parsed);
        assert.deepEqual([parsed.value, parsed.low, parsed.high], [a, a, a + d]);
      }),
    );
  });
});
