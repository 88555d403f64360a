// Runs every *.test.ts under test/ (but not the e2e or bench folders) with node's test runner and tsx.
import { readdirSync, statSync } from 'node:fs';
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
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
