// Mistakes once missed because of what stood around them (another quote, a version word, a participle), each in its
// general form with invented names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusOf, ruleFindings, single } from './helpers';

describe('a short quote shares its sentence with another quote', () => {
  const SOURCE = `---
title: Summit
date: 2025-03-04
outlet: Wire One
---

Norland's Chancellor Ilse Varga warned that no settlement should amount to "a surrender" for Ostrava and said its navy must not be capped.

Harbour residents were unconvinced. "The treaty is basically a surrender," said one fisherman.
`;
  const corpus = corpusOf([SOURCE]);

  it('the other quote\'s words are not this one\'s context: a wrong speaker is still found', () => {
    const draft = 'Premier Anton Kessel warned that no settlement should amount to "a surrender" for Ostrava, and his office said there was "plenty of work still ahead".';
    const f = single(ruleFindings(corpus, draft, 'quote/misattributed'), 'Anton Kessel');
    assert.equal(f.suggestions[0], 'Ilse Varga');
  });

  it('the sentence alone still decides when the quote is alone in it', () => {
    const draft = 'Premier Anton Kessel said it was "a surrender" of the harbour.';
    assert.equal(ruleFindings(corpus, draft, 'quote/misattributed').length, 0);
  });
});

describe('a figure of an earlier version named through "the initial draft of"', () => {
  const SOURCE = `---
title: Ceasefire plan
date: 2025-03-04
outlet: Wire One
---

Officials in Ostrava criticised the initial draft of a 12-point ceasefire plan that surfaced last week, calling it lopsided.
`;
  const corpus = corpusOf([SOURCE]);

  it('"the original 14-point plan" against "the initial draft of a 12-point plan" conflicts', () => {
    const draft = 'The original 14-point ceasefire plan, which surfaced last week, was criticised in Ostrava as lopsided.';
    const f = single(ruleFindings(corpus, draft, 'figure/conflict'), '14-point');
    assert.equal(f.suggestions[0], '12-point');
  });

  it('"the revised 10-point plan" is another version, not a conflict', () => {
    const draft = 'The revised 10-point ceasefire plan, which surfaced last week, was criticised in Ostrava as lopsided.';
    assert.equal(ruleFindings(corpus, draft, 'figure/conflict').length, 0);
  });

  it('a bare "the 14-point plan" names one of the versions: against the initial 12-point one, it conflicts', () => {
    const draft = 'Officials in Ostrava criticised the 14-point ceasefire plan that surfaced last week, calling it lopsided.';
    const f = single(ruleFindings(corpus, draft, 'figure/conflict'), '14-point');
    assert.equal(f.suggestions[0], '12-point');
  });

  it('a bare "the 12-point plan" agrees with the initial 12-point one', () => {
    const draft = 'Officials in Ostrava criticised the 12-point ceasefire plan that surfaced last week, calling it lopsided.';
    assert.equal(ruleFindings(corpus, draft, 'figure/conflict').length, 0);
  });

  it('a change\'s figure ("cut from 12 points") is no version: a bare figure is not compared with it', () => {
    const cut = corpusOf(['Negotiators in Ostrava cut the ceasefire plan from 12 points to 9 points last week, officials said.\n']);
    assert.equal(ruleFindings(cut, 'Negotiators in Ostrava agreed a ceasefire plan of 14 points last week, officials said.', 'figure/conflict').filter((f) => f.text.startsWith('14')).length, 0);
  });
});

describe('a participle after a preposition does not tell what happened to the counted people', () => {
  const SOURCE = `---
title: Fire
date: 2025-03-04
outlet: Wire One
---

Firefighters fought flames in the Lindow and Marsk districts overnight, rescuing more than a dozen people.
`;
  const corpus = corpusOf([SOURCE]);

  it('"pulled a dozen people from damaged blocks" is the rescue the source qualifies', () => {
    const draft = 'Firefighters fought blazes in the Lindow and Marsk districts and pulled a dozen people from damaged blocks.';
    const f = single(ruleFindings(corpus, draft, 'figure/qualifier'), 'a dozen people');
    assert.ok(f.message.includes('more than'), f.message);
    assert.equal(ruleFindings(corpus, draft, 'figure/conflict').length, 0);
  });
});

describe('a draft sentence that joins two source sentences', () => {
  // The source tells the strikes and the injuries in two sentences; the draft in one. The date's sentence alone shares
  // too little with the draft's; with the sentence after it, it is the same passage.
  const SOURCE = `---
title: Strikes
date: 2026-02-11
outlet: Wire One
---

Meanwhile, the fighting goes on. Both armies said strikes were carried out on Tuesday night in Varosh. The regional governor, Teodor Halym, said at least seven people had been injured.
`;
  const corpus = corpusOf([SOURCE]);
  const draft = (weekday: string) =>
    `Both sides said strikes had been carried out on ${weekday} night in Varosh, where the regional head, Teodor Halym, said at least seven people had been injured.\n`;

  it('another weekday conflicts', () => {
    const f = single(ruleFindings(corpus, draft('Sunday'), 'date/conflict'), 'Sunday night');
    assert.deepEqual(f.suggestions, ['Tuesday night']);
  });

  it('the same weekday agrees', () => assert.deepEqual(ruleFindings(corpus, draft('Tuesday'), 'date/conflict'), []));
});

describe('a figure in a headline', () => {
  // A headline names what its words need ("Varosh: 32 missiles … overnight"), not the people the sources name beside
  // the figure: a name on one side only is no sign of another event there.
  const SOURCE = `---
title: Night of strikes
date: 2026-02-11
outlet: Wire One
---

According to Halym, 22 missiles and more than 400 drones were launched at Ostrava overnight, setting fire to two apartment blocks.
`;
  const corpus = corpusOf([SOURCE]);
  const figures = (draft: string) => ruleFindings(corpus, draft, 'figure/conflict').map((f) => [f.text, f.suggestions]);

  it('another number conflicts', () => {
    assert.deepEqual(figures('# Varosh: 32 missiles and more than 400 drones launched at Ostrava overnight\n\nThe talks were to open on Monday.\n'), [['32 missiles', ['22 missiles']]]);
  });
  it('the same number agrees', () => {
    assert.deepEqual(figures('# Varosh: 22 missiles and more than 400 drones launched at Ostrava overnight\n\nThe talks were to open on Monday.\n'), []);
  });
  it('a headline joining two stories with "as" is read by the part that holds the figure', () => {
    assert.deepEqual(figures('# Ostrava hit by 32 missiles and more than 400 drones as Varosh and Lindau trade blame over stalled peace talks\n\nThe talks were to open on Monday.\n'), [['32 missiles', ['22 missiles']]]);
  });
  it('a front-matter title straight before the text is a headline of its own', () => {
    const draft = '---\ntitle: "Ostrava hit by 32 missiles and more than 400 drones as Varosh and Lindau trade blame over stalled peace talks"\ndate: 2026-02-11\n---\nThe talks in Lindau were to open on Monday, officials in Varosh said.\n';
    assert.deepEqual(figures(draft), [['32 missiles', ['22 missiles']]]);
  });
  it('in a sentence of the body, names beside the figure that the source never gives still tell another event', () => {
    assert.deepEqual(figures('In Varosh, 32 missiles and more than 400 drones were launched at Ostrava overnight, Mayor Ines Brandt said.\n'), []);
  });
});
