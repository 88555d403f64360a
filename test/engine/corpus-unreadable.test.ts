// An unreadable source is named with its reason and the rest are read. Root reads any file whatever its mode, so as
// root the checker runs as `nobody`, from a copy of the CLI bundle in a temporary folder that user can read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-unreadable-'));
  chmodSync(dir, 0o755);
  const sources = join(dir, 'sources');
  mkdirSync(sources);
  writeFileSync(join(sources, 'open.md'), 'The ferry carried 120 passengers from Veldmark on Monday, the harbour office said.\n');
  writeFileSync(join(sources, 'locked.md'), 'The ferry carried 140 passengers from Veldmark on Monday.\n');
  chmodSync(join(sources, 'locked.md'), 0o000);
  copyFileSync(join(ROOT, 'dist', 'cli.js'), join(dir, 'cli.js'));
  writeFileSync(join(dir, 'draft.md'), 'The ferry carried 150 passengers from Veldmark on Monday, the harbour office said.\n');
  for (const f of ['cli.js', 'draft.md', 'sources/open.md']) chmodSync(join(dir, f), 0o644);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI as an unprivileged user: `nobody` when we are root, else ourselves. */
function cliAsUser(...args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : process.execPath;
  const argv = asRoot ? ['-u', 'nobody', '--', process.execPath, join(dir, 'cli.js'), ...args] : [join(dir, 'cli.js'), ...args];
  return spawnSync(command, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, CORROBORATE_CACHE_DIR: 'off' } });
}

describe('an unreadable source', () => {
  it('is named with its reason; the readable one is still used', (t) => {
    if (process.platform === 'win32') return t.skip('POSIX file modes');
    const r = cliAsUser('check', 'draft.md', '--sources', 'sources', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /locked\.md/);
    assert.match(r.stderr, /permission|EACCES|not (be )?read/i);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ rule: string; message: string }>;
    const conflict = findings.find((f) => f.rule === 'figure/conflict');
    assert.ok(conflict, JSON.stringify(findings));
    assert.match(conflict.message, /120/);
    assert.doesNotMatch(conflict.message, /140/);
  });
});
