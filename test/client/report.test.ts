// Recognising a fact-check report, and the status bar's text: pure functions of the extension, tested in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReport } from '../../client/src/report';
import { statusView } from '../../client/src/statusText';

// The report itself is built by the server (test/engine/report.test.ts); the client only recognises one.
test('the client knows a report by its heading, and a draft is not one', () => {
  assert.ok(isReport('# Fact-check report: draft.md\n\nChecked by corroborate 0.1.0'));
  assert.ok(!isReport('# Varnhollow under water\n'));
});

test('status bar: corpus size, findings in the draft, indexing, stopped', () => {
  const ready = { state: 'ready' as const, sources: 5, problems: [], roots: ['/w/seeds'] };
  assert.equal(statusView('running', ready, 3).text, '$(warning) Corroborate: 5 sources · 3 findings');
  assert.equal(statusView('running', ready, 0).text, '$(check) Corroborate: 5 sources · 0 findings');
  assert.equal(statusView('running', ready, undefined).text, '$(check) Corroborate: 5 sources');
  assert.equal(statusView('running', ready, 1).command, 'corroborate.openPanel');
  assert.match(statusView('running', ready, 1).tooltip, /5 sources indexed, 1 finding in this draft[\s\S]*- \/w\/seeds/);
  assert.equal(statusView('running', { ...ready, state: 'indexing', sources: 2 }, 1).text, '$(sync~spin) Corroborate: indexing 2 sources…');
  assert.equal(statusView('running', { ...ready, state: 'indexing', sources: 0 }, 1).text, '$(sync~spin) Corroborate: indexing sources…');
  assert.equal(statusView('starting', undefined, undefined).text, '$(sync~spin) Corroborate');
  const stopped = statusView('stopped', ready, 1);
  assert.equal(stopped.command, 'corroborate.restartServer');
  assert.ok(stopped.warning);
  const problems = statusView('running', { ...ready, problems: [{ path: '/w/seeds/x.pdf', reason: 'binary' }] }, 0);
  assert.ok(problems.warning);
  assert.match(problems.tooltip, /1 file could not be read:\n- x\.pdf: binary/);
});
