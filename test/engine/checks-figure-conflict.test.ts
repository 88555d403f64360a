// figure/conflict: a number that disagrees with the sources' number for the same thing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { assertEvidence, corpusOf, findingsOf, ruleFindings, single } from './helpers';

const WIRE_ONE = `---
title: Strikes on Kyiv
date: 2025-11-25
outlet: Wire One
---

Russia launched 22 missiles and more than 460 drones at Kyiv overnight, the Ukrainian air force said on Tuesday.

In Zaporizhzhia, at least seven people were injured and up to 40,000 people lost power.

Tens of thousands of people have fled the eastern town of Pokrovsk since the summer.

Between 10-12 firefighters were hurt tackling the blaze at the fuel depot.

Russia annexed Crimea in 2014.
`;
const WIRE_TWO = `---
title: Kyiv hit again
date: 2025-11-25
outlet: Wire Two
---

Russia fired 22 missiles and more than 460 drones at Kyiv overnight, Ukraine's air force said on Tuesday.

Poland said it would buy 48 Patriot missiles from the United States next year.
`;
const corpus = corpusOf([WIRE_ONE, WIRE_TWO]);
const conflicts = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'figure/conflict', options);

describe('figure/conflict fires', () => {
  const FIRES: Array<[string, string, string, string]> = [
    ['Russia launched 24 missiles and more than 460 drones at Kyiv overnight, the air force said.', '24 missiles', '22 missiles', 'a changed digit'],
    ['Russia launched twenty-four missiles and more than 460 drones at Kyiv overnight, the air force said.', 'twenty-four missiles', '22 missiles', 'number words against digits'],
    ['Russia launched 22 missiles and 300 drones at Kyiv overnight, the air force said.', '300 drones', 'more than 460 drones', 'outside the qualifier\'s interval'],
    ['In Zaporizhzhia, at least nine people were injured and up to 40,000 people lost power.', 'at least nine people', 'at least seven people', '"at least nine" against "at least seven": a different count though the intervals meet'],
    ['In Zaporizhzhia, at least seven people were injured and up to 60,000 people lost power.', 'up to 60,000 people', 'up to 40,000 people', 'a different bound'],
    ['About 500,000 people have fled the eastern town of Pokrovsk since the summer.', 'About 500,000 people', 'Tens of thousands of people', 'outside "tens of thousands"'],
    ['Some 30 firefighters were hurt tackling the blaze at the fuel depot.', 'Some 30 firefighters', '10-12 firefighters', 'outside a hyphenated range'],
  ];
  for (const [draft, covering, suggestion, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestion)}`, () => {
      const f = single(conflicts(draft), covering);
      assert.equal(f.text, covering, 'the range covers the whole figure');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, [suggestion]);
      assert.match(f.message, new RegExp(suggestion));
      assert.ok(f.message.includes(`none has “${covering}”`), f.message);
      assertEvidence(corpus, f);
      assert.ok(f.evidence.every((e) => e.excerpt.includes(suggestion)), 'each excerpt holds the source figure');
    });
  }

  it('counts the sources that agree among themselves', () => {
    const f = single(conflicts('Russia launched 24 missiles and more than 460 drones at Kyiv overnight.'), '24 missiles');
    assert.match(f.message, /2 sources say “22 missiles”/);
    assert.deepEqual(f.evidence.map((e) => e.outlet).sort(), ['Wire One', 'Wire Two']);
    assert.ok(f.evidence.every((e) => e.date === '2025-11-25'));
  });
});

describe('figure/conflict stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['Russia launched 22 missiles and more than 460 drones at Kyiv overnight, the air force said.', 'the same figures'],
    ['Russia launched twenty-two missiles and more than 460 drones at Kyiv overnight.', 'number words for the same value'],
    ['Russia launched 22 missiles and nearly 500 drones at Kyiv overnight.', '"nearly 500" fits "more than 460"'],
    ['In Zaporizhzhia, at least seven people were injured and up to 40,000 people lost power.', 'the same qualifiers'],
    ['About 50,000 people have fled the eastern town of Pokrovsk since the summer.', 'inside "tens of thousands"'],
    ['Eleven firefighters were hurt tackling the blaze at the fuel depot.', 'inside a hyphenated range 10-12'],
    ['"We shot down 30 missiles over Kyiv overnight," the Ukrainian air force said on Tuesday.', 'a number inside a quote is not checked as a figure'],
    ['Russia annexed Crimea in 2014, years before 22 missiles hit Kyiv overnight.', 'a year is not a count'],
    ['The 24-hour ceasefire collapsed when Russia launched 22 missiles at Kyiv overnight.', '24-hour is not a number of missiles'],
    ['The city council has 48 members.', 'an unrelated figure'],
    ['Germany said it would send 12 tanks to Ukraine next year.', 'a different unit'],
    ['Kharkiv was hit by 14 missiles on Sunday, the regional governor said.', 'the same unit about a different event'],
    ['It was one of the worst nights of the war, with 22 missiles fired at Kyiv.', '"one of the" is not a count'],
    ['The weather in Kyiv was cold and grey.', 'no figures at all'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(conflicts(draft).map((f) => f.text), []));
  }

  it('a figure no source reports is unverified, not wrong', () => {
    assert.deepEqual(conflicts('Russia launched 24 missiles and 464 drones at Odesa overnight.').map((f) => f.text), []);
  });

  // Regression (was an engine bug, fixed in eb95b2e): only hyphenated ranges are read; "Between 10 and 12 firefighters" becomes "12 firefighters", so a draft's "eleven" is flagged
  it('"between 10 and 12" is a range too', () => {
    const c = corpusOf(['Between 10 and 12 firefighters were hurt tackling the blaze at the depot.\n']);
    assert.deepEqual(ruleFindings(c, 'Eleven firefighters were hurt tackling the blaze at the depot.', 'figure/conflict'), []);
  });

  // Regression (was an engine bug, fixed in eb95b2e): differentEvent() ignores sentence-initial names, so "Germany … 12 Patriot missiles" is matched to "Poland … 48 Patriot missiles"
  it('a different actor opening the sentence makes a different fact', () => {
    const c = corpusOf(['Poland said it would buy 48 Patriot missiles from the United States next year.\n']);
    assert.deepEqual(ruleFindings(c, 'Germany said it would buy 12 Patriot missiles from the United States next year.', 'figure/conflict').map((f) => f.text), []);
  });
});

describe('figure/conflict: the front matter\'s title is a headline, checked like the text', () => {
  const titled = (title: string) => `---\ntitle: "${title}"\ndate: 2025-11-26\n---\n\nTalks continued in Geneva.\n`;
  it('a wrong figure in the title, with its range inside the front matter', () => {
    const draft = titled('Russia launched 32 missiles and more than 460 drones at Kyiv overnight');
    const f = single(ruleFindings(corpus, draft, 'figure/conflict'), '32 missiles');
    assert.deepEqual(f.suggestions, ['22 missiles']);
    assert.ok(f.start > 0 && f.end < draft.indexOf('\n---\n'), 'the finding sits in the title line');
  });
  it('the right figure draws nothing, and the other front matter keys are never read as text', () => {
    assert.deepEqual(findingsOf(corpus, titled('Russia launched 22 missiles and more than 460 drones at Kyiv overnight')).map((f) => f.rule), []);
  });
});

describe('figure/conflict settings', () => {
  const draft = 'Russia launched 24 missiles and more than 460 drones at Kyiv overnight.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'figure/conflict')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(conflicts(draft, { severities: { 'figure/conflict': 'error' } }), '24 missiles').severity, 'error'));
  it('is silenced by "off"', () => assert.deepEqual(conflicts(draft, { severities: { 'figure/conflict': 'off' } }), []));
  it('is silenced by a suppression comment on the line before', () => {
    assert.deepEqual(conflicts(`<!-- corroborate-disable-next-line figure/conflict -->\n${draft}`), []);
    assert.equal(conflicts(`<!-- corroborate-disable-next-line quote/altered -->\n${draft}`).length, 1, 'another rule named: still reported');
  });
  it('is silenced for the file by corroborate-disable', () => assert.deepEqual(conflicts(`<!-- corroborate-disable figure/conflict -->\n\n${draft}`), []));
});

describe('figure/conflict: a short sentence takes its event from the sentence before', () => {
  const WIRE = `---
title: Strikes in the south
date: 2025-11-25
outlet: Wire Four
---

Both sides said strikes had been carried out on Tuesday night in Zaporizhzhia.

The regional head, Ivan Federov, said at least seven people had been injured, while officials reported that up to 40,000 people were left without electricity.
`;
  const wire = corpusOf([WIRE]);
  it('"Three people were injured." after a sentence about Odesa is not the Zaporizhzhia figure', () => {
    const draft = 'Russian drones struck a power station near Odesa on Tuesday night, the regional governor said. Three people were injured.';
    assert.deepEqual(ruleFindings(wire, draft, 'figure/conflict'), []);
  });
  it('the same short sentence after a sentence about Zaporizhzhia is', () => {
    const draft = 'Strikes were carried out on Tuesday night in Zaporizhzhia, Ivan Federov said. Nine people were injured.';
    const findings = ruleFindings(wire, draft, 'figure/conflict');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.deepEqual(findings[0].suggestions, ['at least seven people']);
  });
});

describe('figure/conflict: the same quantity means the same thing happened to it', () => {
  const WIRE = `---
title: War in Valdoria
date: 2025-03-02
outlet: Wire Five
---

Tens of thousands of fighters and thousands of villagers have been killed or hurt, and millions of people have fled their homes since the war in Valdoria began in 2019.

Five people were killed when shells hit the covered market in Borovka on Sunday morning.

The Valdorian army said 300 drones crossed into the Tarsk region overnight.
`;
  const wire = corpusOf([WIRE]);
  const conflictsIn = (draft: string) => ruleFindings(wire, draft, 'figure/conflict');

  it('"tens of thousands dead" is not the count of people who fled', () => {
    assert.deepEqual(conflictsIn('With tens of thousands dead and millions displaced since the war in Valdoria began in 2019, ministers urged talks.'), []);
  });
  it('"were injured" is not the count of the killed', () => {
    assert.deepEqual(conflictsIn('Nine people were injured when shells hit the covered market in Borovka on Sunday morning.'), []);
  });
  it('the same happening with another number still conflicts', () => {
    const f = single(conflictsIn('Nine people were killed when shells hit the covered market in Borovka on Sunday morning.'), 'Nine people');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.suggestions, ['Five people']);
  });
  it('a participle standing for the noun ("nine killed") is the same quantity', () => {
    single(conflictsIn('Nine killed when shells hit the covered market in Borovka on Sunday morning.'), 'Nine killed');
  });
  it('a happening on one side only is no evidence of the same count', () => {
    assert.deepEqual(conflictsIn('The Valdorian army said 250 drones were shot down over the Tarsk region overnight.'), []);
  });
  it('with no happening on either side the unit and context still decide', () => {
    single(conflictsIn('The Valdorian army said 250 drones crossed into the Tarsk region overnight.'), '250 drones');
  });
});

describe('figure/conflict: a value the sentence marks as old or new', () => {
  const PLAN = `---
title: Ostrava talks
date: 2025-03-02
outlet: Wire Six
---

Envoys meeting in Ostrava have drafted a 30-point peace plan for Valdoria.
`;
  const CUT = `---
title: Ostrava plan shortened
date: 2025-03-04
outlet: Wire Seven
---

The Valdoria peace plan drafted by envoys in Ostrava was cut from 30 to 21 points on Tuesday.
`;
  it('"cut from 30 to 21 points" is not contradicted by the old "30-point plan"', () => {
    const c = corpusOf([PLAN]);
    assert.deepEqual(ruleFindings(c, 'The Valdoria peace plan drafted by envoys in Ostrava was cut from 30 to 21 points on Tuesday.', 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(c, 'The Valdoria peace plan drafted by envoys in Ostrava was reduced to 21 points on Tuesday.', 'figure/conflict'), []);
  });
  it('the old value is right as the old value', () => {
    const c = corpusOf([CUT]);
    assert.deepEqual(ruleFindings(c, 'Envoys in Ostrava had trimmed the original 30-point peace plan for Valdoria on Tuesday.', 'figure/conflict'), []);
  });
  it('a new value against the sources\' new value still conflicts', () => {
    const c = corpusOf([CUT]);
    const f = single(ruleFindings(c, 'The Valdoria peace plan drafted by envoys in Ostrava was reduced to 24 points on Tuesday.', 'figure/conflict'), '24 points');
    assert.deepEqual(f.suggestions, ['21 points']);
  });
});

describe('figure/conflict: a later source that updates the figure', () => {
  const source = (date: string | undefined, outlet: string, body: string) =>
    `---\ntitle: School strike in Merovia\n${date ? `date: ${date}\n` : ''}outlet: ${outlet}\n---\n\n${body}\n`;
  const EARLY = source('2025-04-10', 'Wire Eight', 'At least four people were killed when a missile hit a school in Merovia, regional officials said.');
  const LATE = source('2025-04-11', 'Wire Nine', 'At least nine people were killed when a missile hit a school in Merovia, regional officials said, as rescuers searched the rubble.');
  const draftFollowing = (n: string) => `At least ${n} people were killed when a missile hit a school in Merovia, officials said.`;

  it('a draft that follows the older toll is told of the update and its date', () => {
    const f = single(ruleFindings(corpusOf([EARLY, LATE]), draftFollowing('four'), 'figure/conflict'), 'At least four people');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.suggestions, ['At least nine people']);
    assert.match(f.message, /updated.*Wire Nine on 2025-04-11.*“At least nine people”/);
    assert.match(f.message, /Wire Eight \(2025-04-10\)/);
  });
  it('a draft that follows the newest toll gets nothing', () => {
    assert.deepEqual(ruleFindings(corpusOf([EARLY, LATE]), draftFollowing('nine'), 'figure/conflict'), []);
  });
  it('a lower figure later is not an update of a toll', () => {
    const lower = source('2025-04-12', 'Wire Ten', 'At least two people were killed when a missile hit a school in Merovia, regional officials said.');
    assert.deepEqual(ruleFindings(corpusOf([EARLY, lower]), draftFollowing('four'), 'figure/conflict'), []);
  });
  it('the same day, or a source without a date, stays a disagreement among sources', () => {
    const sameDay = source('2025-04-10', 'Wire Nine', 'At least nine people were killed when a missile hit a school in Merovia, regional officials said, as rescuers searched the rubble.');
    assert.deepEqual(ruleFindings(corpusOf([EARLY, sameDay]), draftFollowing('four'), 'figure/conflict'), []);
    const undated = source(undefined, 'Wire Nine', 'At least nine people were killed when a missile hit a school in Merovia, regional officials said, as rescuers searched the rubble.');
    assert.deepEqual(ruleFindings(corpusOf([EARLY, undated]), draftFollowing('four'), 'figure/conflict'), []);
  });

  const PLAN_EARLY = `---\ntitle: Ostrava plan\ndate: 2025-03-02\noutlet: Wire Six\n---\n\nEnvoys meeting in Ostrava have drafted a 30-point peace plan for Valdoria, officials said.\n`;
  const PLAN_LATE = `---\ntitle: Ostrava plan revised\ndate: 2025-03-05\noutlet: Wire Seven\n---\n\nEnvoys meeting in Ostrava have drafted a revised 21-point peace plan for Valdoria, officials said.\n`;
  it('"the original 30-point plan" is right beside "the revised 21-point plan"', () => {
    assert.deepEqual(ruleFindings(corpusOf([PLAN_EARLY, PLAN_LATE]), 'Envoys meeting in Ostrava had drafted the original 30-point peace plan for Valdoria.', 'figure/conflict'), []);
  });
  it('a plan given as current after a later revision is told of it', () => {
    const f = single(ruleFindings(corpusOf([PLAN_EARLY, PLAN_LATE]), 'Envoys meeting in Ostrava have drafted a 30-point peace plan for Valdoria.', 'figure/conflict'), '30-point');
    assert.deepEqual(f.suggestions, ['21-point']);
    assert.match(f.message, /Wire Seven on 2025-03-05/);
  });
});

describe('figure/conflict: the time a game stood at one score', () => {
  const match = corpusOf([`---\ndate: 2024-05-26\n---\nIda Kroll scored twice while Pavel Oster got a hat-trick, leaving Northam and Wexby level after 120 minutes of play and sending the cup final to penalties.\n`]);
  it('"2-0 down after 80 minutes" is not the game\'s length', () => {
    const draft = 'Northam won on penalties after Ida Kroll scored twice in a 3-3 draw with a hat-trick for Pavel Oster, as Wexby came back from 2-0 down after 80 minutes.\n';
    assert.deepEqual(ruleFindings(match, draft, 'figure/conflict').map((f) => f.text), []);
  });
  it('another length for the whole game still fires', () => {
    const draft = 'Ida Kroll scored twice while Pavel Oster got a hat-trick, leaving Northam and Wexby level after 90 minutes of play and sending the cup final to penalties.\n';
    assert.equal(single(ruleFindings(match, draft, 'figure/conflict'), '90 minutes').severity, 'warning');
  });
});

describe('figure/conflict: a rare counted noun says which fact it is', () => {
  const DEMANDS = `---
title: Peace plan
date: 2031-03-02
outlet: Wire Three
---

Brannock has warned that the plan still holds points that "risk our dignity". An earlier version of the 20-point plan appeared to grant most of Ostmark's demands, including freezing the front lines, recognising Ostmark's hold on three occupied provinces, restricting Brannock's army to 300,000 personnel, and ruling out future membership of the Northern Pact.
`;
  const FRONT = `---
title: Front line
date: 2031-03-02
outlet: Wire Four
---

Brannock's army held the line near the river, the army's spokesman said. Ostmark's army shelled two Brannock towns overnight.

Brannock's president said the army would never accept a plan that barred the country from the Northern Pact.
`;
  const corpus = corpusOf([DEMANDS, FRONT]);
  it('the same rare unit in other words ("capped … at" against "restricting … to") is the same fact', () => {
    const draft = "The first version would have capped Brannock's army at 500,000 personnel and barred it from ever joining the Northern Pact.";
    const f = single(ruleFindings(corpus, draft, 'figure/conflict'), '500,000 personnel');
    assert.deepEqual(f.suggestions, ['300,000 personnel']);
  });
  it('the same value stays quiet', () => {
    const draft = "The first version would have capped Brannock's army at 300,000 personnel and barred it from ever joining the Northern Pact.";
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict'), []);
  });
});

describe('figure/conflict: sums of money', () => {
  const COURT = `---
title: Fraud sentence
date: 2031-05-09
outlet: Wire Five
---

Judge Orla Penhallow said $73 million was a "fair measure of the loss" and set a hearing on restitution.

The lender will cut its holdings by $12 billion a month, stepping up to $30 billion in August.
`;
  const corpus = corpusOf([COURT]);
  it('a changed sum with no noun after it', () => {
    const f = single(ruleFindings(corpus, 'Penhallow said $37 million was a "fair measure of the loss".', 'figure/conflict'), '$37 million');
    assert.deepEqual(f.suggestions, ['$73 million']);
  });
  it('"stepping up to" a sum is that sum, not any sum below it', () => {
    const f = single(ruleFindings(corpus, 'The lender will cut its holdings by $12 billion a month, stepping up to $25 billion in August.', 'figure/conflict'), '$25 billion');
    assert.ok(f.suggestions.includes('$30 billion'), f.message);
  });
  it('the same sums stay quiet', () => {
    assert.deepEqual(ruleFindings(corpus, 'Penhallow said $73 million was a "fair measure of the loss".', 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(corpus, 'The lender will cut its holdings by $12 billion a month, stepping up to $30 billion in August.', 'figure/conflict'), []);
  });
  it('two sums that say nothing alike around them are not one quantity', () => {
    const deal = corpusOf([`---\ntitle: Buyout\ndate: 2031-05-09\noutlet: Wire Six\n---\n\nThe board accepted Dario Venn's offer in a transaction valued at about $40 billion, the company said.\n\nDario Venn has bought the company for $40 billion, the board said.\n\nDario Venn has secured $25 billion of committed loans for the purchase.\n`]);
    assert.deepEqual(ruleFindings(deal, 'Dario Venn has secured $19 billion equity as well.', 'figure/conflict'), [], 'the noun after a sum says what it is');
    assert.deepEqual(ruleFindings(deal, 'Dario Venn has bought the company using $18 billion in cash and $22 billion in debt.', 'figure/conflict'), [], 'the parts of a sum');
    assert.deepEqual(ruleFindings(deal, "Dario Venn will fund the company's purchase with $18 billion in cash, the company said.", 'figure/conflict'), []);
    const f = single(ruleFindings(deal, 'The board accepted Dario Venn\'s offer in a transaction valued at $58 billion.', 'figure/conflict'), '$58 billion');
    assert.deepEqual(f.suggestions, ['about $40 billion']);
  });
  it('a line item’s sum is not the whole’s, nor a gain the new total', () => {
    const results = corpusOf([`---\ntitle: Results\ndate: 2031-05-25\noutlet: Wire Eight\n---\n\nCloud Division first-quarter revenue was a record $4.28 billion, up 14% from a year ago.\n\nThe rally would lift Quillon's value by about $196 billion to nearly $951 billion.\n`]);
    assert.deepEqual(ruleFindings(results, 'Quarterly revenue of $7.19 billion, up 19% from the previous quarter.', 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(results, 'Device Unit revenue was $295 million, down 53% from a year ago.', 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(results, 'The rally took Quillon close to a market value of $1 trillion.', 'figure/conflict'), []);
  });
});

