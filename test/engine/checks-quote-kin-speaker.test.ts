// quote/misattributed where the speaker is named through a relative: "said Grund's brother Olav".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings, single } from './helpers';

const WIRE = `---
title: Verdict in Marlow
date: 2024-03-12
outlet: Wire One
---

The jury in Marlow convicted Tessa Grund of fraud on Tuesday.

Grund's sister Maren said: "Justice is here. This is historic." She added that the family would now rest.
`;
const corpus = corpusOf([WIRE]);
const misattributed = (draft: string) => ruleFindings(corpus, draft, 'quote/misattributed');

describe('a speaker named after an owner and a relation', () => {
  it('"said Grund\'s brother Olav" names Olav, who the source does not give', () => {
    const f = single(misattributed('"Justice is here. This is historic," said Grund\'s brother Olav after the Marlow verdict.'), 'Olav');
    assert.deepEqual(f.suggestions, ['Maren']);
  });

  it('"Grund\'s sister Maren said" agrees with the source', () => {
    assert.deepEqual(misattributed('"Justice is here. This is historic," Grund\'s sister Maren said after the Marlow verdict.'), []);
  });
});
