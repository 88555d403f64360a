// Minimal glob matching for corroborate.json paths (node 20 has no fs.glob): `**` any number of folders, `*` any
// run of characters inside one name, `?` one character. Paths are compared with forward slashes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function hasGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

const compiled = new Map<string, RegExp>();

/** A regular expression for a glob over forward-slash paths relative to some root. */
export function globToRegExp(pattern: string): RegExp {
  const seen = compiled.get(pattern);
  if (seen) return seen;
  const segments = toPosix(pattern).replace(/^\.\//, '').split('/').filter((s) => s.length > 0);
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // Any number of folders, none included; at the end, anything below.
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    source += segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    if (!last) source += '/';
  });
  const re = new RegExp(`^${source}$`);
  compiled.set(pattern, re);
  return re;
}

/** Whether `relativePath` (relative to the patterns' root) matches `pattern`. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  return globToRegExp(pattern).test(toPosix(relativePath));
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
  const re = globToRegExp(rest);
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
      if (re.test(childRel)) out.push(child);
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
