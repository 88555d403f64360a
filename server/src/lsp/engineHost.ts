// Runs the engine's per-draft work (checkText, describeClaimAt) in a worker thread, so a long draft never blocks
// the server: hovers, code actions and edits keep flowing while a check runs, and results that arrive for an older
// version are dropped by the caller. The worker is the server bundle itself, started with a flag (no extra build
// entry). It loads its own copy of the corpus, keyed by the corpus manager's generation. If a worker cannot start or
// keeps dying, the work runs in-process instead: slower to respond, never wrong.
import { format } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkText, corpusWithout, describeClaimAt, loadCorpus, type Corpus } from '../engine';
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckOptions, ClaimComparison, Finding } from '../model/types';
import { errorText, type ServerContext } from './context';
import { toDiagnostics } from './convert';

const FLAG = 'corroborateEngineWorker';
const MAX_CRASHES = 3;
/**
 * Below this many characters describeClaimAt runs in-process: it takes milliseconds there, and a hover must not
 * queue behind a long check in the worker. Longer drafts go to the worker like checks do.
 */
const DESCRIBE_IN_PROCESS_CHARS = 100_000;
/**
 * Drafts of this many characters or more are checked in the worker even without `--engine-thread` (started on first
 * need): a first check costs about 1.5 s per MB, which would hold up every hover and edit of every other draft.
 */
export const LARGE_DRAFT_CHARS = 100_000;

/**
 * A check ready to publish: the (capped) diagnostics, and every finding. From the worker the findings come as JSON,
 * parsed on first use (a hover or quick fix on that draft): a 1 MB draft's 3,906 findings took the main thread about
 * 40 ms to receive as objects, holding up every other draft's hover.
 */
export interface PublishableCheck {
  diagnostics: Diagnostic[];
  findings: Finding[] | string;
}

/** `exclude`: a draft kept in the sources folder, checked against the corpus without it (see corpusView). */
type Work =
  | { op: 'publish'; text: string; options: CheckOptions; exclude?: string }
  | { op: 'describe'; text: string; offset: number; options?: CheckOptions; exclude?: string };
type Request = Work & { id: number; generation: number; roots: string[] };
type Response = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | { log: string };

/** True inside the engine worker (server.ts then runs `runEngineWorker` instead of the language server). */
export function isEngineWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as Record<string, unknown>)[FLAG] === true;
}

