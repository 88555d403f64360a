// Reading a sources folder: bad files are reported in `problems` with the reason, and the run goes on with the rest.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkText, loadCorpus, type Corpus } from '../../server/src/engine';
import { decodeText, listSourceFiles, readTextFile } from '../../server/src/corpus/read';
import type { SourceProblem } from '../../server/src/model/types';
import { analyzeText } from '../../server/src/extract/document';

const GOOD = '---\ntitle: Strikes on Kyiv\ndate: 2025-11-25\noutlet: Wire One\n---\n\nRussia launched 22 missiles and 464 drones at Kyiv overnight, the Ukrainian air force said.\n';

let dir: string;
let corpus: Corpus;
const progress: Array<[number, number]> = [];

const problemFor = (problems: SourceProblem[], name: string) => problems.filter((p) => p.path.endsWith(name));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-read-'));
  writeFileSync(join(dir, 'good.md'), GOOD);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.md'), '  \n\n\t\n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x52, 0x75, 0x73, 0x00, 0x01, 0x02, 0x73, 0x69, 0x61]));
  // "Café in Kyiv…" in Windows-1252: 0xE9 is not valid UTF-8.
  writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners in Kyiv counted 12 shelters on Tuesday.\n')]));
  writeFileSync(join(dir, 'large.txt'), 'Russia launched 22 missiles. '.repeat(200)); // 5,800 bytes, over the 4,096 limit below
  writeFileSync(join(dir, 'badfm.md'), '---\ntitle: [unclosed\n---\n\nAt least six people were killed in the strikes on the capital.\n');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'deeper', 'sub.txt'), 'Zelensky said on Monday that talks in Geneva went well.\n');
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, '.hidden', 'secret.md'), 'Hidden folders are skipped.\n');
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'dep.md'), 'node_modules is skipped.\n');
  corpus = await loadCorpus([dir, join(dir, 'does-not-exist')], { maxFileBytes: 4096, onProgress: (done, total) => progress.push([done, total]) });
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('loadCorpus with bad input', () => {
  it('keeps the good, the non-UTF-8, the malformed front matter and the nested sources, in path order', () => {
    const names = corpus.sources.map((s) => s.info.path.slice(dir.length + 1));
    assert.deepEqual(names, ['badfm.md', 'good.md', 'latin1.txt', join('nested', 'deeper', 'sub.txt')]);
    assert.deepEqual(corpus.sources.map((s) => s.id), [0, 1, 2, 3]);
  });

  it('reports an empty file', () => {
    assert.deepEqual(problemFor(corpus.problems, 'empty.txt').map((p) => p.reason), ['empty file']);
    assert.deepEqual(problemFor(corpus.problems, 'blank.md').map((p) => p.reason), ['empty file']);
  });

  it('reports a binary file (NUL bytes) and skips it', () => {
    assert.deepEqual(problemFor(corpus.problems, 'binary.txt').map((p) => p.reason), ['binary file (contains NUL bytes)']);
  });

  it('reads non-UTF-8 bytes as Windows-1252, with a warning', () => {
    assert.deepEqual(problemFor(corpus.problems, 'latin1.txt').map((p) => p.reason), ['not valid UTF-8; read as Windows-1252']);
    const source = corpus.sources.find((s) => s.info.path.endsWith('latin1.txt'))!;
    assert.ok(source.text.startsWith('Café owners'), JSON.stringify(source.text.slice(0, 12)));
    assert.equal(source.analysis.figures[0]?.value, 12, 'and analyses it');
  });

  it('refuses a file over the size limit', () => {
    const [p] = problemFor(corpus.problems, 'large.txt');
    assert.match(p.reason, /^too large/);
    assert.ok(!corpus.sources.some((s) => s.info.path.endsWith('large.txt')));
  });

  it('warns about malformed front matter and reads the file as text', () => {
    const [p] = problemFor(corpus.problems, 'badfm.md');
    assert.match(p.reason, /front matter could not be read/);
    const source = corpus.sources.find((s) => s.info.path.endsWith('badfm.md'))!;
    assert.equal(source.analysis.figures[0]?.text, 'At least six people');
  });

  it('reports a missing folder', () => {
    assert.deepEqual(problemFor(corpus.problems, 'does-not-exist').map((p) => p.reason), ['sources folder not found']);
  });

  it('skips other extensions, hidden folders and node_modules silently', () => {
    for (const name of ['image.png', 'secret.md', 'dep.md']) {
      assert.ok(!corpus.sources.some((s) => s.info.path.endsWith(name)), name);
      assert.deepEqual(problemFor(corpus.problems, name), [], name);
    }
  });

  it('reports progress over every listed file', () => {
    assert.equal(progress.length, 8);
    assert.deepEqual(progress.at(-1), [8, 8]);
  });

  it('the corpus still checks drafts', () => {
    const findings = checkText(corpus, 'Russia launched 24 missiles and 464 drones at Kyiv overnight, the air force said.\n');
    assert.ok(findings.some((f) => f.rule === 'figure/conflict' && f.suggestions.includes('22 missiles')), JSON.stringify(findings));
  });

  it('a single file can be a source root', async () => {
    const one = await loadCorpus([join(dir, 'good.md')]);
    assert.equal(one.sources.length, 1);
    assert.equal(one.sources[0].info.outlet, 'Wire One');
    assert.deepEqual(one.problems, []);
  });

  it('no root at all is an empty corpus, not an error', async () => {
    const none = await loadCorpus([]);
    assert.equal(none.sources.length, 0);
    assert.deepEqual(checkText(none, 'Russia launched 24 missiles. "We will win," Zelensky said.'), checkText(none, 'Russia launched 24 missiles. "We will win," Zelensky said.'));
  });
});

