// Issue 13: no source text is lost or counted twice, and every file skipped is named with its reason.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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
  mkdirSync(root, { recursive: true });
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

const WIRE = (n: number, outlet: string) => `---\noutlet: ${outlet}\n---\n\nThe harbour office in Veldmark said ${n} ferries were stranded at the crossing on Monday.\n`;
const reasons = (corpus: { problems: Array<{ path: string; reason: string }> }) => corpus.problems.map((p) => [p.path, p.reason]);

describe('roots given twice or nested: each source counted once', () => {
  it('the same folder twice', async () => {
    const root = folder('twice', { 'a.md': WIRE(14, 'Harbour Post'), 'b.md': WIRE(14, 'Coast Wire') });
    const corpus = await loadCorpus([root, root + '/'], { cache: false });
    assert.equal(corpus.sources.length, 2);
    assert.deepEqual(reasons(corpus), [[root, 'given twice; read once']]);
    const [finding] = checkText(corpus, 'The harbour office in Veldmark said 19 ferries were stranded at the crossing on Monday.\n');
    assert.match(finding.message, /2 sources say/);
  });

  it('a folder inside another root, given before it', async () => {
    const root = folder('nested', { 'a.md': WIRE(14, 'Harbour Post'), 'inner/b.md': WIRE(14, 'Coast Wire') });
    const corpus = await loadCorpus([join(root, 'inner'), root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path), [join(root, 'a.md'), join(root, 'inner', 'b.md')]);
    assert.deepEqual(reasons(corpus), [[join(root, 'inner'), `inside ${root}; read once, from there`]]);
  });
});

