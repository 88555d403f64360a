// figure/conflict on real copy: two figures conflict only when they count the same quantity (same place, same event,
// the same kind of amount), ranges and bounds are intervals, and a value in basis points is the same value in percent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/extract/document';
import { assertEvidence, corpusOf, ruleFindings, single } from './helpers';

const BANK_WIRE = `---
title: Norland bank lifts rates
date: 2031-03-12
outlet: Bank Wire
---

The Norland central bank lifted its deposit rate by 50 basis points on Thursday, the largest increase in a decade.

The deposit rate will now sit in a band of 2.25 to 2.5 percent, the bank said.

Officials expect the deposit rate to rise by a further 1.25 percentage points over the next three meetings.

Board members expect the deposit rate to end the year at roughly 3.8%.
`;
const QUAKE_WIRE = `---
title: Quake shakes Veloria
date: 2031-05-04
outlet: Quake Wire
---

A strong earthquake struck Veloria on Monday, killing at least 163 people as houses collapsed in the old town.

At least 140 people died in Ardenne — the national capital — and in the provinces of Astera, Moravo and Kelt, officials said.

Nine more people were found dead in the province of Moravo on Tuesday.

The tremor came two weeks after another quake left 80 dead in the north, on the anniversary of a 1999 quake that killed thousands.
`;
const bank = corpusOf([BANK_WIRE]);
const quake = corpusOf([QUAKE_WIRE]);
const conflicts = (corpus: ReturnType<typeof corpusOf>, draft: string) => ruleFindings(corpus, draft, 'figure/conflict');

describe('figure/conflict: not the same quantity, or the same value written otherwise', () => {
  const SILENT: Array<[ReturnType<typeof corpusOf>, string, string]> = [
    [bank, 'The Norland central bank moved its deposit rate to a band of 2.25% to 2.5% on Thursday.', 'a range is one interval, not its lower end against the upper'],
    [bank, 'The deposit rate now sits in a band of 2.25%–2.5%, the bank said.', 'a dashed range'],
    [bank, 'The Norland central bank lifted its deposit rate by 0.5% on Thursday.', '0.5% is 50 basis points'],
    [bank, 'The Norland central bank lifted its deposit rate by half a point, or 0.5 percentage point, on Thursday.', '0.5 percentage point is 50 basis points'],
    [bank, 'The Norland central bank raised its deposit rate by 0.5% as board members expect the rate to end the year higher.', 'a change is not a level'],
    [bank, 'Some economists expect 1.9% in additional rate increases by the end of the year.', 'an amount on top is not the year-end level'],
    [quake, 'Officials counted 61 known deaths in Ardenne, 40 in Astera, 30 in Kelt and 12 in Moravo.', 'one place of a breakdown against a total over several places'],
    [quake, 'Officials said 61 people have died in Ardenne, 40 in Astera and 12 in Moravo.', 'one place of a breakdown against a total told for no place'],
    [quake, 'The tremor struck on the anniversary of a 1999 quake that left 4,000 dead.', 'a figure of another year’s event'],
    [quake, 'Strong quake hits Veloria; more than 150 people dead', 'a round bound holds the sources’ “at least 163”'],
    [quake, 'The earthquake left 95 dead in the north of Veloria.', 'the toll of an earlier quake, “weeks after another quake”'],
  ];
  for (const [corpus, draft, why] of SILENT) {
    it(why, () => assert.deepEqual(conflicts(corpus, draft).map((f) => f.text), []));
  }
});

