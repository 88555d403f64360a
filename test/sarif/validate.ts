// Runs Microsoft's SARIF multitool (`sarif-multitool validate`, installed in test/sarif/ by .ci/run) on the CLI's
// SARIF for the demo draft and for a project whose draft has a recorded dismissal (a suppressed result), fixes, a
// path that needs percent-encoding and sources outside the project (absolute URIs). Fails on any error- or
// warning-level result.
// Needs `npm run build` (dist/cli.js) and `npm ci --prefix test/sarif`. Run: node --import tsx test/sarif/validate.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dismissalTarget, type Finding } from '../../server/src/engine';
import { corpusOf, ROOT } from '../engine/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string; repository?: unknown };

interface SarifResult {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation?: { region?: { startLine?: number } } }>;
}
interface SarifLog {
  runs: Array<{
    results?: SarifResult[];
    invocations?: Array<{ toolExecutionNotifications?: Array<{ level?: string; message: { text?: string } }> }>;
    tool: { driver: { rules?: Array<{ id: string; messageStrings?: Record<string, { text: string }> }> } };
  }>;
}

/** The multitool's own executable, run directly: its npm bin goes through a shell, which splits "Error;Warning". */
function multitool(): string {
  const require = createRequire(join(__dirname, 'package.json'));
  try {
    return require(`@microsoft/sarif-multitool-${process.platform === 'win32' ? 'win32' : process.platform}`) as string;
  } catch {
    throw new Error('the SARIF multitool is not installed: npm ci --prefix test/sarif');
  }
}

/**
 * Known, explained exceptions to "no warnings". SARIF2005 asks for `tool.driver.informationUri`; the package has no
 * home page yet (and a placeholder is worse than none). Allowed only while package.json names none, so adding one
 * without putting it in the SARIF makes this check fail.
 */
function allowed(r: SarifResult): boolean {
  // The multitool's message id misspells it: Warning_ProvideToolnformationUri.
  return r.ruleId === 'SARIF2005' && /nformationUri$/i.test(r.message.id ?? '') && !PACKAGE.homepage && !PACKAGE.repository;
}

function describeResult(log: SarifLog, r: SarifResult): string {
  const rule = log.runs[0].tool.driver.rules?.find((x) => x.id === r.ruleId);
  const template = (r.message.id && rule?.messageStrings?.[r.message.id]?.text) ?? r.message.text ?? '';
  const text = template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? '');
  return `${r.level ?? 'warning'} ${r.ruleId} (line ${r.locations?.[0]?.physicalLocation?.region?.startLine ?? '?'}): ${text}`;
}

