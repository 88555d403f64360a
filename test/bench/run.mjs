// `npm run bench`: how fast Corroborate is at newsroom scale, against harper.js in the same run.
//
//   node test/bench/run.mjs [--quick] [--sizes 100,1000,10000] [--seed N] [--keystrokes N] [--profile[-only]] [--no-harper]
//
//   --quick        corpora of 100 and 1,000 sources only
//   --sizes        corpus sizes to measure (default 100,1000,10000)
//   --keystrokes   one-character edits per keystroke measurement (default 40; at least 30 is sensible)
//   --profile      also CPU-profile an index, a check and keystrokes against the largest corpus; print hot functions
//   --profile-only just that (no table)
//   --no-harper    skip the harper.js reference
//
// Every measurement runs in a child process of its own (so peak RSS is its own): indexing, full checks through the
// engine (bundled with esbuild into /tmp so plain node runs it), keystroke latency through the real language server
// (dist/server.js --stdio, driven over JSON-RPC like an editor), harper.js, and a 1 MB run-on sentence against the same
// clauses as sentences (longSentence.mjs, runnable alone). Data come from generate.mjs (seeded, cached under
// /tmp/corroborate-bench). Run `npm run build` first (`npm run bench` does).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './engineBundle.mjs';
import { BENCH_ROOT, benchDir, ensureCorpus, ensureDrafts } from './generate.mjs';
import { measureKeystrokes } from './lsp.mjs';
import { disagreementRows } from './disagreements.mjs';
import { summarise } from './profile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const SERVER = join(repo, 'dist', 'server.js');
const SEEDS = join(repo, 'seeds');
const ENGINE = join(BENCH_ROOT, 'engine.cjs');
const WORKER = join(here, 'worker.mjs');
const WORKSPACE = join(BENCH_ROOT, 'workspace'); // the server's workspace folder: outside every corpus

// ---------------------------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};
if (flag('--help') || flag('-h')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split("\n").slice(1, 11).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const sizes = (flag('--quick') ? '100,1000' : option('--sizes', '100,1000,10000')).split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const seed = Number(option('--seed', '1'));
const keystrokes = Math.max(1, Number(option('--keystrokes', '40')));
const withHarper = !flag('--no-harper');
const profile = flag('--profile');
const profileOnly = flag('--profile-only');
if (!sizes.length) throw new Error('--sizes: give positive integers, e.g. --sizes 100,1000');

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const progress = (msg) => process.stderr.write(`[bench ${elapsed()}] ${msg}\n`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank 95th percentile (the maximum when there are fewer than 20 runs). */
function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
}
function ms(x) {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x < 10) return `${x.toFixed(1)} ms`;
  if (x < 1000) return `${Math.round(x)} ms`;
  return `${(x / 1000).toFixed(2)} s`;
}
const mb = (kb) => (kb === undefined || Number.isNaN(kb) ? '–' : `${Math.round(kb / 1024)} MB`);
const n = (x) => x.toLocaleString('en-US');

/** Runs worker.mjs in a fresh node and returns its JSON. */
function worker(args, env = {}) {
  return nodeJson([WORKER, ...args], env);
}

/** Runs node on `args` (a script and its arguments); resolves with the JSON its last line of output holds. */
function nodeJson(args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args[0]} ${args[1] ?? ''} exited with ${code}: ${err}`));
      try {
        resolvePromise(JSON.parse(out.trim().split('\n').pop()));
      } catch (e) {
        reject(new Error(`${args[0]} ${args[1] ?? ''} printed no result: ${out.slice(-500)} ${err}`));
      }
    });
  });
}

function machine() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let cores = cpus().length;
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cores;
  } catch {
    // keep os.cpus()
  }
  let git = '';
  try {
    const head = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--', 'server', 'build.mjs'], { encoding: 'utf8' }).trim();
    git = `${head}${dirty ? ' + uncommitted changes in server/' : ''}`;
  } catch {
    // not a git checkout
  }
  return { model, cores, node: process.version, mem: `${Math.round(totalmem() / 2 ** 30)} GB`, git };
}

/** A fresh, empty folder for the on-disk index (CORROBORATE_CACHE_DIR): every cold measurement gets its own. */
let cacheDirs = 0;
function freshCacheDir() {
  const dir = join(BENCH_ROOT, 'index-cache', `run-${process.pid}-${++cacheDirs}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
/** The index each corpus size left on disk after its cold runs: what warm starts read. */
const warmCacheDir = (size) => join(BENCH_ROOT, 'index-cache', `warm-${process.pid}-${size}`);

