// Clients that cannot be asked for settings (Neovim 0.7) push them by didChangeConfiguration right after
// `initialized`, or give them in initializationOptions: neither may cause a "no sources folder" warning.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { FIRST_NO_SOURCES_GRACE_MS } from '../../server/src/lsp/corpusManager';
import { REPO, SEEDS, TestClient } from './harness';

// What Neovim 0.7 advertises: no workspace/configuration, no dynamic registration.
const NO_CONFIGURATION: ClientCapabilities = {
  workspace: { workspaceFolders: true, applyEdit: true },
  textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
};
const DRAFT = path.join(REPO, 'test', 'fixtures', 'eval', 'dev-01.md');
const noSources = (m: { message: string }) => /no sources folder/.test(m.message);
const past = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Each test's server and workspace folder, stopped and removed after it.
let client: TestClient | undefined;
let workspace: string | undefined;
afterEach(async () => {
  if (client) await client.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  client = workspace = undefined;
});

describe('settings that arrive after start-up', () => {

  it('no warning when the sources come by didChangeConfiguration right after initialized', async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-push-')); // no sources/ nor seeds/ here
    client = await TestClient.start({ root: workspace, capabilities: NO_CONFIGURATION });
    // The first load, from the defaults, has found nothing (a quiet workspace); the pushed settings come just after it.
    await client.waitFor('status', (s) => s.state === 'no-sources' || s.state === 'error');
    await client.changeSettings({ sources: [SEEDS] });
    await client.waitFor('status', (s) => s.state === 'ready' && s.sources === 5);
    const uri = await client.open(DRAFT, readFileSync(DRAFT, 'utf8'));
    assert.ok((await client.diagnostics(uri, 1)).some((d) => d.code === 'figure/conflict'));
    await past(FIRST_NO_SOURCES_GRACE_MS + 500);
    assert.deepEqual(client.of('message').filter(noSources), []);
  });

  it('no warning when the sources come in initializationOptions', async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-init-'));
    client = await TestClient.start({ root: workspace, capabilities: NO_CONFIGURATION, initializationOptions: { sources: [SEEDS] } });
    await client.waitFor('status', (s) => s.state === 'ready' && s.sources === 5);
    await past(FIRST_NO_SOURCES_GRACE_MS + 500);
    assert.deepEqual(client.of('message').filter(noSources), []);
  });

  it('stays quiet when no settings come at all: the status says how to set sources', async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-none-'));
    client = await TestClient.start({ root: workspace, capabilities: NO_CONFIGURATION });
    const status = await client.waitFor('status', (s) => s.state === 'no-sources');
    assert.match(status.message ?? '', /sources/);
    await past(FIRST_NO_SOURCES_GRACE_MS + 500);
    assert.deepEqual(client.of('message').filter(noSources), []);
  });

  it('still warns when the sources named in the settings do not exist', async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-missing-'));
    const missing = path.join(workspace, 'wire');
    client = await TestClient.start({ root: workspace, capabilities: NO_CONFIGURATION, initializationOptions: { sources: [missing] } });
    const message = await client.waitFor('message', noSources);
    assert.ok(message.message.includes(missing), message.message);
  });
});

describe('settings merge: defaults < initializationOptions < pushed or answered settings', () => {
  const figureSeverity = async (c: TestClient, uri: string, from: number) => {
    const d = await c.waitFor('diagnostics', (p) => p.uri === uri && p.diagnostics.some((x) => x.code === 'figure/conflict'), from);
    return d.diagnostics.find((x) => x.code === 'figure/conflict')!.severity;
  };

  it('reads Neovim’s init_options = { settings = { corroborate = … } } and keeps its severity under pushed settings', { timeout: 30_000 }, async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'corroborate-merge-'));
    client = await TestClient.start({
      root: workspace,
      capabilities: NO_CONFIGURATION,
      initializationOptions: { settings: { corroborate: { sources: [SEEDS], severity: { 'figure/conflict': 'error' } } } },
    });
    await client.waitFor('status', (s) => s.state === 'ready' && s.sources === 5);
    const uri = await client.open(DRAFT, readFileSync(DRAFT, 'utf8'));
    assert.equal(await figureSeverity(client, uri, 0), 1, 'initializationOptions severity: error');
    // Pushed settings without `severity` (and with another rule's) merge over the start-up ones, rule by rule.
    let from = client.mark();
    await client.changeSettings({ languages: ['markdown'], severity: { 'date/conflict': 'hint' } });
    await past(400);
    const check = await client.connection.sendRequest('workspace/executeCommand', { command: 'corroborate.checkDocument', arguments: [uri] }) as { findings: { rule: string; severity: string }[] };
    assert.equal(check.findings.find((f) => f.rule === 'figure/conflict')?.severity, 'error');
    from = client.mark();
    await client.changeSettings({ severity: { 'figure/conflict': 'hint' } });
    assert.equal(await figureSeverity(client, uri, from), 4, 'a pushed severity for the same rule wins');
  });

  it('keeps initializationOptions under what workspace/configuration answers', { timeout: 30_000 }, async () => {
    client = await TestClient.start({
      settings: { languages: ['markdown', 'plaintext'] },
      initializationOptions: { corroborate: { severity: { 'figure/conflict': 'error' } } },
    });
    const uri = await client.open(DRAFT, readFileSync(DRAFT, 'utf8'));
    assert.equal(await figureSeverity(client, uri, 0), 1);
  });
});
