// "Accept “X” as the house spelling" over LSP: the quick fix on a name/misspelled finding, the command writing the
// project's corroborate.json, and the next diagnostics without the finding. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';

const T = { timeout: 60_000 };
const SOURCE = (outlet: string) => `---
title: Harbour talks
date: 2031-05-06
outlet: ${outlet}
---

Harbour minister Teodor Valchenko said on Monday that the new pier would open in June.

Valchenko told reporters the pier had cost 40 million crowns.
`;
const DRAFT = `# Harbour talks

Harbour minister Teodor Valshenko said on Monday that the new pier would open in June.
`;

describe('accept a house spelling', T, () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let spelling: Diagnostic | undefined;
  const config = () => path.join(dir, 'corroborate.json');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'corroborate-accept-'));
    mkdirSync(path.join(dir, 'sources'));
    writeFileSync(path.join(dir, 'sources', 'a.md'), SOURCE('Northshore Post'));
    writeFileSync(path.join(dir, 'sources', 'b.md'), SOURCE('Fenwick Daily'));
    writeFileSync(config(), '{\n  "sources": ["sources"]\n}\n');
    const draft = path.join(dir, 'harbour.md');
    writeFileSync(draft, DRAFT);
    client = await TestClient.start({ root: dir, cwd: dir });
    assert.equal((await client.settled()).state, 'ready', client.logText());
    uri = await client.open(draft, DRAFT);
    spelling = (await client.diagnostics(uri, 1)).find((d) => d.code === 'name/misspelled');
  });
  after(async () => {
    if (client) await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the quick fix on a name/misspelled finding, and the command records it in corroborate.json', async () => {
    assert.ok(spelling, 'the draft\'s "Valshenko" is flagged');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: spelling.range,
      context: { diagnostics: [spelling] },
    })) as CodeAction[];
    const accept = actions.find((a) => a.title === 'Accept “Valshenko” as the house spelling');
    assert.ok(accept?.command, JSON.stringify(actions.map((a) => a.title)));
    const from = client.mark();
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: accept.command.command, arguments: accept.command.arguments });
    const written = JSON.parse(readFileSync(config(), 'utf8'));
    assert.deepEqual(written.sources, ['sources'], 'the rest of the file is kept');
    assert.deepEqual(written.acceptedSpellings, { Valshenko: ['Valchenko'] });
    const republished = await client.waitFor('diagnostics', (d) => d.uri === uri, from);
    assert.equal(republished.diagnostics.filter((d) => d.code === 'name/misspelled').length, 0, JSON.stringify(republished.diagnostics));
  });

  it('never overwrites a corroborate.json that is not valid JSON', async () => {
    writeFileSync(config(), '{ "sources": ["sources"], oops }\n');
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.acceptSpelling', arguments: [uri, 'Valshenko', 'Valchenko'] }),
      /not valid JSON/,
    );
    assert.equal(readFileSync(config(), 'utf8'), '{ "sources": ["sources"], oops }\n');
  });
});
