// Corroborate's VS Code extension: starts the language server and adds the commands, the status bar item and
// the source-comparison panel. Everything about facts lives in the server; this is the VS Code face of it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { chooseSources } from './chooseSources';
import { Commands } from './commandIds';
import { ComparisonPanel } from './comparisonPanel';
import { activeDraftEditor, draftLanguages, SECTION } from './config';
import { openDemo, openDemoDraftOnStart } from './demo';
import { exportReport } from './exportReport';
import { errorText, ServerManager, type ServerState } from './languageClient';
import { openSourceAt } from './openSource';
import { corroborateFindingCount, StatusBar } from './statusBar';

/** What activate() returns, for integration tests and other extensions. */
export interface CorroborateApi {
  serverState(): ServerState;
  status(): StatusParams | undefined;
  onDidChangeStatus: vscode.Event<StatusParams>;
  /** Resolves once the server has reported a ready corpus (or after `timeoutMs`, with false). */
  whenReady(timeoutMs?: number): Promise<boolean>;
}

let server: ServerManager | undefined;

/** Why the server did not check a document (its checkDocument result's `skipped`). */
const SKIP_REASONS: Record<string, string> = {
  language: 'its language is not in corroborate.languages',
  source: 'it is one of the sources',
  'too-big': 'it is larger than corroborate.maxDraftBytes',
  binary: 'it does not look like text',
  'no-corpus': 'no sources folder was found (see corroborate.sources, or run Corroborate: Choose Sources Folder…)',
  error: 'the check failed (see the Corroborate output)',
};

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  server = new ServerManager(context);
  const srv = server;
  const statusBar = new StatusBar(srv);
  context.subscriptions.push(srv, statusBar, { dispose: () => ComparisonPanel.instance?.dispose() });

  const setLanguagesContext = () => vscode.commands.executeCommand('setContext', 'corroborate.draftLanguages', draftLanguages());
  void setLanguagesContext();

  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (err) {
          void vscode.window.showErrorMessage(`Corroborate: ${errorText(err)}`);
          return undefined;
        }
      }),
    );

  /** The draft a command is about: the active editor, else the one the panel follows. */
  const draftEditor = (): vscode.TextEditor | undefined => activeDraftEditor() ?? ComparisonPanel.instance?.draftEditor();
  const needDraft = (what: string): vscode.TextEditor | undefined => {
    const editor = draftEditor();
    if (!editor) {
      const langs = draftLanguages().join(', ');
      void vscode.window.showInformationMessage(`Corroborate: open a draft (${langs}) to ${what}.`);
    }
    return editor;
  };

  register(Commands.checkDocument, async () => {
    const editor = needDraft('check it');
    if (!editor) return;
    const uri = editor.document.uri;
    const name = path.basename(uri.fsPath || uri.path);
    const settled = diagnosticsSettled(uri, 3000);
    let result: unknown;
    try {
      result = await srv.executeServerCommand(Commands.checkDocument, [srv.uriToServer(uri)]);
    } catch (err) {
      if (!srv.offersCommand(Commands.checkDocument)) {
        void vscode.window.showWarningMessage('Corroborate: this server cannot re-check on request; findings still update as you type.');
        return;
      }
      throw err;
    }
    const skipped = (result as { skipped?: unknown } | undefined)?.skipped;
    if (typeof skipped === 'string') {
      void vscode.window.showInformationMessage(`Corroborate: ${name} was not checked: ${SKIP_REASONS[skipped] ?? skipped}.`);
      return;
    }
    await settled;
    const n = corroborateFindingCount(uri);
    vscode.window.setStatusBarMessage(`Corroborate: ${n} ${n === 1 ? 'finding' : 'findings'} in ${name}`, 5000);
  });

  register(Commands.compareAtCursor, async () => {
    const editor = needDraft('compare a claim with the sources');
    if (!editor) return;
    const panel = ComparisonPanel.show(context, srv, false);
    await panel.compareAt(editor);
  });

  register(Commands.openPanel, async () => {
    const panel = ComparisonPanel.show(context, srv, true);
    const editor = draftEditor();
    if (editor) await panel.compareAt(editor, { quiet: true });
  });

  register(Commands.showDisagreements, () => {
    ComparisonPanel.show(context, srv, true).showTab('disagreements');
  });

  register(Commands.chooseSources, () => chooseSources());

  register(Commands.exportReport, async () => {
    const editor = needDraft('export its fact-check report');
    if (editor) await exportReport(editor, srv);
  });

  register(Commands.restartServer, async () => {
    await srv.restart();
    if (srv.state !== 'stopped') vscode.window.setStatusBarMessage('Corroborate: language server restarted', 4000);
  });

  register(Commands.openDemo, () => openDemo(context));
  register(Commands.toggleChecking, () => srv.toggleChecking());

  register(Commands.openSource, (target: unknown, range: unknown) => openSourceAt(target, range));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a new list of languages needs a new client.
      if (e.affectsConfiguration(`${SECTION}.languages`)) {
        void setLanguagesContext();
        void srv.restart();
      }
    }),
  );

  void srv.start();
  void openDemoDraftOnStart().catch(() => undefined);

  return {
    serverState: () => srv.state,
    status: () => srv.status,
    onDidChangeStatus: srv.onDidChangeStatus,
    whenReady: (timeoutMs = 30_000) =>
      new Promise<boolean>((resolve) => {
        if (srv.status?.state === 'ready') return resolve(true);
        const timer = setTimeout(() => {
          sub.dispose();
          resolve(false);
        }, timeoutMs);
        const sub = srv.onDidChangeStatus((s) => {
          if (s.state !== 'ready') return;
          clearTimeout(timer);
          sub.dispose();
          resolve(true);
        });
      }),
  };
}

/** Resolves when `uri`'s diagnostics next change, or after `timeoutMs`. */
function diagnosticsSettled(uri: vscode.Uri, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const key = uri.toString();
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) done();
    });
  });
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
