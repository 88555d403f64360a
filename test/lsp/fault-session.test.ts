// An LSP session as a careless or hostile client runs it: out-of-range edits, bursts of 1,000 changes, a 20 MB open.
// Answers keep coming, and the diagnostics of the final version are those of the final text checked afresh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, FIXTURES, rangeOf, TestClient } from './harness';

const DRAFT = readFileSync(path.join(FIXTURES, 'dev-01.md'), 'utf8');
const T = { timeout: 120_000 };

/** What a diagnostic says, without the ranges' identity: rule, place and message. */
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('LSP fault session', T, () => {
  let client: TestClient;
  let fresh = 0;
  before(async () => {
    client = await TestClient.start();
    await client.settled();
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0);
  });

  /** The diagnostics a newly opened document with this text gets. */
  async function checkedAfresh(text: string): Promise<string[]> {
    const uri = await client.open(path.join(FIXTURES, `fresh-${fresh++}.md`), text);
    const ds = await client.diagnostics(uri, 1);
    await client.close(uri);
    return summary(ds);
  }

  it('edits whose ranges lie outside the document are clamped, and the result is checked like any text', async () => {
    const uri = await client.open(path.join(FIXTURES, 'out-of-range.md'), DRAFT);
    await client.diagnostics(uri, 1);
    const lines = DRAFT.split('\n').length;
    const edits = [
      { range: { start: { line: lines + 50, character: 0 }, end: { line: lines + 60, character: 9 } }, text: '\nThe storm destroyed 40 homes.' },
      { range: { start: { line: 0, character: 5_000 }, end: { line: 0, character: 9_000 } }, text: ' (updated)' },
      { range: { start: { line: 3, character: 10 }, end: { line: 1, character: 0 } }, text: '' }, // end before start
    ];
    // LSP's reading of such ranges (clamped to the document, a reversed range swapped), as the protocol library has it.
    const model = TextDocument.create(uri, 'markdown', 1, DRAFT);
    let version = 1;
    for (const edit of edits) {
      version = await client.change(uri, [edit]);
      TextDocument.update(model, [edit], version);
    }
    const text = model.getText();
    assert.ok(text.endsWith('The storm destroyed 40 homes.') && text.includes('(updated)'));
    const final = summary(await client.diagnostics(uri, version));
    assert.deepEqual(final, await checkedAfresh(text));
    await client.close(uri);
  });

  it('a burst of 1,000 single-character changes ends with the diagnostics of the final text', async () => {
    const uri = await client.open(path.join(FIXTURES, 'burst.md'), DRAFT);
    await client.diagnostics(uri, 1);
    const typed = '\n\nZelensky said 24 missiles were fired on Tuesday, officials said.';
    let text = DRAFT;
    let version = 1;
    const sends: Array<Promise<number>> = [];
    for (let i = 0; i < 1000; i++) {
      const endLine = text.split('\n').length - 1;
      const endChar = text.length - text.lastIndexOf('\n') - 1;
      const at = { line: endLine, character: endChar };
      // Type the sentence, then delete and retype its last character, until 1,000 changes are sent.
      const change = i < typed.length
        ? { range: { start: at, end: at }, text: typed[i]! }
        : i % 2 === typed.length % 2
          ? { range: { start: { line: endLine, character: endChar - 1 }, end: at }, text: '' }
          : { range: { start: at, end: at }, text: '.' };
      text = applyEdits(text, [{ range: change.range, newText: change.text }]);
      sends.push(client.change(uri, [change]));
    }
    version = Math.max(...(await Promise.all(sends)));
    const final = summary(await client.diagnostics(uri, version));
    assert.deepEqual(final, await checkedAfresh(text));
    await client.close(uri);
  });

  it('a 20 MB open is declined with a message, and other drafts still get hovers', async () => {
    const from = client.mark();
    const other = await client.open(path.join(FIXTURES, 'other.md'), DRAFT);
    await client.diagnostics(other, 1);
    const huge = await client.open(path.join(FIXTURES, 'twenty-mb.md'), 'Officials said 24 missiles were fired. '.repeat(540_000));
    await client.waitFor('message', (m) => m.message.includes('twenty-mb.md'), from);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: rangeOf(DRAFT, '24').start });
    assert.ok(hover, 'hover on another draft answers');
    await client.close(huge);
    await client.close(other);
    assert.ok(client.alive);
  });
});
