// Dismiss with a reason over LSP: the quick fix, the corroborate.dismiss command writing the project's dismissals
// file, diagnostics without the finding, the hover saying who dismissed it and why, and edits of the file on disk.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { rangeOf, TestClient } from './harness';

const T = { timeout: 60_000 };
const SOURCE = (outlet: string) => `---
title: Tarn bridge closes
date: 2025-09-02
outlet: ${outlet}
---

The Tarn bridge closed on Tuesday after engineers found 14 cracked cables, the transport office said.

Traffic was diverted through Selmoor, where queues stretched for 6 kilometres, police said.
`;
const DRAFT = `# Tarn bridge shut

The Tarn bridge closed on Tuesday after engineers found 19 cracked cables, the transport office said.

Traffic was diverted through Selmoor, where queues stretched for 6 kilometres, police said.
`;
const REASON = 'The transport office corrected the count to 19 at its noon briefing.';

describe('dismiss with a reason', T, () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let first: Diagnostic[];
  const cables = rangeOf(DRAFT, '19 cracked cables');
  const conflictOn = (diags: Diagnostic[]) => diags.find((d) => d.code === 'figure/conflict' && d.range.start.line === cables.start.line);
  const execute = (args: unknown[]) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.dismiss', arguments: args });
  const dismissalsFile = () => path.join(dir, '.corroborate', 'dismissals.json');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'corroborate-dismiss-'));
    mkdirSync(path.join(dir, 'sources'));
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'sources', 'a.md'), SOURCE('Northshore Post'));
    writeFileSync(path.join(dir, 'sources', 'b.md'), SOURCE('Fenwick Daily'));
    writeFileSync(path.join(dir, 'corroborate.json'), '{ "sources": ["sources"] }\n');
    const draft = path.join(dir, 'drafts', 'bridge.md');
    writeFileSync(draft, DRAFT);
    client = await TestClient.start({ root: dir, cwd: dir, args: ['--sources', path.join(dir, 'sources')] });
    assert.equal((await client.settled()).state, 'ready', client.logText());
    uri = await client.open(draft, DRAFT);
    first = await client.diagnostics(uri, 1);
  });
  after(async () => {
    if (client) await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers "Dismiss with a reason…" on a finding, as a command without the reason', async () => {
    const conflict = conflictOn(first);
    assert.ok(conflict, JSON.stringify(first));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: cables, context: { diagnostics: [conflict] } })) as CodeAction[];
    const dismiss = actions.find((a) => a.title === 'Dismiss with a reason…');
    assert.ok(dismiss, JSON.stringify(actions));
    assert.equal(dismiss.kind, 'quickfix');
    assert.equal(dismiss.command?.command, 'corroborate.dismiss');
    assert.deepEqual(dismiss.command?.arguments, [uri, 'figure/conflict', conflict.range]);
    assert.ok(client.initializeResult.capabilities.executeCommandProvider?.commands.includes('corroborate.dismiss'));
  });

  it('refuses without a reason, and writes nothing', async () => {
    await assert.rejects(execute([uri, 'figure/conflict', conflictOn(first)!.range]), /needs a reason/);
    await assert.rejects(execute([uri, 'figure/conflict', conflictOn(first)!.range, '   ']), /needs a reason/);
    assert.throws(() => readFileSync(dismissalsFile()));
  });

  it('records the dismissal in the project folder and re-publishes without the finding', async () => {
    const mark = client.mark();
    const result = (await execute([uri, 'figure/conflict', conflictOn(first)!.range, REASON])) as { file: string };
    assert.equal(result.file, dismissalsFile());
    const saved = JSON.parse(readFileSync(dismissalsFile(), 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(saved.dismissals.length, 1);
    const d = saved.dismissals[0];
    assert.deepEqual([d.draft, d.rule, d.claim, d.reason], ['drafts/bridge.md', 'figure/conflict', '19 cracked cables', REASON]);
    assert.match(d.fingerprint, /^[0-9a-f]{64}$/);
    assert.ok(d.by.length > 0);
    assert.ok(Math.abs(Date.parse(d.at) - Date.now()) < 60_000);
    const next = await client.waitFor('diagnostics', (p) => p.uri === uri, mark);
    assert.equal(conflictOn(next.diagnostics), undefined);
    assert.equal(next.diagnostics.length, first.length - 1);
  });

  it('shows the claim as dismissed in the hover, with the reason, who and when', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: cables.start.line, character: cables.start.character + 1 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Dismissed figure\/conflict: The transport office corrected the count to 19 at its noon briefing\. \(by .+, \d{4}-\d\d-\d\dT/);
  });

  it('lists it as dismissed in the server-built report', async () => {
    const { content } = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.buildReport', arguments: [uri, 'json'] })) as { content: string };
    const claim = JSON.parse(content).claims.find((c: { text: string }) => c.text === '19 cracked cables');
    assert.equal(claim?.status, 'dismissed');
    assert.equal(claim.dismissed.reason, REASON);
    assert.ok(claim.dismissed.by && claim.dismissed.at);
  });

  it('re-reads the file when it changes on disk', async () => {
    const saved = readFileSync(dismissalsFile(), 'utf8');
    let mark = client.mark();
    writeFileSync(dismissalsFile(), JSON.stringify({ version: 1, dismissals: [] }, null, 2));
    const back = await client.waitFor('diagnostics', (p) => p.uri === uri && !!conflictOn(p.diagnostics), mark);
    assert.equal(back.diagnostics.length, first.length);
    mark = client.mark();
    writeFileSync(dismissalsFile(), saved);
    await client.waitFor('diagnostics', (p) => p.uri === uri && !conflictOn(p.diagnostics), mark);
  });

  it('never overwrites a dismissals file it cannot parse', async () => {
    const broken = '{ "version": 1, "dismissals": [';
    const mark = client.mark();
    writeFileSync(dismissalsFile(), broken);
    await client.waitFor('message', (m) => /dismissals\.json is not valid JSON/.test(m.message), mark);
    await assert.rejects(execute([uri, 'figure/conflict', conflictOn(first)!.range, REASON]), /not valid JSON.*Nothing was written/);
    assert.equal(readFileSync(dismissalsFile(), 'utf8'), broken);
  });
});
