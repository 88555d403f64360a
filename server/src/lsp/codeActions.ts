// Quick fixes for Corroborate diagnostics: put in the sources' wording (one action per suggestion, the first
// preferred), ignore this finding (a disable-next-line comment above its line), or turn the rule off for the file
// (a disable comment at the top, after any front matter), or dismiss it with a reason (recorded in the project's
// dismissals file by the corroborate.dismiss command; VS Code asks for the reason, other editors pass it as the
// command's 4th argument). The engine honours both comments and the dismissals.
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_IDS, type RuleId } from '../model/types';
import type { ServerContext } from './context';
import { SOURCE, rangesOverlap, sameRange, toDiagnostic, type DiagnosticData } from './convert';
import type { Diagnostics } from './diagnostics';
import { DISMISS } from './dismissals';
import { ACCEPT_SPELLING, acceptSpellingTitle } from './acceptSpelling';

export const DISMISS_TITLE = 'Dismiss with a reason…';

export const disableNextLineComment = (rule: string) => `<!-- corroborate-disable-next-line ${rule} -->`;
export const disableFileComment = (rule: string) => `<!-- corroborate-disable ${rule} -->`;

export class CodeActionProvider {
  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: Diagnostics,
  ) {}

  codeActions(params: CodeActionParams): CodeAction[] {
    const doc = this.ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context?.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) {
      return [];
    }
    const ours = (Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []).filter(
      (d) => d && d.range && d.source === SOURCE && ruleOf(d) !== undefined && rangesOverlap(d.range, params.range),
    );
    // Findings past the published cap have no diagnostic in the editor: their fixes are offered all the same.
    ours.push(...this.diagnostics.hiddenAt(doc, params.range).map(toDiagnostic));
    const fixes: CodeAction[] = [];
    const ignores: CodeAction[] = [];
    const dismissals: CodeAction[] = [];
    // A dismissal is recorded against the draft's path in its project: saved drafts only.
    const saved = doc.uri.startsWith('file:');
    const disables = new Map<RuleId, CodeAction>();
    for (const d of ours) {
      const rule = ruleOf(d)!;
      const suggestions = this.suggestionsFor(doc, d, rule);
      suggestions.forEach((s, i) => {
        fixes.push({
          title: suggestions.length > 1 ? `Replace with the sources' wording (${i + 1}): “${s}”` : `Replace with the sources' wording: “${s}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: this.edit(doc, [TextEdit.replace(d.range, s)]),
        });
      });
      ignores.push({
        title: `Ignore this ${rule} finding`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: this.edit(doc, [ignoreLineEdit(doc, d.range.start.line, rule)]),
      });
      if (saved && rule === 'name/misspelled' && suggestions.length > 0) {
        // The draft's spelling becomes the house spelling, the sources' one its accepted variant (corroborate.json).
        const spelling = doc.getText(d.range);
        dismissals.push({
          title: acceptSpellingTitle(spelling),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: acceptSpellingTitle(spelling), command: ACCEPT_SPELLING, arguments: [doc.uri, spelling, suggestions[0]] },
        });
      }
      if (saved) {
        dismissals.push({
          title: DISMISS_TITLE,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: DISMISS_TITLE, command: DISMISS, arguments: [doc.uri, rule, d.range] },
        });
      }
      if (!disables.has(rule)) {
        disables.set(rule, {
          title: `Disable ${rule} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: ours.filter((x) => ruleOf(x) === rule),
          edit: this.edit(doc, [disableFileEdit(doc, rule)]),
        });
      }
    }
    return [...fixes, ...dismissals, ...ignores, ...disables.values()];
  }

  /** The finding's suggestions: from our own last check when it matches, else what the diagnostic carried. */
  private suggestionsFor(doc: TextDocument, d: Diagnostic, rule: RuleId): string[] {
    const current = this.diagnostics.findingsFor(doc);
    const finding = current?.find((f) => f.rule === rule && sameRange(f.range, d.range));
    if (finding) return dedupe(finding.suggestions);
    const data = d.data as Partial<DiagnosticData> | undefined;
    return Array.isArray(data?.suggestions) ? dedupe(data.suggestions.filter((s): s is string => typeof s === 'string')) : [];
  }

  private edit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.ctx.capabilities.documentChanges) {
      return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
    }
    return { changes: { [doc.uri]: edits } };
  }
}

function ruleOf(d: Diagnostic): RuleId | undefined {
  const code = typeof d.code === 'string' ? d.code : (d.data as Partial<DiagnosticData> | undefined)?.rule;
  return code && (RULE_IDS as readonly string[]).includes(code) ? (code as RuleId) : undefined;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function eolOf(doc: TextDocument): string {
  const text = doc.getText();
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** `<!-- corroborate-disable-next-line RULE -->` on its own line above `line`, with the line's indentation. */
export function ignoreLineEdit(doc: TextDocument, line: number, rule: string): TextEdit {
  const indent = /^[ \t]*/.exec(lineText(doc, line))?.[0] ?? '';
  return TextEdit.insert({ line, character: 0 }, `${indent}${disableNextLineComment(rule)}${eolOf(doc)}`);
}

/** `<!-- corroborate-disable RULE -->` at the top of the file, after YAML/TOML front matter when there is some. */
export function disableFileEdit(doc: TextDocument, rule: string): TextEdit {
  const eol = eolOf(doc);
  const line = frontMatterEnd(doc);
  if (line === undefined) return TextEdit.insert({ line: 0, character: 0 }, `${disableFileComment(rule)}${eol}`);
  if (line >= doc.lineCount) {
    // Front matter closes on the last line, with no newline after it.
    const last = lineText(doc, line - 1);
    return TextEdit.insert({ line: line - 1, character: last.length }, `${eol}${disableFileComment(rule)}${eol}`);
  }
  return TextEdit.insert({ line, character: 0 }, `${disableFileComment(rule)}${eol}`);
}

/** The line after the front matter's closing fence, or undefined when the document has no front matter. */
export function frontMatterEnd(doc: TextDocument): number | undefined {
  const first = lineText(doc, 0).replace(/^\uFEFF/, '').trimEnd();
  const fence = first === '---' ? /^(---|\.\.\.)\s*$/ : first === '+++' ? /^\+\+\+\s*$/ : undefined;
  if (!fence) return undefined;
  const limit = Math.min(doc.lineCount, 500);
  for (let line = 1; line < limit; line++) {
    if (fence.test(lineText(doc, line))) return line + 1;
  }
  return undefined;
}
