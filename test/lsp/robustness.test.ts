// Bad input never kills the server: huge and binary drafts, a missing or deleted sources folder, malformed
// settings, garbage requests. Also the other ways in: --sources, initializationOptions, --node-ipc.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, type ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { FIXTURES, FULL_CAPABILITIES, rangeOf, SEEDS, TestClient, uriOf } from './harness';

const DRAFT_PATH = path.join(FIXTURES, 'dev-01.md');
const DRAFT = readFileSync(DRAFT_PATH, 'utf8');
const missiles = rangeOf(DRAFT, '24');
const T = { timeout: 60_000 };

/** A client that can neither be asked for settings nor watch files (like a minimal editor integration). */
const MINIMAL: ClientCapabilities = { textDocument: { hover: { contentFormat: ['plaintext'] } } };

async function stillServes(client: TestClient, uri: string): Promise<void> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: missiles.start });
  assert.ok(hover, 'hover still answers');
  assert.ok(client.alive);
}

describe('bad drafts', T, () => {
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start();
    await client.settled();
    uri = await client.open(DRAFT_PATH, DRAFT);
    await client.diagnostics(uri, 1);
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0);
  });

  it('skips a draft over maxDraftBytes with one message', async () => {
    const from = client.mark();
    const huge = DRAFT + '\n' + 'Zelensky said 24 missiles were fired. '.repeat(60_000); // ≈ 2.3 MB
    const big = await client.open(path.join(FIXTURES, 'huge.md'), huge);
    const message = await client.waitFor('message', (m) => m.message.includes('huge.md'), from);
    assert.match(message.message, /MB/);
    assert.match(message.message, /maxDraftBytes/);
    await stillServes(client, uri);
    // An edit that keeps it big says nothing new.
    const v = await client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [big] })) as { skipped?: string; version?: number };
    assert.equal(result.skipped, 'too-big');
    assert.equal(result.version, v);
    assert.equal(client.of('message', from).filter((m) => m.message.includes('huge.md')).length, 1);
    assert.equal(client.of('diagnostics', from).filter((d) => d.uri === big && d.diagnostics.length > 0).length, 0);
    await client.close(big);
  });

  it('skips a binary draft with one message', async () => {
    const from = client.mark();
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    const bin = await client.open(path.join(FIXTURES, 'image.md'), bytes);
    const message = await client.waitFor('message', (m) => m.message.includes('image.md'), from);
    assert.match(message.message, /binary/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bin }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bin },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    await stillServes(client, uri);
  });

  it('survives odd text: empty, only quotes, lone surrogates, very long line, CRLF', async () => {
    const odd = [
      '',
      '"',
      '""""""""',
      '\uD800 said "\uDC00" 24 missiles',
      'x'.repeat(200_000),
      '---\r\ntitle: x\r\n---\r\nZelensky said 24 missiles were fired.\r\n',
      '<!-- corroborate-disable -->\n<!-- corroborate-disable-next-line -->',
    ];
    for (const [i, text] of odd.entries()) {
      const u = await client.open(path.join(FIXTURES, `odd-${i}.md`), text);
      const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [u] })) as { findings: unknown[] };
      assert.ok(Array.isArray(r.findings), `odd text #${i}`);
      await client.close(u);
    }
    await stillServes(client, uri);
  });

  it('rejects garbage requests without dying', async () => {
    await assert.rejects(client.connection.sendRequest('corroborate/compareAt', { nonsense: true }));
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [{ uri: 'file:///nowhere.md' }] }));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///never/opened.md' }, position: { line: 99, character: 99 } });
    assert.equal(hover, null);
    const far = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10_000, character: 10_000 } });
    assert.equal(far, null);
    await stillServes(client, uri);
  });

  it('does not check documents in other languages, or the sources opened to read', async () => {
    const from = client.mark();
    const js = await client.open(path.join(FIXTURES, 'x.js'), 'const s = "Zelensky said 24 missiles";', 'javascript');
    const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [js] })) as { skipped?: string };
    assert.equal(r.skipped, 'language');
    const source = path.join(SEEDS, '000_37d06eedd5291b0a.txt');
    const src = await client.open(source, readFileSync(source, 'utf8'), 'plaintext');
    await client.waitFor('log', (l) => l.message.includes(`${source} is inside the sources folder`), from);
    // Said once, in the log, however often the source is looked at (a hover asks again).
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: src }, position: { line: 0, character: 1 } });
    assert.equal(hover, null);
    assert.equal(client.of('log', from).filter((l) => l.message.includes(`${source} is inside the sources folder`)).length, 1, client.logText());
    assert.equal(client.of('diagnostics', from).filter((d) => (d.uri === js || d.uri === src) && d.diagnostics.length > 0).length, 0);
  });
});

