// quote/altered: a quotation close to a source quotation but not word for word; the fix restores the sources' wording.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

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

describe('quote/altered: an extended or trimmed quote is not altered', () => {
  const HARBOUR = `---
title: Harbour
date: 2025-11-25
outlet: Coast Wire
---

"We cannot return to the old quays as if nothing happened," harbour master Ines Varga said on Monday.
`;
  const harbour = corpusOf([HARBOUR]);
  const EXTENDED: Array<[string, string]> = [
    ['Ines Varga said: "We cannot return to the old quays as if nothing happened... who would sail from there now?"', 'an ellipsis, then words no source has'],
    ['"We cannot return to the old quays as if nothing happened, not after this storm," Ines Varga said.', 'words added after the source\'s quote'],
    ['"After this storm we cannot return to the old quays," Ines Varga said.', 'words added before a trimmed quote'],
  ];
  for (const [draft, why] of EXTENDED) {
    it(`${why}: no warning, at most a notice on the part no source has`, () => {
      const findings = findingsOf(harbour, draft);
      assert.deepEqual(findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => [f.rule, f.text]), []);
      const notice = single(findings.filter((f) => f.rule === 'quote/unsourced'), 'cannot return to the old quays');
      assert.equal(notice.severity, 'information');
      assert.match(notice.message, /Only part of this quote is in the sources/);
    });
  }
  it('a word changed inside the shared part is still altered', () => {
    const f = single(ruleFindings(harbour, '"We can never return to the old quays as if nothing happened... who would sail from there now?" Ines Varga said.', 'quote/altered'), 'We can never return');
    assert.equal(f.severity, 'warning');
    assert.ok(f.suggestions.some((s) => s.includes('We cannot return to the old quays')), JSON.stringify(f.suggestions));
  });
});

describe('quote/altered: a source\'s short quoted phrase inside a longer draft quote is not altered', () => {
  const MILL = `---
title: Mill fire
date: 2031-02-09
outlet: Valley Wire
---

Mill owner Petra Lind apologised at a news conference, saying she feels “deep regret” for the fire.
`;
  const mill = corpusOf([MILL]);
  it('the draft quotes more than the source did, the source\'s words unchanged: no warning', () => {
    const findings = findingsOf(mill, 'Petra Lind apologised, saying, “I feel deep regret.”');
    assert.deepEqual(findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => [f.rule, f.text]), []);
  });
  it('the short phrase itself changed is still altered', () => {
    const f = single(ruleFindings(mill, 'Petra Lind apologised, saying she feels “deepest regret.”', 'quote/altered'), 'deepest regret');
    assert.equal(f.severity, 'warning');
  });
});

describe('quote/altered: punctuation, case and abbreviations never alter a quote', () => {
  const PORT = `---
title: Port
date: 2025-11-25
outlet: Coast Wire
---

“The U.S. offer is a well-made first draft… and we will read it closely,” port director Ada Quist said.

"It is a fair start for the dockers," Quist said of the new contract.
`;
  const port = corpusOf([PORT]);
  const SAME: Array<[string, string]> = [
    ['"The US offer is a well made first draft and we will read it closely," Ada Quist said.', 'US for U.S., a hyphen and an ellipsis dropped'],
    ['"the u.s. offer is a well-made first draft... And we will read it closely," Ada Quist said.', 'case and three dots for the ellipsis'],
    ['"[The contract] is a fair start for the dockers," Quist said.', 'a square-bracket insertion before the words'],
    ['"It is a fair start [for] the dockers," Quist said.', 'a bracketed word inside'],
  ];
  for (const [draft, why] of SAME) {
    it(why, () => assert.deepEqual(ruleFindings(port, draft, 'quote/altered').map((f) => f.text), []));
  }
});

