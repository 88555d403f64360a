// Finding the source sentence that states a draft's fact when the two share only a few, common words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings, single } from './helpers';

const dated = (body: string) => `---\ndate: 2025-03-05\n---\n${body}`;

// Other sentences of the story: they make the words of the draft's sentence common enough to weigh as in real copy.
const STORY = `---
title: Council shake-up
date: 2025-03-05
outlet: Fjord Wire
---

The harbour council had been under pressure for months over the ferry contract.

Staff at the town hall said the chair had lost the support of the council.

The ferry contract was signed last year without a public tender.

Several members of the council called for a new chair.

Marit Kvande resigned at noon on Monday.

The council will choose a new chair at its next meeting.
`;
const corpus = corpusOf([STORY]);

describe('a date told in a short source sentence by the same actor doing the same thing', () => {
  it('is compared even when the draft sentence says much more', () => {
    const draft = dated(
      'OSLO — Marit Kvande resigned as chair of the Harbour Council on Tuesday, telling staff gathered outside the old town hall that she was proud of the work.',
    );
    const f = single(ruleFindings(corpus, draft, 'date/conflict'), 'Tuesday');
    assert.match(f.message, /Monday/);
  });

  it('is not compared when the actor does something else on that day', () => {
    const draft = dated(
      'OSLO — Marit Kvande spoke to the Harbour Council on Tuesday, telling staff gathered outside the old town hall that she was proud of the work.',
    );
    assert.deepEqual(ruleFindings(corpus, draft, 'date/conflict'), []);
  });

  it('is not compared when the named person is not who acted ("a judge … sentenced Kvande")', () => {
    const draft = dated(
      'OSLO — A member of the ferry board on Tuesday told Marit Kvande that she was proud of the work and of the town hall staff gathered outside.',
    );
    assert.deepEqual(ruleFindings(corpus, draft, 'date/conflict'), []);
  });
});
