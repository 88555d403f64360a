#!/usr/bin/env node
// corroborate check <draft…> --sources <dir…> [--format json|text|sarif]   |   corroborate sources <dir…>
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkText, corpusDisagreements, loadCorpus, RULES, type Corpus, type Finding } from '../engine';
import { decodeText, describeFsError, listSourceFiles } from '../corpus/read';
import { readMetadata } from '../corpus/metadata';
import type { SourceProblem } from '../model/types';
import { formatText, formatSarif, formatSources } from './format';
import { visible, visibleLine } from '../text/visible';
import { REPORT_USAGE, runReport } from './report';
import { cliCheckOptions, cliConfig, cliSources } from './config';

const USAGE = `usage:
  corroborate check <draft…> [--sources <dir…>] [--config FILE] [--format json|text|sarif]
    (without --config, the corroborate.json nearest above the first draft is read; --sources overrides its sources)
  corroborate sources <dir…> [--format json|text]
  corroborate rules
${REPORT_USAGE}
exit codes: 0 clean, 1 a finding at error level, 2 bad usage or input`;

const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  const sources: string[] = [];
  let format = 'text';
  let config: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sources' || arg === '-s') {
      if (!argv[i + 1]) throw new UsageError('--sources needs a folder');
      sources.push(argv[++i]);
    } else if (arg === '--config' || arg === '-c') {
      if (!argv[i + 1]) throw new UsageError('--config needs a corroborate.json file');
      config = argv[++i];
    } else if (arg === '--format' || arg === '-f') {
      format = argv[++i] ?? '';
      if (!['json', 'text', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}" (json, text or sarif)`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, sources, format, config };
}

function warnProblems(corpus: Corpus) {
  for (const p of corpus.problems) process.stderr.write(`corroborate: ${p.kind === 'cache' ? 'cache' : 'source'} ${visible(p.path)}: ${visibleLine(p.reason)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('no command given');
  if (command === 'report') return runReport(rest);
  const { positional, sources: flagSources, format, config: configFlag } = parseArgs(rest);
  let sources = flagSources;
  if (command === 'rules') {
    for (const rule of RULES) console.log(`${rule.id} (${rule.defaultSeverity})\n  ${rule.description}\n`);
    return 0;
  }
  if (command === 'sources') {
    const roots = [...positional, ...sources];
    if (!roots.length) throw new UsageError('sources needs a folder');
    const corpus = await loadCorpus(roots);
    warnProblems(corpus);
    if (!corpus.sources.length) return fail(`no readable .txt or .md sources under ${roots.join(', ')}`);
    const disagreements = corpusDisagreements(corpus);
    console.log(format === 'json' ? JSON.stringify({ sources: corpus.sources.map((s) => ({ ...s.info, claims: counts(s) })), problems: corpus.problems, disagreements }, null, 2) : formatSources(corpus, disagreements));
    return 0;
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  if (!positional.length) throw new UsageError('check needs at least one draft');
  const project = cliConfig(configFlag, positional[0]);
  if (project.unreadable) throw new UsageError(project.unreadable);
  for (const problem of project.problems) process.stderr.write(`corroborate: ${visibleLine(problem)}\n`);
  sources = cliSources(flagSources, project.config);
  if (!sources.length) {
    throw new UsageError(project.config?.sources ? `none of the sources in ${project.config.file} exists (${project.config.sources.join(', ')})` : 'check needs --sources <dir> (or a corroborate.json naming "sources")');
  }
  const options = cliCheckOptions(project.config);
  const drafts = (await Promise.all(positional.map(draftsAt))).flat();
  // A draft kept in its sources folder is checked against the rest, never as evidence for itself.
  const corpus = await loadCorpus(sources, { exclude: drafts.map((d) => d.path) });
  warnProblems(corpus);
  if (!corpus.sources.length) return fail(`no readable .txt or .md sources under ${sources.join(', ')}`);
  const files = drafts.map((d) => ({ path: d.path, text: d.text, findings: checkText(corpus, d.text, options) }));
  if (format === 'json') console.log(JSON.stringify({ files: files.map(({ path, findings }) => ({ path, findings })) }, null, 2));
  else if (format === 'sarif') console.log(JSON.stringify(formatSarif(files), null, 2));
  else process.stdout.write(formatText(files));
  return files.some((f) => f.findings.some((x: Finding) => x.severity === 'error')) ? 1 : 0;
}

function counts(s: Corpus['sources'][number]) {
  const a = s.analysis;
  return { quotes: a.quotes.length, figures: a.figures.length, dates: a.dates.length, sentences: a.sentences.length };
}

/** The draft at `path`, or the .md and .txt drafts under it when it is a folder. */
async function draftsAt(path: string): Promise<Array<{ path: string; text: string }>> {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new UsageError(`draft ${describeFsError(error)}: ${path}`);
  }
  if (!stat.isDirectory()) return [{ path: resolve(path), text: readDraft(path, path, stat.size) }];
  const problems: SourceProblem[] = [];
  const listed = await listSourceFiles([resolve(path)], problems);
  for (const p of problems) process.stderr.write(`corroborate: draft ${visible(p.path)}: ${visibleLine(p.reason)}\n`);
  if (!listed.length) throw new UsageError(`no .md or .txt drafts in ${path}`);
  return listed.map((file) => ({ path: file.path, text: readDraft(file.fsPath, file.path) }));
}

function readDraft(fsPath: string | Buffer, path: string, size = statSync(fsPath).size): string {
  if (size > MAX_DRAFT_BYTES) throw new UsageError(`draft too large: ${path} (${(size / 1048576).toFixed(1)} MB; the limit is 10 MB)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fsPath);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const read = decodeText(bytes);
  if (read.problem) throw new UsageError(`cannot check ${path}: ${read.problem}`);
  if (read.warning) process.stderr.write(`corroborate: ${visible(path)}: ${visibleLine(read.warning)}\n`);
  const text = read.text ?? '';
  // Sources are told about front matter that cannot be read; so are drafts.
  for (const warning of readMetadata(text).warnings) process.stderr.write(`corroborate: ${visible(path)}: ${visibleLine(warning)}\n`);
  return text;
}

function fail(message: string): number {
  process.stderr.write(`corroborate: ${visibleLine(message)}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  // exitCode, not exit(): stdout to a pipe is written asynchronously and exit() would cut a long report at 64 KB.
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) process.stderr.write(`corroborate: ${visibleLine(error.message)} (corroborate --help shows usage)\n`);
    else process.stderr.write(`corroborate: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
