// Dates: absolute and partial dates, bare years, weekdays resolved against the document's date, durations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/extract/document';
import { datelineAt, extractDates, mayHoldDates, resolveWeekday } from '../../server/src/extract/dates';
import { paragraphsOf, sentencesOf } from '../../server/src/text/segment';
import { datesAgree } from '../../server/src/match/compare';
import type { DateClaim } from '../../server/src/model/types';
import { seedSentences } from './helpers';

type Expect = Partial<Pick<DateClaim, 'text' | 'granularity' | 'year' | 'month' | 'day' | 'weekday' | 'resolved' | 'low' | 'high' | 'years' | 'inQuote' | 'lowOpen' | 'highOpen' | 'ceiling'>>;

/** 26 November 2025 was a Wednesday. */
const DOC_DATE = '2025-11-26';

function dates(text: string): DateClaim[] {
  return analyzeText(text, { documentDate: DOC_DATE }).dates;
}

const CASES: Array<[string, Expect[], string?]> = [
  ['The invasion began in February 2022.', [{ text: 'February 2022', granularity: 'month', year: 2022, month: 2, day: undefined }]],
  ['Talks were held in Alaska in August.', [{ text: 'August', granularity: 'month', month: 8, year: undefined }], 'a month alone'],
  ['The call took place on 14 October.', [{ text: '14 October', granularity: 'day', day: 14, month: 10, year: undefined }], 'day and month, "on" left out of the span'],
  ['The call took place on October 14, 2025.', [{ text: 'October 14, 2025', granularity: 'day', day: 14, month: 10, year: 2025 }]],
  ['The report came out on 18 November 2025.', [{ text: '18 November 2025', granularity: 'day', day: 18, month: 11, year: 2025 }]],
  ['The ceasefire began on 2025-11-26.', [{ text: '2025-11-26', granularity: 'day', year: 2025, month: 11, day: 26 }], 'ISO'],
  ['They met on Nov. 25 in Geneva.', [{ text: 'Nov. 25', granularity: 'day', month: 11, day: 25 }]],
  ['May 9 is Victory Day.', [{ text: 'May 9', month: 5, day: 9 }], 'May the month'],
  ['They met in May 2024.', [{ text: 'May 2024', granularity: 'month', month: 5, year: 2024 }]],
  // Years that are not counts, and counts that are not years.
  ['Russia annexed Crimea in 2014.', [{ text: '2014', granularity: 'year', year: 2014 }], 'in 2014: a year, not a count'],
  ["Ukraine's 2014 annexation of Crimea is disputed.", [{ text: '2014', granularity: 'year', year: 2014 }], 'a year used as a modifier'],
  ['In 1991 Ukraine became independent.', [{ text: '1991', year: 1991 }]],
  ['More than 460 drones hit 2,000 homes in 2025.', [{ text: '2025', year: 2025 }], '2,000 is a count, not the year 2000'],
  ['There were 2014 people at the rally.', [], 'a year-like number before "people" is not a year'],
  ['The 24-hour ceasefire and 03:59 alarm.', [], 'neither a compound modifier nor a clock time is a date'],
  ['He sailed with the coast guard in the 2000s and the 1990s.', [], 'a decade is not a year'],
  ['The mill closed in 2006, and its 1990s boom was long gone.', [{ text: '2006', year: 2006 }], 'a year beside a decade'],
  // May the verb.
  ['Something good just may be happening.', [], '"may" as a verb'],
  ['The meeting may take place soon.', [], '"may" as a verb'],
  // Weekdays, resolved against the document's own date.
  ['Zelensky spoke on Tuesday.', [{ text: 'Tuesday', granularity: 'weekday', weekday: 2, resolved: '2025-11-25' }]],
  ['Zelensky spoke on Wednesday.', [{ text: 'Wednesday', weekday: 3, resolved: '2025-11-26' }], 'the document day itself'],
  ['Zelensky spoke on Thursday.', [{ text: 'Thursday', weekday: 4, resolved: '2025-11-20' }], 'a later weekday is last week'],
  ['Talks ran on Monday and Tuesday.', [{ text: 'Monday', weekday: 1, resolved: '2025-11-24' }, { text: 'Tuesday', weekday: 2, resolved: '2025-11-25' }]],
  ['Tuesday, 25 November 2025 was cold.', [{ granularity: 'day', day: 25, month: 11, year: 2025, weekday: 2 }], 'a full date with its weekday is a day'],
  // Durations, as intervals in years.
  ['The war has lasted nearly four years.', [{ text: 'nearly four years', granularity: 'duration', years: 4, low: 3.5, high: 4 }]],
  ['The war has lasted almost four years.', [{ text: 'almost four years', years: 4, low: 3.5, high: 4 }]],
  ['They have fought for more than three years.', [{ text: 'more than three years', years: 3, low: 3, high: Infinity }]],
  ['It ended a nearly three-year war.', [{ text: 'nearly three-year', granularity: 'duration', years: 3, low: 2.5, high: 3 }], 'hyphenated duration'],
  ['The siege lasted 18 months.', [{ text: '18 months', granularity: 'duration', years: 1.5 }], 'months in years'],
  ['She was jailed for 11 years and three months.', [{ text: '11 years and three months', granularity: 'duration', years: 11.25 }], 'years and months are one length'],
  // The same qualifier words as figures (extract/qualifiers.ts), each with a length of time's own interval.
  ['He has led the party for close to 11 years.', [{ text: 'close to 11 years', years: 11, low: 10.5, high: 11, highOpen: true }], '"close to" is "nearly"'],
  ['The mine ran for in excess of 20 years.', [{ text: 'in excess of 20 years', years: 20, low: 20, high: Infinity, lowOpen: true }], '"in excess of" is "more than"'],
  ['He faces no more than five years in prison.', [{ text: 'no more than five years', years: 5, low: 0, high: 5, ceiling: true }], '"no more than" is a ceiling'],
  ['The project took under two years.', [{ text: 'under two years', years: 2, low: 0, high: 2, highOpen: true }], '"under" is "fewer than"'],
  ['The siege lasted two years, and three months later the city fell.', [{ text: 'two years', years: 2 }, { text: 'three months', years: 0.25 }], 'a later span is its own'],
  // Quotes.
  ['He said "we met on 14 October" and left.', [{ text: '14 October', inQuote: true }], 'a date inside a quote'],
];

