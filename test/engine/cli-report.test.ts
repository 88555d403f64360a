// `corroborate report`: the sign-off report from the command line, its formats, --output, and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers';

const MAIN = join(ROOT, 'server', 'src', 'cli', 'main.ts');
// From source, so this test needs no build; the drafts' folder is the working directory (paths relative to it).
const TSX = pathToFileURL(require.resolve('tsx')).href;
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-report-'));
  writeFileSync(join(dir, 'source.md'), '---\ntitle: Bridge reopens\ndate: 2025-06-02\noutlet: Quayside Post\n---\n\nThe Halvern bridge reopened on Monday after 14 months of repairs, engineer Mira Castellane said.\n');
  writeFileSync(join(dir, 'draft.md'), '# Bridge\n\nThe Halvern bridge reopened on Monday after 16 months of repairs, engineer Mira Castellane said.\n');
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x41, 0x00, 0x42]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('corroborate report', { timeout: 60_000 }, () => {
  it('writes JSON to stdout and exits 0, a finding or not', () => {
    const r = cli('report', 'draft.md', '--sources', 'source.md', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.draft.name, 'draft.md');
    const months = report.claims.find((c: { text: string }) => c.text === '16 months');
    assert.equal(months?.status, 'conflicts');
    assert.deepEqual(report.sources.map((s: { outlet: string; date: string }) => [s.outlet, s.date]), [['Quayside Post', '2025-06-02']]);
  });

  it('writes HTML to --output', () => {
    const r = cli('report', 'draft.md', '--sources', dir, '--format', 'html', '--output', 'out.html');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Quayside Post/);
  });

  it('reads the project\'s corroborate.json like check does: its sources, severities and house spellings', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'wire'), { recursive: true });
    writeFileSync(join(project, 'wire', 'source.md'), readFileSync(join(dir, 'source.md')));
    writeFileSync(join(project, 'draft.md'), '# Bridge\n\nThe Halvern bridge reopened on Monday after 16 months of repairs, engineer Mira Castelane said.\n');
    writeFileSync(join(project, 'corroborate.json'), JSON.stringify({ sources: ['wire'], acceptedSpellings: { Castelane: ['Castellane'] } }));
    const r = cli('report', join(project, 'draft.md'), '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.claims.find((c: { text: string }) => c.text === '16 months')?.status, 'conflicts');
    const name = report.claims.find((c: { text: string }) => c.text.includes('Castelane'));
    assert.notEqual(name?.status, 'conflicts', JSON.stringify(name));
    assert.equal(name?.status, 'accepted', JSON.stringify(name));
    assert.deepEqual(name?.accepted, { house: 'Castelane', sources: 'Castellane' });
    const md = cli('report', join(project, 'draft.md'));
    assert.match(md.stdout, /accepted spelling: House spelling “Castelane”/);
  });

  it('Markdown by default', () => {
    const r = cli('report', 'draft.md', '--sources', 'source.md');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Fact-check report: draft\.md\n/);
  });

  it('exits 2 on bad input or usage', () => {
    for (const args of [
      ['report', 'missing.md', '--sources', 'source.md'],
      ['report', 'binary.md', '--sources', 'source.md'],
      ['report', '.', '--sources', 'source.md'],
      ['report', 'draft.md'],
      ['report', 'draft.md', '--sources', 'source.md', '--format', 'pdf'],
      ['report', 'draft.md', '--sources', join(dir, 'nowhere')],
      ['report'],
    ]) {
      const r = cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
      assert.match(r.stderr, /corroborate: /);
    }
    assert.equal(cli('report', '--help').code, 0);
  });
});
