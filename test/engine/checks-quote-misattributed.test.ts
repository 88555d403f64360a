// quote/misattributed: the quoted words are in the sources, said by someone else; the fix names the sources' speaker.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { sameSpeaker } from '../../server/src/match/speakers';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

French President Emmanuel Macron said there was "no Russian will for a ceasefire" after the call.

Secretary of State Marco Rubio said the talks in Geneva had been "the most productive" so far.

EU foreign policy chief Kaja Kallas said Russia should "definitely not" rejoin the G8.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
outlet: Wire Two
---

Macron said he saw "no Russian will for a ceasefire" on Tuesday.

UK Prime Minister Keir Starmer said Russia should "definitely not" rejoin the G8.
`;
const corpus = corpusOf([ONE, TWO]);
const misattributed = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'quote/misattributed', options);

describe('quote/misattributed fires', () => {
  const FIRES: Array<[string, string, string, string]> = [
    ['Secretary of State Marco Rubio said he saw "no Russian will for a ceasefire".', 'Marco Rubio', 'Emmanuel Macron', 'X said "…"'],
    ['"No Russian will for a ceasefire," Marco Rubio said.', 'Marco Rubio', 'Emmanuel Macron', '"…," X said, different case'],
    ['Volodymyr Zelensky said the talks in Geneva had been "the most productive" so far.', 'Volodymyr Zelensky', 'Marco Rubio', 'a short quote'],
  ];
  for (const [draft, speaker, suggestion, why] of FIRES) {
    it(`${why}: ${speaker} → ${suggestion}`, () => {
      const f = single(misattributed(draft), speaker);
      assert.equal(f.text, speaker, 'the range is the draft\'s speaker');
      assert.equal(f.severity, 'warning');
      assert.equal(f.suggestions[0], suggestion);
      assert.ok(f.message.includes(`to ${suggestion}, not ${speaker}`), f.message);
      assertEvidence(corpus, f);
    });
  }

  it('a speaker the sources disagree on is still wrong when it is neither of theirs', () => {
    const f = single(misattributed('Donald Trump said Russia should "definitely not" rejoin the G8.'), 'Donald Trump');
    assert.deepEqual([...f.suggestions].sort(), ['Kaja Kallas', 'Keir Starmer']);
  });

  it('the range is the name alone, so the quick fix keeps a sentence-opening adverb', () => {
    const f = single(misattributed('Then Marco Rubio said there was "no Russian will for a ceasefire".'), 'Marco Rubio');
    assert.equal(f.text, 'Marco Rubio');
    assert.ok(f.message.includes('not Marco Rubio'), f.message);
  });

  it('is reported once, with no other quote rule on the same words', () => {
    const rules = findingsOf(corpus, 'Secretary of State Marco Rubio said he saw "no Russian will for a ceasefire".').map((f) => f.rule);
    assert.deepEqual(rules, ['quote/misattributed']);
  });
});

describe('quote/misattributed stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['Emmanuel Macron said he saw "no Russian will for a ceasefire".', 'the right speaker'],
    ['Macron said he saw "no Russian will for a ceasefire".', 'the right speaker by surname'],
    ['Marco Rubio said the talks in Geneva had been "the most productive" so far.', 'the right speaker, another quote'],
    ['Kaja Kallas said Russia should "definitely not" rejoin the G8.', 'one of two speakers the sources give (sources/disagree instead)'],
    ['Keir Starmer said Russia should "definitely not" rejoin the G8.', 'the other one'],
    ['Marco Rubio said "we are not there yet" after the call.', 'words no source has'],
    ['A Kremlin official said there was "no Russian will for a ceasefire".', 'no person named'],
    ['"No Russian will for a ceasefire," the analysts concluded.', 'no speaker at all'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(misattributed(draft).map((f) => f.text), []));
  }
});

describe('sameSpeaker', () => {
  it('matches surnames, allowing one letter of transliteration', () => {
    assert.ok(sameSpeaker('Volodymyr Zelensky', 'Zelensky'));
    assert.ok(sameSpeaker('Zelensky', 'Zelenskyy'));
    assert.ok(sameSpeaker('Emmanuel Macron', 'Macron'));
    assert.ok(!sameSpeaker('Marco Rubio', 'Emmanuel Macron'));
    assert.ok(!sameSpeaker('Kaja Kallas', 'Keir Starmer'));
    assert.ok(!sameSpeaker('Lee', 'Lea'), 'short names must match exactly');
  });
  it('a one-word first name ("Sir Piet") is the same person as the full name', () => {
    assert.ok(sameSpeaker('Piet', 'Piet Moravec'));
    assert.ok(sameSpeaker('Piet Moravec', 'Piet'));
    assert.ok(!sameSpeaker('Piet', 'Anton Weller'));
    assert.ok(!sameSpeaker('Piet Weller', 'Piet Moravec'), 'two full names still compare by surname');
  });
  it('a one-word given name after a title ("Dr Ayele") is the same person', () => {
    assert.ok(sameSpeaker('Ayele', 'Agency Director-General Ayele Worku Haile'));
    assert.ok(!sameSpeaker('Worku Tessema', 'Agency Director-General Ayele Worku Haile'));
  });
});

describe('quote/misattributed: a speaker called by a given name that follows a title', () => {
  const BRIEFING = `---
