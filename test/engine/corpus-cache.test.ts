// The on-disk index: what is written comes back equal, and a damaged, stale or foreign file is refused with a reason.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cachePathFor, isFresh, readCache, rehydrate, writeCache, type CacheFile, type CachedSource } from '../../server/src/corpus/cache';
import { segmentText, type Segmented } from '../../server/src/extract/document';
import { SEEDS } from './helpers';

const VERSION = 'test-1';
const TEXTS: Record<string, string> = {
  'front-matter.md':
    '---\ntitle: Strikes on Kyiv\ndate: 2025-11-25\noutlet: Wire One\n---\n\nKYIV (Wire One) — Russia launched 22 missiles and 464 drones at Kyiv overnight, the Ukrainian air force said.\n\n' +
    'President Volodymyr Zelensky’s office said at least six people were killed. “We will rebuild,” Zelensky said on Tuesday.\n',
  'crlf.txt': 'Mayor Anna Kowalska said the bridge would reopen.\r\n\r\nSecretary of State Marco Rubio\'s visit was cut short. Dr. Jones met Mr. Smith at 3 p.m.\r\n',
  // Characters outside Latin-1 and outside the BMP: the string table is UTF-8 on disk and UTF-16 in memory.
  'unicode.md': 'Łukasz Żeleński told reporters 🚒 that 1,200 homes were flooded in Wrocław. Ιωάννης Παπαδόπουλος disagreed.\n',
  'no-hints.txt': 'No date, no outlet and no names here, only words', // metadata with keys set to undefined
  'empty.md': '',
};

let dir: string;
let sourcesDir: string;
let cacheDir: string;
const savedEnv = { ...process.env };

/** Puts process.env back as it was (assigning a plain object to process.env would lose its string coercion). */
function restoreEnv(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}
const texts = new Map<string, string>();
const original = new Map<string, CachedSource>();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cache-'));
  sourcesDir = join(dir, 'sources');
  cacheDir = join(dir, 'cache');
  mkdirSync(sourcesDir);
  process.env.CORROBORATE_CACHE_DIR = cacheDir; // nothing outside the temp folder, whatever a test does
  const files: Array<[string, string]> = [...Object.entries(TEXTS), ...readdirSync(SEEDS).map((n): [string, string] => [n, readFileSync(join(SEEDS, n), 'utf8')])];
  for (const [name, text] of files) {
    const path = join(sourcesDir, name);
    writeFileSync(path, text);
    texts.set(path, text);
    const { size, mtimeMs } = statSync(path);
    original.set(path, { path, size, mtimeMs, segmented: segmentText(text, name) });
  }
});

after(() => {
  restoreEnv(savedEnv);
  rmSync(dir, { recursive: true, force: true });
});

const fileOf = (sources: Map<string, CachedSource> = original, extra?: unknown): CacheFile => ({ version: VERSION, roots: [sourcesDir], sources, ...(extra === undefined ? {} : { extra }) });

async function written(name: string, file: CacheFile = fileOf()): Promise<string> {
  const path = join(cacheDir, name);
  await writeCache(path, file);
  return path;
}

/** readCache, recording the reasons it gives. */
async function read(path: string, options: { roots?: string[]; version?: string } = {}) {
  const problems: string[] = [];
  const file = await readCache(path, options.roots ?? [sourcesDir], options.version ?? VERSION, (reason) => problems.push(reason));
  return { file, problems };
}

/** The entries read back, rehydrated, as plain objects (read entries also carry `meta` and decode lazily). */
function rehydrated(file: CacheFile): Map<string, CachedSource> {
  const out = new Map<string, CachedSource>();
  for (const [path, entry] of file.sources) {
    assert.deepStrictEqual(entry.meta, entry.segmented.meta);
    out.set(path, { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs, segmented: rehydrate(entry.segmented, texts.get(path)!) });
  }
  return out;
}

/** The payload starts after the fixed header and the version, padded to 8 bytes. */
const payloadStart = (version = VERSION) => (6 + 2 + 4 + 4 + 32 + Buffer.byteLength(version) + 7) & ~7;

