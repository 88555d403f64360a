// date/conflict: a date, month, year, weekday or duration that disagrees with the sources' date for the same event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { analyzeText } from '../../server/src/extract/document';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

Zelensky welcomed the changes to the peace plan on Monday, his office said.

Lavrov said the summit in Alaska in August had set the spirit of any deal.

Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2022.

Bloomberg published a transcript of a call on 14 October between Witkoff and Ushakov.

The war has now lasted almost four years.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
outlet: Wire Two
---

Zelensky welcomed the changes to the peace plan on Monday, saying the steps were doable.

The transcript of the 14 October call between Witkoff and Ushakov was published by Bloomberg.
`;
const corpus = corpusOf([ONE, TWO]);
const dated = (body: string) => `---\ndate: 2025-11-26\n---\n${body}`;
const conflicts = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'date/conflict', options);

describe('date/conflict fires', () => {
  const FIRES: Array<[string, string, string[], string]> = [
    [dated('Zelensky welcomed the changes to the peace plan on Wednesday, his office said.'), 'Wednesday', ['Monday'], 'a weekday'],
    ['Lavrov said the summit in Alaska in September had set the spirit of any deal.', 'September', ['August'], 'a month'],
    ['Russia annexed Crimea in 2016 and launched its full-scale invasion in February 2022.', '2016', ['2014'], 'a bare year (Crimea)'],
    ['Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2023.', 'February 2023', ['February 2022'], 'month and year'],
    ['Bloomberg published a transcript of a call on 14 November between Witkoff and Ushakov.', '14 November', ['14 October'], 'day and month'],
  ];
  for (const [draft, covering, suggestions, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestions)}`, () => {
      const f = single(conflicts(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, suggestions);
      assert.ok(f.message.includes(`none has “${covering}”`), f.message);
      assertEvidence(corpus, f);
    });
  }

  it('counts the sources: two say Monday', () => {
    const f = single(conflicts(dated('Zelensky welcomed the changes to the peace plan on Wednesday, his office said.')), 'Wednesday');
    assert.match(f.message, /2 sources say “Monday”/);
    assert.equal(f.evidence.length, 2);
  });

  it('a duration: "more than five years" against "almost four years"', () => {
    const f = single(conflicts('The war has now lasted more than five years.'), 'more than five years');
    assert.deepEqual(f.suggestions, ['almost four years']);
  });

  // Regression (was an engine bug, fixed in eb95b2e): a duration is also extracted as a figure (unit "year"), so "more than five years" gets both figure/conflict and date/conflict on the same range
  it('reports one mistake once', () => {
    const found = findingsOf(corpus, 'The war has now lasted more than five years.');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.rule)));
  });

  // Regression (was an engine bug, fixed in eb95b2e): weekdays are only compared with weekdays, so "on 20 November" is never checked against the sources' "on Monday" (24 November for a source dated 25 November), though the design asks for resolved relative days
  it('compares a calendar date with a weekday after resolving it', () => {
    const f = single(conflicts(dated('Zelensky welcomed the changes to the peace plan on 20 November, his office said.')), '20 November');
    assert.ok(f.suggestions.some((s) => /Monday|24 November/.test(s)), JSON.stringify(f.suggestions));
  });
});

describe('date/conflict with dated sources and drafts', () => {
  const sentence = 'Russia and Ukraine exchanged heavy missile and drone attacks late Monday into Tuesday.';
  it('a weekday a week away in a source is another event', () => {
    const c = corpusOf([`---\ndate: 2025-11-11\n---\nZelensky spoke to reporters in Kyiv on Monday.\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-25\n---\nZelensky spoke to reporters in Kyiv on Tuesday.\n`, 'date/conflict'), []);
  });
  it('the same weekdays in the same week agree', () => {
    const c = corpusOf([`---\ndate: 2025-11-25\n---\n${sentence}\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-26\n---\n${sentence}\n`, 'date/conflict'), []);
  });
  it('a source sentence copied word for word into a draft dated a week later is not a conflict', () => {
    const c = corpusOf([`---\ndate: 2025-11-18\n---\n${sentence}\n`]);
    assert.deepEqual(ruleFindings(c, `---\ndate: 2025-11-25\n---\n${sentence}\n`, 'date/conflict').map((f) => `${f.text} → ${f.suggestions}`), []);
  });
});

describe('date/conflict stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    [dated('Zelensky welcomed the changes to the peace plan on Monday, his office said.'), 'the same weekday'],
    ['Lavrov said the summit in Alaska in August had set the spirit of any deal.', 'the same month'],
    ['Russia annexed Crimea in 2014 and launched its full-scale invasion in February 2022.', 'the same years'],
    ['Russia annexed Crimea in 2016 and launched its full-scale invasion in February 2022.', 'the right date beside a wrong one'],
    ['Bloomberg published a transcript of a call on 14 October 2025 between Witkoff and Ushakov.', 'a fuller form of the same date'],
    ['The war has now lasted nearly four years.', 'a duration inside the sources\' interval'],
    ['Lavrov said the summit in Alaska in August had set the spirit of any deal. "We met in September," he said.', 'a date inside a quote'],
    ['The city of Lviv was founded in 1256, and its old town was listed by Unesco in 1998.', 'unrelated dates'],
    ['Zelensky will visit Washington in December, his office said.', 'an event the sources do not date'],
    ['The 24-hour ceasefire ended at 03:59 on the front line.', 'neither a time nor a compound is a date'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => {
      const found = conflicts(draft);
      const wrong = why === 'the right date beside a wrong one' ? found.filter((f) => f.text !== '2016') : found;
      assert.deepEqual(wrong.map((f) => f.text), []);
    });
  }
});

