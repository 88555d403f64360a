// Corroborate language server. Pure LSP (no VS Code API), so any client can use it:
//   node dist/server.js --stdio [--sources DIR]...      (also --node-ipc, --socket=PORT, --pipe=NAME)
// The features live in ./lsp, one file each; this file parses arguments and wires them together.
// The same bundle, started as a worker thread, is the engine worker (see lsp/engineHost.ts).
import {
  CodeActionKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionProvider } from './lsp/codeActions';
import { COMMANDS, registerCommands } from './lsp/commands';
import { Configuration, initialSettingsOf } from './lsp/configuration';
import {
  capabilitiesOf,
  errorText,
  makeLog,
  makeNotify,
  uriToPath,
  workspaceFoldersOf,
  type ServerContext,
} from './lsp/context';
import { CorpusManager } from './lsp/corpusManager';
import { Diagnostics } from './lsp/diagnostics';
import { EngineHost, isEngineWorker, LARGE_DRAFT_CHARS, runEngineWorker } from './lsp/engineHost';
import { HoverProvider } from './lsp/hover';
import { registerRequests } from './lsp/requests';
import { requirePositionParams, requireRangeParams } from './lsp/params';
import { stdioTransport } from './lsp/transport';
import { SET_CHECKING, SET_TRUST, type SetCheckingParams, type SetTrustParams } from './lsp/protocol';
// esbuild inlines just this field at build time, as for the CLI's --version and the report's engine version.
import { version as VERSION } from '../../package.json';
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

function usage(): string {
  return [
    'Corroborate language server',
    '',
    'usage: corroborate-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--sources DIR]...',
    '',
    '  --stdio          talk LSP over stdin/stdout (the default)',
    '  --node-ipc       talk LSP over node IPC (when started with child_process.fork)',
    '  --sources DIR    the folder of sources to check drafts against (repeatable); overrides settings',
    '  --engine-thread  check every draft in a worker thread (drafts of 100,000 characters or more always are; twice the memory)',
    '',
  ].join('\n');
}

/** `--sources DIR` / `--sources=DIR`, repeatable. */
export function parseSourcesArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sources' && i + 1 < argv.length) out.push(argv[++i]);
    else if (a.startsWith('--sources=')) out.push(a.slice('--sources='.length));
  }
  return out.filter((s) => s.length > 0);
}

if (isEngineWorker()) runEngineWorker();
else startServer();