describe('a loose bound on a percentage is no evidence against a figure inside it', () => {
  const bank = (outlet: string, rate: string) =>
    `---\ntitle: Varnish bank outlook\ndate: 2031-05-02\noutlet: ${outlet}\n---\n\nThe Varnish central bank said Wednesday it expects its policy rate to end the year ${rate}, according to projections released by the bank.\n`;
  const draftAt = (rate: string) => `The Varnish central bank said Wednesday it expects its policy rate to end the year ${rate}, according to projections released by the bank.`;
  it('"above 3%" in the only source leaves the draft’s 3.9% unflagged, and the other way round', () => {
    assert.deepEqual(ruleFindings(corpusOf([bank('Wire Nine', 'above 3%')]), draftAt('at 3.9%'), 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(corpusOf([bank('Wire Nine', 'at 3.4%')]), draftAt('above 3%'), 'figure/conflict'), []);
    // Outside the bound it is still a conflict.
    single(ruleFindings(corpusOf([bank('Wire Nine', 'above 3%')]), draftAt('at 2.5%'), 'figure/conflict'), '2.5%');
  });
  it('a source’s exact value still tells against the draft, and the bound is not cited with it', () => {
    const both = corpusOf([bank('Wire Nine', 'above 3%'), bank('Wire Ten', 'at 3.4%')]);
    const f = single(ruleFindings(both, draftAt('at 3.9%'), 'figure/conflict'), '3.9%');
    assert.deepEqual(f.suggestions, ['3.4%']);
    assert.ok(!f.message.includes('above 3%'), f.message);
  });
  it('sources giving a value and a bound that holds it do not disagree', () => {
    const both = corpusOf([bank('Wire Nine', 'above 3%'), bank('Wire Ten', 'at 3.4%')]);
    assert.deepEqual(ruleFindings(both, draftAt('at 3.4%'), 'sources/disagree'), []);
  });
  it('a tally is not loose: another number than "at least 64 people" is another count', () => {
    const toll = corpusOf([`---\ntitle: Ferry sinks\ndate: 2031-06-01\noutlet: Wire Eleven\n---\n\nThe ferry sank off Carrow Point on Sunday, killing at least 64 people, officials said.\n`]);
    single(ruleFindings(toll, 'The ferry sank off Carrow Point on Sunday, killing 97 people, officials said.', 'figure/conflict'), '97 people');
  });
});

describe('figure/conflict: a year-earlier change before "but"', () => {
  const EARNINGS = `---\ntitle: Orlent results\ndate: 2031-06-04\noutlet: Wire Nine\n---\n\nOrlent's revenue for the quarter reached $3.8 billion, surpassing the consensus estimate of $3.41 billion.\n\nThe company forecast current-quarter revenue of $5 billion.\n`;
  const corpus = corpusOf([EARNINGS]);
  it('a year-earlier figure before "but" leaves the sum after it in the story\'s time', () => {
    const f = single(ruleFindings(corpus, 'Orlent\'s revenue for the quarter was $3.8 billion, down 9% from a year earlier but ahead of the consensus estimate of $3.14 billion.', 'figure/conflict'), '$3.14 billion');
    assert.deepEqual(f.suggestions, ['$3.41 billion']);
  });
});

describe('figure/conflict: two estimates', () => {
  const corpus = corpusOf([`---\ntitle: Flood\ndate: 2031-07-01\noutlet: Wire Eleven\n---\n\nThe flooded town of Marrowby lies about 85 miles west of Portvale, officials said.\n`]);
  it('"about 65" is not "about 85", though their margins meet', () => {
    const f = single(ruleFindings(corpus, 'The flooded town of Marrowby lies about 65 miles west of Portvale.', 'figure/conflict'), 'about 65 miles');
    assert.deepEqual(f.suggestions, ['about 85 miles']);
  });
  it('"about 80" is within the margin of "about 85"', () => {
    assert.deepEqual(ruleFindings(corpus, 'The flooded town of Marrowby lies about 80 miles west of Portvale.', 'figure/conflict'), []);
  });
});

describe('figure/conflict: a person’s age', () => {
  const PALACE = `---\ntitle: Duchess dies\ndate: 2031-03-04\noutlet: Wire Twelve\n---\n\nThe Duchess of Varn has died aged 91, the palace said on Tuesday.\n\nOne of the rescued, a 41-year-old deckhand, is in intensive care, while another, a 23-year-old cook, is in stable condition.\n`;
  const corpus = corpusOf([PALACE]);
  it('"at the age of 93" against "aged 91" is another age', () => {
    const f = single(ruleFindings(corpus, 'The Duchess of Varn died at the age of 93, the palace said on Tuesday.', 'figure/conflict'), '93');
    assert.deepEqual(f.suggestions, ['91']);
  });
  it('the same age however worded stays quiet', () => {
    assert.deepEqual(ruleFindings(corpus, 'The Duchess of Varn, 91 years old, has died, the palace said on Tuesday.', 'figure/conflict'), []);
    assert.deepEqual(ruleFindings(corpus, 'The palace said on Tuesday that the 91-year-old Duchess of Varn has died.', 'figure/conflict'), []);
  });
  it('a source sentence giving two ages, one of them the draft’s, is no evidence against it', () => {
    assert.deepEqual(ruleFindings(corpus, 'The other rescued, a 23-year-old deckhand, is recovering, though not in intensive care.', 'figure/conflict'), []);
  });
});

describe('figure/conflict: a sum of several against one of its parts', () => {
  const RECORD = `---\ntitle: Prize for jailed campaigner\ndate: 2031-10-06\noutlet: Wire Thirty-One\n---\n\nThe authorities have arrested Leyla Moradi nine times and sentenced her to a total of 24 years in prison and 120 lashes.\n`;
  const corpus = corpusOf([RECORD]);
  it('"40 lashes" at one trial against "a total of … 120 lashes" is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'In 2029, Moradi was tried in ten minutes and sentenced to six years in prison and 40 lashes.', 'figure/conflict'), []);
  });
  it('another total, or a plain figure larger than the total, still conflicts', () => {
    single(ruleFindings(corpus, 'The authorities have arrested Moradi nine times and sentenced her to a total of 28 years in prison and 150 lashes.', 'figure/conflict'), '150 lashes');
    single(ruleFindings(corpus, 'In 2029, Moradi was tried in ten minutes and sentenced to 30 years in prison and 140 lashes.', 'figure/conflict'), '140 lashes');
  });
});