describe('sources folder missing, then created, then deleted', T, () => {
  let client: TestClient;
  let workspace: string;
  let uri: string;
  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-lsp-'));
    writeFileSync(path.join(workspace, 'draft.md'), DRAFT);
    // No didChangeWatchedFiles support: the server watches with fs.watch itself.
    const capabilities: ClientCapabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: false } } };
    client = await TestClient.start({ root: workspace, capabilities, settings: { sources: ['sources'] } });
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('says once that there is no sources folder and keeps serving', async () => {
    const status = await client.settled();
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /no sources folder/);
    const message = await client.waitFor('message', (m) => /no sources folder/.test(m.message));
    assert.ok(message.message.includes(path.join(workspace, 'sources')));
    uri = await client.open(path.join(workspace, 'draft.md'), DRAFT);
    const r = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [uri] })) as { skipped?: string };
    assert.equal(r.skipped, 'no-corpus');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: missiles.start });
    assert.equal(hover, null);
    const corpus = (await client.connection.sendRequest('corroborate/corpus')) as { sources: unknown[] };
    assert.deepEqual(corpus.sources, []);
    assert.equal(client.of('message').filter((m) => /no sources folder/.test(m.message)).length, 1);
  });

  it('picks up the folder when it appears, and re-checks the open draft', async () => {
    const from = client.mark();
    cpSync(SEEDS, path.join(workspace, 'sources'), { recursive: true });
    const ready = await client.waitFor('status', (s) => s.state === 'ready' && s.sources === 5, from);
    assert.deepEqual(ready.roots, [path.join(workspace, 'sources')]);
    const p = await client.waitFor('diagnostics', (d) => d.uri === uri && d.diagnostics.length > 0, from);
    assert.ok(p.diagnostics.some((d) => d.code === 'figure/conflict'));
  });

  it('re-reads a source edited on disk', async () => {
    const from = client.mark();
    const file = path.join(workspace, 'sources', 'new-wire.txt');
    writeFileSync(file, 'Wire copy\n\nKYIV, 25 November 2025 — Zelensky said 24 missiles and 460 drones were fired overnight.\n');
    await client.waitFor('status', (s) => s.state === 'ready' && s.sources === 6, from);
  });

  it('skips a binary source with one message and keeps the others', async () => {
    const from = client.mark();
    writeFileSync(path.join(workspace, 'sources', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0]));
    const ready = await client.waitFor('status', (s) => s.state === 'ready' && s.problems.some((p) => p.path.endsWith('photo.txt')), from);
    assert.equal(ready.sources, 6);
    const message = await client.waitFor('message', (m) => m.message.includes('photo.txt'), from);
    assert.match(message.message, /binary/);
    const p = await client.waitFor('diagnostics', (d) => d.uri === uri, from);
    assert.ok(p.diagnostics.some((d) => d.code === 'figure/conflict'), 'drafts still checked');
  });

  it('survives the folder being deleted: one message, diagnostics cleared, still serving', async () => {
    const from = client.mark();
    rmSync(path.join(workspace, 'sources'), { recursive: true, force: true });
    const status = await client.waitFor('status', (s) => s.state === 'error', from);
    assert.ok(status.message);
    await client.waitFor('message', (m) => m.message.includes(path.join(workspace, 'sources')), from);
    await client.waitFor('diagnostics', (d) => d.uri === uri && d.diagnostics.length === 0, from);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: missiles.start });
    assert.equal(hover, null);
    const corpus = (await client.connection.sendRequest('corroborate/corpus')) as { sources: unknown[] };
    assert.deepEqual(corpus.sources, []);
    assert.equal(client.of('message', from).length, 1, `one message: ${JSON.stringify(client.of('message', from))}`);
    assert.ok(client.alive);
  });
});

