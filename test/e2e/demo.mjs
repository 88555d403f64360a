#!/usr/bin/env node
// `npm run demo`: VS Code with Corroborate on a demo workspace (seeds/ as the sources folder and a draft
// with planted mistakes), findings as you type.
//  - With a desktop VS Code (`code` on PATH and a display): builds, then opens a window with the extension
//    loaded from this checkout (--extensionDevelopmentPath).
//  - Otherwise: builds and packages the .vsix, installs it into an isolated code-server (VS Code 1.100.3 in
//    the browser, only on 127.0.0.1) and prints the URL. Ctrl+C stops it.
// Options: --browser (use code-server even if `code` exists), --port N (default 8080, or a free one),
//          --smoke (CI: start, load the page in headless Chromium, wait for squiggles, screenshot, exit),
//          --no-build (reuse corroborate.vsix when it exists).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARTIFACTS, buildAndPackage, ensureDeps, freePort, installVsix, launchBrowser, makeRun, makeWorkspace,
  portIsFree, ROOT, run, startCodeServer, stopAll, VSIX,
} from './lib.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = flag('--smoke');
const say = (...a) => console.log('[demo]', ...a);

function desktopCode() {
  if (smoke || flag('--browser') || process.env.CORROBORATE_DEMO === 'browser') return null;
  const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return null;
  const found = spawnSync(process.platform === 'win32' ? 'where' : 'sh', process.platform === 'win32' ? ['code'] : ['-c', 'command -v code'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim().split(/\r?\n/)[0] : '';
  return path || null;
}

const code = desktopCode();
const paths = makeRun('', join(tmpdir(), 'corroborate-demo'));
if (code) {
  run('npm', ['run', '--silent', 'build']);
  const ws = makeWorkspace(paths);
  say(`opening VS Code (${code}) with the extension from ${ROOT}`);
  say(`workspace: ${ws.folder}  (sources/ = seeds/, draft.md = the demo draft)`);
  const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, ws.folder, ws.draft], { detached: true, stdio: 'ignore', shell: process.platform === 'win32' });
  child.unref();
  process.exit(0);
}

ensureDeps();
const vsix = flag('--no-build') && existsSync(VSIX) ? VSIX : buildAndPackage();
const ws = makeWorkspace(paths);
installVsix(paths, vsix);
const wanted = Number(option('--port') ?? process.env.CORROBORATE_DEMO_PORT ?? 8080);
const port = (await portIsFree(wanted)) ? wanted : await freePort();
const server = await startCodeServer(paths, ws.folder, { port, timeoutMs: 90_000 });
const payload = [['openFile', `vscode-remote://127.0.0.1:${port}${ws.draft}`]];
const url = `${server.url}/?folder=${encodeURIComponent(ws.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

if (smoke) {
  const started = Date.now();
  let ok = false;
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(url);
    await page.locator('.tab.active', { hasText: 'draft.md' }).waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'demo.png') });
    ok = true;
    say(`smoke: the demo URL opens draft.md with squiggles (${((Date.now() - started) / 1000).toFixed(1)} s); screenshot test/artifacts/demo.png`);
  } catch (e) {
    say(`smoke FAILED: ${e.message.split('\n')[0]}; code-server log: ${server.logFile}`);
  } finally {
    await browser.close().catch(() => {});
    stopAll();
  }
  console.log(`demo: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
  process.exit(ok ? 0 : 1);
}

console.log(`
  Corroborate demo is running in VS Code (code-server ${'4.100.3'}, only on this machine's loopback).

  Open:  ${url}
  (or ${server.url}/?folder=${encodeURIComponent(ws.folder)} and open draft.md)

  Workspace: ${ws.folder}
    sources/  the demo corpus (a copy of seeds/)
    draft.md  a draft with planted mistakes: hover the squiggles, press Ctrl+. for the sources' wording,
              F1 → "Corroborate: Open Source-Comparison Panel" to compare every source.
  From another machine: ssh -L ${port}:127.0.0.1:${port} <this host>, then open the same URL.
  Log: ${server.logFile}
  Ctrl+C stops it.
`);
server.child.on('exit', (c) => {
  say(`code-server exited (${c}); see ${server.logFile}`);
  process.exit(1);
});
// Keep running until Ctrl+C; lib.mjs's signal handlers stop code-server's whole process group.
setInterval(() => {}, 1 << 30);
