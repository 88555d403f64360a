// Diagnostics for open drafts: checked on open and (debounced) on change, published with the document version
// they were computed for. Checks run in the engine worker, one at a time per draft; a result whose version is no
// longer the document's is dropped, never published, and the newest version is checked next.
// Drafts the checker should not read (too big, binary, a source file opened to read) get one message and no check;
// a file of the sources folder taken as a draft is checked against the other sources (engineHost.ts corpusView).
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectsDraft } from '../config';
import type { CheckOptions, Finding } from '../model/types';
import type { Configuration } from './configuration';
import { errorText, uriToPath, type ServerContext } from './context';
import { findingsToPublish, rangesOverlap } from './convert';
import type { CorpusManager } from './corpusManager';
import type { EngineHost, PublishableCheck } from './engineHost';
import { DismissalStore } from './dismissals';

interface DocState {
  timer?: NodeJS.Timeout;
  /** Findings of the last check, with the version (and corpus and settings) they belong to. */
  checked?: Checked;
  /** Whether diagnostics are currently shown for this document (so we only clear when needed). */
  published: boolean;
  /** The version first seen, and whether a file of the sources folder is taken as a draft (see skipReason). */
  openedVersion?: number;
  draftInSources?: boolean;
  /** The check under way, if any; `again` asks for another one when it ends (the draft or corpus changed). */
  running?: Promise<CheckResult>;
  again?: boolean;
}

interface Checked {
  version: number;
  /** As JSON when it came from the engine worker: parsed on first use (see findingsOf). */
  findings: Finding[] | string;
  corpus?: unknown;
  settings?: unknown;
  dismissals?: unknown;
  /** Findings not published (past the cap), computed on first use. */
  hidden?: Finding[];
}

function findingsOf(checked: Checked): Finding[] {
  if (typeof checked.findings === 'string') checked.findings = JSON.parse(checked.findings) as Finding[];
  return checked.findings;
}

export interface CheckResult {
  version?: number;
  findings: Finding[];
  skipped?: SkipReason;
  /** The draft changed while this check ran: its result was dropped. */
  stale?: boolean;
}

export type SkipReason = 'language' | 'not-a-draft' | 'off' | 'source' | 'too-big' | 'binary' | 'no-corpus' | 'error';

/** Language ids clients use for the same thing (Neovim calls plain text "text"). */
const LANGUAGE_ALIASES: Record<string, string> = { text: 'plaintext', txt: 'plaintext', md: 'markdown', 'markdown.mdx': 'markdown' };

export class Diagnostics {
  private readonly state = new Map<string, DocState>();
  /** Each draft's recorded dismissals; a change of the file re-checks the open drafts. */
  readonly dismissals: DismissalStore;

  constructor(
    private readonly ctx: ServerContext,
    private readonly config: Configuration,
    private readonly corpus: CorpusManager,
    private readonly engine: EngineHost,
  ) {
    this.dismissals = new DismissalStore(ctx, () => this.scheduleAll());
  }

  private stateOf(uri: string): DocState {
    let s = this.state.get(uri);
    if (!s) {
      // Made when the document opens (its first change event), before any check: the version it was opened at.
      s = { published: false, openedVersion: this.ctx.documents.get(uri)?.version };
      this.state.set(uri, s);
    }
    return s;
  }