describe('extractDates: table', () => {
  for (const [text, expected, why] of CASES) {
    it(`${JSON.stringify(text)}${why ? ` (${why})` : ''}`, () => {
      const found = dates(text);
      assert.equal(found.length, expected.length, `dates: ${JSON.stringify(found.map((d) => d.text))}`);
      expected.forEach((e, i) => {
        for (const [k, v] of Object.entries(e)) assert.deepEqual(found[i][k as keyof DateClaim], v, `${k} of ${JSON.stringify(found[i].text)}`);
        assert.equal(text.slice(found[i].span.start, found[i].span.end), found[i].text);
        if (!('inQuote' in e)) assert.equal(found[i].inQuote, false);
      });
    });
  }

  it('leaves a weekday unresolved when the document has no date', () => {
    const [d] = analyzeText('Zelensky spoke on Tuesday.').dates;
    assert.equal(d.weekday, 2);
    assert.equal(d.resolved, undefined);
  });

  it('resolves weekdays against the date in the document\'s front matter', () => {
    const text = '---\ntitle: x\ndate: 2025-11-25\n---\nZelensky spoke on Monday.';
    const [d] = analyzeText(text).dates;
    assert.equal(d.resolved, '2025-11-24');
  });

  it('reads numeric dates day-first or month-first as told', () => {
    const text = 'The meeting on 03.12.2025 was short.';
    const sentences = sentencesOf(paragraphsOf(text));
    const [dayFirst] = extractDates(text, sentences, [], { dayFirst: true });
    assert.deepEqual([dayFirst.day, dayFirst.month, dayFirst.year], [3, 12, 2025]);
    const [monthFirst] = extractDates(text, sentences, [], { dayFirst: false });
    assert.deepEqual([monthFirst.day, monthFirst.month, monthFirst.year], [12, 3, 2025]);
  });

  it('reads a numeric date by the document\'s own spelling conventions', () => {
    const british = analyzeText('The organisation met on 03.12.2025 in the centre of town, on 14 October and 2 November.').dates[0];
    assert.deepEqual([british.day, british.month], [3, 12]);
    const american = analyzeText('The organization met on 03.12.2025 in the center of town, on October 14 and November 2.').dates[0];
    assert.deepEqual([american.day, american.month], [12, 3]);
  });

  // Regression (was an engine bug, fixed in eb95b2e): every weekday resolves to the most recent one on or before the document date, so "next Monday" (26 Nov) becomes 24 Nov
  it('resolves "next Monday" forward, not to the Monday before', () => {
    const [d] = dates('Witkoff will fly to Moscow next Monday.');
    assert.equal(d.resolved, '2025-12-01');
  });

  // Regression (was an engine bug, fixed in eb95b2e): "two-year-old" is extracted as a two-year duration, which can then clash with the duration of an event
  it('does not read an age ("a two-year-old child") as a duration', () => {
    assert.deepEqual(dates('A two-year-old child was hurt.'), []);
  });

  // Regression (was an engine bug, fixed in eb95b2e): a bare duration gets [v, v + 0.99] years even in months, so "18 months" (1.5 years) agrees with "two years"
  it('gives a duration in months a month-sized interval', () => {
    const [months] = dates('The siege lasted 18 months.');
    const [years] = dates('The siege lasted two years.');
    assert.equal(datesAgree(months, years), false);
  });
});

