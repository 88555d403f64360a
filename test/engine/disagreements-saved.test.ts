// Corpus-wide disagreements saved beside the on-disk index: a start with the very same sources reads back exactly
// the ranked list the engine computes, and an edited source is never served an older list.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { MAX_SIDECAR_BYTES } from '../../server/src/corpus/sidecar';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCorpus, pageOf, rankedDisagreements, rankedDisagreementsInSlices, savedDisagreements, saveDisagreements, type Corpus, type RankedDisagreements } from '../../server/src/engine';
import type { Disagreement } from '../../server/src/model/types';

type Generator = { makeSource: (seed: number, i: number) => { name: string; text: string } };
const SOURCES = 50;

const all = (list: RankedDisagreements): Disagreement[] => Array.from({ length: list.length }, (_, i) => list.at(i));

describe('disagreements saved beside the on-disk index', () => {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-saved-'));
  const folder = join(root, 'sources');
  const previousCache = process.env.CORROBORATE_CACHE_DIR;
  const load = async (): Promise<Corpus> => {
    const corpus = await loadCorpus([folder]);
    await corpus.indexWritten;
    return corpus;
  };
  let names: string[] = [];

  before(async () => {
    process.env.CORROBORATE_CACHE_DIR = join(root, 'cache');
    // The bench's generator: wire copy over shared events, with figures, dates and quotes that drift between sources.
    const { makeSource } = (await import('../bench/generate.mjs' as string)) as Generator;
    mkdirSync(folder);
    names = Array.from({ length: SOURCES }, (_, i) => {
      const { name, text } = makeSource(7, i);
      writeFileSync(join(folder, name), text);
      return name;
    });
  });
  after(() => {
    if (previousCache === undefined) delete process.env.CORROBORATE_CACHE_DIR;
    else process.env.CORROBORATE_CACHE_DIR = previousCache;
    rmSync(root, { recursive: true, force: true });
  });

  it('are computed the same in slices as at once, on a generated corpus', async () => {
    const corpus = await load();
    const whole = all(rankedDisagreements(corpus));
    assert.ok(whole.length >= 20, `only ${whole.length} disagreements generated`);
    assert.deepEqual(all(await rankedDisagreementsInSlices(corpus)), whole);
  });

  it('read back on a warm start are exactly the ranked list computed there', async () => {
    const cold = await load();
    const computed = rankedDisagreements(cold);
    await saveDisagreements(cold, computed);
    const warm = await load();
    assert.equal(warm.warmStart, true);
    const saved = await savedDisagreements(warm);
    assert.ok(saved, 'nothing read back');
    const fresh = all(rankedDisagreements(warm));
    // Every kind round-trips: quotes, figures and dates from located values, sources dated apart from their ids.
    assert.deepEqual(new Set(fresh.map((d) => d.kind)), new Set(['quote', 'figure', 'date', 'source-date']));
    assert.deepEqual(all(saved), fresh);
    assert.deepEqual(pageOf(saved, 20, 20), pageOf(rankedDisagreements(warm), 20, 20));
  });

  it('are not read back once a source changes: the new ranked list replaces them', async () => {
    const before = await load();
    const old = rankedDisagreements(before);
    await saveDisagreements(before, old);
    // A source's figures all change (every number one higher): its facts now disagree with other sources differently.
    const edited = join(folder, names[0]);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\b\d+\b/g, (n) => String(Number(n) + 1)));
    const after = await load();
    assert.equal(await savedDisagreements(after), undefined);
    const fresh = rankedDisagreements(after);
    assert.notDeepEqual(all(fresh), all(old));
    await saveDisagreements(after, fresh);
    const again = await savedDisagreements(await load());
    assert.ok(again);
    assert.deepEqual(all(again), all(fresh));
  });

  it('are not read from a file over the size limit (nor is it read whole to find out)', async () => {
    const corpus = await load();
    await saveDisagreements(corpus, rankedDisagreements(corpus));
    assert.ok(await savedDisagreements(corpus));
    const file = `${corpus.disk!.path}.disagreements`;
    truncateSync(file, MAX_SIDECAR_BYTES + 1); // sparse: no disk space used
    assert.equal(await savedDisagreements(corpus), undefined);
  });

  it('are never saved without an on-disk index', async () => {
    process.env.CORROBORATE_CACHE_DIR = 'off';
    try {
      const corpus = await loadCorpus([folder]);
      assert.equal(corpus.disk, undefined);
      await saveDisagreements(corpus, rankedDisagreements(corpus));
      assert.equal(await savedDisagreements(corpus), undefined);
    } finally {
      process.env.CORROBORATE_CACHE_DIR = join(root, 'cache');
    }
  });
});
