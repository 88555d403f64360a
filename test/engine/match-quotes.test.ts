// Matching a draft quote against source quotes: exact wording, or a near wording aligned word by word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/extract/document';
import { matchQuote, speakerRelation, type SpeakerRelation } from '../../server/src/match/quotes';
import { corpusOf } from './helpers';

const SOURCE = `"Honestly, we will not give up our land today," President Volodymyr Zelensky said in his evening address in Kyiv.

"The talks in Geneva were hard but useful, and the next round starts in Abu Dhabi on Friday after the delegations rest," Andriy Yermak said on the same evening.
`;
const corpus = corpusOf([SOURCE]);

function matchOf(draftText: string) {
  const draft = analyzeText(draftText, { knownPeople: corpus.index.knownPeople });
  assert.equal(draft.quotes.length, 1, 'the draft holds one quote');
  return matchQuote(draft.quotes[0], draft, corpus);
}

describe('matchQuote', () => {
  it('finds a quote word for word', () => {
    const match = matchOf('"we will not give up our land," President Volodymyr Zelensky said in his evening address in Kyiv.');
    assert.equal(match.exact.length, 1);
    assert.equal(match.exact[0].wording, 'we will not give up our land');
    assert.equal(match.near.length, 0);
  });

  it('aligns a near quote and extends the wording over changed words at either end', () => {
    const match = matchOf('"Frankly, we will never give up our land now," President Volodymyr Zelensky said in his evening address in Kyiv.');
    assert.equal(match.exact.length, 0);
    assert.equal(match.near.length, 1);
    // 6 of the draft's 9 words are found in order; its first and last words stand for the source's.
    assert.equal(match.near[0].overlap, 6 / 9);
    assert.equal(match.near[0].wording, 'Honestly, we will not give up our land today');
  });

  it('takes the source words of a partial quote only, when its first word also occurs earlier in the source quote', () => {
    // "the" occurs twice before "next round starts": the wording starts at the second, not at "The talks…".
    const match = matchOf('"the next round starts in Abu Dhabi on Monday," Andriy Yermak said on the same evening.');
    assert.equal(match.near.length, 1);
    assert.equal(match.near[0].wording, 'the next round starts in Abu Dhabi on Friday');
  });

  it('does not align words scattered over a long quote', () => {
    // All three words are in the source quote, in order, but 16 words apart.
    const match = matchOf('"Hard, useful rest," Andriy Yermak said on the same evening.');
    assert.equal(match.exact.length, 0);
    assert.deepEqual(
      match.near.map((n) => n.wording),
      [],
    );
  });

  it('finds nothing for a quote no source has', () => {
    const match = matchOf('"Nobody here has seen such rain," a farmer said in Kyiv.');
    assert.deepEqual([match.exact.length, match.near.length], [0, 0]);
  });
});

describe('speakerRelation', () => {
  const person = (name: string, inferred = false) => ({ name, inferred, person: true });
  const role = (name: string) => ({ name, inferred: false, person: false });
  const CASES: Array<[ReturnType<typeof person>, ReturnType<typeof person>, SpeakerRelation, string]> = [
    [person('Ilse Brandt'), person('Brandt'), 'same', 'a person by full name and surname'],
    [person('Ilse Brandt'), person('Karl Oden'), 'different', 'two people'],
    [person('Ilse Brandt'), person('Karl Oden', true), 'unknown', 'a "he said" guess proves nothing'],
    [role('Kremlin'), role('Kremlin spokesman'), 'same', 'an institution and its spokesman'],
    [role('ministry'), role('foreign ministry'), 'same', 'an institution named more fully'],
    [role('Downing Street'), role('prime minister'), 'same', 'an office and its head'],
    [role('White House'), role('press secretary'), 'same', 'an office and its press secretary'],
    [role('Downing Street'), role('prime minister’s spokeswoman'), 'same', 'the head\'s spokeswoman'],
    [role('Germany’s foreign minister'), role("Germany's foreign minister"), 'same', 'curly and straight apostrophes'],
    [role('Germany’s foreign minister'), role('France’s foreign minister'), 'different', 'the same role of two countries'],
    [role('Kremlin'), person('Anna Keel'), 'unknown', 'a person may speak for an institution'],
  ];
  for (const [a, b, relation, why] of CASES) {
    it(`${why}: ${a.name} / ${b.name}`, () => {
      assert.equal(speakerRelation(a, b), relation);
      assert.equal(speakerRelation(b, a), relation, 'symmetric');
    });
  }
});

describe('matchQuote: extended and trimmed quotes', () => {
  const wire = corpusOf(['"The tide gauges failed twice in one week," engineer Pia Lund said.']);
  const match = (text: string) => {
    const draft = analyzeText(text, { knownPeople: wire.index.knownPeople });
    return matchQuote(draft.quotes[0], draft, wire);
  };
  it('a draft quote holding the whole source quote and more is partial, with the shared wording', () => {
    const m = match('"The tide gauges failed twice in one week, and nobody came," Pia Lund said.');
    assert.deepEqual([m.exact.length, m.near.length, m.partial.length], [0, 0, 1]);
    assert.equal(m.partial[0].wording, 'The tide gauges failed twice in one week');
  });
  it('a trimmed start and added words after an ellipsis are partial', () => {
    const m = match('"The tide gauges failed twice… nobody came," Pia Lund said.');
    assert.deepEqual([m.exact.length, m.near.length, m.partial.length], [0, 0, 1]);
    assert.equal(m.partial[0].wording, 'The tide gauges failed twice');
  });
  it('a word changed inside the shared words is near, not partial', () => {
    const m = match('"The tide gauges broke twice in one week, and nobody came," Pia Lund said.');
    assert.deepEqual([m.exact.length, m.partial.length], [0, 0]);
    assert.equal(m.near.length, 1);
  });
});