describe('figure/conflict: an age belongs to the person named beside it', () => {
  const SHOOTING = `---\ntitle: Mayor shot\ndate: 2031-07-08\noutlet: Wire Thirty-Two\n---\n\nDorian Vell, an unemployed 38-year-old, was named by police as the man who approached the city's longest-serving mayor from behind and opened fire.\n`;
  const corpus = corpusOf([SHOOTING]);
  it('the gunman’s age is no evidence against the age of a mayor the draft tells of without naming the gunman', () => {
    const draft = 'Former mayor Ansel Pike was shot and killed at a rally in Carrow. The 71-year-old served as mayor from 2004 to 2019, the longest-serving in the city. The gunman was arrested.';
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict'), []);
  });
  it('another age for the person the source names still conflicts', () => {
    const f = single(ruleFindings(corpus, 'Dorian Vell, an unemployed 36-year-old, was named by police as the man who approached the mayor from behind.', 'figure/conflict'), '36');
    assert.deepEqual(f.suggestions, ['38']);
  });
});

describe('figure/conflict: one happening worded apart', () => {
  const BLAST = `---\ntitle: Bakery blast\ndate: 2031-05-06\noutlet: Wire Thirteen\n---\n\nA gas explosion tore through a bakery in the port of Talvor on Monday, killing two workers.\n\nAnother 14 people suffered injuries, the fire chief said.\n`;
  const corpus = corpusOf([BLAST]);
  it('"were wounded" against "suffered injuries" is the same count: another number conflicts', () => {
    const draft = 'A gas explosion tore through a bakery in Talvor on Monday, killing two workers. At least 41 other people were wounded.';
    const f = single(ruleFindings(corpus, draft, 'figure/conflict'), '41');
    assert.deepEqual(f.suggestions, ['14 people']);
  });
  it('the same number stays quiet', () => {
    const draft = 'A gas explosion tore through a bakery in Talvor on Monday, killing two workers. 14 other people were wounded.';
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict'), []);
  });
});

