// workspace/executeCommand handlers. The client shows its own palette commands; these are what it (or any other
// client) asks the server to do.
//   corroborate.checkDocument [uri?]  check a draft now (no debounce); returns { uri, version, findings, skipped? }
//   corroborate.reloadSources         re-read the sources folder; returns { sources, problems }
//   corroborate.dismiss [uri, rule, range, reason]  records a dismissal of that finding in the project's dismissals
//                                     file and re-checks the draft; returns { file, dismissal }
//   corroborate.buildReport [uri, format?]  the draft's sign-off report (format html|md|json, default md);
//                                     returns { format, content }
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../report';
import { exporterName } from '../report/exporter';
import { isWithin, uriToPath } from './context';
import type { Finding } from '../model/types';
import type { ServerContext } from './context';
import type { CorpusManager } from './corpusManager';
import type { Diagnostics, SkipReason } from './diagnostics';
import { DISMISS } from './dismissals';
import { ACCEPT_SPELLING, acceptSpellingCommand } from './acceptSpelling';

export const CHECK_DOCUMENT = 'corroborate.checkDocument';
export const RELOAD_SOURCES = 'corroborate.reloadSources';
export const BUILD_REPORT = 'corroborate.buildReport';
export const COMMANDS = [CHECK_DOCUMENT, RELOAD_SOURCES, BUILD_REPORT, DISMISS, ACCEPT_SPELLING];

const MAX_REPORT_CHARS = 10 * 1024 * 1024;

export interface BuildReportResult { format: ReportFormat; content: string }

export interface CheckDocumentResult {
  uri: string;
  version?: number;
  findings: Finding[];
  skipped?: SkipReason;
}

export function registerCommands(ctx: ServerContext, diagnostics: Diagnostics, corpus: CorpusManager): void {
  ctx.connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    switch (params.command) {
      case CHECK_DOCUMENT: {
        const arg = params.arguments?.[0];
        // Accept a uri string, { uri }, or { textDocument: { uri } }; with none, the only open draft.
        const uri =
          typeof arg === 'string'
            ? arg
            : typeof arg?.uri === 'string'
              ? arg.uri
              : typeof arg?.textDocument?.uri === 'string'
                ? arg.textDocument.uri
                : ctx.documents.all().length === 1
                  ? ctx.documents.all()[0].uri
                  : undefined;
        if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `${CHECK_DOCUMENT} needs the draft's URI as its argument`);
        if (!ctx.documents.get(uri)) throw new ResponseError(ErrorCodes.InvalidParams, `${CHECK_DOCUMENT}: ${uri} is not open`);
        const result: CheckDocumentResult = { uri, ...(await diagnostics.checkNow(uri)) };
        return result;
      }
      case RELOAD_SOURCES: {
        const loaded = await corpus.reload(true);
        return { roots: corpus.roots, sources: loaded?.sources.length ?? 0, problems: loaded?.problems ?? [] };
      }
      case BUILD_REPORT:
        return buildReportCommand(ctx, diagnostics, corpus, params.arguments ?? []);
      case DISMISS: {
        const args = params.arguments ?? [];
        const result = await diagnostics.dismissals.dismiss(args, await corpus.ready(typeof args[0] === 'string' ? args[0] : undefined));
        await diagnostics.checkNow(args[0] as string);
        return result;
      }
      case ACCEPT_SPELLING: {
        const args = params.arguments ?? [];
        const accepted = acceptSpellingCommand(corpus, args);
        await diagnostics.checkNow(args[0] as string);
        return accepted;
      }
      default:
        throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
    }
  });
}

async function buildReportCommand(ctx: ServerContext, diagnostics: Diagnostics, corpus: CorpusManager, args: unknown[]): Promise<BuildReportResult> {
  const [uri, format = 'md'] = args;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${BUILD_REPORT} needs the draft's URI as its first argument`);
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new ResponseError(ErrorCodes.InvalidParams, `${BUILD_REPORT}: format must be html, md or json`);
  const document = ctx.documents.get(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${BUILD_REPORT}: ${uri} is not open`);
  // Built in-process (a one-off export): a draft the checker would skip as too big is refused here too.
  if (document.getText().length > MAX_REPORT_CHARS) throw new ResponseError(ErrorCodes.InvalidRequest, `${BUILD_REPORT}: the draft is too large for a report`);
  const loaded = await corpus.ready(uri);
  if (!loaded) throw new ResponseError(ErrorCodes.InvalidRequest, `${BUILD_REPORT}: no sources are loaded`);
  const file = uriToPath(uri);
  const folder = (file && ctx.workspaceFolders.find((w) => isWithin(file, w))) ?? ctx.workspaceFolders[0] ?? process.cwd();
  const displayPath = (p: string) => (isWithin(p, folder) ? path.relative(folder, p).split(path.sep).join('/') || p : p);
  // The diagnostics' own options (folder and project severities, accepted spellings), so the report agrees with them.
  const options = diagnostics.optionsFor(uri);
  const report = buildReport(loaded, document.getText(), {
    draftName: file ? displayPath(file) : uri,
    exportedBy: await exporterName(folder),
    displayPath,
    severities: options.severities,
    acceptedSpellings: options.acceptedSpellings,
    dismissals: diagnostics.dismissals.forDraft(uri),
  });
  return { format: format as ReportFormat, content: renderReport(report, format as ReportFormat) };
}
