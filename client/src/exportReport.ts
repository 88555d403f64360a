// Corroborate: Export Fact-Check Report — the server builds the active draft's sign-off report
// (corroborate.buildReport); it opens as Markdown beside the draft, and can be saved as printable HTML.
import * as vscode from 'vscode';
import type { BuildReportResult } from '../../server/src/lsp/commands';
import { errorText, type ServerManager } from './languageClient';

const BUILD_REPORT = 'corroborate.buildReport';
const SAVE_HTML = 'Save as HTML…';

async function build(server: ServerManager, uri: vscode.Uri, format: BuildReportResult['format']): Promise<string> {
  const result = (await server.executeServerCommand(BUILD_REPORT, [server.uriToServer(uri), format])) as BuildReportResult;
  return result.content;
}

export async function exportReport(editor: vscode.TextEditor, server: ServerManager): Promise<void> {
  const draft = editor.document.uri;
  let markdown: string;
  try {
    markdown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Corroborate: building the fact-check report' },
      () => build(server, draft, 'md'),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate could not build the report: ${errorText(err)}`);
    return;
  }
  const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(report, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  const choice = await vscode.window.showInformationMessage('Fact-check report ready.', SAVE_HTML);
  if (choice === SAVE_HTML) await saveHtml(server, draft);
}

async function saveHtml(server: ServerManager, draft: vscode.Uri): Promise<void> {
  const name = draft.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'draft';
  const folder = vscode.workspace.getWorkspaceFolder(draft)?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.report.html`) : undefined,
    filters: { HTML: ['html'] },
    saveLabel: 'Save report',
  });
  if (!target) return;
  try {
    const html = await build(server, draft, 'html');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    await vscode.env.openExternal(target);
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate could not save the report: ${errorText(err)}`);
  }
}