describe('figure/conflict: a year set off by commas dates the figure to another time', () => {
  const STORM = `---\ntitle: Storm toll\ndate: 2031-09-12\noutlet: Wire Fourteen\n---\n\nOfficials on Varos reported at least 12 storm deaths Friday. That number is expected to rise.\n\nThe claim is likely wrong, given the island's deadliest storm killed at least 900 in 1931.\n`;
  const corpus = corpusOf([STORM]);
  it('"the deadliest storm, in 1931, killed at least 900 people" is not paired with this storm’s toll', () => {
    const draft = 'By Friday, officials on Varos had reported at least 12 deaths. The island’s deadliest storm, in 1931, killed at least 900 people.';
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict').map((f) => f.text), []);
  });
  it('this storm’s toll still conflicts', () => {
    const draft = 'By Friday, officials on Varos had reported at least 21 deaths. The island’s deadliest storm, in 1931, killed at least 900 people.';
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict').map((f) => f.text), ['at least 21 deaths']);
  });
});

describe('figure/conflict: an unnamed group’s guess is not a named forecaster’s figure', () => {
  const BANK = `---\ntitle: Rate rise\ndate: 2031-08-04\noutlet: Wire Forty\n---\n\nThe Bank of Varnia raised rates on Thursday and said inflation will hit 11 per cent in October.\n`;
  const corpus = corpusOf([BANK]);
  it('"as experts warned inflation could be heading for 14 per cent" is their guess: no conflict', () => {
    const draft = 'The Bank of Varnia raised rates on Thursday as experts warned inflation could be heading for 14 per cent.';
    assert.deepEqual(ruleFindings(corpus, draft, 'figure/conflict'), []);
  });
  it('the bank’s own forecast told with another number still conflicts', () => {
    const draft = 'The Bank of Varnia raised rates on Thursday and said inflation will hit 14 per cent in October.';
    single(ruleFindings(corpus, draft, 'figure/conflict'), '14 per cent');
  });
  it('one possibility told with and without its group is one figure: another number conflicts', () => {
    const surge = corpusOf([`---\ntitle: Storm\ndate: 2031-09-27\noutlet: Wire Forty-One\n---\n\nStorm surges could push 9 to 13 feet of water onto the coast of Pellam.\n`]);
    single(ruleFindings(surge, 'Forecasters warned that storm surges could push 9 to 11 feet of water onto the coast of Pellam.', 'figure/conflict'), '9 to 11 feet');
  });
  it('the same group’s guess told with another number still conflicts', () => {
    const guess = corpusOf([BANK.replace('and said inflation will hit', 'as economists warned inflation could hit')]);
    single(ruleFindings(guess, 'The Bank of Varnia raised rates on Thursday as economists warned inflation could hit 14 per cent in October.', 'figure/conflict'), '14 per cent');
  });
});

