// The language server over stdio, driven by a real LSP client (vscode-languageserver-protocol): diagnostics,
// hover, code actions, edits, custom requests, commands, progress. Needs `npm run build` first (dist/server.js).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { RULE_IDS } from '../../server/src/model/types';
import type { ClaimComparison, Disagreement } from '../../server/src/model/types';
import type { DisagreementPage } from '../../server/src/match/disagreements';
import type { CorpusResult } from '../../server/src/lsp/protocol';
import { applyEdits, FIXTURES, rangeOf, REPO, SEEDS, TestClient, uriOf } from './harness';

const DRAFT_PATH = path.join(FIXTURES, 'dev-01.md');
const DRAFT = readFileSync(DRAFT_PATH, 'utf8');
const SEED_COUNT = 5;
const T = { timeout: 60_000 };

/** The diagnostic of `rule` whose range covers `range` (the engine may flag "24 missiles" for the "24"). */
function find(diags: Diagnostic[], rule: string, range: Diagnostic['range']): Diagnostic | undefined {
  const le = (a: Diagnostic['range']['start'], b: Diagnostic['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return diags.find((d) => d.code === rule && le(d.range.start, range.start) && le(range.end, d.range.end));
}

function hoverText(contents: unknown): string {
  const c = contents as MarkupContent | string | Array<string | { value: string }>;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes?.[uri];
  assert.ok(changes, `action "${action.title}" has no edit for the draft: ${JSON.stringify(action.edit)}`);
  return changes;
}

describe('language server over stdio, with seeds/ as sources', T, () => {
  let client: TestClient;
  let uri: string;
  let first: Diagnostic[];
  const missiles = rangeOf(DRAFT, '24', 0);

  before(async () => {
    // Default settings (null from workspace/configuration): sources/ does not exist in the repo, so seeds/ is used.
    client = await TestClient.start();
    const status = await client.settled();
    assert.equal(status.state, 'ready', `corpus not ready: ${JSON.stringify(status)}\n${client.logText()}`);
    uri = await client.open(DRAFT_PATH, DRAFT);
    first = await client.diagnostics(uri, 1);
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0, 'server should exit 0 after shutdown + exit');
  });

  it('announces its features', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.executeCommandProvider?.commands.includes('corroborate.checkDocument'));
    assert.equal(client.initializeResult.serverInfo?.name, 'corroborate');
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(client.initializeResult.serverInfo?.version, version, 'serverInfo.version is package.json\'s');
  });

  it('reports the corpus in corroborate/status', async () => {
    const status = await client.settled();
    assert.equal(status.sources, SEED_COUNT);
    assert.deepEqual(status.roots, [SEEDS]);
  });

  it('publishes diagnostics with rule ids, ranges, source and evidence', () => {
    assert.ok(first.length > 0, 'the fixture draft has planted mistakes');
    for (const d of first) {
      assert.equal(d.source, 'corroborate');
      assert.ok((RULE_IDS as readonly string[]).includes(String(d.code)), `unknown rule ${d.code}`);
      assert.ok(d.range.start.line >= 0 && d.range.end.line < DRAFT.split('\n').length);
      assert.ok(typeof d.message === "string" && d.message.length > 0);
    }
    const conflict = find(first, 'figure/conflict', missiles);
    assert.ok(conflict, `expected figure/conflict on "24" at ${JSON.stringify(missiles)}; got ${JSON.stringify(first.map((d) => [d.code, d.range]))}`);
    assert.equal(conflict.severity, 2, 'conflicts are warnings by default');
    assert.ok(conflict.relatedInformation && conflict.relatedInformation.length > 0, 'evidence as relatedInformation');
    for (const r of conflict.relatedInformation) {
      assert.ok(r.location.uri.startsWith(uriOf(SEEDS) + '/'), `evidence points into seeds/: ${r.location.uri}`);
      assert.ok(r.message.length > 0);
    }
    assert.ok(conflict.relatedInformation.some((r) => r.message.includes('22')), 'some evidence says 22');
  });

  it('flags other planted mistakes with their rules', () => {
    const rulesAt = (needle: string) => {
      const r = rangeOf(DRAFT, needle);
      return first.filter((d) => d.range.start.line === r.start.line && d.range.start.character <= r.start.character && d.range.end.character >= r.end.character).map((d) => d.code);
    };
    assert.ok(rulesAt('294').includes('figure/conflict'), `294: ${rulesAt('294')}`);
    assert.ok(rulesAt('Umarov').includes('name/misspelled'), `Umarov: ${rulesAt('Umarov')}`);
  });

  it('hovers on a flagged figure with counts, passages, sources and links', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: missiles.start.line, character: missiles.start.character + 1 } });
    assert.ok(hover, 'hover on "24"');
    const text = hoverText(hover.contents);
    assert.match(text, /\b\d+ of \d+ sources?\b/, `counts in: ${text}`);
    assert.match(text, /figure\/conflict/);
    assert.match(text, /22/, 'what the sources say');
    assert.match(text, /\]\(file:\/\/[^)\s]+\/seeds\/[^)\s]+#L\d+\)/, 'a link that opens the source at the passage');
    assert.match(text, /^> .+/m, 'passages quoted');
    assert.match(text, /2025-11-2\d/, 'source dates');
    assert.ok(hover.range && hover.range.start.line === missiles.start.line);
  });

  it('hovers on a recognised claim that is not flagged', async () => {
    const at = rangeOf(DRAFT, '460');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at.start });
    assert.ok(hover, 'hover on "more than 460 drones"');
    const text = hoverText(hover.contents);
    assert.match(text, /\b\d+ of \d+ sources?\b|No source states this/, text);
  });

  it('answers hover with null away from claims', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });

  it('offers the sources\' figure as the preferred quick fix, plus ignore and disable', async () => {
    const conflict = find(first, 'figure/conflict', missiles)!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missiles,
      context: { diagnostics: [conflict] },
    })) as CodeAction[];
    assert.ok(actions && actions.length >= 3, JSON.stringify(actions));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred fix');
    assert.equal(preferred[0].kind, 'quickfix');
    // One edit over exactly the diagnostic's range, putting in the sources' figure.
    const edits = editsOf(preferred[0], uri);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, conflict.range);
    assert.match(edits[0].newText, /^22\b/);
    const fixed = applyEdits(DRAFT, edits);
    assert.ok(fixed.includes('Zelensky said 22 missiles and more than 460 drones'), 'the fixed sentence reads right');
    assert.equal(fixed.replace('said 22 missiles', 'said 24 missiles'), DRAFT, 'nothing else changes');
    assert.deepEqual(preferred[0].diagnostics?.[0].code, 'figure/conflict');

    const ignore = actions.find((a) => /ignore/i.test(a.title));
    assert.ok(ignore);
    assert.deepEqual(editsOf(ignore, uri), [
      { range: { start: { line: missiles.start.line, character: 0 }, end: { line: missiles.start.line, character: 0 } }, newText: '<!-- corroborate-disable-next-line figure/conflict -->\n' },
    ]);
    const disable = actions.find((a) => /disable/i.test(a.title));
    assert.ok(disable);
    // After the front matter (lines 0-3 of the fixture).
    assert.deepEqual(editsOf(disable, uri), [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '<!-- corroborate-disable figure/conflict -->\n' }]);
  });

  it('returns no actions for a range without diagnostics', async () => {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  /** A fresh copy of the draft under its own URI, so edits in one test cannot leak into another. */
  async function fresh(name: string): Promise<{ u: string; diags: Diagnostic[] }> {
    const u = await client.open(path.join(FIXTURES, `edited-${name}.md`), DRAFT);
    return { u, diags: await client.diagnostics(u, 1) };
  }

  it('updates diagnostics after an edit: 24 → 22 clears the conflict, nothing else moves', async () => {
    const { u, diags: before } = await fresh('fix');
    assert.ok(find(before, 'figure/conflict', missiles));
    const v = await client.change(u, [{ range: missiles, text: '22' }]);
    const diags = await client.diagnostics(u, v);
    assert.equal(find(diags, 'figure/conflict', missiles), undefined, 'the missiles conflict is gone');
    assert.ok(find(diags, 'figure/conflict', rangeOf(DRAFT, '294')), 'the 294 conflict stays');
    assert.equal(diags.length, before.length - 1, 'exactly one diagnostic fewer');
    // and back
    const v2 = await client.change(u, [{ range: missiles, text: '24' }]);
    assert.ok(find(await client.diagnostics(u, v2), 'figure/conflict', missiles));
    await client.close(u);
  });

  it('never publishes a stale result for newer text', async () => {
    const { u } = await fresh('stale');
    const from = client.mark();
    const texts = new Map<number, string>();
    let text = DRAFT;
    let last = 0;
    for (const value of ['22', '24', '22', '24', '22']) {
      text = applyEdits(text, [{ range: missiles, newText: value }]);
      last = await client.change(u, [{ range: missiles, text: value }]);
      texts.set(last, text);
    }
    const final = await client.diagnostics(u, last);
    assert.equal(find(final, 'figure/conflict', missiles), undefined);
    // Every publication in between matches the text of the version it names.
    const published = client.of('diagnostics', from).filter((d) => d.uri === u);
    for (const p of published) {
      assert.ok(texts.has(p.version!), `published for version ${p.version}, which the client never sent in this test`);
      const says24 = texts.get(p.version!)!.includes('said 24 missiles');
      assert.equal(!!find(p.diagnostics, 'figure/conflict', missiles), says24, `version ${p.version}`);
    }
    assert.equal(published[published.length - 1].version, last, 'the newest version is the last published');
    await client.close(u);
  });

  it('honours the ignore comment the quick fix inserts', async () => {
    const { u, diags: before } = await fresh('ignore');
    const conflict = find(before, 'figure/conflict', missiles)!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: missiles, context: { diagnostics: [conflict] } })) as CodeAction[];
    const ignore = actions.find((a) => /ignore/i.test(a.title))!;
    const [edit] = editsOf(ignore, u);
    const v = await client.change(u, [{ range: edit.range, text: edit.newText }]);
    const diags = await client.diagnostics(u, v);
    const line = missiles.start.line;
    const moved = { start: { line: line + 1, character: missiles.start.character }, end: { line: line + 1, character: missiles.end.character } };
    assert.equal(find(diags, 'figure/conflict', moved), undefined, 'ignored');
    // The comment silences that rule on that line only: everything else is still reported, one line down.
    const expected = before.filter((d) => !(d.code === 'figure/conflict' && d.range.start.line === line));
    assert.equal(diags.length, expected.length);
    for (const d of expected) {
      const shifted = d.range.start.line >= line ? { start: { ...d.range.start, line: d.range.start.line + 1 }, end: { ...d.range.end, line: d.range.end.line + 1 } } : d.range;
      assert.ok(diags.some((x) => x.code === d.code && JSON.stringify(x.range) === JSON.stringify(shifted)), `${d.code} still reported`);
    }
    await client.close(u);
  });

  it('honours the disable-for-file comment the quick fix inserts', async () => {
    const { u, diags: before } = await fresh('disable');
    const conflict = find(before, 'figure/conflict', missiles)!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: missiles, context: { diagnostics: [conflict] } })) as CodeAction[];
    const disable = actions.find((a) => /disable/i.test(a.title))!;
    const [edit] = editsOf(disable, u);
    const v = await client.change(u, [{ range: edit.range, text: edit.newText }]);
    const diags = await client.diagnostics(u, v);
    assert.equal(diags.filter((d) => d.code === 'figure/conflict').length, 0, 'no figure/conflict left');
    assert.equal(diags.length, before.filter((d) => d.code !== 'figure/conflict').length, 'other rules still report');
    await client.close(u);
  });

  it('answers corroborate/compareAt with every source', async () => {
    const result = (await client.connection.sendRequest('corroborate/compareAt', { uri, position: missiles.start })) as ClaimComparison | null;
    assert.ok(result);
    assert.equal(result.totalSources, SEED_COUNT);
    assert.equal(result.sources.length, SEED_COUNT);
    assert.ok(result.stating >= 1 && result.agreeing < result.stating);
    const none = await client.connection.sendRequest('corroborate/compareAt', { uri: 'file:///not/open.md', position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it('answers corroborate/corpus and corroborate/disagreements', async () => {
    const corpus = (await client.connection.sendRequest('corroborate/corpus')) as CorpusResult;
    assert.equal(corpus.sources.length, SEED_COUNT);
    assert.ok(corpus.sources.every((s) => s.path.startsWith(SEEDS)));
    // No params: the first page, strongest first.
    const first = (await client.connection.sendRequest('corroborate/disagreements')) as DisagreementPage;
    assert.ok(Array.isArray(first.items) && first.items.length > 0);
    assert.equal(first.offset, 0);
    assert.equal(first.total, first.items.length + first.more);
    for (const d of first.items) assert.ok(d.variants.length >= 2, `a disagreement has at least two variants: ${JSON.stringify(d).slice(0, 200)}`);
    // Pages of two concatenate to the whole list.
    const pages: Disagreement[] = [];
    for (let offset = 0; offset < first.total; offset += 2) {
      const page = (await client.connection.sendRequest('corroborate/disagreements', { offset, limit: 2 })) as DisagreementPage;
      assert.equal(page.offset, offset);
      assert.equal(page.more, Math.max(0, first.total - offset - 2));
      pages.push(...page.items);
    }
    assert.equal(first.more, 0, 'the seeds disagree on fewer facts than a page holds');
    assert.deepEqual(pages.map((d) => d.topic), first.items.map((d) => d.topic));
    await assert.rejects(client.connection.sendRequest('corroborate/disagreements', { offset: -1 }), /offset/);
  });

  it('runs corroborate.checkDocument', async () => {
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.checkDocument', arguments: [uri] })) as {
      uri: string;
      findings: Array<{ rule: string }>;
    };
    assert.equal(result.uri, uri);
    assert.ok(result.findings.some((f) => f.rule === 'figure/conflict'));
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.nope', arguments: [] }));
  });

  it('applies per-rule severity settings, and a malformed setting gives one message', async () => {
    const before = client.mark();
    await client.changeSettings({ severity: { 'figure/conflict': 'error', 'name/misspelled': 'off', 'made/up': 'loud' }, debounceMs: 'soon' });
    const message = await client.waitFor('message', (m) => /made\/up/.test(m.message), before);
    assert.match(message.message, /debounceMs/);
    // A re-check lands; find the publication where the new severities apply.
    const p = await client.waitFor('diagnostics', (d) => d.uri === uri && d.diagnostics.some((x) => x.code === 'figure/conflict' && x.severity === 1), before);
    assert.ok(!p.diagnostics.some((d) => d.code === 'name/misspelled'), 'name/misspelled is off');
    // Same malformed settings again: no second message.
    const again = client.mark();
    await client.changeSettings({ severity: { 'figure/conflict': 'error', 'name/misspelled': 'off', 'made/up': 'loud' }, debounceMs: 'soon', languages: ['markdown'] });
    const v = await client.change(uri, [{ range: missiles, text: '24' }]);
    await client.diagnostics(uri, v);
    assert.equal(client.of('message', again).length, 0);
    await client.changeSettings(null);
    const v2 = await client.change(uri, [{ range: missiles, text: '24' }]);
    const restored = await client.diagnostics(uri, v2);
    assert.ok(restored.some((d) => d.code === 'name/misspelled'));
  });

  it('checks in-process by default, with nothing odd in the log', () => {
    const log = client.logText();
    assert.doesNotMatch(log, /engine worker started|engine worker stopped|could not start|unexpected (error|rejection)/, log);
  });

  it('reports indexing with work-done progress', () => {
    const created = client.of('progressCreate');
    assert.ok(created.length >= 1, 'window/workDoneProgress/create sent');
    const token = created[0].token;
    const kinds = client.of('progress').filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('asks the client to watch the sources folder', () => {
    const reg = client.of('register').find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(reg, 'registered for watched files');
    const watchers = (reg.registerOptions as { watchers: Array<{ globPattern: { baseUri: string; pattern: string } | string }> }).watchers;
    assert.ok(watchers.some((w) => typeof w.globPattern === 'object' && w.globPattern.baseUri === uriOf(SEEDS)));
  });

  it('re-reads sources and re-checks drafts when the client reports a change', async () => {
    const from = client.mark();
    await client.watchedFilesChanged([{ uri: uriOf(path.join(SEEDS, '000_37d06eedd5291b0a.txt')), type: 2 }]);
    await client.waitFor('status', (s) => s.state === 'indexing', from);
    const ready = await client.settled(from);
    assert.equal(ready.sources, SEED_COUNT);
    const p = await client.waitFor('diagnostics', (d) => d.uri === uri, from);
    assert.ok(find(p.diagnostics, 'figure/conflict', missiles));
  });

  it('clears diagnostics when the draft closes', async () => {
    const from = client.mark();
    await client.close(uri);
    const p = await client.waitFor('diagnostics', (d) => d.uri === uri, from);
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('language server with --engine-thread', T, () => {
  it('checks in its engine worker and publishes the same findings', async () => {
    const client = await TestClient.start({ args: ['--engine-thread'] });
    try {
      await client.settled();
      const uri = await client.open(DRAFT_PATH, DRAFT);
      const diagnostics = await client.diagnostics(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'figure/conflict'), JSON.stringify(diagnostics.map((d) => d.code)));
      const log = client.logText();
      assert.match(log, /engine worker started/);
      assert.doesNotMatch(log, /in-process|engine worker stopped|could not start|unexpected (error|rejection)/, log);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
