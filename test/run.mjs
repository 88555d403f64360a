// Runs every *.test.ts under test/ (but not the e2e or bench folders) with node's test runner and tsx.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const skip = new Set(['e2e', 'bench', 'fixtures', 'artifacts', 'integration']);
function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.has(name) ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}
const files = process.argv.length > 2 ? process.argv.slice(2) : find('test');
// Tests keep their on-disk indexes in a temporary folder, never in the user's cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-test-cache-'));
const env = { ...process.env, CORROBORATE_CACHE_DIR: process.env.CORROBORATE_CACHE_DIR ?? cacheDir };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
rmSync(cacheDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