describe('clients without workspace/configuration', T, () => {
  it('takes --sources DIR from the command line', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'corroborate-cli-'));
    const client = await TestClient.start({ args: ['--sources', SEEDS], root: elsewhere, capabilities: MINIMAL });
    try {
      const status = await client.settled();
      assert.equal(status.state, 'ready');
      assert.deepEqual(status.roots, [SEEDS]);
      const uri = await client.open(path.join(elsewhere, 'draft.md'), DRAFT);
      const diags = await client.diagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'figure/conflict'));
      // Plain-text hover for a client that asks for it.
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: missiles.start });
      assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
      assert.equal((hover.contents as { kind: string }).kind, 'plaintext');
      assert.match((hover.contents as { value: string }).value, /\d+ of \d+ sources?/);
      assert.equal(client.of('progressCreate').length, 0, 'no progress for a client without support');
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'corroborate-init-'));
    const client = await TestClient.start({
      root: elsewhere,
      capabilities: MINIMAL,
      initializationOptions: { sources: [SEEDS], languages: ['markdown', 'text'] },
    });
    try {
      const status = await client.settled();
      assert.equal(status.state, 'ready');
      const uri = await client.open(path.join(elsewhere, 'draft.txt'), DRAFT, 'text');
      const diags = await client.diagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'figure/conflict'));
      // Pushed settings (no workspace/configuration): turn the rule off.
      const from = client.mark();
      await client.changeSettings({ sources: [SEEDS], languages: ['text'], severity: { 'figure/conflict': 'off' } });
      const p = await client.waitFor('diagnostics', (d) => d.uri === uri, from);
      assert.ok(!p.diagnostics.some((d) => d.code === 'figure/conflict'));
      assert.ok(client.of('message').every((m) => !/malformed/.test(m.message)));
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reads initializationOptions.settings (the shape the VS Code client sends)', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'corroborate-init2-'));
    const client = await TestClient.start({ root: elsewhere, capabilities: MINIMAL, initializationOptions: { settings: { sources: [SEEDS] }, client: 'test' } });
    try {
      const status = await client.settled();
      assert.equal(status.state, 'ready');
      assert.deepEqual(status.roots, [SEEDS]);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports a sources path given on the command line that does not exist', async () => {
    const client = await TestClient.start({ args: ['--sources', '/definitely/not/here'], capabilities: MINIMAL });
    try {
      const status = await client.settled();
      assert.equal(status.state, 'error');
      const m = await client.waitFor('message', (x) => x.message.includes('/definitely/not/here'));
      assert.match(m.message, /command line/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('over node IPC', T, () => {
  it('serves diagnostics when forked with --node-ipc', async () => {
    const client = await TestClient.start({ transport: 'ipc' });
    try {
      assert.equal((await client.settled()).state, 'ready');
      const uri = await client.open(DRAFT_PATH, DRAFT);
      const diags = await client.diagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'figure/conflict' && d.range.start.line === missiles.start.line && d.range.start.character === missiles.start.character));
      assert.ok(uriOf(DRAFT_PATH) === uri);
    } finally {
      await client.stop();
    }
  });
});

