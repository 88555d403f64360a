// The project's dismissals file, `.corroborate/dismissals.json` under the project root (or where corroborate.json's
// `dismissals` key says): a reviewable record of findings dismissed with a reason. For the adapters (CLI, language
// server) only; the engine is given the dismissals and never reads files.
//
// { "version": 1, "dismissals": [ { "draft": "drafts/story.md", "rule": "date/conflict", "claim": "Monday",
//   "fingerprint": "<sha256 hex>", "reason": "…", "by": "Name <email>", "at": "2026-01-05T10:00:00.000Z" } ] }
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile } from '../config/projectConfig';
import { RULE_IDS, type Dismissal } from '../model/types';

export const CONFIG_FILE = 'corroborate.json';
export const DEFAULT_DISMISSALS_FILE = '.corroborate/dismissals.json';

export interface DismissalsLocation {
  /** The folder of the nearest corroborate.json, else the fallback folder. */
  root: string;
  /** Absolute path of the dismissals file. */
  file: string;
  /** Why the config's `dismissals` key could not be used (the default path is used instead). */
  problem?: string;
}

/**
 * Where a draft's dismissals live. The project root is the folder of the nearest corroborate.json walking up from
 * the draft (findConfigFile, not above `ceiling`: the language server's workspace folder), else `fallbackRoot` (the
 * workspace folder, or the current directory for the CLI).
 * Only the config's `dismissals` key is read here, so a fuller config reader can take this over.
 */
export function dismissalsLocation(draftPath: string, fallbackRoot: string, ceiling?: string): DismissalsLocation {
  const config = findConfigFile(path.dirname(path.resolve(draftPath)), ceiling);
  if (!config) return { root: path.resolve(fallbackRoot), file: path.resolve(fallbackRoot, DEFAULT_DISMISSALS_FILE) };
  const root = path.dirname(config);
  const fallback = { root, file: path.join(root, DEFAULT_DISMISSALS_FILE) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(config, 'utf8'));
  } catch (err) {
    return { ...fallback, problem: `${config}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const key = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).dismissals : undefined;
  if (key === undefined) return fallback;
  if (typeof key !== 'string' || !key.trim()) return { ...fallback, problem: `${config}: "dismissals" must be a path relative to the file` };
  return { root, file: path.resolve(root, key) };
}

/** The draft's path as a dismissal records it: relative to the project root, '/'-separated. */
export function draftKey(root: string, draftPath: string): string {
  return path.relative(root, path.resolve(draftPath)).split(path.sep).join('/');
}

export interface ReadDismissals {
  dismissals: Dismissal[];
  /** The file exists but cannot be used: nothing in it is applied, and it is never overwritten. */
  problem?: string;
}

/** Every dismissal in the file; none (and no problem) when it does not exist. */
export function readDismissals(file: string): ReadDismissals {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { dismissals: [] };
    return { dismissals: [], problem: `cannot read ${file}: ${(err as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { dismissals: [], problem: `${file} is not valid JSON (${(err as Error).message}); its dismissals are not applied until it is fixed` };
  }
  const list = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).dismissals : undefined;
  if (!Array.isArray(list)) return { dismissals: [], problem: `${file} has no "dismissals" list; its dismissals are not applied until it is fixed` };
  return { dismissals: list.filter(isDismissal) };
}

function isDismissal(d: unknown): d is Dismissal {
  if (!d || typeof d !== 'object') return false;
  const x = d as Record<string, unknown>;
  return (
    typeof x.draft === 'string' &&
    typeof x.rule === 'string' &&
    (RULE_IDS as readonly string[]).includes(x.rule) &&
    typeof x.fingerprint === 'string' &&
    typeof x.claim === 'string' &&
    typeof x.reason === 'string'
  );
}

/** The dismissals recorded for one draft. */
export function dismissalsOf(all: readonly Dismissal[], draft: string): Dismissal[] {
  return all.filter((d) => d.draft === draft);
}

/**
 * Adds a dismissal to the file (created with its folder when missing). Refuses, with the reason, when the file
 * exists but cannot be parsed: writing would lose what people recorded in it. Written to a temporary file and
 * renamed, so a crash never leaves half a file.
 */
export function appendDismissal(file: string, dismissal: Dismissal): void {
  const current = readDismissals(file);
  if (current.problem) throw new Error(`${current.problem}. Nothing was written.`);
  // Keep everything already there, including entries and keys this version does not understand.
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { dismissals: unknown[] }) : { dismissals: [] };
  const next = { version: 1, ...existing, dismissals: [...existing.dismissals, dismissal] };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(next, null, 2) + '\n');
  renameSync(temp, file);
}

/** A draft's dismissals, as the CLI reads them (once per dismissals file); `problems` are for stderr. */
export function draftDismissals(draftPath: string, fallbackRoot: string, cache = new Map<string, ReadDismissals>()): { dismissals: Dismissal[]; problems: string[] } {
  const location = dismissalsLocation(draftPath, fallbackRoot);
  let read = cache.get(location.file);
  if (!read) cache.set(location.file, (read = readDismissals(location.file)));
  const problems = [location.problem, read.problem].filter((p): p is string => !!p);
  return { dismissals: dismissalsOf(read.dismissals, draftKey(location.root, draftPath)), problems };
}
