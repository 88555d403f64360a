// figure/qualifier: the value matches the sources but its qualifier does not ("six killed" vs "at least six").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Strikes on Kyiv
date: 2025-11-25
outlet: Wire One
---

At least six people were killed in the strikes on Kyiv, the city's mayor said.

More than 460 drones were launched at the capital overnight, the air force said.

Nearly 500 people were evacuated from the damaged tower block in Obolon.
`;
const TWO = `---
title: Kyiv counts its dead
date: 2025-11-25
outlet: Wire Two
---

At least six people were killed in the strikes on Kyiv, officials said.
`;
const corpus = corpusOf([ONE, TWO]);
const qualifier = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'figure/qualifier', options);

describe('figure/qualifier fires', () => {
  const FIRES: Array<[string, string, string, RegExp, string]> = [
    ['The mayor said six people were killed in the strikes on Kyiv.', 'six people', 'at least six people', /2 sources say “at least”; the draft has “no qualifier”/, 'a dropped "at least"'],
    ['Officials said 460 drones were launched at the capital overnight.', '460 drones', 'more than 460 drones', /1 source says “more than”/, 'a dropped "more than"'],
    ['About 460 drones were launched at the capital overnight, the air force said.', 'About 460 drones', 'more than 460 drones', /the draft has “about”/, 'a changed qualifier'],
    ['Officials said up to six people were killed in the strikes on Kyiv.', 'up to six people', 'at least six people', /the draft has “up to”/, 'a reversed bound'],
    ['Officials said 500 people were evacuated from the damaged tower block in Obolon.', '500 people', 'nearly 500 people', /“nearly”/, 'a dropped "nearly"'],
  ];
  for (const [draft, covering, suggestion, message, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestion)}`, () => {
      const f = single(qualifier(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'information', 'a notice by default');
      assert.deepEqual(f.suggestions, [suggestion]);
      assert.match(f.message, message);
      assertEvidence(corpus, f);
    });
  }

  it('is not also a figure conflict', () => {
    const rules = findingsOf(corpus, 'The mayor said six people were killed in the strikes on Kyiv.').map((f) => f.rule);
    assert.deepEqual(rules, ['figure/qualifier']);
  });

  // Regression (was an engine bug, fixed in eb95b2e): the suggestion is "at least Six people" for a sentence-initial "Six people"; it should read "At least six people"
  it('keeps the capital at the start of a sentence', () => {
    const f = single(qualifier('Six people were killed in the strikes on Kyiv, the mayor said.'), 'Six people');
    assert.deepEqual(f.suggestions, ['At least six people']);
  });
});

describe('figure/qualifier stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['At least six people were killed in the strikes on Kyiv, the mayor said.', 'the same qualifier'],
    ['More than 460 drones were launched at the capital overnight.', 'the same qualifier'],
    ['Officials said at least six people died in the strikes on Kyiv.', 'a different verb, same figure'],
    ['Six people were killed in a car crash in Lviv on Sunday, police said.', 'the same number about something else'],
    ['Officials said 40 people were evacuated from a school in Odesa.', 'an unrelated figure'],
    ['"Six people were killed in the strikes on Kyiv," the mayor said.', 'a figure inside a quote'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(qualifier(draft).map((f) => f.text), []));
  }

  it('a different value is a conflict, not a qualifier notice', () => {
    assert.deepEqual(qualifier('Officials said at least nine people were killed in the strikes on Kyiv.'), []);
  });
});

describe('figure/qualifier settings', () => {
  const draft = 'The mayor said six people were killed in the strikes on Kyiv.';
  it('is information by default', () => assert.equal(RULES.find((r) => r.id === 'figure/qualifier')?.defaultSeverity, 'information'));
  it('takes the configured severity', () => assert.equal(single(qualifier(draft, { severities: { 'figure/qualifier': 'warning' } }), 'six people').severity, 'warning'));
  it('is silenced by "off"', () => assert.deepEqual(qualifier(draft, { severities: { 'figure/qualifier': 'off' } }), []));
});

describe('figure/qualifier: a count that leaves its noun out', () => {
  const corpus = corpusOf([`---\ntitle: Council walkout\ndate: 2031-02-11\noutlet: Wire Twelve\n---\n\nMore than 40 resigned in less than two days, leaving the Varrow council without a quorum.\n`]);
  it('"about 40 councillors resigned" against "More than 40 resigned"', () => {
    const f = single(ruleFindings(corpus, 'About 40 councillors resigned in less than two days, leaving the Varrow council without a quorum.', 'figure/qualifier'), 'About 40 councillors');
    assert.match(f.message, /more than/);
  });
  it('a noun after a singular ("a three-story building") is not a count that left its noun out', () => {
    const school = corpusOf([`---\ntitle: Quake\ndate: 2031-09-20\noutlet: Wire Twelve\n---\n\nTwelve bodies were found at the school in Vell, where the floors of a three-story building fell.\n`]);
    assert.deepEqual(ruleFindings(school, 'At least 100 buildings fell in Vell, where bodies were found at the school.', 'figure/conflict'), []);
  });
  it('another noun with another verb after it is another count', () => {
    assert.deepEqual(ruleFindings(corpus, 'About 40 councillors voted in less than two days, leaving the Varrow council without a quorum.', 'figure/qualifier'), []);
  });
});
