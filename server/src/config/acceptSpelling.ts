// "Accept “X” as the house spelling": records X, with the sources' spelling as its variant, under acceptedSpellings in
// the project's corroborate.json (created beside the workspace folder when the project has none). A file that is not
// valid JSON is never overwritten: the writer is told why, and nothing changes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SpellingAccepted { file: string; created: boolean; house: string; variants: string[] }

export function acceptSpelling(file: string, house: string, variant: string): SpellingAccepted {
  const created = !fs.existsSync(file);
  let config: Record<string, unknown> = {};
  if (!created) {
    const text = fs.readFileSync(file, 'utf8');
    let parsed: unknown;
    try {
      parsed = text.trim() ? JSON.parse(text) : {};
    } catch (err) {
      throw new Error(`${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); nothing was changed`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} does not hold a JSON object; nothing was changed`);
    config = parsed as Record<string, unknown>;
  }
  const existing = config.acceptedSpellings;
  if (existing !== undefined && (typeof existing !== 'object' || existing === null || Array.isArray(existing))) {
    throw new Error(`${file}: "acceptedSpellings" is not an object of house spelling → variants; nothing was changed`);
  }
  const spellings = { ...(existing as Record<string, unknown> | undefined) };
  const listed = Array.isArray(spellings[house]) ? (spellings[house] as unknown[]).filter((v): v is string => typeof v === 'string') : [];
  const variants = variant && variant !== house && !listed.includes(variant) ? [...listed, variant] : listed;
  spellings[house] = variants;
  config.acceptedSpellings = spellings;
  // Written whole to a temporary file, then renamed: a crash leaves the old file, never half a new one.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return { file, created, house, variants };
}
