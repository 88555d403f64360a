#!/usr/bin/env node
// corroborate check <draft…> --sources <dir…> [--format text|json|sarif|github]   |   corroborate sources <dir…>
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DISAGREEMENT_PAGE, loadCorpus, pageOf, rankedDisagreements, RULES, type Corpus, type Finding } from '../engine';
import { RULE_IDS, type RuleId, type Severity, type SeveritySetting } from '../model/types';
import { decodeText, describeFsError, listSourceFiles, SOURCE_EXTENSIONS } from '../corpus/read';
import { readMetadata } from '../extract/metadata';
import type { SourceProblem } from '../model/types';
import { colourWanted, formatGithub, formatText, formatSources } from './format';
import { formatSarif, setAsideOf, type SarifFile } from './sarif';
import { runChecks } from '../engine/check';
import { expandGlob, hasGlob } from '../config/glob';
import { version } from '../../../package.json';
import { visible, visibleLine } from '../text/visible';
import { REPORT_USAGE, runReport } from './report';
import { draftDismissals } from '../dismissals/file';
import { cliCheckOptions, cliConfig, cliSources } from './config';

const USAGE = `usage:
  corroborate check <draft…> [--sources <dir…>] [--config FILE] [options]
  corroborate sources <dir…> [--format json|text] [--limit N] [--offset N]   (disagreements strongest first, ${DISAGREEMENT_PAGE} a page)
  corroborate rules
${REPORT_USAGE}
  corroborate --help | --version

A draft is a file, a folder (its .md and .txt files) or a quoted glob ('drafts/**/*.md').

check options:
  -s, --sources <dir>        a folder of sources (repeatable); overrides corroborate.json's sources
  -c, --config <file>        the project's corroborate.json (default: the nearest above the first draft)
  -f, --format <format>      text (default), json, sarif or github (workflow annotations)
  --severity <rule>=<level>  report a rule at off, hint, information, warning or error (repeatable)
  --fail-on <level>          exit 1 on a finding at or above error (default), warning,
                             information or hint; none never fails
  --color, --no-color        colour the text output (default: on a terminal, unless NO_COLOR is set)

exit codes: 0 clean, 1 a finding at or above the --fail-on level, 2 bad usage or input`;

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
type FailOn = Severity | 'none';