describe('quote/altered: two speakers\' similar short phrases are not one remark', () => {
  const COUNCIL = `---
title: Council
date: 2025-11-25
outlet: Town Wire
---

Mayor Ilse Brandt said the new budget was "a fair deal" for the town's schools.

The prime minister called the ferry plan "a useful step" at the harbour on Friday.

The governor later told reporters the levy would hit farmers "both ways" and hurt the ports.
`;
  const council = corpusOf([COUNCIL]);
  it('another person\'s two- or three-word phrase in the same setting: nothing', () => {
    assert.deepEqual(ruleFindings(council, 'Opposition leader Karl Oden said the new budget was "a raw deal" for the town\'s schools.', 'quote/altered'), []);
  });
  it('the same voice (an office and its head) with a word changed: a warning', () => {
    const f = single(ruleFindings(council, 'Downing Street called the ferry plan "a helpful step" at the harbour on Friday.', 'quote/altered'), 'a helpful step');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.suggestions, ['a useful step']);
  });
  it('a paraphrase in quotation marks, its remark known by its context but its speaker not: a notice with the sources\' wording', () => {
    const f = single(ruleFindings(council, 'Governor Tess Alder told reporters the levy would hit farmers "both sides" and hurt the ports.', 'quote/altered'), 'both sides');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.suggestions, ['both ways']);
    assert.match(f.message, /close to the sources’ wording/);
  });
  it('the notice follows a lower configured severity and never exceeds it', () => {
    const draft = 'Governor Tess Alder told reporters the levy would hit farmers "both sides" and hurt the ports.';
    assert.equal(single(ruleFindings(council, draft, 'quote/altered', { severities: { 'quote/altered': 'hint' } }), 'both sides').severity, 'hint');
    assert.equal(single(ruleFindings(council, draft, 'quote/altered', { severities: { 'quote/altered': 'error' } }), 'both sides').severity, 'information');
  });
});

describe('quote/altered: a remark one source splits over two quotations', () => {
  const SPLIT = `---
title: Farewell
date: 2025-07-07
outlet: Shire Wire
---

Mr Vance said: "But as we learnt in the valley, the flood is patient, when the river rises, it rises."

He conceded that "in business, nobody is truly irreplaceable".
`;
  const LOOSE = `---
title: Farewell words
date: 2025-07-07
outlet: Loose Post
---

Mr Vance said: "We learnt in the valley there is a patient flood. When the river rises it rises and in business nobody is truly irreplaceable."
`;
  const split = corpusOf([SPLIT, LOOSE]);
  it('the two verbatim parts together explain the draft\'s quote, even where a looser wording shares more words than either', () => {
    const draft = '"As we learnt in the valley, the flood is patient — when the river rises, it rises. And my friends, in business, nobody is truly irreplaceable," Vance said.';
    assert.deepEqual(ruleFindings(split, draft, 'quote/altered').filter((f) => f.severity === 'warning').map((f) => f.text), []);
  });
  it('a word changed inside one of the parts is still altered', () => {
    const draft = '"As we learnt in the valley, the flood is patient — when the river rises, it rises. And my friends, in business, nobody is really irreplaceable," Vance said.';
    assert.equal(ruleFindings(split, draft, 'quote/altered').filter((f) => f.severity === 'warning').length, 1);
  });
});

describe('quote/altered: an ellipsis joining two quotations of one source', () => {
  const HARBOUR = `---
title: Harbour opens
date: 2031-04-02
outlet: Coast Wire
---

"The new harbour is not just Pellin's alone," said Mayor Oda Strand. "This harbour belongs to the whole coast. And it will bring ferries back."
`;
  const OTHER = `---
title: Mayor hails harbour
date: 2031-04-02
outlet: Bay Post
---

Mayor Oda Strand said: "The new harbour is not Pellin's alone. This is a year in which the coast is rebuilding."
`;
  const harbour = corpusOf([HARBOUR, OTHER]);
  const warnings = (draft: string) => ruleFindings(harbour, draft, 'quote/altered').filter((f) => f.severity === 'warning').map((f) => f.text);
  it('each piece word for word in neighbouring quotations of one source: not altered', () => {
    assert.deepEqual(warnings('Strand said: "The new harbour is not just Pellin\'s alone... This harbour belongs to the whole coast."'), []);
  });
  it('a word changed in one piece is still altered', () => {
    assert.equal(warnings('Strand said: "The new harbour is not just Pellin\'s alone... This harbour belongs to the entire coast."').length, 1);
  });
});

