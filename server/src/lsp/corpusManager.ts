// Finds the sources folders of each workspace folder (corroborate.json, then settings, then the defaults), loads each
// folder's corpus with progress, reloads it when its folders or its config file change on disk, and tells the client
// how it went (corroborate/status). Everything else asks `ready(uri)` for the corpus of a draft's workspace folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus, rankedDisagreementsInSlices, savedDisagreements, saveDisagreements, type Corpus, type RankedDisagreements } from '../engine';
import { CONFIG_FILE_NAME, expandFolderPattern, findConfigFile, loadConfigFor, outermostFolders, readConfigFile, sourceFolders, type ProjectConfig } from '../config';
import { DEFAULT_SOURCES, type Settings } from './configuration';
import { errorText, isWithin, isWithinAfterLinks, uriToPath, type ServerContext } from './context';
import { SourceWatcher } from './fileWatching';
import { startProgress } from './progress';
import { STATUS, type StatusParams } from './protocol';

export interface ResolvedRoots {
  roots: string[];
  /** Every folder looked at, for messages. */
  tried: string[];
  /** Where the list came from. */
  origin: 'command line' | 'corroborate.json' | 'settings' | 'initializationOptions' | 'default';
  /** Folders a corroborate.json names outside the workspace folders, not read while the workspace is untrusted. */
  untrusted?: string[];
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
 * Which folders are the corpus of one workspace folder. `--sources` wins (every folder given is used); then the
 * project's corroborate.json `sources`; then the `corroborate.sources` setting, then `initializationOptions.sources`
 * (for these three every folder that exists is used, globs expanded); then the default `["sources", "seeds"]`, of which
 * the first that exists is used. Relative entries are relative to the config file, or else to the workspace folder.
 */
export function resolveRoots(
  settings: Settings,
  ctx: Pick<ServerContext, 'cliSources' | 'initSources' | 'workspaceFolders'> & { trusted?: boolean },
  folders: readonly string[] = ctx.workspaceFolders,
  project?: ProjectConfig,
): ResolvedRoots {
  if (ctx.cliSources.length > 0) {
    const tried = ctx.cliSources.map((s) => path.resolve(expand(s)));
    return { roots: [...new Set(tried.filter(exists))], tried, origin: 'command line' };
  }
  if (project?.sources) {
    const tried = project.sources.map((p) => (path.isAbsolute(expand(p)) ? expand(p) : path.resolve(project.root, p)));
    const roots = sourceFolders({ ...project, sources: project.sources.map(expand) });
    if (ctx.trusted !== false) return { roots, tried, origin: 'corroborate.json' };
    // An untrusted workspace's config file may not make us read elsewhere on disk ("../../home/…", symlinks).
    const untrusted = roots.filter((r) => !isWithinAfterLinks(r, ctx.workspaceFolders));
    return { roots: roots.filter((r) => !untrusted.includes(r)), tried, origin: 'corroborate.json', ...(untrusted.length ? { untrusted } : {}) };
  }
  const [list, origin]: [string[], ResolvedRoots['origin']] = settings.sourcesExplicit
    ? [settings.sources, 'settings']
    : ctx.initSources.length > 0
      ? [ctx.initSources, 'initializationOptions']
      : [DEFAULT_SOURCES, 'default'];
  const tried: string[] = [];
  const found: string[] = [];
  for (const entry of list) {
    const e = expand(entry);
    const bases = path.isAbsolute(e) ? [path.sep] : folders;
    for (const base of bases) {
      tried.push(path.resolve(base, e));
      found.push(...expandFolderPattern(base, e));
      // The default list is a set of guesses: the first that exists is the corpus.
      if (origin === 'default' && found.length > 0) return { roots: found.slice(0, 1), tried, origin };
    }
  }
  return { roots: outermostFolders(found), tried, origin };
}

/** Generations are unique across workspace folders: the engine worker keys its copy of a corpus by them. */
let lastGeneration = 0;

/**
 * What one corpus depends on: a workspace folder (its settings; its corroborate.json at its root, if any), or a project
 * inside or outside one, whose corroborate.json (`configFile`) is nearer its drafts than the workspace folder's root.
 */
export interface FolderScope {
  folder: string;
  settings(): Settings;
  configFile?: string;
  /** A project's corroborate.json went away: its drafts belong elsewhere now. */
  onConfigGone?(): void;
}

type Listener = () => void;

/**
 * How long the first "no sources folder" warning waits: clients that cannot be asked for settings push them by
 * didChangeConfiguration right after `initialized`, and a load of those settings, started meanwhile, cancels it.
 */
export const FIRST_NO_SOURCES_GRACE_MS = 1000;

export class FolderCorpus {
  private corpus: Corpus | undefined;
  private loading: Promise<Corpus | undefined> | undefined;
  private generation = 0;
  /** The project's corroborate.json: the workspace folder's own (at its root), or the project's `configFile`. */
  project: ProjectConfig | undefined;
  private projectKey = '';
  /** Whether drafts in this folder are checked (Corroborate: Toggle Checking). */
  enabled = true;
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
    readonly scope: FolderScope,
  ) {
    this.watcher = new SourceWatcher(ctx, (paths) => this.sourcesChanged(paths));
    this.readProject();
  }

