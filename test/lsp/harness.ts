// A small LSP test client: spawns dist/server.js (stdio or node IPC) and drives it with vscode-languageserver-protocol.
// Everything the server sends is recorded; tests wait for events by predicate, never by time.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { StatusParams } from '../../server/src/lsp/protocol';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'lsp');
export const SEEDS = path.join(REPO, 'seeds');

export const uriOf = (p: string) => pathToFileURL(p).href;

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: false },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
  },
};

export interface StartOptions {
  /** The server bundle to run; dist/server.js by default (a packed copy, say). */
  server?: string;
  /** Extra command-line arguments (e.g. --sources DIR). */
  args?: string[];
  transport?: 'stdio' | 'ipc';
  /** Workspace root folder; the repo by default (so the default settings find seeds/). */
  root?: string;
  /** Several workspace folders (multi-root); the first is the root. */
  folders?: string[];
  /** What workspace/configuration answers for a folder's scopeUri (falls back to `settings`). */
  folderSettings?: Record<string, unknown>;
  /** What workspace/configuration answers for section "corroborate" (undefined → null). */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  cwd?: string;
}

type Event =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'message'; params: ShowMessageParams }
  | { kind: 'log'; params: LogMessageParams }
  | { kind: 'status'; params: StatusParams }
  | { kind: 'progress'; params: { token: unknown; value: { kind: string; message?: string; percentage?: number; title?: string } } }
  | { kind: 'progressCreate'; params: { token: unknown } }
  | { kind: 'register'; params: Registration }
  | { kind: 'exit'; params: { code: number | null; signal: string | null } };

interface Waiter {
  match: (e: Event) => boolean;
  resolve: (e: Event) => void;
  reject: (err: Error) => void;
}

export class TestClient {
  readonly events: Event[] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private stderr = '';
  private exited = false;
  settings: unknown;
  /** Settings by folder URI, answered when workspace/configuration asks with that scopeUri. */
  folderSettings: Record<string, unknown> = {};
  initializeResult!: InitializeResult;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const args = [...(options.args ?? [])];
    const cwd = options.cwd ?? REPO;
    const server = options.server ?? SERVER;
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (options.transport === 'ipc') {
      child = fork(server, ['--node-ipc', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [server, '--stdio', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const client = new TestClient(child, connection, options.settings);
    client.folderSettings = options.folderSettings ?? {};
    client.wire();
    connection.listen();
    const folders = options.folders ?? [options.root ?? REPO];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(folders[0]),
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => this.push({ kind: 'diagnostics', params }));
    c.onNotification(ShowMessageNotification.type, (params) => this.push({ kind: 'message', params }));
    c.onNotification(LogMessageNotification.type, (params) => this.push({ kind: 'log', params }));
    c.onNotification('corroborate/status', (params: StatusParams) => this.push({ kind: 'status', params }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    c.onNotification('$/progress', (params: any) => this.push({ kind: 'progress', params }));
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'corroborate' ? ((item.scopeUri && this.folderSettings[item.scopeUri]) ?? this.settings ?? null) : null)),
    );
    c.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.push({ kind: 'progressCreate', params });
    });
    c.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.push({ kind: 'register', params: r });
    });
    c.onRequest(UnregistrationRequest.type, () => undefined);
    this.child.stderr?.on('data', (d) => (this.stderr += String(d)));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.push({ kind: 'exit', params: { code, signal } });
      const err = new Error(`server exited (code ${code}, signal ${signal}) while a test waited; stderr:\n${this.stderr}\nlog:\n${this.logText()}`);
      for (const w of this.waiters.splice(0)) w.reject(err);
    });
  }

  private push(e: Event): void {
    this.events.push(e);
    const ready = this.waiters.filter((w) => w.match(e));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(e);
  }

  /** The first event (already received, from index `from`, or still to come) that matches. */
  waitFor<K extends Event['kind']>(kind: K, match: (p: Extract<Event, { kind: K }>['params']) => boolean = () => true, from = 0): Promise<Extract<Event, { kind: K }>['params']> {
    const test = (e: Event) => e.kind === kind && match(e.params as never);
    const seen = this.events.slice(from).find(test);
    if (seen) return Promise.resolve(seen.params as never);
    if (this.exited && kind !== 'exit') return Promise.reject(new Error(`server has exited; stderr:\n${this.stderr}`));
    return new Promise((resolve, reject) => this.waiters.push({ match: test, resolve: (e) => resolve(e.params as never), reject }));
  }

  /** A mark to wait only for events after this point. */
  mark(): number {
    return this.events.length;
  }

  of<K extends Event['kind']>(kind: K, from = 0): Array<Extract<Event, { kind: K }>['params']> {
    return this.events.slice(from).filter((e) => e.kind === kind).map((e) => e.params as never);
  }

  logText(): string {
    return this.of('log').map((l) => l.message).join('\n');
  }

  /** Status 'ready' or 'error' (the corpus has been dealt with). */
  settled(from = 0): Promise<StatusParams> {
    return this.waitFor('status', (s) => s.state !== 'indexing', from);
  }

  async open(file: string, text: string, languageId = 'markdown'): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Diagnostics published for exactly this version of the document. */
  async diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const p = await this.waitFor('diagnostics', (d) => d.uri === uri && d.version === version);
    return p.diagnostics;
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { corroborate: settings } });
  }

  async watchedFilesChanged(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.exited) return this.child.exitCode;
    const exit = this.waitFor('exit');
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const { code } = await exit;
    this.connection.dispose();
    return code;
  }
}

/** The LSP range of the `occurrence`-th appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${occurrence}) not in text`);
  }
  return { start: positionOf(text, at), end: positionOf(text, at + needle.length) };
}

export function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
