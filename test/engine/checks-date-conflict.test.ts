// date/conflict: a date, month, year, weekday or duration that disagrees with the sources' date for the same event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

Zelensky welcomed the changes to the peace plan on Monday, his office said.

Lavrov said the summit in Alaska in August had set the spirit of any deal.

Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2022.

Bloomberg published a transcript of a call on 14 October between Witkoff and Ushakov.

The war has now lasted almost four years.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
outlet: Wire Two
---

Zelensky welcomed the changes to the peace plan on Monday, saying the steps were doable.

The transcript of the 14 October call between Witkoff and Ushakov was published by Bloomberg.
`;
const corpus = corpusOf([ONE, TWO]);
const dated = (body: string) => `---\ndate: 2025-11-26\n---\n${body}`;
const conflicts = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'date/conflict', options);

describe('date/conflict fires', () => {
  const FIRES: Array<[string, string, string[], string]> = [
    [dated('Zelensky welcomed the changes to the peace plan on Wednesday, his office said.'), 'Wednesday', ['Monday'], 'a weekday'],
    ['Lavrov said the summit in Alaska in September had set the spirit of any deal.', 'September', ['August'], 'a month'],
    ['Russia annexed Crimea in 2016 and launched its full-scale invasion in February 2022.', '2016', ['2014'], 'a bare year (Crimea)'],
    ['Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2023.', 'February 2023', ['February 2022'], 'month and year'],
    ['Bloomberg published a transcript of a call on 14 November between Witkoff and Ushakov.', '14 November', ['14 October'], 'day and month'],
  ];
  for (const [draft, covering, suggestions, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestions)}`, () => {
      const f = single(conflicts(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, suggestions);
      assert.ok(f.message.includes(`none has “${covering}”`), f.message);
      assertEvidence(corpus, f);
    });
  }

  it('counts the sources: two say Monday', () => {
    const f = single(conflicts(dated('Zelensky welcomed the changes to the peace plan on Wednesday, his office said.')), 'Wednesday');
    assert.match(f.message, /2 sources say “Monday”/);
    assert.equal(f.evidence.length, 2);
  });

  it('a duration: "more than five years" against "almost four years"', () => {
    const f = single(conflicts('The war has now lasted more than five years.'), 'more than five years');
    assert.deepEqual(f.suggestions, ['almost four years']);
  });

  // Regression (was an engine bug, fixed in eb95b2e): a duration is also extracted as a figure (unit "year"), so "more than five years" gets both figure/conflict and date/conflict on the same range
  it('reports one mistake once', () => {
    const found = findingsOf(corpus, 'The war has now lasted more than five years.');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.rule)));
  });

  // Regression (was an engine bug, fixed in eb95b2e): weekdays are only compared with weekdays, so "on 20 November" is never checked against the sources' "on Monday" (24 November for a source dated 25 November), though the design asks for resolved relative days
  it('compares a calendar date with a weekday after resolving it', () => {
    const f = single(conflicts(dated('Zelensky welcomed the changes to the peace plan on 20 November, his office said.')), '20 November');
    assert.ok(f.suggestions.some((s) => /Monday|24 November/.test(s)), JSON.stringify(f.suggestions));
  });
});

describe('date/conflict with dated sources and drafts', () => {
  const sentence = 'Russia and Ukraine exchanged heavy missile and drone attacks late Monday into Tuesday.';
  it('a weekday a week away in a source is another event', () => {
    const c = corpusOf([`---\ndate: 2025-11-11\n---\nZelensky spoke to reporters in Kyiv on Monday.\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-25\n---\nZelensky spoke to reporters in Kyiv on Tuesday.\n`, 'date/conflict'), []);
  });
  it('the same weekdays in the same week agree', () => {
    const c = corpusOf([`---\ndate: 2025-11-25\n---\n${sentence}\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-26\n---\n${sentence}\n`, 'date/conflict'), []);
  });
  it('a source sentence copied word for word into a draft dated a week later is not a conflict', () => {
    const c = corpusOf([`---\ndate: 2025-11-18\n---\n${sentence}\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-25\n---\n${sentence}\n`, 'date/conflict').map((f) => `${f.text} → ${f.suggestions}`), []);
  });
});

describe('date/conflict stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    [dated('Zelensky welcomed the changes to the peace plan on Monday, his office said.'), 'the same weekday'],
    ['Lavrov said the summit in Alaska in August had set the spirit of any deal.', 'the same month'],
    ['Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2022.', 'the same years'],
    ['Russia annexed Crimea in 2016 and launched its full-scale invasion in February 2022.', 'the right date beside a wrong one'],
    ['Bloomberg published a transcript of a call on 14 October 2025 between Witkoff and Ushakov.', 'a fuller form of the same date'],
    ['The war has now lasted nearly four years.', 'a duration inside the sources\' interval'],
    ['Lavrov said the summit in Alaska in August had set the spirit of any deal. "We met in September," he said.', 'a date inside a quote'],
    ['The city of Lviv was founded in 1256, and its old town was listed by Unesco in 1998.', 'unrelated dates'],
    ['Zelensky will visit Washington in December, his office said.', 'an event the sources do not date'],
    ['The 24-hour ceasefire ended at 03:59 on the front line.', 'neither a time nor a compound is a date'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => {
      const found = conflicts(draft);
      const wrong = why === 'the right date beside a wrong one' ? found.filter((f) => f.text !== '2016') : found;
      assert.deepEqual(wrong.map((f) => f.text), []);
    });
  }
});

describe('date/conflict settings', () => {
  const draft = 'Lavrov said the summit in Alaska in September had set the spirit of any deal.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'date/conflict')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(conflicts(draft, { severities: { 'date/conflict': 'hint' } }), 'September').severity, 'hint'));
  it('is silenced by "off"', () => assert.deepEqual(conflicts(draft, { severities: { 'date/conflict': 'off' } }), []));
  it('is silenced on the next line by a bare corroborate-disable-next-line', () => assert.deepEqual(conflicts(`<!-- corroborate-disable-next-line -->\n\n${draft}`), []));
});
