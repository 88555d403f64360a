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
  speaker?: { name: string; span?: Span; inferred: boolean; person: boolean };
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
  /** Told as the sum of several ("a total of 154 lashes"): a smaller value told plainly may be one of its parts. */
  total?: boolean;
  /** Told as a possibility ("could reach 15%"). */
  possible?: boolean;
  /** Told as an unnamed group's guess ("experts warned it could reach 15%"): the group, singular ("expert"). */
  guessedBy?: string;
  /** Span of the number alone (without qualifier). */
  valueSpan: Span;
  /** The counted thing, singular lower case ("missile", "drone", "people"). */
  unit: string;
  /** The lower-case word right after the counted noun ("quit" in "50 ministers quit"), for a count that leaves its noun out ("50 quit"). */
  then?: string;
  /** Inside a quotation: compared only as part of the quote. */
  inQuote: boolean;
  /** What its clause says happened to the counted thing, as a family ("killed", "fled", "fired", "intercepted"). */
  action?: string;
  /**
   * Marked by its sentence as the old value ("from 28"), the new one ("to 19", "the revised 19-point plan"), a change
   * ("raised by 0.75%"), an amount on top of another ("another 12 people", "1.9% in additional increases") or what
   * was needed ("needed 326 seats for a majority", "the 50% threshold"), or what a poll or projection gave ("the exit
   * poll had them on 131 seats"), not what was had.
   */
  role?: 'from' | 'to' | 'by' | 'more' | 'needed' | 'projected';
  /** The role is told by a version word ("the initial 28-point plan", "the revised 19-point plan"), not by a change. */
  version?: boolean;
  /** Its clause says someone preferred, sought or proposed it ("one member preferred a 0.25 point rise"): not what was decided. */
  proposed?: boolean;
  /** The year its clause says it is for ("a 1.5% fall this year", "2.25% next year", "in 2032"): another year's is another figure. */
  period?: string;
  /** Another event than the story's, as its clause marks it: "other" ("after another quake killed 90"), or a year ("a 1985 quake"). */
  era?: string;
  /**
   * Where its clause places it ("died in Avalon", "in Avalon and in the states of Brae and Cole"): lower-case place
   * words, whether several places were listed, and whether it is one part of a breakdown ("94 in Avalon, 71 in Brae").
   */
  place?: { words: string[]; list: boolean; part?: boolean };
  /** The moment of the day its sentence gives it ("at 2:41 p.m." → "14:41", "closed up 5%" → "close"). */
  moment?: string;
  /** How far a count had gone ("with 99.1% of ballots counted"): a snapshot of the count's progress, not a fact. */
  countProgress?: boolean;
  /** The count's progress its sentence gives it at ("99.1", "more than 99"): a vote share then, not the final one. */
  countedAt?: string;
  /** The part of a whole it counts in ("8 cases in those who got the vaccine", "in the placebo group"): its telling words. */
  group?: string[];
  /** The group is a proper adjective on a count of people ("two Thai women"): a part that cannot exceed the whole. */
  groupNamed?: boolean;
  /**
   * A percentage told as a change or a margin: of which amount ("$4.28 billion, up 18%" → "$4.28b"), which way
   * ("up", "down"), against when ("year": "from a year ago"; "quarter": "from the previous quarter"), or a margin
   * either side of it ("plus or minus 2%").
   */
  change?: { of?: string; direction?: 'up' | 'down'; period?: 'year' | 'quarter' | 'month'; margin?: true };
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
  /** ISO date a weekday resolves to, counted back from the document's own date. */
  resolved?: string;
  /** Duration in years for "nearly four years", as an interval. */
  low?: number;
  high?: number;
  /** The interval stops short of `low` ("more than four years") or of `high` ("nearly four years"). */
  lowOpen?: boolean;
  highOpen?: boolean;
  /** Duration in years for "nearly four years". */
  years?: number;
  /** A duration told as the most it can be ("up to 40 years"). */
  ceiling?: boolean;
  /** A duration told as the sum of several ("a total of 31 years"): a shorter one told plainly may be one of its parts. */
  total?: boolean;
  /** Its words put it near midnight or in local time ("late Monday", "overnight"): a day either side may be the same moment. */
  nearMidnight?: boolean;
  /** What a comparison measures from ("the highest since December 2008", "the sixth rise since December"), not an event's date. */
  base?: boolean;
  /** The dateline place of its document: days in another place's dateline may be a day apart. */
  zone?: string;
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

export interface SourceProblem {
  path: string;
  reason: string;
  /** Set when the problem is with the on-disk index rather than a source file or folder. */
  kind?: 'cache';
}

export interface CheckOptions {
  /** Per-rule severity overrides; 'off' silences a rule. */
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  /** House spelling → its accepted variants (corroborate.json): a draft using any of them where the sources use another is not flagged. */
  acceptedSpellings?: Record<string, string[]>;
  /** Findings people dismissed with a reason (this draft's only): kept out of the diagnostics. */
  dismissals?: Dismissal[];
}

/** A finding someone dismissed, as the project's dismissals file records it. */
export interface Dismissal {
  /** The draft, relative to the project root, '/'-separated. */
  draft: string;
  rule: RuleId;
  /** The flagged text. */
  claim: string;
  /** Of the rule, the claim and its sentence (engine/dismissals.ts): an edit of that sentence voids the dismissal. */
  fingerprint: string;
  reason: string;
  /** "Name <email>" from git, else the OS user. */
  by: string;
  /** ISO time. */
  at: string;
}

/** One source's passages about a claim, for hovers and the comparison panel. */
export interface SourcePassages {
  source: SourceInfo;
  passages: Array<{
    excerpt: string;
    range: Range;
    /** The source's version of the fact (its quote wording, figure, date); empty when the passage only mentions it. */
    value: string;
    /** Whether this source's value agrees with the draft. */
    agrees: boolean;
  }>;
}

/** A draft claim set beside every source: what hovers and the comparison panel show. */
export interface ClaimComparison {
  claim: { kind: ClaimKind; text: string; range: Range };
  /** One line for people, e.g. "22 missiles: 4 of 5 sources agree with the draft". */
  summary: string;
  /** Sources that state this fact, and how many of them agree with the draft. */
  agreeing: number;
  stating: number;
  totalSources: number;
  /** The distinct values the sources give, most common first. */
  variants: Array<{ value: string; sources: number }>;
  /** One entry per source in the corpus, in corpus order; passages empty where the source does not mention it. */
  sources: SourcePassages[];
  /** Findings of the draft that overlap this claim. */
  findings: Finding[];
  /** Findings on this claim that someone dismissed, with the dismissal. */
  dismissed?: Array<{ finding: Finding; dismissal: Dismissal }>;
}

/** A fact on which the sources themselves disagree. */
export interface Disagreement {
  kind: ClaimKind | 'source-date';
  /** What the fact is about, e.g. "duration of the war" or the quote's first words. */
  topic: string;
  variants: Array<{
    value: string;
    sources: Array<{ source: SourceInfo; excerpt: string; range: Range }>;
  }>;
}