describe('figure/conflict still fires on the same quantity', () => {
  const FIRES: Array<[ReturnType<typeof corpusOf>, string, string, string, string]> = [
    [bank, 'The deposit rate will now sit in a band of 2.5% to 2.75%, the bank said.', '2.5% to 2.75%', '2.25 to 2.5 percent', 'another range'],
    [bank, 'The Norland central bank lifted its deposit rate by 0.75 percentage point on Thursday, the largest increase in a decade.', '0.75 percentage point', '50 basis points', 'a change in another notation and value'],
    [quake, 'At least 150 people died in Ardenne — the national capital — and in the provinces of Astera, Moravo and Kelt, officials said.', 'At least 150 people', 'At least 140 people', 'the same list of places'],
    [quake, 'Eleven more people were found dead in the province of Moravo on Tuesday.', 'Eleven more people', 'Nine more people', 'two amounts on top, same place'],
    [quake, 'A strong earthquake struck Veloria on Monday, killing more than 170 people as houses collapsed in the old town.', 'more than 170 people', 'at least 163 people', 'a round bound above the sources’ count'],
  ];
  for (const [corpus, draft, covering, suggestion, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestion)}`, () => {
      const f = single(conflicts(corpus, draft), covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, [suggestion]);
      assertEvidence(corpus, f);
    });
  }
});

describe('figures: what the clause says about the quantity', () => {
  const only = (text: string) => {
    const figures = analyzeText(text).figures;
    assert.equal(figures.length, 1, JSON.stringify(figures.map((f) => f.text)));
    return figures[0];
  };
  it('reads basis points and percentage points in percent', () => {
    assert.equal(only('The bank cut rates by 25 basis points.').value, 0.25);
    assert.equal(only('The bank cut rates by 0.25 percentage point.').unit, 'percent');
    assert.deepEqual(only('Rates went up 75 bps.').value, 0.75);
  });
  it('reads "X% to Y%" as one interval, and "from X% to Y%" as a change', () => {
    const range = only('Rates sit in a range of 1.25% to 1.5%.');
    assert.deepEqual([range.low, range.high, range.unit], [1.25, 1.5, 'percent']);
    assert.equal(analyzeText('Rates rose from 1.25% to 1.5%.').figures.length, 2);
  });
  it('marks changes, amounts on top and other events', () => {
    assert.equal(only('The bank raised rates by 0.5%.').role, 'by');
    assert.equal(only('Another 12 people were found dead.').role, 'more');
    assert.equal(only('Twelve more people were found dead.').role, 'more');
    assert.equal(only('It came weeks after another storm killed 40 people.').era, 'other');
    assert.equal(only('It fell on the anniversary of a 1999 flood that killed 300 people.').era, '1999');
    assert.equal(analyzeText('The army launched 2000 drones and 40 missiles.').figures[1].era, undefined, 'a count is not a year');
    assert.equal(only('Since 2014 the war has killed 300 people.').era, undefined, 'a span is the story’s own');
  });
  it('reads places, lists of places and breakdowns by place', () => {
    assert.deepEqual(only('Six people died in Brae, the governor said.').place, { words: ['brae'], list: false });
    assert.deepEqual(only('Six people died in Brae, Governor Ross said.').place, { words: ['brae'], list: false });
    assert.equal(only('Six people died in a Norlandian air strike overnight.').place, undefined);
    assert.deepEqual(only('Six people died in Brae and in the state of Cole.').place, { words: ['brae', 'cole'], list: true });
    assert.equal(analyzeText('Six people died in Brae, 4 in Cole and 2 in Dunn.').figures[0].place?.part, true);
  });
});

describe('figure/conflict: an update is the same quantity at the same place', () => {
  const source = (date: string, outlet: string, body: string) => `---\ntitle: Floods in Tarsia\ndate: ${date}\noutlet: ${outlet}\n---\n\n${body}\n`;
  const EARLY = source('2031-06-01', 'Wire A', 'Floods swept through Tarsia overnight, and at least 40 people died in Brae, officials said.');
  const LATE_TOTAL = source('2031-06-02', 'Wire B', 'Floods swept through Tarsia overnight, and at least 55 people died in Brae, officials said.');
  const LATE_ELSEWHERE = source('2031-06-02', 'Wire C', 'Floods swept through Tarsia overnight, and at least 55 people died in Brae and in the state of Cole, officials said.');
  const draft = 'Floods swept through Tarsia overnight, and at least 40 people died in Brae, the governor said.';
  it('a later, higher toll for the same place is an update', () => {
    const f = single(ruleFindings(corpusOf([EARLY, LATE_TOTAL]), draft, 'figure/conflict'), 'at least 40 people');
    assert.match(f.message, /updated/);
  });
  it('a later toll over more places is not an update of one place’s', () => {
    assert.deepEqual(ruleFindings(corpusOf([EARLY, LATE_ELSEWHERE]), draft, 'figure/conflict'), []);
  });
});

describe('figure/conflict: the level a change passes is not the change', () => {
  const BANK_WIRE = `---
title: Orland bank lifts rates
date: 2031-08-04
outlet: Rate Wire
---

The Orland reserve bank has lifted rates by 0.5 percentage points in response to a rise in prices that it said will reach 11 per cent in October.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([BANK_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads "rise above 11%" as a level and "rose more than 11%" as a change', () => {
    const roleOf = (text: string) => analyzeText(text).figures.map((f) => f.role);
    assert.deepEqual(roleOf('Prices could rise above 11 per cent.'), ['to']);
    assert.deepEqual(roleOf('Jobless claims fell below 4%.'), ['to']);
    assert.deepEqual(roleOf('Prices rose more than 11 per cent.'), ['by']);
  });
  it('"prices could rise above 11 per cent" is not paired with the rate rise', () => {
    assert.deepEqual(conflicts('The bank lifted rates by half a percentage point, as it warned prices could rise above 11 per cent in October.'), []);
  });
  it('another size of the rate rise still conflicts', () => {
    assert.deepEqual(conflicts('The Orland reserve bank has lifted rates by 0.75 percentage points in response to a rise in prices.'), ['0.75 percentage points']);
  });
});