  get folder(): string {
    return this.scope.folder;
  }

  /** How messages name this corpus's drafts: the project folder holding its corroborate.json, else the workspace folder. */
  private get displayName(): string {
    const config = this.scope.configFile ?? this.project?.file;
    return path.basename(config ? path.dirname(config) : this.scope.folder);
  }

  get origin(): ResolvedRoots['origin'] {
    return this.resolved.origin;
  }

  /** Re-reads the folder's corroborate.json; true when what it says changed. Problems are said once per content. */
  readProject(): boolean {
    const read = this.scope.configFile
      ? exists(this.scope.configFile) ? readConfigFile(this.scope.configFile) : undefined
      : loadConfigFor(this.scope.folder, this.scope.folder);
    const key = read ? JSON.stringify([read.config, read.problems]) : '';
    if (key === this.projectKey) return false;
    this.projectKey = key;
    this.project = read?.config;
    if (read?.problems.length) {
      for (const p of read.problems) this.ctx.log.warn(p);
      this.ctx.notify.warning(`Corroborate: ${read.problems.join('; ')}`, `config:${key}`);
    }
    if (read) this.ctx.log.info(`${this.scope.folder}: using ${read.config.file}`);
    return true;
  }

  /** Where relative source folders are looked for: the project's root, then its workspace folder. */
  private get bases(): string[] {
    return this.scope.configFile ? [...new Set([path.dirname(this.scope.configFile), this.scope.folder])] : [this.scope.folder];
  }

  setEnabled(enabled: boolean): void {
    if (this.enabled === enabled) return;
    this.enabled = enabled;
    if (!enabled) {
      this.status({ state: 'off', sources: this.corpus?.sources.length ?? 0, problems: [], roots: this.roots, message: `Checking is off for ${this.displayName} ("Corroborate: Toggle Checking" turns it on).` });
    } else if (this.lastStatus) this.status(this.lastStatus);
    for (const l of this.listeners) safeCall(l, this.ctx);
  }
  private lastStatus: StatusParams | undefined;

