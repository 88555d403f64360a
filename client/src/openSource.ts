// Opens a source file with a passage selected: for clicks in the comparison panel and command links in hovers.
import * as vscode from 'vscode';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function isPosition(v: unknown): v is { line: number; character: number } {
  return !!v && typeof v === 'object' && Number.isInteger((v as { line: unknown }).line) && Number.isInteger((v as { character: unknown }).character);
}

function toRange(v: unknown): vscode.Range | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Partial<LspRange>;
  if (isPosition(r.start) && isPosition(r.end)) return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  if (isPosition(v)) return new vscode.Range(v.line, v.character, v.line, v.character);
  return undefined;
}

function toUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^[a-z][a-z0-9+.-]+:/i.test(v) && !/^[a-z]:[\\/]/i.test(v)) {
    try {
      return vscode.Uri.parse(v, true);
    } catch {
      return undefined;
    }
  }
  return vscode.Uri.file(v);
}

/** Opens `target` (a path, a URI string or a Uri) with `range` selected and revealed. */
export async function openSourceAt(target: unknown, range?: unknown, column?: vscode.ViewColumn): Promise<void> {
  // A single object argument, as a hover link may send it: { uri | path, range }.
  if (target && typeof target === 'object' && !(target instanceof vscode.Uri)) {
    const t = target as { uri?: unknown; path?: unknown; range?: unknown };
    return openSourceAt(t.uri ?? t.path, t.range ?? range, column);
  }
  const uri = toUri(target);
  if (!uri) {
    void vscode.window.showWarningMessage('Corroborate: no source to open.');
    return;
  }
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const wanted = toRange(range);
    const selection = wanted ? document.validateRange(wanted) : undefined;
    await vscode.window.showTextDocument(document, {
      viewColumn: column ?? vscode.ViewColumn.One,
      preview: true,
      selection,
    });
    const editor = vscode.window.activeTextEditor;
    if (editor && selection && editor.document === document) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (err) {
    void vscode.window.showErrorMessage(`Corroborate: could not open ${uri.fsPath || uri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