// Issue 12: datelines, publication and update lines, metadata lines, links and reference lists state no event.
describe('extractDates: dates that date no event', () => {
  const NOT_EVENTS: Array<[string, string[], string]> = [
    ['Halvorsk, 12 March 2024 — The ferry to Dunmere ran aground on Monday.', ['Monday'], 'a dateline with a date'],
    ['PORTAVEN, FEB. 9, 2024 — Dock workers walked out in January.', ['January'], 'a capitalised dateline, month-first'],
    ['BRELLMOUTH (Wirepost) - Dock workers walked out on Friday.', ['Friday'], 'an agency dateline'],
    ['Published 3 March 2024\n\nThe mill closed in June.', ['June'], 'a publication line'],
    ['Updated 18:02 GMT, 5 May\n\nThe mill closed in June.', ['June'], 'an update line with a time'],
    ['Updated by Wirepost on 6 May 2024\n\nThe mill closed in June.', ['June'], 'an update line naming the outlet'],
    ['By Orla Quint | 4 April 2024\n\nThe mill closed in June.', ['June'], 'a byline'],
    ['Masthead\n03.12.2025\n\nThe mill closed in June.', ['June'], 'a bare date line'],
    [' date 2025-11-25 The mill closed in June.', ['June'], 'a date label opening the text'],
    ['The full ruling (https://court.example/rulings/2023-06-14/quay-mill) took effect in July.', ['July'], 'a date inside a link'],
    ['The mill closed in June.\n\n[3] Harbour board, minutes, 2 February 2021.', ['June'], 'a numbered reference'],
    ['The mill closed in June.\n\nWirepost, "Quay mill to close", retrieved 5 May 2024.', ['June'], 'a retrieved-on reference'],
    ['The mill closed in June.\n\n## References\n\n- Wirepost, "Quay mill to close", 14 June 2023.', ['June'], 'a reference list under its heading'],
    ['Updated figures released on Monday showed the mill closed in June.', ['Monday', 'June'], '"Updated" as a word of the sentence'],
    ['On Monday — a day after the vote — the mill closed.', ['Monday'], 'a dash after a weekday is no dateline'],
    ['By Christmas 2023 the mill had closed.', ['2023'], '"By" opening prose is no byline'],
  ];
  for (const [text, expected, why] of NOT_EVENTS) {
    it(`${why}: ${JSON.stringify(text.slice(0, 60))}`, () => assert.deepEqual(analyzeText(text).dates.map((d) => d.text), expected));
  }

  it('datelineAt reads only the text\'s opening, with or without a date', () => {
    assert.deepEqual(datelineAt('WASHINGTON, NOV. 25, 2025 —\nText.'), { place: 'WASHINGTON', date: 'NOV. 25, 2025', end: 28 });
    assert.equal(datelineAt('KYIV — Text.')?.place, 'KYIV');
    assert.equal(datelineAt('A headline of the story\nKYIV — Text.'), undefined, 'a later line is not this text\'s opening');
    assert.equal(datelineAt('Zelensky, Putin — the two men met.'), undefined);
  });

  it('a dateline sets the document\'s own date, against which weekdays resolve', () => {
    const [monday] = analyzeText('Halvorsk, 12 March 2024 — The ferry to Dunmere ran aground on Monday.').dates;
    assert.equal(monday.resolved, '2024-03-11');
    assert.equal(monday.zone, 'Halvorsk');
  });
});

