// Names: runs of capitalised words, titles stripped, possessives dropped; which runs are people.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTitle, nameRunsOf, stripPossessive, type NameRun } from '../../server/src/extract/names';
import { isPerson } from '../../server/src/extract/quotes';
import { analyzeText } from '../../server/src/extract/document';
import { seedSentences } from './helpers';
import { areDistinctGivenNames, areGenderedForms, areGivenNameForms, otherGivenNameForms, transliterationSkeleton } from '../../server/src/extract/nameForms';

type Expect = Partial<Pick<NameRun, 'name' | 'surname' | 'titled' | 'sentenceInitial' | 'precededBy' | 'text'>>;

const CASES: Array<[string, Expect[], string?]> = [
  ['President Volodymyr Zelensky met Marco Rubio in Abu Dhabi.', [
    { name: 'Volodymyr Zelensky', surname: 'Zelensky', titled: true, text: 'President Volodymyr Zelensky' },
    { name: 'Marco Rubio', surname: 'Rubio', titled: false, precededBy: 'met' },
    { name: 'Abu Dhabi', surname: 'Dhabi', precededBy: 'in' },
  ]],
  ['Secretary of State Marco Rubio spoke.', [{ name: 'Marco Rubio', titled: true }], 'a title with "of" inside'],
  ['French President Emmanuel Macron spoke.', [{ name: 'Emmanuel Macron', titled: true }], 'everything up to the last title is title'],
  ["Ukraine's Rustem Umerov said so.", [{ name: 'Ukraine', surname: 'Ukraine', sentenceInitial: true }, { name: 'Rustem Umerov', surname: 'Umerov' }], 'a possessive ends a run'],
  ["Zelensky's plan was welcomed.", [{ name: 'Zelensky', surname: 'Zelensky' }], 'the possessive is dropped from the name'],
  ['He sold Adams’ Ferrari.', [{ name: 'Adams', surname: 'Adams' }, { name: 'Ferrari' }], 'a bare possessive apostrophe ends a run too'],
  ['Davies’ lawyer spoke.', [{ name: 'Davies', surname: 'Davies' }], 'and is dropped from the name'],
  ['In Geneva, NATO met.', [{ name: 'Geneva' }, { name: 'NATO' }], 'a sentence-opening function word is not part of the name; runs stop at commas'],
  ['The EU foreign policy chief Kaja Kallas said so.', [{ name: 'EU' }, { name: 'Kaja Kallas', precededBy: 'chief' }]],
  ['On Monday the talks resumed.', [], 'weekdays and function words are not names'],
  ['the talks resumed quietly.', [], 'no capitals, no names'],
  ['URGENT UPDATE from Kyiv.', [{ name: 'Kyiv' }], 'shouting capitals (over four letters) are not names'],
  ['NATO and the UN met in Kyiv.', [{ name: 'NATO' }, { name: 'UN' }, { name: 'Kyiv' }], 'short acronyms are names'],
];

describe('nameRunsOf: table', () => {
  for (const [text, expected, why] of CASES) {
    it(`${JSON.stringify(text)}${why ? ` (${why})` : ''}`, () => {
      const runs = nameRunsOf(text);
      assert.deepEqual(runs.map((r) => r.name), expected.map((e) => e.name));
      expected.forEach((e, i) => {
        for (const [k, v] of Object.entries(e)) assert.deepEqual(runs[i][k as keyof NameRun], v, `${k} of ${runs[i].name}`);
      });
    });
  }

  it('a capitalised sentence-opening adverb is not part of the name', () => {
    for (const opener of ['Then', 'So', 'Again', 'Indeed']) {
      assert.deepEqual(nameRunsOf(`${opener} Marco Rubio spoke.`).map((r) => r.name), ['Marco Rubio'], opener);
    }
  });

  it('offsets are shifted by the sentence base', () => {
    const [run] = nameRunsOf('He saw Marco Rubio.', 100);
    assert.deepEqual([run.start, run.end], [107, 118]);
    assert.deepEqual(run.words.map((w) => [w.text, w.start, w.end]), [['Marco', 107, 112], ['Rubio', 113, 118]]);
  });

  it('every sentence of an analysed text has its runs, in document offsets', () => {
    const text = 'The talks ended.\n\nMarco Rubio flew to Geneva.';
    const a = analyzeText(text);
    assert.equal(a.names.length, a.sentences.length);
    const words = a.names.flat().flatMap((r) => r.words.map((w) => text.slice(w.start, w.end)));
    assert.deepEqual(words, ['Marco', 'Rubio', 'Geneva']);
  });
});