  /** The config file watched for changes: the one in use, or where one would be created. */
  private configFile(): string {
    return this.project?.file ?? this.scope.configFile ?? path.join(this.scope.folder, CONFIG_FILE_NAME);
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

  /** Says once per file that a file of the sources folder opened to read is taken as a source, and how to check it. */
  noteSourceOpened(file: string): void {
    if (this.sourcesOpened.has(file)) return;
    this.sourcesOpened.add(file);
    this.ctx.log.info(
      `${file} is inside the sources folder (${this.resolved.roots.join(', ')}): opened to read, it is a source and not checked. ` +
        'Edit it, run "Check Current Draft", or select it with drafts.include in corroborate.json, and it is checked as a draft against the other sources (never against itself).',
    );
  }
  private readonly sourcesOpened = new Set<string>();

  /**
   * The corpus's disagreements, ranked. Read from beside the on-disk index when these very sources were ranked before,
   * else computed once per corpus, in slices between other requests (hovers and diagnostics never wait for it), and
   * saved; a newer corpus cancels the computation for the old one.
   */
  disagreements(corpus: Corpus): Promise<RankedDisagreements> {
    if (this.disagreementRun?.corpus === corpus) return this.disagreementRun.value;
    if (this.disagreementRun) this.disagreementRun.cancel.isCancellationRequested = true;
    const cancel = { isCancellationRequested: false };
    const value = (async () => {
      const saved = await savedDisagreements(corpus);
      if (saved) return saved;
      const ranked = await rankedDisagreementsInSlices(corpus, cancel);
      saveDisagreements(corpus, ranked).catch((err) => this.ctx.log.warn(`disagreements not saved: ${errorText(err)}`));
      return ranked;
    })();
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
    const resolved = resolveRoots(this.scope.settings(), this.ctx, this.bases, this.project);
    const same = JSON.stringify(resolved.roots) === JSON.stringify(this.resolved.roots);
    if (!force && same && (this.corpus || this.loading)) return this.ready();
    this.resolved = resolved;
    void this.watcher
      // Candidates (every folder looked at, the roots included) are watched for coming and going.
      .watch({ roots: resolved.roots, candidates: [...resolved.tried, this.configFile()] })
      .catch((err) => this.ctx.log.warn(`file watching failed: ${errorText(err)}`));
    const generation = (this.generation = ++lastGeneration);
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
    const trustNote = resolved.untrusted?.length
      ? `This workspace is not trusted, so ${resolved.untrusted.map((r) => `"${r}"`).join(', ')}, named in ${this.configFile()} but outside the workspace, ${resolved.untrusted.length === 1 ? 'is' : 'are'} not read until you trust it.`
      : '';
    if (trustNote) this.ctx.notify.warning(`Corroborate: ${trustNote}`, `untrusted:${resolved.untrusted!.join('|')}`);
    if (roots.length === 0 && trustNote) {
      this.corpus = undefined;
      this.status({ state: 'error', sources: 0, problems: [], roots: [], message: `${trustNote} Drafts are not checked until then.` });
      return undefined;
    }
    if (roots.length === 0) {
      this.corpus = undefined;
      if (origin === 'default') {
        // Nothing configured and no default folder: not a Corroborate project (yet). Quiet: no message, no draft checked.
        this.status({
          state: 'no-sources',
          sources: 0,
          problems: [],
          roots: [],
          folder: this.scope.folder,
          message:
            `No sources set for ${this.displayName}, so no draft is checked. To set them: add a "sources" folder, ` +
            `name them in ${CONFIG_FILE_NAME} ({ "sources": ["wire/**"] }), or run "Corroborate: Choose Sources Folder…" (the "corroborate.sources" setting).`,
        });
        return undefined;
      }
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
      this.status({ state: 'ready', sources: corpus.sources.length, problems: corpus.problems, roots: corpus.roots ?? roots, ...(trustNote ? { message: trustNote } : {}) });
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
    if (params.state !== 'off') this.lastStatus = params;
    // While checking is off the status says so; the corpus still loads, ready for when it is turned on.
    if (!this.enabled && params.state !== 'off') return;
    try {
      void this.ctx.connection.sendNotification(STATUS, { ...params, folder: this.scope.folder, ...(this.scope.configFile ? { config: this.scope.configFile } : {}) });
    } catch {
      // ignore
    }
  }

  /** File events: coalesced, then one reload. */
  private sourcesChanged(paths: string[]): void {
    this.ctx.log.info(`sources changed: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` (+${paths.length - 3})` : ''}`);
    const configOnly = paths.every((p) => path.basename(p) === CONFIG_FILE_NAME);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.configOrSourcesChanged(configOnly);
    }, 200);
  }

  /** A changed config file re-resolves the folders (loading only if they differ) and re-checks; a source change reloads. */
  private configOrSourcesChanged(configOnly: boolean): void {
    const projectChanged = this.readProject();
    if (this.scope.configFile && !this.project) return this.scope.onConfigGone?.();
    if (configOnly && !projectChanged) return;
    const before = JSON.stringify(this.resolved.roots);
    const rootsNow = JSON.stringify(resolveRoots(this.scope.settings(), this.ctx, this.bases, this.project).roots);
    if (configOnly && before === rootsNow && this.corpus) {
      for (const l of this.listeners) safeCall(l, this.ctx);
      return;
    }
    void this.reload(true).catch((err) => this.ctx.log.error(`reload failed: ${errorText(err)}`));
  }

  /** The folder's corroborate.json was just written by us: re-read it now rather than when the watcher says so. */
  projectWritten(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    this.configOrSourcesChanged(true);
  }

  /** Where this folder's corroborate.json is, or would be created. */
  get projectFile(): string {
    return this.configFile();
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.noSourcesTimer) clearTimeout(this.noSourcesTimer);
    void this.watcher.stop();
  }
}

/**
 * The corpora of every workspace folder: each folder's drafts are checked against its own sources and settings.
 * A draft whose nearest corroborate.json is below its workspace folder's root (or outside any workspace folder) gets
 * that project's corpus instead, made when first asked for. Callers that do not say which draft get the first folder's.
 */
