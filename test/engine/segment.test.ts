// Paragraphs and sentences with offsets into the original text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { paragraphsOf, sentencesOf } from '../../server/src/text/segment';
import { lineStartsOf, offsetAt, positionAt } from '../../server/src/model/lines';
import { seedSentences } from './helpers';

const split = (text: string) => {
  const paragraphs = paragraphsOf(text);
  return { paragraphs: paragraphs.map((p) => p.text), sentences: sentencesOf(paragraphs).map((s) => [s.text, s.paragraph] as const) };
};

describe('paragraphsOf and sentencesOf: table', () => {
  const CASES: Array<[string, string[], Array<readonly [string, number]>, string]> = [
    ['First para.\n\nSecond para. Another one.', ['First para.', 'Second para. Another one.'], [['First para.', 0], ['Second para.', 1], ['Another one.', 1]], 'blank lines split paragraphs'],
    ['First para.\r\n\r\nSecond para. Another one.\r\n', ['First para.', 'Second para. Another one.'], [['First para.', 0], ['Second para.', 1], ['Another one.', 1]], 'CRLF line ends'],
    ['Mr. Smith met Dr. Jones at 3 p.m. in the U.S. yesterday. They talked.', ['Mr. Smith met Dr. Jones at 3 p.m. in the U.S. yesterday. They talked.'], [['Mr. Smith met Dr. Jones at 3 p.m. in the U.S. yesterday.', 0], ['They talked.', 0]], 'abbreviations do not end sentences'],
    ['A line that is definitely longer than fifty characters and wraps\nonto the next line here.', ['A line that is definitely longer than fifty characters and wraps\nonto the next line here.'], [['A line that is definitely longer than fifty characters and wraps\nonto the next line here.', 0]], 'a long line without end punctuation wraps into the next'],
    ['Short headline\nBody text.', ['Short headline', 'Body text.'], [['Short headline', 0], ['Body text.', 1]], 'a short line stands alone (headline)'],
    ['# Heading\n- item one\n- item two', ['# Heading', '- item one', '- item two'], [['# Heading', 0], ['- item one', 1], ['- item two', 2]], 'headings and list items'],
    ['He said "Hi." She left.', ['He said "Hi." She left.'], [['He said "Hi."', 0], ['She left.', 0]], 'a closing quote after the full stop stays in the sentence'],
    ['  Indented para.  \n\n\tTabbed.', ['Indented para.', 'Tabbed.'], [['Indented para.', 0], ['Tabbed.', 1]], 'surrounding whitespace trimmed'],
    ['No end punctuation', ['No end punctuation'], [['No end punctuation', 0]], 'a text without a full stop is one sentence'],
    ['', [], [], 'empty'],
    ['A wrapped line that is well over fifty characters long and ends\nwithout a full stop on its last line, as officials said\n', ['A wrapped line that is well over fifty characters long and ends\nwithout a full stop on its last line, as officials said'], [['A wrapped line that is well over fifty characters long and ends\nwithout a full stop on its last line, as officials said', 0]], 'a last paragraph without a full stop, before a final newline, is kept'],
    ['   \n\n \t ', [], [], 'whitespace only'],
    ['"We searched all night," said Rear Adm. Tomas Verhallen. Boats left.', ['"We searched all night," said Rear Adm. Tomas Verhallen. Boats left.'], [['"We searched all night," said Rear Adm. Tomas Verhallen.', 0], ['Boats left.', 0]], 'a rank\'s abbreviation sbd does not know (Adm.) does not end the sentence'],
    ['The harbour closed under Cmdr. Ilse Brandt and Brig. Oren Falk. It reopened.', ['The harbour closed under Cmdr. Ilse Brandt and Brig. Oren Falk. It reopened.'], [['The harbour closed under Cmdr. Ilse Brandt and Brig. Oren Falk.', 0], ['It reopened.', 0]], 'two such abbreviations in one sentence'],
  ];
  for (const [text, paragraphs, sentences, why] of CASES) {
    it(`${JSON.stringify(text)} (${why})`, () => assert.deepEqual(split(text), { paragraphs, sentences }));
  }

  it('offsets point into the original text', () => {
    const text = 'Title\n\nRussia launched 22 missiles. At least six people were killed.\n';
    const sentences = sentencesOf(paragraphsOf(text));
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(sentences[2].start, text.indexOf('At least'));
  });
});