describe('file system edge cases', () => {
  it('symbolic links are followed once, with loops, broken links and duplicates named', async () => {
    const outside = folder('outside', { 'far.md': WIRE(14, 'Far Wire') });
    const root = folder('links', { 'a.md': WIRE(14, 'Harbour Post'), 'sub/b.md': WIRE(14, 'Coast Wire') });
    symlinkSync(join(outside, 'far.md'), join(root, 'far-file.md'));
    symlinkSync(outside, join(root, 'far-folder'));
    symlinkSync(join(root, 'a.md'), join(root, 'again.md'));
    symlinkSync(join(root, 'missing.md'), join(root, 'broken.md'));
    symlinkSync(root, join(root, 'sub', 'up'));
    symlinkSync(join(root, 'self-b'), join(root, 'self-a'));
    symlinkSync(join(root, 'self-a'), join(root, 'self-b'));
    const corpus = await loadCorpus([root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path.slice(root.length + 1)), ['a.md', 'far-file.md', 'sub/b.md']);
    assert.deepEqual(reasons(corpus), [
      [join(root, 'again.md'), `the same file as ${join(root, 'a.md')}; skipped`],
      [join(root, 'broken.md'), 'broken symbolic link; skipped'],
      [join(root, 'far-file.md'), `symbolic link to ${join(outside, 'far.md')}, outside the sources folder; read`],
      [join(root, 'far-folder'), `symbolic link to ${outside}, outside the sources folder; read`],
      [join(root, 'far-folder', 'far.md'), `the same file as ${join(root, 'far-file.md')}; skipped`],
      [join(root, 'self-a'), 'symbolic link loop; skipped'],
      [join(root, 'self-b'), 'symbolic link loop; skipped'],
      [join(root, 'sub', 'up'), `symbolic link loop (to ${root}); skipped`],
    ]);
  });

  it('a linked folder outside the sources folder is read, and said so', async () => {
    const outside = folder('outside2', { 'far.md': WIRE(14, 'Far Wire') });
    const root = folder('links2', { 'a.md': WIRE(14, 'Harbour Post') });
    symlinkSync(outside, join(root, 'far'));
    const corpus = await loadCorpus([root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path), [join(root, 'a.md'), join(root, 'far', 'far.md')]);
    assert.deepEqual(reasons(corpus), [[join(root, 'far'), `symbolic link to ${outside}, outside the sources folder; read`]]);
  });

  it('a file name that is not UTF-8 is read through its bytes and shown with escapes', async () => {
    const root = folder('names', {});
    const name = Buffer.concat([Buffer.from(join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
    writeFileSync(name, WIRE(14, 'Harbour Post'));
    const corpus = await loadCorpus([root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path), [join(root, 'caf\\xE9.md')]);
    assert.equal(corpus.sources[0].info.outlet, 'Harbour Post');
    assert.deepEqual(reasons(corpus), [[join(root, 'caf\\xE9.md'), 'its name is not UTF-8; shown with \\x escapes']]);
  });
});

describe('the on-disk index', () => {
  it('a source edited to the same size with its mtime restored is read afresh, not taken from the index', async () => {
    const previous = process.env.CORROBORATE_CACHE_DIR;
    process.env.CORROBORATE_CACHE_DIR = join(dir, 'stale-cache');
    try {
      const root = folder('stale', { 'a.md': WIRE(14, 'Harbour Post'), 'b.md': WIRE(15, 'Coast Wire') });
      const path = join(root, 'a.md');
      utimesSync(path, 1_700_000_000, 1_700_000_000); // whole seconds, so the restored mtime is exactly the same
      const cold = await loadCorpus([root]);
      await cold.indexWritten;
      const stamp = statSync(path);
      writeFileSync(path, WIRE(14, 'Harbour Post').replace('ferries were stranded', 'ferries were grounded'));
      utimesSync(path, 1_700_000_000, 1_700_000_000);
      assert.equal(statSync(path).size, stamp.size);
      assert.equal(statSync(path).mtimeMs, stamp.mtimeMs);
      const again = await loadCorpus([root]);
      assert.notEqual(again.warmStart, true);
      assert.match(again.sources[0].segmented.sentences.at(-1)!.text, /grounded/);
    } finally {
      if (previous === undefined) delete process.env.CORROBORATE_CACHE_DIR;
      else process.env.CORROBORATE_CACHE_DIR = previous;
    }
  });
});

describe('a hostile corpus', () => {
  it('loads without an exception: every readable file counted once, every skipped one named with a reason', async () => {
    const body = (n: number) => `The harbour office in Veldmark said ${n} ferries were stranded at the crossing on Monday.\n`;
    const root = folder('hostile', {
      'nul.md': Buffer.concat([Buffer.from(body(1)), Buffer.from([0, 1, 2])]),
      'bad-utf8.md': Buffer.concat([Buffer.from('“Quoted,” she said. '), Buffer.from([0xff, 0xfe]), Buffer.from(body(2))]),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body(3))]),
      'crlf.md': body(4).replace(/\n/g, '\r\n') + 'Second line without a stop\r\n',
      'too-large.md': body(5).repeat(200),
      'escape.md': `Title \u001b]0;pwned\u0007 here\n\n${body(6)}\u001b[2J`,
      'bidi.md': `---\noutlet: Harbour \u202ePost\n---\n\n${body(7)}`,
      'nested/inner.md': body(8),
    });
    symlinkSync(root, join(root, 'nested', 'loop'));
    symlinkSync(join(root, 'gone.md'), join(root, 'broken.md'));
    const corpus = await loadCorpus([root, root, join(root, 'nested')], { cache: false, maxFileBytes: 4096 });
    const shown = corpus.sources.map((s) => s.info.path.slice(root.length + 1));
    assert.deepEqual(shown, ['bad-utf8.md', 'bidi.md', 'bom.md', 'crlf.md', 'escape.md', join('nested', 'inner.md')]);
    assert.equal(new Set(shown).size, shown.length, 'each source once');
    const named = new Map(corpus.problems.map((p) => [p.path, p.reason]));
    for (const skipped of ['nul.md', 'too-large.md', 'broken.md', join('nested', 'loop')]) assert.ok(named.get(join(root, skipped)), `${skipped} is named: ${JSON.stringify(corpus.problems)}`);
    assert.ok(named.get(join(root, 'nested')), 'the nested root is named');
    assert.ok(corpus.problems.every((p) => p.reason.length > 0));
    assert.match(named.get(join(root, 'bad-utf8.md')) ?? '', /not valid UTF-8 at byte/);
    assert.ok(corpus.sources.every((s) => s.segmented.sentences.length > 0));
    assert.equal(corpus.sources.find((s) => s.info.path.endsWith('bom.md'))!.text[0], 'T', 'the BOM is dropped');
    assert.ok(corpus.sources.find((s) => s.info.path.endsWith('crlf.md'))!.text.includes('Second line without a stop'));
    const findings = checkText(corpus, body(9) + 'Second line without a stop\n');
    assert.ok(findings.some((f) => f.rule === 'figure/conflict'), JSON.stringify(findings));
  });
});
