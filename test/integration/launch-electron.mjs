#!/usr/bin/env node
// Runs the same extension-host integration suite (test/integration/suite) in a desktop VS Code through
// @vscode/test-electron's runTests, for machines where VS Code is installed (a writer's or developer's
// desktop). It never downloads VS Code: point VSCODE_EXECUTABLE at the installed binary, e.g.
//   VSCODE_EXECUTABLE=/usr/share/code/code node test/integration/launch-electron.mjs
//   VSCODE_EXECUTABLE="/Applications/Visual Studio Code.app/Contents/MacOS/Electron" node test/integration/launch-electron.mjs
// Without it, it says so and exits 0 (skipped). Where no VS Code is installed, use launch-code-server.mjs.
// Options: --no-build (reuse dist/), --keep (keep the run dir).
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E, ensureDeps, makeRun, makeWorkspace, ROOT, run } from '../e2e/lib.mjs';
import { buildSuite } from './build.mjs';

const argv = new Set(process.argv.slice(2));
const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.log('[it-electron] skipped: VSCODE_EXECUTABLE is not set. Set it to an installed VS Code binary (no download is attempted),');
  console.log('[it-electron]          or run `npm run test:integration`, which uses code-server instead.');
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
if (!existsSync(executable)) {
  console.log(`[it-electron] VSCODE_EXECUTABLE=${executable} does not exist`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const started = Date.now();
let code = 1;
let paths;
try {
  ensureDeps();
  if (!argv.has('--no-build')) run('npm', ['run', '--silent', 'build']);
  const extensionTestsPath = await buildSuite();
  paths = makeRun('corroborate-it-electron-');
  const ws = makeWorkspace(paths);
  const { runTests } = createRequire(join(E2E, 'package.json'))('@vscode/test-electron');
  code = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [
      ws.folder,
      '--user-data-dir', paths.userData,
      '--extensions-dir', paths.extensions,
      '--disable-extensions', // every other extension; the one under development still loads
      '--disable-telemetry',
      '--new-window',
      // runTests adds --disable-workspace-trust, --skip-welcome, --skip-release-notes and --disable-updates.
    ],
    extensionTestsEnv: { CORROBORATE_IT: 'electron' },
  })
    .then(() => 0)
    .catch((err) => {
      console.log(`[it-electron] ${err?.message ?? err}`);
      return 1;
    });
} catch (e) {
  console.log(`[it-electron] harness error: ${e?.stack ?? e}`);
  code = 1;
} finally {
  if (paths && !argv.has('--keep')) rmSync(paths.dir, { recursive: true, force: true });
}
console.log(`integration (electron) wall time: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
// mocha's spec reporter printed the counts (stdout of VS Code); this is the overall verdict.
console.log(code === 0 ? 'integration (electron): passed' : 'integration (electron): FAILED');
process.exit(code);
