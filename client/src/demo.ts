// Corroborate: Open Demo Draft (the walkthrough's first step). Opens the demo draft where the workspace already has
// it (the demo workspace, or this repository); otherwise copies the bundled demo (draft + seeds/ as sources) into the
// extension's storage and opens that folder, and the draft once the window has reopened on it.
import * as vscode from 'vscode';

/** A file at the root of the copied demo workspace; its presence makes activation open the draft. */
export const DEMO_MARKER = '.corroborate-demo';
const DRAFT = 'draft.md';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function openDraft(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
}

/** The demo draft in the open workspace, if there is one. */
async function draftInWorkspace(): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [DRAFT, 'client/demo/draft.md']) {
      const uri = vscode.Uri.joinPath(folder.uri, candidate);
      if (await exists(uri)) return uri;
    }
  }
  return undefined;
}

export async function openDemo(context: vscode.ExtensionContext): Promise<void> {
  const inWorkspace = await draftInWorkspace();
  if (inWorkspace) return openDraft(inWorkspace);

  const bundled = vscode.Uri.joinPath(context.extensionUri, 'client', 'demo');
  const seeds = vscode.Uri.joinPath(context.extensionUri, 'seeds');
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'demo');
  try {
    await vscode.workspace.fs.createDirectory(target);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, DRAFT), vscode.Uri.joinPath(target, DRAFT), { overwrite: true });
    await vscode.workspace.fs.copy(seeds, vscode.Uri.joinPath(target, 'seeds'), { overwrite: true });
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, DEMO_MARKER), new TextEncoder().encode('{"openDraft":"draft.md"}\n'));
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate: could not set up the demo: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const pick = await vscode.window.showInformationMessage(
    'Corroborate: the demo is a folder with a draft and its sources (seeds/). Open it?',
    { modal: true, detail: `It will open in ${vscode.workspace.workspaceFolders ? 'a new window' : 'this window'}: ${target.fsPath}` },
    'Open Demo',
  );
  if (pick !== 'Open Demo') return;
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: !!vscode.workspace.workspaceFolders });
}

/** On activation in the copied demo workspace, open the draft if no editor is open yet. */
export async function openDemoDraftOnStart(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || vscode.window.visibleTextEditors.length > 0) return;
  if (!(await exists(vscode.Uri.joinPath(folder.uri, DEMO_MARKER)))) return;
  const draft = vscode.Uri.joinPath(folder.uri, DRAFT);
  if (await exists(draft)) await openDraft(draft);
}
