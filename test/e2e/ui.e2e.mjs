#!/usr/bin/env node
// UI end-to-end test in a real VS Code: builds and packages the extension, installs the .vsix into an
// isolated code-server, opens a draft with planted mistakes beside a copy of seeds/ and drives it with
// Playwright + Debian's Chromium: squiggles, hover citations, the quick fix, the comparison panel.
// Screenshots of every step go to test/artifacts/. Usage: npm run e2e  (or node test/e2e/ui.e2e.mjs)
//   --no-build        reuse corroborate.vsix as it is
//   --keep            leave the run directory (HOME, logs, workspace) in place and print its path
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  buildAndPackage, contributedCommands, ensureDeps, folderUrl, installVsix, launchBrowser,
  makeRun, makeWorkspace, ROOT, sleep, startCodeServer, VSIX,
  stepRunner, check, runScript, openPage, gotoPosition, keepClientLog,
} from './lib.mjs';

const started = Date.now();
const argv = new Set(process.argv.slice(2));
let page;
const { results, state, screenshot, step } = stepRunner('ui');

/** Visible squiggles in the active editor, with their boxes, sorted top to bottom. */
async function squiggles(selector = '.squiggly-warning, .squiggly-error, .squiggly-info') {
  const loc = page.locator(`.monaco-editor ${selector.split(', ').join(', .monaco-editor ')}`);
  const boxes = [];
  for (let i = 0; i < (await loc.count()); i++) {
    const box = await loc.nth(i).boundingBox();
    if (box && box.width > 0) boxes.push({ i, box, cls: await loc.nth(i).getAttribute('class'), loc: loc.nth(i) });
  }
  return boxes.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** The visible text of the active editor, rows in order, whitespace collapsed (wrapped rows joined). */
async function editorText() {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
      .map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    return rows.map((r) => r.text).join(' ').replace(/\s+/g, ' ');
  });
}

