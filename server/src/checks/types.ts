// What a check sees and what it returns.
import type { Finding, RuleId, Severity } from '../model/types';
import type { Corpus } from '../corpus/corpus';
import type { AnalyzedText } from '../extract/document';
import type { QuoteMatch } from '../match/quotes';
import type { FactCandidate } from '../match/facts';
import type { DateClaim, FigureClaim } from '../model/types';

export interface FigureMatch {
  claim: FigureClaim;
  candidates: Array<FactCandidate<FigureClaim>>;
  /** Source sentences read but less like the draft's than the candidates: where the draft's own value may be stated. */
  elsewhere?: Array<FactCandidate<FigureClaim>>;
}
export interface DateMatch { claim: DateClaim; candidates: Array<FactCandidate<DateClaim>> }

/** Everything the checks share, computed once per draft. */
export interface CheckContext {
  draft: AnalyzedText;
  corpus: Corpus;
  quotes: QuoteMatch[];
  figures: FigureMatch[];
  dates: DateMatch[];
  /** Accepted spellings by lower-case word: the house form and its variants (see CheckOptions.acceptedSpellings). */
  accepted?: ReadonlyMap<string, AcceptedSpelling>;
  /** A span of a source that backs a finding (made into a cited passage only if the finding shows it). */
  evidence(doc: number, start: number, end: number): PassageRef;
}

/** One word of a house spelling and the variants accepted for it. */
export interface AcceptedSpelling { house: string; variants: string[]; all: ReadonlySet<string> }

/** Where a finding's evidence is: source number and span. */
export interface PassageRef { doc: number; start: number; end: number }

/** A finding before the severity setting and the LSP range are applied. */
export interface RawFinding {
  rule: RuleId;
  /** At most this severity, where the evidence is weaker than the rule's usual (the configured severity caps it too). */
  severity?: Severity;
  start: number;
  end: number;
  message: string;
  suggestions: string[];
  /** Every source passage behind the finding; the finding shows up to MAX_EVIDENCE of them. */
  evidence: PassageRef[];
  /** Findings of one rule with the same key (one cause, e.g. a spelling choice) are shown once per document, at the first. */
  once?: string;
}

export interface Rule {
  id: RuleId;
  /** One paragraph for docs and hovers: what the rule catches and why. */
  description: string;
  defaultSeverity: Severity;
  check(ctx: CheckContext): RawFinding[];
}

export type { Finding };
