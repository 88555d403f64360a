// Finding and reading source files safely: a bad file is reported and skipped, never fatal.
import { closeSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { SourceProblem } from '../model/types';

export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);
export const DEFAULT_MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export interface ReadResult { text?: string; problem?: string; warning?: string; size?: number; mtimeMs?: number }

/** Lists source files under `root`, depth first, sorted; hidden folders and node_modules are skipped. */
export async function listSourceFiles(root: string, problems: SourceProblem[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, reason: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  await walk(root, 0);
  return out;
}

/**
 * Reads a text file; refuses binary or oversized files with a reason; decodes damaged UTF-8 with replacement characters,
 * and other non-UTF-8 as Windows-1252, with a warning.
 * Synchronous on purpose: for thousands of small sources it is about three times faster than awaiting each read.
 */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_SOURCE_BYTES): ReadResult {
  // One open, then fstat and read on the descriptor: the size checked is that of the file read, and the path is
  // resolved once (a warm start reads thousands of sources on the first check).
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.size > maxBytes) return { problem: `too large (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)` };
    return { ...decodeText(readFileSync(fd)), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { problem: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'binary file (contains NUL bytes)' };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // Valid multi-byte sequences say the file is UTF-8 with a few damaged bytes; a Windows-1252 file has (almost) none.
    const { multiByte, badPlaces } = utf8Damage(bytes);
    if (multiByte === 0 || multiByte < badPlaces.length) return { text: decodeWindows1252(bytes), warning: 'not valid UTF-8; read as Windows-1252' };
    const first = badPlaces[0];
    const more = badPlaces.length > 1 ? ` and ${badPlaces.length - 1} more places` : '';
    const plural = badPlaces.length > 1 ? 'bytes' : 'byte';
    return { text: lenientUtf8.decode(bytes), warning: `not valid UTF-8 at byte ${first} (line ${lineAt(bytes, first)})${more}; read as UTF-8, the bad ${plural} shown as \uFFFD` };
  }
}

const lenientUtf8 = new TextDecoder('utf-8');

/** Valid multi-byte sequences, and where each run of bytes that is not valid UTF-8 starts. */
function utf8Damage(bytes: Uint8Array): { multiByte: number; badPlaces: number[] } {
  let multiByte = 0;
  const badPlaces: number[] = [];
  let lastBad = -2;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      if (length > 1) multiByte++;
      i += length;
      continue;
    }
    if (lastBad !== i - 1) badPlaces.push(i);
    lastBad = i++;
  }
  return { multiByte, badPlaces };
}

/** The length of the valid UTF-8 sequence starting at `i` (no overlongs, surrogates or code points past U+10FFFF), or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Node's small-ICU builds decode 0x80–0x9F as C1 controls; Word's curly quotes and dashes live there.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  return (error as Error)?.message ?? String(error);
}