describe('writeCache and readCache: round trip', () => {
  it('gives back every source equal to the original once rehydrated with its file text', async () => {
    const { file, problems } = await read(await written('round-trip.idx'));
    assert.deepEqual(problems, []);
    assert.ok(file);
    assert.equal(file.version, VERSION);
    assert.deepEqual(file.roots, [sourcesDir]);
    assert.deepEqual([...file.sources.keys()].sort(), [...original.keys()].sort());
    assert.deepStrictEqual(rehydrated(file), original);
  });

  it('stores no text of the sources: the document, paragraphs and sentences come back empty until rehydrated', async () => {
    const path = await written('no-text.idx');
    const bytes = readFileSync(path);
    let checked = 0;
    for (const entry of original.values()) {
      // Metadata and names are kept, and a title or a name may be a whole sentence.
      const kept = JSON.stringify(entry.segmented.meta) + JSON.stringify(entry.segmented.names);
      for (const s of entry.segmented.sentences) {
        if (s.text.length < 40 || kept.includes(JSON.stringify(s.text).slice(1, -1))) continue;
        assert.equal(bytes.includes(Buffer.from(s.text)), false, s.text);
        checked++;
      }
    }
    assert.ok(checked > 20);
    const { file } = await read(path);
    for (const [p, entry] of file!.sources) {
      assert.equal(entry.segmented.text, '');
      assert.ok(entry.segmented.paragraphs.every((x) => x.text === ''));
      assert.ok(entry.segmented.sentences.every((x) => x.text === ''));
      assert.deepStrictEqual(entry.segmented.sentenceWords, original.get(p)!.segmented.sentenceWords);
    }
  });

  it('keeps the spans and metadata exactly, including metadata keys that are undefined', async () => {
    const { file } = await read(await written('meta.idx'));
    const path = join(sourcesDir, 'no-hints.txt');
    const meta = original.get(path)!.segmented.meta;
    assert.ok(Object.keys(meta).some((k) => meta[k as keyof typeof meta] === undefined), 'the fixture has undefined keys');
    assert.deepStrictEqual(file!.sources.get(path)!.segmented.meta, meta);
    const names = file!.sources.get(join(sourcesDir, 'front-matter.md'))!.segmented.names.flat();
    assert.ok(names.some((n) => n.name === 'Volodymyr Zelensky' && n.text === 'President Volodymyr Zelensky’s' && n.titled));
  });

  it('writes a read-back cache again as it is, without rehydrating it first', async () => {
    const first = await read(await written('first.idx'));
    const second = await read(await written('second.idx', first.file!));
    assert.deepEqual(second.problems, []);
    assert.deepStrictEqual(rehydrated(second.file!), original);
  });

  it('keeps a corpus larger than one chunk of the encoder (over a million stored numbers)', async () => {
    // One long source: 60,000 sentences of 10 words are about 1.5 million numbers, past the encoder's 2^20 chunk.
    const sentence = 'Officials in Kyiv said 22 missiles and 40 drones struck the power grid overnight. ';
    const text = sentence.repeat(60_000);
    const path = join(sourcesDir, 'huge.txt');
    const big = new Map(original);
    big.set(path, { path, size: text.length, mtimeMs: 1, segmented: segmentText(text, 'huge.txt') });
    const { file, problems } = await read(await written('huge.idx', fileOf(big)));
    assert.deepEqual(problems, []);
    const back = file!.sources.get(path)!.segmented;
    assert.equal(back.sentences.length, 60_000);
    assert.deepStrictEqual(rehydrate(back, text), big.get(path)!.segmented);
    assert.deepStrictEqual(file!.sources.get(join(sourcesDir, 'no-hints.txt'))!.segmented.sentenceWords, original.get(join(sourcesDir, 'no-hints.txt'))!.segmented.sentenceWords);
  });

  it('keeps `extra` (any value node:v8 serialises)', async () => {
    const extra = { all: new Set(['kyiv', 'drones']), lowercase: new Set(['drones']) };
    const { file } = await read(await written('extra.idx', fileOf(original, extra)));
    assert.deepStrictEqual(file!.extra, extra);
    const without = await read(await written('no-extra.idx'));
    assert.equal('extra' in without.file!, false);
  });

  it('reads an empty cache', async () => {
    const { file, problems } = await read(await written('empty.idx', fileOf(new Map())));
    assert.deepEqual(problems, []);
    assert.equal(file!.sources.size, 0);
  });

  it('leaves out a source with a field the format does not know, rather than store it without', async () => {
    const odd = structuredClone(original.get(join(sourcesDir, 'crlf.txt'))!);
    (odd.segmented.sentences[0] as unknown as Record<string, unknown>).extra = 1;
    const sources = new Map(original);
    sources.set(odd.path, odd);
    const { file, problems } = await read(await written('odd.idx', fileOf(sources)));
    assert.deepEqual(problems, []);
    assert.equal(file!.sources.has(odd.path), false);
    assert.equal(file!.sources.size, original.size - 1);
  });

  it('replaces an existing file atomically and leaves no temporary file behind', async () => {
    const path = await written('replace.idx', fileOf(new Map()));
    await writeCache(path, fileOf());
    assert.deepEqual(readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')), []);
    assert.equal((await read(path)).file!.sources.size, original.size);
  });

  it('creates the cache folder', async () => {
    const path = join(cacheDir, 'deeper', 'still', 'index.idx');
    await writeCache(path, fileOf());
    assert.equal((await read(path)).file!.sources.size, original.size);
  });
});

describe('readCache: a file that cannot be trusted is refused, never thrown', () => {
  it('a missing file: undefined, and no problem to report', async () => {
    const { file, problems } = await read(join(cacheDir, 'never-written.idx'));
    assert.equal(file, undefined);
    assert.deepEqual(problems, []);
  });

  it('a byte flipped in the payload: checksum mismatch', async () => {
    const path = await written('flipped.idx');
    const bytes = readFileSync(path);
    for (const at of [payloadStart(), Math.floor((payloadStart() + bytes.length) / 2), bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[at] ^= 0x01;
      writeFileSync(path, copy);
      const { file, problems } = await read(path);
      assert.equal(file, undefined);
      assert.deepEqual(problems, ['checksum mismatch']);
    }
  });

  it('a byte flipped in the stored checksum: checksum mismatch', async () => {
    const path = await written('flipped-sum.idx');
    const bytes = readFileSync(path);
    bytes[20] ^= 0x80;
    writeFileSync(path, bytes);
    assert.deepEqual((await read(path)).problems, ['checksum mismatch']);
  });

  it('a truncated file, anywhere: undefined with a reason', async () => {
    const path = await written('truncated.idx');
    const bytes = readFileSync(path);
    for (const length of [bytes.length - 1, Math.floor(bytes.length / 2), payloadStart(), 30, 3, 0]) {
      writeFileSync(path, bytes.subarray(0, length));
      const { file, problems } = await read(path);
      assert.equal(file, undefined, `cut at ${length}`);
      assert.equal(problems.length, 1, `cut at ${length}`);
      assert.match(problems[0], /truncated|empty file/);
    }
  });

  it('bytes after the payload: refused', async () => {
    const path = await written('trailing.idx');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('x')]));
    const { file, problems } = await read(path);
    assert.equal(file, undefined);
    assert.match(problems[0], /trailing/);
  });

  it('not an index file (bad magic)', async () => {
    const path = join(cacheDir, 'not-an-index.idx');
    writeFileSync(path, JSON.stringify({ sources: [] }) + ' '.repeat(100));
    const { file, problems } = await read(path);
    assert.equal(file, undefined);
    assert.match(problems[0], /bad magic/);
  });

  it('a corrupt engine-version length: refused with a short reason, never the file itself', async () => {
    const path = await written('long-version.idx');
    const bytes = readFileSync(path);
    for (const length of [0xfffffff9, 0x7ffffff9, 100_000]) {
      bytes.writeUInt32LE(length, 8);
      writeFileSync(path, Buffer.concat([bytes, Buffer.alloc(200_000, 0x41)]));
      const { file, problems } = await read(path);
      assert.equal(file, undefined);
      assert.deepEqual(problems, [`bad header (an engine version of ${length} bytes)`]);
    }
  });

  it('a huge file at the cache path is judged by its header, not read whole', async () => {
    const path = await written('huge.idx');
    const size = readFileSync(path).length;
    truncateSync(path, 1 << 30); // sparse: 1 GB on paper
    const before = process.memoryUsage().arrayBuffers;
    const { file, problems } = await read(path);
    assert.equal(file, undefined);
    assert.deepEqual(problems, ['trailing bytes after the payload']);
    assert.ok(process.memoryUsage().arrayBuffers - before < (1 << 30) / 4, 'the file was read whole');
    truncateSync(path, size);
  });

  it('another engine version: refused, with both versions in the reason', async () => {
    const { file, problems } = await read(await written('version.idx'), { version: 'test-2' });
    assert.equal(file, undefined);
    assert.deepEqual(problems, ['built by engine test-1, this is test-2']);
  });

  it('other source folders: refused', async () => {
    const { file, problems } = await read(await written('roots.idx'), { roots: [sourcesDir, join(dir, 'more')] });
    assert.equal(file, undefined);
    assert.deepEqual(problems, ['built for other source folders']);
  });

  it('the same folders in another order or spelling: accepted', async () => {
    const path = await written('roots-order.idx', { ...fileOf(), roots: [join(dir, 'b'), sourcesDir] });
    const { file, problems } = await read(path, { roots: [relative(process.cwd(), sourcesDir), join(dir, 'x', '..', 'b')] });
    assert.deepEqual(problems, []);
    assert.deepEqual(file!.roots, [join(dir, 'b'), sourcesDir].sort());
  });

  it('a payload that passes its checksum but does not decode: refused with the reason', async () => {
    const path = await written('undecodable.idx');
    const bytes = readFileSync(path);
    const start = payloadStart();
    for (const [field, value] of [[0, 7], [2, 3], [5, 1 << 30]] as const) {
      const copy = Buffer.from(bytes);
      copy.writeInt32LE(value, start + 4 * field); // a count in the payload's first section
      createHash('sha256').update(copy.subarray(start)).digest().copy(copy, 16);
      writeFileSync(path, copy);
      const { file, problems } = await read(path);
      assert.equal(file, undefined);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^could not be decoded/);
    }
  });

  it('a folder where the file should be: refused as unreadable', async () => {
    const path = join(cacheDir, 'a-folder.idx');
    mkdirSync(path, { recursive: true });
    const { file, problems } = await read(path);
    assert.equal(file, undefined);
    assert.match(problems[0], /unreadable/);
  });
});

