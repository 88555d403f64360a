// One measurement in a process of its own, so its peak RSS is its own. Prints one JSON line on stdout.
//
//   node worker.mjs index <engine.cjs> <corpusDir>
//       loads (reads, analyses, indexes) the corpus once, then waits for the on-disk index to be written:
//       { ms (until the corpus is ready), writeMs, warm, sources, maxRssKb }
//   node worker.mjs check <engine.cjs> <corpusDir> '{"<label>": ["<draft>", "<all-new draft>", ...]}'
//       loads the corpus, then checks each draft of each group once (the first is the warm-up, reported apart):
//       { loadMs, drafts: { <label>: { first, times[], findings, byRule } }, maxRssKb }
//   node worker.mjs harper <draft> <reps> ['["<all-new draft>", ...]']
//       harper.js LocalLinter: cold start + first lint of <draft>, then `reps` re-lints after one-sentence edits,
//       then one lint of each all-new draft
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const [mode, ...args] = process.argv.slice(2);
const maxRssKb = () => process.resourceUsage().maxRSS; // kilobytes on Linux
const now = () => performance.now();

/** With BENCH_PROFILE=<file>, the timed part (not start-up) is CPU-profiled to <file>.cpuprofile. */
async function profiled(fn) {
  const file = process.env.BENCH_PROFILE;
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function index(enginePath, dir) {
  const engine = createRequire(import.meta.url)(enginePath);
  const t = now();
  const corpus = await profiled(() => engine.loadCorpus([dir]));
  const ms = now() - t; // until the corpus can be checked
  // The on-disk index is written right after (cold starts): its time is reported apart, its memory counts in the peak.
  const w = now();
  await corpus.indexWritten;
  const writeMs = corpus.indexWritten ? now() - w : undefined;
  return { ms, writeMs, warm: !!corpus.warmStart, sources: corpus.sources.length, problems: corpus.problems.length, maxRssKb: maxRssKb() };
}

async function check(enginePath, dir, groupsJson) {
  const engine = createRequire(import.meta.url)(enginePath);
  const t = now();
  const corpus = await engine.loadCorpus([dir]);
  const loadMs = now() - t;
  const out = {};
  await profiled(() => checkAll(engine, corpus, JSON.parse(groupsJson), out));
  return { loadMs, sources: corpus.sources.length, drafts: out, maxRssKb: maxRssKb() };
}

/**
 * `groups`: { label: [draft paths] }. Each draft is checked once: the first untimed-ish (reported as `first`, it warms
 * the process up), the others timed. Every draft is text the engine has not seen, so no cache answers for it.
 */
function checkAll(engine, corpus, groups, out) {
  for (const [label, paths] of Object.entries(groups)) {
    const times = [];
    let first;
    let findings;
    for (const [i, path] of paths.entries()) {
      const text = readFileSync(path, 'utf8');
      const t1 = now();
      const result = engine.checkText(corpus, text);
      const took = now() - t1;
      if (i === 0) {
        first = took;
        findings = result;
      } else times.push(took);
    }
    const byRule = {};
    for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    out[label] = { first, times, findings: findings.length, byRule };
  }
}

/** Replaces the `n`th sentence-ish run of the text with a reworded one (a one-sentence edit). */
function editSentence(text, n) {
  const sentences = [...text.matchAll(/[A-Z][^.!?\n]{30,}[.!?]/g)];
  const m = sentences[(n * 7919) % sentences.length];
  const replacement = `${m[0].slice(0, -1)} and reporters were told to expect more news later ${n}.`;
  return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
}

async function harper(draftPath, reps, freshJson) {
  const t = now();
  const { LocalLinter } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const linter = new LocalLinter({ binary });
  await linter.setup();
  const text = readFileSync(draftPath, 'utf8');
  const first = await linter.lint(text);
  const coldMs = now() - t;
  // Re-lint after a one-sentence edit (what a keystroke in an editor costs harper).
  const edit = [];
  let current = text;
  for (let i = 0; i < Number(reps); i++) {
    current = editSentence(current, i + 1); // each lint differs from the one before by one sentence
    const t1 = now();
    await linter.lint(current);
    edit.push(now() - t1);
  }
  // All-new drafts of the same length: every sentence unseen.
  const fresh = [];
  for (const path of JSON.parse(freshJson ?? '[]')) {
    const other = readFileSync(path, 'utf8');
    const t2 = now();
    await linter.lint(other);
    fresh.push(now() - t2);
  }
  return { coldMs, lints: first.length, edit, fresh, maxRssKb: maxRssKb() };
}

const run = { index, check, harper }[mode];
if (!run) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const result = await run(...args);
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0); // harper.js keeps threads alive
