// Date quick fixes in the draft's own style (checks/dateStyle.ts), and through date/conflict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inDraftStyle } from '../../server/src/checks/dateStyle';
import type { DateClaim } from '../../server/src/model/types';
import { corpusOf, ruleFindings, single } from './helpers';

const date = (text: string, fields: Partial<DateClaim>): DateClaim =>
  ({ kind: 'date', text, span: { start: 0, end: text.length }, sentence: 0, inQuote: false, granularity: 'day', ...fields }) as DateClaim;

describe('inDraftStyle', () => {
  const october14 = date('14 October', { month: 10, day: 14 });
  it('a month abbreviated with a point, the day after it', () => assert.equal(inDraftStyle(date('Oct. 4', { month: 10, day: 4 }), october14), 'Oct. 14'));
  it('news style spells short months out', () => assert.equal(inDraftStyle(date('Oct. 4', { month: 10, day: 4 }), date('3 June', { month: 6, day: 3 })), 'June 3'));
  it('the day first, the month in full', () => assert.equal(inDraftStyle(date('4 October', { month: 10, day: 4 }), october14), '14 October'));
  it('a month cut short without a point', () => assert.equal(inDraftStyle(date('Oct 4', { month: 10, day: 4 }), october14), 'Oct 14'));
  it('the draft’s year is kept in its place', () =>
    assert.equal(inDraftStyle(date('October 4, 2025', { year: 2025, month: 10, day: 4 }), date('14 October 2025', { year: 2025, month: 10, day: 14 })), 'October 14, 2025'));
  it('a source weekday resolved to its day', () =>
    assert.equal(inDraftStyle(date('24 November', { month: 11, day: 24 }), date('Tuesday', { granularity: 'weekday', weekday: 2, resolved: '2025-11-25' })), '25 November'));
  it('an unresolved weekday stays the source’s word', () =>
    assert.equal(inDraftStyle(date('24 November', { month: 11, day: 24 }), date('Tuesday', { granularity: 'weekday', weekday: 2 })), 'Tuesday'));
  it('a draft weekday takes the source’s words', () => assert.equal(inDraftStyle(date('Wednesday', { granularity: 'weekday', weekday: 3 }), october14), '14 October'));
  it('a month or a year takes the source’s words', () => assert.equal(inDraftStyle(date('March 2022', { granularity: 'month', month: 3, year: 2022 }), date('February 2022', { granularity: 'month', month: 2, year: 2022 })), 'February 2022'));
});

describe('date/conflict suggests the sources’ day in the draft’s style', () => {
  const c = corpusOf(['The two leaders last spoke by phone on 14 October, when they discussed a summit in Budapest.\n']);
  it('"Oct. 4" against "14 October"', () => {
    const f = single(ruleFindings(c, 'The two leaders last spoke by phone on Oct. 4, when they discussed a summit in Budapest.\n', 'date/conflict'), 'Oct. 4');
    assert.deepEqual(f.suggestions, ['Oct. 14']);
    assert.match(f.message, /“14 October”/);
  });
});