describe('figure/conflict: a share move is a change, told at its own moment', () => {
  const DEAL_WIRE = `---
title: Orin Vale to buy Kestrel Air
date: 2031-04-07
outlet: Deal Wire
---

Kestrel Air shares were halted at 1:15 p.m., with the stock up 4.2% to $30.10.

The $35 a share offer is a 31% premium over the price before Orin Vale disclosed his 8.1% stake.
`;
  const corpus = corpusOf([DEAL_WIRE]);
  const conflicts = (draft: string) => ruleFindings(corpus, draft, 'figure/conflict').map((f) => f.text);
  it('reads a figure straight after a verb of change as the change', () => {
    const roleOf = (text: string) => analyzeText(text).figures.map((f) => f.role);
    assert.deepEqual(roleOf('The stock ended the day up 3.9%.'), ['by']);
    assert.deepEqual(roleOf('Kestrel Air stock increased 6% after the news.'), ['by']);
  });
  it('a day’s move is not the premium or the stake', () => {
    assert.deepEqual(conflicts('After the announcement, Kestrel Air stock increased 6% to $30.40.'), []);
  });
  it('the move at the close is not the move at a stated time of day', () => {
    assert.deepEqual(conflicts('Upon the announcement, Kestrel Air stock ended the day up 3.9%.'), []);
  });
  it('the move at the same stated time still conflicts', () => {
    assert.deepEqual(conflicts('Kestrel Air shares were halted at 1:15 p.m., with the stock up 5.2%.'), ['5.2%']);
  });
  it('a premium still conflicts with the premium', () => {
    assert.deepEqual(conflicts('The $35 a share offer is a 36% premium over the price before Orin Vale disclosed his stake.'), ['36%']);
  });
  it('a move before the open (futures, pre-market) is not the move in the session', () => {
    const MARKET_WIRE = `---
title: Markets cheer Calder trial
date: 2031-04-08
outlet: Market Wire
---

Calder Labs shares were up 12 percent in pre-market trading after the trial news. Markets also rallied, with Brenton index futures soaring 900 points.
`;
    const market = (draft: string) => ruleFindings(corpusOf([MARKET_WIRE]), draft, 'figure/conflict').map((f) => f.text);
    assert.deepEqual(market('Markets also rallied, with the Brenton index soaring 1,000 points after the trial news.'), []);
    assert.deepEqual(market('Markets also rallied, with Brenton index futures soaring 1,000 points after the trial news.'), ['1,000 points']);
  });
});

