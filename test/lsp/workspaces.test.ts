// Multi-root and corroborate.json in the language server: each workspace folder's drafts are checked against its own
// sources and settings (workspace/configuration with scopeUri); severities are settings > corroborate.json > defaults;
// the config file reloads live and selects drafts; a folder without sources is quiet; checking toggles per folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf } from './harness';

const DRAFT = '# Corridor\n\nHarbour minister Danylo Marensku said the grain corridor would stay open.\n';
let root: string;
let client: TestClient;
const folder = (name: string) => path.join(root, name);
function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
const nameFinding = (d: { diagnostics: Diagnostic[] }) => d.diagnostics.find((x) => x.code === 'name/misspelled');
const textOf = (m: Diagnostic['message']) => (typeof m === 'string' ? m : m.value);

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'corroborate-multiroot-'));
  // Folder A: the default "sources" folder; its settings make name/misspelled an error.
  write('a/sources/wire.md', '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.\n\nMarensky said the corridor would stay open.\n');
  // Folder B: its sources named in corroborate.json, which also sets a severity.
  write('b/wire/agency/talks.md', '# Port talks\n\nHarbour minister Danylo Marenko met Petra Vilnova in Odesa on Monday.\n\nMarenko said the corridor would stay open.\n');
  write('b/corroborate.json', JSON.stringify({ sources: ['wire/**'], severity: { 'name/misspelled': 'hint' } }));
  // Folder C: no sources at all.
  mkdirSync(folder('c'), { recursive: true });
  client = await TestClient.start({
    folders: [folder('a'), folder('b'), folder('c')],
    folderSettings: { [uriOf(folder('a'))]: { severity: { 'name/misspelled': 'error' } } },
  });
});
after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(root, { recursive: true, force: true });
});

describe('several workspace folders', () => {
  let a: string;
  let b: string;
  it('checks each folder’s draft against its own sources, with its own settings', async () => {
    a = await client.open(write('a/draft.md', DRAFT), DRAFT);
    b = await client.open(write('b/draft.md', DRAFT), DRAFT);
    const inA = nameFinding(await client.waitFor('diagnostics', (d) => d.uri === a && !!nameFinding(d)))!;
    const inB = nameFinding(await client.waitFor('diagnostics', (d) => d.uri === b && !!nameFinding(d)))!;
    assert.match(textOf(inA.message), /Marensky/);
    assert.doesNotMatch(textOf(inA.message), /Marenko/);
    assert.match(textOf(inB.message), /Marenko/);
    assert.equal(inA.severity, 1, 'folder A’s setting: error');
    assert.equal(inB.severity, 4, 'folder B’s corroborate.json: hint');
    const statuses = client.of('status').filter((s) => s.state === 'ready');
    assert.ok(statuses.some((s) => s.folder === folder('a') && s.roots[0] === folder('a/sources')));
    assert.ok(statuses.some((s) => s.folder === folder('b') && s.roots[0] === folder('b/wire')));
  });

  it('a severity in the settings wins over corroborate.json', async () => {
    const from = client.mark();
    await client.changeSettings({ severity: { 'name/misspelled': 'information' } });
    const inB = await client.waitFor('diagnostics', (d) => d.uri === b && nameFinding(d)?.severity === 3, from);
    assert.ok(inB);
    await client.changeSettings(null);
    await client.waitFor('diagnostics', (d) => d.uri === b && nameFinding(d)?.severity === 4, client.mark());
  });

  it('picks up a changed corroborate.json: accepted spellings, then include/exclude', async () => {
    let from = client.mark();
    const config = write('b/corroborate.json', JSON.stringify({ sources: ['wire/**'], acceptedSpellings: { Marensku: ['Marenko'] } }));
    await client.watchedFilesChanged([{ uri: uriOf(config), type: 2 }]);
    await client.waitFor('diagnostics', (d) => d.uri === b && !nameFinding(d), from);

    from = client.mark();
    write('b/corroborate.json', JSON.stringify({ sources: ['wire/**'], drafts: { include: ['drafts/**'] } }));
    await client.watchedFilesChanged([{ uri: uriOf(config), type: 2 }]);
    await new Promise((r) => setTimeout(r, 400)); // the server coalesces file events for 200 ms
    const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [b] })) as { skipped?: string };
    assert.equal(r.skipped, 'not-a-draft');
    const inDrafts = await client.open(write('b/drafts/corridor.md', DRAFT), DRAFT);
    assert.ok(nameFinding(await client.waitFor('diagnostics', (d) => d.uri === inDrafts && !!nameFinding(d), from)));
  });

  it('a folder without sources is quiet: no message, a status saying how to set sources, no draft checked', async () => {
    const c = await client.open(write('c/draft.md', DRAFT), DRAFT);
    const status = await client.waitFor('status', (s) => s.folder === folder('c'));
    assert.equal(status.state, 'no-sources');
    assert.match(status.message ?? '', /corroborate\.json/);
    assert.match(status.message ?? '', /Choose Sources Folder/);
    const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [c] })) as { skipped?: string };
    assert.equal(r.skipped, 'no-corpus');
    assert.deepEqual(client.of('message').filter((m) => m.type <= 2), [], 'no error or warning message');
  });

  it('turns checking off and on for one folder', async () => {
    let from = client.mark();
    await client.connection.sendNotification('corroborate/setChecking', { folder: uriOf(folder('a')), enabled: false });
    await client.waitFor('diagnostics', (d) => d.uri === a && d.diagnostics.length === 0, from);
    const off = await client.waitFor('status', (s) => s.folder === folder('a') && s.state === 'off', from);
    assert.match(off.message ?? '', /Toggle Checking/);
    from = client.mark();
    await client.connection.sendNotification('corroborate/setChecking', { folder: uriOf(folder('a')), enabled: true });
    assert.ok(nameFinding(await client.waitFor('diagnostics', (d) => d.uri === a && !!nameFinding(d), from)));
    await client.waitFor('status', (s) => s.folder === folder('a') && s.state === 'ready', from);
  });
});

