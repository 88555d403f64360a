// The CLI as users run it: `node dist/cli.js`, exit codes, the JSON contract, and `sources`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/model/types';
import { cachePathFor } from '../../server/src/corpus/cache';
import { SEGMENTATION_VERSION } from '../../server/src/corpus/corpus';
import { ROOT, SEEDS } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const DEV_01 = join(ROOT, 'test', 'fixtures', 'eval', 'dev-01.md');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(build.status, 0, `npm run build failed: ${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
  writeFileSync(join(dir, 'clean.md'), '# A quiet day\n\nThe weather in Kyiv was cold and grey, and the markets were calm.\n');
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x41, 0x00, 0x42]));
  writeFileSync(join(dir, 'empty.md'), '');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('corroborate check: exit codes', () => {
  it('0 on a clean draft, with no findings', () => {
    const r = cli('check', join(dir, 'clean.md'), '--sources', SEEDS, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { files: [{ path: join(dir, 'clean.md'), findings: [] }] });
  });

  it('0 on an empty draft', () => {
    const r = cli('check', join(dir, 'empty.md'), '--sources', SEEDS, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files[0].findings, []);
  });

  it('0 when the findings are warnings, not errors', () => {
    const r = cli('check', DEV_01, '--sources', SEEDS, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).files[0].findings.length > 0);
  });

  const USAGE: Array<[string, string[], RegExp]> = [
    ['a missing draft', ['check', 'no/such/draft.md', '--sources', SEEDS], /draft not found: no\/such\/draft\.md/],
    ['no --sources', ['check', DEV_01], /check needs --sources/],
    ['--sources without a folder', ['check', DEV_01, '--sources'], /--sources needs a folder/],
    ['an unknown format', ['check', DEV_01, '--sources', SEEDS, '--format', 'xml'], /unknown format "xml"/],
    ['no draft', ['check', '--sources', SEEDS], /check needs at least one draft/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['no command', [], /no command given/],
    ['an unknown option', ['check', DEV_01, '--sources', SEEDS, '--loud'], /unknown option --loud/],
    ['a binary draft', ['check', 'BINARY', '--sources', SEEDS], /binary file/],
    ['a sources folder that does not exist', ['check', DEV_01, '--sources', 'no/such/folder'], /no readable \.txt or \.md sources/],
  ];
  for (const [why, args, message] of USAGE) {
    it(`2 on ${why}`, () => {
      const r = cli(...args.map((a) => (a === 'BINARY' ? join(dir, 'binary.md') : a)));
      assert.equal(r.code, 2, `exit ${r.code}; stderr: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.doesNotMatch(r.stderr, /usage:/, 'not the whole usage text');
      if (!why.includes('sources folder')) {
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line, not the usage text: ${r.stderr}`);
        assert.match(r.stderr, /corroborate --help/);
      }
    });
  }
});

describe('corroborate check: input errors are one line, never a stack trace', () => {
  it('a folder given as a draft is expanded to the .md and .txt drafts in it', () => {
    const drafts = join(dir, 'drafts');
    mkdirSync(join(drafts, 'more'), { recursive: true });
    writeFileSync(join(drafts, 'one.md'), 'The weather in Kyiv was cold and grey.\n');
    writeFileSync(join(drafts, 'more', 'two.txt'), 'The markets were calm.\n');
    writeFileSync(join(drafts, 'notes.json'), '{}');
    const r = cli('check', drafts, '--sources', SEEDS, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), [join(drafts, 'more', 'two.txt'), join(drafts, 'one.md')]);
  });

  it('a folder with no drafts in it: exit 2, one line', () => {
    const none = join(dir, 'no-drafts');
    mkdirSync(none);
    const r = cli('check', none, '--sources', SEEDS);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `corroborate: no .md or .txt drafts in ${none} (corroborate --help shows usage)\n`);
  });

  it('malformed front matter in a draft is said on stderr, and the draft is still checked', () => {
    const draft = join(dir, 'badfm-draft.md');
    writeFileSync(draft, '---\ntitle: [unclosed\n---\n\nZelensky said 32 missiles and more than 460 drones hit Ukrainian cities.\n');
    const r = cli('check', draft, '--sources', SEEDS, '--format', 'json');
    assert.match(r.stderr, new RegExp(`^corroborate: ${draft.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: front matter could not be read`));
    assert.ok(JSON.parse(r.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'figure/conflict'));
  });
});

describe('corroborate check: output', () => {
  it('prints the JSON of the design', () => {
    const r = cli('check', DEV_01, '--sources', SEEDS, '--format', 'json');
    const out = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: unknown[] }> };
    assert.deepEqual(Object.keys(out), ['files']);
    assert.equal(out.files.length, 1);
    assert.deepEqual(Object.keys(out.files[0]).sort(), ['findings', 'path']);
    assert.equal(out.files[0].path, DEV_01);
    const position = (p: unknown) => {
      const { line, character } = p as { line: number; character: number };
      assert.ok(Number.isInteger(line) && line >= 0 && Number.isInteger(character) && character >= 0, JSON.stringify(p));
    };
    for (const raw of out.files[0].findings) {
      const f = raw as Record<string, unknown>;
      assert.deepEqual(Object.keys(f).sort(), ['evidence', 'message', 'range', 'rule', 'severity', 'suggestions']);
      assert.ok((RULE_IDS as readonly string[]).includes(f.rule as string), String(f.rule));
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity as string));
      const range = f.range as { start: unknown; end: unknown };
      position(range.start);
      position(range.end);
      assert.equal(typeof f.message, 'string');
      assert.ok(Array.isArray(f.suggestions) && f.suggestions.every((s) => typeof s === 'string'));
      assert.ok(Array.isArray(f.evidence));
      for (const e of f.evidence as Array<Record<string, unknown>>) {
        assert.equal(typeof e.source, 'string');
        assert.ok(String(e.source).startsWith(SEEDS), String(e.source));
        assert.equal(typeof e.excerpt, 'string');
        position((e.range as { start: unknown }).start);
      }
    }
    const rules = new Set(out.files[0].findings.map((f) => (f as { rule: string }).rule));
    for (const rule of ['quote/altered', 'quote/misattributed', 'quote/unsourced', 'figure/conflict', 'figure/qualifier', 'date/conflict', 'name/misspelled']) assert.ok(rules.has(rule), rule);
  });

  it('ranges are LSP ranges: 0-based lines, UTF-16 characters', () => {
    const r = cli('check', DEV_01, '--sources', SEEDS, '--format', 'json');
    const finding = JSON.parse(r.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'name/misspelled');
    assert.ok(finding);
    const lines = readFileSync(DEV_01, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('Rustem Umarov'));
    const character = lines[line].indexOf('Umarov');
    assert.deepEqual(finding.range, { start: { line, character }, end: { line, character: character + 'Umarov'.length } });
    assert.deepEqual(finding.suggestions, ['Umerov']);
  });

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const line = '🇺🇦 Ukraine’s Rustem Umarov, who led the team, said the talks had gone well.';
    writeFileSync(join(dir, 'utf16.md'), `Talks\n\n${line}\n`);
    const r = cli('check', join(dir, 'utf16.md'), '--sources', SEEDS, '--format', 'json');
    const finding = JSON.parse(r.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'name/misspelled');
    assert.ok(finding, r.stdout);
    const character = line.indexOf('Umarov');
    assert.equal(character, 22, 'the flag is four UTF-16 code units (two code points)');
    assert.deepEqual(finding.range, { start: { line: 2, character }, end: { line: 2, character: character + 6 } });
  });

  it('checks several drafts in one run', () => {
    const r = cli('check', DEV_01, join(dir, 'clean.md'), '--sources', SEEDS, '--format', 'json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), [DEV_01, join(dir, 'clean.md')]);
  });

  it('prints file:line:col severity rule message for people', () => {
    const r = cli('check', DEV_01, '--sources', SEEDS, '--format', 'text');
    assert.equal(r.code, 0);
    const lines = readFileSync(DEV_01, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('Rustem Umarov'));
    const column = lines[line].indexOf('Umarov') + 1;
    assert.ok(r.stdout.includes(`dev-01.md:${line + 1}:${column} warning name/misspelled “Umarov” is not in the sources`), r.stdout);
    assert.match(r.stdout, /suggestion: “Umerov”/);
    assert.match(r.stdout, /dev-01\.md: \d+ findings\n\n1 file checked, \d+ findings: /);
  });

  it('prints SARIF', () => {
    const r = cli('check', DEV_01, '--sources', SEEDS, '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'name/misspelled'));
  });
});

describe('corroborate sources', () => {
  it('lists the seeds as the engine sees them, and the facts they disagree on', () => {
    const r = cli('sources', 'seeds');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^5 sources under /);
    assert.match(r.stdout, /how long the war has lasted/);
    assert.match(r.stdout, /18 November/);
    assert.match(r.stdout, /Updated by FFRNews on 18 November 2025 \(updated line\) is \d+ days before the other sources/);
    assert.match(r.stdout, /the wording of “something good just may be happening/);
    assert.match(r.stdout, /03\.12\.2025 \(numeric date read day-first/);
  });

  it('prints JSON', () => {
    const r = cli('sources', 'seeds', '--format', 'json');
    const out = JSON.parse(r.stdout);
    assert.equal(out.sources.length, 5);
    assert.ok(out.disagreements.some((d: { topic: string }) => d.topic === 'how long the war has lasted'));
  });

  it('pages the disagreements with --limit and --offset, in text and JSON', () => {
    const all = JSON.parse(cli('sources', 'seeds', '--format', 'json').stdout);
    const total = all.disagreementPage.total;
    assert.ok(total >= 3, JSON.stringify(all.disagreementPage));
    const topics: string[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = JSON.parse(cli('sources', 'seeds', '--format', 'json', '--limit', '2', '--offset', String(offset)).stdout);
      assert.deepEqual(page.disagreementPage, { offset, total, more: Math.max(0, total - offset - 2), limit: 2 });
      topics.push(...page.disagreements.map((d: { topic: string }) => d.topic));
    }
    assert.deepEqual(topics, all.disagreements.map((d: { topic: string }) => d.topic), 'pages concatenate to the whole list');
    const text = cli('sources', 'seeds', '--limit', '1');
    assert.match(text.stdout, new RegExp(`Facts on which the sources disagree \\(${total}, strongest first; 1–1 shown\\):`));
    assert.match(text.stdout, new RegExp(`… and ${total - 1} more \\(--offset 1\\)`));
    assert.equal(text.stdout.split('\n').filter((l) => l.startsWith('- ')).length, 1);
    const bad = cli('sources', 'seeds', '--limit', '0');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--limit needs a whole number of at least 1/);
  });

  it('2 on a folder with no sources', () => {
    const r = cli('sources', join(dir, 'nothing-here'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /sources folder not found/);
  });

  it('rules lists the eight rules', () => {
    const r = cli('rules');
    assert.equal(r.code, 0);
    for (const id of RULE_IDS) assert.match(r.stdout, new RegExp(`^${id} \\(`, 'm'));
  });
});

describe('corroborate check: a draft inside its own sources folder', () => {
  it('is checked against the other sources, never as evidence for itself, and says so once', () => {
    const sources = join(dir, 'with-draft');
    mkdirSync(sources);
    writeFileSync(join(sources, 'wire.md'), '---\noutlet: Harbour Post\n---\n\nThe harbour office in Veldmark said 14 ferries were stranded at the crossing on Monday.\n');
    const draft = join(sources, 'draft.md');
    writeFileSync(draft, 'The harbour office in Veldmark said 19 ferries were stranded at the crossing on Monday.\n');
    const r = cli('check', draft, '--sources', sources, '--format', 'json');
    const [finding] = JSON.parse(r.stdout).files[0].findings;
    assert.equal(finding?.rule, 'figure/conflict', r.stdout);
    assert.match(finding.message, /1 source says “14 ferries”/);
    assert.equal(finding.evidence.length, 1);
    assert.equal(r.stderr, `corroborate: source ${draft}: the draft being checked; not used as evidence for itself\n`);
  });
});

describe('corroborate: cache problems', () => {
  it('are labelled as cache problems, in one short line', () => {
    const cacheDir = join(dir, 'cache');
    const previous = process.env.CORROBORATE_CACHE_DIR;
    process.env.CORROBORATE_CACHE_DIR = cacheDir;
    const path = cachePathFor([SEEDS], SEGMENTATION_VERSION)!;
    if (previous === undefined) delete process.env.CORROBORATE_CACHE_DIR;
    else process.env.CORROBORATE_CACHE_DIR = previous;
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, 'not an index at all '.repeat(10_000));
    const r = spawnSync(process.execPath, [CLI, 'check', join(dir, 'clean.md'), '--sources', SEEDS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CORROBORATE_CACHE_DIR: cacheDir } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, `corroborate: cache ${path}: index cache not used, rebuilt: not an index file (bad magic)\n`);
  });
});