describe('figure/conflict: a model number is no count', () => {
  const LAUNCH = `---\ntitle: New phones\noutlet: Wire Forty-One\n---\n\nOrvex unveiled its new phones on Tuesday, and the three kinds of Nimbus 8 models all get faster chips and better cameras.\n`;
  const corpus = corpusOf([LAUNCH]);
  it('"four models" against "Nimbus 8 models" is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Orvex unveiled its new phones on Tuesday: the Nimbus 8 line has four models, all with faster chips and better cameras.', 'figure/conflict'), []);
  });
  it('a count of kinds still conflicts', () => {
    single(ruleFindings(corpus, 'Orvex unveiled its new phones on Tuesday, and the five kinds of Nimbus 8 models all get faster chips and better cameras.', 'figure/conflict'), 'five kinds');
  });
});

describe('figure/conflict: a sum converted into another dollar in brackets', () => {
  const SLUMP = `---\ntitle: Shares slip\noutlet: Wire Forty-Four\n---\n\nThe slump has dropped Orvex's market value below the $2 trillion threshold it reached for the first time earlier this summer.\n`;
  const corpus = corpusOf([SLUMP]);
  it('"$US2 trillion ($3.1 trillion)" is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, "The slump has dropped Orvex's market value below the $US2 trillion ($3.1 trillion) threshold it reached for the first time earlier this year.", 'figure/conflict'), []);
  });
  it('a sum in "$US" is read, and another sum still conflicts', () => {
    single(ruleFindings(corpus, "The slump has dropped Orvex's market value below the $US2.5 trillion threshold it reached for the first time earlier this year.", 'figure/conflict'), '$US2.5 trillion threshold');
  });
});

