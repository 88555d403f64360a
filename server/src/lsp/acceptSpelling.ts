// The `corroborate.acceptSpelling [uri, houseSpelling, sourcesSpelling]` command behind the quick fix "Accept “X” as
// the house spelling": records it in the project's corroborate.json (acceptedSpellings), then re-checks the draft.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { acceptSpelling, type SpellingAccepted } from '../config/acceptSpelling';
import { uriToPath } from './context';
import type { CorpusManager } from './corpusManager';

export const ACCEPT_SPELLING = 'corroborate.acceptSpelling';
export const acceptSpellingTitle = (spelling: string) => `Accept “${spelling}” as the house spelling`;

export function acceptSpellingCommand(corpus: CorpusManager, args: unknown[]): SpellingAccepted {
  const [uri, house, variant] = args;
  const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
  if (!file) throw new ResponseError(ErrorCodes.InvalidParams, `${ACCEPT_SPELLING} needs a saved draft's URI as its first argument`);
  if (typeof house !== 'string' || !house.trim() || typeof variant !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${ACCEPT_SPELLING} needs [uri, house spelling, the sources' spelling]`);
  }
  const folder = corpus.forFile(file);
  let accepted: SpellingAccepted;
  try {
    accepted = acceptSpelling(folder.projectFile, house.trim(), variant.trim());
  } catch (err) {
    throw new ResponseError(ErrorCodes.InvalidRequest, err instanceof Error ? err.message : String(err));
  }
  folder.projectWritten();
  return accepted;
}
