// The CLI's side of corroborate.json: `--config FILE`, else the file found walking up from the first draft.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findConfigFile, readConfigFile, sourceFolders, type ProjectConfig } from '../config';
import type { CheckOptions } from '../model/types';

export interface CliConfig {
  config?: ProjectConfig;
  problems: string[];
  /** A `--config` file that cannot be read: bad usage, not a config to fall back from. */
  unreadable?: string;
}

/** Reads the config named by `--config`, or the nearest one above `firstDraft`; none is fine. */
export function cliConfig(configFlag: string | undefined, firstDraft: string | undefined): CliConfig {
  const file = configFlag ? resolve(configFlag) : firstDraft ? findConfigFile(resolve(firstDraft)) : undefined;
  if (!file) return { problems: [] };
  if (configFlag && !existsSync(file)) return { problems: [], unreadable: `--config ${configFlag}: no such file` };
  const { config, problems } = readConfigFile(file);
  return { config, problems };
}

/** `--sources` folders when given (they override the config's); else the config's folders that exist. */
export function cliSources(flagSources: string[], config: ProjectConfig | undefined): string[] {
  if (flagSources.length > 0) return flagSources;
  return config ? sourceFolders(config) : [];
}

export function cliCheckOptions(config: ProjectConfig | undefined): CheckOptions {
  if (!config) return {};
  return { severities: { ...config.severity }, acceptedSpellings: config.acceptedSpellings };
}
