// Issue 13: no source text is lost or counted twice, and every file skipped is named with its reason.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkText, loadCorpus } from '../../server/src/engine';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-hardening-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's temporary folder, filled with `files` (name → text or bytes). */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const root = join(dir, name);
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), body);
  }
  return root;
}

describe('no paragraph is lost', () => {
  const SOURCE = 'Officials in the port town of Veldmark said that 14 ferries and more than 230 trucks were\nstranded at the border crossing overnight, according to the harbour office\n';
  const DRAFT = 'Officials in the port town of Veldmark said that 19 ferries and more than 230 trucks were\nstranded at the border crossing overnight, the harbour office said\n';

  it('a source and a draft whose last paragraph has no full stop and ends in a newline are both read', async () => {
    const corpus = await loadCorpus([folder('unstopped', { 'wire.md': SOURCE })], { cache: false });
    assert.equal(corpus.sources.length, 1, JSON.stringify(corpus.problems));
    const findings = checkText(corpus, DRAFT);
    assert.ok(findings.some((f) => f.rule === 'figure/conflict' && f.suggestions.includes('14 ferries')), JSON.stringify(findings));
  });

  it('a source with no text besides its front matter is named, not dropped silently', async () => {
    const root = folder('frontonly', { 'meta.md': '---\ntitle: Nothing yet\noutlet: Harbour Post\n---\n', 'wire.md': SOURCE });
    const corpus = await loadCorpus([root], { cache: false });
    assert.deepEqual(corpus.sources.map((s) => s.info.path), [join(root, 'wire.md')]);
    assert.deepEqual(corpus.problems.map((p) => [p.path, p.reason]), [[join(root, 'meta.md'), 'no text to check (front matter only)']]);
  });
});