describe('date/conflict settings', () => {
  const draft = 'Lavrov said the summit in Alaska in September had set the spirit of any deal.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'date/conflict')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(conflicts(draft, { severities: { 'date/conflict': 'hint' } }), 'September').severity, 'hint'));
  it('is silenced by "off"', () => assert.deepEqual(conflicts(draft, { severities: { 'date/conflict': 'off' } }), []));
  it('is silenced on the next line by a bare corroborate-disable-next-line', () => assert.deepEqual(conflicts(`<!-- corroborate-disable-next-line -->\n\n${draft}`), []));
});

// Issue 12: a date claims only its own clause's event, and is compared only with a source date of the same event.
describe('date/conflict: dates that are not event dates', () => {
  it('a dateline date is the story\'s own date, not the event\'s', () => {
    const c = corpusOf(['The ferry to Dunmere ran aground on 9 March 2024, the coastguard said.\n']);
    const draft = 'Halvorsk, 12 March 2024 — The ferry to Dunmere ran aground on 9 March 2024, the coastguard said.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
    // The event date itself is still checked.
    const wrong = single(ruleFindings(c, draft.replace('on 9 March', 'on 8 March'), 'date/conflict'), '8 March 2024');
    assert.deepEqual(wrong.suggestions, ['9 March 2024']);
  });

  it('a date inside a source\'s link belongs to another document', () => {
    const c = corpusOf(['The harbour board voted to close the Quay Street mill, its minutes show (https://harbour.example/minutes/2019-05-04).\n']);
    assert.deepEqual(ruleFindings(c, 'The harbour board voted in 2021 to close the Quay Street mill.\n', 'date/conflict').map((f) => f.text), []);
  });

  it('a source\'s publication line and reference list date no event', () => {
    const c = corpusOf([
      'Published 14 June 2023\n\nThe Quay Street mill stopped its looms for good, the owners said.\n\nReferences\n\n- Harbour board, minutes on the Quay Street mill looms, 2 February 2021.\n',
    ]);
    assert.deepEqual(ruleFindings(c, 'The Quay Street mill stopped its looms for good in May 2023, the owners said.\n', 'date/conflict').map((f) => f.text), []);
  });
});

describe('date/conflict: two events in one sentence', () => {
  it('each date is compared with its own event', () => {
    const c = corpusOf(['Negotiators met in Tarrow on Sunday.\n', 'Premier Edda Lind said on Monday that the accord was close.\n']);
    const f = single(ruleFindings(c, 'Negotiators met in Tarrow on Sunday, and on Tuesday Premier Edda Lind said the accord was close.\n', 'date/conflict'), 'Tuesday');
    assert.deepEqual(f.suggestions, ['Monday']);
  });

  it('a source date of the other clause\'s event is not a conflict', () => {
    const c = corpusOf(['Premier Edda Lind said on Tuesday that the accord was close, two days after negotiators met in Tarrow.\n']);
    const draft = 'Negotiators met in Tarrow on Sunday, and on Tuesday Premier Edda Lind said the accord was close.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
  });

  it('years of two events: the annexation and the invasion', () => {
    const c = corpusOf(["Varnia's invasion of the mainland began in May 2019, eight years after it annexed the Ostrel peninsula.\n"]);
    const draft = 'Varnia annexed the Ostrel peninsula in 2011, and its invasion of the mainland began in May 2019.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
    const wrong = single(ruleFindings(c, draft.replace('May 2019', 'May 2020'), 'date/conflict'), 'May 2020');
    assert.deepEqual(wrong.suggestions, ['May 2019']);
  });
});