title: Fever alert lifted
date: 2031-06-06
outlet: Lake Wire
---

Agency Director-General Ayele Worku Haile said on Friday: "It is with great relief that I declare the marsh fever over as a regional emergency."
`;
  const briefing = corpusOf([BRIEFING]);
  it('"Dr Ayele said" stays quiet', () => {
    assert.deepEqual(ruleFindings(briefing, '"It is with great relief that I declare the marsh fever over as a regional emergency," Dr Ayele said.', 'quote/misattributed').map((f) => f.text), []);
  });
  it('another person given the words is still misattributed', () => {
    assert.equal(ruleFindings(briefing, '"It is with great relief that I declare the marsh fever over as a regional emergency," Dr Selam Tadesse said.', 'quote/misattributed').length, 1);
  });
});

describe('quote/misattributed settings', () => {
  const draft = '"No Russian will for a ceasefire," Marco Rubio said.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'quote/misattributed')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(misattributed(draft, { severities: { 'quote/misattributed': 'error' } }), 'Marco Rubio').severity, 'error'));
  it('is silenced by "off"', () => assert.deepEqual(misattributed(draft, { severities: { 'quote/misattributed': 'off' } }), []));
});

describe('quote/misattributed needs the same remark', () => {
  const CITY = `---
title: City
date: 2025-11-25
outlet: Town Wire
---

Mayor Ilse Brandt said the river walk would reopen "not now" but in spring, after the flood repairs.

"We want a fair deal for the dockers," Downing Street said after the talks.

"The ferry will run all winter," Prime Minister Anna Keel said in Dover.
`;
  const city = corpusOf([CITY]);
  it('two speakers\' same short phrase in unrelated settings is not one remark', () => {
    assert.deepEqual(ruleFindings(city, 'Union chief Karl Oden told the strikers a pay rise was coming, "not now" but soon.', 'quote/misattributed'), []);
  });
  it('the short phrase in the same setting is the same remark: misattributed', () => {
    const f = single(ruleFindings(city, 'Karl Oden said the river walk would reopen "not now" but in spring, after the flood repairs.', 'quote/misattributed'), 'Karl Oden');
    assert.deepEqual(f.suggestions, ['Ilse Brandt']);
  });
  it('an office and its head are one voice', () => {
    assert.deepEqual(ruleFindings(city, '"We want a fair deal for the dockers," Anna Keel said after the talks.', 'quote/misattributed'), []);
    assert.deepEqual(ruleFindings(city, '"The ferry will run all winter," Downing Street said in Dover.', 'quote/misattributed'), []);
  });
  it('a quote that extends a source\'s quote keeps its speaker check', () => {
    const f = single(ruleFindings(city, '"The ferry will run all winter, whatever the weather," Karl Oden said in Dover.', 'quote/misattributed'), 'Karl Oden');
    assert.deepEqual(f.suggestions, ['Anna Keel']);
  });
});

describe('quote/misattributed: a letter, its writer and its addressee', () => {
  const LETTER = `---
