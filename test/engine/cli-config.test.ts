// The CLI reads corroborate.json like the server: found above the first draft or named with --config; --sources
// overrides its sources; its severities and accepted spellings apply. Run from source (no build needed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers';

const MAIN = join(ROOT, 'server', 'src', 'cli', 'main.ts');
// The tests run in a temporary folder, where `--import tsx` would not resolve: name the loader by its path.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CORROBORATE_CACHE_DIR: 'off' } });
  const findings = r.status === 0 || r.status === 1 ? (JSON.parse(r.stdout).files as Array<{ findings: Array<{ rule: string; severity: string; message: string }> }>).flatMap((f) => f.findings) : [];
  return { code: r.status, stderr: r.stderr, findings };
}

function write(rel: string, text: string): string {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const WIRE = '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.\n\nMarensky said the grain corridor would stay open.\n';
const OTHER_WIRE = '# Port talks\n\nHarbour minister Danylo Marenko met Petra Vilnova in Odesa on Monday.\n\nMarenko said the grain corridor would stay open.\n';
const DRAFT = '# Corridor\n\nHarbour minister Danylo Marensku said the grain corridor would stay open.\n';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-config-'));
  write('news/corroborate.json', JSON.stringify({ sources: ['wire/**'], severity: { 'name/misspelled': 'error' } }));
  write('news/wire/agency/talks.md', WIRE);
  write('news/drafts/corridor.md', DRAFT);
  write('news/drafts/house.md', '# Corridor\n\nHarbour minister Danylo Marenskyy said the grain corridor would stay open.\n');
  write('other/wire/talks.md', OTHER_WIRE);
  write('quiet.json', JSON.stringify({ sources: ['news/wire'], severity: { 'name/misspelled': 'off' } }));
  write('house.json', JSON.stringify({ sources: ['news/wire'], acceptedSpellings: { Marenskyy: ['Marensky'] } }));
  write('broken.json', JSON.stringify({ sources: ['news/wire'], severity: { 'name/misspelled': 'loud' } }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('cli check with corroborate.json', () => {
  it('finds the config above the draft: its sources and severities apply', () => {
    const r = cli('check', 'news/drafts/corridor.md', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const names = r.findings.filter((f) => f.rule === 'name/misspelled');
    assert.equal(names.length, 1);
    assert.equal(names[0].severity, 'error');
    assert.match(names[0].message, /Marensky/);
  });

  it('--config names another file, whose paths are relative to it', () => {
    const r = cli('check', 'news/drafts/corridor.md', '--config', 'quiet.json', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'name/misspelled'), []);
  });

  it('--sources overrides the config’s sources (its severities still apply)', () => {
    const r = cli('check', 'news/drafts/corridor.md', '--sources', 'other/wire', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const names = r.findings.filter((f) => f.rule === 'name/misspelled');
    assert.equal(names.length, 1);
    assert.match(names[0].message, /Marenko/);
    assert.equal(names[0].severity, 'error');
  });

  it('accepted spellings from the config are not flagged', () => {
    assert.equal(cli('check', 'news/drafts/house.md', '--format', 'json').findings.filter((f) => f.rule === 'name/misspelled').length, 1);
    assert.deepEqual(cli('check', 'news/drafts/house.md', '--config', 'house.json', '--format', 'json').findings.filter((f) => f.rule === 'name/misspelled'), []);
  });

  it('a bad value is reported with the file and key, and the check still runs', () => {
    const r = cli('check', 'news/drafts/corridor.md', '--config', 'broken.json', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /broken\.json: "severity\.name\/misspelled" should be one of/);
    assert.equal(r.findings.filter((f) => f.rule === 'name/misspelled')[0]?.severity, 'warning');
  });

  it('a --config that does not exist is bad usage (exit 2)', () => {
    const r = cli('check', 'news/drafts/corridor.md', '--config', 'nope.json', '--format', 'json');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--config nope\.json: no such file/);
  });
});
