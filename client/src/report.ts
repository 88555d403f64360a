// The fact-check report is built by the language server (corroborate.buildReport); the client only needs to know
// one when it sees one, so that an exported report is never checked as a draft.

/** The server's Markdown report starts with this (server/src/report/render.ts REPORT_HEADING; a test keeps them equal). */
export const REPORT_HEADING = '# Fact-check report: ';

/** Whether a document's text is one of our reports (which are not drafts to check). */
export function isReport(text: string): boolean {
  return text.startsWith(REPORT_HEADING);
}
