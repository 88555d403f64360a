// What a source says about itself: title, outlet, date (front matter, updated lines, numeric headers, datelines).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dayFirstConvention, readMetadata } from '../../server/src/extract/metadata';
import { segmentText, analyzeText } from '../../server/src/extract/document';

describe('readMetadata: front matter', () => {
  it('reads title, outlet and date', () => {
    const m = readMetadata('---\ntitle: Strikes on Kyiv\ndate: 2025-11-26\noutlet: BBC News\nauthor: Jo Reporter\n---\nBody text here.');
    assert.equal(m.title, 'Strikes on Kyiv');
    assert.equal(m.outlet, 'BBC News');
    assert.equal(m.author, 'Jo Reporter');
    assert.deepEqual(m.date, { iso: '2025-11-26', how: 'front matter', ambiguous: false, raw: '2025-11-26' });
    assert.equal(m.frontMatterEnd, '---\ntitle: Strikes on Kyiv\ndate: 2025-11-26\noutlet: BBC News\nauthor: Jo Reporter\n---\n'.length);
    assert.deepEqual(m.warnings, []);
  });

  it('reads a timestamp as its day (2025-11-26T03:59:51)', () => {
    const m = readMetadata('---\ndate: 2025-11-26T03:59:51\n---\nBody.');
    assert.equal(m.date?.iso, '2025-11-26');
    assert.equal(m.date?.raw, '2025-11-26T03:59:51');
  });

  it('reads a written date and other outlet keys', () => {
    const m = readMetadata('---\ndate: "26 November 2025"\npublisher: Wire One\n---\nBody.');
    assert.equal(m.date?.iso, '2025-11-26');
    assert.equal(m.outlet, 'Wire One');
  });

  it('ignores a date it cannot read', () => {
    assert.equal(readMetadata('---\ndate: not a date at all\n---\nBody.').date, undefined);
  });

  it('malformed front matter is a warning, and the block is read as text', () => {
    const m = readMetadata('---\ntitle: [unclosed\n---\nBody');
    assert.equal(m.frontMatterEnd, 0);
    assert.equal(m.warnings.length, 1);
    assert.match(m.warnings[0], /front matter could not be read/);
  });

  it('hostile front matter builds no live objects: JavaScript types are refused, the block is read as text', () => {
    const hostile = [
      '---\ntitle: !!js/function "function () { globalThis.corroboratePwned = true; }"\n---\nBody.',
      '---\ndate: { toString: !!js/function "function () { globalThis.corroboratePwned = true; return \'x\'; }" }\n---\nBody.',
      '---\ntitle: !!js/regexp /(a+)+$/\n---\nBody.',
      '---\ntitle: !!js/undefined\n---\nBody.',
    ];
    for (const text of hostile) {
      const m = readMetadata(text);
      assert.equal(m.frontMatterEnd, 0, text);
      assert.match(m.warnings[0], /front matter could not be read/);
      // Plain data only (the block itself may serve as the title, as text).
      assert.ok(Object.values(m).every((v) => typeof v !== 'function' && !(v instanceof RegExp)));
      assert.equal(m.date, undefined);
    }
    assert.equal((globalThis as { corroboratePwned?: boolean }).corroboratePwned, undefined);
  });

  it('an alias bomb in front matter is refused quickly, and the block is read as text', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(97 + i - 1);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const m = readMetadata(`---\n${levels.join('\n')}\ntitle: Bomb\n---\nBody.`);
    assert.equal(m.frontMatterEnd, 0);
    assert.match(m.warnings[0], /front matter could not be read/);
    assert.equal(m.title === 'Bomb', false);
  });

  it('front matter is blanked, not removed: claim offsets stay those of the file', () => {
    const text = '---\ntitle: x\ndate: 2025-11-25\n---\nRussia launched 22 missiles on Monday.';
    const seg = segmentText(text);
    assert.equal(seg.text, text);
    assert.equal(seg.sentences[0].start, text.indexOf('Russia'));
    const a = analyzeText(text);
    assert.equal(text.slice(a.figures[0].span.start, a.figures[0].span.end), '22 missiles');
    assert.equal(a.dates.find((d) => d.text === 'Monday')?.resolved, '2025-11-24');
    assert.ok(!a.dates.some((d) => d.text.includes('2025-11-25')), 'the front-matter date is not a claim of the body');
  });
});

describe('readMetadata: where the front matter\'s title is written', () => {
  const spanText = (text: string) => {
    const span = readMetadata(text).titleSpan;
    return span && text.slice(span.start, span.end);
  };
  it('plain and quoted titles', () => {
    assert.equal(spanText('---\ntitle: Strikes on Kyiv\ndate: 2025-11-26\n---\nBody.'), 'Strikes on Kyiv');
    assert.equal(spanText('---\ndate: 2025-11-26\ntitle: "Kyiv: 22 missiles overnight"\n---\nBody.'), 'Kyiv: 22 missiles overnight');
    assert.equal(spanText("---\ntitle: 'Talks go on'\n---\nBody."), 'Talks go on');
  });
  it('none for a title with escapes or folded over lines, which has no one place in the text', () => {
    assert.equal(spanText('---\ntitle: "Say \\"no\\" to talks"\n---\nBody.'), undefined);
    assert.equal(spanText('---\ntitle: >\n  Talks\n  go on\n---\nBody.'), undefined);
  });
});

