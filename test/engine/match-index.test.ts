// The corpus index: identical sentences are searched once but found in every source, idf counts sentences, and the
// shortlist keeps exactly the best-scoring groups.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusFromTexts } from '../../server/src/engine';
import { Heap, topGroups } from '../../server/src/corpus/index';
import { contentWords } from '../../server/src/text/words';
import { weigh, weightedCoverage } from '../../server/src/text/similarity';

const WIRE = 'Russia launched 22 missiles and 40 drones at the Ukrainian power grid overnight, officials said.';

describe('corpus index: candidates', () => {
  const corpus = corpusFromTexts([
    { path: '/s/a.md', text: `${WIRE}\n\nThe mayor of Lviv said repairs would take a week.` },
    { path: '/s/b.md', text: `Kyiv was quiet in the morning.\n\n${WIRE}` },
    { path: '/s/c.md', text: `${WIRE}\n\nGrain exports through Odesa resumed on Tuesday.` },
    { path: '/s/d.md', text: 'Farmers in Poland blocked the border crossing for a third day.' },
  ]);
  const { index } = corpus;

  it('finds a sentence repeated word for word in every source that has it, in corpus order', () => {
    const found = index.candidates(contentWords('Russia fired 22 missiles at the power grid'), 10);
    const top = found.filter((c) => c.score === found[0].score);
    assert.deepEqual(top.map((c) => corpus.sources[c.doc].info.path), ['/s/a.md', '/s/b.md', '/s/c.md']);
    for (const c of top) assert.equal(corpus.sources[c.doc].segmented.sentences[c.sentence].text, WIRE);
  });

  it('weighs a word by the sentences that have it, not by distinct sentences', () => {
    // "missiles" is in three sentences (one distinct wording); "farmers" in one.
    assert.ok(index.idf('missil') < index.idf('farmer'));
    assert.equal(index.idf('missil'), Math.log(1 + index.sentenceCount / (1 + 3)));
  });

  it('gives each sentence its own words, and none past the end of a source', () => {
    const d = corpus.sources.findIndex((s) => s.info.path === '/s/d.md');
    assert.deepEqual([...index.sentenceSet(d, 0)].sort(), [...new Set(contentWords('Farmers in Poland blocked the border crossing for a third day.'))].sort());
    assert.equal(index.sentenceSet(d, 5).size, 0);
    assert.equal(index.sentenceSet(d, -1).size, 0);
  });

  it('respects the limit, counting sentences rather than distinct wordings', () => {
    assert.equal(index.candidates(contentWords(WIRE), 2).length, 2);
  });
});

describe('corpus index: coverage', () => {
  const corpus = corpusFromTexts([
    { path: '/s/a.md', text: `${WIRE}\n\nThe mayor of Lviv said repairs to the grid would take a week.` },
    { path: '/s/b.md', text: 'Kyiv was quiet in the morning. Farmers in Poland blocked the border crossing for a third day.' },
  ]);
  const { index } = corpus;
  const vocabulary = [...new Set(corpus.sources.flatMap((s) => s.segmented.sentenceWords.flat()))];
  const sentences = corpus.sources.flatMap((s) => s.segmented.sentences.map((_, i) => ({ doc: s.id, sentence: i })));

  it('scores a query over a sentence, or it and the one before, exactly as weightedCoverage over their word sets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('unseen', 'words')), { maxLength: 12 }),
        fc.constantFrom(...sentences),
        fc.boolean(),
        (words, { doc, sentence }, withPrevious) => {
          const previous = withPrevious ? index.sentenceSet(doc, sentence - 1) : undefined;
          const expected = weightedCoverage(weigh(words, index.idf), index.sentenceSet(doc, sentence), previous);
          assert.equal(index.coverage(index.weigh(words), doc, sentence, withPrevious), expected);
        },
      ),
    );
  });

  it('finds nothing past either end of a source', () => {
    const query = index.weigh(contentWords(WIRE));
    assert.equal(index.coverage(query, 0, 0), 1);
    assert.equal(index.coverage(query, 0, 9), 0);
    assert.equal(index.coverage(query, 1, 0, true), 0);
  });
});

describe('corpus index: topGroups', () => {
  it('keeps exactly what a full sort by summed word weights would keep, ties in corpus order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 499 }), { minLength: 1, maxLength: 300 }),
        // Up to 8 search words; small integer weights make ties between different hit patterns common.
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 500, maxLength: 500 }),
        fc.integer({ min: 0, max: 80 }),
        (groups, wordWeights, patterns, limit) => {
          const weights = wordWeights.map((w) => w / 3);
          const hits = Uint8Array.from(patterns, (p) => p & ((1 << weights.length) - 1) || 1);
          // The score the search would have summed for each group, word by word.
          const score = (g: number) => weights.reduce((sum, w, b) => (hits[g] & (1 << b) ? sum + w : sum), 0);
          const expected = [...groups].sort((a, b) => score(b) - score(a) || a - b).slice(0, limit);
          // In no particular order: the caller sorts what it keeps.
          const kept = [...topGroups(Int32Array.from(groups), hits, weights, limit)].sort((a, b) => score(b) - score(a) || a - b);
          assert.deepEqual(kept, expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('corpus index: Heap', () => {
  it('pops in the order of its predicate', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (values) => {
        const before = (a: number, b: number) => values[a] < values[b] || (values[a] === values[b] && a < b);
        const expected = [...values.keys()].sort((a, b) => values[a] - values[b] || a - b);
        // Built from the items in reverse order, so that building, not the input order, does the work.
        const heap = Heap.of(Int32Array.from([...values.keys()].reverse()), before);
        const popped: number[] = [];
        while (heap.size) popped.push(heap.pop());
        assert.deepEqual(popped, expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('contentWords: spellings', () => {
  it('British and American spellings give one key', () => {
    assert.deepEqual(contentWords('defence labour offences'), contentWords('defense labor offenses'));
  });
});
