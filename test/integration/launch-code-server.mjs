#!/usr/bin/env node
// Runs the extension-host integration suite (test/integration/suite, mocha + the real `vscode` API)
// inside code-server's extension host, through VS Code's `payload` URL parameter
// (extensionDevelopmentPath + extensionTestsPath), driven headless by Debian's Chromium.
// The workbench calls window.codeAutomationExit(0|1) when the suite's run() resolves or rejects.
// Usage: npm run test:integration   (--no-build: reuse dist/ as it is; --keep: keep the run dir)
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ensureDeps, folderUrl, launchBrowser, makeRun, makeWorkspace, ROOT, run, startCodeServer, stopAll } from '../e2e/lib.mjs';
import { buildSuite } from './build.mjs';

const started = Date.now();
const argv = new Set(process.argv.slice(2));
const MARK = '[corroborate-it]';
const TIMEOUT_MS = Number(process.env.CORROBORATE_IT_TIMEOUT_MS ?? 300_000);

let exitCode = 1;
let summary = null;
let paths;
try {
  ensureDeps();
  if (!argv.has('--no-build')) run('npm', ['run', '--silent', 'build']);
  const suiteIndex = await buildSuite();
  paths = makeRun('corroborate-it-');
  const ws = makeWorkspace(paths);
  const server = await startCodeServer(paths, ws.folder);
  console.log(`[it] code-server ${server.url} (pid ${server.pid}); workspace ${ws.folder}`);

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(suiteIndex)],
    ['skipWelcome', 'true'],
  ];
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    let settle;
    const done = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('console', (msg) => {
      const text = msg.text();
      const at = text.indexOf(MARK);
      if (at >= 0) {
        // The suite's own output (mocha's spec reporter, through log() in suite/mocha.ts).
        const line = text.slice(at + MARK.length + 1);
        const m = line.match(/^integration: (\d+) passed, (\d+) failed$/);
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
        else console.log(line);
      } else if (argv.has('--verbose') || (/ERR/.test(text.slice(0, 12)) && !/ENOTFOUND|open-vsx|integration test\(s\) failed/.test(text))) {
        console.log(`[workbench] ${text.replace(/^%c\s*(\w+) color: #\w+ /, '$1 ').slice(0, 2000)}`);
      }
    });
    page.on('pageerror', (e) => console.log(`[it] page error: ${e.message.split('\n')[0]}`));
    await page.goto(folderUrl(server.url, ws.folder, `&payload=${encodeURIComponent(JSON.stringify(payload))}`));
    const timer = setTimeout(() => settle('timeout'), TIMEOUT_MS);
    const result = await done;
    clearTimeout(timer);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'integration-final.png') }).catch(() => {});
    if (result === 'timeout') console.log(`[it] the suite did not finish within ${TIMEOUT_MS} ms`);
    else exitCode = result;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
} catch (e) {
  console.log(`[it] harness error: ${e?.stack ?? e}`);
  exitCode = 1;
} finally {
  stopAll();
  if (paths && !argv.has('--keep')) rmSync(paths.dir, { recursive: true, force: true });
  else if (paths) console.log(`[it] kept ${paths.dir}`);
}
console.log(`integration wall time: ${((Date.now() - started) / 1000).toFixed(1)} s (code-server, exit ${exitCode})`);
if (!summary) summary = { passed: 0, failed: exitCode === 0 ? 0 : 1 };
if (exitCode !== 0 && summary.failed === 0) summary.failed = 1;
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(exitCode === 0 ? 0 : 1);