describe('isFresh', () => {
  const entry: CachedSource = { path: '/s.md', size: 120, mtimeMs: 1764090000123.4567, segmented: segmentText('Text.') };
  it('is true for the same size and modification time', () => assert.equal(isFresh(entry, { size: 120, mtimeMs: 1764090000123.4567 }), true));
  it('is false when the size differs', () => assert.equal(isFresh(entry, { size: 121, mtimeMs: 1764090000123.4567 }), false));
  it('is false when the modification time differs, even by a fraction of a millisecond', () => assert.equal(isFresh(entry, { size: 120, mtimeMs: 1764090000123.4577 }), false));
  it('agrees with a file touched on disk', async () => {
    const path = join(sourcesDir, 'crlf.txt');
    const cached = original.get(path)!;
    assert.equal(isFresh(cached, statSync(path)), true);
    writeFileSync(path, texts.get(path)!.replace('bridge', 'BRIDGE')); // same size
    const later = statSync(path);
    if (later.mtimeMs !== cached.mtimeMs) assert.equal(isFresh(cached, later), false);
    writeFileSync(path, texts.get(path)! + '\n');
    assert.equal(isFresh(cached, statSync(path)), false);
    writeFileSync(path, texts.get(path)!);
  });
});

describe('rehydrate', () => {
  it('fills the text in place and returns the same object', () => {
    const text = 'First paragraph here.\n\nSecond one. Third sentence.';
    const stripped: Segmented = structuredClone(segmentText(text));
    stripped.text = '';
    for (const x of [...stripped.paragraphs, ...stripped.sentences]) x.text = '';
    assert.equal(rehydrate(stripped, text), stripped);
    assert.deepStrictEqual(stripped, segmentText(text));
  });

  it('throws a RangeError when the text is shorter than the spans (the file changed behind size and mtime)', () => {
    const text = 'First paragraph here.\n\nSecond one. Third sentence.';
    const stripped: Segmented = structuredClone(segmentText(text));
    for (const x of stripped.sentences) x.text = '';
    assert.throws(() => rehydrate(stripped, text.slice(0, 20)), RangeError);
  });
});

