// The source-comparison panel: a webview showing the claim at the cursor across every source, and a second tab
// with the facts on which the sources disagree corpus-wide. The HTML comes from panelHtml.ts (pure, escaped);
// this file owns the webview, the requests to the server and the messages from the page.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerManager } from './languageClient';
import { errorText } from './languageClient';
import { isDraft } from './config';
import { openSourceAt } from './openSource';
import { makeNonce, renderPanel, type OpenTarget, type PanelState, type PanelTab } from './panelHtml';

const VIEW_TYPE = 'corroborate.comparison';
const FOLLOW_DELAY_MS = 350;
const AFTER_EDIT_DELAY_MS = 800;

interface Query {
  uri: vscode.Uri;
  position: vscode.Position;
  column: vscode.ViewColumn | undefined;
}

type Message = { type: 'ready' } | { type: 'tab'; tab: PanelTab } | { type: 'open'; index: number } | { type: 'compareAtCursor' } | { type: 'refreshDisagreements' } | { type: 'moreDisagreements' };

function parseMessage(raw: unknown): Message | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'compareAtCursor':
    case 'refreshDisagreements':
    case 'moreDisagreements':
      return { type: m.type };
    case 'tab':
      return m.tab === 'compare' || m.tab === 'disagreements' ? { type: 'tab', tab: m.tab } : undefined;
    case 'open':
      return typeof m.index === 'number' && Number.isInteger(m.index) ? { type: 'open', index: m.index } : undefined;
    default:
      return undefined;
  }
}

export class ComparisonPanel implements vscode.Disposable {
  private static current: ComparisonPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private state: PanelState = { tab: 'compare', comparison: null, disagreements: null };
  private targets: OpenTarget[] = [];
  private query: Query | undefined;
  private compareSeq = 0;
  private disagreementsSeq = 0;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private lastDraft: vscode.TextEditor | undefined;

  /** The open panel, if any. */
  static get instance(): ComparisonPanel | undefined {
    return ComparisonPanel.current;
  }