describe('figure/conflict: a count within one group of a trial is not the whole trial’s', () => {
  const TRIAL_WIRE = `---
title: Marlow flu vaccine works, early look shows
date: 2031-06-02
outlet: Trial Wire
---

The early look counted 60 confirmed cases of flu among the 20,000 volunteers who got either two doses of the Marlow vaccine or a placebo.

Of those, 54 cases were recorded in the placebo group.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([TRIAL_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('a group’s cases are not the whole count', () => {
    assert.deepEqual(conflicts('Over the trial there were 54 flu cases in volunteers who got a placebo shot and 6 cases in those who got the vaccine.'), []);
  });
  it('the same group’s count still conflicts, and so does the whole', () => {
    assert.deepEqual(conflicts('Of those, 52 cases were recorded in the placebo group.'), ['52 cases']);
    assert.deepEqual(conflicts('The early look counted 66 confirmed cases of flu among the volunteers.'), ['66 confirmed cases']);
  });
});

describe('figure/conflict: people of one nationality are a part of all the people counted', () => {
  const FERRY_WIRE = `---
title: Ferry sinks off Caldera
date: 2031-07-14
outlet: Harbour Wire
---

The ferry Sela Mara sank off Caldera on Sunday morning, and 96 people died.

Among the dead were 51 women, 40 men and five others not yet identified.

Most passengers were from Caldera, and 12 Veskan nationals were on board.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([FERRY_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('a nationality’s count is not the whole count of that noun', () => {
    assert.deepEqual(conflicts('Three Veskan women were among the dead, their embassy said.'), []);
    assert.deepEqual(conflicts('The dead included 4 Veskan men who worked at the port.'), []);
  });
  it('the whole count, or the same nationality’s, still conflicts', () => {
    assert.deepEqual(conflicts('Among the dead were 55 women, officials said.'), ['55 women']);
    assert.deepEqual(conflicts('Most passengers were from Caldera, and 15 Veskan nationals were on board.'), ['15 Veskan nationals']);
  });
  it('a nationality’s count larger than the whole count is the same quantity told differently', () => {
    assert.deepEqual(conflicts('Among the dead were 58 Calderan women, officials said.'), ['58 Calderan women']);
  });
});

describe('figure/conflict: "1 guard dead" counts guards, not all the dead', () => {
  const DEPOT_WIRE = `---
title: Attack at the Brenna depot
date: 2031-09-02
outlet: Valley Wire
---

A gunman killed 12 people at the Brenna rail depot on Tuesday, police said.

Most of the dead worked at the depot's loading yard.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([DEPOT_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('a singular noun before "dead" or "wounded" is the counted thing', () => {
    assert.deepEqual(conflicts('Depot attack: 1 guard dead, police say.'), []);
    assert.deepEqual(analyzeText('Depot attack: 1 guard dead.').figures.map((f) => f.unit), ['guard']);
  });
  it('a count of the dead still conflicts', () => {
    assert.deepEqual(conflicts('A gunman killed 10 people at the Brenna rail depot on Tuesday, police said.'), ['10 people']);
  });
});

describe('figure/conflict: a year after the figure, in its own clause, names another event', () => {
  const BLAZE_WIRE = `---
title: Fire in Corvo
date: 2031-08-12
outlet: Island Wire
---

At least 70 people have died in the fire that burned the port of Corvo, officials said.

The toll passed that of the 2019 fire in Lenna, which left 44 dead. A century earlier, the 1931 Hessel fire destroyed thousands of homes and killed 310 people in the northern hills.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([BLAZE_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads the year of "who died in a 2019 fire" as the figure’s era', () => {
    assert.equal(analyzeText('The toll passed the 44 people who died in a 2019 fire in Lenna.').figures[0].era, '2019');
  });
  it('a figure of a fire in another year is not compared with the older fire’s toll', () => {
    assert.deepEqual(conflicts('The latest toll also passed the 44 people who were killed in a 2019 fire in the town of Lenna, the highest toll from a fire since 1931.'), []);
  });
  it('a figure of the story’s fire still conflicts', () => {
    assert.deepEqual(conflicts('At least 60 people have died in the fire that burned the port of Corvo, officials said.'), ['At least 60 people']);
  });
});

describe('figure/conflict: every place of a breakdown joined by "and" is a part', () => {
  const HILL_WIRE = `---
title: Hill fire
date: 2031-08-14
outlet: Farm Wire
---

In the hill fire, four barns in Tarvo and 18 barns in Selby were destroyed.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([HILL_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('marks both places of "four barns in Tarvo and 18 barns in Selby" as parts', () => {
    assert.deepEqual(analyzeText('In the hill fire, four barns in Tarvo and 18 barns in Selby were destroyed.').figures.map((f) => f.place?.part), [true, true]);
  });
  it('a total told for no place is not one place’s count', () => {
    assert.deepEqual(conflicts('The hill fire destroyed 230 barns, most of them on dairy farms.'), []);
  });
  it('the same place’s count still conflicts', () => {
    assert.deepEqual(conflicts('In the hill fire, four barns in Tarvo and 20 barns in Selby were destroyed.'), ['20 barns']);
  });
});

describe('figure/conflict: the era of a relative clause’s antecedent, and of "since 1931 when"', () => {
  const HESSEL_WIRE = `---
title: Fire in Corvo
date: 2031-08-14
outlet: Island Wire
---

The latest figure passed the 44 people who died in a 2019 fire in the town of Lenna and was the highest toll from a fire since 1931 when the Hessel fire in the northern hills claimed 310 lives.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([HESSEL_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads the year of the event a relative clause or a "when" clause tells of', () => {
    assert.equal(analyzeText('The toll passed that of the 2019 Lenna fire in the valley, which claimed 45 lives.').figures[0].era, '2019');
    assert.equal(analyzeText('It is the highest since 1931 when the Hessel fire claimed 310 lives.').figures[0].era, '1931');
  });
  it('the toll of a fire in another year is not the older fire’s', () => {
    assert.deepEqual(conflicts('The number of dead has passed the toll from the 2019 Lenna fire in the valley, which claimed 45 lives.'), []);
  });
  it('the same fire’s toll told otherwise still conflicts', () => {
    assert.deepEqual(conflicts('It was the highest toll from a fire since 1931 when the Hessel fire in the northern hills claimed 320 lives.'), ['320 lives']);
  });
});

describe('figure/conflict: a percentage change is the change of its own amount, one way, against one period', () => {
  const RESULTS_WIRE = `---
title: Quillon posts quarterly results
date: 2031-05-21
outlet: Market Wire
---

Quillon Systems reported quarterly sales of $5.62 billion, down 9% from a year ago.

Cloud sales were a record $3.14 billion, up 12% from a year ago and up 16% from the previous quarter.

Device sales fell 31% on an annual basis, to $1.05 billion.

The company forecast current-quarter sales of $6.4 billion, plus or minus 3%. Its gross margin is expected to be 61.5%.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([RESULTS_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('the whole company’s change from the previous quarter is not one line’s, nor a fall over the year', () => {
    assert.deepEqual(conflicts('Quillon reported quarterly sales of $5.62 billion, up 14% from the previous quarter.'), []);
  });
  it('a margin on the gross margin is not the margin on the sales forecast', () => {
    assert.deepEqual(conflicts('Its gross margin is expected to be 61.5%, plus or minus 50 basis points.'), []);
    assert.deepEqual(conflicts('The company forecast current-quarter sales of $6.4 billion, plus or minus 5%.'), ['5%']);
  });
  it('the same amount’s change, the same way against the same period, still conflicts', () => {
    assert.deepEqual(conflicts('Cloud sales were a record $3.14 billion, up 19% from the previous quarter.'), ['19%']);
  });
});

describe('figure/conflict: a target is what is aimed at, not what was reached', () => {
  const TARGET_WIRE = `---
title: Orland bank raises rates
date: 2031-09-04
outlet: Orland Wire
---

Board member Tova Lind said the key rate might already have reached the level that brings inflation back to the 2 percent target over time.

Inflation reached 8.6% in July, the statistics office said.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([TARGET_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads "the 2% target", "its 2% inflation target" and "a target of 2%" as what was needed', () => {
    const role = (t: string) => analyzeText(t).figures[0].role;
    assert.equal(role('Inflation is far above the 2% target.'), 'needed');
    assert.equal(role('Inflation is far above the bank’s 2 percent inflation target.'), 'needed');
    assert.equal(role('The bank has a target of 2% for inflation.'), 'needed');
    assert.equal(role('Inflation reached 8.6% in July.'), undefined);
    assert.equal(role('Some 300 drones target the city each night.'), undefined);
  });
  it('prices that have reached a level are not paired with the target the rate must bring them back to', () => {
    assert.deepEqual(conflicts('Board member Tova Lind said prices have already reached over 9%.'), []);
  });
  it('the level reached, told otherwise, still conflicts', () => {
    assert.deepEqual(conflicts('Inflation reached 7.9% in July, the statistics office said.'), ['7.9%']);
  });
});

describe('figure/conflict: what a member preferred or sought is not what was decided', () => {
  const VOTE_WIRE = `---
title: Orland bank raises rates
date: 2031-09-04
outlet: Orland Wire
---

The Orland board voted 6-1 to raise the key rate by 0.5 percentage points to 3.5% on Thursday.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([VOTE_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads a figure after "preferred", "sought" or "proposed" in its clause as proposed', () => {
    const proposed = (t: string) => analyzeText(t).figures.map((f) => !!f.proposed);
    assert.deepEqual(proposed('One member preferred to raise the rate by 0.25 percentage points, to 3.25%.'), [true, true]);
    assert.deepEqual(proposed('Ida Varg sought a 0.25 point rise.'), [true]);
    assert.deepEqual(proposed('The board voted 6-1 to raise the rate by 0.5 percentage points to 3.5%.'), [false, false]);
  });
  it('a minority’s preferred rise is not paired with the rise decided', () => {
    assert.deepEqual(conflicts('One board member preferred to raise the key rate by 0.25 percentage points, to 3.25%.'), []);
  });
  it('the decided rise told otherwise still conflicts', () => {
    assert.deepEqual(conflicts('The board voted 6-1 to raise the key rate by 0.25 percentage points to 3.25% on Thursday.'), ['0.25 percentage points', '3.25%']);
  });
});

describe('figure/conflict: a forecast for this year is not the one for next year', () => {
  const FORECAST_WIRE = `---
title: Orland bank raises rates
date: 2031-09-04
outlet: Orland Wire
---

The bank said the downturn would bring a five per cent fall in living standards next year as wages fail to keep pace with prices.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([FORECAST_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads the year a figure is for, in its clause: "this year", "next year", "in 2032"', () => {
    const period = (t: string) => analyzeText(t).figures.map((f) => f.period ?? '');
    assert.deepEqual(period('Incomes will drop by 1.5% this year and 2.25% next.'), ['this year', '']);
    assert.deepEqual(period('Next year, output will shrink by 2.1%.'), ['next year']);
    assert.deepEqual(period('Output will shrink by 2.1% in 2032, the bank said.'), ['2032']);
    assert.deepEqual(period('Figures project a 5% drop in living standards over the next two years.'), ['next two years']);
    assert.deepEqual(period('Output shrank by 2.1%, the bank said.'), ['']);
  });
  it('this year’s fall is not paired with next year’s', () => {
    assert.deepEqual(conflicts('The bank said living standards will fall by 1.5% this year as wages fail to keep pace with prices.'), []);
  });
  it('next year’s fall told otherwise still conflicts', () => {
    assert.deepEqual(conflicts('The bank said living standards will fall by 3% next year as wages fail to keep pace with prices.'), ['3%']);
  });
});

describe('figure/conflict: a source that states the draft’s own value for a like quantity', () => {
  const LENDERS_WIRE = `---
title: Harlow Ridge Bank is the biggest failure since Dunmore Savings
date: 2031-04-11
outlet: Lenders Wire
---

In the days since the fall of Harlow Ridge Bank with its roughly $84 billion in assets, the banking sector has been reeling.

In 2009, Dunmore Savings, the largest thrift in the land at the time, held roughly $126 billion in assets when it faced heavy losses.
`;
  const FUND_WIRE = `---
title: Regulators close Harlow Ridge Bank
date: 2031-04-10
outlet: Fund Wire
---

Harlow Ridge Bank, a vaunted lender to young firms, closed down with some $84 billion in assets at that time.
`;
  const conflicts = (sources: string[], draft: string) => ruleFindings(corpusOf(sources), draft, 'figure/conflict').map((f) => f.text);
  it('is not contradicted by another firm’s sum that shares more of the sentence’s words', () => {
    assert.deepEqual(conflicts([LENDERS_WIRE, FUND_WIRE], 'HRB held $84 billion in assets at the time of its collapse.'), []);
  });
  it('a source that gives both values (overnight peak, landfall) does not take the conflict away', () => {
    const COAST_POST = `---
title: Storm Oriel slams the Calder coast
date: 2031-09-28
outlet: Coast Post
---

Packing peak winds of 150 mph, Storm Oriel made landfall just after noon near the island of Varra, west of Port Elm.
`;
    const STORM_WIRE = `---
title: Oriel makes landfall
date: 2031-09-28
outlet: Storm Wire
---

About a million people were told to leave before the storm hit the coast near Varra with maximum sustained winds of 150 mph.

Fed by warm water, the storm grew overnight with top winds of 155 mph before it made landfall, the weather office said.
`;
    const draft = 'The storm made landfall near Varra on Wednesday afternoon with winds in excess of 155 mph, leaving a path of ruin.';
    assert.deepEqual(conflicts([COAST_POST, STORM_WIRE], draft), ['in excess of 155 mph']);
  });
  it('another value for the same sum still conflicts', () => {
    assert.deepEqual(conflicts([FUND_WIRE], 'Harlow Ridge Bank, a vaunted lender to young firms, closed down with some $48 billion in assets at that time.'), ['some $48 billion']);
  });
});

describe('figure/conflict: a speed is not a distance, and a storm’s category is not a count', () => {
  const GALE_WIRE = `---
title: Storm Pell comes ashore
date: 2031-09-28
outlet: Gale Wire
---

With wind speeds of 130 miles per hour, Pell came ashore near Tarn Key as a dangerous Category 3 storm, forecasters said.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([GALE_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads "miles per hour", "km/h" and "kph" as speeds', () => {
    const units = (t: string) => analyzeText(t).figures.map((f) => `${f.value} ${f.unit}`);
    assert.deepEqual(units('Winds reached 130 miles per hour, or 209 km/h, and later 120 kph.'), ['130 mph', '209 km/h', '120 km/h']);
    assert.deepEqual(units('The eye passed six miles north of the key at 9 miles an hour.'), ['6 miles', '9 mph']);
  });
  it('a distance is not paired with a speed given in miles per hour', () => {
    assert.deepEqual(conflicts('Pell came ashore near Tarn Key, an islet six miles north of Bay Point, as a dangerous Category 3 storm.'), []);
  });
  it('reads no count in "Category 3 storm" or "a level 4 alert"', () => {
    const units = (t: string) => analyzeText(t).figures.map((f) => `${f.value} ${f.unit}`);
    assert.deepEqual(units('Pell hit as a Category 3 storm, short of Category 4 status, and a level 4 alert was issued for 12 towns.'), ['12 town']);
  });
  it('a storm one category short of another is not a conflicting count', () => {
    assert.deepEqual(conflicts('Pell came ashore near Tarn Key just shy of a Category 4 storm, forecasters said.'), []);
  });
  it('another speed for the same winds still conflicts', () => {
    assert.deepEqual(conflicts('With wind speeds of 150 miles per hour, Pell came ashore near Tarn Key as a dangerous storm, forecasters said.'), ['150 miles per hour']);
  });
});

describe('figure/conflict: a converted figure in brackets, and how far short of a mark', () => {
  const SURGE_WIRE = `---
title: Storm Pell nears the coast
date: 2031-09-28
outlet: Surge Wire
---

Pell hit the coast with top sustained winds of 130 mph (209 kph), forecasters said.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([SURGE_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('reads no figure in brackets that converts the figure before it', () => {
    const units = (t: string) => analyzeText(t).figures.map((f) => `${f.value} ${f.unit}`);
    assert.deepEqual(units('Surges of 12 feet (3.7 meters) hit 40 towns (and 3 ports).'), ['12 feet', '40 town', '3 port']);
  });
  it('a conversion rounded otherwise is not a conflict', () => {
    assert.deepEqual(conflicts('Pell hit the coast with top sustained winds of 130 mph (210 km/h), forecasters said.'), []);
  });
  it('how far short of a mark is not the value itself', () => {
    assert.deepEqual(conflicts('Pell hit the coast only 7 miles per hour away from the top sustained winds of a stronger class, forecasters said.'), []);
  });
  it('another speed still conflicts', () => {
    assert.deepEqual(conflicts('Pell hit the coast with top sustained winds of 150 mph, forecasters said.'), ['150 mph']);
  });
});

describe('figure/conflict: one kind\'s count in a breakdown is not the whole count', () => {
  const COURT_WIRE = `---
title: Jury convicts Tomas Varga
date: 2031-09-16
outlet: Court Wire
---

A jury in Halden found the former harbour master Tomas Varga guilty of four counts of fraud and one count of bribery on Tuesday, the judge announced.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([COURT_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('"all five counts" is not the four counts of fraud, nor the one of bribery', () => {
    assert.deepEqual(conflicts('A jury in Halden found the former harbour master Tomas Varga guilty on all five counts on Tuesday.'), []);
  });
  it('another count of the same kind still conflicts', () => {
    assert.deepEqual(conflicts('A jury in Halden found the former harbour master Tomas Varga guilty of three counts of fraud and one count of bribery on Tuesday.'), ['three counts']);
  });
});

describe('figure/conflict: counts a hundred times apart, in other digits, are two quantities', () => {
  const TOLL = `---
title: Fever season
date: 2031-05-06
outlet: Health Wire
---

At least 20 million people have died of marsh fever since the outbreak began in 2027, the agency's chief said.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([TOLL]), draft, 'figure/conflict').map((f) => f.text);
  it('a week\'s toll is not the whole toll', () => {
    assert.deepEqual(conflicts('Last week, just over 3,500 people died of marsh fever, the agency\'s chief said.'), []);
  });
  it('a slip of scale keeps its digits and still conflicts: "20 thousand" for "20 million"', () => {
    assert.deepEqual(conflicts('At least 20,000 people have died of marsh fever since the outbreak began in 2027, the agency\'s chief said.'), ['At least 20,000 people']);
  });
  it('a count a few times off still conflicts', () => {
    assert.deepEqual(conflicts('At least 2 million people have died of marsh fever since the outbreak began in 2027, the agency\'s chief said.'), ['At least 2 million people']);
  });
});
