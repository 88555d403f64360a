// The custom requests of protocol.ts: corroborate/compareAt, corroborate/disagreements, corroborate/corpus.
// They serve the VS Code client's comparison panel and status bar, and any other client that wants them.
import { ResponseError, ErrorCodes, LSPErrorCodes, type CancellationToken } from 'vscode-languageserver';
import { DisagreementsCancelled, pageOf } from '../engine';
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
  type DisagreementsParams,
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
      return (await engine.describe(loaded, corpus.generationOf(loaded), now.getText(), now.offsetAt(params.position), undefined, corpus.sourceToExclude(params.uri))) ?? null;
    } catch (err) {
      ctx.log.error(`${COMPARE_AT} failed: ${errorText(err)}`);
      return null;
    }
  });

  ctx.connection.onRequest(DISAGREEMENTS, async (...args: unknown[]): Promise<DisagreementsResult> => {
    // A request without params reaches the handler with the cancellation token alone.
    const isToken = (x: unknown): x is CancellationToken => !!x && typeof (x as CancellationToken).onCancellationRequested === 'function';
    const token: CancellationToken = args.find(isToken) ?? { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    const params = (isToken(args[0]) ? undefined : args[0]) as DisagreementsParams | null | undefined;
    const { offset, limit } = params ?? {};
    if ((offset !== undefined && (typeof offset !== 'number' || offset < 0)) || (limit !== undefined && (typeof limit !== 'number' || limit < 1))) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${DISAGREEMENTS} takes { offset?: number ≥ 0, limit?: number ≥ 1 }`);
    }
    // A cancelled request stops the computation too; the next request starts it again.
    const cancelled = new Promise<never>((_, reject) => token.onCancellationRequested(() => reject(new DisagreementsCancelled())));
    cancelled.catch(() => undefined);
    for (;;) {
      const loaded = await corpus.ready();
      if (!loaded) return pageOf([], offset, limit);
      try {
        return pageOf(await Promise.race([corpus.disagreements(loaded), cancelled]), offset, limit);
      } catch (err) {
        if (!(err instanceof DisagreementsCancelled)) {
          ctx.log.error(`${DISAGREEMENTS} failed: ${errorText(err)}`);
          return pageOf([], offset, limit);
        }
        if (token.isCancellationRequested) {
          corpus.cancelDisagreements();
          throw new ResponseError(LSPErrorCodes.RequestCancelled, `${DISAGREEMENTS} was cancelled`);
        }
        // The corpus changed while the list was computed: answer for the new one.
      }
    }
  });

  ctx.connection.onRequest(CORPUS, async (): Promise<CorpusResult> => {
    const loaded = await corpus.ready();
    if (!loaded) return { roots: corpus.roots, sources: [], problems: [] };
    return { roots: loaded.roots ?? corpus.roots, sources: loaded.sources.map((s) => s.info), problems: loaded.problems };
  });
}