/** Moves the action widget's keyboard focus to the first row matching `want`. */
async function focusRow(want, max) {
  for (let k = 0; k <= max + 1; k++) {
    const focused = ((await page.locator('.action-widget .monaco-list-row.focused').allInnerTexts())[0] ?? '').replace(/\s+/g, ' ').trim();
    if (want(focused)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('could not focus the wanted quick-fix row');
}

const seedFiles = () => readdirSync(join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort();

/** Asks the engine's CLI which findings the draft has; picks one to drive the hover and quick fix. */
function pickTarget(ws) {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) return null;
  const r = spawnSync(process.execPath, [cli, 'check', ws.draft, '--sources', ws.sources, '--format', 'json'], { encoding: 'utf8' });
  let findings;
  try {
    findings = JSON.parse(r.stdout).files[0].findings;
  } catch {
    console.log(`  (the CLI gave no JSON: exit ${r.status}; falling back to the first squiggle)`);
    return null;
  }
  const lines = readFileSync(ws.draft, 'utf8').split(/\r?\n/);
  const fixable = findings.filter((f) => f.severity === 'warning' && f.suggestions?.length && f.range.start.line === f.range.end.line);
  const order = ['figure/conflict', 'date/conflict', 'name/misspelled', 'quote/altered'];
  fixable.sort((a, b) => (order.indexOf(a.rule) + 99) % 99 - (order.indexOf(b.rule) + 99) % 99);
  const f = fixable[0];
  if (!f) return null;
  const { line, character } = f.range.start;
  return { rule: f.rule, line, character, text: lines[line].slice(character, f.range.end.character), suggestion: f.suggestions[0] };
}

/** The status bar's problems item, e.g. "Warnings: 5, Infos: 3". */
async function problemsLabel() {
  return (await page.locator('#status\\.problems').first().getAttribute('aria-label').catch(() => null)) ?? '';
}

async function warningCount() {
  return Number((await problemsLabel()).match(/Warnings: (\d+)/)?.[1] ?? 0);
}


async function main() {
  await step('test/e2e dependencies are installed', async () => ensureDeps());
  if (!argv.has('--no-build')) {
    await step('npm run package builds corroborate.vsix', async () => buildAndPackage());
  }
  const paths = makeRun('corroborate-e2e-');
  const ws = makeWorkspace(paths);
  console.log(`  run dir: ${paths.dir}\n  workspace: ${ws.folder} (draft from the demo draft, sources = seeds/)`);
  const installed = await step('the .vsix installs into an isolated code-server', async () => installVsix(paths, VSIX));

  const server = await step('code-server starts on 127.0.0.1 and answers /healthz', async () => startCodeServer(paths, ws.folder));
  if (!server) return;
  console.log(`  code-server: ${server.url} (pid ${server.pid}), log ${server.logFile}`);
  const browser = await launchBrowser();
  try {
    page = await openPage(browser);
    state.page = page;

    const workbench = await step('the workbench loads with the demo workspace', async () => {
      await page.goto(folderUrl(server.url, ws.folder));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view, .explorer-viewlet, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30_000 });
      await sleep(1000);
    });
    if (workbench === undefined && results.at(-1).ok === false) return;

    await step('the draft opens in an editor', async () => {
      const tab = page.locator('.tab.active', { hasText: 'draft.md' });
      // The explorer lists draft.md at the top of the workspace: click it (no file search needed; Quick
      // Open's ripgrep search can take long on a busy machine). Quick Open (Control+P) is the fallback.
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^draft\.md$/ }).first();
      try {
        await row.waitFor({ timeout: 20_000 });
        await row.click();
        await tab.waitFor({ timeout: 10_000 });
      } catch {
        console.log('  (explorer click did not open the draft; using Quick Open)');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill('draft.md');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'draft.md' }).first().waitFor({ timeout: 60_000 });
        await page.keyboard.press('Enter');
        await tab.waitFor({ timeout: 15_000 });
      }
      await page.locator('.monaco-editor .view-lines .view-line').first().waitFor({ timeout: 15_000 });
    });

    if (!installed && results.find((r) => r.name.startsWith('the .vsix'))?.ok === false) {
      console.log('  (the extension is not installed: the remaining checks will fail)');
    }

    await step('diagnostics show as squiggles in the draft', async () => {
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
      await sleep(500);
      const problems = await problemsLabel();
      const n = (await squiggles()).length;
      console.log(`  ${n} squiggles visible; status bar: ${problems}`);
      check(n >= 2, `expected several squiggles, saw ${n}`);
    });

    // The finding to exercise: the engine's own CLI says what it flags in this draft (a figure or date
    // conflict with a suggestion preferred); without the CLI, the first squiggle on screen.
    const target = pickTarget(ws);
    if (target) console.log(`  target: ${target.rule} "${target.text}" at ${target.line + 1}:${target.character + 1} → "${target.suggestion}"`);

    await step('hovering a flagged claim shows the sources\' evidence', async () => {
      let box;
      if (target) {
        box = await gotoPosition(page, target.line + 1, target.character + 2);
      } else {
        const [first] = await squiggles('.squiggly-warning, .squiggly-error');
        check(first, 'no squiggle to hover');
        box = first.box;
      }
      await page.mouse.move(box.x + box.width / 2, box.y - 30, { steps: 2 });
      await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: /source/i }).first();
      await hover.waitFor({ timeout: 15_000 });
      // The problem's message shows first; the server's hover (counts, passages) may land a moment later.
      await page.locator('.monaco-hover:visible').filter({ hasText: /\b\d+ of \d+ sources?\b/i }).first().waitFor({ timeout: 10_000 }).catch(() => {});
      await sleep(300);
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      console.log(`  hover: ${text.slice(0, 300)}`);
      check(/\b\d+ of \d+ sources?\b/i.test(text), `the hover gives no agreement count ("N of M sources"): ${text.slice(0, 200)}`);
      const cited = seedFiles().filter((f) => text.includes(f));
      check(cited.length > 0, 'the hover cites no source passage (no source file named)');
      if (target) check(text.includes(target.rule), `the hover does not name the rule ${target.rule}`);
    });

    await step('the quick fix replaces the text with the sources\' wording', async () => {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      if (target) {
        await gotoPosition(page, target.line + 1, target.character + 2);
        const before = await editorText();
        const warningsBefore = await warningCount();
        check(before.includes(target.text), `the editor does not show "${target.text}"`);
        await page.keyboard.press('Control+.');
        const row = page.locator('.action-widget .monaco-list-row', { hasText: target.suggestion }).first();
        await row.waitFor({ timeout: 10_000 });
        const labels = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
        console.log(`  quick-fix menu: ${labels.join(' | ')}`);
        await screenshot('quick-fix-menu');
        await focusRow((l) => l.includes(target.suggestion) && !/ignore|disable/i.test(l), labels.length);
        await page.keyboard.press('Enter');
        const deadline = Date.now() + 10_000;
        let after = before;
        while (Date.now() < deadline && !after.includes(target.suggestion)) {
          await sleep(200);
          after = await editorText();
        }
        const at = after.indexOf(target.suggestion);
        console.log(`  after: …${after.slice(Math.max(0, at - 60), at + target.suggestion.length + 40)}…`);
        check(after.includes(target.suggestion), `the draft does not read "${target.suggestion}" after the fix`);
        check(after !== before, 'the text did not change');
        // Diagnostics follow the edit: the fixed finding goes away (one warning fewer in the status bar).
        const deadline2 = Date.now() + 15_000;
        let warnings = await warningCount();
        while (Date.now() < deadline2 && !(warnings < warningsBefore)) {
          await sleep(250);
          warnings = await warningCount();
        }
        console.log(`  warnings: ${warningsBefore} before the fix, ${warnings} after`);
        check(warnings < warningsBefore, 'the fixed finding is still reported');
        return;
      }
      // No oracle: the first squiggle whose menu offers a replacement.
      const candidates = await squiggles('.squiggly-warning, .squiggly-error');
      check(candidates.length, 'no squiggle for a quick fix');
      for (const { box } of candidates.slice(0, 4)) {
        await page.mouse.click(box.x + Math.min(box.width / 2, 12), box.y + box.height / 2);
        const before = await editorText();
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
        await sleep(300);
        const labels = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
        console.log(`  quick-fix menu: ${labels.join(' | ')}`);
        const wanted = labels.find((l) => /replace|change to|use /i.test(l));
        if (!wanted) {
          await page.keyboard.press('Escape');
          continue;
        }
        await screenshot('quick-fix-menu');
        await focusRow((l) => l === wanted, labels.length);
        await page.keyboard.press('Enter');
        const deadline = Date.now() + 10_000;
        let after = before;
        while (Date.now() < deadline && after === before) {
          await sleep(200);
          after = await editorText();
        }
        check(after !== before, 'the text did not change after the quick fix');
        const quoted = wanted.match(/[“"](.+?)[”"]/)?.[1];
        if (quoted) check(after.includes(quoted), `the draft does not read "${quoted}"`);
        return;
      }
      throw new Error('no squiggle offered a quick fix that replaces text');
    });

    const commands = contributedCommands();
    const panel = commands.find((c) => /panel/i.test(c.title) && /compar|source/i.test(c.title)) ?? commands.find((c) => /compar/i.test(c.title));
    const label = panel ? (panel.category && !panel.title.startsWith(panel.category) ? `${panel.category}: ${panel.title}` : panel.title) : 'Corroborate: Open Source Comparison Panel';
    await step(`the palette command "${label}" opens the panel showing every source`, async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${label}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: label.replace(/^.*?:\s*/, '') }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await frame.locator('body').waitFor({ timeout: 30_000 });
      await sleep(1500);
      const text = await frame.locator('body').innerText();
      const files = seedFiles();
      const items = await frame.locator('.columns [role="listitem"], article.source').count();
      const missing = files.filter((f) => !text.includes(f));
      console.log(`  panel: ${items} source columns; text: ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
      check(items === files.length, `expected one column per source (${files.length}), saw ${items}`);
      check(missing.length === 0, `sources missing from the panel: ${missing.join(', ')}`);
    }, { shotName: 'comparison-panel' });

    await step('a mistake typed into the draft is flagged as you type', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+1'); // back to the draft's editor group
      await page.locator('.editor-group-container.active .tab.active', { hasText: 'draft.md' }).waitFor({ timeout: 10_000 });
      const before = await warningCount();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Zelensky said 42 missiles and more than 460 drones were fired at Ukraine overnight.', { delay: 15 });
      const deadline = Date.now() + 30_000;
      let now = before;
      while (Date.now() < deadline && !(now > before)) {
        await sleep(250);
        now = await warningCount();
      }
      console.log(`  warnings: ${before} before typing, ${now} after`);
      check(now > before, 'no new warning for the typed figure');
      await page.locator('.editor-group-container.active .squiggly-warning').last().scrollIntoViewIfNeeded().catch(() => {});
    }, { shotName: 'typed-mistake' });

    await step('the language server killed mid-check restarts and re-publishes the diagnostics', async () => {
      // The server bundle of this run's installed extension (its own extensions dir, so no other run's server matches).
      const serverPids = () =>
        spawnSync('pgrep', ['-f', `${paths.extensions}/.*dist/server\\.js`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      const before = serverPids();
      check(before.length > 0, 'no language server process found for this run');
      // The server is killed while the writer types: the keystrokes after it are sent to a dead process, and their
      // failed writes must not stop the client from restarting it.
      const typing = page.keyboard.type(' Officials said 27 missiles were fired.', { delay: 20 });
      await sleep(200);
      for (const pid of before) spawnSync('kill', ['-9', pid]);
      await typing;
      const deadline = Date.now() + 60_000;
      let after = [];
      let warnings = 0;
      while (Date.now() < deadline) {
        await sleep(500);
        after = serverPids().filter((pid) => !before.includes(pid));
        warnings = await warningCount();
        if (after.length > 0 && warnings > 0) break;
      }
      console.log(`  server pids ${before.join(',')} killed; new ${after.join(',') || 'none'}; warnings ${warnings}`);
      check(after.length > 0, 'the client did not restart the language server');
      check(warnings > 0, 'no diagnostics re-published after the restart');
    }, { shotName: 'server-restarted' });
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    keepClientLog(paths, 'ui');
    if (argv.has('--keep')) console.log(`  kept run dir ${paths.dir}`);
    else rmSync(paths.dir, { recursive: true, force: true });
  }
}

await runScript(main, { label: 'e2e', started, results });
