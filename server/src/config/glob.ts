// Glob matching for corroborate.json paths and the CLI's draft arguments (node 20 has no fs.glob): `**` any number of
// folders, `*` any run of characters inside one name, `?` one character; dot files and folders only where the pattern
// names the dot. Paths are compared with forward slashes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function hasGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** Whether `relativePath` (relative to the patterns' root) matches `pattern`. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  return globMatches(toPosix(pattern).replace(/^\.\//, ''), toPosix(relativePath).replace(/^\.\//, ''));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Folders below `base` looked at when expanding one pattern: bounded, so a pattern over a huge tree stays cheap. */
const MAX_FOLDERS = 5_000;
const MAX_DEPTH = 12;

/**
 * The folders a source pattern names, absolute. A plain path is itself; `wire/**` is `wire` (loading a folder reads
 * everything under it); `wire/*` is each folder directly in `wire`. Only folders that exist are returned.
 */
export function expandFolderPattern(root: string, pattern: string): string[] {
  let p = toPosix(pattern.trim()).replace(/\/+$/, '');
  while (p.endsWith('/**')) p = p.slice(0, -3);
  if (p === '**') p = '.';
  const absolute = path.isAbsolute(p) ? path.normalize(p) : path.resolve(root, p);
  if (!hasGlob(p)) return isDirectory(absolute) ? [absolute] : [];
  // The fixed part before the first segment with a wildcard is where the walk starts.
  const segments = toPosix(absolute).split('/');
  const firstGlob = segments.findIndex(hasGlob);
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const rest = segments.slice(firstGlob).join('/');
  const out: string[] = [];
  let visited = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > MAX_DEPTH || visited >= MAX_FOLDERS) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (++visited >= MAX_FOLDERS) return;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const child = path.join(dir, entry.name);
      if (globMatches(rest, childRel)) out.push(child);
      else walk(child, childRel, depth + 1);
    }
  };
  walk(base, '', 0);
  return out;
}

/** Folders inside another listed folder are dropped: the outer one already reads them. Order is kept. */
export function outermostFolders(folders: string[]): string[] {
  const unique = [...new Set(folders)];
  return unique.filter((f) => !unique.some((g) => g !== f && isInside(f, g)));
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A matcher for one path segment: `*` any run of characters but `/`, `?` one character. */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (const ch of segment) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Whether `path` ('/'-separated, relative) matches `pattern`, where `**` is any number of whole segments. */
export function globMatches(pattern: string, path: string): boolean {
  const parts = pattern.split('/').filter((p) => p !== '');
  const segments = path.split('/');
  const compiled = parts.map((p) => (p === '**' ? null : { pattern: segmentPattern(p), dot: p.startsWith('.') }));
  // Dynamic programming over (pattern part, path segment): linear in their product, no backtracking blow-up.
  let reachable = new Array<boolean>(segments.length + 1).fill(false);
  reachable[0] = true;
  for (const part of compiled) {
    const next = new Array<boolean>(segments.length + 1).fill(false);
    for (let j = 0; j <= segments.length; j++) {
      if (part === null) next[j] = reachable[j] || (j > 0 && next[j - 1] && !hidden(segments[j - 1]));
      else next[j] = j > 0 && reachable[j - 1] && part.pattern.test(segments[j - 1]) && (part.dot || !hidden(segments[j - 1]));
    }
    reachable = next;
  }
  return reachable[segments.length];
}

/** Dot files and folders are matched only by a pattern that names the dot, as in shells. */
function hidden(segment: string): boolean {
  return segment.startsWith('.');
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The files matching `pattern`, as absolute paths in sorted order, walked from its fixed leading folders.
 * Symbolic links to folders are not followed (no cycles); node_modules is skipped unless the pattern names it.
 */
export function expandGlob(pattern: string, cwd = process.cwd()): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const parts = normalized.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !hasGlob(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.length === 1 && fixed[0] === '' ? '/' : fixed.join('/');
  const root = path.isAbsolute(base) || /^[A-Za-z]:$/.test(base) ? path.resolve(base, '.') : path.resolve(cwd, base);
  const rest = parts.join('/');
  const namesNodeModules = parts.includes('node_modules');
  const found: string[] = [];
  const walk = (dir: string, relativeDir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) && !(entry.name === 'node_modules' && namesNodeModules)) continue;
        if (couldMatchBelow(rest, rel)) walk(full, rel);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(full))) && globMatches(rest, rel)) found.push(full);
    }
  };
  walk(root, '');
  return found.sort();
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether some path under folder `rel` could match `pattern` (prunes the walk to the pattern's shape). */
function couldMatchBelow(pattern: string, rel: string): boolean {
  const parts = pattern.split('/');
  const segments = rel.split('/');
  for (let i = 0; i < segments.length; i++) {
    const part = parts[i];
    if (part === undefined) return false;
    // Past a `**` any folder may hold a match, except a hidden one the rest of the pattern never names.
    if (part === '**') return !segments.slice(i).some(hidden) || parts.slice(i + 1).some((p) => p.startsWith('.'));
    if (!segmentPattern(part).test(segments[i]) || (hidden(segments[i]) && !part.startsWith('.'))) return false;
  }
  return parts.length > segments.length;
}
