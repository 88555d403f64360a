// A very large draft is checked in the engine worker by default, so other drafts' hovers do not wait for it.
// Ordering, not timing: the hover on the small draft, asked right after the large one is opened, is answered before the
// large draft's diagnostics are published. Needs `npm run build` first (dist/server.js).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LARGE_DRAFT_CHARS } from '../../server/src/lsp/engineHost';
import { FIXTURES, rangeOf, TestClient } from './harness';

const DRAFT_PATH = path.join(FIXTURES, 'dev-01.md');
const DRAFT = readFileSync(DRAFT_PATH, 'utf8');

/** The fixture's body again and again as one paragraph, sentences joined by commas and "and" into one. */
function runOnDraft(minChars: number): string {
  const clauses = DRAFT.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('#')).map((p) => p.trim().replace(/[.!?]$/, ''));
  let body = '';
  for (let i = 0; body.length < minChars; i++) body += (i ? (i % 2 ? ', ' : ', and ') : '') + clauses[i % clauses.length];
  return `---\ndate: 2025-11-26\n---\n\n${body}.\n`;
}

describe('language server with a very large draft open', { timeout: 120_000 }, () => {
  it('checks it in the engine worker and answers a hover on another draft first', async () => {
    const client = await TestClient.start();
    try {
      await client.settled();
      const small = await client.open(DRAFT_PATH, DRAFT);
      const smallDiagnostics = await client.diagnostics(small, 1);
      assert.ok(smallDiagnostics.length > 0);
      assert.doesNotMatch(client.logText(), /engine worker started/, 'a small draft is checked in-process');

      const bigText = runOnDraft(LARGE_DRAFT_CHARS * 1.5);
      const big = await client.open(path.join(FIXTURES, 'large-run-on.md'), bigText);
      const order: string[] = [];
      const bigDiagnostics = client.diagnostics(big, 1).then((d) => (order.push('large draft diagnostics'), d));
      // Its check has begun once the worker is up (it starts on the first large draft), or else it has ended.
      await Promise.race([client.waitFor('log', (l) => /engine worker started/.test(l.message)), bigDiagnostics]);
      const missiles = rangeOf(DRAFT, '24', 0).start;
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: missiles.line, character: missiles.character + 1 } });
      order.push('hover');
      assert.ok(hover, 'the hover on the small draft has an answer');
      const diagnostics = await bigDiagnostics;
      assert.deepEqual(order, ['hover', 'large draft diagnostics']);
      assert.ok(diagnostics.some((d) => d.code === 'figure/conflict'), 'the run-on sentence is checked clause by clause');
      assert.match(client.logText(), /engine worker started/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
