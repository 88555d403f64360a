// Drives the real language server (dist/server.js --stdio) the way an editor does, and times it.
//
// The client declares what VS Code declares that matters here (workspace/configuration, versioned diagnostics,
// work-done progress, file watching by the client), answers the server's requests, opens one draft and types into
// one paragraph: one character per didChange, waiting each time for the publishDiagnostics of that version.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

/** Peak and current RSS of a live process, from /proc (kB). */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') };
  } catch {
    return { hwmKb: NaN, rssKb: NaN };
  }
}

/** Where to type: the middle of a sentence in a paragraph near the middle of the draft (not a heading). */
function typingPoint(text) {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 120 && !l.startsWith('#') && !l.startsWith('"'));
  const { l, i } = candidates[Math.floor(candidates.length / 2)];
  const dot = l.indexOf('. ');
  return { line: i, character: dot > 0 ? dot : Math.floor(l.length / 2) };
}

/**
 * Starts the server on `corpusDir`, opens `draftPath`, then sends `keystrokes` one-character edits. `nodeArgs` go to
 * the server's node (e.g. --cpu-prof).
 * Returns start-up timings, per-keystroke latencies (ms) and the server's memory.
 */
export async function measureKeystrokes({ serverPath, corpusDir, draftPath, keystrokes = 40, workspace, openTimeoutMs = 300_000, keyTimeoutMs = 60_000, nodeArgs = [], env = {}, log = () => {} }) {
  mkdirSync(workspace, { recursive: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

  const settings = { sources: [corpusDir], debounceMs: 0 };
  const messages = [];
  let indexedAt;
  let indexingStartedAt;
  const waiters = new Map(); // version → resolve
  const published = new Map(); // version → { at, count }
  conn.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'corroborate' ? settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onNotification('window/logMessage', (p) => log(`server: ${p.message}`));
  conn.onNotification('window/showMessage', (p) => messages.push(p.message));
  conn.onNotification('$/progress', () => {});
  conn.onNotification('corroborate/status', (p) => {
    if (p.state === 'indexing') indexingStartedAt ??= performance.now();
    if (p.state === 'ready') indexedAt ??= performance.now();
    if (p.state === 'error') messages.push(p.message);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.version === undefined || p.version === null) return;
    const at = performance.now();
    if (!published.has(p.version)) published.set(p.version, { at, count: p.diagnostics.length, bytes: p.version === 2 ? JSON.stringify(p).length : undefined });
    waiters.get(p.version)?.(at);
  });
  conn.listen();

  const waitFor = (version, timeoutMs) =>
    new Promise((resolve, reject) => {
      if (published.has(version)) return resolve(published.get(version).at);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${timeoutMs} ms; messages: ${messages.join(' | ')}; stderr: ${stderr}`)), timeoutMs);
      waiters.set(version, (at) => {
        clearTimeout(timer);
        waiters.delete(version);
        resolve(at);
      });
    });

  try {
    await initializeBenchServer(conn, workspace, settings, false);
    const initializedAt = performance.now();
    await conn.sendNotification('initialized', {});

    const uri = pathToFileURL(draftPath).href;
    const text = readFileSync(draftPath, 'utf8');
    const openedAt = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const firstAt = await waitFor(1, openTimeoutMs);
    const first = published.get(1).count;

    // Type a word into one paragraph, a character at a time, then delete it a character at a time, and again.
    const at = typingPoint(text);
    const word = ' and officials said more help was coming';
    const latencies = [];
    const counts = [];
    const typingFrom = Number(process.hrtime.bigint() / 1000n);
    let typed = 0; // characters currently inserted
    let direction = 1;
    for (let k = 0, version = 2; k < keystrokes; k++, version++) {
      if (typed === word.length) direction = -1;
      if (typed === 0) direction = 1;
      const change =
        direction === 1
          ? { range: { start: { line: at.line, character: at.character + typed }, end: { line: at.line, character: at.character + typed } }, text: word[typed] }
          : { range: { start: { line: at.line, character: at.character + typed - 1 }, end: { line: at.line, character: at.character + typed } }, text: '' };
      typed += direction;
      const sent = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const got = await waitFor(version, keyTimeoutMs);
      latencies.push(got - sent);
      counts.push(published.get(version).count);
    }
    const typingWindowUs = [typingFrom, Number(process.hrtime.bigint() / 1000n)];
    const memory = procMemory(child.pid);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    return {
      initializeMs: initializedAt - t0,
      /** Spawn to the first diagnostics of the opened draft (the corpus indexed on the way). */
      coldStartMs: firstAt - t0,
      indexMs: indexedAt && indexingStartedAt ? indexedAt - indexingStartedAt : undefined,
      openToFirstMs: firstAt - openedAt,
      firstDiagnostics: first,
      latencies,
      diagnostics: [Math.min(...counts), Math.max(...counts)],
      payloadBytes: published.get(2)?.bytes,
      typingWindowUs,
      hwmKb: memory.hwmKb,
      rssKb: memory.rssKb,
      messages,
    };
  } finally {
    conn.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * Initializes the server as VS Code does (one workspace folder named "bench", `settings` as initializationOptions and
 * answered for `workspace/configuration`), then sends `initialized` unless told not to (to time it apart).
 */
export async function initializeBenchServer(conn, workspace, settings, sendInitialized = true) {
  const wsUri = pathToFileURL(workspace).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: wsUri,
    workspaceFolders: [{ uri: wsUri, name: 'bench' }],
    initializationOptions: settings,
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { workDoneProgress: true },
    },
  });
  if (sendInitialized) await conn.sendNotification('initialized', {});
}

/** A folder outside every corpus to serve as the workspace (so the default "sources"/"seeds" are not found there). */
export function benchWorkspace(root) {
  return join(root, 'workspace');
}
