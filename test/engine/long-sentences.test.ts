// Run-on sentences: cut into clauses so per-claim work stays bounded, and a claim at the end of one is checked as if
// it were a sentence of its own. No timings here: linearity is asserted through the size of what each claim sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundLongSentences, LONG_SENTENCE, MAX_CLAUSE } from '../../server/src/text/longSentences';
import { paragraphsOf, sentencesOf, type Sentence } from '../../server/src/text/segment';
import { segmentText } from '../../server/src/extract/document';
import { corpusOf, findingsOf } from './helpers';

const sentencesIn = (text: string) => boundLongSentences(sentencesOf(paragraphsOf(text)));

/** Pieces in order, inside the text, each its own text, and nothing but spaces left between them. */
function assertCover(text: string, pieces: Sentence[]) {
  let at = 0;
  for (const p of pieces) {
    assert.equal(p.text, text.slice(p.start, p.end));
    assert.ok(p.start >= at, `piece at ${p.start} overlaps the one before (ending ${at})`);
    assert.match(text.slice(at, p.start), /^\s*$/, `text lost between pieces: ${JSON.stringify(text.slice(at, p.start))}`);
    at = p.end;
  }
  assert.match(text.slice(at), /^\s*$/);
}

const FILLERS = [
  'the harbour committee met again in the afternoon',
  'officials gave no further details to the waiting crowd',
  'reporters waited outside the customs building for hours',
  'the ferry timetable was posted on the terminal doors',
  'fishermen along the quay mended their nets in silence',
  'a light rain fell over the old warehouses by the water',
];

describe('long sentences are cut into clauses', () => {
  it('leaves every sentence up to LONG_SENTENCE characters as it is', () => {
    const text = `${FILLERS.join(', ')}.`;
    assert.ok(text.length < LONG_SENTENCE);
    const sentences = sentencesOf(paragraphsOf(text));
    assert.equal(boundLongSentences(sentences), sentences);
  });

  it('cuts a run-on at its commas, never inside quotation marks, short stretches kept with the clause before', () => {
    const quote = '"we will rebuild, we will reopen, and we will not wait for the ministry," the harbour master said';
    const parts = [...FILLERS, quote, ...FILLERS, 'the tide turned, again'];
    const text = `${parts.join(', ')}.`;
    const pieces = sentencesIn(text);
    assertCover(text, pieces);
    assert.ok(pieces.some((p) => p.text === `${quote},`), 'the quotation and its speaker stay in one clause');
    assert.ok(pieces.some((p) => p.text.endsWith('by the water, the tide turned, again.')), '"again" and "the tide turned" are too short to stand alone');
  });

  it('bounds clauses with no comma at a space, MAX_CLAUSE characters at most', () => {
    const text = `${Array.from({ length: 200 }, (_, i) => FILLERS[i % FILLERS.length]).join(' and ')}.`;
    const pieces = sentencesIn(text);
    assertCover(text, pieces);
    for (const p of pieces) {
      assert.ok(p.text.length <= MAX_CLAUSE, `${p.text.length} characters`);
      assert.doesNotMatch(p.text, /^\s|\s$/);
    }
    // Cut between words, not inside them.
    for (const p of pieces.slice(1)) assert.match(text[p.start - 1], /\s/);
  });

  it('property: any text is covered by sentences no longer than LONG_SENTENCE, in order', () => {
    const token = fc.constantFrom('harbour', 'said', ',', ';', '"', '“', '”', 'and', '12', 'ferries', '.', 'the', '\n', 'Mr', 'Varnholt');
    fc.assert(
      fc.property(fc.array(token, { minLength: 0, maxLength: 600 }), (tokens) => {
        const text = tokens.join(' ');
        const seg = segmentText(text);
        for (const s of seg.sentences) assert.ok(s.text.length <= LONG_SENTENCE, `a sentence of ${s.text.length} characters`);
        for (let i = 1; i < seg.sentences.length; i++) assert.ok(seg.sentences[i].start >= seg.sentences[i - 1].end);
      }),
      { numRuns: 200 },
    );
  });

  it('per-claim context is bounded: the sentences of a 100 KB run-on are all short, whatever its length', () => {
    const clause = (i: number) => FILLERS[i % FILLERS.length];
    for (const count of [100, 1000]) {
      const text = `${Array.from({ length: count }, (_, i) => clause(i)).join(', and ')}.`;
      const seg = segmentText(text);
      assert.ok(seg.sentences.length >= count / 2, `${seg.sentences.length} sentences for ${count} clauses`);
      assert.ok(Math.max(...seg.sentences.map((s) => s.text.length)) <= MAX_CLAUSE);
    }
  });
});

// Invented sources: a harbour town, its ferries, its mayor.
const WIRE = `---
title: Storm closes Velmora harbour
date: 2025-03-14
outlet: Coast Wire
---

The harbour authority said 12 ferries were cancelled at Port Velmora on Friday because of the storm.

Mayor Ilse Varnholt said the sea wall would be repaired "within six weeks, whatever it costs" after the storm.

The storm flooded at least 40 homes in the lower town of Velmora, the fire brigade reported.

The old lighthouse at Velmora was built in 1887 by the Danish engineer Per Oskarsen.
`;
const GAZETTE = `---
title: Ferries halted as storm hits Velmora
date: 2025-03-14
outlet: Velmora Gazette
---

Twelve ferries were cancelled at Port Velmora on Friday, the harbour authority said.

The storm flooded at least 40 homes in Velmora's lower town, according to the fire brigade.

Mayor Ilse Varnholt promised the sea wall would be repaired "within six weeks, whatever it costs".
`;

/** Claims as clauses of their own (no comma outside quotes, at least five words): each differs from the sources. */
const CLAIMS = [
  'The harbour authority said 14 ferries were cancelled at Port Velmora on Friday',
  'The storm flooded 40 homes in the lower town of Velmora',
  'Mayor Ilse Varnholt said the sea wall would be repaired "within four weeks, whatever it costs"',
  'The old lighthouse at Velmora was built in 1897 by the Danish engineer Per Oskarsen',
  'The old lighthouse at Velmora was built by the Danish engineer Per Oskarssen',
];

describe('a claim at the very end of a long sentence', () => {
  const corpus = corpusOf([WIRE, GAZETTE]);
  const head = '---\ndate: 2025-03-14\n---\n\n';
  /** The claim's findings, with offsets relative to the claim. */
  const claimFindings = (draft: string, claim: string) => {
    const at = draft.lastIndexOf(claim);
    return findingsOf(corpus, draft)
      .filter((f) => f.start >= at)
      .map((f) => ({ rule: f.rule, severity: f.severity, start: f.start - at, text: f.text, message: f.message, suggestions: f.suggestions }));
  };

  it('property: has the same findings as when it is a sentence of its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FILLERS), { minLength: 15, maxLength: 120 }),
        fc.constantFrom(...CLAIMS),
        fc.constantFrom(', ', ', and ', '; '),
        (fillers, claim, joint) => {
          const run = fillers.join(joint);
          const runOn = `${head}${run[0].toUpperCase()}${run.slice(1)}${joint}${claim}.\n`;
          const own = `${head}${run[0].toUpperCase()}${run.slice(1)}. ${claim}.\n`;
          const alone = claimFindings(own, claim);
          assert.ok(alone.length > 0, `the claim is checked: ${claim}`);
          assert.deepEqual(claimFindings(runOn, claim), alone);
        },
      ),
      { numRuns: 40 },
    );
  });
});
