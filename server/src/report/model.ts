// The sign-off report: every checked claim of a draft with its status, the sources consulted, and an audit trail.
// Plain data, built by report/build.ts and rendered by report/render.ts (HTML, Markdown, JSON).
//
// JSON shape (`corroborate report --format json`, and `corroborate.buildReport` with format "json"):
//
// {
//   "schema": "corroborate-report/1",
//   "draft": { "name": "drafts/story.md", "words": 812 },
//   "summary": { "claims": 41, "agrees": 30, "conflicts": 2, "disputed": 1, "unverified": 7, "dismissed": 1, "accepted": 0 },
//   "claims": [{                      // in draft order; names once per spelling
//     "id": 1,
//     "kind": "quote" | "figure" | "date" | "name",
//     "text": "22 missiles",          // the draft's words (a quote's words without the marks)
//     "speaker": "Ana Petrova",       // quotes: who the draft says said it
//     "line": 14, "column": 34,       // 1-based, of the first mention
//     "mentions": 3,                  // names: how often the draft uses this spelling
//     "status": "agrees" | "conflicts" | "disputed" | "unverified" | "dismissed" | "accepted",
//     "stating": 4, "agreeing": 4,    // sources that state the fact, and those agreeing with the draft (as the hover counts)
//     "variants": [{ "value": "22 missiles", "sources": 4, "agrees": true }],
//     "passages": [{ "source": 0, "value": "22", "agrees": true, "line": 9, "excerpt": "…" }],   // at most 8
//     "findings": [{ "rule": "figure/conflict", "severity": "warning", "message": "…", "suggestions": ["22"],
//                    "line": 14, "column": 34, "hidden": "ignore comment" | "dismissed" | "repeat" (absent when shown),
//                    "evidence": [{ "source": 0, "line": 9, "excerpt": "…" }] }],
//     "dismissed": { "reason": "ignore comment", "by": "…", "at": "ISO time" },   // status "dismissed" only; by/at absent for an ignore comment
//     "accepted": { "house": "Zelenskyy", "sources": "Zelensky" },   // status "accepted" only: the house form, the sources' form
//     "note": "…"                     // optional, for people
//   }],
//   "sources": [{ "id": 0, "path": "seeds/001.txt", "title": "…", "outlet": "…", "date": "2025-11-25",
//                 "dateHow": "front matter", "claims": 12, "sha256": "…" }],   // the sources that state a claim; ids are passage/evidence "source"
//   "corpus": { "roots": ["seeds"], "sources": 5, "problems": [{ "path": "…", "reason": "…" }] },
//   "audit": { "draftSha256": "…", "corpusSha256": "…", "engine": "corroborate 0.1.0",
//              "exportedBy": "Ana Petrova <ana@example.org>", "exportedAt": "2025-11-25T10:00:00Z" }
// }
//
// sha256 values are of the text as checked, UTF-8 encoded; corpusSha256 is the sha256 of one line per corpus source,
// "<sha256>  <path>\n", sorted by path, so it changes when any source (consulted or not) does.
import type { ClaimKind, RuleId, Severity, SourceProblem } from '../model/types';

export const REPORT_SCHEMA = 'corroborate-report/1';

/**
 * agrees: no finding, and at least one source states the fact as the draft does.
 * conflicts: a rule found sources stating the same fact differently (quote/altered, figure/conflict, …).
 * disputed: the sources disagree among themselves (sources/disagree).
 * unverified: no source confirms it (none states it, or quote/unsourced).
 * dismissed: its only findings were dismissed (an ignore comment, or a dismissal recorded with a reason).
 * accepted: a name the sources spell another way, both forms being the project's accepted spellings (corroborate.json).
 */
export type ClaimStatus = 'agrees' | 'conflicts' | 'disputed' | 'unverified' | 'dismissed' | 'accepted';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['conflicts', 'disputed', 'unverified', 'dismissed', 'accepted', 'agrees'];

/** A name in an accepted spelling: the project's house form, and the form the sources use. */
export interface AcceptedSpellingUse {
  house: string;
  sources: string;
}

export interface Dismissal {
  reason: string;
  /** Who dismissed it and when (ISO); absent for an ignore comment in the draft. */
  by?: string;
  at?: string;
}

export interface ReportPassage {
  /** Index into Report.sources. */
  source: number;
  /** 1-based line in the source. */
  line: number;
  excerpt: string;
}

export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  suggestions: string[];
  line: number;
  column: number;
  /** Why the draft does not show it: an ignore comment, a recorded dismissal, or the fact was reported at its first mention. */
  hidden?: 'ignore comment' | 'dismissed' | 'repeat';
  evidence: ReportPassage[];
}

export interface ReportClaim {
  id: number;
  kind: ClaimKind;
  text: string;
  speaker?: string;
  line: number;
  column: number;
  mentions?: number;
  status: ClaimStatus;
  stating: number;
  agreeing: number;
  variants: Array<{ value: string; sources: number; agrees: boolean }>;
  passages: Array<ReportPassage & { value: string; agrees: boolean }>;
  findings: ReportFinding[];
  dismissed?: Dismissal;
  accepted?: AcceptedSpellingUse;
  note?: string;
}

export interface ReportSource {
  id: number;
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  dateHow?: string;
  /** How many of the report's claims this source states. */
  claims: number;
  sha256: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  draft: { name: string; words: number };
  summary: { claims: number } & Record<ClaimStatus, number>;
  claims: ReportClaim[];
  sources: ReportSource[];
  corpus: { roots: string[]; sources: number; problems: SourceProblem[] };
  audit: { draftSha256: string; corpusSha256: string; engine: string; exportedBy: string; exportedAt: string };
}

/** What an adapter knows that the engine must not look up itself. */
export interface ReportInput {
  /** The draft as people name it (a workspace-relative path, or an untitled document's name). */
  draftName: string;
  /** "Name <email>" from git, else the OS user. */
  exportedBy: string;
  /** ISO time; now when absent. */
  exportedAt?: string;
  /** How a source's absolute path is shown (relative to the workspace or cwd). */
  displayPath?: (path: string) => string;
  severities?: import('../model/types').CheckOptions['severities'];
  /** The project's house spellings (corroborate.json), as the diagnostics use them. */
  acceptedSpellings?: import('../model/types').CheckOptions['acceptedSpellings'];
  /** The draft's recorded dismissals (read from the project's dismissals file by the adapter). */
  dismissals?: import('../model/types').CheckOptions['dismissals'];
}

export type ReportFormat = 'html' | 'md' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];