/** Validates one SARIF file; returns the problems (error/warning results, tool errors) as lines. */
function validate(sarifFile: string, work: string): string[] {
  const out = join(work, `${sarifFile.replace(/[^\w.-]+/g, '_')}.validation.sarif`);
  // .NET looks for ICU and aborts where libicu is missing; the multitool needs no culture data.
  const env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: process.env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT ?? '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
  const args = ['validate', sarifFile, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note', '--kind', 'Fail'];
  const run = spawnSync(multitool(), args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (run.status !== 0 || !existsSync(out)) return [`sarif-multitool exited ${run.status}${run.error ? ` (${run.error.message})` : ''}: ${run.stdout}${run.stderr}`];
  const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
  const problems: string[] = [];
  for (const n of log.runs[0].invocations?.flatMap((i) => i.toolExecutionNotifications ?? []) ?? []) {
    if (n.level === 'error') problems.push(`tool error: ${n.message.text}`);
  }
  const results = log.runs[0].results ?? [];
  const notes = new Map<string, number>();
  for (const r of results) {
    const level = r.level ?? 'warning';
    if ((level === 'error' || level === 'warning') && !allowed(r)) problems.push(describeResult(log, r));
    else notes.set(r.ruleId, (notes.get(r.ruleId) ?? 0) + 1);
  }
  console.log(`  not failing (notes, and allowed warnings): ${[...notes].map(([id, n]) => `${id}×${n}`).join(' ') || 'none'}`);
  return problems;
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CORROBORATE_CACHE_DIR: 'off', NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `corroborate ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// A project with a space and a non-ASCII letter in its path, its sources outside it, one dismissed finding and
// others with fixes. Invented story, our own words.
const SOURCE = [
  '---', 'title: Harbour bridge reopens', 'date: 2025-06-03', 'outlet: Estuary Herald', '---', '',
  'The Velmar harbour bridge reopened on Tuesday after repairs costing 14 million euros, engineer Petra Quist said.',
  '"We replaced every cable on the northern span," Quist said.', '',
].join('\n');
const DRAFT = [
  '# Bridge reopens', '',
  'The Velmar harbour bridge reopened on Tuesday after repairs costing 19 million euros, engineer Petra Quist said.', '',
  '"We replaced each cable on the northern span," Quist said.', '',
].join('\n');

function projectSarif(work: string): string {
  const project = join(work, 'news desk');
  const wire = join(work, 'wire');
  mkdirSync(join(project, 'drafts'), { recursive: true });
  mkdirSync(wire);
  writeFileSync(join(wire, 'herald.md'), SOURCE);
  writeFileSync(join(project, 'drafts', 'brücke 1.md'), DRAFT);
  writeFileSync(join(project, 'corroborate.json'), JSON.stringify({ dismissals: 'review/dismissals.json' }));
  const draft = 'drafts/brücke 1.md';
  const findings = (JSON.parse(cli(project, 'check', draft, '--sources', wire, '--format', 'json')).files[0].findings as Finding[]);
  const conflict = findings.find((f) => f.rule === 'figure/conflict');
  assert.ok(conflict, `the draft's figure is flagged before its dismissal: ${JSON.stringify(findings.map((f) => f.rule))}`);
  const target = dismissalTarget(corpusOf([SOURCE]), DRAFT, 'figure/conflict', conflict.range);
  assert.ok(target, 'a dismissal target for the figure');
  mkdirSync(join(project, 'review'));
  const dismissal = { draft, rule: 'figure/conflict', ...target, reason: 'The council revised the cost after the wire ran.', by: 'Ines Varga <ines@example.org>', at: '2025-06-04T08:00:00.000Z' };
  writeFileSync(join(project, 'review', 'dismissals.json'), JSON.stringify({ version: 1, dismissals: [dismissal] }));

  const sarif = cli(project, 'check', draft, '--sources', wire, '--format', 'sarif');
  const results = JSON.parse(sarif).runs[0].results as Array<{ ruleId: string; fixes?: unknown[]; suppressions?: Array<{ kind: string; justification?: string }>; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
  const dismissed = results.filter((r) => r.ruleId === 'figure/conflict');
  assert.deepEqual(dismissed.map((r) => r.suppressions), [[{ kind: 'external', status: 'accepted', justification: dismissal.reason, properties: { by: dismissal.by, at: dismissal.at } }]], 'the dismissed finding is a suppressed result with its reason');
  assert.ok(results.some((r) => r.fixes?.length), `a result with fixes: ${JSON.stringify(results.map((r) => r.ruleId))}`);
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'drafts/br%C3%BCcke%201.md');
  assert.ok(results.some((r) => r.relatedLocations?.some((l) => l.physicalLocation.artifactLocation.uri.startsWith('file:///'))), 'evidence outside the project as absolute URIs');
  const file = join(work, 'project.sarif');
  writeFileSync(file, sarif);
  return file;
}

function main(): number {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: npm run build');
  const work = mkdtempSync(join(tmpdir(), 'corroborate-sarif-'));
  let passed = 0;
  let failed = 0;
  try {
    const demo = join(work, 'demo.sarif');
    writeFileSync(demo, cli(ROOT, 'check', 'client/demo/draft.md', '--sources', 'seeds', '--format', 'sarif'));
    const cases: Array<[string, () => string]> = [['demo draft', () => demo], ['draft with a dismissal, fixes, encoded and absolute URIs', () => projectSarif(work)]];
    for (const [name, make] of cases) {
      let problems: string[];
      try {
        console.log(`sarif-multitool validate: ${name}`);
        problems = validate(make(), work);
      } catch (err) {
        problems = [err instanceof Error ? err.message : String(err)];
      }
      for (const p of problems) console.log(`  ✗ ${p}`);
      if (problems.length) failed++;
      else passed++;
      console.log(`  ${problems.length ? '✗ failed' : '✓ no errors or warnings'}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`sarif: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = main();
