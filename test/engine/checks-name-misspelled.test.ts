// name/misspelled: a name one or two letters away from a name the sources use, which the sources never use themselves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { closestName } from '../../server/src/checks/nameMisspelled';
import { assertEvidence, corpusOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

Rustem Umerov, head of Ukraine's security council, met Dan Driscoll in Abu Dhabi.

EU foreign policy chief Kaja Kallas said Russia should stay out of the G8.

Umerov said the talks in Geneva were useful. Kallas agreed.

Russian forces hit Zaporizhzhia overnight.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
---

Umerov and Driscoll met again in Abu Dhabi on Tuesday.
`;
const corpus = corpusOf([ONE, TWO]);
const misspelled = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'name/misspelled', options);

describe('name/misspelled fires', () => {
  const FIRES: Array<[string, string, string, string]> = [
    ['Rustem Umarov, who led the team, said the talks had gone well.', 'Umarov', 'Umerov', 'one letter changed'],
    ['EU foreign policy chief Kaja Kalas said Russia should stay out of the G8.', 'Kalas', 'Kallas', 'one letter dropped'],
    ['Russian forces hit Zaporizhia overnight.', 'Zaporizhia', 'Zaporizhzhia', 'two letters off a long name'],
    ["The talks were led by Ukraine's Rustem Umarov.", 'Umarov', 'Umerov', 'at the end of a sentence'],
    ["Umarov's team met in Geneva.", 'Umarov', 'Umerov', 'a possessive: the range leaves out the \'s'],
    ['Rustem Umerov met Dan Driscol in Abu Dhabi.', 'Driscol', 'Driscoll', 'a dropped double letter at the end'],
  ];
  for (const [draft, covering, suggestion, why] of FIRES) {
    it(`${why}: ${covering} → ${suggestion}`, () => {
      const f = single(misspelled(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, [suggestion]);
      assert.match(f.message, new RegExp(`“${covering}” is not in the sources; they spell it “${suggestion}”`));
      assertEvidence(corpus, f);
      assert.ok(f.evidence.every((e) => e.excerpt.includes(suggestion)));
    });
  }

  it('counts the mentions of the corpus spelling', () => {
    assert.match(single(misspelled('Rustem Umarov, who led the team, said so.'), 'Umarov').message, /\(3 mentions\)/);
  });

  // Regression (was an engine bug, fixed in eb95b2e): isHeadline() treats any sentence whose words are over 60% capitalised as a title-case headline, so "Rustem Umarov met Dan Driscoll in Abu Dhabi." is never checked
  it('checks sentences that name several people', () => {
    single(misspelled('Rustem Umarov met Dan Driscoll in Abu Dhabi.'), 'Umarov');
  });
});

describe('name/misspelled stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['The talks, said Rustem Umerov, had gone well.', 'the corpus spelling'],
    ['Russia and the Russians hit Kyiv.', '"Russian" and "Russia" are different words, not misspellings'],
    ['The team met Olena Marchenko, a pharmacist.', 'a name the corpus does not know'],
    ['The rebels said the talks had gone well.', 'lower-case words are not names'],
    ['Talks With Rustem Umarov Went Well In Abu Dhabi', 'a title-case headline is not checked'],
    ['Kallas, Umerov and Driscoll met in Abu Dhabi.', 'several names, all spelled right'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(misspelled(draft).map((f) => f.text), []));
  }
});

describe('closestName', () => {
  const names = new Map([
    ['umerov', new Map([['Umerov', 3]])],
    ['kallas', new Map([['Kallas', 2]])],
    ['russia', new Map([['Russia', 5]])],
    ['zaporizhzhia', new Map([['Zaporizhzhia', 1]])],
    ['march', new Map([['March', 2]])],
  ]);
  const common = new Set(['march']);
  it('finds the corpus spelling within one letter (two for long names), same first letter', () => {
    assert.equal(closestName('umarov', names, common)?.spelling, 'Umerov');
    assert.equal(closestName('kalas', names, common)?.spelling, 'Kallas');
    assert.equal(closestName('zaporizhia', names, common)?.spelling, 'Zaporizhzhia');
  });
  it('ignores other first letters, prefixes, far words and common words', () => {
    assert.equal(closestName('omerov', names, common), undefined);
    assert.equal(closestName('russian', names, common), undefined);
    assert.equal(closestName('umarova', names, common), undefined);
    assert.equal(closestName('marsh', names, common), undefined);
  });
});

describe('name/misspelled settings', () => {
  const draft = 'Rustem Umarov, who led the team, said the talks had gone well.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'name/misspelled')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(misspelled(draft, { severities: { 'name/misspelled': 'information' } }), 'Umarov').severity, 'information'));
  it('is silenced by "off"', () => assert.deepEqual(misspelled(draft, { severities: { 'name/misspelled': 'off' } }), []));
});