describe('cachePathFor', () => {
  const withEnv = (env: Record<string, string | undefined>, f: () => void) => {
    const saved = { ...process.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    try {
      f();
    } finally {
      restoreEnv(saved);
    }
  };

  it('lives in CORROBORATE_CACHE_DIR when set, named by the roots and the version', () => {
    const path = cachePathFor([sourcesDir], VERSION)!;
    assert.equal(join(path, '..'), cacheDir);
    assert.match(path, /[0-9a-f]{64}\.idx$/);
  });

  it('is the same for the same folders in any order or spelling, and differs by folders and by version', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    assert.equal(cachePathFor([a, b], VERSION), cachePathFor([b, join(a, '..', 'a')], VERSION));
    assert.equal(cachePathFor([relative(process.cwd(), a)], VERSION), cachePathFor([a], VERSION));
    assert.notEqual(cachePathFor([a, b], VERSION), cachePathFor([a], VERSION));
    assert.notEqual(cachePathFor([a], VERSION), cachePathFor([a], 'test-2'));
  });

  it('is undefined when CORROBORATE_CACHE_DIR is off', () => withEnv({ CORROBORATE_CACHE_DIR: 'off' }, () => assert.equal(cachePathFor([sourcesDir], VERSION), undefined)));

  it('uses $XDG_CACHE_HOME/corroborate, or ~/.cache/corroborate when it is unset or relative', () => {
    withEnv({ CORROBORATE_CACHE_DIR: undefined, XDG_CACHE_HOME: join(dir, 'xdg'), HOME: join(dir, 'home') }, () =>
      assert.equal(join(cachePathFor([sourcesDir], VERSION)!, '..'), join(dir, 'xdg', 'corroborate')),
    );
    withEnv({ CORROBORATE_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: join(dir, 'home') }, () =>
      assert.equal(join(cachePathFor([sourcesDir], VERSION)!, '..'), join(dir, 'home', '.cache', 'corroborate')),
    );
    withEnv({ CORROBORATE_CACHE_DIR: undefined, XDG_CACHE_HOME: 'relative/cache', HOME: join(dir, 'home') }, () =>
      assert.equal(join(cachePathFor([sourcesDir], VERSION)!, '..'), join(dir, 'home', '.cache', 'corroborate')),
    );
  });
});
