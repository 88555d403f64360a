// quote/altered: a quotation close to a source quotation but not word for word; the fix restores the sources' wording.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

"We will not give up our land," President Volodymyr Zelensky said in his evening address.

Trump told reporters that "something good just may be happening" in Geneva.

A Kremlin aide called the European amendments "completely unconstructive" on Monday.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
outlet: Wire Two
---

"We will not give up our land," Zelensky said.

Trump said "something good may be happening" after the Geneva talks.
`;
const corpus = corpusOf([ONE, TWO]);
const altered = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'quote/altered', options);

describe('quote/altered fires', () => {
  const FIRES: Array<[string, string, string[], string]> = [
    ['"We will never give up our land," President Volodymyr Zelensky said in his evening address.', 'We will never give up our land', ['We will not give up our land'], 'a word changed'],
    ['"We will give up our land," Zelensky said.', 'We will give up our land', ['We will not give up our land'], 'a word dropped (the meaning reversed)'],
    ['"We will not give up land," Zelensky said.', 'We will not give up land', ['We will not give up our land'], 'a small word dropped'],
    ['A Kremlin aide called the European amendments "entirely unconstructive" on Monday.', 'entirely unconstructive', ['completely unconstructive'], 'a two-word quote, recognised by its context'],
    ['Trump told reporters that "something good is happening" in Geneva.', 'something good is happening', ['something good just may be happening', 'something good may be happening'], 'sources that differ: each wording offered'],
  ];
  for (const [draft, covering, suggestions, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)}`, () => {
      const f = single(altered(draft), covering);
      assert.equal(f.text, covering, 'the range is the quoted words, without the marks');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, suggestions);
      assert.ok(f.message.includes(`which have “${suggestions[0]}”`), f.message);
      assertEvidence(corpus, f);
    });
  }

  it('says when the sources differ among themselves', () => {
    const f = single(altered('Trump told reporters that "something good is happening" in Geneva.'), 'something good is happening');
    assert.match(f.message, /Sources differ among themselves/);
  });

  it('counts the sources with the quote', () => {
    const f = single(altered('"We will never give up our land," Zelensky said.'), 'We will never give up our land');
    assert.match(f.message, /2 of 2 sources with this quote/);
  });
});

describe('quote/altered stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['"We will not give up our land," President Volodymyr Zelensky said in his evening address.', 'the exact words'],
    ['“We will not give up our land,” Zelensky said.', 'curly marks, same words'],
    ['"We will not give up our land"', 'a bare quote with the exact words'],
    ['The Kremlin called the amendments "unconstructive".', 'a shorter excerpt of a source quote'],
    ['Trump told reporters that "something good just may be happening" in Geneva.', 'one source\'s wording (a sources/disagree notice, not an alteration)'],
    ['Trump said "something good may be happening" after the Geneva talks.', 'the other source\'s wording'],
    ['"Our land is not for sale," Zelensky said.', 'a different quote altogether'],
    ['"We will not give up" was the slogan on the banners in Lviv.', 'an exact fragment'],
    ['Russia launched 22 missiles at Kyiv overnight.', 'no quote at all'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(altered(draft).map((f) => f.text), []));
  }
});

describe('quote/altered settings', () => {
  const draft = '"We will never give up our land," Zelensky said.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'quote/altered')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(altered(draft, { severities: { 'quote/altered': 'error' } }), 'We will never give up our land').severity, 'error'));
  it('is silenced by "off"', () => assert.deepEqual(altered(draft, { severities: { 'quote/altered': 'off' } }), []));
});

describe('quote/altered: short quotes need their own context', () => {
  const WIRE = `---
title: Deal
date: 2025-11-25
outlet: Wire Three
---

Trump said the plan "has been fine-tuned, with additional input from both sides".

The president told reporters the deal would involve land concessions "both ways".
`;
  const wire = corpusOf([WIRE]);
  it('a two-word quote found inside an unrelated longer quote still gets the wording of its own context', () => {
    const findings = ruleFindings(wire, 'Trump told reporters the deal would involve land concessions "both sides".', 'quote/altered');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.deepEqual(findings[0].suggestions, ['both ways']);
  });
  it('the same two words in their own context are not altered', () => {
    assert.deepEqual(ruleFindings(wire, 'Trump said the plan had been fine-tuned with input from "both sides".', 'quote/altered'), []);
  });
});
