// Corroborate: Export Fact-Check Report — the active draft's Corroborate diagnostics as Markdown in a new
// untitled document. The Markdown itself is built by report.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerManager } from './languageClient';
import { buildReport, type ReportFinding } from './report';
import { corroborateDiagnostics } from './statusBar';

const SEVERITY: Record<vscode.DiagnosticSeverity, ReportFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function ruleOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return 'corroborate';
  return typeof c === 'object' ? String(c.value) : String(c);
}

function displayPath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') : uri.fsPath || uri.toString();
}

export async function exportReport(editor: vscode.TextEditor, server: ServerManager): Promise<void> {
  const document = editor.document;
  const findings: ReportFinding[] = corroborateDiagnostics(document.uri).map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    rule: ruleOf(d),
    severity: SEVERITY[d.severity] ?? 'information',
    message: d.message,
    text: document.getText(d.range),
    evidence: (d.relatedInformation ?? []).map((r) => ({
      location: `${displayPath(r.location.uri)}:${r.location.range.start.line + 1}`,
      message: r.message,
    })),
  }));

  let corpus: Awaited<ReturnType<ServerManager['corpus']>> | undefined;
  try {
    corpus = await Promise.race([server.corpus(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000))]);
  } catch {
    corpus = undefined; // the report still lists the findings
  }
  const name = (p: string) => displayPath(vscode.Uri.file(p));
  const markdown = buildReport({
    draft: document.isUntitled ? document.uri.path : displayPath(document.uri),
    checkedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    findings,
    roots: corpus?.roots.map(name),
    sources: corpus?.sources.map((s) => ({ name: name(s.path), title: s.title, date: s.date?.iso })),
    problems: corpus?.problems.map((p) => ({ name: name(p.path), reason: p.reason })),
  });
  const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(report, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