  /** Schedules a check; `immediate` skips the debounce (open, commands, corpus reloads). */
  schedule(uri: string, immediate = false): void {
    const s = this.stateOf(uri);
    if (s.timer) clearTimeout(s.timer);
    const delay = immediate ? 0 : this.config.current.debounceMs;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.kick(uri);
    }, delay);
  }

  /** Starts a check, or, when one is under way, asks for another after it. */
  private kick(uri: string): void {
    const s = this.state.get(uri);
    if (!s) return;
    if (s.running) {
      s.again = true;
      return;
    }
    this.start(uri, s);
  }

  private start(uri: string, s: DocState, force = false): Promise<CheckResult> {
    s.again = false;
    const run = this.run(uri, force).catch((err): CheckResult => {
      this.ctx.log.error(`check of ${uri} failed: ${errorText(err)}`);
      return { findings: [], skipped: 'error' };
    });
    s.running = run;
    void run.then(() => {
      if (s.running === run) s.running = undefined;
      if (s.again && this.state.get(uri) === s) this.kick(uri);
    });
    return run;
  }

  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri, true);
  }

  closed(uri: string): void {
    const s = this.state.get(uri);
    if (s?.timer) clearTimeout(s.timer);
    this.state.delete(uri);
    for (const k of ['too-big', 'binary', 'error']) this.ctx.notify.forget(`${k}:${uri}`);
    // Clear what the client shows for a closed draft.
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Findings for this exact version of the document, if a check of it has completed. */
  findingsFor(doc: TextDocument): Finding[] | undefined {
    const checked = this.state.get(doc.uri)?.checked;
    return checked && checked.version === doc.version ? findingsOf(checked) : undefined;
  }

  /** Findings of this version over `range` that were not published (past the cap): quick fixes still offer theirs. */
  hiddenAt(doc: TextDocument, range: Range): Finding[] {
    const checked = this.state.get(doc.uri)?.checked;
    if (!checked || checked.version !== doc.version) return [];
    checked.hidden ??= findingsToPublish(findingsOf(checked)).hidden;
    return checked.hidden.filter((f) => rangesOverlap(f.range, range));
  }

  /** Checks now (no debounce) and returns the findings, or why the draft was not checked. */
  async checkNow(uri: string): Promise<CheckResult> {
    const s = this.stateOf(uri);
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    // An explicit request: check even if nothing changed; retry if the draft changes under the check.
    for (let attempt = 0; ; attempt++) {
      while (s.running) await s.running;
      const result = await this.start(uri, s, true);
      if (!result.stale || attempt >= 2) return result;
    }
  }

  /**
   * Why a draft would not be checked, or undefined when it would. Says so to the user once per draft. `asked`: a check
   * was asked for (a command), which makes a file of the sources folder a draft.
   */
  skipReason(doc: TextDocument, asked = false): SkipReason | undefined {
    const file = uriToPath(doc.uri);
    const folder = this.corpus.forFile(file);
    if (!folder.enabled) return 'off';
    // corroborate.json's drafts.include/exclude decide which files are drafts; without them, the languages setting.
    const selected = file && folder.project ? selectsDraft(folder.project, file) : undefined;
    if (selected === false) return 'not-a-draft';
    if (selected === undefined) {
      const languages = this.config.forFolder(folder.folder).languages.map((l) => LANGUAGE_ALIASES[l] ?? l);
      const lang = LANGUAGE_ALIASES[doc.languageId] ?? doc.languageId;
      if (!languages.includes(lang)) return 'language';
    }
    if (file && this.corpus.isSource(file)) {
      // Opened to read (a hover's link to a passage), it is a source. Selected by the project, edited, or asked for,
      // it is a draft, checked against the other sources (the engine leaves it out of the corpus).
      const s = this.stateOf(doc.uri);
      s.openedVersion ??= doc.version;
      if (selected === true || asked || doc.version !== s.openedVersion) s.draftInSources = true;
      if (!s.draftInSources) {
        this.corpus.noteSourceOpened(file);
        return 'source';
      }
    }
    const text = doc.getText();
    const name = displayName(doc.uri);
    const max = this.config.forFolder(folder.folder).maxDraftBytes;
    // Cheap test first: a UTF-16 unit is at most 3 UTF-8 bytes.
    const bytes = text.length * 3 <= max ? 0 : Buffer.byteLength(text, 'utf8');
    if (bytes > max) {
      this.ctx.notify.warning(
        `Corroborate: ${name} is ${formatBytes(bytes)}, over the ${formatBytes(max)} limit ("corroborate.maxDraftBytes"); it is not checked.`,
        `too-big:${doc.uri}`,
      );
      return 'too-big';
    }
    this.ctx.notify.forget(`too-big:${doc.uri}`);
    if (looksBinary(text)) {
      this.ctx.notify.warning(`Corroborate: ${name} does not look like text (binary content); it is not checked.`, `binary:${doc.uri}`);
      return 'binary';
    }
    this.ctx.notify.forget(`binary:${doc.uri}`);
    return undefined;
  }

  private async run(uri: string, force = false): Promise<CheckResult> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return { findings: [] };
    const version = doc.version;
    const skipped = this.skipReason(doc, force);
    if (skipped) {
      this.clear(uri, version);
      return { version, findings: [], skipped };
    }
    const corpus = await this.corpus.ready(uri);
    let now = this.ctx.documents.get(uri);
    // Stale: the draft changed (or closed) while we waited for the corpus; the newer version has its own check.
    if (!now || now.version !== version) return this.stale(uri, version);
    if (!corpus) {
      this.clear(uri, version);
      return { version, findings: [], skipped: 'no-corpus' };
    }
    const options = this.optionsFor(uri);
    // Compared by value: a config file re-read or settings re-fetched with the same content needs no re-check.
    const settings = JSON.stringify(options);
    const last = this.state.get(uri)?.checked;
    const dismissals = this.dismissals.forDraft(uri);
    if (!force && last && last.version === version && last.corpus === corpus && last.settings === settings && last.dismissals === dismissals) {
      return checkResult(version, last); // already published for exactly this
    }
    let result: PublishableCheck;
    try {
      const exclude = this.corpus.sourceToExclude(uri);
      result = await this.engine.checkForPublishing(corpus, this.corpus.generationOf(corpus), now.getText(), { ...options, dismissals }, exclude);
      now = this.ctx.documents.get(uri);
      if (!now || now.version !== version) return this.stale(uri, version);
      this.ctx.notify.forget(`error:${uri}`);
    } catch (err) {
      this.ctx.log.error(`checking ${uri} v${version} failed: ${err instanceof Error && err.stack ? err.stack : String(err)}`);
      this.ctx.notify.error(`Corroborate could not check ${displayName(uri)}: ${errorText(err)}. Other drafts are still checked.`, `error:${uri}`);
      this.clear(uri, version);
      return { version, findings: [], skipped: 'error' };
    }
    // The document is still at `version` (checked just above, with no await since): publish.
    const s = this.stateOf(uri);
    const checked: Checked = (s.checked = { version, findings: result.findings, corpus, settings, dismissals });
    s.published = result.diagnostics.length > 0;
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics });
    return checkResult(version, checked);
  }

  /**
   * The engine options for a draft: severities per rule from the settings (user, workspace or folder) over the
   * project's corroborate.json over the rule defaults; the project's accepted spellings.
   */
  optionsFor(uri: string): CheckOptions {
    const folder = this.corpus.forUri(uri);
    const project = folder.project;
    const severities = { ...project?.severity, ...this.config.forFolder(folder.folder).severity };
    return project && Object.keys(project.acceptedSpellings).length ? { severities, acceptedSpellings: project.acceptedSpellings } : { severities };
  }

  /** A result for an older version: dropped. The newer version is checked next (its change asked for it). */
  private stale(uri: string, version: number): CheckResult {
    const s = this.state.get(uri);
    if (s && this.ctx.documents.get(uri)) s.again = true;
    return { version, findings: [], stale: true };
  }

  private clear(uri: string, version: number): void {
    const s = this.stateOf(uri);
    s.checked = { version, findings: [] };
    if (!s.published) return;
    s.published = false;
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
  }

  dispose(): void {
    for (const s of this.state.values()) if (s.timer) clearTimeout(s.timer);
    this.state.clear();
    this.dismissals.dispose();
  }
}

/** NUL characters, or many control characters / replacement characters (a failed decode) near the start. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return odd > 8 && odd / sample.length > 0.05;
}

/** The findings are parsed only when a caller reads them (the check command does; the debounced checks do not). */
function checkResult(version: number, checked: Checked): CheckResult {
  return {
    version,
    get findings() {
      return findingsOf(checked);
    },
  };
}

function displayName(uri: string): string {
  const p = uriToPath(uri);
  if (p) return p.split(/[\\/]/).pop() || p;
  return uri;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
