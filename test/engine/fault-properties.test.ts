// Fault-suite properties over generated drafts and corpora: the engine never throws, keeps every range inside the text,
// and sees a claim appended at the very end of a draft however the draft ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusOf, findingsOf } from './helpers';

const SOURCE = 'DOVRENA, 4 March —\n\nThe storm destroyed 40 homes in Dovrena on Monday, the mayor said.\n\nMayor Ilse Varga said: “We will rebuild every house on the coast.”\n';
const corpus = corpusOf([SOURCE, SOURCE.replace('DOVRENA, 4 March —', 'Coastal Times, 4 March')]);
const CLAIM = 'The storm destroyed 90 homes in Dovrena on Monday, the mayor said';

// Words, numbers, quote marks, punctuation and line breaks in any order: text as broken as a draft can get.
const token = fc.constantFrom('the', 'storm', 'Varga', 'said', 'on', 'Monday', '12', 'seven', '1,200', '“', '”', '"', "'", ',', '.', ';', ' ', ' ', '\n', '\n\n', '\r\n', '—', '(', ')', '#', '-', '*', '\t', 'é', '😀', '\u0000');
const soup = fc.array(token, { maxLength: 80 }).map((t) => t.join(''));
const anyText = fc.oneof(soup, fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('fault properties', () => {
  it('a figure appended at the very end is seen, with or without a final full stop or newline', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom('\n\n', '\r\n\r\n', '\n\n\n'), fc.constantFrom('', '.', '\n', '.\n', '\r\n', '\n\n', ' '), (prefix, gap, ending) => {
        // A paragraph left inside an open quotation would swallow the claim; close the prefix's quotes first.
        const balanced = prefix.replace(/[“”"]/g, '');
        const draft = `${balanced}${gap}${CLAIM}${ending}`;
        const conflicts = findingsOf(corpus, draft).filter((f) => f.rule === 'figure/conflict');
        assert.ok(
          conflicts.some((f) => f.text.includes('90')),
          `no figure/conflict on “90 homes” in ${JSON.stringify(draft)}: ${JSON.stringify(findingsOf(corpus, draft).map((f) => [f.rule, f.text]))}`,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('generated corpora and drafts: no exception, every range inside the draft', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), anyText, (sources, draft) => {
        const generated = corpusOf([...sources, SOURCE]);
        for (const f of findingsOf(generated, draft)) {
          assert.ok(0 <= f.start && f.start <= f.end && f.end <= draft.length, JSON.stringify(f.range));
          for (const e of f.evidence) assert.ok(e.range.start.line >= 0 && e.range.end.line >= e.range.start.line);
        }
      }),
      { numRuns: 200 },
    );
  });
});