export class CorpusManager {
  private readonly folders = new Map<string, FolderCorpus>();
  /** Projects by their corroborate.json. */
  private readonly projects = new Map<string, FolderCorpus>();
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly ctx: ServerContext,
    private readonly settingsFor: (folder: string) => Settings,
  ) {}

  /** Makes one corpus per workspace folder (new folders are loaded, removed ones stopped). */
  sync(): void {
    const wanted = new Set(this.ctx.workspaceFolders);
    for (const [folder, corpus] of this.folders) {
      if (wanted.has(folder)) continue;
      corpus.dispose();
      this.folders.delete(folder);
      for (const [file, project] of this.projects) if (project.folder === folder) this.dropProject(file);
    }
    for (const folder of this.ctx.workspaceFolders) {
      if (this.folders.has(folder)) continue;
      const corpus = new FolderCorpus(this.ctx, { folder, settings: () => this.settingsFor(folder) });
      corpus.onDidChange(() => this.listeners.forEach((l) => safeCall(l, this.ctx)));
      this.folders.set(folder, corpus);
    }
  }

  private workspace(): FolderCorpus[] {
    if (this.folders.size === 0) this.sync();
    return [...this.folders.values()];
  }

  /** Every corpus: the workspace folders' first, then the projects'. */
  private all(): FolderCorpus[] {
    return [...this.workspace(), ...this.projects.values()];
  }

  /**
   * The corpus of the project holding `file`: its nearest corroborate.json at or above its folder (not above the
   * workspace folder holding it; see findConfigFile), else the innermost workspace folder's, else the first folder's.
   */
  forFile(file: string | undefined): FolderCorpus {
    const all = this.workspace();
    if (!file) return all[0];
    const holding = all.filter((c) => isWithin(file, c.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
    const config = findConfigFile(path.dirname(file), holding?.folder);
    if (config && (!holding || path.dirname(config) !== holding.folder)) return this.projectOf(config, holding);
    return holding ?? all[0];
  }

  private projectOf(config: string, holding: FolderCorpus | undefined): FolderCorpus {
    const known = this.projects.get(config);
    if (known) return known;
    const folder = holding?.folder ?? path.dirname(config);
    const corpus = new FolderCorpus(this.ctx, { folder, configFile: config, settings: () => this.settingsFor(folder), onConfigGone: () => this.dropProject(config, true) });
    corpus.enabled = holding?.enabled ?? true;
    corpus.onDidChange(() => this.listeners.forEach((l) => safeCall(l, this.ctx)));
    this.projects.set(config, corpus);
    this.ctx.log.info(`project ${path.dirname(config)}: its drafts use ${config}`);
    void corpus.reload().catch((err) => this.ctx.log.error(`loading ${config} failed: ${errorText(err)}`));
    return corpus;
  }

  /** Forgets a project (its corroborate.json is gone, or its workspace folder closed); its drafts are checked again. */
  private dropProject(config: string, recheck = false): void {
    const corpus = this.projects.get(config);
    if (!corpus) return;
    corpus.dispose();
    this.projects.delete(config);
    if (recheck) this.listeners.forEach((l) => safeCall(l, this.ctx));
  }

  forUri(uri: string | undefined): FolderCorpus {
    return this.forFile(uri ? uriToPath(uri) : undefined);
  }

  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  get roots(): string[] {
    return [...new Set(this.all().flatMap((c) => c.roots))];
  }

  /** The corpus for the draft at `uri` (or the first folder's) once its load has finished. */
  ready(uri?: string): Promise<Corpus | undefined> {
    return this.forUri(uri).ready();
  }

  get current(): Corpus | undefined {
    return this.all()[0].current;
  }

  get isLoading(): boolean {
    return this.all().some((c) => c.isLoading);
  }

  generationOf(corpus: Corpus): number {
    for (const c of this.all()) if (c.current === corpus) return c.generationOf(corpus);
    return this.all()[0].generationOf(corpus);
  }

  isSource(file: string): boolean {
    return this.all().some((c) => c.isSource(file));
  }

  noteSourceOpened(file: string): void {
    this.forFile(file).noteSourceOpened(file);
  }

  /** The draft's file when it lies inside a sources folder: the engine leaves it out of the corpus it checks against. */
  sourceToExclude(uri: string): string | undefined {
    const file = uriToPath(uri);
    return file && this.isSource(file) ? file : undefined;
  }

  disagreements(corpus: Corpus): Promise<RankedDisagreements> {
    return (this.all().find((c) => c.current === corpus) ?? this.all()[0]).disagreements(corpus);
  }

  cancelDisagreements(): void {
    for (const c of this.all()) c.cancelDisagreements();
  }

  /** Reloads every folder's corpus (each only if its folders changed, unless `force`); resolves to the first's. */
  async reload(force = false): Promise<Corpus | undefined> {
    this.sync();
    const loaded = await Promise.all(this.all().map((c) => c.reload(force)));
    return loaded[0];
  }

  /** Turns checking of a workspace folder's drafts off or on; says so in the status. False for an unknown folder. */
  setChecking(folder: string, enabled: boolean): boolean {
    const corpora = this.all().filter((c) => c.folder === folder);
    for (const c of corpora) c.setEnabled(enabled);
    return corpora.length > 0;
  }

  dispose(): void {
    for (const c of this.all()) c.dispose();
  }
}

function safeCall(fn: () => void, ctx: ServerContext): void {
  try {
    fn();
  } catch (err) {
    ctx.log.error(`listener failed: ${errorText(err)}`);
  }
}