// ---------------------------------------------------------------------------------------------------------------
// The run

const rows = []; // { what, corpus, draft, runs, median, p95, rss, target, ok }
const notes = [];
const row = (r) => rows.push(r);

if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` (npm run bench does)`);
const m = machine();
const loadBefore = loadavg();
progress(`machine: ${m.model}, ${m.cores} cores, node ${m.node}; sizes ${sizes.join(', ')}; seed ${seed}`);

// Data (cached by seed, size and the generator's own source).
const genStart = performance.now();
const corpora = Object.fromEntries(sizes.map((s) => [s, ensureCorpus(seed, s)]));
const drafts = ensureDrafts(seed);
progress(`data ready in ${ms(performance.now() - genStart)} (${benchDir(seed)})`);
const corpusLabel = (size) => `${n(size)} sources`;
const bytesOf = (dir) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
const seedCount = readdirSync(SEEDS).filter((f) => /\.(txt|md|markdown|text)$/.test(f)).length;

// The engine, bundled for plain node (the same source the server bundles).
await bundleEngine(ENGINE);

/** Every measurement, then the table. */
async function measureAll() {
  // 1. Indexing: read, analyse and index every source; a fresh process per run.
  const indexMedian = {};
  //    Cold: no on-disk index (each run gets an empty index folder and writes the index there). Warm: the index the
  //    last cold run wrote, read back by a new process (what a restart of the editor costs).
  const warmRows = [];
  for (const size of sizes) {
    const reps = size >= 10000 ? 3 : 5;
    const runs = [];
    let lastDir;
    for (let i = 0; i < reps; i++) {
      progress(`index ${corpusLabel(size)}: cold run ${i + 1}/${reps}`);
      lastDir = freshCacheDir();
      runs.push(await worker(['index', ENGINE, corpora[size]], { CORROBORATE_CACHE_DIR: lastDir }));
    }
    const times = runs.map((r) => r.ms);
    indexMedian[size] = median(times);
    const rss = Math.max(...runs.map((r) => r.maxRssKb));
    const target = size === 10000 ? { target: '≤ 10 s, ≤ 400 MB', ok: median(times) <= 10000 && rss <= 400 * 1024 } : {};
    row({ what: 'Index corpus, cold (engine)', corpus: `${corpusLabel(size)} (${(bytesOf(corpora[size]) / 2 ** 20).toFixed(1)} MB)`, draft: '', runs: reps, median: median(times), p95: p95(times), rss, ...target });
    notes.push(`${corpusLabel(size)}: writing the on-disk index after a cold start took ${ms(median(runs.map((r) => r.writeMs ?? NaN)))} more (median; the corpus is usable meanwhile; its memory is in the peak RSS)`);
    if (runs.some((r) => r.warm)) notes.push(`a cold index run of ${corpusLabel(size)} started warm: its index folder was not empty`);
    rmSync(warmCacheDir(size), { recursive: true, force: true });
    cpSync(lastDir, warmCacheDir(size), { recursive: true });
    if (!readdirSync(warmCacheDir(size)).some((f) => f.endsWith('.idx'))) notes.push(`no on-disk index was written for ${corpusLabel(size)}`);
    const warm = [];
    for (let i = 0; i < 5; i++) {
      progress(`index ${corpusLabel(size)}: warm start ${i + 1}/5`);
      warm.push(await worker(['index', ENGINE, corpora[size]], { CORROBORATE_CACHE_DIR: warmCacheDir(size) }));
    }
    if (warm.some((r) => !r.warm)) notes.push(`a warm start of ${corpusLabel(size)} did not use the on-disk index`);
    const warmTimes = warm.map((r) => r.ms);
    const warmRss = Math.max(...warm.map((r) => r.maxRssKb));
    warmRows.push({ what: 'Warm start from the on-disk index (engine)', corpus: corpusLabel(size), draft: '', runs: warm.length, median: median(warmTimes), p95: p95(warmTimes), rss: warmRss, ...(size === 10000 ? { target: '≤ 1 s', ok: median(warmTimes) <= 1000 } : {}) });
  }
  rows.push(...warmRows);

  // 2. Full check of each draft: text the engine has never seen (the draft, then all-new variants of the same length),
  //    so no paragraph cache answers. The first check of a process warms it up and is reported apart.
  const checkMedian = {};
  const findings = {};
  for (const size of sizes) {
    // Seven at every size (10,000 sources had three). Each all-new draft also pays for the source sentences it is the
    // first to use, less with every draft a process has checked: each run is noted in order, so the trend shows.
    const reps = 7;
    progress(`full checks against ${corpusLabel(size)} (${reps} all-new drafts of each length)`);
    const groups = Object.fromEntries([500, 2000, 10000].map((w) => [w, [drafts[w], ...drafts.variants[w].slice(0, reps)]]));
    // Against a corpus indexed in the same process (no on-disk index): the steady state of a session. After a warm
    // start, the first checks also read each source they touch for the first time (see the server's warm restart).
    const result = await worker(['check', ENGINE, corpora[size], JSON.stringify(groups)], { CORROBORATE_CACHE_DIR: 'off' });
    for (const words of [500, 2000, 10000]) {
      const d = result.drafts[words];
      checkMedian[`${size}/${words}`] = median(d.times);
      findings[`${size}/${words}`] = d;
      const target = size === 10000 && words === 10000 ? { target: '≤ 500 ms', ok: median(d.times) <= 500 } : {};
      row({ what: 'Full check of a new draft (engine)', corpus: corpusLabel(size), draft: `${n(words)} words`, runs: d.times.length, median: median(d.times), p95: p95(d.times), rss: result.maxRssKb, ...target });
      if (words === 10000) notes.push(`full checks of all-new 10,000-word drafts against ${corpusLabel(size)}, in order: ${d.times.map(ms).join(', ')} (after a first check of ${ms(d.first)})`);
    }
  }

  // 3. harper.js on the same 2,000-word draft, in this run.
  let harper;
  if (withHarper) {
    progress('harper.js: cold start, one-sentence edits, all-new drafts');
    try {
      harper = await worker(['harper', drafts[2000], '30', JSON.stringify(drafts.variants[2000])]);
    } catch (err) {
      notes.push(`harper.js could not run: ${err.message.split('\n')[0]}`);
    }
  }
  const harperEdit = harper ? median(harper.edit) : undefined;

  // 4. Keystroke latency through the real server, and its cold start; warm restart if it keeps an index on disk.
  const keystrokeRows = [];
  const serverRows = [];
  for (const [label, dir, size] of [[`seeds (${seedCount} sources)`, SEEDS, 0], ...sizes.map((s) => [corpusLabel(s), corpora[s], s])]) {
    const count = size >= 10000 ? Math.min(keystrokes, 30) : keystrokes;
    progress(`keystrokes through the server against ${label}: ${count} edits`);
    const cacheDir = freshCacheDir(); // a cold start writes the server's index here; the warm restarts read it
    let r;
    try {
      r = await measureKeystrokes({ serverPath: SERVER, corpusDir: dir, draftPath: drafts[2000], keystrokes: count, workspace: WORKSPACE, env: { CORROBORATE_CACHE_DIR: cacheDir } });
    } catch (err) {
      notes.push(`keystrokes against ${label} failed: ${err.message.slice(0, 400)}`);
      keystrokeRows.push({ what: 'Keystroke → diagnostics (server, stdio, debounce 0)', corpus: label, draft: '2,000 words', runs: 0, text: 'failed (see notes)' });
      continue;
    }
    const lat = r.latencies;
    const target = size === 0 ? '≤ 10 ms' : size === 10000 ? '≤ 50 ms' : '';
    const limit = size === 0 ? 10 : size === 10000 ? 50 : Infinity;
    const vsHarper = harperEdit ? median(lat) <= harperEdit : true;
    keystrokeRows.push({
      what: 'Keystroke → diagnostics (server, stdio, debounce 0)',
      corpus: label,
      draft: '2,000 words',
      runs: lat.length,
      median: median(lat),
      p95: p95(lat),
      rss: r.hwmKb,
      target: [target, harperEdit ? '≤ harper' : ''].filter(Boolean).join(', '),
      ok: median(lat) <= limit && vsHarper,
      ratio: harperEdit ? median(lat) / harperEdit : undefined,
    });
    serverRows.push({ what: 'Server start → first diagnostics (cold)', corpus: label, draft: '2,000 words', runs: 1, median: r.coldStartMs, p95: r.coldStartMs, rss: r.hwmKb });
    if (r.messages.length) notes.push(`server messages (${label}): ${[...new Set(r.messages)].join(' | ').slice(0, 300)}`);
    findings[`server/${label}`] = r.firstDiagnostics;
    notes.push(`server against ${label}: ${r.firstDiagnostics} diagnostics on open (${n(r.payloadBytes ?? 0)} bytes of JSON per publishDiagnostics); cold start ${ms(r.coldStartMs)} (initialize ${ms(r.initializeMs)}, indexing ${ms(r.indexMs)} as corroborate/status reports it)`);

    await new Promise((r) => setTimeout(r, 500)); // the index is written just after the corpus is ready
    if (existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.idx'))) {
      progress(`warm restarts of the server against ${label} (from its on-disk index)`);
      const warm = [];
      for (let i = 0; i < 3; i++) warm.push((await measureKeystrokes({ serverPath: SERVER, corpusDir: dir, draftPath: drafts[2000], keystrokes: 1, workspace: WORKSPACE, env: { CORROBORATE_CACHE_DIR: cacheDir } })).coldStartMs);
      serverRows.push({ what: 'Warm restart from on-disk index → first diagnostics (server)', corpus: label, draft: '2,000 words', runs: 3, median: median(warm), p95: p95(warm), target: size === 10000 ? '≤ 1 s' : '', ok: size === 10000 ? median(warm) <= 1000 : undefined });
    } else notes.push(`the server wrote no on-disk index for ${label}`);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  rows.push(...keystrokeRows, ...serverRows);

  // Long sentences (issue 13): 1 MB of clauses as one run-on sentence against the same clauses as separate sentences.
  progress('long sentence: 1 MB of clauses as one sentence and as separate sentences (3 runs each)');
  const long = await nodeJson([join(here, 'longSentence.mjs'), '--json', '--runs', '3'], { CORROBORATE_CACHE_DIR: 'off' });
  const sameClaims = !long.onlySeparate.length && !long.onlyOneSentence.length;
  rows.push({
    what: 'Long sentence: one 1 MB sentence ÷ the same clauses as sentences (engine)',
    corpus: `${seedCount} seeds`,
    draft: `${n(long.clauses)} clauses`,
    runs: 3,
    text: `×${long.ratio.toFixed(2)}: ${ms(long.oneSentenceMs)} / ${ms(long.separateMs)}`,
    target: '≤ ×1.5, same claims',
    ok: long.ratio <= 1.5 && sameClaims,
  });
  notes.push(`long sentence: CPU time ${ms(long.oneSentenceCpuMs)} one sentence, ${ms(long.separateCpuMs)} separate (×${long.cpuRatio.toFixed(2)}); findings ${long.findings.oneSentence} and ${long.findings.separate}, ${sameClaims ? 'on the same claims' : `differing: ${[...long.onlySeparate, ...long.onlyOneSentence].slice(0, 5).join(' | ')}`}`);
  // 5. Where sources disagree (issue 13): the first page asked for at load, and hovers meanwhile (disagreements.mjs).
  try {
    const d = await disagreementRows([...new Set([...sizes.filter((s) => s < 2000), 2000])], seed, progress);
    rows.push(...d.rows);
    notes.push(...d.notes);
  } catch (err) {
    notes.push(`the disagreements bench failed: ${err.message.slice(0, 400)}`);
  }

  if (harper) {
    const fresh = harper.fresh;
    rows.push(
      { what: 'harper.js 2.10.0: re-lint after a one-sentence edit', corpus: '', draft: '2,000 words', runs: harper.edit.length, median: median(harper.edit), p95: p95(harper.edit), rss: harper.maxRssKb },
      { what: 'harper.js 2.10.0: lint an all-new draft', corpus: '', draft: '2,000 words', runs: fresh.length, median: median(fresh), p95: p95(fresh), rss: harper.maxRssKb },
      { what: 'harper.js 2.10.0: cold start + first lint', corpus: '', draft: '2,000 words', runs: 1, median: harper.coldMs, p95: harper.coldMs, rss: harper.maxRssKb },
    );
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Report

  const loadAfter = loadavg();
  const header = ['Measurement', 'Corpus', 'Draft', 'Runs', 'Median', 'p95', 'Peak RSS', 'Target'];
  const lines = rows.map((r) => [
    r.what,
    r.corpus,
    r.draft,
    r.runs ? String(r.runs) : '–',
    r.text ?? ms(r.median),
    r.text ? '' : ms(r.p95),
    r.rss ? mb(r.rss) : '–',
    r.target ? `${r.target}${r.ok === undefined ? '' : r.ok ? ' ✓' : ' ✗'}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [];
  out.push(`Machine: ${m.model}, ${m.cores} cores, ${m.mem} RAM, node ${m.node}; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);
  out.push(`Code: ${m.git || 'unknown'}; data: seed ${seed}, ${benchDir(seed)}`);
  out.push('');
  out.push(fmt(header));
  out.push(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) out.push(fmt(l));
  out.push('p95 is nearest-rank: with fewer than 20 runs it is the slowest run. Peak RSS is the measuring process\'s own (the server\'s: /proc VmHWM, worker threads included).');
  out.push('');
  if (harperEdit) {
    out.push(`Keystroke latency ÷ harper.js re-lint after a one-sentence edit (${ms(harperEdit)} median, same run):`);
    for (const k of keystrokeRows.filter((k) => k.ratio !== undefined)) out.push(`  ${k.corpus.padEnd(20)} ${ms(k.median).padStart(9)}  → ×${k.ratio.toFixed(2)}`);
    out.push('');
  }
  if (sizes.length > 1) {
    out.push('Scaling (median time at each size ÷ the previous size; ×10 sources each step when sizes are 100/1,000/10,000):');
    const steps = sizes.slice(1).map((s, i) => [sizes[i], s]);
    for (const [a, b] of steps) {
      const parts = [`index ×${(indexMedian[b] / indexMedian[a]).toFixed(1)}`];
      for (const w of [500, 2000, 10000]) parts.push(`check ${n(w)} words ×${(checkMedian[`${b}/${w}`] / checkMedian[`${a}/${w}`]).toFixed(1)}`);
      out.push(`  ${n(a)} → ${n(b)} sources (×${(b / a).toFixed(0)}): ${parts.join(', ')}`);
    }
    out.push('');
  }
  out.push('Findings per full check (rules that fired):');
  for (const size of sizes) {
    for (const w of [500, 2000, 10000]) {
      const d = findings[`${size}/${w}`];
      const rules = Object.entries(d.byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
      out.push(`  ${corpusLabel(size).padEnd(15)} ${`${n(w)} words`.padEnd(13)} ${String(d.findings).padStart(4)}  (${rules}); first check ${ms(d.first)}`);
    }
  }
  // Notices must stay readable: one sources/disagree per disagreeing fact per draft (issue 12).
  out.push('sources/disagree notices per draft (of all findings):');
  for (const size of sizes) {
    const counts = [500, 2000, 10000].map((w) => {
      const d = findings[`${size}/${w}`];
      return `${n(w)} words ${d.byRule['sources/disagree'] ?? 0} of ${d.findings}`;
    });
    out.push(`  ${corpusLabel(size).padEnd(15)} ${counts.join(', ')}`);
  }
  const planted = JSON.parse(readFileSync(join(dirname(drafts[500]), 'planted.json'), 'utf8'));
  out.push(`Planted errors: ${[500, 2000, 10000].map((w) => `${planted[w].length} in the ${n(w)}-word draft`).join(', ')} (${join(dirname(drafts[500]), 'planted.json')})`);
  for (const note of notes) out.push(`Note: ${note}`);

  console.log(out.join('\n'));

}

if (!profileOnly) await measureAll();

// Optional: where the time goes, for the largest corpus.
if (profile || profileOnly) {
  const size = Math.max(...sizes);
  const base = join(BENCH_ROOT, `profile-${size}`);
  progress(`profiling an index and a check of the 2,000-word draft against ${corpusLabel(size)}`);
  await worker(['index', ENGINE, corpora[size]], { BENCH_PROFILE: `${base}-index.cpuprofile` });
  await worker(['check', ENGINE, corpora[size], JSON.stringify({ 2000: [drafts[2000], ...drafts.variants[2000].slice(0, 3)] })], { BENCH_PROFILE: `${base}-check.cpuprofile` });
  console.log('\n' + summarise(`${base}-index.cpuprofile`, 12));
  console.log('\n' + summarise(`${base}-check.cpuprofile`, 12));
  // The server while typing (both threads: the LSP main thread and the engine worker), keystrokes only.
  const dir = `${base}-server`;
  rmSync(dir, { recursive: true, force: true });
  progress(`profiling the server during 20 keystrokes against ${corpusLabel(size)}`);
  const r = await measureKeystrokes({ serverPath: SERVER, corpusDir: corpora[size], draftPath: drafts[2000], keystrokes: 20, workspace: WORKSPACE, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  await new Promise((r) => setTimeout(r, 1000)); // the profile is written at exit
  console.log(`\nserver during keystrokes (median ${ms(median(r.latencies))} while profiled):`);
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) console.log('\n' + summarise(join(dir, f), 12, r.typingWindowUs));
}
rmSync(join(BENCH_ROOT, 'index-cache'), { recursive: true, force: true }); // this run's on-disk indexes
progress(`done in ${elapsed()}`);