describe('quote/altered: "towards" and "toward" are one word in two spellings', () => {
  const HALL = `---
title: Council vote
date: 2026-03-03
outlet: Town Wire
---

"It is a decision, which is the first step toward a fairer harbour," council leader Bea Runcorn said after the vote.
`;
  const hall = corpusOf([HALL]);
  it('"towards" for the source\'s "toward" stays quiet', () => {
    assert.deepEqual(ruleFindings(hall, '"It is a decision, which is the first step towards a fairer harbour," Bea Runcorn said.', 'quote/altered').map((f) => f.text), []);
  });
  it('another word in the same place still fires', () => {
    assert.equal(ruleFindings(hall, '"It is a decision, which is the last step toward a fairer harbour," Bea Runcorn said.', 'quote/altered').length, 1);
  });
});

describe('quote/altered: British and American spellings are one wording', () => {
  const BANK = `---
title: Bank raises rates
date: 2026-07-21
outlet: Wire One
---

The council "judged that it is appropriate to take a larger first step on its normalization path than signaled in June," the statement said.
`;
  const bank = corpusOf([BANK]);
  const warnings = (draft: string) => ruleFindings(bank, draft, 'quote/altered').map((f) => f.text);
  it('"normalisation" and "signalled" for the source\'s "normalization" and "signaled" stay quiet', () => {
    assert.deepEqual(warnings('The bank "judged that it is appropriate to take a larger first step on its normalisation path than signalled in June," it said.'), []);
  });
  it('another word in the same place still fires', () => {
    assert.equal(warnings('The bank "judged that it is appropriate to take a larger second step on its normalisation path than signalled in June," it said.').length, 1);
  });
});

describe('quote/altered: a contraction written out is the same wording', () => {
  const PIER = `---
title: Pier reopens
date: 2026-05-08
outlet: Coast Wire
---

"It’s with real relief that I declare the old pier open again. We’ve waited long enough and we won't wait any more," harbour master Ilse Brandvold said on Friday.
`;
  const pier = corpusOf([PIER]);
  it('"It is" for "It’s", "We have" for "We’ve" and "will not" for "won\'t" stay quiet', () => {
    assert.deepEqual(ruleFindings(pier, '"It is with real relief that I declare the old pier open again. We have waited long enough and we will not wait any more," Ilse Brandvold said.', 'quote/altered').map((f) => f.text), []);
  });
  it('another word in the same place still fires', () => {
    assert.equal(ruleFindings(pier, '"It is with great relief that I declare the old pier open again. We have waited long enough and we will not wait any more," Ilse Brandvold said.', 'quote/altered').length, 1);
  });
  it('a possessive is not read as "is"', () => {
    assert.equal(ruleFindings(pier, '"It’s with real relief that I declare the old pier open again. We’ve waited long enough and Ilse is not waiting any more," Ilse Brandvold said.', 'quote/altered').length, 1);
  });
});

describe('quote/altered: three words of a long statement are a common phrase', () => {
  const FEVER = `---
title: Fever alert lifted
date: 2031-06-06
outlet: Lake Wire
---

"Yesterday the review panel met for the ninth time and advised me to end the regional health alert of the lake provinces. I have taken that advice," agency head Ayele Worku Haile said on Friday.

Former minister Dame Rosa Ilves called the timing "rash, and may be costly".
`;
  const fever = corpusOf([FEVER]);
  it('a scare-quoted phrase about another thing sharing three words is no warning', () => {
    const findings = ruleFindings(fever, 'The province\'s own "regional health alert notice" will lapse on June 12, the radio reports.', 'quote/altered');
    assert.deepEqual(findings.filter((f) => f.severity !== 'information').map((f) => f.text), []);
  });
  it('a four-word quote with a word changed from a short source quote still fires', () => {
    assert.equal(ruleFindings(fever, 'Dame Rosa Ilves called the timing "rash and maybe costly".', 'quote/altered').length, 1);
  });
});

