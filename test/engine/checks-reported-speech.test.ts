// A figure the draft reports someone saying, against the figure in that person's own quote in a source.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings, single } from './helpers';

const LETTER = `---
title: Tarr warns over caretaker plan
date: 2024-07-08
outlet: Wire One
---

Sir Edwin Tarr warned that Orrin Vale would keep the power of appointment while his party picks a successor.

In a letter to the party chairman Ruth Amble, Sir Edwin Tarr said: "The proposal for the premier to remain in office – for up to three months – having lost his cabinet is unwise, and may be unsustainable."
`;
const corpus = corpusOf([LETTER]);
const dateConflicts = (draft: string) => ruleFindings(corpus, draft, 'date/conflict');

describe('a source quote stands for the fact its speaker is reported to state', () => {
  it('"Tarr warned … up to four months" against Tarr\'s quoted "up to three months"', () => {
    const f = single(
      dateConflicts('Former premier Sir Edwin Tarr warned that it would be unwise for the premier to remain in office while a successor is chosen, a period that could last for up to four months.'),
      'up to four months',
    );
    assert.deepEqual(f.suggestions, ['up to three months']);
  });

  it('the speaker shared counts for a looser paraphrase of the quote', () => {
    single(
      dateConflicts('Former premier Sir Edwin Tarr warned that it would be unwise for Orrin Vale to stay on at Harwick House while a successor is chosen by party members over the summer, a period that could last for up to four months.'),
      'up to four months',
    );
  });

  it('the same words reported of someone else are not checked against Tarr\'s quote', () => {
    assert.deepEqual(
      dateConflicts('Party chairman Ruth Amble warned that it would be unwise for the premier to remain in office while a successor is chosen, a period that could last for up to four months.'),
      [],
    );
  });
});
