// "Where sources disagree" at scale, through the real language server (issue 13): the first page of
// corroborate/disagreements asked for as soon as the corpus is loaded, and hovers on a draft answered meanwhile.
//
//   node test/bench/disagreements.mjs [--sizes 500,2000] [--seed N] [--server PATH]      (after `npm run build`)
//
// --server: another build's server.js (e.g. the previous commit's), to compare both in the same run conditions.
//
// Per corpus size, a fresh server (dist/server.js --stdio, no on-disk index) loads the generated corpus and checks a
// 500-word draft; the moment its first diagnostics arrive, the bench asks for the first page and sends a hover every
// 20 ms until the page comes. The server starts computing the list when the corpus loads, in slices between requests,
// so "first page" is what a user opening the panel right after loading waits. Then: the first page again (computed),
// the next page, and the engine's whole computation in this process (CPU time), for before/after comparisons.
// Warm: the same with an on-disk index in a fresh cache folder, written by one server session (which also saves the
// ranked list beside it) and read by the next, as when the editor is opened again on unchanged sources.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleEngine } from './engineBundle.mjs';
import { initializeBenchServer } from './lsp.mjs';
import { BENCH_ROOT, ensureCorpus, ensureDrafts } from './generate.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const SERVER = join(repo, 'dist', 'server.js');
const ENGINE = join(BENCH_ROOT, 'engine-disagreements.cjs');
const WORKSPACE = join(BENCH_ROOT, 'workspace');
const HOVER_EVERY_MS = 20;
export const TARGETS = { firstPageMs: 1000, hoverMs: 100 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Where to hover: the first figure of the draft (a digit), else its first character. */
function hoverPoint(text) {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const m = /\d/.exec(lines[line]);
    if (m && !lines[line].startsWith('#')) return { line, character: m.index };
  }
  return { line: 0, character: 0 };
}

