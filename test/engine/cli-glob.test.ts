// Draft globs on the command line: `**`, `*` and `?` matched over a directory walk (node 20 has no fs.glob).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expandGlob, globMatches, hasGlob as isGlob } from '../../server/src/config/glob';

describe('globMatches', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.md', 'a.md', true],
    ['*.md', 'a.txt', false],
    ['*.md', 'sub/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'x/y/z/a.md', true],
    ['drafts/**', 'drafts/a/b.md', true],
    ['a/**/b/*.md', 'a/b/c.md', true],
    ['a/**/b/*.md', 'a/x/y/b/c.md', true],
    ['a/**/b/*.md', 'a/x/y/c.md', false],
    ['dr?ft.md', 'draft.md', true],
    ['dr?ft.md', 'drft.md', false],
    ['dr?ft.md', 'dr/ft.md', false],
    ['a+b(1).md', 'a+b(1).md', true],
    ['a+b(1).md', 'aab(1).md', false],
    ['*.md', '.hidden.md', false],
    ['**/*.md', '.git/x.md', false],
    ['.notes/*.md', '.notes/a.md', true],
    ['**/**/*.md', 'a/b.md', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatches(pattern, path), expected));
  }

  it('stays fast on patterns that make a backtracking matcher explode', () => {
    const started = Date.now();
    assert.equal(globMatches('**/**/**/**/**/**/**/**/**/**/x', Array.from({ length: 200 }, () => 'a').join('/')), false);
    assert.ok(Date.now() - started < 500);
  });
});

describe('isGlob', () => {
  it('tells a glob from a path', () => {
    assert.equal(isGlob('drafts/**/*.md'), true);
    assert.equal(isGlob('draft?.md'), true);
    assert.equal(isGlob('drafts/one.md'), false);
  });
});

describe('expandGlob', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-glob-'));
    for (const folder of ['drafts/politics/eu', 'drafts/sport', 'drafts/node_modules/pkg', 'drafts/.trash', 'other']) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ['drafts/a.md', 'drafts/b.txt', 'drafts/politics/eu/vote.md', 'drafts/sport/cup.md', 'drafts/node_modules/pkg/readme.md', 'drafts/.trash/old.md', 'other/c.md']) {
      writeFileSync(join(dir, file), 'text\n');
    }
    symlinkSync(join(dir, 'drafts'), join(dir, 'drafts', 'sport', 'loop'));
    symlinkSync(join(dir, 'drafts', 'politics'), join(dir, 'drafts', 'folder.md'));
    symlinkSync(join(dir, 'other', 'c.md'), join(dir, 'drafts', 'sport', 'linked.md'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks from the fixed folders, sorted, skipping node_modules, hidden folders and folder links', () => {
    assert.deepEqual(expandGlob('drafts/**/*.md', dir), ['drafts/a.md', 'drafts/politics/eu/vote.md', 'drafts/sport/cup.md', 'drafts/sport/linked.md'].map((f) => join(dir, f)));
  });

  it('a single * stays in its folder', () => {
    assert.deepEqual(expandGlob('drafts/*', dir), ['drafts/a.md', 'drafts/b.txt'].map((f) => join(dir, f)));
  });

  it('an absolute pattern', () => {
    assert.deepEqual(expandGlob(join(dir, '*', '*.md')), ['drafts/a.md', 'other/c.md'].map((f) => join(dir, f)));
  });

  it('nothing for a folder that does not exist', () => {
    assert.deepEqual(expandGlob('nowhere/**/*.md', dir), []);
  });
});
