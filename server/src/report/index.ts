// The sign-off report: built by the engine from one check, rendered for people or machines.
export * from './model';
export { buildReport, sha256, ENGINE } from './build';
export { renderReport, REPORT_HEADING, mdEscape } from './render';
