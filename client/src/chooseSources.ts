// Corroborate: Choose Sources Folder… — a folder picker that writes `corroborate.sources` in the workspace settings
// (in a multi-root workspace, in the settings of the active editor's folder: each folder has its own sources).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadConfigFor } from '../../server/src/config';
import { SECTION } from './config';

/** A folder as the setting stores it: relative to its workspace folder when inside one (portable), else absolute. */
export function settingPathFor(folder: vscode.Uri, scope?: vscode.WorkspaceFolder): string {
  const owner = vscode.workspace.getWorkspaceFolder(folder);
  if (owner && owner.uri.scheme === folder.scheme && (!scope || scope.uri.toString() === owner.uri.toString())) {
    const rel = path.relative(owner.uri.fsPath, folder.fsPath);
    if (rel === '') return '.';
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return folder.fsPath;
}

export async function chooseSources(): Promise<void> {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const scope = (active && vscode.workspace.getWorkspaceFolder(active)) || workspaceFolders[0];
  const multiRoot = workspaceFolders.length > 1 && scope !== undefined;
  const config = vscode.workspace.getConfiguration(SECTION, scope?.uri);
  const current = config.get<string[]>('sources') ?? [];
  const root = scope?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: 'Corroborate: choose the folders that hold your sources',
    openLabel: 'Use as Sources',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: root,
  });
  if (!picked || picked.length === 0) return;
  const folders = [...new Set(picked.map((uri) => settingPathFor(uri, multiRoot ? scope : undefined)))];
  const target = multiRoot
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : workspaceFolders.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  try {
    await config.update('sources', folders, target);
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate: could not save the sources setting: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const where = target === vscode.ConfigurationTarget.WorkspaceFolder ? `${scope?.name} folder` : target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user';
  const was = current.length ? ` (was ${current.join(', ')})` : '';
  // A corroborate.json that names sources wins over the setting: say so rather than seem to have worked.
  const project = scope?.uri.scheme === 'file' ? loadConfigFor(scope.uri.fsPath)?.config : undefined;
  if (project?.sources) {
    void vscode.window.showWarningMessage(`Corroborate: sources set to ${folders.join(', ')} in the ${where} settings${was}, but ${project.file} names its own sources (${project.sources.join(', ')}), which are used instead. Edit "sources" there.`);
    return;
  }
  void vscode.window.showInformationMessage(`Corroborate: sources set to ${folders.join(', ')} in the ${where} settings${was}. Re-indexing…`);
}
