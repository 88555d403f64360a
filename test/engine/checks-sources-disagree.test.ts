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

// Regression: sources/disagree fired over two different facts, and over one fact worded two ways (issue 12, item 12).
describe('sources/disagree needs one fact with values that really differ', () => {
  const wire = (outlet: string, body: string) => `---\ntitle: Storm over Valdoria\ndate: 2025-03-04\noutlet: ${outlet}\n---\n\n${body}\n`;
  const STORM = [
    wire('Coast Courier', 'Governor Ilsa Tamberlin said 140 homes and more than 460 sheds were damaged in Valdoria overnight, and at least six people were killed. Port officials said three people had died in the Brennick district.'),
    wire('Harbour Daily', 'Governor Ilsa Tamberlin said 140 homes and over 460 sheds were damaged in Valdoria overnight, and six or more people were killed.'),
    wire('Lowland Post', 'Governor Ilsa Tamberlin said 140 homes and 6 hundred sheds were damaged in Valdoria overnight, killing 6 people. The Valdoria storm was the worst in years, Tamberlin said.'),
  ];
  const storm = corpusOf(STORM);

  it('a count given for another district is another fact', () => {
    const draft = 'Governor Ilsa Tamberlin said 140 homes were damaged in Valdoria overnight, and at least six people were killed.';
    assert.deepEqual(ruleFindings(storm, draft, 'sources/disagree').map((f) => f.text), []);
  });

  it('one value worded two ways is not a disagreement', () => {
    for (const draft of [
      'Governor Ilsa Tamberlin said more than 460 sheds were damaged in Valdoria overnight.',
      'Governor Ilsa Tamberlin said over 460 sheds were damaged in Valdoria overnight.',
    ]) {
      const found = ruleFindings(storm, draft, 'sources/disagree');
      for (const f of found) assert.doesNotMatch(f.message, /more than 460[^;]*; [^;]*over 460|over 460[^;]*; [^;]*more than 460/, `“more than” and “over” are one value: ${f.message}`);
    }
  });

  it('groups "six" and "6" as one value and says how many sources give each', () => {
    const sources = [
      wire('Coast Courier', 'Rescuers in Valdoria pulled six fishermen from the harbour, the coastguard said.'),
      wire('Harbour Daily', 'Rescuers in Valdoria pulled 6 fishermen from the harbour, the coastguard said.'),
      wire('Lowland Post', 'Rescuers in Valdoria pulled nine fishermen from the harbour, the coastguard said.'),
    ];
    const f = single(ruleFindings(corpusOf(sources), 'Rescuers in Valdoria pulled six fishermen from the harbour, the coastguard said.', 'sources/disagree'), 'six fishermen');
    assert.match(f.message, /2 sources say “(six|6) fishermen”; 1 source says “nine fishermen”/);
  });

  it('the same figure in another story is not a disagreement', () => {
    const sources = [
      wire('Coast Courier', 'Flooding in Valdoria forced the evacuation of about 1,200 residents, the mayor Orla Quennet said.'),
      wire('Harbour Daily', 'Flooding in Valdoria forced the evacuation of about 1,200 residents, Quennet said.'),
      `---\ntitle: Floods in Marrowgate\ndate: 2025-05-01\noutlet: Lowland Post\n---\n\nFlooding in Marrowgate forced the evacuation of about 300 residents, the mayor Tobin Ashcroft said.\n`,
    ];
    const draft = 'Flooding forced the evacuation of about 1,200 residents, the mayor said.';
    assert.deepEqual(ruleFindings(corpusOf(sources), draft, 'sources/disagree').map((f) => f.message), []);
  });
});

// Regression: a long draft repeated one disagreement at every mention (454 of 590 findings on the bench's draft).
describe('sources/disagree: one notice per disagreeing fact per draft', () => {
  it('reports a fact the draft repeats once, at its first mention', () => {
    const draft = [
      'Russia launched 22 missiles at Kyiv overnight, the air force said.',
      'Officials in the capital counted the damage through the morning.',
      'Russia launched 22 missiles at Kyiv overnight, the Ukrainian air force said again.',
    ].join('\n\n');
    const found = ruleFindings(corpus, draft, 'sources/disagree');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    assert.equal(found[0].range.start.line, 0, 'the first mention carries it');
    assert.match(found[0].message, /2 sources say “22 missiles”; 1 source says “20 missiles”/);
  });
});
