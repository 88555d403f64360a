// The CLI in CI: --help and --version, globs as drafts, --severity and --fail-on, totals and colour,
// GitHub annotations, and SARIF that the 2.1.0 schema accepts (dismissed and ignore-comment findings as suppressions).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { colourWanted, formatGithub, formatText } from '../../server/src/cli/format';
import { artifactLocation, formatSarif, setAsideOf, sourceRoot } from '../../server/src/cli/sarif';
import { runChecks } from '../../server/src/engine/check';
import { RULE_IDS, type Finding, type RuleId } from '../../server/src/model/types';
import { dismissalTarget } from '../../server/src/engine';
import { corpusOf, ROOT, SEEDS } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const DEMO = join(ROOT, 'client', 'demo', 'draft.md');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
let dir: string;
let clean: string;
/** The demo draft's findings at the default severities (computed once: each run loads the seeds). */
let demoFindings: Finding[];

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...options.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFile { path: string; findings: Finding[] }
function checkJson(...args: string[]): JsonFile[] {
  const r = cli(['check', ...args, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout).files;
}

before(() => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, `npm run build failed: ${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-ci-'));
  clean = join(dir, 'clean.md');
  writeFileSync(clean, '# A quiet day\n\nThe weather in Kyiv was cold and grey, and the markets were calm.\n');
  demoFindings = checkJson(DEMO, '--sources', SEEDS)[0].findings;
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('--help and --version', () => {
  for (const args of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
    it(`corroborate ${args.join(' ')} prints the usage to stdout and exits 0`, () => {
      const r = cli(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^usage:\n {2}corroborate check <draft…> \[--sources <dir…>\] \[--config FILE\]/);
      assert.match(r.stdout, /--fail-on <level>/);
      assert.equal(r.stderr, '');
    });
  }

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${VERSION}\n`);
  });
});

describe('globs as drafts', () => {
  it("a quoted 'drafts/**/*.md' expands to the drafts it matches, relative to the working folder", () => {
    const project = join(dir, 'glob-project');
    mkdirSync(join(project, 'drafts', 'week1'), { recursive: true });
    writeFileSync(join(project, 'drafts', 'a.md'), 'The weather was cold.\n');
    writeFileSync(join(project, 'drafts', 'week1', 'b.md'), 'The markets were calm.\n');
    writeFileSync(join(project, 'drafts', 'week1', 'c.txt'), 'Not matched by *.md.\n');
    const r = cli(['check', 'drafts/**/*.md', '--sources', SEEDS, '--format', 'json'], { cwd: project });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: JsonFile) => f.path), [join(project, 'drafts', 'a.md'), join(project, 'drafts', 'week1', 'b.md')]);
  });

  it('a glob that matches no draft: exit 2, one line', () => {
    const r = cli(['check', join(dir, 'nothing', '**', '*.md'), '--sources', SEEDS]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^corroborate: no \.md or \.txt drafts match .*nothing\/\*\*\/\*\.md \(corroborate --help shows usage\)\n$/);
  });
});

