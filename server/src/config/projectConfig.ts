// The project config file, corroborate.json: found by walking up from a draft (its folder is the project root),
// read and validated key by key. A bad file or value never throws: it is reported as a problem naming the file and
// the key, and that key falls back to its default. Paths in it are relative to the file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_IDS, type RuleId, type SeveritySetting } from '../model/types';
import { expandFolderPattern, matchesGlob, outermostFolders, toPosix } from './glob';

export const CONFIG_FILE_NAME = 'corroborate.json';
export const DEFAULT_DISMISSALS = '.corroborate/dismissals.json';
export const SEVERITY_LEVELS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'sources', 'drafts', 'severity', 'acceptedSpellings', 'dismissals'];

export interface ProjectConfig {
  /** The corroborate.json read (absolute). */
  file: string;
  /** Its folder: what every path in it is relative to. */
  root: string;
  /** Source folder patterns as written; undefined when the file names none (settings or defaults then apply). */
  sources?: string[];
  drafts?: { include?: string[]; exclude?: string[] };
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** House spelling → its accepted variants. */
  acceptedSpellings: Record<string, string[]>;
  /** Where dismissals are kept (absolute). */
  dismissals: string;
}

export interface ConfigRead {
  config: ProjectConfig;
  /** Each says the file and the key: `corroborate.json: "severity.quote/altered" should be …`. */
  problems: string[];
}

/**
 * The nearest corroborate.json in `start` (a file's folder, or the folder itself) or above it: the one lookup of the
 * server and the CLI. With a `ceiling` (the workspace folder holding the draft) the walk stops there, the ceiling
 * included; without one it goes up to the filesystem root, but not into the user's home folder or above it.
 */
export function findConfigFile(start: string, ceiling?: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  const top = ceiling !== undefined && isWithinFolder(dir, path.resolve(ceiling)) ? path.resolve(ceiling) : undefined;
  const home = top === undefined ? homeFolder() : undefined;
  const stopAtHome = home !== undefined && dir !== home && isWithinFolder(dir, home);
  for (;;) {
    if (stopAtHome && dir === home) return undefined;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: go up
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === top) return undefined;
    dir = parent;
  }
}

function homeFolder(): string | undefined {
  try {
    const home = os.homedir();
    return home ? path.resolve(home) : undefined;
  } catch {
    return undefined;
  }
}

function isWithinFolder(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Reads and validates a config file; a missing or unreadable file is a problem, never an exception. */
export function readConfigFile(file: string): ConfigRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const config = emptyConfig(path.resolve(file));
    return { config, problems: [`${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`] };
  }
  return parseConfig(text, file);
}

/** The config of the draft or folder at `start`, if a corroborate.json is found above it (see findConfigFile). */
export function loadConfigFor(start: string, ceiling?: string): ConfigRead | undefined {
  const file = findConfigFile(start, ceiling);
  return file ? readConfigFile(file) : undefined;
}

export function emptyConfig(file: string): ProjectConfig {
  const root = path.dirname(file);
  return { file, root, severity: {}, acceptedSpellings: {}, dismissals: path.join(root, DEFAULT_DISMISSALS) };
}

export function parseConfig(text: string, file: string): ConfigRead {
  const abs = path.resolve(file);
  const config = emptyConfig(abs);
  const problems: string[] = [];
  const name = file;
  const say = (key: string, message: string) => problems.push(`${name}: "${key}" ${message}`);
  let raw: unknown;
  try {
    // A byte-order mark is allowed; comments are not JSON, and the message says where parsing stopped.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    problems.push(`${name}: not valid JSON (${err instanceof Error ? err.message : String(err)}); the file is ignored`);
    return { config, problems };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${name}: should hold a JSON object, got ${describe(raw)}; the file is ignored`);
    return { config, problems };
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KNOWN_KEYS.includes(key)) say(key, `is not a known key (known: ${KNOWN_KEYS.slice(1).join(', ')}); ignored`);

  if (r.sources !== undefined) {
    const list = stringList(r.sources);
    if (list && list.length > 0) config.sources = list;
    else say('sources', `should be a non-empty list of folders or globs, got ${describe(r.sources)}; ignored`);
  }

  if (r.drafts !== undefined) {
    if (isObject(r.drafts)) {
      const drafts: ProjectConfig['drafts'] = {};
      for (const [key, value] of Object.entries(r.drafts)) {
        if (key !== 'include' && key !== 'exclude') {
          say(`drafts.${key}`, 'is not a known key (known: include, exclude); ignored');
          continue;
        }
        const list = stringList(value);
        if (list) drafts[key] = list;
        else say(`drafts.${key}`, `should be a list of globs, got ${describe(value)}; ignored`);
      }
      config.drafts = drafts;
    } else say('drafts', `should be an object with "include" and "exclude" lists, got ${describe(r.drafts)}; ignored`);
  }

  if (r.severity !== undefined) {
    if (isObject(r.severity)) {
      for (const [rule, value] of Object.entries(r.severity)) {
        if (!(RULE_IDS as readonly string[]).includes(rule)) {
          say(`severity.${rule}`, `is not a rule (rules: ${RULE_IDS.join(', ')}); ignored`);
          continue;
        }
        const level = typeof value === 'string' ? value.trim().toLowerCase() : value;
        if (typeof level === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(level)) config.severity[rule as RuleId] = level as SeveritySetting;
        else say(`severity.${rule}`, `should be one of ${SEVERITY_LEVELS.join('|')}, got ${describe(value)}; the rule's default is used`);
      }
    } else say('severity', `should be an object of rule id → ${SEVERITY_LEVELS.join('|')}, got ${describe(r.severity)}; ignored`);
  }

  if (r.acceptedSpellings !== undefined) {
    if (isObject(r.acceptedSpellings)) {
      for (const [house, value] of Object.entries(r.acceptedSpellings)) {
        const variants = stringList(value);
        if (house.trim() === '') say('acceptedSpellings', 'has an empty house spelling; ignored');
        else if (variants) config.acceptedSpellings[house.trim()] = variants;
        else say(`acceptedSpellings.${house}`, `should be a list of variant spellings, got ${describe(value)}; ignored`);
      }
    } else say('acceptedSpellings', `should be an object of house spelling → list of variants, got ${describe(r.acceptedSpellings)}; ignored`);
  }

  if (r.dismissals !== undefined) {
    if (typeof r.dismissals === 'string' && r.dismissals.trim() !== '') config.dismissals = path.resolve(config.root, r.dismissals.trim());
    else say('dismissals', `should be a file path relative to ${CONFIG_FILE_NAME}, got ${describe(r.dismissals)}; "${DEFAULT_DISMISSALS}" is used`);
  }
  return { config, problems };
}

/** The config's source folders that exist, absolute, globs expanded, nested ones folded into their parent. */
export function sourceFolders(config: ProjectConfig): string[] {
  return outermostFolders((config.sources ?? []).flatMap((p) => expandFolderPattern(config.root, p)));
}

/**
 * Whether the config selects `file` as a draft: inside the project, matching an include (any file when none is
 * given) and no exclude. Undefined when the config says nothing about drafts (the caller's default then applies).
 */
export function selectsDraft(config: ProjectConfig, file: string): boolean | undefined {
  const { include, exclude } = config.drafts ?? {};
  if (!include && !exclude) return undefined;
  const rel = path.relative(config.root, path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const posix = toPosix(rel);
  if (include && !include.some((g) => matchesGlob(posix, g))) return false;
  return !(exclude ?? []).some((g) => matchesGlob(posix, g) || matchesGlob(posix, g.replace(/\/?$/, '/**')));
}

function stringList(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return undefined;
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
