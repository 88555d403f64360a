// Untrusted workspaces: the sources a corroborate.json names outside the workspace folders (a "../" path, an
// absolute path, a symlink out) are not read until the client says the workspace is trusted (corroborate/setTrust).
// Clients that say nothing about trust are trusted.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { rangeOf, TestClient } from './harness';

const SOURCE = '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Monday.\n';
const DRAFT = '# Port talks\n\nHarbour minister Danylo Marensky met Petra Vilnova in Odesa on Tuesday.\n';
let base: string;
const at = (rel: string) => path.join(base, rel);
function put(rel: string, text: string): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), text);
}

before(() => {
  base = mkdtempSync(path.join(tmpdir(), 'corroborate-trust-'));
  put('private/notes.md', SOURCE);
  put('elsewhere/archive.md', SOURCE);
  put('ws/wire/talks.md', SOURCE);
  symlinkSync(at('elsewhere'), at('ws/linked'), 'dir');
  put('ws/corroborate.json', JSON.stringify({ sources: ['wire', '../private', at('elsewhere'), 'linked'] }));
  put('solo/corroborate.json', JSON.stringify({ sources: ['../private'] }));
  put('desk/wire/talks.md', SOURCE);
  put('desk/corroborate.json', JSON.stringify({ sources: ['wire'], dismissals: '../private/dismissals.json' }));
  put('desk/story.md', DRAFT);
});
after(() => rmSync(base, { recursive: true, force: true }));

describe('an untrusted workspace', { timeout: 60_000 }, () => {
  it('reads only the config’s sources inside the workspace, says why, and reads the rest once trusted', async () => {
    const client = await TestClient.start({ root: at('ws'), initializationOptions: { trusted: false } });
    try {
      const first = await client.waitFor('status', (s) => s.state === 'ready');
      assert.deepEqual(first.roots, [at('ws/wire')]);
      assert.match(first.message ?? '', /not trusted/);
      const warning = await client.waitFor('message', (m) => /not trusted/.test(m.message));
      for (const outside of [at('private'), at('elsewhere'), at('ws/linked')]) assert.ok(warning.message.includes(outside), warning.message);
      const from = client.mark();
      await client.connection.sendNotification('corroborate/setTrust', { trusted: true });
      const trusted = await client.waitFor('status', (s) => s.state === 'ready' && s.roots.length > 1, from);
      for (const root of [at('ws/wire'), at('private'), at('elsewhere')]) assert.ok(trusted.roots.includes(root), JSON.stringify(trusted.roots));
      assert.equal(trusted.message, undefined);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('checks no draft when every source named is outside, and the status says so', async () => {
    const client = await TestClient.start({ root: at('solo'), initializationOptions: { trusted: false } });
    try {
      const status = await client.waitFor('status', (s) => s.state !== 'indexing');
      assert.equal(status.state, 'error');
      assert.match(status.message ?? '', /not trusted.*private/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('a client that says nothing about trust is trusted', async () => {
    const client = await TestClient.start({ root: at('solo') });
    try {
      const status = await client.waitFor('status', (s) => s.state !== 'indexing');
      assert.equal(status.state, 'ready');
      assert.deepEqual(status.roots, [at('private')]);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('an untrusted workspace’s dismissals file', { timeout: 60_000 }, () => {
  it('named outside the workspace, is neither read nor written until trusted: dismissals go to the project’s default file', async () => {
    const client = await TestClient.start({ root: at('desk'), initializationOptions: { trusted: false } });
    try {
      await client.waitFor('status', (s) => s.state === 'ready');
      const uri = await client.open(at('desk/story.md'), DRAFT);
      const diagnostics = await client.diagnostics(uri, 1);
      const day = diagnostics.find((d) => d.code === 'date/conflict');
      assert.ok(day, JSON.stringify(diagnostics));
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'corroborate.dismiss',
        arguments: [uri, 'date/conflict', rangeOf(DRAFT, 'Tuesday'), 'The minister’s office moved the meeting.'],
      })) as { file: string };
      assert.equal(result.file, at('desk/.corroborate/dismissals.json'));
      assert.equal(JSON.parse(readFileSync(result.file, 'utf8')).dismissals.length, 1);
      assert.equal(existsSync(at('private/dismissals.json')), false, 'nothing written outside the workspace');
      const warning = await client.waitFor('message', (m) => /not trusted/.test(m.message) && m.message.includes('dismissals.json'));
      assert.ok(warning.message.includes(at('private/dismissals.json')), warning.message);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