describe('date/conflict: another person on another day', () => {
  it('two speakers saying the same thing on different days are two events', () => {
    const c = corpusOf(['Mayor Tomas Brek has defended the harbour levy for months.\n\nGovernor Ilse Varga said on Tuesday that the levy would stay.\n']);
    assert.deepEqual(ruleFindings(c, 'Mayor Tomas Brek said on Monday that the levy would stay.\n', 'date/conflict').map((f) => f.text), []);
  });

  it('one person welcoming a plan is not another telling reporters about it a day later', () => {
    const c = corpusOf([
      'Since then, the council has hailed progress on the harbour plan, with Mayor Brek saying it was "the right course" after securing changes.\n\n' +
        'While Governor Varga had originally pushed the council to pass the harbour plan swiftly, the governor told reporters on Tuesday that the original version "was only a sketch".\n',
    ]);
    assert.deepEqual(ruleFindings(c, 'On Monday Mayor Brek welcomed the proposed changes to the harbour plan.\n', 'date/conflict').map((f) => f.text), []);
  });

  describe('one person saying it on two occasions', () => {
    const c = corpusOf(['Governor Ilse Varga warned at a press conference on Saturday afternoon that the flood toll would keep rising as more victims were found.\n']);
    const conflicts = (draft: string) => ruleFindings(c, draft, 'date/conflict').map((f) => f.text);
    it('a broadcaster’s interview one day is not the press conference the next', () => {
      assert.deepEqual(conflicts('Governor Ilse Varga told KTVN on Friday the flood toll will keep rising.\n'), []);
    });
    it('the press conference on another day still conflicts', () => {
      assert.deepEqual(conflicts('Governor Ilse Varga warned at a press conference on Friday afternoon that the flood toll would keep rising.\n'), ['Friday afternoon']);
    });
  });

  it('the same speaker on another day still conflicts', () => {
    const c = corpusOf(['Governor Ilse Varga, speaking after a long meeting with the harbour board, said on Tuesday that the levy would stay.\n']);
    const f = single(ruleFindings(c, 'Governor Ilse Varga, after a long meeting with the harbour board, said on Thursday that the levy would stay.\n', 'date/conflict'), 'Thursday');
    assert.deepEqual(f.suggestions, ['Tuesday']);
  });
});

describe('date/conflict: a sentence opening with a participle phrase', () => {
  // "Asked about …, the council pointed to …": the opening phrase is its own clause, however long, and its words (a
  // claim that Westmark agreed) are not what happened on the date.
  const c = corpusOf(['Asked to confirm this, the council pointed the Herald to Governor Ilse Varga’s remarks in Lindau on Sunday, when she said the levy would need a second vote.\n']);
  const draft = (weekday: string) =>
    `Asked about a Norland official’s claim that Westmark had agreed to the levy with only minor details to be sorted out, the council pointed to Governor Ilse Varga’s remarks in Lindau on ${weekday}, when she said the levy would need a second vote.\n`;

  it('another weekday conflicts', () => {
    const f = single(ruleFindings(c, draft('Friday'), 'date/conflict'), 'Friday');
    assert.deepEqual(f.suggestions, ['Sunday']);
  });

  it('the same weekday agrees', () => assert.deepEqual(ruleFindings(c, draft('Sunday'), 'date/conflict'), []));
});

describe('date/conflict: what a when-clause after the date tells', () => {
  // "…’s remarks in Lindau on Sunday, when she said…": she said it that Sunday, and her name before "remarks" names who
  // spoke, so a draft reporting the remark itself dates the same event.
  const c = corpusOf(['Asked to confirm this, the council pointed the Herald to Governor Ilse Varga’s remarks in Lindau on Sunday, when she said the levy would need a second vote.\n']);
  const draft = (weekday: string) => `Varga, speaking in Lindau on ${weekday}, said the levy would need a second vote.\n`;

  it('another weekday conflicts', () => {
    const f = single(ruleFindings(c, draft('Saturday'), 'date/conflict'), 'Saturday');
    assert.deepEqual(f.suggestions, ['Sunday']);
  });

  it('the same weekday agrees', () => assert.deepEqual(ruleFindings(c, draft('Sunday'), 'date/conflict'), []));

  it('a when-clause ends at a colon: what follows it is about something else', () => {
    const record = corpusOf(['# Turnout at Norland election lowest for more than 20 years\n\nIt is also the worst turnout at a general election since 2001, when the figure slumped to 59.4%: the lowest since before the Second World War.\n']);
    const draft = '# General Election turnout was ‘lowest since 1945’\n\nThe voter turnout for the 2031 Norland General Election could be the lowest since 1945 as the Unity party wins ‘by default’, an expert has claimed.\n';
    single(ruleFindings(record, draft, 'date/conflict'), '1945');
    // The colon ends it even where another clause follows.
    const longer = corpusOf(['# Turnout at Norland election lowest for more than 20 years\n\nIt is also the worst turnout at a general election since 2001, when the figure slumped to 59.4%: the lowest since before the Second World War, and Unity gained.\n']);
    single(ruleFindings(longer, draft, 'date/conflict'), '1945');
  });

  it('a when-clause after a comma that follows other words is still another event', () => {
    const other = corpusOf(['The council met in Lindau on Sunday to discuss the budget, when Varga said the levy would need a second vote.\n']);
    assert.deepEqual(ruleFindings(other, 'Varga said on Saturday that the levy would need a second vote.\n', 'date/conflict'), []);
  });
});

