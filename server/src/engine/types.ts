// Shared shapes of the engine. Plain data only: nothing here knows about LSP or VS Code.

/** A position as LSP counts it: 0-based line, UTF-16 code units into the line. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Offsets into a text, UTF-16 code units, end exclusive. */
export interface Span { start: number; end: number }

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const RULE_IDS = [
  'quote/altered',
  'quote/misattributed',
  'quote/unsourced',
  'figure/conflict',
  'figure/qualifier',
  'date/conflict',
  'name/misspelled',
  'sources/disagree',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Evidence {
  /** Absolute path of the source file. */
  source: string;
  /** Source title and outlet, for people. */
  title: string;
  outlet?: string;
  /** ISO date (yyyy-mm-dd) the source is dated, when known. */
  date?: string;
  range: Range;
  excerpt: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  range: Range;
  message: string;
  /** Replacement texts for `range`, best first. */
  suggestions: string[];
  evidence: Evidence[];
}

export type ClaimKind = 'quote' | 'figure' | 'date' | 'name';

interface ClaimBase {
  kind: ClaimKind;
  /** Where the claim sits in its document. */
  span: Span;
  /** The exact text of `span`. */
  text: string;
  /** Index of the sentence holding the claim, in its document. */
  sentence: number;
}

export interface QuoteClaim extends ClaimBase {
  kind: 'quote';
  /** The words between the quotation marks (span covers just them). */
  words: string;
  speaker?: { name: string; span?: Span; inferred: boolean };
}

export interface FigureClaim extends ClaimBase {
  kind: 'figure';
  value: number;
  /** The qualifier's interval; [value, value] when bare. Open ends use Infinity. */
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  qualifier?: string;
  /** Span of the number alone (without qualifier). */
  valueSpan: Span;
  /** The counted thing, singular lower case ("missile", "drone", "people"). */
  unit: string;
  /** Inside a quotation: compared only as part of the quote. */
  inQuote: boolean;
}

export type DateGranularity = 'year' | 'month' | 'day' | 'weekday' | 'duration';

export interface DateClaim extends ClaimBase {
  kind: 'date';
  granularity: DateGranularity;
  year?: number;
  month?: number; // 1-12
  day?: number;
  /** 0 = Sunday … 6 = Saturday, for a weekday mention or a resolved day. */
  weekday?: number;
  /** Duration in years for "nearly four years". */
  years?: number;
  inQuote: boolean;
}

export interface NameClaim extends ClaimBase {
  kind: 'name';
}

export type Claim = QuoteClaim | FigureClaim | DateClaim | NameClaim;

export interface SourceDate {
  iso: string;
  /** How the date was found: front matter, updated line, dateline, numeric header. */
  how: string;
  ambiguous: boolean;
  raw: string;
}

export interface SourceInfo {
  path: string;
  title: string;
  outlet?: string;
  date?: SourceDate;
}

export interface SourceProblem { path: string; reason: string }

export interface CheckOptions {
  /** Per-rule severity overrides; 'off' silences a rule. */
  severities?: Partial<Record<RuleId, SeveritySetting>>;
}