describe('figure/conflict: two figures joined by "and more than" share their verb', () => {
  // "22 missiles and more than 460 drones were launched": the missiles were launched too, so the source states the
  // same quantity as a draft whose missiles were fired.
  const corpus = corpusOf(['According to Mayor Ilse Varga, 22 missiles and more than 460 drones were launched at Norland overnight, setting fire to two tower blocks.\n']);
  it('another count of missiles conflicts', () => {
    const f = single(ruleFindings(corpus, 'Overnight, Ostrava fired 32 missiles and more than 460 drones at Norland, Varga said, setting fire to two tower blocks.\n', 'figure/conflict'), '32 missiles');
    assert.deepEqual(f.suggestions, ['22 missiles']);
  });
  it('a count of weapons with no verb is the attack’s: a headline’s "barrage of 32 missiles" conflicts', () => {
    single(ruleFindings(corpus, '# Varga calls for talks after overnight barrage of 32 missiles\n\nTwo tower blocks burned in Norland overnight.\n', 'figure/conflict'), '32 missiles');
  });
  it('the same count agrees', () => {
    assert.deepEqual(ruleFindings(corpus, 'Overnight, Ostrava fired 22 missiles and more than 460 drones at Norland, Varga said, setting fire to two tower blocks.\n', 'figure/conflict'), []);
  });
});