describe('date/conflict: a vaguer source date is no evidence for the draft’s month', () => {
  // "2022" holds "March 2022" but does not confirm the month; the sources that give the month say February.
  const c = corpusOf([
    'Thousands of soldiers have been killed since the full-scale invasion of Norland began in February 2022.\n',
    'Thousands of soldiers have been killed since the full-scale invasion of Norland began in February 2022, officials said.\n',
    'Thousands of soldiers have been killed since the invasion of Norland began in 2022.\n',
  ]);
  const draft = (when: string) => `Thousands of soldiers have been killed since the full-scale invasion of Norland began in ${when}.\n`;

  it('another month conflicts', () => assert.deepEqual(single(ruleFindings(c, draft('March 2022'), 'date/conflict'), 'March 2022').suggestions, ['February 2022']));
  it('the same month agrees', () => assert.deepEqual(ruleFindings(c, draft('February 2022'), 'date/conflict'), []));
  it('the year alone agrees', () => assert.deepEqual(ruleFindings(c, draft('2022'), 'date/conflict'), []));
  it('with only the vaguer source, the month is unverified', () =>
    assert.deepEqual(ruleFindings(corpusOf(['Thousands of soldiers have been killed since the invasion of Norland began in 2022.\n']), draft('March 2022'), 'date/conflict'), []));
});

describe('date/conflict: time zones', () => {
  const strike = (day: string) => `Drones struck the Pellam grain terminal ${day}, the port authority said.\n`;
  it('"late on Monday" in one source and "on Tuesday" in the draft may be the same night', () => {
    const c = corpusOf([strike('late on Monday')]);
    assert.deepEqual(ruleFindings(c, strike('on Tuesday'), 'date/conflict').map((f) => f.text), []);
  });

  it('datelines in two places: a day apart is not a conflict, two days are', () => {
    const c = corpusOf([`OSTRAVEN, 12 March 2024 — ${strike('on Monday')}`]);
    assert.deepEqual(ruleFindings(c, `Meridian City, 12 March 2024 — ${strike('on Tuesday')}`, 'date/conflict').map((f) => f.text), []);
    assert.equal(single(ruleFindings(c, `Meridian City, 12 March 2024 — ${strike('on Saturday')}`, 'date/conflict'), 'Saturday').severity, 'warning');
  });

  it('the same dateline place and a day apart is a conflict', () => {
    const c = corpusOf([`OSTRAVEN, 12 March 2024 — ${strike('on Monday')}`]);
    const f = single(ruleFindings(c, `Ostraven, 12 March 2024 — ${strike('on Tuesday')}`, 'date/conflict'), 'Tuesday');
    assert.deepEqual(f.suggestions, ['Monday']);
  });
});

describe('date/conflict: lengths of time of different things', () => {
  const SOURCES = [
    'A judge on Friday sentenced the former mill owner Dagny Holt to more than eight years in prison for cheating her investors.\n',
    'The sentence imposed by Judge Piet Marsh was shorter than the 12-year term requested by prosecutors but far tougher than the leniency her lawyers sought.\n',
    'Prosecutors had asked for 12 years, while her lawyers sought house arrest or 18 months in prison at most.\n',
  ];
  const c = corpusOf(SOURCES);
  it('"eight years and four months" is one length of time, inside "more than eight years"', () => {
    const draft = 'Judge Piet Marsh imposed a sentence of eight years and four months in prison on Dagny Holt.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
  });
  it('the term prosecutors asked for and the sentence imposed are two quantities', () => {
    // Only the sources that state the other quantities: none of them dates the sentence imposed.
    const draft = 'Judge Piet Marsh imposed a sentence of eight years, shorter than the term requested by prosecutors.\n';
    assert.deepEqual(ruleFindings(corpusOf(SOURCES.slice(1)), draft, 'date/conflict').map((f) => f.text), []);
  });
  it('prison and supervision joined by "and" are two lengths of time', () => {
    const draft = 'Dagny Holt was sentenced to eight years and four months in prison and 3 years of supervised release on Friday.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
  });
  it('a wrong sentence length still conflicts', () => {
    const f = single(ruleFindings(c, 'A judge on Friday sentenced the former mill owner Dagny Holt to five years in prison for cheating her investors.\n', 'date/conflict'), 'five years');
    assert.equal(f.severity, 'warning');
    assert.ok(f.suggestions.includes('more than eight years'), JSON.stringify(f.suggestions));
  });
  it('"nearly eight years" stops short of "more than eight years": they never meet', () => {
    const draft = 'A judge on Friday sentenced the former mill owner Dagny Holt to nearly eight years in prison for cheating her investors.\n';
    const f = single(ruleFindings(c, draft, 'date/conflict'), 'nearly eight years');
    assert.ok(f.suggestions.includes('more than eight years'), JSON.stringify(f.suggestions));
    const atLeast = 'A judge on Friday sentenced the former mill owner Dagny Holt to at least eight years in prison for cheating her investors.\n';
    assert.deepEqual(ruleFindings(c, atLeast, 'date/conflict').map((f) => f.text), [], '"at least eight" meets "more than eight"');
  });
  it('"almost" a number of months is within half a month of it, not half a year', () => {
    const months = corpusOf(['Almost six months since members of his own party began calling for him to go, Mayor Osric Venn has resigned.\n']);
    const f = single(ruleFindings(months, 'Members of his own party had been calling for Mayor Osric Venn to go for almost eight months.\n', 'date/conflict'), 'almost eight months');
    assert.deepEqual(f.suggestions, ['Almost six months']);
    assert.deepEqual(ruleFindings(months, 'Members of his own party had been calling for Mayor Osric Venn to go for almost six months.\n', 'date/conflict'), []);
  });
});