describe('extractDates: near midnight, and datesAgree across time zones', () => {
  const one = (text: string, documentDate?: string, zone?: string) => {
    const sentences = sentencesOf(paragraphsOf(text));
    return extractDates(text, sentences, [], { documentDate, zone })[0];
  };
  it('marks "late Monday", "overnight", "early Tuesday", "Monday night" and "(local time)"', () => {
    for (const text of ['Drones struck late Monday.', 'Drones struck late on Monday.', 'Drones struck early Tuesday.', 'Drones struck on Monday night.', 'Drones struck overnight on Monday.', 'Drones struck on Monday (local time).', 'Strikes went on from Monday into Tuesday.']) {
      assert.equal(one(text).nearMidnight, true, text);
    }
    assert.equal(one('Drones struck on Monday.').nearMidnight, undefined);
  });
  it('a day apart agrees only near midnight or across datelines in two places', () => {
    assert.equal(datesAgree(one('Drones struck late Monday.'), one('Drones struck on Tuesday.')), true);
    assert.equal(datesAgree(one('Drones struck on Monday.'), one('Drones struck on Tuesday.')), false);
    assert.equal(datesAgree(one('Drones struck late Monday.'), one('Drones struck on Wednesday.')), false, 'two days apart');
    assert.equal(datesAgree(one('Drones struck on Monday.', DOC_DATE, 'Kyiv'), one('Drones struck on Tuesday.', DOC_DATE, 'Washington')), true);
    assert.equal(datesAgree(one('Drones struck on Monday.', DOC_DATE, 'Kyiv'), one('Drones struck on Tuesday.', DOC_DATE, 'KYIV')), false, 'one place');
    assert.equal(datesAgree(one('Drones struck on 3 May.', undefined, 'Kyiv'), one('Drones struck on 4 May.', undefined, 'Washington')), true, 'calendar days');
  });
});

describe('resolveWeekday', () => {
  it('resolves to the most recent such weekday on or before the date', () => {
    assert.equal(resolveWeekday('2025-11-26', 2), '2025-11-25');
    assert.equal(resolveWeekday('2025-11-26', 3), '2025-11-26');
    assert.equal(resolveWeekday('2025-11-26', 4), '2025-11-20');
    assert.equal(resolveWeekday('2025-03-02', 6), '2025-03-01', 'across a month end');
    assert.equal(resolveWeekday('2025-01-01', 0), '2024-12-29', 'across a year end');
  });

  it('always lands on the weekday, within the six days before', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.integer({ min: 0, max: 6 }), (ms, weekday) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        const out = resolveWeekday(iso, weekday);
        const back = (Date.parse(iso) - Date.parse(out)) / 86400000;
        assert.equal(new Date(out + 'T12:00:00Z').getUTCDay(), weekday);
        assert.ok(back >= 0 && back <= 6, `${iso} → ${out}`);
      }),
    );
  });
});

