// "Just over 10" reaches a little past 10, not any value above it; "more than 10" stays open-ended.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings, single } from './helpers';

const COURT_ONE = `---
title: Grund convicted
date: 2024-03-12
outlet: Wire One
---

The jury in Marlow convicted Tessa Grund of fraud on Tuesday. Deliberations began on Monday and lasted just over 10 hours.

The court heard from slightly more than 40 witnesses over three weeks.

Grund was held in custody for just over two years before the trial.
`;
const corpus = corpusOf([COURT_ONE]);
const conflicts = (draft: string) => ruleFindings(corpus, draft, 'figure/conflict');
const dateConflicts = (draft: string) => ruleFindings(corpus, draft, 'date/conflict');
const qualifierNotes = (draft: string) => ruleFindings(corpus, draft, 'figure/qualifier');

describe('a tight qualifier bounds the figure on both sides', () => {
  it('"about 12 hours" against "just over 10 hours" is a conflict', () => {
    const f = single(conflicts('The Marlow jury convicted Tessa Grund of fraud after deliberating for about 12 hours.'), 'about 12 hours');
    assert.deepEqual(f.suggestions, ['just over 10 hours']);
  });

  it('"about 11 hours" and "more than 10 hours" fit "just over 10 hours"', () => {
    assert.deepEqual(conflicts('The Marlow jury convicted Tessa Grund of fraud after deliberating for about 11 hours.'), []);
    assert.deepEqual(conflicts('The Marlow jury convicted Tessa Grund of fraud after deliberating for more than 10 hours.'), []);
  });

  it('"slightly more than 40 witnesses" does not hold 55', () => {
    single(conflicts('The court in Marlow heard from 55 witnesses over three weeks in the Grund fraud trial.'), '55 witnesses');
  });

  it('"more than 10" is a kind of "just over 10": no qualifier note between them', () => {
    assert.deepEqual(qualifierNotes('The Marlow jury convicted Tessa Grund of fraud after deliberating for more than 10 hours.'), []);
  });

  it('a length of time "just over two years" does not hold three', () => {
    single(dateConflicts('Tessa Grund was held in custody for three years before the Marlow fraud trial.'), 'three years');
    assert.deepEqual(dateConflicts('Tessa Grund was held in custody for more than two years before the Marlow fraud trial.'), []);
  });
});
