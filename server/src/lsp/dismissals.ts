// Dismissals with a reason, for the language server: reads each project's dismissals file (again whenever its
// modification time changes, checked before each check and polled while a draft uses it), and records a new one
// for the `corroborate.dismiss` command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Range } from 'vscode-languageserver';
import { dismissalTarget, type Corpus } from '../engine';
import { RULE_IDS, type Dismissal, type RuleId } from '../model/types';
import { appendDismissal, DEFAULT_DISMISSALS_FILE, dismissalsLocation, dismissalsOf, draftKey, readDismissals, type DismissalsLocation } from '../dismissals/file';
import { exporterName } from '../report/exporter';
import { isWithin, isWithinAfterLinks, uriToPath, type ServerContext } from './context';

export const DISMISS = 'corroborate.dismiss';
const POLL_MS = 2000;

interface Loaded {
  stamp: string;
  dismissals: Dismissal[];
  /** Per draft key, so a check whose dismissals did not change gets the same array. */
  byDraft: Map<string, Dismissal[]>;
}

export class DismissalStore {
  private readonly files = new Map<string, Loaded>();
  private readonly polled = new Set<string>();

  /** `onChange`: a dismissals file changed on disk (re-check the open drafts). */
  constructor(
    private readonly ctx: ServerContext,
    private readonly onChange: () => void = () => undefined,
  ) {}

  location(file: string): DismissalsLocation {
    const holding = this.ctx.workspaceFolders.filter((w) => isWithin(file, w)).sort((a, b) => b.length - a.length)[0];
    const fallback = holding ?? this.ctx.workspaceFolders[0] ?? path.dirname(file);
    // The corpus manager's lookup: the nearest corroborate.json, not above the workspace folder holding the draft.
    const location = dismissalsLocation(file, fallback, holding);
    if (location.problem) this.ctx.notify.warning(`Corroborate: ${location.problem}; dismissals go to ${location.file}.`, `dismissals-config:${location.problem}`);
    // An untrusted workspace's config file may not make us read or write elsewhere on disk ("../../…", links out).
    const standard = path.join(location.root, DEFAULT_DISMISSALS_FILE);
    if (!this.ctx.trusted && location.file !== standard && !isWithinAfterLinks(location.file, this.ctx.workspaceFolders)) {
      this.ctx.notify.warning(
        `Corroborate: this workspace is not trusted, so the dismissals file "${location.file}" that corroborate.json names outside the workspace is not used until you trust it; dismissals go to ${standard}.`,
        `dismissals-untrusted:${location.file}`,
      );
      return { root: location.root, file: standard };
    }
    return location;
  }

  /** The draft's dismissals (the same array while nothing changed), or undefined for a draft with no file path. */
  forDraft(uri: string): Dismissal[] | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const { root, file: dismissalsFile } = this.location(file);
    const loaded = this.load(dismissalsFile);
    const key = draftKey(root, file);
    let mine = loaded.byDraft.get(key);
    if (!mine) loaded.byDraft.set(key, (mine = dismissalsOf(loaded.dismissals, key)));
    return mine.length ? mine : undefined;
  }

  private load(file: string): Loaded {
    const stamp = stampOf(file);
    const known = this.files.get(file);
    if (known && known.stamp === stamp) return known;
    const read = readDismissals(file);
    if (read.problem) this.ctx.notify.error(`Corroborate: ${read.problem}.`, `dismissals:${file}:${stamp}`);
    const loaded: Loaded = { stamp, dismissals: read.dismissals, byDraft: new Map() };
    this.files.set(file, loaded);
    this.poll(file);
    return loaded;
  }

  /** Notices edits of the file made outside the server (a teammate's dismissal pulled from git, a hand edit). */
  private poll(file: string): void {
    if (this.polled.has(file)) return;
    this.polled.add(file);
    fs.watchFile(file, { interval: POLL_MS, persistent: false }, () => {
      const known = this.files.get(file);
      if (known && known.stamp !== stampOf(file)) this.onChange();
    });
  }

  /** `corroborate.dismiss [uri, rule, range, reason]`: records the dismissal; the caller re-checks the draft. */
  async dismiss(args: unknown[], corpus: Corpus | undefined): Promise<{ file: string; dismissal: Dismissal }> {
    const [uri, rule, range, reason] = args;
    if (typeof uri !== 'string') throw invalid(`${DISMISS} needs the draft's URI as its first argument`);
    if (typeof rule !== 'string' || !(RULE_IDS as readonly string[]).includes(rule)) throw invalid(`${DISMISS}: the second argument must be a rule id`);
    if (!isRange(range)) throw invalid(`${DISMISS}: the third argument must be the finding's range`);
    if (typeof reason !== 'string' || !reason.trim()) throw invalid(`${DISMISS} needs a reason (the fourth argument)`);
    const doc = this.ctx.documents.get(uri);
    if (!doc) throw invalid(`${DISMISS}: ${uri} is not open`);
    const file = uriToPath(uri);
    if (!file) throw invalid(`${DISMISS}: only a saved draft can have dismissals (${uri})`);
    if (!corpus) throw new ResponseError(ErrorCodes.InvalidRequest, `${DISMISS}: no sources are loaded`);
    const target = dismissalTarget(corpus, doc.getText(), rule as RuleId, range);
    if (!target) throw invalid(`${DISMISS}: the draft has no ${rule} finding there any more`);
    const location = this.location(file);
    const dismissal: Dismissal = {
      draft: draftKey(location.root, file),
      rule: rule as RuleId,
      claim: target.claim,
      fingerprint: target.fingerprint,
      reason: reason.trim(),
      by: await exporterName(location.root),
      at: new Date().toISOString(),
    };
    try {
      appendDismissal(location.file, dismissal);
    } catch (err) {
      throw new ResponseError(ErrorCodes.InternalError, `${DISMISS}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.files.delete(location.file);
    return { file: location.file, dismissal };
  }

  dispose(): void {
    for (const file of this.polled) fs.unwatchFile(file);
    this.polled.clear();
  }
}

function stampOf(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isRange(x: unknown): x is Range {
  const r = x as Range;
  const pos = (p: unknown) => !!p && typeof (p as { line: unknown }).line === 'number' && typeof (p as { character: unknown }).character === 'number';
  return !!r && typeof r === 'object' && pos(r.start) && pos(r.end);
}
