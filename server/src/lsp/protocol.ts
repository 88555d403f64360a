// Custom requests between the Corroborate client and server, beyond standard LSP. Type-only: any client may use them.
import type { ClaimComparison, DisagreementPage, SourceInfo, SourceProblem } from '../engine';

/** corroborate/compareAt: the claim at a position in a draft, compared across every source. */
export const COMPARE_AT = 'corroborate/compareAt';
export interface CompareAtParams { uri: string; position: { line: number; character: number } }
export type CompareAtResult = ClaimComparison | null;

/**
 * corroborate/disagreements: the facts on which the sources disagree, corpus-wide, strongest first, one page at a
 * time. No params: the first page (20). `more` counts the disagreements after this page.
 */
export const DISAGREEMENTS = 'corroborate/disagreements';
export interface DisagreementsParams { offset?: number; limit?: number }
export type DisagreementsResult = DisagreementPage;

/** corroborate/status (server → client notification): corpus size and indexing state. */
export const STATUS = 'corroborate/status';
export interface StatusParams {
  state: 'indexing' | 'ready' | 'error';
  sources: number;
  problems: SourceProblem[];
  roots: string[];
  message?: string;
}

/** corroborate/corpus: the sources as the engine sees them. */
export const CORPUS = 'corroborate/corpus';
export type CorpusResult = { roots: string[]; sources: SourceInfo[]; problems: SourceProblem[] };
