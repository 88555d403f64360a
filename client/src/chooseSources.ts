// Corroborate: Choose Sources Folder… — a folder picker that writes `corroborate.sources` in the workspace settings.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from './config';

/** A folder as the setting stores it: relative to its workspace folder when inside one (portable), else absolute. */
export function settingPathFor(folder: vscode.Uri): string {
  const owner = vscode.workspace.getWorkspaceFolder(folder);
  if (owner && owner.uri.scheme === folder.scheme) {
    const rel = path.relative(owner.uri.fsPath, folder.fsPath);
    if (rel === '') return '.';
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return folder.fsPath;
}

export async function chooseSources(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<string[]>('sources') ?? [];
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: 'Corroborate: choose the folders that hold your sources',
    openLabel: 'Use as Sources',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: root,
  });
  if (!picked || picked.length === 0) return;
  const folders = [...new Set(picked.map(settingPathFor))];
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  try {
    await config.update('sources', folders, target);
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate: could not save the sources setting: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const where = target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user';
  const was = current.length ? ` (was ${current.join(', ')})` : '';
  void vscode.window.showInformationMessage(`Corroborate: sources set to ${folders.join(', ')} in the ${where} settings${was}. Re-indexing…`);
}
