// figure/conflict on election copy: vote shares given part-way through the count are snapshots, compared only with
// shares given at the same point of the count; how far the count had gone is not a fact; a share rounded to fewer
// digits ("51 percent" for 50.9%) agrees with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/extract/document';
import { assertEvidence, corpusOf, ruleFindings, single } from './helpers';

const VOTE_WIRE = `---
title: Marenko wins Estavia runoff
date: 2031-06-09
outlet: Vote Wire
---

Former governor Ilse Marenko won Estavia's presidential runoff on Sunday, taking 52.4% of the vote against 47.6% for the incumbent, Dario Voss, the electoral commission said.

With 97.2% of ballots counted, Marenko had 52.8% of the vote and Voss 47.2%, the commission said earlier in the evening.

Turnout in the runoff was 71.3%, the commission said.
`;
const vote = corpusOf([VOTE_WIRE]);
const conflicts = (draft: string) => ruleFindings(vote, draft, 'figure/conflict');

describe('figure/conflict: snapshots of a count, and rounded shares', () => {
  const SILENT: Array<[string, string]> = [
    ['With 99.5% of ballots counted, Marenko had 52.5% of the vote and Voss 47.5%.', 'shares at another point of the count'],
    ['With 98.1% of the ballots tallied, Marenko led with 52.6%.', 'the count’s progress is not compared, nor paired with a share'],
    ['With more than 99 percent of polling stations reporting, Voss had 47.5 percent.', 'progress with a qualifier, in words'],
    ['Marenko took 52% of the vote against 48% for Voss.', 'whole percents that round the sources’ shares'],
    ['Turnout in the runoff was 71.30%, the commission said.', 'a trailing zero'],
    ['With 99.9% of ballots counted, Marenko had 52.4% of the vote. Voss, the incumbent, received 47.70%.', 'the next sentence goes on with the same count'],
  ];
  for (const [draft, why] of SILENT) {
    it(why, () => assert.deepEqual(conflicts(draft).map((f) => f.text), []));
  }
});