// ---- Properties ----

const TOKENS = [
  ' ', ' ', ' ', '. ', ', ', '\n', '\n\n', '"', '“', '”', '-', '/', '.', ':',
  'on', 'in', 'since', 'the', 'may', 'May', 'be', 'Tuesday', 'Monday', 'last', 'next', 'October', 'Nov.', '14', '2014', '2025', '03.12.2025',
  '2025-11-26', '03:59', 'nearly', 'four', 'years', 'three-year', 'months', 'more than', '18', 'annexation', "Ukraine's", 'said', 'war',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));

function assertDateInvariants(text: string, documentDate?: string) {
  const a = analyzeText(text, { documentDate });
  for (const d of a.dates) {
    assert.ok(0 <= d.span.start && d.span.start < d.span.end && d.span.end <= text.length, `span inside text: ${JSON.stringify(d)}`);
    assert.equal(text.slice(d.span.start, d.span.end), d.text);
    assert.ok(d.sentence >= 0 && d.sentence < a.sentences.length);
    if (d.month !== undefined) assert.ok(d.month >= 1 && d.month <= 12);
    if (d.day !== undefined) assert.ok(d.day >= 1 && d.day <= 31);
    if (d.granularity === 'duration') assert.ok((d.low ?? 0) <= (d.high ?? 0));
    if (d.granularity === 'weekday') assert.ok(d.weekday !== undefined && d.weekday >= 0 && d.weekday <= 6);
  }
}

describe('extractDates: properties', () => {
  it('never throws on arbitrary text; spans inside the text and slice to the claim', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (t) => assertDateInvariants(t, DOC_DATE)), { numRuns: 200 });
  });

  it('never throws on date-heavy token soup, with and without a document date', () => {
    fc.assert(fc.property(tokenSoup, fc.boolean(), (t, dated) => assertDateInvariants(t, dated ? DOC_DATE : undefined)), { numRuns: 300 });
  });

  it('never throws on shuffled seed sentences', () => {
    const sentences = seedSentences();
    fc.assert(
      fc.property(fc.shuffledSubarray(sentences, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '\n', '\n\n'), (picked, sep) => assertDateInvariants(picked.join(sep), DOC_DATE)),
      { numRuns: 100 },
    );
  });
  it('mayHoldDates rules out only text in which extractDates finds nothing', () => {
    // The corpus skips extraction for sentences this rules out, so it must never rule out a date.
    const holds = (text: string) => {
      if (mayHoldDates(text)) return;
      for (const documentDate of [DOC_DATE, undefined]) {
        assert.deepEqual(extractDates(text, [{ start: 0, end: text.length, text, paragraph: 0 }], [], { documentDate }), [], text);
      }
    };
    fc.assert(fc.property(tokenSoup, holds), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), holds), { numRuns: 200 });
    for (const sentence of seedSentences()) holds(sentence);
  });
});

describe('extractDates: a sum of terms', () => {
  it('marks a duration told as a total, and not a plain one', () => {
    assert.deepEqual(dates('She was sentenced to a total of 24 years in prison.').map((d) => [d.text, !!d.total]), [['24 years', true]]);
    assert.deepEqual(dates('She was given a cumulative prison sentence of 31 years.').map((d) => [d.text, !!d.total]), [['31 years', true]]);
    assert.deepEqual(dates('She was sentenced to six years in prison.').map((d) => [d.text, !!d.total]), [['six years', false]]);
  });
});