describe('line positions', () => {
  it('maps offsets to LSP positions and back, lines ending at \\n', () => {
    const text = 'ab\r\ncd\n\nef';
    const starts = lineStartsOf(text);
    assert.deepEqual(starts, [0, 4, 7, 8]);
    assert.deepEqual(positionAt(starts, 5), { line: 1, character: 1 });
    assert.deepEqual(positionAt(starts, 2), { line: 0, character: 2 }, 'the \\r stays in its line');
    assert.equal(offsetAt(starts, { line: 3, character: 1 }), 9);
  });

  it('round-trips every offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r\n'), maxLength: 60 }), fc.nat(), (text, n) => {
        const starts = lineStartsOf(text);
        const offset = n % (text.length + 1);
        assert.equal(offsetAt(starts, positionAt(starts, offset)), offset);
      }),
    );
  });
});

function assertSegmentInvariants(text: string) {
  const paragraphs = paragraphsOf(text);
  let end = 0;
  for (const p of paragraphs) {
    assert.ok(p.start >= end && p.start < p.end && p.end <= text.length, `paragraph in order and inside the text: ${JSON.stringify(p)}`);
    assert.equal(text.slice(p.start, p.end), p.text);
    assert.equal(p.text, p.text.trim(), 'paragraphs are trimmed');
    end = p.end;
  }
  const sentences = sentencesOf(paragraphs);
  end = 0;
  for (const s of sentences) {
    const p = paragraphs[s.paragraph];
    assert.ok(p, 'sentence names its paragraph');
    assert.ok(p.start <= s.start && s.start < s.end && s.end <= p.end, `sentence inside its paragraph: ${JSON.stringify(s)}`);
    assert.ok(s.start >= end, 'sentences in order, not overlapping');
    assert.equal(text.slice(s.start, s.end), s.text);
    end = s.end;
  }
  // No text is lost: every character that is not whitespace lies in a paragraph.
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    while (p < paragraphs.length && paragraphs[p].end <= i) p++;
    assert.ok(p < paragraphs.length && paragraphs[p].start <= i, `character ${i} (${JSON.stringify(text[i])}) is in no paragraph`);
  }
  // Every paragraph has at least one sentence.
  assert.deepEqual([...new Set(sentences.map((s) => s.paragraph))], paragraphs.map((_, i) => i));
}

describe('segmentation: properties', () => {
  it('never throws on arbitrary text; paragraphs and sentences slice to their text, in order', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), assertSegmentInvariants), { numRuns: 300 });
  });

  it('holds on punctuation-heavy token soup', () => {
    const token = fc.constantFrom('Mr.', 'Dr.', 'U.S.', 'p.m.', 'word', 'Word', ' ', ' ', '  ', '.', '. ', '!', '?', '"', '”', '\n', '\n\n', '\r\n', '\t', '\u00a0', '- ', '# ', '1. ', '…');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }).map((t) => t.join('')), assertSegmentInvariants), { numRuns: 300 });
  });

  it('holds on shuffled seed sentences', () => {
    const sentences = seedSentences();
    fc.assert(
      fc.property(fc.shuffledSubarray(sentences, { minLength: 1, maxLength: 15 }), fc.constantFrom(' ', '\n', '\n\n', '\r\n\r\n'), (picked, sep) => assertSegmentInvariants(picked.join(sep))),
      { numRuns: 100 },
    );
  });
});
