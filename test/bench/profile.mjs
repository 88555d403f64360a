// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time and inclusive time per function, top N.
//   node test/bench/profile.mjs <file.cpuprofile> [N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `window`: [from, to] in microseconds of the monotonic clock (process.hrtime.bigint() / 1000n in any process on
 * the same machine): only samples taken then count. Percentages are of busy samples (idle left out).
 */
export function summarise(path, top = 15, window = undefined) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfSamples = new Map();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    if (window && (at < window[0] || at > window[1])) return;
    if (nodes.get(id)?.callFrame.functionName === '(idle)') return;
    selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
    total++;
  });
  if (!total) return `profile ${path}: no busy samples${window ? ' in the window' : ''}`;
  // esbuild marks each bundled module with a `// path/to/module.ts` line: name the module, not the bundle.
  const modules = new Map();
  const moduleOf = (url, line) => {
    if (!url.startsWith('file://')) return undefined;
    if (!modules.has(url)) {
      const marks = [];
      try {
        readFileSync(fileURLToPath(url), 'utf8').split('\n').forEach((l, i) => {
          if (/^\/\/ (?:server|client|node_modules)\/\S+$/.test(l)) marks.push([i, l.slice(3)]);
        });
      } catch {
        // not readable: keep the bundle's name
      }
      modules.set(url, marks);
    }
    let found;
    for (const [at, name] of modules.get(url)) if (at <= line) found = name;
    return found;
  };
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? (moduleOf(f.url, f.lineNumber) ?? f.url.replace(/^.*\//, '')) : '';
    return `${f.functionName || '(anonymous)'} ${file ? `${file.replace(/^server\/src\//, '')}${moduleOf(f.url, f.lineNumber) ? '' : `:${f.lineNumber + 1}`}` : ''}`.trim();
  };
  const self = new Map();
  const inclusive = new Map();
  for (const [id, count] of selfSamples) {
    const key = label(nodes.get(id));
    self.set(key, (self.get(key) ?? 0) + count);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = label(nodes.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + count);
    }
  }
  const pct = (c) => ((100 * c) / total).toFixed(1).padStart(5) + '%';
  const rows = (map) => [...map].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  const ms = ((window ? Math.min(window[1], profile.endTime) - Math.max(window[0], profile.startTime) : profile.endTime - profile.startTime)) / 1000;
  return [
    `profile ${path}: ${total} busy samples over ${ms.toFixed(0)} ms${window ? ' (the measured window only)' : ''}; % of busy samples`,
    'self time:',
    ...rows(self).map(([k, c]) => `  ${pct(c)}  ${k}`),
    'inclusive time:',
    ...rows(inclusive).map(([k, c]) => `  ${pct(c)}  ${k}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summarise(process.argv[2], Number(process.argv[3] ?? 15)));
}
