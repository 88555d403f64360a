// Headless Neovim test: Debian's neovim (0.7.2) as an LSP client of dist/server.js through test/neovim/init.lua.
// It opens a dev draft with seeds/ as its sources (given in init_options, since Neovim 0.7 cannot answer
// workspace/configuration) and checks the diagnostics, a hover and the code actions at a flagged figure.
// Prints "neovim: N passed, M failed" (the line .ci/run sums). Without nvim: a skip (exit 0) locally, a failure in CI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const SERVER = join(REPO, 'dist', 'server.js');
const DRAFT = join(REPO, 'test', 'fixtures', 'eval', 'dev-01.md');
const EXPECTED = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'eval', 'dev-01.json'), 'utf8'));
const TIMEOUT_MS = 120_000;

function done(passed, failed) {
  console.log(`neovim: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  if (!process.env.CI) {
    console.log('neovim: skipped: nvim is not installed (apt-get install neovim); in CI (CI set) this is a failure');
    process.exit(0);
  }
  console.error(`neovim: nvim is not installed or does not run: ${version.error?.message ?? version.stderr}`);
  done(0, 1);
}
console.log(`neovim: ${version.stdout.split('\n')[0]}`);
if (!existsSync(SERVER)) {
  console.error(`neovim: ${SERVER} is missing: run npm run build first`);
  done(0, 1);
}

// A workspace with no sources/ or seeds/ of its own, so only init_options can name the sources.
const workspace = mkdtempSync(join(tmpdir(), 'corroborate-nvim-'));
const out = join(workspace, 'result.json');
const env = {
  ...process.env,
  CORROBORATE_SERVER: SERVER,
  CORROBORATE_ROOT: workspace,
  CORROBORATE_SOURCES: join(REPO, 'seeds'),
  CORROBORATE_DRAFT: DRAFT,
  CORROBORATE_OUT: out,
  CORROBORATE_CACHE_DIR: 'off',
  XDG_STATE_HOME: workspace, // Neovim's LSP log, kept out of the user's home
  XDG_CACHE_HOME: workspace,
};
const nvim = spawn('nvim', ['--headless', '--noplugin', '-n', '-i', 'NONE', '-u', join(HERE, 'init.lua')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
nvim.stdout.on('data', (d) => (output += d));
nvim.stderr.on('data', (d) => (output += d));
const timer = setTimeout(() => nvim.kill('SIGKILL'), TIMEOUT_MS);
const [code, signal] = await new Promise((r) => nvim.on('exit', (c, s) => r([c, s])));
clearTimeout(timer);

let result;
try {
  result = JSON.parse(readFileSync(out, 'utf8'));
} catch (err) {
  console.error(`neovim: no result from nvim (exit ${code}, signal ${signal}): ${err.message}\n${output}`);
  rmSync(workspace, { recursive: true, force: true });
  done(0, 1);
}
rmSync(workspace, { recursive: true, force: true });

const draft = readFileSync(DRAFT, 'utf8');
const lines = draft.split('\n');
const textAt = (r) => (r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : '');
const diagnostics = result.diagnostics ?? [];
const flagged = result.figure ? textAt(result.figure.range) : undefined;
const expectation = EXPECTED.expect.find((e) => e.category === 'figure' && e.level === 'conflict' && e.spans.some((s) => flagged?.includes(s)));
const hoverText = (h) => {
  const c = h?.contents;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value ?? '';
};
const actionTexts = (Array.isArray(result.code_actions) ? result.code_actions : []).map((a) =>
  [a.title, ...Object.values(a.edit?.changes ?? {}).flat().map((e) => e.newText)].join('\n'),
);

const checks = [
  ['nvim ran the script without error', !result.error, result.error],
  ['diagnostics were published for the draft', diagnostics.length > 0, `${diagnostics.length}`],
  ['they include figure/conflict', diagnostics.some((d) => d.code === 'figure/conflict'), diagnostics.map((d) => d.code).join(', ')],
  [
    'severity from init_options is applied (quote/unsourced off)',
    EXPECTED.expect.some((e) => e.category === 'quote' && e.level === 'info') && !diagnostics.some((d) => d.code === 'quote/unsourced'),
    diagnostics.map((d) => d.code).join(', '),
  ],
  ['each diagnostic links to its rule page by file URI', diagnostics.every((d) => d.codeDescription?.href?.startsWith('file://') && existsSync(fileURLToPath(d.codeDescription.href))), diagnostics.map((d) => d.codeDescription?.href).join(', ')],
  ['the flagged figure is a known conflict of the draft', expectation !== undefined, `flagged "${flagged}"`],
  ['the hover at it says what the sources say', /source/i.test(hoverText(result.hover)), JSON.stringify(result.hover ?? result.hover_error).slice(0, 300)],
  [
    "a code action offers the sources' wording",
    expectation !== undefined && actionTexts.some((t) => t.includes(expectation.suggest)),
    `${expectation?.suggest} in ${JSON.stringify(actionTexts).slice(0, 300)}`,
  ],
  ['no "no sources folder" message', !(result.messages ?? []).some((m) => /no sources folder/.test(m.message)), JSON.stringify(result.messages)],
];
let passed = 0;
for (const [name, ok, detail] of checks) {
  if (ok) passed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
}
if (code !== 0 && !result.error) console.log(`nvim exited with ${code ?? signal}\n${output}`);
done(passed, checks.length - passed + (code !== 0 && !result.error ? 1 : 0));
