// Long sentences: the same clauses checked as one endless sentence and as separate sentences, against the seeds.
//
//   node test/bench/longSentence.mjs [--kb 1024] [--runs 1] [--json]
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i < 0 ? fallback : argv[i + 1];
  };
  const result = await measureLongSentence({ kb: Number(option('--kb', '1024')), runs: Number(option('--runs', '1')) });
  console.log(argv.includes('--json') ? JSON.stringify(result) : describe(result));
}