describe('figure/conflict: the digits of a bound in another order', () => {
  // "640 drones" passes "more than 460 drones", but no writer who knew of 640 would write "more than 460": a slip.
  const corpus = corpusOf(['Officials said Ostrava launched more than 460 drones at Norland overnight, setting fire to two tower blocks.\n']);
  it('a headline with the digits transposed conflicts', () => {
    const f = single(ruleFindings(corpus, '# Ostrava fires 640 drones at Norland as talks resume\n\nTwo tower blocks burned overnight.\n', 'figure/conflict'), '640 drones');
    assert.deepEqual(f.suggestions, ['more than 460 drones']);
  });
  it('another count above the bound is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, '# Ostrava fires 470 drones at Norland as talks resume\n\nTwo tower blocks burned overnight.\n', 'figure/conflict'), []);
  });
});

describe('figure/conflict: a source sentence that gives the draft’s value with its unit left out', () => {
  // "…adding 41,000 jobs, followed by construction with 26,000": the 26,000 are jobs too, so a draft's "26,000 jobs" in
  // construction was paired through the sentence's other figure.
  const corpus = corpusOf(['The mining sector led March’s payroll gains in Varnholt, adding 41,000 jobs, followed by construction with 26,000 and retail with 17,500.\n']);
  it('the value given bare in the sentence is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Construction added 26,000 jobs in Varnholt in March, behind the mining sector.\n', 'figure/conflict'), []);
  });
  it('a value the sentence does not give still conflicts', () => {
    single(ruleFindings(corpus, 'The mining sector led March’s payroll gains in Varnholt, adding 44,000 jobs.\n', 'figure/conflict'), '44,000 jobs');
  });
});

describe('figure/conflict: "a second" tremor is another event than the story’s', () => {
  const corpus = corpusOf(['Many in the valley slept in their cars, fearful of going back into buildings shaken by the 7.9 magnitude tremor that hit Varnholt in the early hours of Monday.\n']);
  it('the second tremor’s magnitude is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Less than 12 hours later, a second 7.4 magnitude tremor hit Varnholt in the valley.\n', 'figure/conflict'), []);
  });
  it('the first tremor’s magnitude given otherwise still conflicts', () => {
    single(ruleFindings(corpus, 'Buildings in the valley were shaken by the 7.4 magnitude tremor that hit Varnholt in the early hours of Monday.\n', 'figure/conflict'), '7.4 magnitude');
  });
});

describe('figure/conflict: one sector’s count is not the whole’s', () => {
  const corpus = corpusOf([
    'Employers in Varnholt added 517,000 jobs in March, the statistics office said on Friday.\n\nThe labour market in Varnholt beat expectations in March as the economy added 517,000 jobs and the jobless rate fell to 3.4%.\n',
  ]);
  it('a sector’s jobs are no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'The construction industry in Varnholt added 25,000 jobs in March, the statistics office said.\n', 'figure/conflict'), []);
  });
  it('another figure for the month’s jobs still conflicts', () => {
    single(ruleFindings(corpus, 'Employers in Varnholt added 571,000 jobs in March, the statistics office said.\n', 'figure/conflict'), '571,000 jobs');
  });
});