describe('read helpers', () => {
  it('decodeText: UTF-8, a BOM, NUL bytes, invalid bytes', () => {
    assert.deepEqual(decodeText(Buffer.from('héllo')), { text: 'héllo' });
    assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69])), { text: 'hi' });
    assert.deepEqual(decodeText(Buffer.from([0x68, 0x00])), { problem: 'binary file (contains NUL bytes)' });
    assert.deepEqual(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9])), { text: 'Café', warning: 'not valid UTF-8; read as Windows-1252' });
    assert.deepEqual(decodeText(Buffer.from('héllo')), { text: 'héllo' }, 'the decoder is shared: a failed decode leaves it usable');
    assert.deepEqual(decodeText(new Uint8Array()), { text: '' });
  });

  // Regression (was an engine bug, fixed in eb95b2e): Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (ISO-8859-1), so a Word-made source's “quotes” are lost and its quotations are never extracted
  it(
    'decodeText: Windows-1252 curly quotes, dashes and the euro sign',
    () => {
      assert.deepEqual(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0x97, 0x20, 0x80])), { text: '“hi” — €', warning: 'not valid UTF-8; read as Windows-1252' });
      const bytes = Buffer.concat([Buffer.from([0x93]), Buffer.from('We will not give up our land,'), Buffer.from([0x94]), Buffer.from(' Zelensky said.')]);
      const text = decodeText(bytes).text ?? '';
      assert.equal(analyzeText(text).quotes.length, 1);
    },
  );

  it('readTextFile: a missing file and an oversized one', async () => {
    assert.deepEqual(await readTextFile(join(dir, 'nope.md')), { problem: 'not found' });
    assert.match((await readTextFile(join(dir, 'large.txt'), 100)).problem ?? '', /too large/);
    assert.equal((await readTextFile(join(dir, 'good.md'))).text, GOOD);
    assert.match(readTextFile(dir).problem ?? '', /EISDIR|directory/, 'a folder is a problem, not a throw');
  });

  it('listSourceFiles: a missing folder is a problem, not a throw', async () => {
    const problems: SourceProblem[] = [];
    assert.deepEqual(await listSourceFiles([join(dir, 'gone')], problems), []);
    assert.deepEqual(problems.map((p) => p.reason), ['sources folder not found']);
  });
});