describe('quote/altered: a per cent sign is the same word as "per cent"', () => {
  const MILL = `---
title: Mill cuts staff
date: 2030-11-09
outlet: Valley Wire
---

"I have decided to reduce the size of our crew by about 12% and let more than 400 of our skilled workers go," mill owner Tomas Reinholt wrote to staff.
`;
  const mill = corpusOf([MILL]);
  for (const style of ['12 per cent', '12 percent']) {
    it(`"${style}" for "12%" stays quiet`, () => {
      assert.deepEqual(ruleFindings(mill, `"I have decided to reduce the size of our crew by about ${style} and let more than 400 of our skilled workers go," Tomas Reinholt wrote.`, 'quote/altered').map((f) => f.text), []);
    });
  }
  it('another figure still fires', () => {
    assert.equal(ruleFindings(mill, '"I have decided to reduce the size of our crew by about 15 per cent and let more than 400 of our skilled workers go," Tomas Reinholt wrote.', 'quote/altered').length, 1);
  });
});

describe('quote/altered: a contraction written out is the same words', () => {
  const QUAY = `---
title: Quay
date: 2027-05-14
outlet: Isle Wire
---

"That's our quay, and we're not leaving it," fisher Tamsin Orrell said on the slipway.
`;
  const quay = corpusOf([QUAY]);
  it('"that is" and "we are" for the source\'s "that\'s" and "we\'re" stay quiet', () => {
    assert.deepEqual(ruleFindings(quay, '"That is our quay, and we are not leaving it," Tamsin Orrell said.', 'quote/altered').map((f) => f.text), []);
  });
  it('"we aren\'t" for the source\'s "we\'re not" stays quiet', () => {
    assert.deepEqual(ruleFindings(quay, '"That\'s our quay, and we aren\'t leaving it," Tamsin Orrell said.', 'quote/altered').map((f) => f.text), []);
  });
  it('a changed word beside a contraction still fires', () => {
    assert.equal(ruleFindings(quay, '"That is our harbour, and we are not leaving it," Tamsin Orrell said.', 'quote/altered').length, 1);
  });
});

describe('quote/altered: a run of words one side has and the other left out is a trim, not an alteration', () => {
  const FERRY = `---
title: Ferry
date: 2027-05-14
outlet: Isle Wire
---

"We will keep the ferry running for as long as the island needs it," mayor Odile Fenn told the council.

"We need a real harbour. That's not one pier. That's a new coast," Fenn said later.
`;
  const ferry = corpusOf([FERRY]);
  const strong = (draft: string) =>
    findingsOf(ferry, draft).filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => [f.rule, f.text]);
  it('the source left out words in the middle that the draft quotes (the speaker\'s fuller words): no warning', () => {
    assert.deepEqual(strong('"I promise that we will keep the ferry running every winter for as long as the island needs it," Odile Fenn said.'), []);
  });
  it('the draft leaves out a whole sentence and writes a contraction out: no warning', () => {
    assert.deepEqual(strong('"We need a real harbour, that is a new coast," Odile Fenn said.'), []);
  });
  const STILL: Array<[string, string, string]> = [
    ['"We will always keep the ferry running for as long as the island needs it," Odile Fenn said.', 'We will always keep', 'a single word inserted'],
    ['"We will no longer keep the ferry running for as long as the island needs it," Odile Fenn said.', 'We will no longer keep', 'two inserted words that deny'],
    ['"We will keep the ferry running as the island needs it," Odile Fenn said.', 'We will keep the ferry running as the island', 'words dropped from the middle of a clause'],
    ['"We need a harbour. That\'s not one pier. That\'s a new coast," Odile Fenn said.', 'We need a harbour', 'a single word dropped'],
  ];
  for (const [draft, covering, why] of STILL) {
    it(`${why}: still altered`, () => assert.equal(single(ruleFindings(ferry, draft, 'quote/altered'), covering).severity, 'warning'));
  }
});

