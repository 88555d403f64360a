// The custom requests of protocol.ts: corroborate/compareAt, corroborate/disagreements, corroborate/corpus.
// They serve the VS Code client's comparison panel and status bar, and any other client that wants them.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { errorText, type ServerContext } from './context';
import type { CorpusManager } from './corpusManager';
import type { EngineHost } from './engineHost';
import {
  COMPARE_AT,
  CORPUS,
  DISAGREEMENTS,
  type CompareAtParams,
  type CompareAtResult,
  type CorpusResult,
  type DisagreementsResult,
} from './protocol';

export function registerRequests(ctx: ServerContext, corpus: CorpusManager, engine: EngineHost): void {
  ctx.connection.onRequest(COMPARE_AT, async (params: CompareAtParams): Promise<CompareAtResult> => {
    if (!params || typeof params.uri !== 'string' || !params.position || typeof params.position.line !== 'number') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${COMPARE_AT} needs { uri, position: { line, character } }`);
    }
    const doc = ctx.documents.get(params.uri);
    if (!doc) return null;
    const loaded = await corpus.ready(params.uri);
    const now = ctx.documents.get(params.uri);
    if (!loaded || !now) return null;
    try {
      return (await engine.describe(loaded, corpus.generationOf(loaded), now.getText(), now.offsetAt(params.position))) ?? null;
    } catch (err) {
      ctx.log.error(`${COMPARE_AT} failed: ${errorText(err)}`);
      return null;
    }
  });

  ctx.connection.onRequest(DISAGREEMENTS, async (): Promise<DisagreementsResult> => {
    const loaded = await corpus.ready();
    if (!loaded) return [];
    try {
      return corpus.disagreements(loaded);
    } catch (err) {
      ctx.log.error(`${DISAGREEMENTS} failed: ${errorText(err)}`);
      return [];
    }
  });

  ctx.connection.onRequest(CORPUS, async (): Promise<CorpusResult> => {
    const loaded = await corpus.ready();
    if (!loaded) return { roots: corpus.roots, sources: [], problems: [] };
    return { roots: loaded.roots ?? corpus.roots, sources: loaded.sources.map((s) => s.info), problems: loaded.problems };
  });
}