  /** Opens (or reveals) the panel. `focus`: move the keyboard into it. */
  static show(context: vscode.ExtensionContext, server: ServerManager, focus: boolean): ComparisonPanel {
    const existing = ComparisonPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, !focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Corroborate: Compare Sources',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: !focus },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'media')],
      },
    );
    ComparisonPanel.current = new ComparisonPanel(panel, context, server);
    return ComparisonPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerManager,
  ) {
    const active = vscode.window.activeTextEditor;
    if (active && isDraft(active.document)) this.lastDraft = active;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDraft(editor.document)) this.lastDraft = editor;
      }),
      // The panel follows the cursor: a claim under the cursor replaces the one shown; elsewhere the last one stays.
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!isDraft(e.textEditor.document) || !this.panel.visible) return;
        this.lastDraft = e.textEditor;
        this.schedule(() => void this.compareAt(e.textEditor, { quiet: true }), FOLLOW_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.query || e.document.uri.toString() !== this.query.uri.toString() || e.contentChanges.length === 0) return;
        this.schedule(() => void this.refreshComparison(), AFTER_EDIT_DELAY_MS);
      }),
      server.onDidChangeStatus((status) => {
        if (status.state !== 'ready') return;
        void this.refreshComparison();
        if (this.state.disagreements !== null || this.state.tab === 'disagreements') void this.loadDisagreements();
      }),
    );
    this.render();
  }

  private schedule(work: () => void, delay: number): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      work();
    }, delay);
  }

  /** The draft editor comparisons are about: the active one, else the last draft the user was in. */
  draftEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isDraft(active.document)) return active;
    if (this.lastDraft && vscode.window.visibleTextEditors.includes(this.lastDraft)) return this.lastDraft;
    return vscode.window.visibleTextEditors.find((e) => isDraft(e.document));
  }

  showTab(tab: PanelTab): void {
    this.state.tab = tab;
    if (tab === 'disagreements' && this.state.disagreements === null && !this.state.loading?.disagreements) void this.loadDisagreements();
    this.render();
  }

  /** Compares the claim at the editor's cursor. `quiet`: when there is no claim there, keep the last one silently. */
  async compareAt(editor: vscode.TextEditor, options: { quiet?: boolean } = {}): Promise<void> {
    this.lastDraft = editor;
    await this.runCompare({ uri: editor.document.uri, position: editor.selection.active, column: editor.viewColumn }, options.quiet ?? false);
  }

  private async refreshComparison(): Promise<void> {
    if (this.query) await this.runCompare(this.query, true);
  }

  private async runCompare(query: Query, quiet: boolean): Promise<void> {
    const seq = ++this.compareSeq;
    if (!quiet) {
      this.state.loading = { ...this.state.loading, compare: true };
      this.render();
    }
    try {
      const result = await this.server.compareAt(query.uri, query.position);
      if (seq !== this.compareSeq) return; // a newer request has been made
      this.state.errors = { ...this.state.errors, compare: undefined };
      if (result) {
        this.query = query;
        this.state.comparison = result;
        this.state.draftLabel = `${path.basename(query.uri.fsPath || query.uri.path)}, line ${result.claim.range.start.line + 1}`;
        this.state.notice = undefined;
        this.panel.title = `Sources: ${truncate(result.claim.text, 30)}`;
      } else if (!quiet) {
        this.state.notice = `No quote, figure, date or name at line ${query.position.line + 1}, column ${query.position.character + 1}.`;
      } else return;
    } catch (err) {
      if (seq !== this.compareSeq) return;
      if (quiet && this.state.comparison) return;
      this.state.errors = { ...this.state.errors, compare: `Could not compare: ${errorText(err)}` };
    } finally {
      if (seq === this.compareSeq && this.state.loading?.compare) this.state.loading = { ...this.state.loading, compare: false };
    }
    this.state.tab = this.state.tab === 'disagreements' && quiet ? 'disagreements' : 'compare';
    this.render();
  }

  /** The first page of disagreements (strongest first), or with `more` the next page after those shown. */
  async loadDisagreements(more = false): Promise<void> {
    const seq = ++this.disagreementsSeq;
    const shown = more ? (this.state.disagreements ?? []) : [];
    this.state.loading = { ...this.state.loading, disagreements: true };
    this.render();
    try {
      const page = await this.server.disagreements({ offset: shown.length });
      if (seq !== this.disagreementsSeq) return;
      // A server from before paging answers with the whole list.
      const items = Array.isArray(page) ? page : Array.isArray(page?.items) ? page.items : [];
      this.state.disagreements = [...shown, ...items];
      this.state.disagreementsMore = Array.isArray(page) ? 0 : Math.max(0, Number(page?.more) || 0);
      this.state.errors = { ...this.state.errors, disagreements: undefined };
    } catch (err) {
      if (seq !== this.disagreementsSeq) return;
      this.state.errors = { ...this.state.errors, disagreements: `Could not list disagreements: ${errorText(err)}` };
    } finally {
      if (seq === this.disagreementsSeq) this.state.loading = { ...this.state.loading, disagreements: false };
    }
    this.render();
  }

  private onMessage(raw: unknown): void {
    const message = parseMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'tab':
        // The page has already switched; remember it for the next render, load what the tab needs.
        this.state.tab = message.tab;
        if (message.tab === 'disagreements' && this.state.disagreements === null && !this.state.loading?.disagreements) void this.loadDisagreements();
        break;
      case 'open': {
        const target = this.targets[message.index];
        if (target) void openSourceAt(target.path, target.range, this.query?.column ?? this.draftEditor()?.viewColumn ?? vscode.ViewColumn.One);
        break;
      }
      case 'compareAtCursor': {
        const editor = this.draftEditor();
        if (editor) void this.compareAt(editor);
        else void vscode.window.showInformationMessage('Corroborate: open a draft and put the cursor on a quote, figure, date or name.');
        break;
      }
      case 'refreshDisagreements':
        void this.loadDisagreements();
        break;
      case 'moreDisagreements':
        if (!this.state.loading?.disagreements) void this.loadDisagreements(true);
        break;
      case 'ready':
        break;
    }
  }

  private render(): void {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', file)).toString();
    const { html, targets } = renderPanel(this.state, {
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('panel.js'),
      styleUri: media('panel.css'),
    });
    this.targets = targets;
    webview.html = html;
  }

  dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
