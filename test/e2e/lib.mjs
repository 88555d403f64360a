// Shared helpers for the end-to-end test, the extension-host integration launchers and the demo:
// an isolated code-server (VS Code 1.100.3) on loopback, a demo workspace, Debian's Chromium through
// playwright-core. See ../../../shared/docs/vscode-testing.md for why it is done this way.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const E2E = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(E2E, '../..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
export const CODE_SERVER = join(E2E, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const VSIX = join(ROOT, 'corroborate.vsix');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const log = (...a) => console.log('[e2e]', ...a);

/** Runs a command, inheriting stdio; throws if it fails. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Debian packages code-server's native modules build against, and ripgrep for its postinstall. */
const SYSTEM_PACKAGES = ['libkrb5-dev', 'pkg-config', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'build-essential', 'ripgrep'];

/** On a fresh Debian machine, as root: apt-get installs what code-server needs; otherwise says what to install. */
function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (apt && process.getuid?.() === 0) {
    log(`installing Debian packages for code-server: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', ...missing], { env });
  } else {
    log(`warning: missing Debian packages (${missing.join(' ')}); run: sudo apt-get install ${missing.join(' ')}`);
  }
}

/** Installs test/e2e's own dependencies (code-server, playwright-core, mocha, @vscode/test-electron) if missing. */
export function ensureDeps() {
  if (existsSync(CODE_SERVER) && existsSync(join(E2E, 'node_modules', 'playwright-core'))) return;
  ensureSystemPackages();
  log('installing test/e2e dependencies (code-server 4.100.3, playwright-core, mocha): about 1.5 minutes');
  // code-server's @vscode/ripgrep postinstall downloads rg; hand it Debian's rg from its cache instead.
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (rg) {
    const d = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
    const tgz = join(d, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
    if (!existsSync(tgz)) {
      mkdirSync(join(d, 'x'), { recursive: true });
      copyFileSync(rg, join(d, 'x', 'rg'));
      run('tar', ['czf', tgz, '-C', join(d, 'x'), 'rg']);
    }
  } else {
    log('warning: ripgrep (rg) not found; code-server\'s postinstall will try to download it. `apt-get install ripgrep` first.');
  }
  run('npm', ['ci', '--prefix', E2E, '--no-audit', '--no-fund'], {
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
}

/** Builds and packages the extension; returns the .vsix path. */
export function buildAndPackage() {
  run('npm', ['run', '--silent', 'package']);
  if (!existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
  return VSIX;
}

/** The planted-mistakes draft: the client's demo draft when it exists, else the first eval draft. */
export function draftSource() {
  const candidates = [
    join(ROOT, 'client', 'demo', 'draft.md'),
    join(ROOT, 'test', 'fixtures', 'dev-01.md'),
    join(ROOT, '..', 'shared', 'eval', 'dev-01.md'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no demo draft: looked for ${candidates.join(', ')}`);
  return found;
}

/** A fresh run directory with an isolated HOME, XDG dirs, user-data and extensions dirs. */
/** Copies the extension's output channel log (the client's side of the server's life) to test/artifacts/<prefix>-client.log. */
export function keepClientLog(paths, prefix) {
  const logs = join(paths.userData, 'logs');
  if (!existsSync(logs)) return;
  const found = readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith(join('corroborate.corroborate', 'Corroborate.log')));
  if (found.length === 0) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const target = join(ARTIFACTS, `${prefix}-client.log`);
  writeFileSync(target, found.map((f) => readFileSync(join(logs, f), 'utf8')).join('\n'));
  console.log(`  client log: ${target}`);
}

export function makeRun(prefix = 'corroborate-e2e-', dir) {
  const runDir = dir ?? mkdtempSync(join(tmpdir(), prefix));
  const paths = {
    dir: runDir,
    home: join(runDir, 'home'),
    userData: join(runDir, 'ud'),
    extensions: join(runDir, 'ext'),
    workspace: join(runDir, 'ws'),
  };
  for (const p of [paths.home, join(paths.home, '.config'), join(paths.home, '.cache'), join(paths.home, '.local', 'share'), join(paths.userData, 'User'), paths.extensions]) {
    mkdirSync(p, { recursive: true });
  }
  writeFileSync(
    join(paths.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.commandCenter.enabled': false,
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  mkdirSync(join(paths.home, '.run'), { recursive: true, mode: 0o700 });
  paths.env = {
    ...process.env,
    HOME: paths.home,
    XDG_CONFIG_HOME: join(paths.home, '.config'),
    XDG_DATA_HOME: join(paths.home, '.local', 'share'),
    XDG_CACHE_HOME: join(paths.home, '.cache'),
    XDG_RUNTIME_DIR: join(paths.home, '.run'),
  };
  delete paths.env.VSCODE_IPC_HOOK_CLI;
  delete paths.env.PORT;
  return paths;
}

/** Installs the .vsix into the run's isolated extensions dir. */
export function installVsix(paths, vsix = VSIX) {
  const r = spawnSync(
    process.execPath,
    [CODE_SERVER, '--user-data-dir', paths.userData, '--extensions-dir', paths.extensions, '--install-extension', vsix, '--force'],
    { env: paths.env, encoding: 'utf8', cwd: paths.dir },
  );
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed|already installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  log(out.trim().split('\n').filter((l) => /install/i.test(l)).join('\n'));
}

/**
 * The workspace: seeds/ copied in as sources/ (the server's default sources folder) and the draft
 * with planted mistakes as draft.md. Returns { folder, draft, sources }.
 */
export function makeWorkspace(paths, { keep = false } = {}) {
  const folder = paths.workspace;
  const draft = join(folder, 'draft.md');
  const sources = join(folder, 'sources');
  if (keep && existsSync(draft)) return { folder, draft, sources };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(ROOT, 'seeds'), sources, { recursive: true });
  copyFileSync(draftSource(), draft);
  return { folder, draft, sources };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

export async function portIsFree(port) {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

// Every code-server started here is a process-group leader; all of them are killed on the way out.
const groups = new Set();
function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
export function stopAll() {
  for (const pid of groups) killGroup(pid);
  groups.clear();
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopAll();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[sig] ?? 0));
  });
}

