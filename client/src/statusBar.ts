// The status bar item: corpus size (from corroborate/status), findings in the active draft (its diagnostics with
// source "corroborate"), and indexing progress. A click opens the comparison panel.
import * as vscode from 'vscode';
import { isDraft } from './config';
import type { ServerManager } from './languageClient';
import { findingCount, statusView } from './statusText';

export const DIAGNOSTIC_SOURCE = 'corroborate';

/** The Corroborate diagnostics of a document. */
function corroborateDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** How many findings a document has (a capped draft's summary diagnostic counts the findings it stands for). */
export function corroborateFindingCount(uri: vscode.Uri): number {
  // vscode-languageclient keeps the LSP diagnostic's `data` on the vscode.Diagnostic it makes.
  return findingCount(corroborateDiagnostics(uri) as Array<vscode.Diagnostic & { data?: unknown }>);
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: ServerManager) {
    this.item = vscode.window.createStatusBarItem('status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Corroborate';
    this.disposables.push(
      server.onDidChangeStatus(() => this.update()),
      server.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
    this.item.show();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const findings = editor && isDraft(editor.document) ? corroborateFindingCount(editor.document.uri) : undefined;
    const view = statusView(this.server.state, this.server.status, findings);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