describe('figure/conflict still fires on the same share at the same point', () => {
  const FIRES: Array<[string, string, string, string]> = [
    ['Former governor Ilse Marenko won the runoff on Sunday, taking 54.4% of the vote.', '54.4%', '52.4%', 'the final share'],
    ['With 97.2% of ballots counted, Marenko had 53.8% of the vote.', '53.8%', '52.8%', 'the same point of the count'],
    ['Turnout in the runoff was 73%, the commission said.', '73%', '71.3%', 'a whole percent that is not a rounding'],
    ['Former governor Ilse Marenko won the runoff on Sunday, taking 53% of the vote.', '53%', '52.4%', 'off by more than half the last digit'],
    ['With 99.9% of ballots counted, Marenko led.\n\nThe former governor won the runoff on Sunday, taking 54.4% of the vote.', '54.4%', '52.4%', 'the count’s point stays in its paragraph'],
  ];
  for (const [draft, covering, suggestion, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)} → ${JSON.stringify(suggestion)}`, () => {
      const f = single(conflicts(draft), covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, [suggestion]);
      assertEvidence(vote, f);
    });
  }
});

describe('figures: the count’s progress', () => {
  it('marks the progress figure and gives the sentence’s other figures its point', () => {
    const [progress, share, other] = analyzeText('With 99.1 per cent of voting machines counted, Marenko had 50.8 per cent and Voss 49.2 per cent.').figures;
    assert.equal(progress.countProgress, true);
    assert.equal(share.countedAt, '99.1');
    assert.equal(other.countedAt, '99.1');
  });
  it('reads a bound and a bare "counted" after "with"', () => {
    const [progress, share] = analyzeText('With more than 95% counted, Voss had 47.5%.').figures;
    assert.equal(progress.countProgress, true);
    assert.equal(share.countedAt, 'more than 95');
  });
  it('leaves a share of the vote in a place alone', () => {
    const figures = analyzeText('Marenko won 50.9% of the votes in the capital, and 61% of votes cast abroad.').figures;
    assert.deepEqual(figures.map((f) => [f.countProgress, f.countedAt]), [[undefined, undefined], [undefined, undefined]]);
  });
});

const RUNOFF_WIRE = `---
title: Marenko wins Estavia runoff
date: 2031-06-09
outlet: Vote Wire
---

Former governor Ilse Marenko won Estavia's presidential runoff on Sunday with 52.4% of the vote against 47.6% for the incumbent, Dario Voss, the electoral commission said.
`;
const EARLY_COUNT = `---
title: Marenko beats Voss in Estavia
date: 2031-06-09
outlet: Daily Estavian
---

Former governor Ilse Marenko beat the incumbent Dario Voss in Estavia's presidential runoff on Sunday.

With 99.55% of the count completed, Marenko had garnered 52.38%, receiving 60,048,560 votes, according to data from the electoral commission.
`;
const TALLY_PRESS = `---
title: Estavia elects Marenko
date: 2031-06-09
outlet: Estavia Press
---

With more than 99% of the votes tallied in the runoff vote, Marenko had 52.4% and Voss 47.6%, and the commission said her victory was a mathematical certainty.
`;

describe('sources/disagree: snapshots of a count are not other values', () => {
  it('the final share against a share part-way through the count, or the count’s progress', () => {
    const corpus = corpusOf([RUNOFF_WIRE, EARLY_COUNT, TALLY_PRESS]);
    const draft = 'Ilse Marenko won the runoff on Sunday with 52.4% of the vote, the electoral commission said.';
    assert.deepEqual(ruleFindings(corpus, draft, 'sources/disagree').map((f) => f.message), []);
  });
  it('still fires when two final shares differ', () => {
    const other = RUNOFF_WIRE.replace('outlet: Vote Wire', 'outlet: Other Wire').replace('52.4%', '52.9%');
    const corpus = corpusOf([RUNOFF_WIRE, other, TALLY_PRESS]);
    const draft = 'Ilse Marenko won the runoff on Sunday with 52.4% of the vote, the electoral commission said.';
    const f = single(ruleFindings(corpus, draft, 'sources/disagree'), '52.4%');
    assert.match(f.message, /52\.9%/);
  });
});

const SEATS_WIRE = `---
title: Vale Party sweeps Norland election
date: 2031-07-05
outlet: Vote Wire
---

The Vale Party won 412 seats in Norland's general election on Thursday, while the Moor Party took 121 seats, its worst result.

The result leaves the party of the prime minister with fewer seats than at any election since 1906.
`;

describe('figure/conflict: two parties’ counts in one sentence', () => {
  const seats = corpusOf([SEATS_WIRE]);
  const seatConflicts = (draft: string) => ruleFindings(seats, draft, 'figure/conflict');
  it('a party’s count is paired with its own, not with the other party’s', () => {
    assert.deepEqual(seatConflicts('The Moor Party won 121 seats in the election, down from 365 in 2019.').map((f) => f.text), []);
  });
  const FIRES: Array<[string, string, string]> = [
    ['The Moor Party won 131 seats in the election.', '131 seats', '121 seats'],
    ['The Vale Party won 402 seats in the election.', '402 seats', '412 seats'],
  ];
  for (const [draft, covering, suggestion] of FIRES) {
    it(`still fires on the same party’s count: ${covering} → ${suggestion}`, () => {
      const f = single(seatConflicts(draft), covering);
      assert.deepEqual(f.suggestions, [suggestion]);
      assertEvidence(seats, f);
    });
  }
});

describe('figure/conflict: what was needed, and a count of seats part-way through', () => {
  const seats = corpusOf([SEATS_WIRE]);
  const seatConflicts = (draft: string) => ruleFindings(seats, draft, 'figure/conflict');
  const SILENT: Array<[string, string]> = [
    ['The Vale Party needed 326 seats for a majority in the election.', 'the seats needed for a majority are not the seats won'],
    ['The Vale Party passed the 326 seats required for a majority in the election.', '“required for”'],
    ['With 545 of 650 results declared, the Vale Party had won 372 seats in the election.', 'seats won part-way through the declarations'],
  ];
  for (const [draft, why] of SILENT) {
    it(why, () => assert.deepEqual(seatConflicts(draft).map((f) => f.text), []));
  }
  it('reads what was needed, and not treatment someone needed', () => {
    const role = (t: string) => analyzeText(t).figures[0].role;
    assert.equal(role('Both fell short of the 50% threshold for an outright win.'), 'needed');
    assert.equal(role('A party needs at least 326 seats to govern.'), 'needed');
    assert.equal(role('Six people needed hospital treatment.'), undefined);
  });
});

describe('figure/conflict: a projection, a change and a margin are not the seats won', () => {
  const seats = corpusOf([SEATS_WIRE]);
  const seatConflicts = (draft: string) => ruleFindings(seats, draft, 'figure/conflict');
  const SILENT: Array<[string, string]> = [
    ['The exit poll had the Moor Party on 131 seats in the election.', 'an exit poll’s projection'],
    ['An exit poll projected the Vale Party to win 410 seats in the election.', 'a projection “to win”'],
    ['The Moor Party lost 251 seats in the election.', 'seats lost are a change'],
    ['The Vale Party won a majority of 174 seats in the election.', 'a majority is a margin'],
  ];
  for (const [draft, why] of SILENT) {
    it(why, () => assert.deepEqual(seatConflicts(draft).map((f) => f.text), []));
  }
  it('a count of people lost is still a count', () => assert.equal(analyzeText('The army lost 300 soldiers.').figures[0].role, undefined));
});

describe('figure/conflict: a share at an earlier election', () => {
  const SILENT: Array<[string, string]> = [
    ['In 2026, Voss won 55% of the vote.', 'a year opening the sentence'],
    ['Voss won 55% of the vote four years ago.', '“years ago”'],
    ['At the last election Voss won 55% of the vote.', '“the last election”'],
    ['Voss did better than at his first win in 2026 (45% or 46% of the vote).', 'a bracket after “in 2026”'],
  ];
  for (const [draft, why] of SILENT) {
    it(why, () => assert.deepEqual(conflicts(draft).map((f) => f.text), []));
  }
  it('the story’s own share still fires', () => {
    single(conflicts('Dario Voss won 45.6% of the vote on Sunday, the electoral commission said.'), '45.6%');
  });
  it('reads an earlier time in the clause, either side of the figure', () => {
    const era = (t: string) => analyzeText(t).figures[0].era;
    assert.equal(era('Voss won 55% of the vote four years ago.'), 'other');
    assert.equal(era('Voss won 55% at the last election.'), 'other');
    assert.equal(era('At the previous election Voss won 55%.'), 'other');
    assert.equal(era('Voss won 49.1% of the vote on Sunday.'), undefined);
    assert.equal(era('It beat his first win in 2026 (45% of the vote).'), 'other');
    assert.equal(era('Voss won on Sunday (49.1% of the vote).'), undefined);
  });
});

describe('figure/conflict: the seats still to declare are how far the count had gone', () => {
  const SEAT_WIRE = `---
title: Moor Party sweeps Tarnland vote
date: 2031-05-02
outlet: Seat Wire
---

Despite only a slim rise in its share of the vote, the Moor Party has won 300 seats with just three seats yet to declare, short of the record majority of 160 won by Ada Fenn in 1990.
`;
  const conflicts = (draft: string) => ruleFindings(corpusOf([SEAT_WIRE]), draft, 'figure/conflict').map((f) => f.text);
  it('a loss of seats is not paired with the seats still to declare', () => {
    assert.deepEqual(conflicts('The Crown Party saw its share of the vote fall by 15 points, resulting in the loss of 190 seats.'), []);
  });
  it('another party\'s seats are not the total told with the seats still to declare', () => {
    assert.deepEqual(conflicts('The Liberal Union\'s small rise in its share of the vote translated into 45 seats.'), []);
  });
  it('the total at the same point of the count still conflicts', () => {
    assert.deepEqual(conflicts('Despite a slim rise in its share of the vote, the Moor Party has won 310 seats with just three seats yet to declare.'), ['310 seats']);
  });
  it('marks the seats still to declare as the count\'s progress', () => {
    const [won, left] = analyzeText('The Moor Party has won 300 seats with just three seats yet to declare.').figures;
    assert.equal(left.countProgress, true);
    assert.equal(won.countedAt, 'to declare 3');
  });
});
