// A draft kept inside its own sources folder: opened to read, it is a source (not checked); once edited or asked for,
// it is checked against the other sources, and never against itself, not even its saved version on disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { rangeOf, TestClient, uriOf } from './harness';

const SOURCE = '---\ntitle: Port of Velmora struck\ndate: 2026-03-03\n---\n\nHarbour officials in Velmora said on Tuesday that 24 missiles struck the port overnight.\n';
// On disk the draft says 40 missiles and 17 drones; in the editor 32 missiles and 17 drones.
const SAVED = '---\ndate: 2026-03-03\n---\n\nHarbour officials in Velmora said on Tuesday that 40 missiles struck the port overnight. The navy said 17 drones were downed near Ostrava Bay.\n';
const EDITED = SAVED.replace('40 missiles', '32 missiles');

let root: string;
let client: TestClient;
let draftFile: string;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'corroborate-draft-in-sources-'));
  mkdirSync(path.join(root, 'sources'));
  writeFileSync(path.join(root, 'sources', 'velmora.md'), SOURCE);
  draftFile = path.join(root, 'sources', 'draft.md');
  writeFileSync(draftFile, SAVED);
  client = await TestClient.start({ root, cwd: root });
  await client.settled();
});
after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(root, { recursive: true, force: true });
});

const evidenceFiles = (d: Diagnostic) => (d.relatedInformation ?? []).map((r) => r.location.uri);

describe('a draft inside its own sources folder', () => {
  it('is a source while only opened to read, and says so once in the log', async () => {
    const from = client.mark();
    const uri = await client.open(draftFile, SAVED);
    await client.waitFor('log', (l) => l.message.includes(`${draftFile} is inside the sources folder`), from);
    assert.equal(client.of('diagnostics', from).filter((d) => d.uri === uri && d.diagnostics.length > 0).length, 0);
    await client.close(uri);
  });

  it('once edited, gets the conflict found in another source, with no evidence from itself', async () => {
    const uri = await client.open(draftFile, SAVED);
    const version = await client.change(uri, [{ text: EDITED }]);
    const diagnostics = await client.diagnostics(uri, version);
    const conflict = diagnostics.find((d) => d.code === 'figure/conflict');
    assert.ok(conflict, JSON.stringify(diagnostics));
    assert.match(String(conflict.message), /24/);
    assert.doesNotMatch(String(conflict.message), /40/, 'its saved version is no evidence');
    assert.deepEqual(evidenceFiles(conflict), [uriOf(path.join(root, 'sources', 'velmora.md'))]);
    for (const d of diagnostics) assert.ok(!evidenceFiles(d).includes(uri), `no finding cites the draft itself: ${JSON.stringify(d)}`);

    // 17 drones is in the draft (and its saved version) only: no source states it.
    const drones = rangeOf(EDITED, '17', 0).start;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: drones.line, character: drones.character + 1 } });
    assert.ok(hover);
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /No source states this/);
    assert.doesNotMatch(text, /agrees? with the draft/);
    assert.ok(!text.includes('draft.md'), text);
    // The conflict's hover names the other source only.
    const missiles = rangeOf(EDITED, '32', 0).start;
    const onConflict = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: missiles.line, character: missiles.character + 1 } });
    assert.match((onConflict!.contents as MarkupContent).value, /0 of 1 source/);
    await client.close(uri);
  });

  it('is checked when a check is asked for', async () => {
    const uri = await client.open(draftFile, EDITED);
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [uri] })) as {
      skipped?: string;
      findings: Array<{ rule: string }>;
    };
    assert.equal(result.skipped, undefined);
    assert.ok(result.findings.some((f) => f.rule === 'figure/conflict'));
    await client.close(uri);
  });
});