/**
 * Starts code-server detached on 127.0.0.1 and waits for /healthz. Returns { url, port, pid, stop, logFile }.
 * Output goes to <run>/code-server.log.
 */
export async function startCodeServer(paths, folder, { port, timeoutMs = 60_000, extraArgs = [] } = {}) {
  port ??= await freePort();
  const logFile = join(paths.dir, 'code-server.log');
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const args = [
    CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', paths.userData,
    '--extensions-dir', paths.extensions,
    ...extraArgs,
    folder,
  ];
  const child = spawn(process.execPath, args, { env: paths.env, cwd: paths.dir, detached: true, stdio: ['ignore', out, out] });
  groups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = code ?? signal;
    groups.delete(child.pid);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited early (${exited}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () => {
    killGroup(child.pid);
    groups.delete(child.pid);
  };
  return { url, port, pid: child.pid, stop, logFile, child };
}

/** Launches Debian's Chromium headless through playwright-core (resolved from test/e2e). */
export async function launchBrowser() {
  const require = createRequire(join(E2E, 'package.json'));
  const { chromium } = require('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A 1400×900 page in `browser`, its page errors logged a line each. */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  [page error] ${e.message.split('\n')[0]}`));
  return page;
}

/** Moves the cursor with Go to Line (1-based line and column), waits `settleMs`, and returns the cursor's box. */
export async function gotoPosition(page, line, column, settleMs = 400) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await sleep(150);
  await page.keyboard.press('Enter');
  await sleep(settleMs);
  const box = await page.locator('.monaco-editor.focused .cursors-layer .cursor').first().boundingBox();
  check(box, 'no cursor in the editor');
  return box;
}

export function folderUrl(url, folder, extra = '') {
  return `${url}/?folder=${encodeURIComponent(folder)}${extra}`;
}

/** The extension's contributed commands, from package.json. */
export function contributedCommands() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return pkg.contributes?.commands ?? [];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The step harness of an e2e script: each step runs, is recorded pass or fail, and leaves a screenshot
 * `test/artifacts/<prefix>-NN-<name>.png` (a failed one, `…-FAILED.png`). Set `state.page` once the browser page exists.
 */
export function stepRunner(prefix) {
  const results = [];
  const state = { page: undefined };
  let shot = 0;
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) unlinkSync(join(ARTIFACTS, f));
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

  async function screenshot(name, path = join(ARTIFACTS, `${prefix}-${String(++shot).padStart(2, '0')}-${name}.png`)) {
    if (!state.page) return;
    try {
      await state.page.screenshot({ path });
      console.log(`  screenshot: ${path}`);
    } catch (e) {
      console.log(`  screenshot ${name} failed: ${e.message}`);
    }
  }

  /** Runs one step; records pass/fail; screenshots after it either way. Returns the step's value or undefined. */
  async function step(name, fn, { shotName } = {}) {
    const t0 = Date.now();
    try {
      const value = await fn();
      results.push({ name, ok: true });
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
      await screenshot(shotName ?? slug(name));
      return value;
    } catch (err) {
      results.push({ name, ok: false, err });
      console.log(`FAIL ${name} (${Date.now() - t0} ms)\n     ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n     ')}`);
      await screenshot(`${shotName ?? slug(name)}-FAILED`);
      return undefined;
    }
  }
  return { results, state, screenshot, step };
}

export function check(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * Runs an e2e script's `main`, stops every process it started, prints the wall time and the `N passed, M failed`
 * line .ci/run counts, and exits 1 on any failure (a harness error counts as one).
 */
export async function runScript(main, { label, started, results }) {
  let crashed = false;
  try {
    await main();
  } catch (e) {
    crashed = true;
    console.log(`FAIL harness error: ${e?.stack ?? e}`);
  } finally {
    stopAll();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + (crashed ? 1 : 0);
  console.log(`${label} wall time: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${ARTIFACTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
