// Accepted spellings (corroborate.json "acceptedSpellings"): a house spelling and its variants are not flagged by
// name/misspelled where the sources use another listed form; other spellings still are, with the house form named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings } from './helpers';

const WIRE = `---
title: Port talks
date: 2026-03-02
---

Harbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.

Marensky said the grain corridor would stay open. Vilnova agreed.

Deputy Ostap Hrebenchuk joined them later.
`;
const corpus = corpusOf([WIRE]);
const names = (draft: string, acceptedSpellings?: Record<string, string[]>) => ruleFindings(corpus, draft, 'name/misspelled', { acceptedSpellings });

describe('accepted spellings in name/misspelled', () => {
  it('without a house spelling, another romanisation is noted', () => {
    const found = names('Danylo Marenskyy said the corridor would stay open.');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Marensky/);
  });

  it('the house spelling is not flagged when the sources use a listed variant', () => {
    assert.deepEqual(names('Danylo Marenskyy said the corridor would stay open.', { Marenskyy: ['Marensky'] }), []);
  });

  it('a listed variant is not flagged when the sources use another listed variant', () => {
    assert.deepEqual(names('Danylo Marenskyy said the corridor would stay open.', { Marenskyi: ['Marensky', 'Marenskyy'] }), []);
  });

  it('a multi-word entry pairs its words by position', () => {
    assert.deepEqual(names('Danylo Marenskyy said the corridor would stay open.', { 'Danylo Marenskyy': ['Danylo Marensky'] }), []);
  });

  it('a spelling not listed is still flagged, and the message names the house form and its variants', () => {
    const found = names('Danylo Marensku said the corridor would stay open.', { Marenskyy: ['Marensky'] });
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'Marensku');
    assert.match(found[0].message, /House style: “Marenskyy” \(also accepted: “Marensky”\)/);
    assert.equal(found[0].suggestions?.[0], 'Marenskyy');
  });

  it('an accepted spelling of one name does not hide a misspelling of another', () => {
    const found = names('Deputy Ostap Hrebenchuck joined them later.', { Marenskyy: ['Marensky'] });
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'Hrebenchuck');
    assert.doesNotMatch(found[0].message, /House style/);
  });

  it('a typo accepted as a variant is not flagged', () => {
    assert.deepEqual(names('Deputy Ostap Hrebenchuck joined them later.', { Hrebenchuk: ['Hrebenchuck'] }), []);
  });
});
