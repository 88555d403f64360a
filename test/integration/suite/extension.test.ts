// Extension-host integration tests with the real `vscode` API. The launcher opens a workspace holding
// draft.md (planted mistakes) and sources/ (a copy of seeds/).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { log, ROOT, suite, suiteSetup, suiteTeardown, test } from './mocha';

interface PackageJson {
  name: string;
  publisher: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const extensionId = `${pkg.publisher}.${pkg.name}`;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until `get()` returns something truthy, or fails after `ms` with `what`. */
async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

function corroborateDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

suite('Corroborate in the extension host', function () {
  let draftUri: vscode.Uri;
  let doc: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the launcher opens a workspace folder');
    draftUri = vscode.Uri.joinPath(folder.uri, 'draft.md');
    doc = await vscode.workspace.openTextDocument(draftUri);
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async function () {
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
  });

  test('the extension is present and activates', async function () {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is loaded`);
    await waitFor('activation', async () => {
      if (!ext.isActive) await ext.activate();
      return ext.isActive;
    });
  });

  test('every contributed command is registered', async function () {
    const contributed = (pkg.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length >= 5, `package.json contributes the commands (has ${contributed.length})`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], 'contributed commands that are not registered');
  });

  test('diagnostics from source "corroborate" arrive for the draft', async function () {
    diagnostics = await waitFor('corroborate diagnostics on draft.md', () => {
      const found = corroborateDiagnostics(draftUri);
      return found.length ? found : undefined;
    });
    log(`    ${diagnostics.length} diagnostics: ${diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} "${doc.getText(d.range)}"`).join(', ')}`);
    for (const d of diagnostics) {
      assert.match(ruleOf(d), /^[a-z]+\/[a-z-]+$/, 'the diagnostic code is a rule id');
      assert.ok(!d.range.isEmpty, 'the range covers the claim');
    }
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'conflicts are warnings');
  });

  test('hover on a flagged claim cites the sources', async function () {
    const d = diagnostics?.find((x) => x.severity === vscode.DiagnosticSeverity.Warning);
    assert.ok(d, 'a warning to hover');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draftUri, d.range.start.translate(0, 1));
    const text = hoverText(hovers ?? []);
    log(`    hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
    assert.match(text, /\d+ of \d+ sources?/i, 'the hover gives agreement counts');
  });

  test('code actions include ignoring the finding or the rule', async function () {
    const d = diagnostics[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draftUri, d.range);
    const titles = (actions ?? []).map((a) => a.title);
    log(`    actions: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /ignore|disable|turn .* off/i.test(t)), 'an ignore/disable action is offered');
  });

  test('Corroborate: Check Current Draft re-checks and the findings stay', async function () {
    await vscode.commands.executeCommand('corroborate.checkDocument');
    await waitFor('findings after the re-check', () => corroborateDiagnostics(draftUri).length || undefined, 20_000);
  });

  test('Corroborate: Compare Sources at Cursor opens the comparison panel', async function () {
    const d = diagnostics.find((x) => x.severity === vscode.DiagnosticSeverity.Warning) ?? diagnostics[0];
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(d.range.start.translate(0, 1), d.range.start.translate(0, 1));
    await vscode.commands.executeCommand('corroborate.compareAtCursor');
    const webviewTab = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    const tab = await waitFor('a webview tab', webviewTab, 15_000);
    log(`    panel tab: ${tab.label}`);
    await vscode.window.showTextDocument(doc); // back to the draft for the tests after this one
  });

  test('Corroborate: Restart Server brings the findings back', async function () {
    const api = vscode.extensions.getExtension<{ serverState(): string; whenReady(ms?: number): Promise<boolean> }>(extensionId)?.exports;
    assert.ok(api, 'the extension exports its API');
    await vscode.commands.executeCommand('corroborate.restartServer');
    assert.ok(await api.whenReady(45_000), `the server is ready again (state ${api.serverState()})`);
    await waitFor('findings after the restart', () => corroborateDiagnostics(draftUri).length || undefined, 45_000);
  });

  test('the quick fix puts in the sources\' wording', async function () {
    let fixed = false;
    for (const d of diagnostics.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning)) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draftUri, d.range);
      // The preferred quick fix for this finding: its edit touches the flagged range.
      const quickFix = (actions ?? []).find(
        (a) =>
          a.kind &&
          vscode.CodeActionKind.QuickFix.contains(a.kind) &&
          a.isPreferred &&
          a.edit?.get(draftUri).some((e) => e.range.intersection(d.range) !== undefined),
      );
      if (!quickFix?.edit) continue;
      log(`    quick fix for "${doc.getText(d.range)}": ${quickFix.title}`);
      const before = doc.getText();
      assert.ok(await vscode.workspace.applyEdit(quickFix.edit), 'the edit applies');
      assert.notStrictEqual(doc.getText(), before, 'the text changed');
      const inserted = quickFix.edit.get(draftUri)[0]?.newText;
      assert.ok(inserted && doc.getText().includes(inserted), 'the new text is in the draft');
      // Diagnostics follow the edit: the fixed finding is no longer reported where it was.
      const rule = ruleOf(d);
      const fixedRange = new vscode.Range(d.range.start, d.range.start.translate(0, inserted.length));
      await waitFor(`the ${rule} finding to clear after the fix`, () =>
        corroborateDiagnostics(draftUri).every((x) => ruleOf(x) !== rule || !x.range.intersection(fixedRange)) || undefined,
        15_000,
      );
      fixed = true;
      break;
    }
    assert.ok(fixed, 'at least one warning offers a preferred quick fix with an edit');
  });
});
