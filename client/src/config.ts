// The extension's own view of the `corroborate` settings (the server reads them itself via workspace/configuration).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isReport } from './report';

export const SECTION = 'corroborate';
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

/** Language ids of drafts, from `corroborate.languages`; the default when the setting is malformed or empty. */
export function draftLanguages(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('languages');
  if (!Array.isArray(value)) return DEFAULT_LANGUAGES;
  const ids = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return ids.length > 0 ? [...new Set(ids)] : DEFAULT_LANGUAGES;
}

let sourceRoots: string[] = [];

/** The folders the server reads sources from (its last corroborate/status): files in them are not drafts. */
export function setSourceRoots(roots: string[]): void {
  sourceRoots = roots.map((r) => path.resolve(r));
}

function inSourceRoot(file: string): boolean {
  return sourceRoots.some((root) => {
    const rel = path.relative(root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

export function isDraft(document: vscode.TextDocument): boolean {
  if (!draftLanguages().includes(document.languageId)) return false;
  if (document.uri.scheme === 'file') return !inSourceRoot(document.uri.fsPath);
  // Our own fact-check reports are untitled Markdown but not drafts.
  return document.uri.scheme === 'untitled' && !(document.lineCount > 0 && isReport(document.lineAt(0).text));
}

/** The active editor when it shows a draft. */
export function activeDraftEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isDraft(editor.document) ? editor : undefined;
}
