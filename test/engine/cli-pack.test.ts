// The npm package gives a working `corroborate` command and holds only what its users need: `npm run pack:cli`
// (build.mjs writes the package into dist/npm/), unpacked as npm would, with no node_modules beside it (the CLI is
// bundled), and the bin run the way `npm link` or a global install does. The repository root refuses `npm pack`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TestClient } from '../lsp/harness';
import { ROOT } from './helpers';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
let dir: string;
let unpacked: string;
let packed: string[];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
  const pack = spawnSync('npm', ['run', '--silent', 'pack:cli', '--', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(pack.status, 0, `npm run pack:cli failed: ${pack.stderr}`);
  const [{ filename, files }] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = files.map((f) => f.path).sort();
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
  it('holds the bundles, the rule pages, the config schema, README, CHANGELOG and LICENSE, and nothing else', () => {
    const rulePages = readdirSync(join(ROOT, 'server', 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `server/docs/rules/${f}`);
    const expected = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/server.js', 'client/media/corroborate.schema.json', ...rulePages];
    assert.deepEqual(packed, expected.sort());
    assert.ok(rulePages.length >= 8);
    for (const path of packed) assert.doesNotMatch(path, /^(test|server\/src|client\/src|seeds|\.ci)\/|node_modules|\.map$/, path);
  });

  it('its package.json has the bin and version, and no dependencies or scripts to run at install', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'corroborate');
    assert.equal(manifest.version, PACKAGE.version);
    assert.deepEqual(manifest.bin, PACKAGE.bin);
    for (const key of ['dependencies', 'devDependencies', 'scripts', 'contributes']) assert.equal(manifest[key], undefined, key);
  });

  it('the repository root refuses `npm pack`, pointing to pack:cli, and writes no tarball', () => {
    const out = join(dir, 'root-pack');
    mkdirSync(out);
    const r = spawnSync('npm', ['pack', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /npm run pack:cli/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('the packed server links each diagnostic to its rule page in the package', async () => {
    const client = await TestClient.start({ server: join(unpacked, 'dist', 'server.js'), args: ['--sources', join(ROOT, 'seeds')] });
    try {
      assert.equal(client.initializeResult.serverInfo?.version, PACKAGE.version);
      const draft = join(ROOT, 'client', 'demo', 'draft.md');
      const diagnostics = await client.diagnostics(await client.open(draft, readFileSync(draft, 'utf8')), 1);
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) {
        const href = d.codeDescription?.href ?? '';
        assert.equal(href, pathToFileURL(join(unpacked, 'server', 'docs', 'rules', `${String(d.code).replace('/', '-')}.md`)).href);
        assert.ok(existsSync(fileURLToPath(href)), href);
      }
    } finally {
      await client.stop();
    }
  });

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

  it('checks the demo draft against the seeds, through a linked bin as npm link makes it', () => {
    const binDir = join(dir, 'bin');
    mkdirSync(binDir);
    symlinkSync(join(unpacked, PACKAGE.bin.corroborate), join(binDir, 'corroborate'));
    const r = run(join(binDir, 'corroborate'), ['check', join(ROOT, 'client', 'demo', 'draft.md'), '--sources', join(ROOT, 'seeds'), '--format', 'json', '--fail-on', 'warning']);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ rule: string }>;
    assert.ok(findings.some((f) => f.rule === 'figure/conflict'), JSON.stringify(findings.map((f) => f.rule)));
  });
});
