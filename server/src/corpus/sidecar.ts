// Results computed over a whole corpus (its disagreements), kept next to the on-disk index so a warm start need not
// compute them again. A file holds the corpus's fingerprint (every source's path, size and times, in order) and the
// engine build that computed it: any changed source, or another engine, and the file is not used.
import { randomBytes } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Corpus } from './corpus';

/**
 * The running engine: the entry script's path, size and modification time. Results depend on every extractor and
 * matcher, which change without a version bump, so a rebuilt or upgraded engine never reads an older one's results.
 * Without an entry script to tell builds apart, nothing is saved or read.
 */
const ENGINE_BUILD = ((): string | undefined => {
  const entry = process.argv[1];
  try {
    const stat = entry ? statSync(entry) : undefined;
    return stat?.isFile() ? `${entry}|${stat.size}|${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
})();

/** A saved result larger than this is not read (2,000 sources' disagreements take about 1.1 MB): never a whole huge file. */
export const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;

const pathOf = (corpus: Corpus, name: string): string | undefined => (corpus.disk && ENGINE_BUILD ? `${corpus.disk.path}.${name}` : undefined);

/** What was saved under `name` for this very corpus and engine, or undefined (none, stale, or unreadable). */
export async function readSidecar(corpus: Corpus, name: string): Promise<unknown> {
  const path = pathOf(corpus, name);
  if (!path) return undefined;
  try {
    if ((await fs.stat(path)).size > MAX_SIDECAR_BYTES) return undefined;
    const saved = deserialize(await fs.readFile(path)) as { fingerprint?: unknown; engine?: unknown; value?: unknown };
    return saved.fingerprint === corpus.disk!.fingerprint && saved.engine === ENGINE_BUILD ? saved.value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves `value` (anything node:v8 serialises) for this corpus, atomically (temp file + rename). */
export async function writeSidecar(corpus: Corpus, name: string, value: unknown): Promise<void> {
  const path = pathOf(corpus, name);
  if (!path) return;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(temp, serialize({ fingerprint: corpus.disk!.fingerprint, engine: ENGINE_BUILD, value }));
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
