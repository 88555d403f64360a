// corroborate report <draft…> [--sources <dir…>] [--config FILE] [--format html|md|json] [--output FILE]
// One report per draft; several drafts go to stdout one after another (JSON: an array), or to FILE.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { loadCorpus } from '../corpus/corpus';
import { decodeText } from '../corpus/read';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../report';
import { exporterName } from '../report/exporter';
import { visible, visibleLine } from '../text/visible';
import { draftDismissals } from '../dismissals/file';
import { cliCheckOptions, cliConfig, cliSources } from './config';

export const REPORT_USAGE = '  corroborate report <draft…> [--sources <dir…>] [--config FILE] [--format html|md|json] [--output FILE]';

const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

class ReportUsageError extends Error {}

function parse(argv: string[]) {
  const drafts: string[] = [];
  const sources: string[] = [];
  let format: ReportFormat = 'md';
  let output: string | undefined;
  let config: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sources' || arg === '-s') {
      if (!argv[i + 1]) throw new ReportUsageError('--sources needs a folder');
      sources.push(argv[++i]);
    } else if (arg === '--format' || arg === '-f') {
      const value = argv[++i] ?? '';
      if (!REPORT_FORMATS.includes(value as ReportFormat)) throw new ReportUsageError(`unknown report format "${value}" (html, md or json)`);
      format = value as ReportFormat;
    } else if (arg === '--config' || arg === '-c') {
      if (!argv[i + 1]) throw new ReportUsageError('--config needs a corroborate.json file');
      config = argv[++i];
    } else if (arg === '--output' || arg === '-o') {
      if (!argv[i + 1]) throw new ReportUsageError('--output needs a file');
      output = argv[++i];
    } else if (arg.startsWith('-')) throw new ReportUsageError(`unknown option ${arg}`);
    else drafts.push(arg);
  }
  if (!drafts.length) throw new ReportUsageError('report needs at least one draft');
  return { drafts, sources, format, output, config };
}

function readDraft(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ReportUsageError(`draft not found: ${path}`);
  }
  if (!stat.isFile()) throw new ReportUsageError(`not a file: ${path}`);
  if (stat.size > MAX_DRAFT_BYTES) throw new ReportUsageError(`draft too large: ${path} (the limit is 10 MB)`);
  const read = decodeText(readFileSync(path));
  if (read.problem) throw new ReportUsageError(`cannot read ${path}: ${read.problem}`);
  if (read.warning) process.stderr.write(`corroborate: ${visible(path)}: ${visibleLine(read.warning)}\n`);
  return read.text ?? '';
}

/** Runs `report`; returns the exit code: 0 written, 2 bad usage or input. */
export async function runReport(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`usage:\n${REPORT_USAGE}\nexit codes: 0 written, 2 bad usage or input\n`);
    return 0;
  }
  try {
    const { drafts, sources: flagSources, format, output, config: configFlag } = parse(argv);
    // The project's corroborate.json, as `check` reads it: its sources unless --sources is given, its severities and
    // house spellings, so the report counts as the diagnostics do.
    const project = cliConfig(configFlag, drafts[0]);
    if (project.unreadable) throw new ReportUsageError(project.unreadable);
    for (const problem of project.problems) process.stderr.write(`corroborate: ${visibleLine(problem)}\n`);
    const sources = cliSources(flagSources, project.config);
    if (!sources.length) throw new ReportUsageError('report needs --sources <dir> (or a corroborate.json naming "sources")');
    const options = cliCheckOptions(project.config);
    const texts = drafts.map((path) => ({ path: resolve(path), text: readDraft(path) }));
    const corpus = await loadCorpus(sources);
    for (const p of corpus.problems) process.stderr.write(`corroborate: source ${visible(p.path)}: ${visibleLine(p.reason)}\n`);
    if (!corpus.sources.length) throw new ReportUsageError(`no readable .txt or .md sources under ${sources.join(', ')}`);
    const cwd = process.cwd();
    const displayPath = (p: string) => {
      const rel = relative(cwd, p);
      return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : p;
    };
    const exportedBy = await exporterName(cwd);
    const exportedAt = new Date().toISOString();
    const dismissalFiles = new Map();
    const reports = texts.map((d) => {
      const { dismissals, problems } = draftDismissals(d.path, cwd, dismissalFiles);
      for (const p of new Set(problems)) process.stderr.write(`corroborate: ${visibleLine(p)}\n`);
      return buildReport(corpus, d.text, { draftName: displayPath(d.path), exportedBy, exportedAt, displayPath, dismissals, severities: options.severities, acceptedSpellings: options.acceptedSpellings });
    });
    const content =
      format === 'json' && reports.length > 1
        ? JSON.stringify(reports, null, 2) + '\n'
        : reports.map((r) => renderReport(r, format)).join(format === 'md' ? '\n---\n\n' : '\n');
    if (output) writeFileSync(output, content);
    else process.stdout.write(content);
    return 0;
  } catch (error) {
    if (!(error instanceof ReportUsageError)) throw error;
    process.stderr.write(`corroborate: ${visibleLine(error.message)} (corroborate report --help shows usage)\n`);
    return 2;
  }
}
