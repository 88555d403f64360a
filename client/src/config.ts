// The extension's own view of the `corroborate` settings (the server reads them itself via workspace/configuration).
import * as vscode from 'vscode';

export const SECTION = 'corroborate';
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

/** Language ids of drafts, from `corroborate.languages`; the default when the setting is malformed or empty. */
export function draftLanguages(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('languages');
  if (!Array.isArray(value)) return DEFAULT_LANGUAGES;
  const ids = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return ids.length > 0 ? [...new Set(ids)] : DEFAULT_LANGUAGES;
}

export function isDraft(document: vscode.TextDocument): boolean {
  return draftLanguages().includes(document.languageId) && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

/** The active editor when it shows a draft. */
export function activeDraftEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isDraft(editor.document) ? editor : undefined;
}