describe('date/conflict: who announced, not whose offer', () => {
  const BID = `---
title: Vale bids for Kestrel Air
date: 2031-05-10
outlet: Deal Wire
---

On 3 May, Orin Vale, who had bought 8 percent of the shares in Kestrel Air, said he was ready to offer $30 billion to take the company private.
`;
  const corpus = corpusOf([BID]);
  it('the company’s announcement is not the day of the bidder’s offer', () => {
    assert.deepEqual(ruleFindings(corpus, 'Kestrel Air announced on May 9 that it accepted Orin Vale’s offer of $30 billion to take the company private.', 'date/conflict'), []);
  });
  it('the bidder’s offer on another day still conflicts', () => {
    single(ruleFindings(corpus, 'On 7 May, Orin Vale said he was ready to offer $30 billion to take the company private.', 'date/conflict'), '7 May');
  });
});

describe('date/conflict: a year that is part of a name', () => {
  const c = corpusOf([`---\ndate: 2024-07-15\n---\nOrla Finch became the second player to score three goals in a Harbour Cup final, after Tomas Reyne in 1978.\n`]);
  it('"Harbour Cup 2024 final" is a name, not a date for Reyne\'s three goals', () => {
    const draft = 'Until now, Tomas Reyne had been the only player to score three goals in a Harbour Cup 2024 final.\n';
    assert.deepEqual(ruleFindings(c, draft, 'date/conflict').map((f) => f.text), []);
  });
  it('the same year after a preposition is still a date', () => {
    const draft = 'Orla Finch became the second player to score three goals in a Harbour Cup final, after Tomas Reyne in 1987.\n';
    assert.equal(single(ruleFindings(c, draft, 'date/conflict'), '1987').severity, 'warning');
  });
});

describe('date/conflict: a draft that gives the sources’ date too tells two events apart', () => {
  const FLOOD_WIRE = `---
title: Fire in the Marra valley
date: 2031-08-13
outlet: Valley Wire
---

The fire is the region's deadliest disaster since a 1972 flood killed 40 people in the Marra valley.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([FLOOD_WIRE]), draft, 'date/conflict').map((f) => f.text);
  it('another year beside the sources’ year, in the next sentence, dates another event', () => {
    assert.deepEqual(
      conflicts('The fire passed a 1972 flood that killed 40 people. An even deadlier flood in 1951, which killed more than 90 in the Marra valley, led to new sirens.'),
      [],
    );
  });
  it('without the sources’ year beside it, the other year still conflicts', () => {
    assert.deepEqual(conflicts('The fire is the deadliest disaster since a 1951 flood killed 40 people in the Marra valley.'), ['1951']);
  });
});

describe('date/conflict: a rising count told on two days is two announcements', () => {
  const TOLL_WIRE = `---
title: Fire in Corvo
date: 2031-08-13
outlet: Island Wire
---

The death toll from the fires on Corvo reached 93 on Saturday, according to the county website.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([TOLL_WIRE]), draft, 'date/conflict').map((f) => f.text);
  it('another amount told on another day is another announcement', () => {
    assert.deepEqual(conflicts('The death toll from the fires on Corvo jumped to 67, county officials said Friday.'), []);
  });
  it('the same amount on another day still conflicts', () => {
    assert.deepEqual(conflicts('The death toll from the fires on Corvo reached 93 on Sunday, according to the county website.'), ['Sunday']);
  });
});

describe('date/conflict: two amounts that cannot be one rising count', () => {
  const STATS_WIRE = `---
title: Prices in Corvo
date: 2031-08-13
outlet: Island Wire
---

The island's statistics office said on Friday that consumer prices in Corvo rose 6.4% in July, the fastest pace in a decade.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([STATS_WIRE]), draft, 'date/conflict').map((f) => f.text);
  it('a smaller amount told on a later day is a wrong figure, not a later announcement: the day still conflicts', () => {
    const draft = `---\ndate: 2031-08-14\n---\nThe island's statistics office said on Monday that consumer prices in Corvo rose 6.1% in July, the fastest pace in a decade.\n`;
    assert.deepEqual(conflicts(draft), ['Monday']);
  });
  it('a larger amount told on a later day may be a later announcement', () => {
    const draft = `---\ndate: 2031-08-14\n---\nThe island's statistics office said on Monday that consumer prices in Corvo rose 6.9% in July, the fastest pace in a decade.\n`;
    assert.deepEqual(conflicts(draft), []);
  });
});