describe('readMetadata: dates in the text', () => {
  const CASES: Array<[string, { iso: string; how: RegExp; ambiguous?: boolean } | undefined, string]> = [
    ['Updated 18 November 2025\nSome story.', { iso: '2025-11-18', how: /updated line/ }, '"Updated 18 November 2025"'],
    ['Ukraine Peace Talks\n\nUpdated by FFRNews on 18 November 2025\n\nText.', { iso: '2025-11-18', how: /updated line/ }, '"Updated by … on …"'],
    ['Logo\nÇağ Üniversitesi\n03.12.2025\nThe organisation recognised the centre.', { iso: '2025-12-03', how: /day-first/, ambiguous: false }, 'day-first from British spelling'],
    ['Masthead\n03.12.2025\nThe organization recognized the center.', { iso: '2025-03-12', how: /month-first/, ambiguous: false }, 'month-first from American spelling'],
    ['Masthead\n03.12.2025\nNothing to tell.', { iso: '2025-12-03', how: /ambiguous/, ambiguous: true }, 'no convention: flagged ambiguous'],
    ['Masthead\n13.02.2025\nNothing to tell.', { iso: '2025-02-13', how: /numeric date/, ambiguous: false }, 'a day over 12 decides'],
    ['KYIV, Nov. 25, 2025 — Story text.', { iso: '2025-11-25', how: /dateline/ }, 'dateline'],
    ['Story\n\nPublished 2025-11-26 by the desk.', { iso: '2025-11-26', how: /./ }, 'ISO date'],
    ['Halvorsk, 12 March 2024 — Story text.', { iso: '2024-03-12', how: /dateline/ }, 'a dateline in mixed case'],
    ['Headline\n\nPORTAVEN, FEB. 9, 2024 —\n\nStory text.', { iso: '2024-02-09', how: /./ }, 'a capitalised dateline on a line of its own'],
    ['Story\n\nSee https://court.example/rulings/2023-06-14/quay-mill for the ruling.', undefined, 'a date inside a link is not the story\'s'],
    ['A story without any date at all.', undefined, 'none'],
    ['Brennick quits as mayor\n\nCouncillors said the process of choosing a successor should begin now.', undefined, '"now" is not the story\'s date (chrono reads it as the day of the check)'],
    ['Storm Hits Tarrow After 7.1M Gusts\n\nThe storm hit the coast on Tuesday.', undefined, '"After 7.1" is not a date'],
    ['Story\n\nThe storm hit the coast on 14 March 2023, officials said.', { iso: '2023-03-14', how: /first full date/ }, 'a date written out in full'],
  ];
  for (const [text, expected, why] of CASES) {
    it(`${JSON.stringify(text.slice(0, 40))} (${why})`, () => {
      const m = readMetadata(text);
      if (!expected) return assert.equal(m.date, undefined);
      assert.equal(m.date?.iso, expected.iso);
      assert.match(m.date!.how, expected.how);
      if (expected.ambiguous !== undefined) assert.equal(m.date!.ambiguous, expected.ambiguous);
      assert.ok(text.includes(m.date!.raw), 'raw is the text as written');
    });
  }

  it('keeps the dateline\'s place (where the story\'s days begin and end)', () => {
    assert.equal(readMetadata('Halvorsk, 12 March 2024 — Story text.').dateline, 'Halvorsk');
    assert.equal(readMetadata('Headline\n\nBRELLMOUTH (Wirepost) - Story text.').dateline, 'BRELLMOUTH');
    assert.equal(readMetadata('Zelensky, Putin — the two men met.').dateline, undefined, 'two names and a dash are no dateline');
  });

  it('finds where a reference list starts', () => {
    const text = 'Story text from 2 May.\n\n## References\n\n- Wirepost, 14 June 2023.';
    assert.equal(readMetadata(text).referencesStart, text.indexOf('## References'));
    assert.equal(readMetadata('Sources said the talks went on.\n\nMore text.').referencesStart, undefined, 'the word in a sentence is no heading');
  });

  it('finds the outlet and title', () => {
    assert.equal(readMetadata('Logo\nÇağ Üniversitesi\n03.12.2025\n\nUkraine calls for talks\n\nBody.').outlet, 'Çağ Üniversitesi');
    assert.equal(readMetadata('Updated by FFRNews on 18 November 2025\n\nText.').outlet, 'FFRNews');
    assert.equal(readMetadata('# A Headline Here\n\nbody.').title, 'A Headline Here');
    assert.equal(readMetadata('', 'fallback.md').title, 'fallback');
  });
});

describe('dayFirstConvention', () => {
  it('British spelling and "14 October" are day-first; American and "October 14" month-first; none undecided', () => {
    assert.equal(dayFirstConvention('The organisation met on 14 October.'), true);
    assert.equal(dayFirstConvention('The organization met on October 14.'), false);
    assert.equal(dayFirstConvention('They met.'), undefined);
  });
});

describe('readMetadata: properties', () => {
  it('never throws; front matter ends inside the text', () => {
    const token = fc.constantFrom('---', '\n', 'title: ', 'date: ', '2025-11-26', '[', ']', ':', '"', 'Updated ', '18 November 2025', '03.12.2025', 'x', ' ', '\uFEFF');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(token, { maxLength: 30 }).map((t) => t.join(''))), (text) => {
        const m = readMetadata(text);
        assert.ok(m.frontMatterEnd >= 0 && m.frontMatterEnd <= text.length);
        if (m.date) assert.match(m.date.iso, /^\d{4}-\d\d-\d\d$/);
      }),
      { numRuns: 300 },
    );
  });
});
