// Finds the sources folder, loads the corpus with progress, reloads it when the folder changes on disk, and
// tells the client how it went (corroborate/status). Everything else asks `ready()` for the corpus.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus, rankedDisagreementsInSlices, type Corpus, type RankedDisagreements } from '../engine';
import { DEFAULT_SOURCES, type Settings } from './configuration';
import { errorText, isWithin, type ServerContext } from './context';
import { SourceWatcher } from './fileWatching';
import { startProgress } from './progress';
import { STATUS, type StatusParams } from './protocol';

export interface ResolvedRoots {
  roots: string[];
  /** Every folder looked at, for messages. */
  tried: string[];
  /** Where the list came from. */
  origin: 'command line' | 'settings' | 'initializationOptions' | 'default';
}

function expand(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which folders are the corpus. `--sources` wins (every folder given is used); then the `corroborate.sources`
 * setting, then `initializationOptions.sources`, then the default `["sources", "seeds"]`. For those lists the
 * entries are candidates in order, each relative to a workspace folder (or absolute), and the first that exists wins.
 */
export function resolveRoots(settings: Settings, ctx: Pick<ServerContext, 'cliSources' | 'initSources' | 'workspaceFolders'>): ResolvedRoots {
  if (ctx.cliSources.length > 0) {
    const tried = ctx.cliSources.map((s) => path.resolve(expand(s)));
    return { roots: [...new Set(tried.filter(exists))], tried, origin: 'command line' };
  }
  const [list, origin]: [string[], ResolvedRoots['origin']] = settings.sourcesExplicit
    ? [settings.sources, 'settings']
    : ctx.initSources.length > 0
      ? [ctx.initSources, 'initializationOptions']
      : [DEFAULT_SOURCES, 'default'];
  const tried: string[] = [];
  for (const entry of list) {
    const e = expand(entry);
    const options = path.isAbsolute(e) ? [path.normalize(e)] : ctx.workspaceFolders.map((w) => path.resolve(w, e));
    for (const candidate of options) {
      tried.push(candidate);
      if (exists(candidate)) return { roots: [candidate], tried, origin };
    }
  }
  return { roots: [], tried, origin };
}

type Listener = () => void;

/**
 * How long the first "no sources folder" warning waits: clients that cannot be asked for settings push them by
 * didChangeConfiguration right after `initialized`, and a load of those settings, started meanwhile, cancels it.
 */
export const FIRST_NO_SOURCES_GRACE_MS = 1000;

export class CorpusManager {
  private corpus: Corpus | undefined;
  private loading: Promise<Corpus | undefined> | undefined;
  private generation = 0;
  private resolved: ResolvedRoots = { roots: [], tried: [], origin: 'default' };
  private disagreementRun: { corpus: Corpus; cancel: { isCancellationRequested: boolean }; value: Promise<RankedDisagreements> } | undefined;
  private listeners: Listener[] = [];
  /** Which load produced each corpus: the engine worker keys its own copy of the corpus by it. */
  private generations = new WeakMap<Corpus, number>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private lastProblemsKey = '';
  private noSourcesTimer: NodeJS.Timeout | undefined;
  readonly watcher: SourceWatcher;

  constructor(
    private readonly ctx: ServerContext,
    private readonly settings: () => Settings,
  ) {
    this.watcher = new SourceWatcher(ctx, (paths) => this.sourcesChanged(paths));
  }

  /** Called after every load, successful or not, so open drafts can be checked again. */
  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  get roots(): string[] {
    return this.resolved.roots;
  }

  /** The corpus once any load under way has finished; undefined when there is no usable sources folder. */
  async ready(): Promise<Corpus | undefined> {
    while (this.loading) {
      const pending = this.loading;
      await pending;
      if (this.loading === pending) break;
    }
    return this.corpus;
  }

  /** The corpus as it is now, without waiting. */
  get current(): Corpus | undefined {
    return this.corpus;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  generationOf(corpus: Corpus): number {
    return this.generations.get(corpus) ?? 0;
  }

  /** Whether a path belongs to the corpus (such files are sources, not drafts). */
  isSource(file: string): boolean {
    return this.resolved.roots.some((r) => isWithin(file, r));
  }

  /** Says once per file that an open file inside the sources folder is a source, so it is not checked as a draft. */
  noteSourceOpened(file: string): void {
    if (this.sourcesOpened.has(file)) return;
    this.sourcesOpened.add(file);
    this.ctx.log.info(`${file} is inside the sources folder (${this.resolved.roots.join(', ')}): it is a source, so it is not checked as a draft; move it out to check it`);
  }
  private readonly sourcesOpened = new Set<string>();

  /**
   * The corpus's disagreements, ranked. Computed once per corpus, in slices between other requests (hovers and
   * diagnostics never wait for it); a newer corpus cancels the computation for the old one.
   */
  disagreements(corpus: Corpus): Promise<RankedDisagreements> {
    if (this.disagreementRun?.corpus === corpus) return this.disagreementRun.value;
    if (this.disagreementRun) this.disagreementRun.cancel.isCancellationRequested = true;
    const cancel = { isCancellationRequested: false };
    const value = rankedDisagreementsInSlices(corpus, cancel);
    value.catch(() => {
      if (this.disagreementRun?.value === value) this.disagreementRun = undefined;
    });
    this.disagreementRun = { corpus, cancel, value };
    return value;
  }

  /** Stops computing disagreements (a request was cancelled, or the corpus changed); the next request starts again. */
  cancelDisagreements(): void {
    if (!this.disagreementRun) return;
    this.disagreementRun.cancel.isCancellationRequested = true;
    this.disagreementRun = undefined;
  }

  /** Re-resolves the folders and loads them when they differ from what is loaded (or always, with `force`). */
  reload(force = false): Promise<Corpus | undefined> {
    const resolved = resolveRoots(this.settings(), this.ctx);
    const same = JSON.stringify(resolved.roots) === JSON.stringify(this.resolved.roots);
    if (!force && same && (this.corpus || this.loading)) return this.ready();
    this.resolved = resolved;
    void this.watcher
      // Candidates (every folder looked at, the roots included) are watched for coming and going.
      .watch({ roots: resolved.roots, candidates: resolved.tried })
      .catch((err) => this.ctx.log.warn(`file watching failed: ${errorText(err)}`));
    const generation = ++this.generation;
    const run = this.load(resolved, generation);
    this.loading = run;
    void run.finally(() => {
      if (this.loading === run) this.loading = undefined;
      if (generation === this.generation) for (const l of this.listeners) safeCall(l, this.ctx);
    });
    return run;
  }

  private async load(resolved: ResolvedRoots, generation: number): Promise<Corpus | undefined> {
    const { roots, tried, origin } = resolved;
    if (roots.length === 0) {
      this.corpus = undefined;
      const message =
        `Corroborate: no sources folder found (looked for ${tried.map((t) => `"${t}"`).join(', ') || 'nothing'}, from ${origin}). ` +
        'Set "corroborate.sources" to the folder holding your sources; drafts are not checked until then.';
      const warn = () => this.ctx.notify.warning(message, `no-sources:${tried.join('|')}`);
      if (generation > 1) warn();
      else this.noSourcesTimer = setTimeout(() => generation === this.generation && warn(), FIRST_NO_SOURCES_GRACE_MS);
      this.status({ state: 'error', sources: 0, problems: [], roots: [], message: message.replace(/^Corroborate: /, '') });
      return undefined;
    }
    this.ctx.notify.forget(`no-sources:${tried.join('|')}`);
    this.status({ state: 'indexing', sources: this.corpus?.sources.length ?? 0, problems: [], roots });
    const progress = await startProgress(this.ctx, 'Corroborate', `Indexing sources in ${roots.map((r) => path.basename(r)).join(', ')}`);
    const started = Date.now();
    try {
      const corpus = await loadCorpus(roots, {
        onProgress: (done, total) => {
          if (generation !== this.generation) return;
          progress.report(total > 0 ? (100 * done) / total : undefined, `${done}/${total} files`);
        },
      });
      if (generation !== this.generation) return this.corpus; // a newer load supersedes this one
      if (!roots.some(exists)) {
        // The folder went away while we read it: same as having none.
        this.corpus = undefined;
        const message = `Corroborate: the sources folder ${roots.join(', ')} is gone; drafts are not checked until it is back or "corroborate.sources" points elsewhere.`;
        this.ctx.notify.warning(message, `gone:${roots.join('|')}`);
        this.status({ state: 'error', sources: 0, problems: corpus.problems, roots, message: message.replace(/^Corroborate: /, '') });
        return undefined;
      }
      this.ctx.notify.forget(`gone:${roots.join('|')}`);
      this.corpus = corpus;
      this.generations.set(corpus, generation);
      this.cancelDisagreements();
      // Computed ahead, in slices, so the panel's first page is ready when asked for.
      void this.disagreements(corpus).catch(() => undefined);
      this.ctx.log.info(
        `indexed ${corpus.sources.length} source(s) from ${roots.join(', ')} in ${Date.now() - started} ms` +
          (corpus.warmStart ? ' (from the on-disk index; each source is read when first needed)' : '') +
          (corpus.problems.length ? `; ${corpus.problems.length} could not be read` : ''),
      );
      void corpus.indexWritten?.then(() => this.ctx.log.info(`on-disk index of ${roots.join(', ')} written (${Date.now() - started} ms after loading began)`));
      this.reportProblems(corpus);
      this.status({ state: 'ready', sources: corpus.sources.length, problems: corpus.problems, roots: corpus.roots ?? roots });
      return corpus;
    } catch (err) {
      if (generation !== this.generation) return this.corpus;
      this.corpus = undefined;
      const message = `Corroborate: could not read the sources in ${roots.join(', ')}: ${errorText(err)}`;
      this.ctx.log.error(err instanceof Error && err.stack ? err.stack : String(err));
      this.ctx.notify.error(message, `load-failed:${roots.join('|')}:${errorText(err)}`);
      this.status({ state: 'error', sources: 0, problems: [], roots, message: message.replace(/^Corroborate: /, '') });
      return undefined;
    } finally {
      progress.done();
    }
  }

  private reportProblems(corpus: Corpus): void {
    for (const p of corpus.problems) this.ctx.log.warn(`${p.kind === 'cache' ? 'on-disk index' : 'source skipped'}: ${p.path}: ${p.reason}`);
    const key = corpus.problems.map((p) => `${p.path}:${p.reason}`).join('\n');
    if (key === this.lastProblemsKey) return;
    this.lastProblemsKey = key;
    if (corpus.problems.length === 0) return;
    const first = corpus.problems[0];
    const more = corpus.problems.length > 1 ? ` and ${corpus.problems.length - 1} more (see the output log)` : '';
    this.ctx.notify.warning(
      `Corroborate: ${path.basename(first.path)}: ${first.reason}${more}. ${corpus.sources.length} source(s) are in use.`,
    );
  }

  private status(params: StatusParams): void {
    try {
      void this.ctx.connection.sendNotification(STATUS, params);
    } catch {
      // ignore
    }
  }

  /** File events: coalesced, then one reload. */
  private sourcesChanged(paths: string[]): void {
    this.ctx.log.info(`sources changed: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` (+${paths.length - 3})` : ''}`);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reload(true).catch((err) => this.ctx.log.error(`reload failed: ${errorText(err)}`));
    }, 200);
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.noSourcesTimer) clearTimeout(this.noSourcesTimer);
    void this.watcher.stop();
  }
}

function safeCall(fn: () => void, ctx: ServerContext): void {
  try {
    fn();
  } catch (err) {
    ctx.log.error(`listener failed: ${errorText(err)}`);
  }
}
