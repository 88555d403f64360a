// Starts, restarts and talks to the Corroborate language server (dist/server.js) over IPC.
// A crashed server is restarted (up to 4 times in 3 minutes: crashPolicy.ts); write errors alone never stop the client.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RequestType,
  RequestType0,
  NotificationType,
  State,
  TransportKind,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type * as Protocol from '../../server/src/lsp/protocol';
import { draftLanguages, SECTION, setSourceRoots } from './config';
import { CLIENT_COMMANDS } from './commandIds';
import { isReport } from './report';
import { askDismissReason } from './dismiss';
import { CrashPolicy } from './crashPolicy';
import type { ServerState } from './statusText';

export type { ServerState };

// Method names, checked against the server's declarations (type-only import: no server code in the client bundle).
const COMPARE_AT: typeof Protocol.COMPARE_AT = 'corroborate/compareAt';
const DISAGREEMENTS: typeof Protocol.DISAGREEMENTS = 'corroborate/disagreements';
const CORPUS: typeof Protocol.CORPUS = 'corroborate/corpus';
const STATUS: typeof Protocol.STATUS = 'corroborate/status';

const compareAtRequest = new RequestType<Protocol.CompareAtParams, Protocol.CompareAtResult, void>(COMPARE_AT);
const disagreementsRequest = new RequestType<Protocol.DisagreementsParams, Protocol.DisagreementsResult, void>(DISAGREEMENTS);
const corpusRequest = new RequestType0<Protocol.CorpusResult, void>(CORPUS);
const statusNotification = new NotificationType<Protocol.StatusParams>(STATUS);
const SET_CHECKING: typeof Protocol.SET_CHECKING = 'corroborate/setChecking';
const setCheckingNotification = new NotificationType<Protocol.SetCheckingParams>(SET_CHECKING);
const SET_TRUST: typeof Protocol.SET_TRUST = 'corroborate/setTrust';
const setTrustNotification = new NotificationType<Protocol.SetTrustParams>(SET_TRUST);
/** workspaceState key: the URIs of the workspace folders whose checking is turned off. */
const CHECKING_OFF_KEY = 'corroborate.checkingOff';


