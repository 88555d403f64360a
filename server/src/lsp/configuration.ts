// Settings under the `corroborate` section: read through workspace/configuration (or didChangeConfiguration's
// payload for clients without it), validated field by field. A malformed field falls back to its default and is
// reported once; it never stops the server.
import { DidChangeConfigurationNotification, type Connection } from 'vscode-languageserver';
import { RULE_IDS, type RuleId, type SeveritySetting } from '../model/types';
import { pathToUri, type ServerContext } from './context';

export const SECTION = 'corroborate';

export interface Settings {
  /** Candidate source folders, absolute or relative to a workspace folder; the first that exists is used. */
  sources: string[];
  /** Whether `sources` came from the user or a client (true) or is our default (false). */
  sourcesExplicit: boolean;
  severity: Partial<Record<RuleId, SeveritySetting>>;
  languages: string[];
  debounceMs: number;
  maxDraftBytes: number;
}

export const DEFAULT_SOURCES = ['sources', 'seeds'];
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  sources: DEFAULT_SOURCES,
  sourcesExplicit: false,
  severity: {},
  languages: ['markdown', 'plaintext'],
  debounceMs: 150,
  maxDraftBytes: 2 * 1024 * 1024,
});

const SEVERITIES: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning', none: 'off' };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Validates a raw `corroborate` settings object. Unknown keys are ignored; bad values fall back with a problem. */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`"${SECTION}" settings should be an object, got ${describe(raw)}`);
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;

  if (r.sources !== undefined && r.sources !== null) {
    const list = typeof r.sources === 'string' ? [r.sources] : r.sources;
    if (isStringArray(list)) {
      const cleaned = list.map((s) => s.trim()).filter((s) => s.length > 0);
      if (cleaned.length > 0) {
        settings.sources = cleaned;
        settings.sourcesExplicit = true;
      } else problems.push(`${SECTION}.sources is empty; using ${JSON.stringify(DEFAULT_SOURCES)}`);
    } else problems.push(`${SECTION}.sources should be a list of folders, got ${describe(r.sources)}`);
  }

  if (r.severity !== undefined && r.severity !== null) {
    if (typeof r.severity === 'object' && !Array.isArray(r.severity)) {
      for (const [rule, value] of Object.entries(r.severity as Record<string, unknown>)) {
        if (!(RULE_IDS as readonly string[]).includes(rule)) {
          problems.push(`${SECTION}.severity: unknown rule "${rule}" (rules: ${RULE_IDS.join(', ')})`);
          continue;
        }
        const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
        const level = typeof v === 'string' ? (SEVERITIES.includes(v) ? (v as SeveritySetting) : SEVERITY_ALIASES[v]) : undefined;
        if (level) settings.severity[rule as RuleId] = level;
        else problems.push(`${SECTION}.severity["${rule}"] should be one of ${SEVERITIES.join('|')}, got ${describe(value)}`);
      }
    } else problems.push(`${SECTION}.severity should be an object of rule → ${SEVERITIES.join('|')}, got ${describe(r.severity)}`);
  }

  if (r.languages !== undefined && r.languages !== null) {
    const list = typeof r.languages === 'string' ? [r.languages] : r.languages;
    if (isStringArray(list)) settings.languages = list.map((s) => s.trim()).filter((s) => s.length > 0);
    else problems.push(`${SECTION}.languages should be a list of language ids, got ${describe(r.languages)}`);
  }

  const debounce = numberSetting(r.debounceMs, 'debounceMs', 0, 60_000, problems);
  if (debounce !== undefined) settings.debounceMs = debounce;
  const maxBytes = numberSetting(r.maxDraftBytes, 'maxDraftBytes', 1, Number.MAX_SAFE_INTEGER, problems);
  if (maxBytes !== undefined) settings.maxDraftBytes = maxBytes;

  return { settings, problems };
}

function numberSetting(value: unknown, name: string, min: number, max: number, problems: string[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max) return Math.round(n);
  problems.push(`${SECTION}.${name} should be a number between ${min} and ${max}, got ${describe(value)}`);
  return undefined;
}

function describe(value: unknown): string {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return typeof value;
  }
}

/**
 * The `corroborate` settings inside initializationOptions: `{ corroborate: {…} }`, `{ settings: { corroborate: {…} } }`
 * (Neovim's `init_options = { settings = { corroborate = … } }`), `{ settings: {…} }`, or the settings themselves.
 */
export function initialSettingsOf(init: unknown): unknown {
  if (!isPlainObject(init)) return undefined;
  if (init[SECTION] !== undefined) return init[SECTION];
  const settings = init.settings;
  if (isPlainObject(settings)) return settings[SECTION] !== undefined ? settings[SECTION] : settings;
  return init;
}

