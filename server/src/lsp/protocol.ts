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
  /** no-sources: nothing configured and no default folder (quiet: no draft is checked); off: checking turned off. */
  state: 'indexing' | 'ready' | 'error' | 'no-sources' | 'off';
  sources: number;
  problems: SourceProblem[];
  roots: string[];
  message?: string;
  /** The workspace folder this status is about (each folder has its own sources). */
  folder?: string;
  /** A project's corroborate.json, when the status is about a project inside (or outside) the workspace folder. */
  config?: string;
}

/**
 * corroborate/setChecking (client → server notification): turns checking of one workspace folder's drafts off or on.
 * Clients that remember the choice give the folders turned off at start-up as initializationOptions.checkingOff (URIs).
 */
export const SET_CHECKING = 'corroborate/setChecking';
export interface SetCheckingParams { folder: string; enabled: boolean }

/**
 * corroborate/setTrust (client → server notification): the workspace is now trusted (VS Code's
 * onDidGrantWorkspaceTrust). Clients give the trust state at start-up as initializationOptions.trusted; only an
 * explicit `false` makes the workspace untrusted (clients that say nothing, e.g. Neovim, are trusted). While
 * untrusted, the sources a corroborate.json names that resolve (after symlinks) outside the workspace folders are not
 * read; once trusted, the server reloads them.
 */
export const SET_TRUST = 'corroborate/setTrust';
export interface SetTrustParams { trusted: boolean }

/** corroborate/corpus: the sources as the engine sees them. */
export const CORPUS = 'corroborate/corpus';
export type CorpusResult = { roots: string[]; sources: SourceInfo[]; problems: SourceProblem[] };
