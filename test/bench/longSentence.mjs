// Long sentences: the same clauses checked as one endless sentence and as separate sentences, against the seeds.
//
//   node test/bench/longSentence.mjs [--kb 1024] [--runs 1] [--json]
//   node test/bench/longSentence.mjs --hover [--kb 1024] [--server dist/server.js]   (after `npm run build`: hovers during the check)
//
// The clauses are the demo draft's sentences (client/demo/draft.md, planted mistakes included), repeated until the
// paragraph holds --kb kilobytes; once joined by ", " and ", and " into a single sentence, once as separate sentences.
// Prints both check times (engine, in process, median of --runs), their ratio, and whether both versions have findings
// on the same claims (same clause, same place in it, same rule). Issue 13's target: ratio ≤ 1.5 at 1 MB.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './engineBundle.mjs';
import { initializeBenchServer } from './lsp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const BENCH_ROOT = '/tmp/corroborate-bench';

/** The clauses of a draft: its body's sentences, final stop dropped (a stop inside closing quote marks too). */
export function clausesOf(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
  return paragraphs.flatMap((p) => p.split(/(?<=[.!?]["”]?)\s+(?=["“]?\p{Lu})/u)).map((s) => s.replace(/[.!?](["”]?)$/, '$1').trim()).filter(Boolean);
}

/**
 * Both drafts, with where each clause starts in each. `kb` kilobytes of clauses (repeated in order), one paragraph.
 * The one-sentence version joins clauses with ", " and ", and " in turn; the other ends each with a full stop.
 */
export function longSentenceDrafts(clauses, kb, { date = '2025-11-25', lowerCaseWords = new Set() } = {}) {
  const head = `---\ndate: ${date}\n---\n\n`;
  const picked = [];
  for (let size = 0, i = 0; size < kb * 1024; i++) {
    const clause = clauses[i % clauses.length];
    picked.push(clause);
    size += clause.length + 5;
  }
  // Inside a sentence a clause opens in lower case when its first word is a common word (written so elsewhere).
  const inner = (clause) => {
    const first = clause.split(/\s+/)[0];
    return lowerCaseWords.has(first.toLowerCase()) ? first.toLowerCase() + clause.slice(first.length) : clause;
  };
  const build = (separator, within) => {
    let text = head;
    const starts = [];
    picked.forEach((clause, i) => {
      if (i > 0) text += separator(i);
      starts.push(text.length);
      text += i > 0 && within ? inner(clause) : clause;
    });
    return { text: text + '.\n', starts };
  };
  return {
    clauses: picked,
    oneSentence: build((i) => (i % 2 ? ', ' : ', and '), true),
    separate: build(() => '. ', false),
  };
}

/** Findings as clause-relative keys: clause index, offset in the clause, rule, flagged text. */
export function findingKeys(engine, draft, findings) {
  const lineStarts = engine.lineStartsOf(draft.text);
  return findings.map((f) => {
    const start = lineStarts[f.range.start.line] + f.range.start.character;
    const end = lineStarts[f.range.end.line] + f.range.end.character;
    let lo = 0;
    let hi = draft.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (draft.starts[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    return `${lo}:${start - draft.starts[lo]}:${f.rule}:${draft.text.slice(start, end)}`;
  });
}

/** The engine, bundled for this script. */
export async function loadEngine() {
  return createRequire(import.meta.url)(await bundleEngine(join(BENCH_ROOT, 'engine-long-sentence.cjs')));
}

/** Checks both versions (`runs` times each, alternating) and compares them. */
export async function measureLongSentence({ kb = 1024, runs = 1, engine } = {}) {
  process.env.CORROBORATE_CACHE_DIR = 'off';
  engine ??= await loadEngine();
  const corpus = await engine.loadCorpus([join(repo, 'seeds')]);
  const clauses = clausesOf(readFileSync(join(repo, 'client', 'demo', 'draft.md'), 'utf8'));
  const lowerCaseWords = new Set(corpus.sources.flatMap((s) => s.text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}-]*/gu) ?? []));
  const drafts = longSentenceDrafts(clauses, kb, { lowerCaseWords });
  // Warm up on a small version of each, so neither timing pays for compilation.
  const small = longSentenceDrafts(clauses, 8, { lowerCaseWords });
  engine.checkText(corpus, small.separate.text);
  engine.checkText(corpus, small.oneSentence.text);
  const times = { separate: [], oneSentence: [] };
  const cpu = { separate: [], oneSentence: [] };
  const results = {};
  for (let r = 0; r < runs; r++) {
    for (const which of ['separate', 'oneSentence']) {
      // A fresh corpus object each time: the engine caches paragraph results per corpus.
      const fresh = await engine.loadCorpus([join(repo, 'seeds')]);
      const t = performance.now();
      const c = process.cpuUsage();
      const findings = engine.checkText(fresh, drafts[which].text);
      times[which].push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[which].push((used.user + used.system) / 1000);
      results[which] = findingKeys(engine, drafts[which], findings);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const a = new Set(results.separate);
  const b = new Set(results.oneSentence);
  return {
    kb,
    bytes: drafts.oneSentence.text.length,
    clauses: drafts.clauses.length,
    separateMs: median(times.separate),
    oneSentenceMs: median(times.oneSentence),
    ratio: median(times.oneSentence) / median(times.separate),
    // CPU time as well: on a shared machine wall time drifts with the load, the work done does not.
    separateCpuMs: median(cpu.separate),
    oneSentenceCpuMs: median(cpu.oneSentence),
    cpuRatio: median(cpu.oneSentence) / median(cpu.separate),
    findings: { separate: a.size, oneSentence: b.size },
    onlySeparate: [...a].filter((k) => !b.has(k)),
    onlyOneSentence: [...b].filter((k) => !a.has(k)),
    sources: corpus.sources.length,
  };
}

export function describe(r) {
  const ms = (x) => (x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);
  const same = !r.onlySeparate.length && !r.onlyOneSentence.length;
  return [
    `long sentence, ${r.kb} KB (${r.clauses} clauses, one paragraph, ${r.sources} sources): separate sentences ${ms(r.separateMs)}, one sentence ${ms(r.oneSentenceMs)}, ratio ×${r.ratio.toFixed(2)} (target ≤ 1.5 ${r.ratio <= 1.5 ? '✓' : '✗'})`,
    `  CPU time: separate ${ms(r.separateCpuMs)}, one sentence ${ms(r.oneSentenceCpuMs)}, ratio ×${r.cpuRatio.toFixed(2)}`,
    `  findings: ${r.findings.separate} separate, ${r.findings.oneSentence} one sentence; ${same ? 'on the same claims ✓' : `differ ✗ (only separate: ${r.onlySeparate.slice(0, 5).join(' | ')}; only one sentence: ${r.onlyOneSentence.slice(0, 5).join(' | ')})`}`,
  ].join('\n');
}

/**
 * Hovers on a small draft while the server checks the 1 MB one-sentence draft (dist/server.js --stdio, seeds as
 * sources, no on-disk index): the small draft is opened and checked first, then the long one is opened and a hover on
 * the small one is sent every 20 ms until the long draft's diagnostics arrive (the check and their publication).
 */
export async function measureHoversDuringLongCheck({ kb = 1024, serverPath = join(repo, 'dist', 'server.js') } = {}) {
  const { spawn } = await import('node:child_process');
  const { pathToFileURL } = await import('node:url');
  const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');
  const clauses = clausesOf(readFileSync(join(repo, 'client', 'demo', 'draft.md'), 'utf8'));
  const long = longSentenceDrafts(clauses, kb).oneSentence.text;
  const smallPath = join(repo, 'client', 'demo', 'draft.md');
  const small = readFileSync(smallPath, 'utf8');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CORROBORATE_CACHE_DIR: 'off' } });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  child.stderr.on('data', (d) => process.env.BENCH_VERBOSE && process.stderr.write(d));
  const settings = { sources: [join(repo, 'seeds')], debounceMs: 0, maxDraftBytes: 4 * kb * 1024 };
  const published = new Map();
  const waiters = [];
  conn.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'corroborate' ? settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', (p) => process.env.BENCH_VERBOSE && process.stderr.write(`server: ${p.message}\n`));
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, { at: performance.now(), count: p.diagnostics.length, bytes: JSON.stringify(p).length });
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  const until = async (test) => {
    while (!test()) await new Promise((r) => waiters.push(r));
  };
  try {
    await initializeBenchServer(conn, repo, settings);
    const smallUri = pathToFileURL(smallPath).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: small } });
    await until(() => published.has(smallUri));
    const line = small.split('\n').findIndex((l) => /\d/.test(l) && !l.startsWith('#') && !l.startsWith('date'));
    const position = { line, character: /\d/.exec(small.split('\n')[line]).index };
    const longUri = pathToFileURL(join(BENCH_ROOT, 'long-sentence.md')).href;
    const opened = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: longUri, languageId: 'markdown', version: 1, text: long } });
    const hovers = [];
    while (!published.has(longUri)) {
      const sent = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position });
      hovers.push(performance.now() - sent);
      if (process.env.BENCH_VERBOSE && performance.now() - sent > 60) process.stderr.write(`slow hover: sent ${Math.round(sent - opened)} ms after the open, took ${Math.round(performance.now() - sent)} ms\n`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const done = published.get(longUri);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`published ${Math.round(done.at - opened)} ms after the open\n`);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const sorted = [...hovers].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { kb, checkMs: done.at - opened, diagnostics: done.count, publishedBytes: done.bytes, hovers: hovers.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i < 0 ? fallback : argv[i + 1];
  };
  if (argv.includes('--hover')) {
    const r = await measureHoversDuringLongCheck({ kb: Number(option('--kb', '1024')), serverPath: option('--server', undefined) });
    const ms = (x) => `${x.toFixed(1)} ms`;
    console.log(argv.includes('--json') ? JSON.stringify(r) : `hover on another draft while the ${r.kb} KB one-sentence draft is checked (server): ${r.hovers} hovers, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)} (target ≤ 100 ms ${r.max <= 100 ? '✓' : '✗'}); its diagnostics after ${Math.round(r.checkMs)} ms: ${r.diagnostics} published, ${(r.publishedBytes / 1e6).toFixed(2)} MB of JSON`);
  } else {
    const result = await measureLongSentence({ kb: Number(option('--kb', '1024')), runs: Number(option('--runs', '1')) });
    console.log(argv.includes('--json') ? JSON.stringify(result) : describe(result));
  }
}
