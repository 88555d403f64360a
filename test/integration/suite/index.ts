// Entry point for VS Code's extension-test runner (extensionTestsPath): run() resolves when every
// test passed and rejects otherwise; the workbench then exits with 0 or 1. Both launchers use it:
// launch-code-server.mjs (code-server's payload route) and launch-electron.mjs (@vscode/test-electron).
import * as fs from 'fs';
import * as path from 'path';
import { log, Mocha } from './mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.CORROBORATE_IT_FILES?.split(',').filter(Boolean);
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (!name.endsWith('.test.js')) continue;
    if (only && !only.some((o) => name.startsWith(o))) continue;
    mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run((failures) => {
        // Plain closing line, read by the launchers and CI.
        log(`integration: ${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    } catch (err) {
      log(String(err));
      reject(err);
    }
  });
}
