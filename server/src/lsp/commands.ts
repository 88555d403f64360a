// workspace/executeCommand handlers. The client shows its own palette commands; these are what it (or any other
// client) asks the server to do.
//   corroborate.checkDocument [uri?]  check a draft now (no debounce); returns { uri, version, findings, skipped? }
//   corroborate.reloadSources         re-read the sources folder; returns { sources, problems }
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import type { Finding } from '../model/types';
import type { ServerContext } from './context';
import type { CorpusManager } from './corpusManager';
import type { Diagnostics, SkipReason } from './diagnostics';

export const CHECK_DOCUMENT = 'corroborate.checkDocument';
export const RELOAD_SOURCES = 'corroborate.reloadSources';
export const COMMANDS = [CHECK_DOCUMENT, RELOAD_SOURCES];

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
      default:
        throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
    }
  });
}
