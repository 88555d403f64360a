// `corroborate check` and `corroborate report` honour the project's dismissals file (found from the draft's
// corroborate.json, else the working directory), and say so clearly when the file cannot be parsed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { dismissalTarget, type Finding } from '../../server/src/engine';
import { corpusOf, ROOT } from './helpers';

const MAIN = join(ROOT, 'server', 'src', 'cli', 'main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const SOURCE = '---\ntitle: Ferry fleet grows\ndate: 2025-04-01\noutlet: Coastline News\n---\n\nThe Brask ferry line added 8 vessels on Monday, director Linnea Haugsvik said.\n';
const DRAFT = '# Ferries\n\nThe Brask ferry line added 11 vessels on Monday, director Linnea Haugsvik said.\n';
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const conflicts = () => {
  const r = cli('check', 'drafts/ferry.md', '--sources', 'sources', '--format', 'json');
  assert.equal(r.code, 0, r.stderr);
  return { stderr: r.stderr, findings: (JSON.parse(r.stdout).files[0].findings as Finding[]).filter((f) => f.rule === 'figure/conflict') };
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-dismiss-'));
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'sources', 'a.md'), SOURCE);
  writeFileSync(join(dir, 'drafts', 'ferry.md'), DRAFT);
  writeFileSync(join(dir, 'corroborate.json'), JSON.stringify({ dismissals: 'review/dismissals.json' }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI and dismissals', { timeout: 60_000 }, () => {
  it('check and report honour the dismissals file named by corroborate.json', () => {
    const before = conflicts().findings;
    assert.equal(before.length, 1, 'flagged before any dismissal');
    const target = dismissalTarget(corpusOf([SOURCE]), DRAFT, 'figure/conflict', before[0].range);
    assert.equal(target?.claim, '11 vessels');
    mkdirSync(join(dir, 'review'));
    const dismissal = { draft: 'drafts/ferry.md', rule: 'figure/conflict', ...target, reason: 'Two more vessels joined after the wire ran.', by: 'Oskar Fjelde <oskar@example.org>', at: '2025-04-02T07:00:00.000Z' };
    writeFileSync(join(dir, 'review', 'dismissals.json'), JSON.stringify({ version: 1, dismissals: [dismissal] }));
    assert.deepEqual(conflicts().findings, []);

    const r = cli('report', 'drafts/ferry.md', '--sources', 'sources', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const claim = JSON.parse(r.stdout).claims.find((c: { text: string }) => c.text === '11 vessels');
    assert.equal(claim.status, 'dismissed');
    assert.deepEqual(claim.dismissed, { reason: dismissal.reason, by: dismissal.by, at: dismissal.at });
    const md = cli('report', 'drafts/ferry.md', '--sources', 'sources');
    assert.match(md.stdout, /Dismissed: Two more vessels joined after the wire ran\., by Oskar Fjelde/);
  });

  it('says clearly when the file cannot be parsed, applies nothing from it and leaves it alone', () => {
    const broken = '{ "version": 1, "dismissals": [ {';
    writeFileSync(join(dir, 'review', 'dismissals.json'), broken);
    const { stderr, findings } = conflicts();
    assert.equal(findings.length, 1);
    assert.match(stderr, /dismissals\.json is not valid JSON/);
    assert.equal(readFileSync(join(dir, 'review', 'dismissals.json'), 'utf8'), broken);
  });
});
