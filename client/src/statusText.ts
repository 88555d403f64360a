// What the status bar item says, as a pure function of the server's state (no vscode import; tested in node).
import * as path from 'node:path';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { Commands } from './commandIds';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  command: string;
  warning: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the item shows, from the server's state, its last status and the active draft's findings (pure). */
export function statusView(state: ServerState, status: StatusParams | undefined, findings: number | undefined): StatusView {
  const open = Commands.openPanel;
  if (state === 'stopped') {
    return { text: '$(circle-slash) Corroborate', tooltip: 'Corroborate: the language server is not running. Click to restart it.', command: Commands.restartServer, warning: true };
  }
  if (state === 'starting' || !status) {
    return { text: '$(sync~spin) Corroborate', tooltip: 'Corroborate: starting the language server…', command: open, warning: false };
  }
  const roots = status.roots.length ? status.roots.map((r) => `- ${r}`).join('\n') : '- (no sources folder found)';
  const problems = status.problems.length
    ? `\n\n${plural(status.problems.length, 'file')} could not be read:\n` +
      status.problems
        .slice(0, 10)
        .map((p) => `- ${path.basename(p.path)}: ${p.reason}`)
        .join('\n') +
      (status.problems.length > 10 ? `\n- … and ${status.problems.length - 10} more` : '')
    : '';
  const message = status.message ? `\n\n${status.message}` : '';
  const draft = findings === undefined ? '' : ` · ${plural(findings, 'finding')}`;
  if (status.state === 'no-sources') {
    // Not a Corroborate project (yet): quiet, no warning colour; the tooltip says how to set sources.
    return {
      text: '$(circle-outline) Corroborate: no sources',
      tooltip: `Corroborate: ${status.message ?? 'no sources are set, so no draft is checked.'}\n\nClick to choose the sources folder.`,
      command: Commands.chooseSources,
      warning: false,
    };
  }
  if (status.state === 'off') {
    return {
      text: '$(circle-slash) Corroborate: off',
      tooltip: `Corroborate: ${status.message ?? 'checking is off in this folder.'}\n\nClick to turn it on.`,
      command: Commands.toggleChecking,
      warning: false,
    };
  }
  if (status.state === 'indexing') {
    return {
      text: `$(sync~spin) Corroborate: indexing ${status.sources > 0 ? plural(status.sources, 'source') : 'sources'}…`,
      tooltip: `Corroborate is reading the sources in:\n${roots}${message}`,
      command: open,
      warning: false,
    };
  }
  if (status.state === 'error') {
    return {
      text: `$(warning) Corroborate: ${plural(status.sources, 'source')}${draft}`,
      tooltip: `Corroborate has a problem with its sources${message}\n\nSources:\n${roots}${problems}\n\nClick to open the source-comparison panel.`,
      command: open,
      warning: true,
    };
  }
  const icon = findings ? '$(warning)' : '$(check)';
  return {
    text: `${icon} Corroborate: ${plural(status.sources, 'source')}${draft}`,
    tooltip:
      `Corroborate: ${plural(status.sources, 'source')} indexed` +
      (findings === undefined ? '' : `, ${plural(findings, 'finding')} in this draft`) +
      `.\n\nSources:\n${roots}${problems}${message}\n\nClick to open the source-comparison panel.`,
    command: open,
    warning: status.problems.length > 0,
  };
}

/**
 * How many findings a draft's diagnostics stand for: one each, except the summary of a capped draft, which stands for
 * the findings it says are not shown (its `data.notShown`), so a capped draft is not reported as "1,001 findings".
 */
export function findingCount(diagnostics: ReadonlyArray<{ data?: unknown }>): number {
  let count = 0;
  for (const d of diagnostics) {
    const notShown = (d.data as { notShown?: unknown } | undefined)?.notShown;
    count += typeof notShown === 'number' && Number.isInteger(notShown) && notShown >= 0 ? notShown : 1;
  }
  return count;
}
