// Issue 13: no source text is lost or counted twice, and every file skipped is named with its reason.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkText, loadCorpus } from '../../server/src/engine';
import { decodeText } from '../../server/src/corpus/read';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-hardening-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's temporary folder, filled with `files` (name → text or bytes). */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const root = join(dir, name);
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), body);
  }
  return root;
}

describe('no paragraph is lost', () => {
  const SOURCE = 'Officials in the port town of Veldmark said that 14 ferries and more than 230 trucks were\nstranded at the border crossing overnight, according to the harbour office\n';
  const DRAFT = 'Officials in the port town of Veldmark said that 19 ferries and more than 230 trucks were\nstranded at the border crossing overnight, the harbour office said\n';

  it('a source and a draft whose last paragraph has no full stop and ends in a newline are both read', async () => {
    const corpus = await loadCorpus([folder('unstopped', { 'wire.md': SOURCE })], { cache: false });
    assert.equal(corpus.sources.length, 1, JSON.stringify(corpus.problems));
    const findings = checkText(corpus, DRAFT);
    assert.ok(findings.some((f) => f.rule === 'figure/conflict' && f.suggestions.includes('14 ferries')), JSON.stringify(findings));
  });

  it('a source with no text besides its front matter is named, not dropped silently', async () => {
    const root = folder('frontonly', { 'meta.md': '---\ntitle: Nothing yet\noutlet: Harbour Post\n---\n', 'wire.md': SOURCE });
    const corpus = await loadCorpus([root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path), [join(root, 'wire.md')]);
    assert.deepEqual(corpus.problems.map((p) => [p.path, p.reason]), [[join(root, 'meta.md'), 'no text to check (front matter only)']]);
  });
});

describe('decoding: one bad byte does not turn a UTF-8 file into Windows-1252', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');

  it('valid multi-byte UTF-8 with a stray byte stays UTF-8: curly quotes kept, the byte replaced, and its place named', () => {
    const bytes = Buffer.concat([utf8('Line one of the report.\n“We will rebuild the bridge,” Mayor Orla Brandt said'), Buffer.from([0xff]), utf8('.\n')]);
    const read = decodeText(bytes);
    assert.equal(read.text, '“We will rebuild the bridge,” Mayor Orla Brandt said\uFFFD.\n'.replace(/^/, 'Line one of the report.\n'));
    assert.equal(read.warning, `not valid UTF-8 at byte ${bytes.indexOf(0xff)} (line 2); read as UTF-8, the bad byte shown as \uFFFD`);
  });

  it('several bad places: the first is named, with how many more', () => {
    const bytes = Buffer.concat([utf8('“Yes,” she said.'), Buffer.from([0xc3]), utf8(' “No.”\n'), Buffer.from([0x80, 0x80]), utf8(' “Maybe.”\n'), Buffer.from([0xfe])]);
    const read = decodeText(bytes);
    assert.match(read.text ?? '', /^“Yes,” she said\.\uFFFD “No\.”\n\uFFFD+ “Maybe\.”\n\uFFFD$/);
    assert.equal(read.warning, `not valid UTF-8 at byte ${Buffer.byteLength('“Yes,” she said.')} (line 1) and 2 more places; read as UTF-8, the bad bytes shown as \uFFFD`);
  });

  it('a genuine Windows-1252 file (curly quotes as single bytes, no multi-byte sequence) stays Windows-1252', () => {
    const bytes = Buffer.concat([Buffer.from([0x93]), Buffer.from('We will rebuild the bridge,'), Buffer.from([0x94]), Buffer.from(' Mayor Orla Brandt said at the caf'), Buffer.from([0xe9, 0x2e])]);
    assert.deepEqual(decodeText(bytes), { text: '“We will rebuild the bridge,” Mayor Orla Brandt said at the café.', warning: 'not valid UTF-8; read as Windows-1252' });
  });

  it('a source with one bad byte keeps its quotations', async () => {
    const bytes = Buffer.concat([utf8('“We will rebuild the bridge by spring,” Mayor Orla Brandt said on Monday.'), Buffer.from([0xff]), utf8('\n')]);
    const corpus = await loadCorpus([folder('onebad', { 'wire.md': bytes })], { cache: false });
    assert.equal(corpus.sources[0].quotes.length, 1);
    assert.ok(corpus.problems[0].reason.startsWith(`not valid UTF-8 at byte ${bytes.indexOf(0xff)} (line 1);`), corpus.problems[0].reason);
  });
});