function startServer(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(usage());
    process.exit(0);
  }
  if (args.includes('--version')) {
    process.stderr.write(`${VERSION}\n`);
    process.exit(0);
  }
  // Without a transport flag, stdio (what most editors' configs expect from `corroborate-server`).
  if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');

  // stdio gets our own reader and writer, to answer bodies that are not JSON (see lsp/transport.ts).
  const connection = args.includes('--stdio') || process.argv.includes('--stdio')
    ? createConnection(ProposedFeatures.all, ...stdioTransport())
    : createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const log = makeLog(connection);
  const ctx: ServerContext = {
    connection,
    documents,
    capabilities: capabilitiesOf({}),
    workspaceFolders: [process.cwd()],
    cliSources: parseSourcesArgs(args),
    initSources: [],
    trusted: true,
    log,
    notify: makeNotify(connection, log),
  };

  // Bad input must never kill the server: anything that escapes a handler is logged, and serving goes on.
  process.on('uncaughtException', (err) => log.error(`unexpected error: ${err.stack ?? errorText(err)}`));
  process.on('unhandledRejection', (reason) => log.error(`unexpected rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  const config = new Configuration(ctx);
  const corpus = new CorpusManager(ctx, (folder) => config.forFolder(folder));
  // Checks run in-process by default: paragraph caching keeps a keystroke's re-check to milliseconds, and a second
  // thread would hold a second copy of the corpus (880 MB instead of ~400 MB at 10,000 sources, measured) and index it
  // twice at start-up. Only drafts of LARGE_DRAFT_CHARS or more go to a worker thread (the bundle itself), started
  // when the first one is opened, so they never block other drafts; `--engine-thread` sends every check there.
  const engine = new EngineHost(ctx, __filename, args.includes('--engine-thread') ? 0 : LARGE_DRAFT_CHARS);
  const diagnostics = new Diagnostics(ctx, config, corpus, engine);
  const hover = new HoverProvider(ctx, corpus, diagnostics, engine);
  const codeActions = new CodeActionProvider(ctx, diagnostics);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    ctx.capabilities = capabilitiesOf(params.capabilities ?? {});
    ctx.workspaceFolders = workspaceFoldersOf(params);
    const init = params.initializationOptions as Record<string, unknown> | undefined | null;
    // `{ sources, severity, … }`, or the same under `corroborate`, `settings` or `settings.corroborate` (Neovim's shape).
    const initSettings = initialSettingsOf(init);
    const initSources = initSettings && typeof initSettings === 'object' ? (initSettings as Record<string, unknown>).sources : undefined;
    ctx.initSources = typeof initSources === 'string' ? [initSources] : Array.isArray(initSources) ? initSources.filter((s): s is string => typeof s === 'string') : [];
    // The bottom layer of the settings: what the client pushes or answers merges over it, key by key.
    config.setInitial(initSettings);
    // Only an explicit `false` is untrusted: clients that say nothing (Neovim) are trusted.
    ctx.trusted = !(init && typeof init === 'object' && init.trusted === false);
    const checkingOff = init && typeof init === 'object' && Array.isArray(init.checkingOff) ? init.checkingOff : [];
    for (const uri of checkingOff) {
      const folder = typeof uri === 'string' ? uriToPath(uri) : undefined;
      if (folder && ctx.workspaceFolders.includes(folder)) {
        corpus.sync();
        corpus.setChecking(folder, false);
      }
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        executeCommandProvider: { commands: COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    await config.register(connection);
    if (ctx.capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
        ctx.workspaceFolders = [...ctx.workspaceFolders.filter((w) => !removed.has(w)), ...added];
        if (ctx.workspaceFolders.length === 0) ctx.workspaceFolders = [process.cwd()];
        // Each folder has its own settings (scopeUri) and sources: ask again, then load the new folders.
        void config.refresh().then(() => corpus.reload(), (err) => log.error(`reading settings failed: ${errorText(err)}`));
      });
    }
    try {
      await config.refresh();
    } catch (err) {
      log.error(`reading settings failed: ${errorText(err)}`);
    }
    ctx.log.info(`Corroborate ${VERSION} serving ${ctx.workspaceFolders.join(', ')}`);
    void corpus.reload();
  });

  connection.onDidChangeConfiguration(async (change) => {
    try {
      const { changed } = await config.refresh(change?.settings ?? null);
      if (!changed) return;
      // New source folders reload the corpus (and re-check when done); any other change just re-checks.
      await corpus.reload();
      diagnostics.scheduleAll();
    } catch (err) {
      log.error(`applying settings failed: ${errorText(err)}`);
    }
  });

  corpus.onDidChange(() => diagnostics.scheduleAll());
  connection.onNotification(SET_CHECKING, (params: SetCheckingParams) => {
    const folder = params && typeof params.folder === 'string' ? (uriToPath(params.folder) ?? params.folder) : undefined;
    if (!folder || typeof params.enabled !== 'boolean' || !corpus.setChecking(folder, params.enabled)) {
      log.warn(`${SET_CHECKING}: no workspace folder ${JSON.stringify(params?.folder)}`);
    }
  });

  connection.onNotification(SET_TRUST, (params: SetTrustParams) => {
    if (params?.trusted !== true || ctx.trusted) return;
    ctx.trusted = true;
    log.info('the workspace is trusted now: reading every source folder corroborate.json names');
    void corpus.reload().catch((err) => log.error(`reload failed: ${errorText(err)}`));
  });

  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri, justOpened.delete(e.document.uri)));
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    diagnostics.closed(e.document.uri);
  });

  connection.onHover((params) => hover.hover(requirePositionParams('textDocument/hover', params)));
  connection.onCodeAction((params) => codeActions.codeActions(requireRangeParams('textDocument/codeAction', params)));
  registerCommands(ctx, diagnostics, corpus);
  registerRequests(ctx, corpus, engine);

  connection.onShutdown(async () => {
    diagnostics.dispose();
    corpus.dispose();
    await engine.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