describe('--severity rule=level', () => {
  it('raises a rule to error, which fails the run', () => {
    const r = cli(['check', DEMO, '--sources', SEEDS, '--severity', 'figure/conflict=error', '--format', 'json']);
    assert.equal(r.code, 1);
    const findings: Finding[] = JSON.parse(r.stdout).files[0].findings;
    assert.ok(findings.some((f) => f.rule === 'figure/conflict'));
    for (const f of findings) if (f.rule === 'figure/conflict') assert.equal(f.severity, 'error');
  });

  it('off silences a rule; --severity=rule=level is read the same; several can be given', () => {
    const before = demoFindings;
    assert.ok(before.some((f) => f.rule === 'name/misspelled') && before.some((f) => f.rule === 'quote/altered'));
    const after = checkJson(DEMO, '--sources', SEEDS, '--severity=name/misspelled=off', '--severity', 'quote/altered=off')[0].findings;
    assert.deepEqual(after, before.filter((f) => f.rule !== 'name/misspelled' && f.rule !== 'quote/altered'));
  });

  const BAD: Array<[string, string, RegExp]> = [
    ['an unknown rule', 'figure/conflit=error', /unknown rule "figure\/conflit" in --severity/],
    ['an unknown level', 'figure/conflict=fatal', /unknown level "fatal" for figure\/conflict \(off, hint, information, warning or error\)/],
    ['no =', 'figure/conflict', /--severity needs rule=level/],
  ];
  for (const [why, value, message] of BAD) {
    it(`exit 2 and one line on ${why}`, () => {
      const r = cli(['check', DEMO, '--sources', SEEDS, '--severity', value]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }
});

describe('--fail-on', () => {
  it('warning: exit 1 on the demo draft (it has warnings) and 0 on a clean draft', () => {
    assert.ok(demoFindings.some((f) => f.severity === 'warning'));
    assert.equal(cli(['check', DEMO, '--sources', SEEDS, '--fail-on', 'warning']).code, 1);
    assert.equal(cli(['check', clean, '--sources', SEEDS, '--fail-on', 'warning']).code, 0);
  });

  it('error is the default: warnings alone pass', () => {
    assert.ok(demoFindings.length > 0 && !demoFindings.some((f) => f.severity === 'error'));
    assert.equal(cli(['check', DEMO, '--sources', SEEDS]).code, 0);
  });

  it('none never fails, even on an error', () => {
    assert.equal(cli(['check', DEMO, '--sources', SEEDS, '--severity', 'figure/conflict=error', '--fail-on', 'none']).code, 0);
  });

  it('information fails on a notice that warning lets pass', () => {
    const warned = [...new Set(demoFindings.filter((f) => f.severity === 'warning').map((f) => f.rule))];
    const args = ['check', DEMO, '--sources', SEEDS, '--format', 'json', ...warned.flatMap((r) => ['--severity', `${r}=off`])];
    const notices = cli([...args, '--fail-on', 'information']);
    assert.equal(notices.code, 1);
    const findings: Finding[] = JSON.parse(notices.stdout).files[0].findings;
    assert.ok(findings.length > 0 && findings.every((f) => f.severity === 'information'), JSON.stringify(findings.map((f) => f.severity)));
    assert.equal(cli([...args, '--fail-on', 'warning']).code, 0);
  });

  it('an unknown level: exit 2, one line', () => {
    const r = cli(['check', DEMO, '--sources', SEEDS, '--fail-on', 'warnings']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^corroborate: unknown --fail-on level "warnings" \(error, warning, information, hint or none\)/);
    assert.equal(cli(['check', DEMO, '--sources', SEEDS, '--fail-on', 'toString']).code, 2, 'not an inherited property name');
  });
});

describe('text output: totals and colour', () => {
  it('ends with the files checked and the findings per severity and per rule, as the JSON counts them', () => {
    const files = checkJson(DEMO, clean, '--sources', SEEDS);
    const all = files.flatMap((f) => f.findings);
    const r = cli(['check', DEMO, clean, '--sources', SEEDS]);
    const count = (pred: (f: Finding) => boolean) => all.filter(pred).length;
    const severities = (['error', 'warning', 'information', 'hint'] as const)
      .filter((s) => count((f) => f.severity === s))
      .map((s) => `${count((f) => f.severity === s)} ${count((f) => f.severity === s) === 1 || s === 'information' ? s : `${s}s`}`);
    const rules = RULE_IDS.filter((id) => count((f) => f.rule === id)).map((id) => `  ${id}: ${count((f) => f.rule === id)}`);
    assert.ok(r.stdout.endsWith(`\n\n2 files checked, ${all.length} findings: ${severities.join(', ')}\n${rules.join('\n')}\n`), r.stdout.slice(-600));
    assert.ok(rules.length >= 3);
  });

  it('a clean run says so', () => {
    assert.ok(cli(['check', clean, '--sources', SEEDS]).stdout.endsWith('\n1 file checked, 0 findings\n'));
  });

  it('no colour when piped; --color colours the severity words only; --no-color wins over a terminal', () => {
    const piped = cli(['check', DEMO, '--sources', SEEDS]);
    assert.doesNotMatch(piped.stdout, /\x1b/);
    const coloured = cli(['check', DEMO, '--sources', SEEDS, '--color']);
    assert.match(coloured.stdout, /:\d+:\d+ \x1b\[33mwarning\x1b\[0m (quote|name|figure|date)\//);
    assert.match(coloured.stdout, /\x1b\[36minformation\x1b\[0m/);
    assert.equal(coloured.stdout.replace(/\x1b\[\d+m/g, ''), piped.stdout);
  });

  // util-linux `script` gives the CLI a real terminal.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it('colour on a terminal by default, none with NO_COLOR or --no-color', { skip: !hasScript && 'no `script` command' }, () => {
    const onTerminal = (extra: string, env: NodeJS.ProcessEnv = {}) => {
      const command = [process.execPath, CLI, 'check', DEMO, '--sources', SEEDS, extra].filter(Boolean).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const { NO_COLOR: _, ...rest } = process.env;
      return spawnSync('script', ['-qc', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...rest, ...env } }).stdout;
    };
    const plain = (text: string) => text.replace(/\r/g, '');
    assert.match(plain(onTerminal('')), /:\d+:\d+ \x1b\[33mwarning\x1b\[0m /);
    assert.doesNotMatch(plain(onTerminal('', { NO_COLOR: '1' })), /\x1b/);
    assert.doesNotMatch(plain(onTerminal('--no-color')), /\x1b/);
  });

  it('colourWanted: a flag decides; otherwise a terminal without NO_COLOR', () => {
    assert.equal(colourWanted(undefined, true, {}), true);
    assert.equal(colourWanted(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(colourWanted(undefined, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset, per no-color.org');
    assert.equal(colourWanted(undefined, false, {}), false);
    assert.equal(colourWanted(undefined, undefined, {}), false);
    assert.equal(colourWanted(true, false, { NO_COLOR: '1' }), true);
    assert.equal(colourWanted(false, true, {}), false);
  });

  it('untrusted text stays visible with colour on', () => {
    const finding = fakeFinding('figure/conflict', 'Sources say \u001b]0;owned\u0007 something');
    const text = formatText([{ path: join(process.cwd(), 'x.md'), findings: [finding] }], { colour: true });
    assert.doesNotMatch(text.replace(/\x1b\[\d+m/g, ''), /[\u0000-\u0008\u000b-\u001f]/);
  });
});

function fakeFinding(rule: RuleId, message: string, suggestions: string[] = []): Finding {
  return { rule, severity: 'warning', message, suggestions, evidence: [], range: { start: { line: 2, character: 4 }, end: { line: 3, character: 9 } } };
}

describe('--format github', () => {
  const ANNOTATION = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=corroborate ([a-z]+\/[a-z]+)::(.+)$/;

  it('one workflow annotation per finding, at its 1-based range', () => {
    const findings = demoFindings;
    const r = cli(['check', DEMO, '--sources', SEEDS, '--format', 'github']);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, findings.length);
    lines.forEach((line, i) => {
      const m = ANNOTATION.exec(line);
      assert.ok(m, line);
      const f = findings[i];
      assert.equal(m[1], f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice');
      assert.equal(m[2], 'client/demo/draft.md');
      assert.deepEqual(m.slice(3, 7).map(Number), [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1]);
      assert.equal(m[7], f.rule);
      assert.ok(m[8].startsWith(f.message.replace(/%/g, '%25')), m[8]);
    });
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const finding = fakeFinding('quote/altered', '100% of\r\nit: yes, no', ['a, b']);
    const out = formatGithub([{ path: join('/repo', 'news, notes', 'a:b%.md'), findings: [finding] }], '/repo');
    assert.equal(out, '::warning file=news%2C notes/a%3Ab%25.md,line=3,col=5,endLine=4,endColumn=10,title=corroborate quote/altered::100%25 of it: yes, no (suggestion: “a, b”)\n');
  });

  it('paths are relative to the git top level, wherever in the checkout it runs', () => {
    const repo = join(dir, 'gh-repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'desk', 'drafts'), { recursive: true });
    writeFileSync(join(repo, 'desk', 'drafts', 'a.md'), 'Officials said 32 missiles and more than 460 drones hit Ukrainian cities.\n');
    const r = cli(['check', 'drafts/a.md', '--sources', SEEDS, '--format', 'github'], { cwd: join(repo, 'desk') });
    assert.match(r.stdout, /^::warning file=desk\/drafts\/a\.md,line=1,/);
  });

  it('prints nothing for a clean draft', () => {
    const r = cli(['check', clean, '--sources', SEEDS, '--format', 'github']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });
});

describe('--format sarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const assertValid = (sarif: unknown) => assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

  it('the schema check can fail (a result without a message is rejected)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] }), false);
  });

  it('is valid SARIF 2.1.0, with rules, version, repository-relative URIs, fixes and related locations', () => {
    const findings = demoFindings;
    const r = cli(['check', DEMO, '--sources', SEEDS, '--format', 'sarif']);
    assert.equal(r.code, 0, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assertValid(sarif);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.version, VERSION);
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), [...RULE_IDS]);
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text.startsWith(rule.shortDescription.text), JSON.stringify(rule));
      assert.ok(['warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.equal(rule.helpUri, undefined, 'no help page is shipped yet');
    }
    const root = sourceRoot(ROOT);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } });
    assert.equal(run.results.length, findings.length);
    run.results.forEach((result: any, i: number) => {
      const f = findings[i];
      assert.equal(result.ruleId, f.rule);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, f.rule);
      const location = result.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: 'client/demo/draft.md', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(location.region, { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 });
      assert.deepEqual((result.fixes ?? []).map((x: any) => x.artifactChanges[0].replacements[0].insertedContent.text), f.suggestions);
      for (const fix of result.fixes ?? []) assert.deepEqual(fix.artifactChanges[0].replacements[0].deletedRegion, location.region);
      assert.equal((result.relatedLocations ?? []).length, f.evidence.length);
      (result.relatedLocations ?? []).forEach((related: any, k: number) => {
        assert.deepEqual(related.physicalLocation.artifactLocation, artifactLocation(f.evidence[k].source, root));
        assert.equal(related.physicalLocation.region.startLine, f.evidence[k].range.start.line + 1);
        assert.ok(related.message.text.includes(f.evidence[k].excerpt));
      });
    });
    assert.ok(run.results.some((x: any) => x.fixes?.length) && run.results.some((x: any) => x.relatedLocations?.length));
  });

  it('percent-encodes paths under the git top level, gives sources outside it as file URIs, and records --severity overrides', () => {
    const repo = join(dir, 'repo');
    const drafts = join(repo, 'my drafts');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(drafts, 'sub'), { recursive: true });
    const draft = join(drafts, '50% off #1.md');
    writeFileSync(draft, 'Officials said 32 missiles and more than 460 drones hit Ukrainian cities. Umarov spoke.\n');
    // Run from a folder below the top level: URIs are still relative to the top level.
    const r = cli(['check', '../50% off #1.md', '--sources', SEEDS, '--format', 'sarif', '--severity', 'figure/conflict=error', '--severity', 'quote/unsourced=off'], { cwd: join(drafts, 'sub') });
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assertValid(sarif);
    const run = sarif.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(repo).href}/`);
    assert.ok(run.results.length > 0);
    const result = run.results.find((x: any) => x.ruleId === 'figure/conflict');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'my%20drafts/50%25%20off%20%231.md', uriBaseId: '%SRCROOT%' });
    const related = result.relatedLocations[0].physicalLocation.artifactLocation;
    assert.equal(related.uriBaseId, undefined, 'the seeds are outside this repository');
    assert.ok(related.uri.startsWith(pathToFileURL(SEEDS).href + '/'), related.uri);
    assert.deepEqual(run.invocations[0].ruleConfigurationOverrides, [
      { descriptor: { id: 'figure/conflict', index: RULE_IDS.indexOf('figure/conflict') }, configuration: { level: 'error' } },
      { descriptor: { id: 'quote/unsourced', index: RULE_IDS.indexOf('quote/unsourced') }, configuration: { enabled: false } },
    ]);
  });

  it('sourceRoot finds the git top level from a folder inside it, else keeps the folder', () => {
    const repo = join(dir, 'root-repo');
    mkdirSync(join(repo, 'a', 'b'), { recursive: true });
    writeFileSync(join(repo, '.git'), 'gitdir: /elsewhere\n');
    assert.equal(sourceRoot(join(repo, 'a', 'b')), repo);
    const loose = mkdtempSync(join(tmpdir(), 'corroborate-no-git-'));
    try {
      assert.equal(sourceRoot(loose), loose);
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });

  it('reports a dismissed finding as an external suppression with its reason, an ignore comment as inSource, and --fail-on counts neither', () => {
    // Invented story, our own words: two figures the draft changes, one dismissed by a reviewer, one under an ignore comment.
    const source = '---\ntitle: Ferry fleet grows\ndate: 2025-04-01\noutlet: Coastline News\n---\n\nThe Brask ferry line added 8 vessels on Monday, director Linnea Haugsvik said.\n\nThe Brask port handled 40 sailings a day, harbour master Oda Lind said.\n';
    const draft = '# Ferries\n\nThe Brask ferry line added 11 vessels on Monday, director Linnea Haugsvik said.\n\n<!-- corroborate-disable-next-line figure/conflict -->\nThe Brask port handled 55 sailings a day, harbour master Oda Lind said.\n';
    const project = join(dir, 'ferry desk');
    const wire = join(dir, 'ferry wire');
    mkdirSync(join(project, 'drafts'), { recursive: true });
    mkdirSync(join(project, 'review'));
    mkdirSync(wire);
    writeFileSync(join(wire, 'coastline.md'), source);
    writeFileSync(join(project, 'drafts', 'ferry.md'), draft);
    writeFileSync(join(project, 'corroborate.json'), JSON.stringify({ dismissals: 'review/dismissals.json' }));
    const check = (format: string) => cli(['check', 'drafts/ferry.md', '--sources', wire, '--format', format, '--fail-on', 'warning'], { cwd: project, env: { NO_COLOR: '1' } });

    const before = check('json');
    assert.equal(before.code, 1, `the changed figure fails the run before its dismissal: ${before.stderr}`);
    const flagged = (JSON.parse(before.stdout).files[0].findings as Finding[]).filter((f) => f.rule === 'figure/conflict');
    assert.deepEqual(flagged.map((f) => f.range.start.line), [2], 'the figure under the ignore comment is not shown');
    const target = dismissalTarget(corpusOf([source]), draft, 'figure/conflict', flagged[0].range);
    assert.equal(target?.claim, '11 vessels');
    const dismissal = { draft: 'drafts/ferry.md', rule: 'figure/conflict', ...target, reason: 'Three vessels were added after the wire ran.', by: 'Oskar Fjelde <oskar@example.org>', at: '2025-04-02T07:00:00.000Z' };
    writeFileSync(join(project, 'review', 'dismissals.json'), JSON.stringify({ version: 1, dismissals: [dismissal] }));

    const sarif = check('sarif');
    assert.equal(sarif.code, 0, `set-aside findings never fail the run: ${sarif.stderr}`);
    const log = JSON.parse(sarif.stdout);
    assertValid(log);
    const results = log.runs[0].results as any[];
    const conflicts = results.filter((r) => r.ruleId === 'figure/conflict');
    assert.deepEqual(conflicts.map((r) => r.locations[0].physicalLocation.region.startLine), [3, 6], 'both figures, in draft order');
    assert.deepEqual(conflicts[0].suppressions, [{ kind: 'external', status: 'accepted', justification: dismissal.reason, properties: { by: dismissal.by, at: dismissal.at } }]);
    assert.deepEqual(conflicts[1].suppressions, [{ kind: 'inSource', status: 'accepted' }]);
    assert.equal(conflicts[0].level, 'warning', 'a suppressed result keeps its level');
    assert.ok(conflicts[0].relatedLocations?.length && conflicts[0].message.text.includes('8 vessels'));
    assert.ok(results.filter((r) => !r.ruleId.startsWith('figure/')).every((r) => !r.suppressions), 'nothing else is suppressed');

    // The other formats leave set-aside findings out, as before.
    const json = check('json');
    assert.equal(json.code, 0, json.stderr);
    assert.ok(!(JSON.parse(json.stdout).files[0].findings as Finding[]).some((f) => f.rule === 'figure/conflict'));
    assert.deepEqual(Object.keys(JSON.parse(json.stdout).files[0]), ['path', 'findings'], 'the findings JSON keeps its shape');
    for (const format of ['text', 'github']) {
      const r = check(format);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /figure\/conflict/);
    }
  });

  it('an ignore comment over a name shown once per document gives one suppressed result, as the shown run gives one finding', () => {
    const source = '---\ntitle: Mill closes\ndate: 2025-03-01\noutlet: Valley Post\n---\n\nMayor Taras Levytskyi said the mill would close in May.\n\nLevytskyi said 300 workers would be retrained.\n';
    const body = 'Mayor Taras Levytsky said the mill would close in May.\n\nLevytsky said 300 workers would be retrained. Levytsky also thanked the staff.\n';
    const corpus = corpusOf([source]);
    const shown = runChecks(corpus, `# Mill\n\n${body}`, {}, true);
    assert.deepEqual(shown.findings.map((f) => f.rule), ['name/misspelled'], 'three mentions, one finding');
    assert.deepEqual(setAsideOf(shown.outcomes), [], 'repeats of a shown finding are not set aside');
    const ignored = runChecks(corpus, `# Mill\n\n<!-- corroborate-disable name/misspelled -->\n\n${body}`, {}, true);
    assert.equal(ignored.findings.length, 0);
    assert.equal(ignored.outcomes.filter((o) => o.shown === 'ignore comment').length, 3);
    const setAside = setAsideOf(ignored.outcomes);
    assert.deepEqual(setAside.map((s) => [s.finding.rule, s.finding.range.start.line, s.dismissal]), [['name/misspelled', 4, undefined]]);
    const log = formatSarif([{ path: join(dir, 'mill.md'), findings: [], setAside }], { version: VERSION, root: dir });
    assertValid(log);
    assert.deepEqual(log.runs[0].results.map((r: any) => r.suppressions), [[{ kind: 'inSource', status: 'accepted' }]]);
  });

  it('artifactLocation: relative and encoded inside the root, an absolute file URI outside', () => {
    assert.deepEqual(artifactLocation('/r/a b/ü?.md', '/r'), { uri: 'a%20b/%C3%BC%3F.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/elsewhere/x y.md', '/r'), { uri: 'file:///elsewhere/x%20y.md' });
    assert.deepEqual(artifactLocation('/r/../rx/a.md', '/r'), { uri: 'file:///rx/a.md' });
  });
});