/** The worker's side: load the corpus for a generation once, answer requests in order. */
export function runEngineWorker(): void {
  const port = parentPort;
  if (!port) return;
  // Nothing may reach stdout (in --stdio mode it is the protocol stream): console output goes to the server's log.
  const log = (...args: unknown[]) => port.postMessage({ log: format(...args) } satisfies Response);
  console.log = console.info = console.warn = console.error = console.debug = log;
  let loaded: { generation: number; corpus: Promise<Corpus> } | undefined;
  port.on('message', async (req: Request) => {
    try {
      if (!loaded || loaded.generation !== req.generation) loaded = { generation: req.generation, corpus: loadCorpus(req.roots) };
      const corpus = corpusView(await loaded.corpus, req.exclude);
      const value =
        req.op === 'publish' ? publishable(checkText(corpus, req.text, req.options), true) : (describeClaimAt(corpus, req.text, req.offset, req.options) ?? null);
      port.postMessage({ id: req.id, ok: true, value } satisfies Response);
    } catch (err) {
      port.postMessage({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Response);
    }
  });
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class EngineHost {
  private worker: Worker | undefined;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes = 0;
  private inProcess: boolean;

  /**
   * `script`: the file the worker runs (the server bundle); undefined → always in-process. `workerFromChars`: drafts
   * shorter than this are checked in-process (0: every check in the worker).
   */
  constructor(
    private readonly ctx: ServerContext,
    private readonly script: string | undefined,
    private readonly workerFromChars = 0,
  ) {
    this.inProcess = !script || !/\.(c?js)$/.test(script);
  }

  /** Checks and converts for publishing (in the worker, for a large draft, so the main thread gets little to do). */
  checkForPublishing(corpus: Corpus, generation: number, text: string, options: CheckOptions, exclude?: string): Promise<PublishableCheck> {
    return this.run(corpus, generation, { op: 'publish', text, options, exclude }) as Promise<PublishableCheck>;
  }

  async describe(corpus: Corpus, generation: number, text: string, offset: number, options?: CheckOptions, exclude?: string): Promise<ClaimComparison | undefined> {
    return ((await this.run(corpus, generation, { op: 'describe', text, offset, options, exclude })) as ClaimComparison | null) ?? undefined;
  }

  private async run(corpus: Corpus, generation: number, work: Work): Promise<unknown> {
    // A corpus view is built once per corpus and file, in the worker when there is one: about 1 s at 10,000 sources.
    const here = !work.exclude && ((work.op === 'describe' && work.text.length < DESCRIBE_IN_PROCESS_CHARS) || work.text.length < this.workerFromChars);
    if (here) return this.runHere(corpus, work);
    const worker = this.inProcess ? undefined : this.ensureWorker();
    if (!worker) return this.runHere(corpus, work);
    try {
      return await this.send(worker, { ...work, id: this.nextId++, generation, roots: corpus.roots });
    } catch (err) {
      // A worker that died on this very draft (out of memory, say) would take the server down in-process: report it
      // instead. The next request starts a fresh worker.
      if (err instanceof WorkerGone) throw new Error(`the engine stopped while working on this draft (${err.message.split('\n')[0]})`);
      throw err;
    }
  }

  private runHere(base: Corpus, work: Work): unknown {
    const corpus = corpusView(base, work.exclude);
    return work.op === 'publish' ? publishable(checkText(corpus, work.text, work.options), false) : describeClaimAt(corpus, work.text, work.offset, work.options);
  }

  private send(worker: Worker, req: Request): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      try {
        worker.postMessage(req);
      } catch (err) {
        this.pending.delete(req.id);
        reject(new WorkerGone(errorText(err)));
      }
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.crashes >= MAX_CRASHES) return undefined;
    let worker: Worker;
    try {
      worker = new Worker(this.script!, { workerData: { [FLAG]: true }, stdout: true, stderr: true });
    } catch (err) {
      this.ctx.log.warn(`could not start the engine worker (${errorText(err)}); checks run in-process`);
      this.inProcess = true;
      return undefined;
    }
    worker.unref();
    worker.once('online', () => this.ctx.log.info(`engine worker started (thread ${worker.threadId})`));
    worker.stdout.on('data', (d) => this.ctx.log.info(`engine: ${String(d).trimEnd()}`));
    worker.stderr.on('data', (d) => this.ctx.log.warn(`engine: ${String(d).trimEnd()}`));
    worker.on('message', (msg: Response) => {
      if ('log' in msg) return this.ctx.log.info(`engine: ${msg.log}`);
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    });
    const gone = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.crashes++;
      if (this.crashes >= MAX_CRASHES) this.ctx.log.error(`the engine worker died ${this.crashes} times; checks now run in-process`);
      const err = new WorkerGone(why);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', (err) => gone(err instanceof Error ? (err.stack ?? err.message) : String(err)));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.crashes = MAX_CRASHES; // no restarts while shutting down
    if (w) await w.terminate().catch(() => undefined);
  }
}

class WorkerGone extends Error {}

/** Views of a corpus without one file, a few per corpus (LRU); a new corpus generation leaves the old ones to the GC. */
const views = new WeakMap<Corpus, Map<string, Corpus>>();
const MAX_VIEWS_PER_CORPUS = 4;

/** The corpus without `exclude` (built on first need, then reused: keystrokes on such a draft cost what others do). */
export function corpusView(corpus: Corpus, exclude: string | undefined): Corpus {
  if (!exclude) return corpus;
  let byFile = views.get(corpus);
  if (!byFile) views.set(corpus, (byFile = new Map()));
  let view = byFile.get(exclude);
  if (view) byFile.delete(exclude);
  else view = corpusWithout(corpus, exclude);
  byFile.set(exclude, view);
  if (byFile.size > MAX_VIEWS_PER_CORPUS) byFile.delete(byFile.keys().next().value!);
  return view;
}

/** `asJson`: the findings as one string, which a thread receives for the cost of a copy. */
function publishable(findings: Finding[], asJson: boolean): PublishableCheck {
  return { diagnostics: toDiagnostics(findings).diagnostics, findings: asJson ? JSON.stringify(findings) : findings };
}
