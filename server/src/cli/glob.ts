// Draft globs given on the command line ('drafts/**/*.md', quoted so the shell leaves them alone).
// Node 20 has no fs.glob; this covers `**`, `*` and `?` over a directory walk, which is all a draft list needs.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Whether a command-line argument is a glob rather than a path. */
export function isGlob(arg: string): boolean {
  return /[*?]/.test(arg);
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
  while (parts.length > 1 && !isGlob(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.length === 1 && fixed[0] === '' ? '/' : fixed.join('/');
  const root = isAbsolute(base) || /^[A-Za-z]:$/.test(base) ? resolve(base, '.') : resolve(cwd, base);
  const rest = parts.join('/');
  const namesNodeModules = parts.includes('node_modules');
  const found: string[] = [];
  const walk = (dir: string, relativeDir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) && !(entry.name === 'node_modules' && namesNodeModules)) continue;
        if (couldMatchBelow(rest, rel)) walk(full, rel);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(full))) && globMatches(rest, rel)) found.push(full);
    }
  };
  walk(root, '');
  return found.sort();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
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