describe('date/conflict: a source sentence that also has the draft date', () => {
  const corpus = corpusOf([`---
title: Lending
date: 2031-06-15
outlet: Wire Seven
---

The Tessaly reserve bank will go on shrinking its bond holdings by $40 billion a month — a move that took effect March 1 — stepping up to $80 billion in July.
`]);
  it('is not evidence against it, though its clauses are worded apart', () => {
    const draft = 'The Tessaly reserve bank will keep shrinking its bond holdings by $40 billion a month, a process that began on March 1, and the pace will double in July.';
    assert.deepEqual(ruleFindings(corpus, draft, 'date/conflict'), []);
  });
  it('a changed date in the same sentence still fires', () => {
    const draft = 'The Tessaly reserve bank will keep shrinking its bond holdings by $40 billion a month, and the pace will double to $80 billion in August.';
    single(ruleFindings(corpus, draft, 'date/conflict'), 'August');
  });
});

describe('date/conflict: "the highest since 2019" measures from a date, it is not the event’s date', () => {
  const RATE_WIRE = `---
title: Orland bank raises rates
date: 2031-09-04
outlet: Orland Wire
---

At its meeting ending on 3 September 2031, the Orland board voted 6-1 to raise the key rate by 0.5 percentage points, to 3.5%.

It was the biggest single rise since 2015, the board said.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([RATE_WIRE]), draft, 'date/conflict').map((f) => f.text);
  it('reads a date after a superlative or an ordinal and "since" as the base of a comparison', () => {
    const base = (t: string) => analyzeText(t).dates.map((d) => !!d.base);
    assert.deepEqual(base('The rate is the highest since December 2019.'), [true]);
    assert.deepEqual(base('It was the sixth rise since December.'), [true]);
    assert.deepEqual(base('She has been held since 3 March.'), [false]);
  });
  it('the date a comparison starts from is not paired with the meeting’s date', () => {
    assert.deepEqual(conflicts('The board voted 6-1 to lift the key rate by 50 basis points to 3.5 percent, the highest rate since December 2019.'), []);
  });
  it('another base of the same comparison still conflicts', () => {
    assert.deepEqual(conflicts('It was the biggest single rise since 2012, the board said.'), ['2012']);
  });
});

describe('date/conflict: "lower than when it lost them in 2017" measures from a date, it is not the event’s date', () => {
  const VOTE_WIRE = `---
title: Moor Party landslide
date: 2033-07-05
outlet: Fenland Wire
---

Despite a small rise in its vote share, the Moor Party has won 380 seats with three seats yet to declare, a result just short of the record majority won by Ada Hale in 2012.
`;
  const SHARE_WIRE = VOTE_WIRE.replace(/Despite a small rise.*/, 'In the northern seats, the Moor Party’s share was lower than in 2021.');
  const conflicts = (draft: string, wire = VOTE_WIRE) => ruleFindings(corpusOf([wire]), draft, 'date/conflict').map((f) => f.text);
  it('reads a date after a comparative and "than in" or "than when …" as the base of a comparison', () => {
    const base = (t: string) => analyzeText(t).dates.map((d) => !!d.base);
    assert.deepEqual(base('Its share was lower than when it lost the seats in 2017.'), [true]);
    assert.deepEqual(base('Turnout was higher than in March 2029.'), [true]);
    assert.deepEqual(base('The count must end no later than 3 March.'), [false]);
    assert.deepEqual(base('The count took more than two years.'), [false]);
  });
  it('the time a comparison measures from is not paired with another election’s date', () => {
    assert.deepEqual(conflicts('In nine seats, the party’s vote share was actually lower than when they lost the seats in 2017.'), []);
  });
  it('another base of the same comparison still conflicts', () => {
    assert.deepEqual(conflicts('In the northern seats, the Moor Party’s share was lower than in 2019.', SHARE_WIRE), ['2019']);
  });
});

describe('date/conflict: "at every final until 1988" bounds a run of events', () => {
  const c = corpusOf([`---
title: Final crowds
date: 2031-05-20
outlet: Cup Wire
---

Attendance stayed above 80% at every national cup final until 1988, when it fell to 74%.
`, `---
title: Rovers win
date: 2031-05-20
outlet: Other Wire
---

Rovers won the national cup final on Saturday, beating Town 3-1 in front of a record crowd.
`]);
  const conflicts = (draft: string) => ruleFindings(c, draft, 'date/conflict').map((f) => f.text);
  it('is not the date of one final', () => {
    assert.deepEqual(conflicts('Cup final 2031: attendance in numbers\n'), []);
  });
  it('another end of the same run still conflicts', () => {
    assert.deepEqual(conflicts('Attendance stayed above 80% at every national cup final until 1986, when it fell to 74%.\n'), ['1986']);
  });
});

describe('date/conflict: "up to" a length of time is a ceiling', () => {
  const SOURCES = [
    'Juror deliberations ended on Tuesday. Each count carries a different maximum sentence: 30 years for wire fraud, 20 years for conspiracy, and 5 years for obstruction.\n',
    'Under the state guidelines, the former banker Odile Brask would face a presumptive sentence of 7.5 years in prison for the wire fraud count.\n',
  ];
  const c = corpusOf(SOURCES);
  it('"faces up to 55 years in prison" (the maxima added up) is no conflict with a presumptive or a maximum term', () => {
    assert.deepEqual(ruleFindings(c, 'The former banker Odile Brask now faces up to 55 years in prison.\n', 'date/conflict').map((f) => f.text), []);
  });
  it('"carries up to 30 years in prison" is no conflict with the presumptive 7.5 years', () => {
    assert.deepEqual(ruleFindings(c, 'The wire fraud count against Odile Brask carries up to 30 years in prison.\n', 'date/conflict').map((f) => f.text), []);
  });
  it('another ceiling for the same count still conflicts', () => {
    const ceiling = corpusOf(['The wire fraud count against the former banker Odile Brask carries up to 30 years in prison.\n']);
    const f = single(ruleFindings(ceiling, 'The wire fraud count against the former banker Odile Brask carries up to 25 years in prison.\n', 'date/conflict'), 'up to 25 years');
    assert.equal(f.severity, 'warning');
  });
});

describe('date/conflict: a decade', () => {
  const SERVICE = `---\ntitle: Gunman named\ndate: 2031-05-02\noutlet: Wire Thirty\n---\n\nReports said Dorian Vell had been a member of the coast guard and left the service in 2006 after serving for around four years.\n`;
  const corpus = corpusOf([SERVICE]);
  it('"in the 2000s" is not the year 2000: no conflict with a year inside the decade', () => {
    assert.deepEqual(ruleFindings(corpus, 'The suspect was arrested at the scene, and it emerged that he served in the coast guard for four years in the 2000s.', 'date/conflict'), []);
  });
  it('a year given as a year still conflicts', () => {
    single(ruleFindings(corpus, 'Reports said Dorian Vell had been a member of the coast guard and left the service in 2008 after serving for around four years.', 'date/conflict'), '2008');
  });
});

describe('date/conflict: a sum of terms against one of them', () => {
  const RECORD = `---\ntitle: Prize for jailed campaigner\ndate: 2031-10-06\noutlet: Wire Thirty-One\n---\n\nThe authorities have arrested Leyla Moradi nine times and sentenced her to a total of 24 years in prison and 120 lashes.\n`;
  const corpus = corpusOf([RECORD]);
  it('"six years" at one trial against "a total of 24 years" is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'In 2029, Moradi was tried in ten minutes and sentenced to six years in prison and 40 lashes.', 'date/conflict'), []);
  });
  it('a plain term longer than the total still conflicts', () => {
    single(ruleFindings(corpus, 'In 2029, Moradi was tried in ten minutes and sentenced to 30 years in prison and 140 lashes.', 'date/conflict'), '30 years');
  });
});

describe('date/conflict: an aside between dashes, and a further point of what was said', () => {
  const TARIFFS = `---\ntitle: Tariff talks\ndate: 2031-03-12\noutlet: Wire Forty\n---\n\nTrade Minister Halvard Roos – who is not attending the summit in Lisbon – said on Tuesday that the Commission was yet to receive the "final" version of the revised tariff plan, adding that Oslo's view was that it should follow the "letter and spirit" of the Bergen accord.\n`;
  const corpus = corpusOf([TARIFFS]);
  it('the actor before the aside still dates the statement: another weekday conflicts', () => {
    const draft = 'The ministry has not moved. Halvard Roos said on Monday that Oslo was still waiting for the "final" version of the revised tariff plan and that any deal must honour the "letter and spirit" of the Bergen accord.\n';
    const f = single(ruleFindings(corpus, draft, 'date/conflict'), 'Monday');
    assert.deepEqual(f.suggestions, ['Tuesday']);
  });
  it('the same weekday is no conflict', () => {
    const draft = 'Halvard Roos said on Tuesday that Oslo was still waiting for the "final" version of the revised tariff plan and that any deal must honour the "letter and spirit" of the Bergen accord.\n';
    assert.deepEqual(ruleFindings(corpus, draft, 'date/conflict'), []);
  });
  it('the aside is another event: its actor does not make a statement by someone else the same one', () => {
    const draft = 'Ingrid Sol said on Monday that the summit in Lisbon would go ahead.\n';
    assert.deepEqual(ruleFindings(corpus, draft, 'date/conflict'), []);
  });
});

