// loadCorpus with the on-disk index: a warm start gives the same corpus, a changed file is read afresh, and a
// corrupt index is reported and rebuilt, never trusted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync, cpSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, checkText } from '../../server/src/engine';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const DRAFT = readFileSync(join(__dirname, '..', 'fixtures', 'eval', 'dev-01.md'), 'utf8');

describe('loadCorpus with an on-disk index', () => {
  let work: string;
  let sources: string;
  let previous: string | undefined;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'corroborate-warm-'));
    sources = join(work, 'sources');
    cpSync(SEEDS, sources, { recursive: true });
    previous = process.env.CORROBORATE_CACHE_DIR;
    process.env.CORROBORATE_CACHE_DIR = join(work, 'cache');
  });
  after(() => {
    if (previous === undefined) delete process.env.CORROBORATE_CACHE_DIR;
    else process.env.CORROBORATE_CACHE_DIR = previous;
    rmSync(work, { recursive: true, force: true });
  });

  const cacheFiles = () => readdirSync(join(work, 'cache')).filter((f) => f.endsWith('.idx'));
  const settle = () => new Promise((r) => setTimeout(r, 300)); // the index is written after loadCorpus returns

  it('writes the index on a cold start and gives the same findings from it', async () => {
    const cold = await loadCorpus([sources]);
    await settle();
    assert.equal(cacheFiles().length, 1);
    const warm = await loadCorpus([sources]);
    assert.deepEqual(warm.problems, []);
    assert.deepEqual(checkText(warm, DRAFT), checkText(cold, DRAFT));
    assert.deepEqual(warm.sources.map((s) => s.segmented.sentences.map((x) => x.text)), cold.sources.map((s) => s.segmented.sentences.map((x) => x.text)));
  });

  it('reads a changed source afresh', async () => {
    const file = join(sources, readdirSync(sources)[0]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/22 missiles/g, '23 missiles'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const corpus = await loadCorpus([sources]);
    const source = corpus.sources.find((s) => s.info.path === file)!;
    assert.ok(source.segmented.sentences.some((s) => s.text.includes('23 missiles')), 'the new text is segmented');
    await settle();
  });

  it('reports a corrupt index and rebuilds it', async () => {
    const path = join(work, 'cache', cacheFiles()[0]);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const corpus = await loadCorpus([sources]);
    assert.ok(corpus.problems.some((p) => /index cache not used, rebuilt/.test(p.reason)), JSON.stringify(corpus.problems));
    assert.equal(corpus.sources.length, 5);
    await settle();
    const again = await loadCorpus([sources]);
    assert.deepEqual(again.problems, []);
  });
});