export function documentSelector(languages: string[]): DocumentSelector {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private readonly output: vscode.LogOutputChannel;
  /** Commands the running server offers through workspace/executeCommand. */
  private serverCommands = new Set<string>();
  private readonly skippedDocuments = new Set<string>();
  private busy: Promise<void> = Promise.resolve();

  /** The last status of each workspace folder and project (by its corroborate.json), and the last status received. */
  private readonly statuses = new Map<string, Protocol.StatusParams>();
  private lastStatus: Protocol.StatusParams | undefined;
  state: ServerState = 'stopped';

  /** The status of the active editor's project (its nearest corroborate.json), else its workspace folder's, else the last. */
  get status(): Protocol.StatusParams | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const file = uri?.scheme === 'file' ? uri.fsPath : undefined;
    const project = file
      ? [...this.statuses.values()]
          .filter((s) => typeof s.config === 'string' && isInside(file, path.dirname(s.config)))
          .sort((a, b) => b.config!.length - a.config!.length)[0]
      : undefined;
    return project || (folder && this.statuses.get(folder.uri.fsPath)) || this.lastStatus;
  }
  private readonly statusEmitter = new vscode.EventEmitter<Protocol.StatusParams>();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeStatus = this.statusEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Corroborate', { log: true });
  }

  /** Start, stop and restart run one at a time, in the order asked. */
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  start(): Promise<void> {
    return this.serial(() => this.doStart());
  }

  restart(): Promise<void> {
    return this.serial(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  stop(): Promise<void> {
    return this.serial(() => this.doStop());
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(draftLanguages()),
      // didChangeConfiguration carries the `corroborate` section; the server also pulls it with workspace/configuration.
      synchronize: { configurationSection: SECTION },
      outputChannel: this.output,
      errorHandler: this.crashHandler(),
      middleware: { ...this.skipReports(), executeCommand: askDismissReason },
      // Folders whose checking was turned off stay off across restarts. An untrusted workspace's corroborate.json may
      // not name sources outside it (corroborate/setTrust lifts that when the user trusts the workspace).
      initializationOptions: { checkingOff: this.context.workspaceState.get<string[]>(CHECKING_OFF_KEY, []), trusted: vscode.workspace.isTrusted },
    };
    const client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
    this.keepOwnCommands(client);
    this.clientDisposables = [
      client.onNotification(statusNotification, (params) => {
        this.lastStatus = params;
        const key = typeof params.config === 'string' ? params.config : params.folder;
        if (typeof key === 'string') this.statuses.set(key, params);
        const all = this.statuses.size ? [...this.statuses.values()] : [params];
        setSourceRoots(all.flatMap((s) => (Array.isArray(s.roots) ? s.roots : [])));
        this.statusEmitter.fire(params);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.client === client) void client.sendNotification(setTrustNotification, { trusted: true });
      }),
      client.onDidChangeState((e) => {
        const state: ServerState = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
        this.setState(state);
      }),
    ];
    this.client = client;
    this.setState('starting');
    try {
      await client.start();
    } catch (err) {
      this.output.error(`the language server did not start: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Corroborate: the language server did not start (${errorText(err)}).`, 'Show Log').then((pick) => {
        if (pick) this.output.show(true);
      });
      this.setState('stopped');
    }
  }

  /** Logs write errors (a dead server's close follows them and decides); restarts a closed server unless it keeps crashing. */
  private crashHandler(): ErrorHandler {
    const policy = new CrashPolicy();
    return {
      error: (error, _message, count) => {
        this.output.warn(`writing to the language server failed (${count ?? 1}): ${errorText(error)}`);
        return { action: ErrorAction.Continue, handled: true };
      },
      closed: () => {
        const decision = policy.closed(Date.now());
        if (decision.restart) {
          this.output.warn('the language server stopped unexpectedly; restarting it');
          return { action: CloseAction.Restart, handled: true };
        }
        return { action: CloseAction.DoNotRestart, message: decision.message };
      },
    };
  }

  /** Turns checking of a workspace folder (the active editor's, else one picked) off or on, and remembers it. */
  async toggleChecking(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const active = vscode.window.activeTextEditor?.document.uri;
    let folder = (active && vscode.workspace.getWorkspaceFolder(active)) || (folders.length === 1 ? folders[0] : undefined);
    if (!folder && folders.length > 1) folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Turn Corroborate checking off or on for…' });
    if (!folder) return;
    const off = new Set(this.context.workspaceState.get<string[]>(CHECKING_OFF_KEY, []));
    const key = folder.uri.toString();
    const enabled = off.has(key);
    if (enabled) off.delete(key);
    else off.add(key);
    await this.context.workspaceState.update(CHECKING_OFF_KEY, [...off]);
    await this.client?.sendNotification(setCheckingNotification, { folder: key, enabled });
    void vscode.window.setStatusBarMessage(`Corroborate: checking ${enabled ? 'on' : 'off'} for ${folder.name}`, 3000);
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    for (const d of this.clientDisposables) d.dispose();
    this.clientDisposables = [];
    this.serverCommands.clear();
    try {
      await client.dispose(3000);
    } catch (err) {
      this.output.warn(`stopping the server: ${errorText(err)}`);
    }
    this.lastStatus = undefined;
    this.statuses.clear();
    this.setState('stopped');
  }

  private setState(state: ServerState): void {
    if (state === this.state) return;
    this.state = state;
    this.stateEmitter.fire(state);
  }

  /**
   * Our own fact-check reports (untitled Markdown) are not drafts: the server never hears of them, so it does not
   * flag the quotes they repeat. Decided once, when the document opens.
   */
  private skipReports(): Middleware {
    const skipped = this.skippedDocuments;
    const skip = (d: vscode.TextDocument) => skipped.has(d.uri.toString());
    return {
      didOpen: (document, next) => {
        if (document.isUntitled && isReport(document.getText())) {
          skipped.add(document.uri.toString());
          return Promise.resolve();
        }
        return next(document);
      },
      didChange: (event, next) => (skip(event.document) ? Promise.resolve() : next(event)),
      didSave: (document, next) => (skip(document) ? Promise.resolve() : next(document)),
      didClose: (document, next) => {
        if (skipped.delete(document.uri.toString())) return Promise.resolve();
        return next(document);
      },
      provideHover: (document, position, token, next) => (skip(document) ? undefined : next(document, position, token)),
      provideCodeActions: (document, range, context, token, next) => (skip(document) ? undefined : next(document, range, context, token)),
    };
  }

  /**
   * The server may offer a workspace/executeCommand with the same id as one of our palette commands
   * (e.g. corroborate.checkDocument). vscode-languageclient would register it as a VS Code command and fail on the
   * duplicate; instead we remember it and our own command forwards to the server.
   */
  private keepOwnCommands(client: LanguageClient): void {
    const feature = client.getFeature(ExecuteCommandRequest.method);
    const register = feature.register.bind(feature);
    feature.register = (data) => {
      const commands = data.registerOptions.commands ?? [];
      for (const c of commands) this.serverCommands.add(c);
      register({ ...data, registerOptions: { ...data.registerOptions, commands: commands.filter((c) => !CLIENT_COMMANDS.has(c)) } });
    };
  }

  offersCommand(command: string): boolean {
    return this.serverCommands.has(command);
  }

  private async running(): Promise<LanguageClient> {
    await this.busy;
    if (!this.client) await this.start();
    const client = this.client;
    if (!client || !client.isRunning()) throw new Error('the Corroborate language server is not running');
    return client;
  }

  async compareAt(uri: vscode.Uri, position: vscode.Position): Promise<Protocol.CompareAtResult> {
    const client = await this.running();
    return client.sendRequest(compareAtRequest, {
      uri: client.code2ProtocolConverter.asUri(uri),
      position: { line: position.line, character: position.character },
    });
  }

  /** One page of the corpus's disagreements, strongest first. */
  async disagreements(params: Protocol.DisagreementsParams = {}): Promise<Protocol.DisagreementsResult> {
    return (await this.running()).sendRequest(disagreementsRequest, params);
  }

  async corpus(): Promise<Protocol.CorpusResult> {
    return (await this.running()).sendRequest(corpusRequest);
  }

  async executeServerCommand(command: string, args: unknown[]): Promise<unknown> {
    return (await this.running()).sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** The server's document URI string for a VS Code URI, as the server sees it. */
  uriToServer(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    void this.stop().finally(() => {
      this.statusEmitter.dispose();
      this.stateEmitter.dispose();
      this.output.dispose();
    });
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}
