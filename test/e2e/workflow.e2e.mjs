#!/usr/bin/env node
// Newsroom workflow end-to-end in a real VS Code (code-server + Playwright + Debian's Chromium): a two-folder
// workspace (test/e2e/workspace: harbour/ and orchard/, each with its own sources/ and draft.md) where each draft
// is checked against its own folder's sources; the "Accept “X” as the house spelling" and "Dismiss with a
// reason…" quick fixes write corroborate.json and .corroborate/dismissals.json and clear their squiggles; and
// "Corroborate: Export Fact-Check Report" opens the server-built report (its screenshot is the README's
// client/media/screenshots/report.png, rewritten only with --update-screenshot). Screenshots of every step go to
// test/artifacts/workflow-*.png. Usage: node test/e2e/workflow.e2e.mjs [--no-build] [--keep] [--update-screenshot]
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildAndPackage, E2E, ensureDeps, installVsix, launchBrowser, makeRun, ROOT, sleep, startCodeServer, VSIX,
  stepRunner, check, runScript, openPage, gotoPosition, keepClientLog,
} from './lib.mjs';

const started = Date.now();
const argv = new Set(process.argv.slice(2));
let page;
const { results, state, screenshot, step } = stepRunner('workflow');
const EDITOR = { name: 'Rosa Delling', email: 'rosa.delling@example.org' };
const REPORT_SHOT = join(ROOT, 'client', 'media', 'screenshots', 'report.png');

/** Polls `probe` until it returns a truthy value or the deadline passes; returns the last value. */
async function waitFor(probe, timeoutMs, interval = 250) {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!value && Date.now() < deadline) {
    await sleep(interval);
    value = await probe();
  }
  return value;
}

/** 1-based line and column of the first occurrence of `text` in a file. */
function positionOf(file, text) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(text));
  check(line >= 0, `"${text}" is not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(text) + 1 };
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** Squiggles in the active editor group. */
const activeSquiggles = () => page.locator('.editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-error').count();

/** Opens workspace-relative `path` (e.g. "harbour/draft.md") with Quick Open; waits for its editor. */
async function openFile(folderName, fileName) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`${folderName}/${fileName}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: folderName }).filter({ hasText: fileName }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: fileName }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor({ timeout: 15_000 });
}

