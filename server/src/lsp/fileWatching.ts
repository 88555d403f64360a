// Notices when sources change on disk. Preferred: the client watches for us (workspace/didChangeWatchedFiles,
// registered dynamically). Otherwise: node's fs.watch, recursive where the platform allows, per directory if not.
// Either way the watcher calls `onChange` with the paths that changed; the corpus manager decides what to do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  WatchKind,
  type Disposable,
  type FileSystemWatcher,
  type DidChangeWatchedFilesParams,
  type Connection,
} from 'vscode-languageserver';
import { errorText, isWithin, pathToUri, uriToPath, type ServerContext } from './context';

export interface WatchTarget {
  /** Folders in use as sources: any change inside them matters. */
  roots: string[];
  /** Candidate folders that may appear or disappear (absolute), e.g. `<workspace>/sources`. */
  candidates: string[];
}

/** Changes under a hidden folder or file (the engine's cache, editors' swap files, .git) are not source changes. */
export function isIgnoredChange(file: string, roots: string[]): boolean {
  const base = path.basename(file);
  if (base.startsWith('.') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.tmp')) return true;
  for (const root of roots) {
    if (isWithin(file, root)) {
      const rel = path.relative(root, file);
      return rel.split(path.sep).some((seg) => seg.startsWith('.'));
    }
  }
  return false;
}

/** A connection takes one didChangeWatchedFiles handler: it is shared by every watcher (one per workspace folder). */
const clientFileListeners = new WeakMap<Connection, Set<(params: DidChangeWatchedFilesParams) => void>>();
function onClientFileEvents(connection: Connection, listener: (params: DidChangeWatchedFilesParams) => void): void {
  let listeners = clientFileListeners.get(connection);
  if (!listeners) {
    const set = (listeners = new Set());
    clientFileListeners.set(connection, set);
    connection.onDidChangeWatchedFiles((params) => set.forEach((l) => l(params)));
  }
  listeners.add(listener);
}

export class SourceWatcher {
  private target: WatchTarget = { roots: [], candidates: [] };
  private registration: Promise<Disposable | undefined> | undefined;
  private fsWatchers: fs.FSWatcher[] = [];
  private usingClient = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly onChange: (paths: string[]) => void,
  ) {
    onClientFileEvents(ctx.connection, (params) => this.fromClient(params));
  }

  /** Watches `target`, replacing whatever was watched before. */
  async watch(target: WatchTarget): Promise<void> {
    if (JSON.stringify(target) === JSON.stringify(this.target) && (this.registration || this.fsWatchers.length)) return;
    this.target = target;
    await this.stop();
    if (this.ctx.capabilities.watchedFilesDynamicRegistration) {
      this.usingClient = true;
      this.registration = this.ctx.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: this.clientWatchers(target) })
        .then(
          (d) => d,
          (err) => {
            this.ctx.log.warn(`client refused file watching (${errorText(err)}); watching with fs.watch`);
            this.usingClient = false;
            this.watchWithFs(this.target);
            return undefined;
          },
        );
      await this.registration;
    } else {
      this.watchWithFs(target);
    }
  }

  private clientWatchers(target: WatchTarget): FileSystemWatcher[] {
    const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    if (this.ctx.capabilities.watchedFilesRelativePattern) {
      const watchers: FileSystemWatcher[] = target.roots.map((root) => ({
        globPattern: { baseUri: pathToUri(root), pattern: '**/*' },
        kind,
      }));
      // Candidate folders: watch their parents for the folder itself coming or going.
      for (const c of target.candidates) {
        watchers.push({ globPattern: { baseUri: pathToUri(path.dirname(c)), pattern: path.basename(c) }, kind });
      }
      return watchers;
    }
    // Without relative patterns a string glob is all we can give; events outside the roots are filtered out.
    return [{ globPattern: '**/*', kind }];
  }

  private fromClient(params: DidChangeWatchedFilesParams): void {
    if (!this.usingClient) return;
    const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== undefined);
    this.filterAndFire(paths);
  }

  private filterAndFire(paths: string[]): void {
    const { roots, candidates } = this.target;
    const relevant = paths.filter(
      (p) =>
        candidates.some((c) => c === p || isWithin(c, p)) ||
        (roots.some((r) => isWithin(p, r) || isWithin(r, p)) && !isIgnoredChange(p, roots)),
    );
    if (relevant.length > 0) this.onChange(relevant);
  }

  private watchWithFs(target: WatchTarget): void {
    for (const root of target.roots) this.watchTree(root);
    // Parents of candidates, not recursively: notices a sources folder being created, renamed or deleted.
    const parents = new Set(target.candidates.map((c) => path.dirname(c)));
    for (const parent of parents) {
      this.fsWatch(parent, false, (name) => {
        const full = name ? path.join(parent, name) : parent;
        if (target.candidates.includes(full) || !name) this.onChange([full]);
      });
    }
  }

  private watchTree(root: string): void {
    const recursiveOk = this.fsWatch(root, true, (name) => this.fireFsEvent(root, name));
    if (recursiveOk) return;
    // No recursive watching here: one watcher per directory (bounded, so a huge tree cannot exhaust handles).
    const dirs: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (dirs.length >= 500 || depth > 8) return;
      dirs.push(dir);
      let entries: fs.Dirent[] = [];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) walk(path.join(dir, e.name), depth + 1);
    };
    walk(root, 0);
    for (const dir of dirs) this.fsWatch(dir, false, (name) => this.fireFsEvent(dir, name));
  }

  private fireFsEvent(dir: string, name: string | null): void {
    const full = name ? path.join(dir, name) : dir;
    if (isIgnoredChange(full, this.target.roots)) return;
    this.onChange([full]);
  }

  /** Starts one fs.watch; false if it could not (missing folder, no recursive support). */
  private fsWatch(dir: string, recursive: boolean, listener: (name: string | null) => void): boolean {
    try {
      const w = fs.watch(dir, { recursive, persistent: false }, (_event, name) => listener(name ? String(name) : null));
      w.on('error', (err) => {
        // Typically the folder was deleted: report it as a change and let the corpus manager re-resolve.
        this.ctx.log.info(`stopped watching ${dir}: ${errorText(err)}`);
        w.close();
        this.fsWatchers = this.fsWatchers.filter((x) => x !== w);
        this.onChange([dir]);
      });
      this.fsWatchers.push(w);
      return true;
    } catch (err) {
      if (recursive) this.ctx.log.info(`recursive watch unavailable for ${dir} (${errorText(err)})`);
      return false;
    }
  }

  async stop(): Promise<void> {
    for (const w of this.fsWatchers) {
      try {
        w.close();
      } catch {
        // ignore
      }
    }
    this.fsWatchers = [];
    const reg = this.registration;
    this.registration = undefined;
    if (reg) {
      try {
        (await reg)?.dispose();
      } catch {
        // ignore
      }
    }
  }
}
