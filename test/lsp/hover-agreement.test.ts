// One decision, shown everywhere: for every finding on the dev drafts, the hover and the comparison panel count the
// sources the way the diagnostic decided (a conflict never hovers as "all agree"). Needs `npm run build` first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { ClaimComparison } from '../../server/src/model/types';
import { REPO, SEEDS, TestClient } from './harness';

const EVAL = path.join(REPO, 'test', 'fixtures', 'eval');
const DRAFTS = readdirSync(EVAL).filter((f) => /^dev-\d+\.md$/.test(f)).sort();
/** Rules whose diagnostic says no source agrees with the draft. */
const CONFLICTS = new Set(['quote/altered', 'quote/misattributed', 'figure/conflict', 'date/conflict', 'name/misspelled']);
const T = { timeout: 120_000 };

function counts(hover: unknown): { agreeing: number; stating: number } | undefined {
  const value = (hover as { contents: MarkupContent }).contents.value;
  const m = /(\d+) of (\d+) sources? agrees? with the draft/.exec(value);
  return m ? { agreeing: Number(m[1]), stating: Number(m[2]) } : undefined;
}

describe('hover and comparison agree with the diagnostics on the dev drafts', T, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ args: ['--sources', SEEDS] });
    assert.equal((await client.settled()).state, 'ready', client.logText());
  });
  after(async () => {
    if (client) await client.stop();
  });

  for (const name of DRAFTS) {
    it(name, async () => {
      const file = path.join(EVAL, name);
      const uri = await client.open(file, readFileSync(file, 'utf8'));
      const diagnostics: Diagnostic[] = await client.diagnostics(uri, 1);
      assert.ok(diagnostics.length > 0, 'the dev draft has findings');
      let compared = 0;
      for (const d of diagnostics) {
        const rule = String(d.code);
        const position = d.range.start;
        const where = `${rule} at ${position.line + 1}:${position.character + 1} (${(typeof d.message === 'string' ? d.message : d.message.value).slice(0, 80)})`;
        const comparison = (await client.connection.sendRequest('corroborate/compareAt', { uri, position })) as ClaimComparison | null;
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        assert.ok(hover, `a hover on ${where}`);
        const shown = counts(hover);
        if (!comparison || !shown) continue;
        compared++;
        assert.deepEqual(shown, { agreeing: comparison.agreeing, stating: comparison.stating }, `hover and panel count alike on ${where}`);
        if (CONFLICTS.has(rule)) {
          assert.ok(shown.stating > 0, `a conflict names sources that state the fact: ${where}`);
          assert.equal(shown.agreeing, 0, `a conflict hovers with no source agreeing: ${where}`);
        }
        if (rule === 'sources/disagree') assert.ok(shown.agreeing > 0 && shown.agreeing < shown.stating, `a disagreement hovers as split, ${shown.agreeing} of ${shown.stating}: ${where}`);
      }
      assert.ok(compared > 0, 'some findings were compared');
      await client.close(uri);
    });
  }
});
