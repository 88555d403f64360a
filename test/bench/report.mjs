// Times `corroborate report` as a user runs it (the built CLI, one process per run, wall clock): on the demo (seeds/)
// and on the bench's generated corpora, cold (an empty on-disk index folder each run) and warm (the index the first
// run wrote). Prints medians of wall time, CPU time and peak RSS. Needs `npm run build`.
//   node test/bench/report.mjs [--runs 5] [--sizes 2000] [--formats md,html,json] [--data DIR]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, ensureDrafts } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '5'));
const SIZES = arg('sizes', '2000').split(',').map(Number);
const FORMATS = arg('formats', 'md,html,json').split(',');

// Wall clock, plus CPU time (user + sys) and peak RSS from GNU time: on a shared machine the wall clock drifts with
// the load, the CPU time much less.
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%e', 'true']).status === 0;
function time(draft, sources, format, cacheDir) {
  const args = [CLI, 'report', draft, '--sources', sources, '--format', format];
  const t = process.hrtime.bigint();
  const r = spawnSync(hasGnuTime ? GNU_TIME : process.execPath, hasGnuTime ? ['-f', 'TIME %U %S %M', process.execPath, ...args] : args, {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, CORROBORATE_CACHE_DIR: cacheDir, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`report exited ${r.status}: ${r.stderr}`);
  const [, user, sys, kb] = /TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr) ?? [];
  return { ms, cpu: user ? (Number(user) + Number(sys)) * 1000 : NaN, rssMB: kb ? Number(kb) / 1024 : NaN, bytes: Buffer.byteLength(r.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

function measure(label, draft, sources) {
  for (const format of FORMATS) {
    const cold = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'corroborate-report-bench-'));
      try {
        const r = time(draft, sources, format, dir);
        cold.push(r);
        bytes = r.bytes;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-report-bench-'));
    const warm = [];
    try {
      time(draft, sources, format, dir); // writes the on-disk index
      for (let i = 0; i < RUNS; i++) warm.push(time(draft, sources, format, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const cell = (runs) => `${fmt(median(runs.map((r) => r.ms)))} | ${fmt(median(runs.map((r) => r.cpu)))} | ${Math.round(median(runs.map((r) => r.rssMB)))} MB`;
    console.log(`| ${label} | ${format} (${Math.round(bytes / 1024)} KB) | ${RUNS} | ${cell(cold)} | ${cell(warm)} |`);
  }
}

console.log(`node ${process.version}; load average ${loadavg()[0].toFixed(2)} before`);
console.log('| Corpus, draft | Format (output) | Runs | Cold: wall | Cold: CPU | Cold: peak RSS | Warm: wall | Warm: CPU | Warm: peak RSS |');
console.log('|---|---|---|---|---|---|---|---|---|');
measure('demo: seeds/ (5 sources), client/demo/draft.md', join(ROOT, 'client', 'demo', 'draft.md'), join(ROOT, 'seeds'));
// --data DIR: a folder generate.mjs wrote (corpus-N/, drafts/), used as it is. Otherwise a private copy of the shared
// cache, which another checkout's generator may replace meanwhile.
const given = arg('data', '');
const data = given || mkdtempSync(join(tmpdir(), 'corroborate-report-bench-data-'));
try {
  const draft = join(data, 'drafts', 'draft-2000.md');
  if (!given) {
    mkdirSync(join(data, 'drafts'));
    cpSync(ensureDrafts(1)[2000], draft);
  }
  for (const size of SIZES) {
    const corpus = join(data, `corpus-${size}`);
    if (!given) cpSync(ensureCorpus(1, size), corpus, { recursive: true, preserveTimestamps: true });
    measure(`${size.toLocaleString('en')} bench sources, 2,000-word draft`, draft, corpus);
  }
} finally {
  if (!given) rmSync(data, { recursive: true, force: true });
}
console.log(`load average ${loadavg()[0].toFixed(2)} after`);