describe('figure/conflict: "the first version of" a plan is its old version', () => {
  const corpus = corpusOf(['A previous draft of the 30-point Ostrava plan appeared to concede most of Valdoria’s demands, including its borders.\n']);
  it('the first version with another count conflicts with the previous draft', () => {
    const f = single(ruleFindings(corpus, 'The first version of the 31-point Ostrava plan appeared to concede most of Valdoria’s demands, including its borders.\n', 'figure/conflict'), '31-point');
    assert.deepEqual(f.suggestions, ['30-point']);
  });
});

describe('figure/conflict: one price index’s change, and a change over another period, are not the all-items figure', () => {
  const corpus = corpusOf([
    'Consumer prices in Varnholt soared 9.1 percent compared with a year earlier, the statistics office said on Wednesday.\n\nThe energy index in Varnholt rose 7.5 percent over the month, the statistics office said.\n',
  ]);
  const conflicts = (draft: string) => ruleFindings(corpus, draft, 'figure/conflict').map((f) => f.text);
  it('an index named before its verb is a part: energy, electricity, the “food” index', () => {
    assert.deepEqual(conflicts('Electricity prices in Varnholt rose 13.7% compared with a year earlier, the statistics office said.\n'), []);
    assert.deepEqual(conflicts('The “food” index in Varnholt rose 10.4% compared with a year earlier, the statistics office said.\n'), []);
  });
  it('a change over the year is not the same index’s change over the month', () => {
    assert.deepEqual(conflicts('Energy prices in Varnholt rose 41.6% year over year, the statistics office said.\n'), []);
  });
  it('a change over the month is not the change over the year', () => {
    assert.deepEqual(conflicts('Consumer prices in Varnholt were up 1.3 percent in June compared to May, the statistics office said.\n'), []);
  });
  it('another figure for the all-items change over the year still conflicts', () => {
    assert.deepEqual(conflicts('Consumer prices in Varnholt soared 8.1 percent compared with a year earlier, the statistics office said.\n'), ['8.1 percent']);
  });
});

describe('figure/conflict: a figure written with trailing zeros rounds the exact one', () => {
  const corpus = corpusOf(['Kestrel Motors said it produced 440,000 cars in Varnholt during the quarter, 34,000 more than it delivered.\n']);
  const conflicts = (draft: string) => ruleFindings(corpus, draft, 'figure/conflict').map((f) => f.text);
  it('the exact count the rounded one stands for is quiet', () => {
    assert.deepEqual(conflicts('Last quarter, Kestrel Motors produced 439,701 cars in Varnholt, 34,000 more than it delivered.\n'), []);
  });
  it('a count the rounding does not reach still conflicts', () => {
    assert.deepEqual(conflicts('Last quarter, Kestrel Motors produced 452,118 cars in Varnholt, 34,000 more than it delivered.\n'), ['452,118 cars']);
  });
});

describe('figure/conflict: a source figure that is another figure of the draft’s sentence, a base “compared to”, and a long-named part of a breakdown', () => {
  it('the source’s “four people” is the draft’s own four, not evidence against the 11 detained', () => {
    const corpus = corpusOf(['Varnholt’s Investigative Committee said four people among those detained were directly involved in the attack on the Kestrel Hall.\n']);
    assert.deepEqual(ruleFindings(corpus, 'The security chief told the president that four people directly involved in the attack on the Kestrel Hall were among 11 detained, Varnholt’s Investigative Committee said.\n', 'figure/conflict'), []);
  });
  it('“compared to 8.6% the previous month” is the old value, not June’s', () => {
    const corpus = corpusOf(['The figures from the Varnholt statistics office showed inflation rose to 1.3 percent in June and 9.1 percent over the past 12 months.\n']);
    assert.deepEqual(ruleFindings(corpus, 'Inflation in Varnholt reached 9.1% in June year on year, compared to 8.6% the previous month, according to the Varnholt statistics office.\n', 'figure/conflict'), []);
  });
  it('“two counts of lying on a form …, and one count of possessing” are parts of the three counts', () => {
    const corpus = corpusOf(['A jury in Varnholt convicted Ilse Varga of three felony counts alleging she lied on a form to buy a rifle in 2018.\n']);
    assert.deepEqual(ruleFindings(corpus, 'A jury in Varnholt convicted Ilse Varga of two counts of lying on a federal form to buy a rifle, and one count of possessing it unlawfully.\n', 'figure/conflict'), []);
  });
  it('another count of the whole still conflicts', () => {
    const corpus = corpusOf(['A jury in Varnholt convicted Ilse Varga of three felony counts alleging she lied on a form to buy a rifle in 2018.\n']);
    assert.deepEqual(ruleFindings(corpus, 'A jury in Varnholt convicted Ilse Varga of four felony counts alleging she lied on a form to buy a rifle in 2018.\n', 'figure/conflict').map((f) => f.text), ['four felony counts']);
  });
});

describe('figure/conflict: a year’s count is not a quarter’s', () => {
  const corpus = corpusOf(['Kestrel Motors said it produced 440,000 cars during the quarter, 34,000 more than it delivered in Varnholt.\n']);
  it('the year’s production against the quarter’s is no conflict', () => {
    assert.deepEqual(ruleFindings(corpus, 'Kestrel Motors also produced 1.37 million cars in 2022, more than it delivered in Varnholt.\n', 'figure/conflict'), []);
  });
  it('another figure for the quarter still conflicts', () => {
    assert.deepEqual(ruleFindings(corpus, 'Kestrel Motors said it produced 470,000 cars during the quarter, more than it delivered in Varnholt.\n', 'figure/conflict').map((f) => f.text), ['470,000 cars']);
  });
});