/**
 * Raw settings `upper` over `lower`, key by key: a key `upper` lacks (or leaves null) keeps `lower`'s value, and the
 * `severity` objects merge rule by rule. A malformed `upper` (not an object) is kept as is, so it is reported.
 */
export function mergeRawSettings(lower: unknown, upper: unknown): unknown {
  if (upper === undefined || upper === null) return lower;
  if (!isPlainObject(upper) || !isPlainObject(lower)) return upper;
  const merged: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(upper)) {
    if (value === undefined || value === null) continue;
    merged[key] = key === 'severity' && isPlainObject(value) && isPlainObject(lower.severity) ? { ...lower.severity, ...value } : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps the current settings. Pulls them with workspace/configuration when the client supports it, else takes the
 * `settings.corroborate` payload of didChangeConfiguration (what clients such as Neovim send).
 */
export class Configuration {
  current: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  /** Settings per workspace folder, asked with its scopeUri (folder settings override the workspace's). */
  private byFolder = new Map<string, Settings>();
  private reported = '';
  /** The last `settings.corroborate` a client pushed (for clients that cannot be asked). */
  private pushed: unknown = undefined;

  /** Settings given at start-up (initializationOptions): the layer under whatever the client pushes or answers. */
  private initial: unknown = undefined;

  constructor(private readonly ctx: ServerContext) {}

  setInitial(raw: unknown): void {
    this.initial = raw;
  }

  /** Registers for change notifications where the client lets us. Call from onInitialized. */
  async register(connection: Connection): Promise<void> {
    if (this.ctx.capabilities.configurationDynamicRegistration) {
      try {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
      } catch (err) {
        this.ctx.log.warn(`could not register for configuration changes: ${String(err)}`);
      }
    }
  }

  /** Fetches settings; `pushed` is the didChangeConfiguration payload, used when the client cannot be asked. */
  async refresh(pushed?: unknown): Promise<{ settings: Settings; changed: boolean }> {
    let raw: unknown = undefined;
    const folders = [...this.ctx.workspaceFolders];
    let folderRaw: unknown[] = [];
    if (this.ctx.capabilities.configuration) {
      try {
        // One request: the unscoped section, then each folder's (so per-folder settings are read).
        const items = [{ section: SECTION }, ...folders.map((f) => ({ section: SECTION, scopeUri: pathToUri(f) }))];
        const answer: unknown = await this.ctx.connection.workspace.getConfiguration(items);
        const list = Array.isArray(answer) ? answer : [answer];
        raw = list[0];
        folderRaw = folders.map((_, i) => (list.length > i + 1 ? list[i + 1] : raw));
        // Equal to the unscoped answer: no settings of the folder's own (checked before initializationOptions go under).
        folderRaw = folderRaw.map((f) => (JSON.stringify(f) === JSON.stringify(raw) ? undefined : mergeRawSettings(this.initial, f)));
        raw = mergeRawSettings(this.initial, raw);
      } catch (err) {
        this.ctx.log.warn(`workspace/configuration failed (${String(err)}); using defaults`);
      }
    } else {
      if (pushed && typeof pushed === 'object' && SECTION in (pushed as object)) this.pushed = (pushed as Record<string, unknown>)[SECTION];
      raw = mergeRawSettings(this.initial, this.pushed);
    }
    const { settings, problems } = parseSettings(raw);
    const byFolder = new Map<string, Settings>();
    folders.forEach((folder, i) => {
      if (folderRaw[i] === undefined || folderRaw[i] === null) return;
      const scoped = parseSettings(folderRaw[i]);
      problems.push(...scoped.problems.filter((p) => !problems.includes(p)));
      byFolder.set(folder, scoped.settings);
    });
    this.report(problems);
    const changed = !sameSettings(settings, this.current) || JSON.stringify([...byFolder]) !== JSON.stringify([...this.byFolder]);
    this.current = settings;
    this.byFolder = byFolder;
    return { settings, changed };
  }

  /** The settings that apply in a workspace folder (its own where it has them, else the workspace's). */
  forFolder(folder: string | undefined): Settings {
    return (folder !== undefined && this.byFolder.get(folder)) || this.current;
  }

  /** One message per distinct set of problems, so a bad setting is said once, not on every change. */
  private report(problems: string[]): void {
    const key = problems.join('\n');
    if (key === this.reported) return;
    this.reported = key;
    if (problems.length === 0) return;
    for (const p of problems) this.ctx.log.warn(`settings: ${p}`);
    this.ctx.notify.warning(
      `Corroborate: ignoring ${problems.length === 1 ? 'a malformed setting' : `${problems.length} malformed settings`}: ${problems.join('; ')}. Defaults are used instead.`,
    );
  }
}