const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  const sources: string[] = [];
  let format = 'text';
  const page = { offset: 0, limit: DISAGREEMENT_PAGE };
  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  let failOn: FailOn = 'error';
  let colour: boolean | undefined;
  let config: string | undefined;
  // `--option=value` is read as `--option value`.
  argv = argv.flatMap((a) => (/^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--limit' || arg === '--offset') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < (arg === '--limit' ? 1 : 0)) throw new UsageError(`${arg} needs a whole number${arg === '--limit' ? ' of at least 1' : ''}`);
      page[arg === '--limit' ? 'limit' : 'offset'] = n;
    } else if (arg === '--severity') {
      const [rule, level] = parseSeverity(argv[++i]);
      severities[rule] = level;
    } else if (arg === '--fail-on') {
      const value = argv[++i] ?? '';
      if (value !== 'none' && !Object.hasOwn(SEVERITY_RANK, value)) throw new UsageError(`unknown --fail-on level "${value}" (error, warning, information, hint or none)`);
      failOn = value as FailOn;
    } else if (arg === '--color' || arg === '--colour') colour = true;
    else if (arg === '--no-color' || arg === '--no-colour') colour = false;
    else if (arg === '--sources' || arg === '-s') {
      if (!argv[i + 1]) throw new UsageError('--sources needs a folder');
      sources.push(argv[++i]);
    } else if (arg === '--config' || arg === '-c') {
      if (!argv[i + 1]) throw new UsageError('--config needs a corroborate.json file');
      config = argv[++i];
    } else if (arg === '--format' || arg === '-f') {
      format = argv[++i] ?? '';
      if (!['json', 'text', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif or github)`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, sources, format, severities, failOn, colour, page, config };
}

/** `rule=level`, both checked against the rule ids and severity settings. */
function parseSeverity(value: string | undefined): [RuleId, SeveritySetting] {
  const match = /^([^=]+)=(.*)$/.exec(value ?? '');
  if (!match) throw new UsageError(`--severity needs rule=level, e.g. figure/conflict=error`);
  const [, rule, level] = match;
  if (!(RULE_IDS as readonly string[]).includes(rule)) throw new UsageError(`unknown rule "${rule}" in --severity (corroborate rules lists them)`);
  if (!SEVERITY_SETTINGS.includes(level as SeveritySetting)) throw new UsageError(`unknown level "${level}" for ${rule} (off, hint, information, warning or error)`);
  return [rule as RuleId, level as SeveritySetting];
}

function warnProblems(corpus: Corpus) {
  for (const p of corpus.problems) process.stderr.write(`corroborate: ${p.kind === 'cache' ? 'cache' : 'source'} ${visible(p.path)}: ${visibleLine(p.reason)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('no command given');
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    console.log(version);
    return 0;
  }
  if (command === 'report') return runReport(rest);
  const { positional, sources: flagSources, format, severities, failOn, colour, page, config: configFlag } = parseArgs(rest);
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
    const { items: disagreements, ...listed } = pageOf(rankedDisagreements(corpus), page.offset, page.limit);
    console.log(format === 'json' ? JSON.stringify({ sources: corpus.sources.map((s) => ({ ...s.info, claims: counts(s) })), problems: corpus.problems, disagreements, disagreementPage: listed }, null, 2) : formatSources(corpus, disagreements, listed));
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
  // corroborate.json's severities, then the --severity flags over them.
  const configured = cliCheckOptions(project.config);
  const options = { ...configured, severities: { ...configured.severities, ...severities } };
  const drafts = (await Promise.all(positional.map(draftsAt))).flat();
  // A draft kept in its sources folder is checked against the rest, never as evidence for itself.
  const corpus = await loadCorpus(sources, { exclude: drafts.map((d) => d.path) });
  warnProblems(corpus);
  if (!corpus.sources.length) return fail(`no readable .txt or .md sources under ${sources.join(', ')}`);
  // SARIF also reports what was set aside (dismissed, ignore comments) as suppressed results; the findings are the same.
  const keepHidden = format === 'sarif';
  const files: Array<SarifFile & { text: string }> = drafts.map((d) => {
    const run = runChecks(corpus, d.text, { ...options, dismissals: loadDismissals(d.path) }, keepHidden);
    return { path: d.path, text: d.text, findings: run.findings, ...(keepHidden ? { setAside: setAsideOf(run.outcomes) } : {}) };
  });
  if (format === 'json') console.log(JSON.stringify({ files: files.map(({ path, findings }) => ({ path, findings })) }, null, 2));
  else if (format === 'sarif') console.log(JSON.stringify(formatSarif(files, { version, severities: options.severities }), null, 2));
  else if (format === 'github') process.stdout.write(formatGithub(files));
  else process.stdout.write(formatText(files, { colour: colourWanted(colour, process.stdout.isTTY, process.env) }));
  return failing(files.flatMap((f) => f.findings), failOn) ? 1 : 0;
}

/** Whether any finding is at or above the --fail-on level. */
function failing(findings: Finding[], failOn: FailOn): boolean {
  return failOn !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

/** The draft's recorded dismissals (the project's dismissals file); a file that cannot be read is reported, not fatal. */
const dismissalFiles = new Map();
const dismissalProblems = new Set<string>();
function loadDismissals(draft: string) {
  const { dismissals, problems } = draftDismissals(draft, process.cwd(), dismissalFiles);
  for (const p of problems) if (!dismissalProblems.has(p) && dismissalProblems.add(p)) process.stderr.write(`corroborate: ${visibleLine(p)}\n`);
  return dismissals;
}

function counts(s: Corpus['sources'][number]) {
  const a = s.analysis;
  return { quotes: a.quotes.length, figures: a.figures.length, dates: a.dates.length, sentences: a.sentences.length };
}

/** The draft at `path`, the .md and .txt drafts under it when it is a folder, or those a glob matches. */
async function draftsAt(path: string): Promise<Array<{ path: string; text: string }>> {
  // A literal file wins over a glob reading of its name ('what?.md').
  if (hasGlob(path) && !existsSync(path)) {
    const matched = expandGlob(path).filter((file) => SOURCE_EXTENSIONS.has(extname(file).toLowerCase()));
    if (!matched.length) throw new UsageError(`no .md or .txt drafts match ${path}`);
    return matched.map((file) => ({ path: file, text: readDraft(file, file) }));
  }
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
