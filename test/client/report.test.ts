// The fact-check report (Markdown) and the status bar's text: pure functions of the extension, tested in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, isReport, mdEscape, type ReportInput } from '../../client/src/report';
import { statusView } from '../../client/src/statusText';

const input: ReportInput = {
  draft: 'draft.md',
  checkedAt: '2025-11-25T10:00:00Z',
  findings: [
    {
      line: 14, column: 34, rule: 'figure/conflict', severity: 'warning',
      message: 'The sources say 22 missiles (4 of 4 sources).', text: '32 missiles',
      evidence: [{ location: 'seeds/000.txt:9', message: 'Zelensky said 22 missiles and more than 460 drones hit Ukrainian cities' }],
    },
    {
      line: 9, column: 80, rule: 'quote/altered', severity: 'warning',
      message: 'Quoted differently: "key terms"', text: 'a common understanding on the main terms',
      evidence: [],
    },
    { line: 22, column: 1, rule: 'quote/unsourced', severity: 'information', message: 'No source has this quote.', text: '<script>x</script>', evidence: [] },
  ],
  roots: ['seeds'],
  sources: [{ name: 'seeds/000.txt', title: 'BBC <b>News</b>', date: '2025-11-25' }],
  problems: [{ name: 'seeds/bad.pdf', reason: 'binary file' }],
};

test('the report lists findings by line with rule, severity, the draft text and evidence', () => {
  const md = buildReport(input);
  assert.ok(md.startsWith('# Fact-check report: draft.md\n'));
  assert.ok(isReport(md));
  assert.match(md, /Checked by Corroborate on 2025-11-25T10:00:00Z, against 1 source\./);
  assert.match(md, /\*\*3 findings\*\* \(2 warning, 1 information\)\./);
  assert.match(md, /\| `quote\/altered` \| 1 \|/);
  const first = md.indexOf('### 1. Line 9: `quote/altered` (warning)');
  const second = md.indexOf('### 2. Line 14: `figure/conflict` (warning)');
  assert.ok(first > 0 && second > first, 'sorted by line');
  assert.match(md, /> 32 missiles\n\nThe sources say 22 missiles \(4 of 4 sources\)\.\n\nEvidence:\n\n- `seeds\/000.txt:9`: Zelensky said 22 missiles/);
  assert.match(md, /## Sources\n\nFolders: `seeds`\n\n- `seeds\/000.txt`: BBC \\<b\\>News\\<\/b\\> \(2025-11-25\)/);
  assert.match(md, /Could not be read:\n\n- `seeds\/bad.pdf`: binary file/);
});

test('corpus and draft text in the report cannot inject HTML or Markdown structure', () => {
  const md = buildReport(input);
  assert.ok(!md.includes('<script>'));
  assert.match(md, /> \\<script\\>x\\<\/script\\>/);
  assert.equal(mdEscape('# not a heading'), '\\# not a heading');
  assert.equal(mdEscape('1. not a list'), '1\\. not a list');
  assert.equal(mdEscape('[link](javascript:x)'), '\\[link\\](javascript:x)');
  assert.equal(mdEscape('a\nb'), 'a b');
});

test('a draft without findings says so', () => {
  const md = buildReport({ draft: 'clean.md', checkedAt: 't', findings: [] });
  assert.match(md, /\*\*No findings\.\*\*/);
  assert.ok(!md.includes('## Sources'));
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