describe('quote/altered: a short phrase sharing only small words and one other is not the same remark', () => {
  const MAP = `---
title: Crossing
date: 2027-05-14
outlet: Isle Wire
---

"The island is on the map," harbour master Ines Varga said after the first crossing.

"Demand is still very hot," Varga added.

Varga said the old timetable "was just a sketch".
`;
  const map = corpusOf([MAP]);
  it('"stop on the map" against the source\'s "is on the map": nothing', () => {
    assert.deepEqual(ruleFindings(map, 'The new ferry made a "stop on the map" at dawn, the harbour office said.', 'quote/altered').map((f) => f.text), []);
  });
  it('the same speaker\'s short phrase with its one word of substance changed: still altered', () => {
    assert.equal(single(ruleFindings(map, 'Ines Varga said the first timetable "was just a plan".', 'quote/altered'), 'was just a plan').severity, 'warning');
  });
  it('a short quote sharing two of its words besides small ones, one changed: still altered', () => {
    assert.equal(single(ruleFindings(map, '"Demand is still very strong," Varga added.', 'quote/altered'), 'Demand is still very strong').severity, 'warning');
  });
});

describe('quote/altered: most of a remark\'s words in order, with one word changed, is the same remark', () => {
  const SKETCH = `---
title: Ferry plan
date: 2027-05-14
outlet: Isle Wire
---

While the council had first pushed for the ferry plan to pass swiftly, the mayor told reporters on Tuesday that the first version "was only a sketch", adding: "That was not a plan, it was a concept."
`;
  const sketch = corpusOf([SKETCH]);
  it('"That was not a plan, it was an idea": seven words of eight shared, one of substance: a warning', () => {
    const f = single(ruleFindings(sketch, 'Mayor Ines Varga told reporters on Tuesday: "That was not a plan, it was an idea."', 'quote/altered'), 'That was not a plan, it was an idea');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.suggestions, ['That was not a plan, it was a concept']);
  });
  it('a shorter quote sharing as few words stays below a warning', () => {
    assert.deepEqual(ruleFindings(sketch, 'The mayor said: "It was not a plan at all."', 'quote/altered').filter((f) => f.severity === 'warning').map((f) => f.text), []);
  });
});

describe('quote/altered: a quote standing alone after the sentence that sets it up', () => {
  // Enough sentences with "plan" that the word is too common to search by: only the lead-in finds the source.
  const filler = Array.from({ length: 220 }, (_, i) => `The council discussed plan item ${i} at its session.`).join('\n\n');
  const HALL = `---\ntitle: Budget row\ndate: 2031-04-04\noutlet: Wire Forty-One\n---\n\nMayor Ilse Brandt told reporters at city hall on Friday that the leaked original version "was only a sketch", adding: "That was not a plan, it was a concept."\n\n${filler}\n`;
  const corpus = corpusOf([HALL]);
  it('one word changed is found through the sentence before', () => {
    const draft = 'Speaking to reporters at city hall, Brandt distanced herself from the leaked original version. "That was not a plan, it was a notion," she said.\n';
    const f = single(ruleFindings(corpus, draft, 'quote/altered'), 'That was not a plan, it was a notion');
    assert.equal(f.severity, 'warning');
  });
  it('the exact words are no alteration', () => {
    const draft = 'Speaking to reporters at city hall, Brandt distanced herself from the leaked original version. "That was not a plan, it was a concept," she said.\n';
    assert.deepEqual(ruleFindings(corpus, draft, 'quote/altered'), []);
  });
});

describe('quote/altered: house style inside the marks (an abbreviated month, an editor’s gloss in brackets)', () => {
  const RALLY = `---
title: Rally
date: 2026-05-30
outlet: Wire One
---

"The real verdict is going to be November 5 by the people," Ilse Varga said outside the court.

The group wrote that the raid was "carried out by four IS (Daesh) fighters armed with machine guns, a pistol, knives and firebombs."
`;
  const rally = corpusOf([RALLY]);
  const altered = (draft: string) => ruleFindings(rally, draft, 'quote/altered').map((f) => f.text);
  it('"Nov. 5," for "November 5" is quiet', () => {
    assert.deepEqual(altered('"The real verdict is going to be Nov. 5, by the people," Varga said.\n'), []);
  });
  it('the quote without the source’s gloss is quiet', () => {
    assert.deepEqual(altered('The group said the raid was "carried out by four IS fighters armed with machine guns, a pistol, knives and firebombs."\n'), []);
  });
  it('another month still fires', () => {
    assert.equal(altered('"The real verdict is going to be Dec. 5, by the people," Varga said.\n').length, 1);
  });
});
