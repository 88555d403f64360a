// sources/disagree: the sources disagree among themselves on a claim the draft follows one of. Say so, with counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusDisagreements, RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const ONE = `---
title: A
date: 2025-11-25
outlet: Wire One
---

Trump told reporters that "something good just may be happening" in Geneva.

EU foreign policy chief Kaja Kallas said Russia should "definitely not" rejoin the G8.

Russia launched 22 missiles at Kyiv overnight, the Ukrainian air force said.

The summit in Alaska took place in August, the Kremlin said.

"We will not give up our land," Zelensky said.
`;
const TWO = `---
title: B
date: 2025-11-25
outlet: Wire Two
---

Trump told reporters that "something good may be happening" in Geneva.

UK Prime Minister Keir Starmer said Russia should "definitely not" rejoin the G8.

Russia launched 22 missiles at Kyiv overnight, the Ukrainian air force said.

"We will not give up our land," Zelensky said.
`;
const THREE = `---
title: C
date: 2025-11-25
outlet: Wire Three
---

Russia launched 20 missiles at Kyiv overnight, the Ukrainian air force said.

The summit in Alaska took place in July, the Kremlin said.
`;
const corpus = corpusOf([ONE, TWO, THREE]);
const disagree = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'sources/disagree', options);

describe('sources/disagree fires', () => {
  const FIRES: Array<[string, string, RegExp, number, string]> = [
    ['Trump told reporters that "something good just may be happening" in Geneva.', 'something good just may be happening', /the wording of this quote: 1 source says “something good just may be happening”; 1 source says “something good may be happening”/, 2, 'quote wording, draft follows one'],
    ['Trump told reporters that "something good may be happening" in Geneva.', 'something good may be happening', /the wording of this quote/, 2, 'quote wording, draft follows the other'],
    ['Kaja Kallas said Russia should "definitely not" rejoin the G8.', 'definitely not', /who said this: 1 source says “Kaja Kallas”; 1 source says “Keir Starmer”/, 2, 'the speaker'],
    ['Russia should "definitely not" rejoin the G8, European leaders said.', 'definitely not', /who said this/, 2, 'the speaker, draft names none'],
    ['Russia launched 22 missiles at Kyiv overnight, the air force said.', '22 missiles', /this figure: 2 sources say “22 missiles”; 1 source says “20 missiles”/, 3, 'a figure, draft follows the majority'],
    ['Russia launched 20 missiles at Kyiv overnight, the air force said.', '20 missiles', /this figure: 2 sources say “22 missiles”; 1 source says “20 missiles”/, 3, 'a figure, draft follows the minority'],
    ['The summit in Alaska took place in August, the Kremlin said.', 'August', /this date: 1 source says “August”; 1 source says “July”/, 2, 'a date'],
    ['The summit in Alaska took place in July, the Kremlin said.', 'July', /this date/, 2, 'a date, the other way'],
  ];
  for (const [draft, covering, message, evidence, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)}`, () => {
      const f = single(disagree(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'information', 'a notice: the draft follows a source');
      assert.match(f.message, message);
      assert.deepEqual(f.suggestions, [], 'never picks a side');
      assert.equal(f.evidence.length, evidence, 'cites every source that states it');
      assertEvidence(corpus, f);
    });
  }

  it('is not a conflict when the draft follows a source', () => {
    for (const draft of ['Russia launched 20 missiles at Kyiv overnight, the air force said.', 'The summit in Alaska took place in July, the Kremlin said.', 'Trump told reporters that "something good may be happening" in Geneva.']) {
      assert.deepEqual(findingsOf(corpus, draft).map((f) => f.rule), ['sources/disagree'], draft);
    }
  });
});

describe('sources/disagree stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['"We will not give up our land," Zelensky said.', 'all sources agree'],
    ['Russia launched 464 drones at Odesa overnight, the navy said.', 'an unrelated figure'],
    ['Marco Rubio said "we are not there yet" after the call.', 'a quote no source has'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(disagree(draft).map((f) => f.text), []));
  }

  it('a draft that follows no source gets a conflict that lists every variant instead', () => {
    const findings = findingsOf(corpus, 'Russia launched 25 missiles at Kyiv overnight, the air force said.');
    assert.deepEqual(findings.map((f) => f.rule), ['figure/conflict']);
    assert.deepEqual(findings[0].suggestions, ['22 missiles', '20 missiles']);
  });
});

describe('corpusDisagreements', () => {
  const all = corpusDisagreements(corpus);
  const topics = all.map((d) => d.topic);

  it('lists the quote wording, the speaker, the figure and the date the sources disagree on', () => {
    assert.ok(topics.some((t) => t.startsWith('the wording of “something good just may be happening')), JSON.stringify(topics));
    assert.ok(topics.some((t) => t.startsWith('who said “definitely not')));
    assert.ok(all.some((d) => d.kind === 'figure' && d.variants.some((v) => v.value === '20 missiles')));
    assert.ok(all.some((d) => d.kind === 'date' && d.variants.map((v) => v.value).sort().join() === 'August,July'));
  });

  it('names no disagreement where all sources agree', () => {
    assert.ok(!topics.some((t) => /give up our land/.test(t)));
    assert.deepEqual(corpusDisagreements(corpusOf([ONE, ONE.replace('Wire One', 'Wire Copy')])).filter((d) => d.kind !== 'source-date'), []);
  });

  // Regression (was an engine bug, fixed in eb95b2e): factDisagreements dedupes by the list of values, not the set, so "22 vs 20 missiles" is listed twice (once without Wire Two)
  it('lists one disagreement once, with every source', () => {
    const figures = all.filter((d) => d.kind === 'figure');
    assert.equal(figures.length, 1, JSON.stringify(figures.map((d) => d.variants.map((v) => [v.value, v.sources.length]))));
    assert.equal(figures[0].variants.find((v) => v.value === '22 missiles')?.sources.length, 2);
  });
});

describe('sources/disagree settings', () => {
  const draft = 'Russia launched 20 missiles at Kyiv overnight, the air force said.';
  it('is information by default', () => assert.equal(RULES.find((r) => r.id === 'sources/disagree')?.defaultSeverity, 'information'));
  it('takes the configured severity', () => assert.equal(single(disagree(draft, { severities: { 'sources/disagree': 'hint' } }), '20 missiles').severity, 'hint'));
  it('is silenced by "off"', () => assert.deepEqual(disagree(draft, { severities: { 'sources/disagree': 'off' } }), []));
});