describe('a client that pushes its settings (no workspace/configuration)', () => {
  it('says nothing about missing sources before the settings arrive, then loads the folders pushed', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-pushed-'));
    const wire = path.join(workspace, 'copy');
    mkdirSync(wire);
    writeFileSync(path.join(wire, 'talks.md'), '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.\n');
    const pushing = await TestClient.start({ root: workspace, capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } } });
    try {
      const quiet = await pushing.waitFor('status', (s) => s.state !== 'indexing');
      assert.equal(quiet.state, 'no-sources');
      const from = pushing.mark();
      await pushing.changeSettings({ sources: ['copy'] });
      const ready = await pushing.waitFor('status', (s) => s.state === 'ready', from);
      assert.deepEqual(ready.roots, [wire]);
      assert.deepEqual(pushing.of('message').filter((m) => m.type <= 2), [], 'no warning before or after');
    } finally {
      assert.equal(await pushing.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('two projects in one workspace folder (each desk with its own corroborate.json)', { timeout: 60_000 }, () => {
  let desks: string;
  let desk: TestClient;
  const at = (rel: string) => path.join(desks, rel);
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), text);
    return at(rel);
  };
  before(async () => {
    desks = mkdtempSync(path.join(tmpdir(), 'corroborate-desks-'));
    put('desk-a/wire/talks.md', '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.\n\nMarensky said the corridor would stay open.\n');
    put('desk-a/corroborate.json', JSON.stringify({ sources: ['wire'], severity: { 'name/misspelled': 'error' }, dismissals: 'reviews/dismissed.json' }));
    put('desk-b/agency/talks.md', '# Port talks\n\nHarbour minister Danylo Marenko met Petra Vilnova in Odesa on Monday.\n\nMarenko said the corridor would stay open.\n');
    put('desk-b/corroborate.json', JSON.stringify({ sources: ['agency'], severity: { 'name/misspelled': 'hint' } }));
    desk = await TestClient.start({ root: desks });
  });
  after(async () => {
    if (desk) assert.equal(await desk.stop(), 0);
    rmSync(desks, { recursive: true, force: true });
  });

  it('checks each desk’s draft against its own sources, severities, accepted spellings and dismissals file', async () => {
    const a = await desk.open(put('desk-a/drafts/corridor.md', DRAFT), DRAFT);
    const b = await desk.open(put('desk-b/corridor.md', DRAFT), DRAFT);
    const inA = nameFinding(await desk.waitFor('diagnostics', (d) => d.uri === a && !!nameFinding(d)))!;
    const inB = nameFinding(await desk.waitFor('diagnostics', (d) => d.uri === b && !!nameFinding(d)))!;
    assert.match(textOf(inA.message), /Marensky/);
    assert.match(textOf(inB.message), /Marenko/);
    assert.equal(inA.severity, 1, 'desk-a’s corroborate.json: error');
    assert.equal(inB.severity, 4, 'desk-b’s corroborate.json: hint');
    const ready = desk.of('status').filter((s) => s.state === 'ready');
    assert.ok(ready.some((s) => s.roots[0] === at('desk-a/wire') && s.config === at('desk-a/corroborate.json')));
    assert.ok(ready.some((s) => s.roots[0] === at('desk-b/agency')));

    // Live reload of one desk's file: desk-b accepts the spelling; desk-a is untouched.
    let from = desk.mark();
    put('desk-b/corroborate.json', JSON.stringify({ sources: ['agency'], acceptedSpellings: { Marensku: ['Marenko'] } }));
    await desk.watchedFilesChanged([{ uri: uriOf(at('desk-b/corroborate.json')), type: 2 }]);
    await desk.waitFor('diagnostics', (d) => d.uri === b && !nameFinding(d), from);
    const stillA = (await desk.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [a] })) as { findings: { rule: string; severity: string }[] };
    assert.equal(stillA.findings.find((f) => f.rule === 'name/misspelled')?.severity, 'error');

    // A dismissal in desk-a goes to desk-a's own dismissals file.
    from = desk.mark();
    await desk.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.dismiss', arguments: [a, 'name/misspelled', inA.range, 'house style for this desk'] });
    const recorded = JSON.parse(readFileSync(at('desk-a/reviews/dismissed.json'), 'utf8')) as { dismissals: Array<{ draft: string; reason: string }> };
    assert.deepEqual(recorded.dismissals.map((d) => [d.draft, d.reason]), [['drafts/corridor.md', 'house style for this desk']]);
    assert.throws(() => readFileSync(at('.corroborate/dismissals.json')), 'nothing at the workspace folder’s root');
  });

  it('turning checking off names each desk in its status, not the workspace folder', async () => {
    await desk.open(put('desk-a/drafts/toggle.md', DRAFT), DRAFT);
    await desk.open(put('desk-b/toggle.md', DRAFT), DRAFT);
    let from = desk.mark();
    await desk.connection.sendNotification('corroborate/setChecking', { folder: uriOf(desks), enabled: false });
    const offA = await desk.waitFor('status', (s) => s.state === 'off' && s.roots[0] === at('desk-a/wire'), from);
    const offB = await desk.waitFor('status', (s) => s.state === 'off' && s.roots[0] === at('desk-b/agency'), from);
    assert.match(offA.message ?? '', /^Checking is off for desk-a /);
    assert.match(offB.message ?? '', /^Checking is off for desk-b /);
    from = desk.mark();
    await desk.connection.sendNotification('corroborate/setChecking', { folder: uriOf(desks), enabled: true });
    await desk.waitFor('status', (s) => s.state === 'ready' && s.roots[0] === at('desk-a/wire'), from);
  });

  it('a draft outside every workspace folder uses the corroborate.json above it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'corroborate-outside-'));
    try {
      mkdirSync(path.join(outside, 'feed'));
      writeFileSync(path.join(outside, 'feed', 'talks.md'), '# Port talks\n\nHarbour minister Danylo Marenski met Petra Vilnova in Odesa on Monday.\n\nMarenski said the corridor would stay open.\n');
      writeFileSync(path.join(outside, 'corroborate.json'), JSON.stringify({ sources: ['feed'], severity: { 'name/misspelled': 'warning' } }));
      const file = path.join(outside, 'notes', 'corridor.md');
      mkdirSync(path.dirname(file));
      writeFileSync(file, DRAFT);
      const uri = await desk.open(file, DRAFT);
      const found = nameFinding(await desk.waitFor('diagnostics', (d) => d.uri === uri && !!nameFinding(d)))!;
      assert.match(textOf(found.message), /Marenski/);
      assert.equal(found.severity, 2);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not look above the workspace folder for a corroborate.json', async () => {
    const outer = mkdtempSync(path.join(tmpdir(), 'corroborate-outer-'));
    try {
      writeFileSync(path.join(outer, 'corroborate.json'), JSON.stringify({ sources: ['wire'] }));
      mkdirSync(path.join(outer, 'wire'));
      writeFileSync(path.join(outer, 'wire', 'talks.md'), '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova.\n');
      mkdirSync(path.join(outer, 'inner'));
      const inner = await TestClient.start({ root: path.join(outer, 'inner') });
      try {
        const status = await inner.waitFor('status', (s) => s.state !== 'indexing');
        assert.equal(status.state, 'no-sources');
      } finally {
        assert.equal(await inner.stop(), 0);
      }
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