/** Hovers the claim at `text` in the active editor; returns the hover's text once it names `expect`. */
async function hoverText(file, text, expect, shotName) {
  const { line, column } = positionOf(file, text);
  const box = await gotoPosition(page, line, column + 1, 300);
  await page.mouse.move(box.x + 4, box.y - 30, { steps: 2 });
  await page.mouse.move(box.x + 6, box.y + box.height / 2, { steps: 5 });
  const hover = page.locator('.monaco-hover:visible').filter({ hasText: expect }).first();
  await hover.waitFor({ timeout: 15_000 });
  await sleep(300);
  const all = (await page.locator('.monaco-hover:visible').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  await screenshot(shotName);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  return all;
}

/** Opens the quick-fix menu at `text` and runs the row whose label matches `want`. */
async function runQuickFix(file, text, want) {
  const { line, column } = positionOf(file, text);
  await gotoPosition(page, line, column + 1, 300);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row', { hasText: want }).first().waitFor({ timeout: 10_000 });
  const labels = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
  console.log(`  quick-fix menu: ${labels.join(' | ')}`);
  for (let k = 0; k <= labels.length + 1; k++) {
    const focused = ((await page.locator('.action-widget .monaco-list-row.focused').allInnerTexts())[0] ?? '').replace(/\s+/g, ' ');
    if (focused.includes(want)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus the quick fix "${want}"`);
}

/** The squiggles in the active editor that cover `text`'s line (1-based). */
async function squigglesOnLine(line) {
  return page.evaluate((lineNo) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((el) => el.textContent.trim() === String(lineNo));
    if (!numbers) return -1;
    const top = numbers.closest('div[style*="top"]')?.getBoundingClientRect().top ?? numbers.getBoundingClientRect().top;
    return [...editor.querySelectorAll('.squiggly-warning, .squiggly-error')].filter((s) => Math.abs(s.getBoundingClientRect().top - top) < 4).length;
  }, line);
}

/** The workspace: both folders copied into the run dir and a .code-workspace file naming them. */
function makeTwoFolderWorkspace(paths) {
  const dir = paths.workspace;
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(E2E, 'workspace'), dir, { recursive: true });
  const file = join(dir, 'newsroom.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'harbour' }, { path: 'orchard' }], settings: {} }, null, 2));
  const folder = (name) => ({ dir: join(dir, name), draft: join(dir, name, 'draft.md') });
  return { dir, file, harbour: folder('harbour'), orchard: folder('orchard') };
}

async function main() {
  await step('test/e2e dependencies are installed', async () => ensureDeps());
  if (!argv.has('--no-build')) await step('npm run package builds corroborate.vsix', async () => buildAndPackage());
  const paths = makeRun('corroborate-workflow-');
  // An invented editor as the git identity: dismissals and the report record who (git user, else the OS user).
  writeFileSync(join(paths.home, '.gitconfig'), `[user]\n\tname = ${EDITOR.name}\n\temail = ${EDITOR.email}\n`);
  const ws = makeTwoFolderWorkspace(paths);
  console.log(`  run dir: ${paths.dir}\n  workspace: ${ws.file}`);
  await step('the .vsix installs into an isolated code-server', async () => installVsix(paths, VSIX));
  const server = await step('code-server starts on 127.0.0.1 and answers /healthz', async () => startCodeServer(paths, ws.file));
  if (!server) return;
  const browser = await launchBrowser();
  try {
    page = await openPage(browser);
    state.page = page;

    const loaded = await step('the two-folder workspace loads with both folders in the explorer', async () => {
      await page.goto(`${server.url}/?workspace=${encodeURIComponent(ws.file)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      for (const name of ['harbour', 'orchard']) {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name}$`, 'i') }).first().waitFor({ timeout: 30_000 });
      }
    });
    if (loaded === undefined && results.at(-1).ok === false) return;

    await step('orchard/draft.md is checked against orchard/sources only', async () => {
      await openFile('orchard', 'draft.md');
      const n = await waitFor(activeSquiggles, 90_000);
      check(n > 0, 'no squiggle in orchard/draft.md');
      const hover = await hoverText(ws.orchard.draft, '2,300 visitors', /3,200 visitors/, 'orchard-hover');
      console.log(`  hover: ${hover.slice(0, 240)}`);
      check(hover.includes('figure/conflict'), 'the hover does not name figure/conflict');
      check(!/48 million|Moravcik/.test(hover), 'the orchard draft shows the harbour sources\' facts');
      check((await activeSquiggles()) === 1, `expected one squiggle (the visitor count), saw ${await activeSquiggles()}`);
    }, { shotName: 'orchard-own-sources' });

    await step('harbour/draft.md is checked against harbour/sources only', async () => {
      await openFile('harbour', 'draft.md');
      const n = await waitFor(async () => (await activeSquiggles()) >= 2 && activeSquiggles(), 90_000);
      check(n === 2, `expected two squiggles (cost and engineer's name), saw ${n}`);
      const hover = await hoverText(ws.harbour.draft, '84 million euros', /48 million euros/, 'harbour-hover');
      console.log(`  hover: ${hover.slice(0, 240)}`);
      check(!/3,200|Quellmann/.test(hover), 'the harbour draft shows the orchard sources\' facts');
    }, { shotName: 'harbour-own-sources' });

    await step('"Accept “Moravick” as the house spelling" writes corroborate.json and clears the squiggle', async () => {
      const config = join(ws.harbour.dir, 'corroborate.json');
      check(!existsSync(config), 'harbour/corroborate.json exists before the quick fix');
      const { line } = positionOf(ws.harbour.draft, 'Moravick');
      check((await squigglesOnLine(line)) >= 1, 'no squiggle on the engineer\'s line before the fix');
      await runQuickFix(ws.harbour.draft, 'Moravick', 'Accept “Moravick” as the house spelling');
      const written = await waitFor(() => readJson(config)?.acceptedSpellings?.Moravick, 15_000);
      console.log(`  corroborate.json: ${existsSync(config) ? readFileSync(config, 'utf8').replace(/\s+/g, ' ') : '(missing)'}`);
      check(Array.isArray(written), 'corroborate.json has no acceptedSpellings.Moravick');
      const left = await waitFor(async () => (await squigglesOnLine(line)) === 0, 20_000);
      check(left, 'the name squiggle is still there');
      check((await activeSquiggles()) === 1, 'expected the cost squiggle to remain');
    }, { shotName: 'accepted-spelling' });

    const reason = 'The council revised the cost after the wire copy was filed';
    await step('"Dismiss with a reason…" asks for a reason, writes .corroborate/dismissals.json and clears the squiggle', async () => {
      const file = join(ws.harbour.dir, '.corroborate', 'dismissals.json');
      const { line } = positionOf(ws.harbour.draft, '84 million euros');
      await runQuickFix(ws.harbour.draft, '84 million euros', 'Dismiss with a reason');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget', { hasText: /Dismiss this figure\/conflict finding/ }).waitFor({ timeout: 10_000 });
      await input.fill(reason);
      await screenshot('dismiss-reason');
      await page.keyboard.press('Enter');
      const entry = await waitFor(() => readJson(file)?.dismissals?.find((d) => d.reason === reason), 15_000);
      console.log(`  dismissals.json: ${existsSync(file) ? readFileSync(file, 'utf8').replace(/\s+/g, ' ').slice(0, 400) : '(missing)'}`);
      check(entry, 'dismissals.json has no entry with the reason');
      check(entry.rule === 'figure/conflict' && entry.claim.includes('84 million'), `unexpected entry ${JSON.stringify(entry)}`);
      check(entry.by.includes(EDITOR.name), `the dismissal is not recorded as by ${EDITOR.name}: ${entry.by}`);
      const gone = await waitFor(async () => (await activeSquiggles()) === 0, 20_000);
      check(gone, `the figure squiggle is still there (${await activeSquiggles()} squiggles, line ${line})`);
    }, { shotName: 'dismissed' });

    await step('"Corroborate: Export Fact-Check Report" opens the server-built report beside the draft', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('>Corroborate: Export Fact-Check Report');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Export Fact-Check Report' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const report = page.locator('.editor-group-container.active .monaco-editor .view-lines');
      await page.locator('.editor-group-container.active .tab.active', { hasText: /Untitled/ }).waitFor({ timeout: 30_000 });
      const text = await waitFor(async () => {
        const t = (await report.innerText().catch(() => '')).replace(/\s+/g, ' ');
        return /Fact-check report/.test(t) && /dismissed/.test(t) && t;
      }, 30_000);
      console.log(`  report: ${String(text).slice(0, 400)}`);
      check(text, 'no report with a dismissed claim in the active editor');
      check(text.includes('84 million euros'), 'the report does not list the dismissed figure');
      check(text.includes(reason), 'the report does not give the dismissal\'s reason');
      check(/\b1 dismissed\b/.test(text), 'the report\'s totals do not count one dismissed claim');
      check(/\b0 conflicting\b/.test(text), 'the report still counts a conflict (the accepted spelling or the dismissed figure)');
      check((await page.locator('.editor-group-container').count()) >= 2, 'the report did not open beside the draft');
      // The "Fact-check report ready." toast slides in: let it settle so the screenshot does not catch it half-drawn.
      await page.locator('.notification-toast', { hasText: 'Fact-check report ready' }).waitFor({ timeout: 10_000 }).catch(() => {});
      await sleep(600);
      if (argv.has('--update-screenshot')) await screenshot('report', REPORT_SHOT);
    }, { shotName: 'report' });
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    keepClientLog(paths, 'workflow');
    if (argv.has('--keep')) console.log(`  kept run dir ${paths.dir}`);
    else rmSync(paths.dir, { recursive: true, force: true });
  }
}

await runScript(main, { label: 'workflow e2e', started, results });
