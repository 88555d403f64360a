// The packed tarball gives a working `corroborate` command: `npm pack` (its prepack builds), unpacked as npm would,
// with no node_modules beside it (the CLI is bundled), and the bin run the way `npm link` or a global install does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
let dir: string;
let unpacked: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(pack.status, 0, `npm pack failed: ${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as Array<{ filename: string }>;
  const tar = spawnSync('tar', ['-xzf', join(dir, filename), '-C', dir], { encoding: 'utf8' });
  assert.equal(tar.status, 0, tar.stderr);
  unpacked = join(dir, 'package');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]) {
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, CORROBORATE_CACHE_DIR: 'off' };
  const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm pack', () => {
  it('the bin entry is in the tarball, executable, with a node shebang', () => {
    const bin = join(unpacked, PACKAGE.bin.corroborate);
    assert.ok(statSync(bin).mode & 0o111, 'executable');
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('node package/dist/cli.js --version prints the package version', () => {
    const r = run(process.execPath, [join(unpacked, 'dist', 'cli.js'), '--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${PACKAGE.version}\n`);
  });

  it('checks the shipped demo draft against the shipped seeds, through a linked bin as npm link makes it', () => {
    const binDir = join(dir, 'bin');
    mkdirSync(binDir);
    symlinkSync(join(unpacked, PACKAGE.bin.corroborate), join(binDir, 'corroborate'));
    const r = run(join(binDir, 'corroborate'), ['check', join(unpacked, 'client', 'demo', 'draft.md'), '--sources', join(unpacked, 'seeds'), '--format', 'json', '--fail-on', 'warning']);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ rule: string }>;
    assert.ok(findings.some((f) => f.rule === 'figure/conflict'), JSON.stringify(findings.map((f) => f.rule)));
  });
});