describe('date/conflict: a titled actor after "of" ("Secretary of State Alma Virtanen") acts, it is no place', () => {
  const corpus = corpusOf([
    'Foreign Minister Ivo Kask met the envoys from the northern states on Monday.\n',
    'Secretary of State Alma Virtanen met the envoys from the northern states on Wednesday.\n',
  ]);
  it('the weekday of her own meeting conflicts, not that of another minister', () => {
    const f = single(ruleFindings(corpus, 'Secretary of State Alma Virtanen met the envoys from the northern states on Monday.\n', 'date/conflict'), 'Monday');
    assert.deepEqual(f.suggestions, ['Wednesday']);
  });
  it('her own weekday is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Secretary of State Alma Virtanen met the envoys from the northern states on Wednesday.\n', 'date/conflict'), []);
  });
});

describe('date/conflict: a source sentence that also names the draft’s day by its weekday', () => {
  const LAUNCH = `---\ntitle: New tablets\noutlet: Wire Forty\n---\n\nAll the new Zephyr tablets will be available in stores Oct. 9, with pre-orders beginning this Thursday.\n`;
  const corpus = corpusOf([LAUNCH]);
  it('"from Thursday, October 3" for the pre-orders is no conflict with the stores’ "Oct. 9"', () => {
    assert.deepEqual(ruleFindings(corpus, 'The new Zephyr tablets will be available to pre-order from Thursday, October 3.', 'date/conflict'), []);
  });
  it('another day for the stores still conflicts', () => {
    single(ruleFindings(corpus, 'All the new Zephyr tablets will be available in stores Oct. 12, with pre-orders beginning this Thursday.', 'date/conflict'), 'Oct. 12');
  });
});