/** One server session against `corpusDir`: the figures above. */
export async function measureDisagreements({ serverPath = SERVER, corpusDir, draftPath, workspace = WORKSPACE, timeoutMs = 600_000, cacheDir = 'off', beforeShutdown = async () => {} }) {
  mkdirSync(workspace, { recursive: true });
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CORROBORATE_CACHE_DIR: cacheDir } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const settings = { sources: [corpusDir], debounceMs: 0 };
  let ready;
  const isReady = new Promise((r) => (ready = r));
  let diagnosed;
  const isDiagnosed = new Promise((r) => (diagnosed = r));
  conn.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'corroborate' ? settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('corroborate/status', (p) => p.state === 'ready' && ready(performance.now()));
  conn.onNotification('window/logMessage', (p) => process.env.BENCH_VERBOSE && process.stderr.write(`server: ${p.message}\n`));
  conn.onNotification('textDocument/publishDiagnostics', (p) => p.version === 1 && diagnosed(performance.now()));
  conn.listen();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    await initializeBenchServer(conn, workspace, settings);
    const uri = pathToFileURL(draftPath).href;
    const text = readFileSync(draftPath, 'utf8');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const readyAt = await isReady;
    const diagnosedAt = await isDiagnosed;

    // The first page, with hovers sent every 20 ms until it arrives.
    const position = hoverPoint(text);
    const hovers = [];
    let waiting = true;
    const hovering = (async () => {
      while (waiting) {
        const sent = performance.now();
        await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        if (waiting) hovers.push(performance.now() - sent);
        await new Promise((r) => setTimeout(r, HOVER_EVERY_MS));
      }
    })();
    const asked = performance.now();
    const first = await conn.sendRequest('corroborate/disagreements');
    const firstPageMs = performance.now() - asked;
    waiting = false;
    await hovering;

    // The same hover with nothing else to do, for comparison.
    const idle = [];
    for (let i = 0; i < 10; i++) {
      const sent = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      idle.push(performance.now() - sent);
    }
    let t = performance.now();
    await conn.sendRequest('corroborate/disagreements');
    const againMs = performance.now() - t;
    t = performance.now();
    const second = await conn.sendRequest('corroborate/disagreements', { offset: first.items.length, limit: first.items.length || 20 });
    const nextPageMs = performance.now() - t;
    await beforeShutdown();
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    return {
      loadMs: readyAt, // relative to nothing useful on its own; see sinceReadyMs
      sinceReadyMs: asked - readyAt,
      diagnosticsAfterReadyMs: diagnosedAt - readyAt,
      firstPageMs,
      againMs,
      nextPageMs,
      total: first.total,
      pageSize: first.items.length,
      secondPage: second.items.length,
      hovers,
      idleHovers: idle,
    };
  } catch (err) {
    throw new Error(`${err.message}; server stderr: ${stderr}`);
  } finally {
    clearTimeout(timer);
    conn.dispose();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/**
 * The same figures on a warm start: one session writes the on-disk index (and, once computed, the ranked list beside
 * it; waited for up to `saveWaitMs`), then a second session with the same cache folder is measured.
 */
export async function measureWarmDisagreements({ corpusDir, draftPath, serverPath = SERVER, saveWaitMs = 60_000 }) {
  mkdirSync(BENCH_ROOT, { recursive: true });
  const cacheDir = mkdtempSync(join(BENCH_ROOT, 'warm-cache-'));
  const saved = () => readdirSync(cacheDir).some((name) => name.endsWith('.disagreements'));
  try {
    const beforeShutdown = async () => {
      for (const until = performance.now() + saveWaitMs; !saved() && performance.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    };
    await measureDisagreements({ serverPath, corpusDir, draftPath, cacheDir, beforeShutdown });
    return { ...(await measureDisagreements({ serverPath, corpusDir, draftPath, cacheDir })), saved: saved() };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The engine's whole ranked list in this process: wall and CPU time. */
export async function measureEngine(corpusDir) {
  const engine = require(await bundleEngine(ENGINE));
  const previous = process.env.CORROBORATE_CACHE_DIR;
  process.env.CORROBORATE_CACHE_DIR = 'off';
  try {
    const corpus = await engine.loadCorpus([corpusDir]);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const ranked = engine.rankedDisagreements(corpus);
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000, total: ranked.length };
  } finally {
    if (previous === undefined) delete process.env.CORROBORATE_CACHE_DIR;
    else process.env.CORROBORATE_CACHE_DIR = previous;
  }
}

/** Table rows for run.mjs: { what, corpus, runs, median, p95, target, ok }. */
export async function disagreementRows(sizes, seed, progress = () => {}, serverPath = SERVER) {
  const drafts = ensureDrafts(seed);
  const rows = [];
  const notes = [];
  const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const hoverNote = (hovers) => `hovers meanwhile p50 ${Math.round(median(hovers))} ms, p95 ${Math.round(percentile(hovers, 0.95))} ms, max ${Math.round(Math.max(...hovers))} ms (${hovers.length})`;
  for (const size of sizes) {
    const dir = ensureCorpus(seed, size);
    progress(`disagreements through the server against ${size} sources`);
    const r = await measureDisagreements({ corpusDir: dir, draftPath: drafts[500], serverPath });
    const worstHover = r.hovers.length ? Math.max(...r.hovers) : NaN;
    const label = `${size.toLocaleString('en-US')} sources`;
    rows.push({ what: 'Disagreements: first page, asked for at load (server)', corpus: label, draft: '', runs: 1, median: r.firstPageMs, p95: r.firstPageMs, target: `≤ ${TARGETS.firstPageMs} ms`, ok: r.firstPageMs <= TARGETS.firstPageMs });
    rows.push({ what: 'Hover while disagreements are computed (server)', corpus: label, draft: '500 words', runs: r.hovers.length, median: median(r.hovers), p95: worstHover, target: `≤ ${TARGETS.hoverMs} ms (max)`, ok: r.hovers.length > 0 && worstHover <= TARGETS.hoverMs });
    rows.push({ what: 'Hover with nothing else to do (server)', corpus: label, draft: '500 words', runs: r.idleHovers.length, median: median(r.idleHovers), p95: Math.max(...r.idleHovers) });
    rows.push({ what: 'Disagreements: a page once computed (server)', corpus: label, draft: '', runs: 2, median: (r.againMs + r.nextPageMs) / 2, p95: Math.max(r.againMs, r.nextPageMs) });
    progress(`disagreements through the server against ${size} sources, warm start`);
    const w = await measureWarmDisagreements({ corpusDir: dir, draftPath: drafts[500], serverPath });
    const worstWarmHover = w.hovers.length ? Math.max(...w.hovers) : NaN;
    rows.push({ what: 'Disagreements: first page at load, warm start (server)', corpus: label, draft: '', runs: 1, median: w.firstPageMs, p95: w.firstPageMs, target: `≤ ${TARGETS.firstPageMs} ms`, ok: w.firstPageMs <= TARGETS.firstPageMs });
    rows.push({ what: 'Hover meanwhile, warm start (server)', corpus: label, draft: '500 words', runs: w.hovers.length, median: median(w.hovers), p95: worstWarmHover, target: `≤ ${TARGETS.hoverMs} ms (max)`, ok: w.hovers.length > 0 && worstWarmHover <= TARGETS.hoverMs });
    progress(`disagreements in the engine, ${size} sources`);
    const e = await measureEngine(dir);
    rows.push({ what: 'Disagreements: whole ranked list (engine, CPU time)', corpus: label, draft: '', runs: 1, median: e.cpuMs, p95: e.cpuMs });
    notes.push(`${label}: ${r.total} disagreements (pages of ${r.pageSize}); first page asked for ${Math.round(r.sinceReadyMs)} ms after the corpus was ready; engine wall time ${Math.round(e.wallMs)} ms`);
    notes.push(`${label} cold: ${hoverNote(r.hovers)}`);
    notes.push(`${label} warm: ${w.total} disagreements; ${w.hovers.length ? hoverNote(w.hovers) : 'no hover sent (the page came first)'}; asked for ${Math.round(w.sinceReadyMs)} ms after ready; ranked list ${w.saved ? 'read back from beside the index' : 'not saved by this server (computed again)'}`);
  }
  return { rows, notes };
}

const ms = (x) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(1)} ms` : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
    return i < 0 ? fallback : argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  };
  const sizes = option('--sizes', '500,2000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const seed = Number(option('--seed', '1'));
  const server = resolve(option('--server', SERVER));
  const { rows, notes } = await disagreementRows(sizes, seed, (m) => process.stderr.write(`[disagreements] ${m}\n`), server);
  for (const r of rows) {
    const verdict = r.target ? ` (target ${r.target} ${r.ok ? '✓' : '✗'})` : '';
    console.log(`${r.what.padEnd(54)} ${r.corpus.padEnd(15)} median ${ms(r.median).padStart(8)}  max ${ms(r.p95).padStart(8)}  runs ${r.runs}${verdict}`);
  }
  for (const n of notes) console.log(`Note: ${n}`);
}
