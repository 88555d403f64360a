// loadCorpus with the on-disk index: a warm start gives the same corpus, a changed file is read afresh, and a
// corrupt index is reported and rebuilt, never trusted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync, cpSync, utimesSync, statSync } from 'node:fs';
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
  /** Loads, and waits for the on-disk index to be written (it is written after loadCorpus returns). */
  const loadAndWrite = async () => {
    const corpus = await loadCorpus([sources]);
    await corpus.indexWritten;
    return corpus;
  };

  it('writes the index on a cold start and gives the same findings from it', async () => {
    const cold = await loadAndWrite();
    assert.equal(cacheFiles().length, 1);
    const warm = await loadCorpus([sources]);
    assert.equal(cold.warmStart, undefined);
    assert.equal(warm.warmStart, true);
    assert.deepEqual(warm.problems, []);
    assert.deepEqual(checkText(warm, DRAFT), checkText(cold, DRAFT));
    assert.deepEqual(warm.sources.map((s) => s.segmented.sentences.map((x) => x.text)), cold.sources.map((s) => s.segmented.sentences.map((x) => x.text)));
  });

  it('reads a source only when it is first used, as the file is then', async () => {
    const warm = await loadCorpus([sources]);
    assert.equal(warm.warmStart, true);
    const source = warm.sources[1];
    const text = readFileSync(source.info.path, 'utf8');
    const stamp = statSync(source.info.path);
    // Changed behind the loader's back (same size, same mtime): the spans of the index no longer fit it.
    writeFileSync(source.info.path, text.replace(/\./g, '!'));
    utimesSync(source.info.path, stamp.atime, stamp.mtime);
    assert.ok(source.text.includes('!') && !source.text.includes('.'), 'the text is read on first use');
    assert.equal(source.segmented.text, source.text);
    assert.ok(source.segmented.sentences.every((s) => source.text.slice(s.start, s.end) === s.text));
    writeFileSync(source.info.path, text);
    utimesSync(source.info.path, stamp.atime, stamp.mtime);
  });

  it('checks on when a source is deleted after a warm start, without claims from it', async () => {
    await loadAndWrite(); // (re)writes the index for the files as they are now
    const warm = await loadCorpus([sources]);
    assert.equal(warm.warmStart, true);
    const gone = warm.sources[0];
    const text = readFileSync(gone.info.path, 'utf8');
    const stamp = statSync(gone.info.path);
    rmSync(gone.info.path);
    try {
      const findings = checkText(warm, DRAFT);
      assert.ok(findings.length > 0, 'findings');
      assert.ok(findings.every((f) => f.evidence.every((e) => e.source !== gone.info.path)), 'no evidence from the deleted source');
      // Its sentences are still there for the index to point at, in a blank text.
      assert.ok(gone.segmented.sentences.length > 0, 'sentences kept');
      assert.equal(gone.text.trim(), '');
      assert.ok(warm.problems.some((p) => p.path === gone.info.path && /not found since the corpus was loaded/.test(p.reason)), JSON.stringify(warm.problems));
    } finally {
      writeFileSync(gone.info.path, text);
      utimesSync(gone.info.path, stamp.atime, stamp.mtime);
    }
  });

  it('starts cold when a source is added or removed, and keeps the warm start for a file it could not use', async () => {
    const added = join(sources, 'zz-added.md');
    writeFileSync(added, 'Officials said 40 drones were shot down over the capital on Monday.\n');
    const withAdded = await loadCorpus([sources]);
    assert.equal(withAdded.warmStart, undefined);
    assert.equal(withAdded.sources.length, 6);
    await withAdded.indexWritten;
    rmSync(added);
    const without = await loadCorpus([sources]);
    assert.equal(without.warmStart, undefined);
    assert.equal(without.sources.length, 5);
    await without.indexWritten;
    // A binary file is refused on every start, warm or cold, with the same reason.
    writeFileSync(join(sources, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const cold = await loadAndWrite();
    const warm = await loadCorpus([sources]);
    assert.equal(warm.warmStart, true);
    assert.deepEqual(warm.problems, cold.problems);
    assert.match(warm.problems[0].reason, /binary/);
    rmSync(join(sources, 'image.txt'));
    await loadAndWrite();
  });

  it('reads a changed source afresh', async () => {
    const file = join(sources, readdirSync(sources)[0]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/22 missiles/g, '23 missiles'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const corpus = await loadCorpus([sources]);
    const source = corpus.sources.find((s) => s.info.path === file)!;
    assert.ok(source.segmented.sentences.some((s) => s.text.includes('23 missiles')), 'the new text is segmented');
    await corpus.indexWritten;
  });

  it('reports a corrupt index and rebuilds it', async () => {
    const path = join(work, 'cache', cacheFiles()[0]);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const corpus = await loadCorpus([sources]);
    assert.ok(corpus.problems.some((p) => /index cache not used, rebuilt/.test(p.reason)), JSON.stringify(corpus.problems));
    assert.equal(corpus.sources.length, 5);
    await corpus.indexWritten;
    const again = await loadCorpus([sources]);
    assert.deepEqual(again.problems, []);
  });
});

describe('loadCorpus keeps the event loop running', () => {
  it('lets timers fire while a corpus loads (a server answers from its previous corpus meanwhile)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'corroborate-yield-'));
    try {
      const seeds = readdirSync(SEEDS).map((n) => readFileSync(join(SEEDS, n), 'utf8'));
      for (let i = 0; i < 300; i++) writeFileSync(join(work, `copy-${i}.md`), seeds[i % seeds.length].replace(/22 missiles/g, `${i} missiles`));
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = performance.now();
      const corpus = await loadCorpus([work], { cache: false });
      const took = performance.now() - started;
      clearInterval(timer);
      assert.equal(corpus.sources.length, 300);
      // At least one tick for every 100 ms of loading (it pauses every 25 ms or so).
      assert.ok(ticks >= Math.floor(took / 100), `${ticks} ticks in ${Math.round(took)} ms`);
      assert.ok(ticks > 0, `${ticks} ticks in ${Math.round(took)} ms`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
