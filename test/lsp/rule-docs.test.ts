// Each rule has a Markdown page shipped in the package, and each diagnostic links to its page by a file:// URI.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULE_DOCS_DIR, ruleDocFile, ruleDocUri, toDiagnostic } from '../../server/src/lsp/convert';
import { RULE_IDS } from '../../server/src/model/types';
import { REPO, SEEDS, TestClient } from './harness';

const DOCS = path.join(REPO, 'server', 'docs', 'rules');
const pageId = (file: string) => /^# `([^`]+)`/.exec(readFileSync(path.join(DOCS, file), 'utf8'))?.[1];

describe('rule pages', () => {
  it('every rule id has a page, and every page names an existing rule id', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
    for (const rule of RULE_IDS) assert.ok(pages.includes(ruleDocFile(rule)), `no page for ${rule}`);
    for (const page of pages) {
      const id = pageId(page);
      assert.ok(id && (RULE_IDS as readonly string[]).includes(id), `${page} names no known rule id (${id})`);
      assert.equal(ruleDocFile(id!), page);
    }
  });

  it('each page gives the default severity and how to change or silence it', () => {
    for (const rule of RULE_IDS) {
      const text = readFileSync(path.join(DOCS, ruleDocFile(rule)), 'utf8');
      assert.match(text, /## What it does not flag/);
      assert.match(text, /Default: \*\*(warning|information)\*\*/);
      assert.ok(text.includes('corroborate.severity') && text.includes(`corroborate-disable-next-line ${rule}`), rule);
    }
  });

  it('ship in the .vsix: the .vscodeignore allow-list (in the npm package: test/engine/cli-pack.test.ts)', () => {
    assert.match(readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), /^!server\/docs\/rules\/\*\*$/m);
  });

  it('toDiagnostic links to the existing page only', () => {
    assert.equal(RULE_DOCS_DIR, DOCS);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
    const d = toDiagnostic({ rule: 'figure/conflict', severity: 'warning', range, message: 'm', suggestions: [], evidence: [] });
    assert.ok(d.codeDescription, 'no codeDescription');
    assert.equal(fileURLToPath(d.codeDescription.href), path.join(DOCS, 'figure-conflict.md'));
    assert.equal(ruleDocUri('no/such-rule'), undefined);
  });
});

describe('codeDescription from the bundled server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ args: ['--sources', SEEDS] });
    await client.settled();
  });
  after(() => client.stop());

  it('is a file:// URI to the rule page beside dist/, never a website', async () => {
    const draft = path.join(REPO, 'test', 'fixtures', 'eval', 'dev-01.md');
    const uri = await client.open(draft, readFileSync(draft, 'utf8'));
    const diagnostics = await client.diagnostics(uri, 1);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      if (!href?.startsWith('file://')) assert.fail(`${d.code}: ${href}`);
      const file = fileURLToPath(href);
      assert.equal(file, path.join(DOCS, ruleDocFile(String(d.code))));
      assert.ok(existsSync(file), file);
    }
  });
});
