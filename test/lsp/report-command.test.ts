// corroborate.buildReport over workspace/executeCommand: the server builds the sign-off report of an open draft.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { FIXTURES, SEEDS, TestClient } from './harness';

const DRAFT_PATH = path.join(FIXTURES, 'dev-01.md');
const T = { timeout: 60_000 };

describe('corroborate.buildReport', T, () => {
  let client: TestClient;
  let uri: string;
  let diagnostics: Diagnostic[];
  const build = (args: unknown[]) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.buildReport', arguments: args }) as Promise<{ format: string; content: string }>;
  before(async () => {
    client = await TestClient.start({ args: ['--sources', SEEDS] });
    assert.equal((await client.settled()).state, 'ready', client.logText());
    uri = await client.open(DRAFT_PATH, readFileSync(DRAFT_PATH, 'utf8'));
    diagnostics = await client.diagnostics(uri, 1);
  });
  after(async () => {
    if (client) await client.stop();
  });

  it('returns the report in each format, with every diagnostic as a finding', async () => {
    const json = await build([uri, 'json']);
    assert.equal(json.format, 'json');
    const report = JSON.parse(json.content);
    assert.match(report.draft.name, /^(?:[\w-]+\/)*dev-01\.md$/, 'workspace-relative');
    assert.ok(report.sources.length > 0 && report.audit.exportedBy);
    const shown = report.claims.flatMap((c: { status: string; findings: Array<{ rule: string; line: number; hidden?: string }> }) => c.findings.filter((f) => !f.hidden).map((f) => ({ ...f, status: c.status })));
    for (const d of diagnostics) {
      const f = shown.find((x: { rule: string; line: number }) => x.rule === d.code && x.line === d.range.start.line + 1);
      assert.ok(f, `${d.code} at line ${d.range.start.line + 1} is in the report`);
      if (d.severity === 2) assert.equal(f.status, 'conflicts');
    }
    const md = await build([uri]);
    assert.equal(md.format, 'md');
    assert.match(md.content, /^# Fact-check report: \S*dev-01\.md\n/);
    const html = await build([uri, 'html']);
    assert.match(html.content, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html.content));
  });

  it('refuses a draft that is not open and an unknown format', async () => {
    await assert.rejects(build(['file:///nowhere.md', 'md']), /not open/);
    await assert.rejects(build([uri, 'pdf']), /format/);
    await assert.rejects(build([]), /URI/);
  });
});