describe('titles, possessives and people', () => {
  it('knows titles, with or without a full stop', () => {
    for (const t of ['President', 'Minister', 'Secretary', 'Dr', 'Dr.', 'Gen.', 'Sir']) assert.ok(isTitle(t), t);
    for (const t of ['Zelensky', 'Geneva', 'Kyiv']) assert.ok(!isTitle(t), t);
  });

  it('strips possessives', () => {
    assert.equal(stripPossessive("Ukraine's"), 'Ukraine');
    assert.equal(stripPossessive('Ukraine’s'), 'Ukraine');
    assert.equal(stripPossessive("Witkoffs'"), 'Witkoffs');
    assert.equal(stripPossessive('Kallas'), 'Kallas');
  });

  const run = (text: string) => nameRunsOf(text).at(-1)!;
  const CASES_PEOPLE: Array<[string, boolean, string]> = [
    ['He met Marco Rubio.', true, 'two words'],
    ['He met President Zelensky.', true, 'a title'],
    ['He met Zelensky.', false, 'one unknown word'],
    ['He flew to Abu Dhabi.', false, 'after a place cue'],
    ['He visited the White House.', false, 'an institution'],
    ['He met the Foreign Ministry.', false, 'an institution'],
  ];
  for (const [text, expected, why] of CASES_PEOPLE) {
    it(`isPerson: ${JSON.stringify(text)} → ${expected} (${why})`, () => assert.equal(isPerson(run(text), new Set()), expected));
  }
  it('isPerson: a single surname the corpus knows is a person', () => assert.equal(isPerson(run('He met Zelensky.'), new Set(['Zelensky'])), true));
});

describe('nameRunsOf: properties', () => {
  const check = (text: string) => {
    for (const r of nameRunsOf(text, 0)) {
      assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, 'run inside the text');
      assert.equal(r.name, r.words.map((w) => w.text).join(' '));
      assert.equal(r.surname, r.words.at(-1)!.text);
      for (const w of r.words) {
        assert.equal(text.slice(w.start, w.end), w.text, 'each word slices to its text');
        assert.ok(r.start <= w.start && w.end <= r.end);
        assert.ok(/^\p{Lu}/u.test(w.text), 'names are capitalised');
      }
    }
  };
  it('never throws on arbitrary text; words slice to their text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), check), { numRuns: 300 });
  });
  it('holds on shuffled seed sentences', () => {
    const sentences = seedSentences();
    fc.assert(fc.property(fc.shuffledSubarray(sentences, { minLength: 1, maxLength: 8 }), (picked) => check(picked.join(' '))), { numRuns: 100 });
  });
});

describe('nameForms: one name, several spellings', () => {
  const SAME: Array<[string, string]> = [
    ['Kravetsky', 'Kravetskyy'], ['Kravetsky', 'Kravetskiy'], ['Kravetsky', 'Kravetskyi'], ['Kravetsky', 'Kravetski'], ['Kravetsky', 'Kravetskij'],
    ['Sergei', 'Sergey'], ['Yuri', 'Yury'], ['Yuri', 'Iuri'], ['Yuri', 'Juri'], ['Yuliia', 'Yulia'], ['Natalia', 'Natalya'],
    ['Mykhailo', 'Mihailo'], ['Kharkiv', 'Harkiv'], ['Aleksei', 'Alexei'], ['Horodetz', 'Horodets'], ['Dmytro', 'Dmitro'],
  ];
  for (const [a, b] of SAME) it(`${a} and ${b} share a skeleton`, () => assert.equal(transliterationSkeleton(a), transliterationSkeleton(b)));

  const TYPOS: Array<[string, string]> = [['Kallas', 'Kalas'], ['Umerov', 'Umarov'], ['Kravetsky', 'Kravesky'], ['Kravetsky', 'Kravetksy'], ['Lytvynenko', 'Lytvynenkoy'], ['Zaporizhzhia', 'Zaporizhia']];
  for (const [a, b] of TYPOS) it(`${a} and ${b} do not`, () => assert.notEqual(transliterationSkeleton(a), transliterationSkeleton(b)));

  it('knows a first name’s forms in other languages, by any romanisation', () => {
    assert.ok(otherGivenNameForms('Vladimir').includes('volodymyr'));
    assert.ok(otherGivenNameForms('Serhii').includes('sergei'));
    assert.ok(areGivenNameForms('Olha', 'Olga'));
    assert.ok(!areGivenNameForms('Sergei', 'Sergey'), 'two romanisations are one form');
    assert.ok(!areGivenNameForms('Oleh', 'Olha'));
    assert.deepEqual(otherGivenNameForms('Bohuslav'), []);
  });

  it('tells different names apart, however close', () => {
    assert.ok(areDistinctGivenNames('Maria', 'Marta'));
    assert.ok(!areDistinctGivenNames('Maria', 'Mariya'));
    assert.ok(!areDistinctGivenNames('Maria', 'Marika'), 'a name the table does not know');
  });

  it('feminine forms are another person’s name', () => {
    for (const [a, b] of [['ivan', 'ivana'], ['petrov', 'petrova'], ['kravetsky', 'kravetska'], ['kravetskyi', 'kravetska'], ['nowicki', 'nowicka']]) {
      assert.ok(areGenderedForms(a, b), `${a}/${b}`);
      assert.ok(areGenderedForms(b, a), `${b}/${a}`);
    }
    assert.ok(!areGenderedForms('kallas', 'kalas'));
    assert.ok(!areGenderedForms('kravetsky', 'kravetskyy'));
  });
});