describe('date/conflict: another instance of the event ("another increase", "a second vote")', () => {
  const corpus = corpusOf([`---
title: Bank raises rates
date: 2026-06-12
outlet: Wire One
---

The Kestrel Bank’s surprise hike of half a percentage point for the nine member states is expected to be followed by another increase in September, possibly of another half-point.
`]);
  it('this increase’s date against the next one’s is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'The Kestrel Bank surprised markets on Thursday (June 11) with a bigger-than-forecast increase of half a percentage point for the nine member states.\n', 'date/conflict'), []);
  });
  it('another date for the other increase still conflicts', () => {
    single(ruleFindings(corpus, 'The Kestrel Bank’s surprise hike of half a percentage point for the nine member states is expected to be followed by another increase in October.\n', 'date/conflict'), 'October');
  });
});

describe('date/conflict: the date of an earlier value ("down from 3.5% in December")', () => {
  const corpus = corpusOf([`---
title: Jobless rate falls
date: 2026-04-03
outlet: Wire One
---

The jobless rate in Varnholt edged down to 4.1% in March, the lowest reading since 1999, the statistics office said.
`]);
  it('the earlier value’s month is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'The jobless rate in Varnholt fell to 4.1%, down from 4.3% in February, the statistics office said.\n', 'date/conflict'), []);
  });
  it('another month for the new value still conflicts', () => {
    single(ruleFindings(corpus, 'The jobless rate in Varnholt edged down to 4.1% in April, the lowest reading since 1999, the statistics office said.\n', 'date/conflict'), 'April');
  });
});

describe('date/conflict: a year naming the noun after it ("the 2016 election") dates that, not the clause', () => {
  const corpus = corpusOf([`---
title: Verdict
date: 2026-05-30
outlet: Wire One
---

Ilse Varga was found guilty of falsifying Varnholt business records to cover up a payment to a singer in a conspiracy to defraud the 2016 electorate.
`]);
  it('the indictment’s date against the election’s year is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'A Varnholt grand jury indicted Ilse Varga in March 2023 for falsifying business records of payments made to a singer.\n', 'date/conflict'), []);
  });
  it('another year for the electorate still conflicts', () => {
    single(ruleFindings(corpus, 'Ilse Varga was found guilty of falsifying Varnholt business records to cover up a payment to a singer in a conspiracy to defraud the 2018 electorate.\n', 'date/conflict'), '2018');
  });
});

describe('date/conflict: the day of a statement is not the day of what it tells of', () => {
  const corpus = corpusOf([`---
title: Storm
date: 2026-12-14
outlet: Wire One
---

President Ilse Varga said Monday she will go to Norland later this week to inspect the devastation wrought by tornadoes in the South and Midwest that killed dozens of people across several states.
`]);
  it('the storm’s night against the president’s Monday is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Norland was the worst hit state by far as a tornado — or multiple tornadoes — moved across the South and Midwest Friday night and into Saturday morning.\n', 'date/conflict'), []);
  });
  it('another day for the statement still conflicts', () => {
    single(ruleFindings(corpus, 'President Ilse Varga said Tuesday she will go to Norland later this week to inspect the devastation wrought by tornadoes in the South and Midwest.\n', 'date/conflict'), 'Tuesday');
  });
});

describe('date/conflict: a later date in the clause, after "as", dates what follows', () => {
  const corpus = corpusOf([`---
title: War declared
date: 2026-10-08
outlet: Wire One
---

Norland formally declared a state of war on Sunday as the death toll from an unprecedented Kestrel Front attack a day earlier rose above 700.
`]);
  it('the attack’s Saturday against the declaration’s Sunday is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'The Kestrel Front’s unprecedented attack Saturday marked the largest attack on Norland in decades, and the death toll rose above 700.\n', 'date/conflict'), []);
  });
  it('another day for the declaration still conflicts', () => {
    single(ruleFindings(corpus, 'Norland formally declared a state of war on Monday as the death toll rose above 700.\n', 'date/conflict'), 'Monday');
  });
});
