// A draft with more findings than the cap publishes the cap, strongest first, and one summary of the rest; hovers and
// quick fixes still work on a finding that was not published. Needs `npm run build` first (dist/server.js).
import assert from 'node:assert/strict';
import { findingCount } from '../../client/src/statusText';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeActionRequest, DiagnosticSeverity, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { checkText, loadCorpus } from '../../server/src/engine';
import { findingsToPublish, MAX_PUBLISHED_DIAGNOSTICS, moreFindingsDiagnostic, toDiagnostics } from '../../server/src/lsp/convert';
import type { Finding } from '../../server/src/model/types';
import { FIXTURES, SEEDS, TestClient } from './harness';

const DRAFT = readFileSync(path.join(FIXTURES, 'dev-01.md'), 'utf8');

/** The fixture's front matter, then its body again and again until the engine finds more than the cap. */
function draftWithFindings(atLeast: number, perCopy: number): string {
  const head = /^---\n[\s\S]*?\n---\n/.exec(DRAFT)![0];
  const body = DRAFT.slice(head.length);
  return head + Array(Math.ceil(atLeast / perCopy)).fill(body).join('\n\n');
}

const at = (line: number, character: number) => ({ line, character });
const finding = (severity: Finding['severity'], line: number): Finding => ({
  rule: severity === 'warning' ? 'figure/conflict' : 'quote/unsourced',
  severity,
  range: { start: at(line, 0), end: at(line, 2) },
  message: `line ${line}`,
  suggestions: [],
  evidence: [],
});

describe('published diagnostics are capped', () => {
  it('keeps the strongest findings, earliest first within a severity, in document order', () => {
    const findings = [finding('information', 0), finding('warning', 1), finding('information', 2), finding('warning', 3), finding('information', 4)];
    const { shown, hidden } = findingsToPublish(findings, 3);
    assert.deepEqual(shown.map((f) => f.message), ['line 0', 'line 1', 'line 3']);
    assert.deepEqual(hidden.map((f) => f.message), ['line 2', 'line 4']);
    const { diagnostics } = toDiagnostics(findings, 3);
    assert.equal(diagnostics.length, 4);
    assert.equal(diagnostics[3].severity, DiagnosticSeverity.Information);
    assert.match(String(diagnostics[3].message), /^2 more findings are not shown here: 3 of 5/);
    assert.equal(diagnostics[3].code, undefined, 'the summary is no rule');
    assert.deepEqual(diagnostics[3].data, { notShown: 2 }, 'the summary says how many findings it stands for');
    assert.equal(findingCount(diagnostics), 5, 'a client counts the capped draft as all its findings');
    assert.deepEqual(toDiagnostics(findings, 5).diagnostics.length, 5, 'no summary when all fit');
    assert.match(String(moreFindingsDiagnostic([finding('warning', 9)], 1000).message), /strongest are shown first/);
  });

  it('publishes the cap and a summary; hover and quick fixes work on a finding past the cap', { timeout: 180_000 }, async () => {
    const corpus = await loadCorpus([SEEDS], { cache: false });
    const perCopy = checkText(corpus, DRAFT).length;
    assert.ok(perCopy > 0);
    const text = draftWithFindings(MAX_PUBLISHED_DIAGNOSTICS + 50, perCopy);
    const all = checkText(corpus, text);
    assert.ok(all.length > MAX_PUBLISHED_DIAGNOSTICS, `${all.length} findings`);
    const { hidden } = findingsToPublish(all);
    const last = hidden[hidden.length - 1];

    const client = await TestClient.start();
    try {
      await client.settled();
      const uri = await client.open(path.join(FIXTURES, 'many-findings.md'), text);
      const diagnostics = await client.diagnostics(uri, 1);
      assert.equal(diagnostics.length, MAX_PUBLISHED_DIAGNOSTICS + 1);
      const summary = diagnostics.filter((d) => d.code === undefined);
      assert.equal(summary.length, 1);
      assert.equal(summary[0].severity, DiagnosticSeverity.Information);
      assert.match(String(summary[0].message), new RegExp(`^${all.length - MAX_PUBLISHED_DIAGNOSTICS} more findings are not shown here`));
      assert.match(String(summary[0].message), /Report|corroborate check/);
      const published = diagnostics.filter((d) => d.code !== undefined);
      const strong = (severity: number | undefined) => severity === DiagnosticSeverity.Warning || severity === DiagnosticSeverity.Error;
      assert.equal(published.filter((d) => strong(d.severity)).length, all.filter((f) => f.severity === 'warning' || f.severity === 'error').length, 'every warning is published');
      assert.ok(!published.some((d) => d.range.start.line === last.range.start.line && d.range.start.character === last.range.start.character && d.code === last.rule));
      for (const d of published) assert.ok((d.relatedInformation?.length ?? 0) <= 2, 'a few source passages per diagnostic');

      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: last.range.start });
      assert.ok(hover, 'a hover on a finding past the cap');
      assert.match((hover.contents as MarkupContent).value, new RegExp(last.rule.replace('/', '\\/')));

      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: last.range,
        context: { diagnostics: [] },
      })) as CodeAction[];
      assert.ok(actions.some((a) => a.title === `Ignore this ${last.rule} finding`), JSON.stringify(actions.map((a) => a.title)));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