title: Caretaker
date: 2025-07-07
outlet: Shire Wire
---

Former premier Sir Piet Moravec has said a long caretaker spell would be “reckless and may be unworkable”.

In his letter to party chairman Sir Anton Weller, Sir Piet said: “Keeping the outgoing leader on for up to four months, without the support of his ministers, is reckless, and may be unworkable.”
`;
  const letter = corpusOf([LETTER]);
  const QUIET: Array<[string, string]> = [
    ['Former premier Piet Moravec has written to Sir Anton saying a four-month caretaker would be "reckless, and may be unworkable".', 'the writer by full name, "Sir Piet" in the source; the addressee after "to"'],
    ['In a letter to Sir Anton Weller, chairman of the party, Moravec says it would be "reckless" to keep the leader on.', 'the addressee named first'],
    ['In an open letter, the former Shire PM has written to the chairman to say it would be "reckless" and "unworkable".', 'a role ("Shire PM"), not a person'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(ruleFindings(letter, draft, 'quote/misattributed').map((f) => f.text), []));
  }
  it('another person given the writer\'s words is still misattributed', () => {
    const f = single(ruleFindings(letter, 'Anton Weller said keeping the leader on would be "reckless, and may be unworkable".', 'quote/misattributed'), 'Anton Weller');
    assert.ok(f.suggestions.some((x) => sameSpeaker(x, 'Piet Moravec')), f.suggestions.join());
  });
});

describe('quote/misattributed: a surname that is also a rank', () => {
  const SPEECH = `---\ntitle: Leadership row\ndate: 2031-03-02\noutlet: Wire Ten\n---\n\nOpposition leader Mara Quell said on Monday: "We do not need a new captain on the bridge – we need a new ship."\n\nFormer premier Dame Ottilie Judge said the plan was "unwise and unworkable".\n`;
  const corpus = corpusOf([SPEECH]);
  it('"…," Judge said names Dame Ottilie Judge, and the words were Quell\'s', () => {
    const draft = 'Former premier Dame Ottilie Judge warned against the plan.\n\n"We do not need a new captain on the bridge – we need a new ship," Judge said.';
    const f = single(ruleFindings(corpus, draft, 'quote/misattributed'), 'Judge');
    assert.equal(f.suggestions[0], 'Mara Quell');
  });
  it('the same words given to their speaker stay quiet', () => {
    const draft = 'Former premier Dame Ottilie Judge warned against the plan.\n\n"The plan is unwise and unworkable," Judge said.';
    assert.deepEqual(ruleFindings(corpus, draft, 'quote/misattributed'), []);
  });
});

describe('quote/misattributed: a speaker after an abbreviated rank', () => {
  const BRIEFING = `---\ntitle: Ferry search ends\ndate: 2031-05-04\noutlet: Wire Eleven\n---\n\nThe search for the missing deckhands was called off at dusk. "At this stage, we do not expect that we will find any of the crew still alive," said Rear Admiral Tomas Verhallen.\n`;
  const corpus = corpusOf([BRIEFING]);
  it('"…," said Coast Guard Rear Adm. Tomas Verhallen is the sources\' speaker, not "Coast Guard Rear Adm"', () => {
    const draft = 'Rescuers turned to recovery. "At this stage, we do not expect that we will find any of the crew still alive," said Coast Guard Rear Adm. Tomas Verhallen. The families were told.';
    assert.deepEqual(ruleFindings(corpus, draft, 'quote/misattributed'), []);
  });
  it('the words given to someone else after the rank are still misattributed', () => {
    const draft = 'Rescuers turned to recovery. "At this stage, we do not expect that we will find any of the crew still alive," said Coast Guard Vice Adm. Rolf Ambrose. The families were told.';
    const f = single(ruleFindings(corpus, draft, 'quote/misattributed'), 'Rolf Ambrose');
    assert.equal(f.suggestions[0], 'Tomas Verhallen');
  });
});
