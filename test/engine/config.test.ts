// corroborate.json: found by walking up from a draft, validated key by key (problems name the file and the key),
// source patterns expanded to folders, drafts selected by include/exclude.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import { RULE_IDS } from '../../server/src/model/types';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findConfigFile, matchesGlob, parseConfig, readConfigFile, selectsDraft, sourceFolders } from '../../server/src/config';

const tmp = mkdtempSync(join(tmpdir(), 'corroborate-config-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
function write(rel: string, text = ''): string {
  const file = join(tmp, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('glob matching', () => {
  const CASES: Array<[string, string, boolean]> = [
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'drafts/deep/a.md', true],
    ['**/*.md', 'a.txt', false],
    ['*.md', 'drafts/a.md', false],
    ['sources/**', 'sources/x/y.md', true],
    ['sources/**', 'sourcesx/y.md', false],
    ['drafts/*/final.md', 'drafts/monday/final.md', true],
    ['drafts/*/final.md', 'drafts/a/b/final.md', false],
    ['a?.txt', 'ab.txt', true],
    ['a.b', 'axb', false],
  ];
  for (const [glob, file, expected] of CASES) it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(matchesGlob(file, glob), expected, glob));
});

describe('finding corroborate.json', () => {
  it('walks up from a draft to the nearest file, and stops at the root with none', () => {
    const config = write('project/corroborate.json', '{}');
    const draft = write('project/drafts/monday/story.md', 'text');
    assert.equal(findConfigFile(draft), config);
    assert.equal(findConfigFile(join(tmp, 'project', 'drafts')), config);
    const nested = write('project/drafts/monday/corroborate.json', '{}');
    assert.equal(findConfigFile(draft), nested);
    assert.equal(findConfigFile(write('elsewhere/story.md')), undefined);
  });
});

describe('validating corroborate.json', () => {
  it('reads every key, with paths relative to the file', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        sources: ['sources', 'wire/**'],
        drafts: { include: ['**/*.md'], exclude: ['sources/**'] },
        severity: { 'quote/altered': 'error', 'name/misspelled': 'Off' },
        acceptedSpellings: { Marenskyy: ['Marensky'] },
        dismissals: 'review/dismissed.json',
      }),
      '/news/corroborate.json',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.sources, ['sources', 'wire/**']);
    assert.deepEqual(config.drafts, { include: ['**/*.md'], exclude: ['sources/**'] });
    assert.deepEqual(config.severity, { 'quote/altered': 'error', 'name/misspelled': 'off' });
    assert.deepEqual(config.acceptedSpellings, { Marenskyy: ['Marensky'] });
    assert.equal(config.dismissals, join('/news', 'review', 'dismissed.json'));
    assert.equal(config.root, '/news');
  });

  it('an empty file object gives the defaults', () => {
    const { config, problems } = parseConfig('{}', '/news/corroborate.json');
    assert.deepEqual(problems, []);
    assert.equal(config.sources, undefined);
    assert.equal(config.dismissals, join('/news', '.corroborate', 'dismissals.json'));
  });

  it('bad JSON is one problem naming the file; nothing throws', () => {
    const { config, problems } = parseConfig('{ "sources": [ "a", }', '/news/corroborate.json');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^\/news\/corroborate\.json: not valid JSON/);
    assert.equal(config.sources, undefined);
  });

  it('bad values are reported by key and fall back; good keys beside them still apply', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ sources: 3, severity: { 'quote/altered': 'loud', 'figure/conflict': 'error', 'made/up': 'error' }, acceptedSpellings: { X: 2, Z: 'Zed' }, dismissals: 7, colour: 'red' }),
      'corroborate.json',
    );
    const text = problems.join('\n');
    assert.match(text, /"colour" is not a known key/);
    assert.match(text, /"sources" should be a non-empty list/);
    assert.match(text, /"severity\.quote\/altered" should be one of off\|hint\|information\|warning\|error, got "loud"/);
    assert.match(text, /"severity\.made\/up" is not a rule/);
    assert.match(text, /"acceptedSpellings\.X" should be a list/);
    assert.match(text, /"dismissals" should be a file path/);
    assert.equal(problems.length, 6);
    assert.deepEqual(config.severity, { 'figure/conflict': 'error' });
    assert.deepEqual(config.acceptedSpellings, { Z: ['Zed'] });
  });

  it('a file that is not an object, or cannot be read, is a problem', () => {
    assert.match(parseConfig('[1]', 'c.json').problems[0], /should hold a JSON object/);
    assert.match(readConfigFile(join(tmp, 'missing', 'corroborate.json')).problems[0], /cannot be read/);
  });
});

describe('source folders and drafts from the config', () => {
  it('expands plain folders and globs to the folders that exist, outermost only', () => {
    write('proj/sources/a.md', 'x');
    write('proj/wire/afp/b.md', 'x');
    write('proj/wire/reuters/c.md', 'x');
    write('proj/archive/2025/d.md', 'x');
    write('proj/archive/2026/e.md', 'x');
    write('proj/archive/notes.md', 'x');
    const file = join(tmp, 'proj', 'corroborate.json');
    const folders = (sources: string[]) => sourceFolders(parseConfig(JSON.stringify({ sources }), file).config).map((f) => f.slice(join(tmp, 'proj').length + 1));
    assert.deepEqual(folders(['sources', 'missing']), ['sources']);
    assert.deepEqual(folders(['wire/**']), ['wire']);
    assert.deepEqual(folders(['archive/20*']), [join('archive', '2025'), join('archive', '2026')]);
    assert.deepEqual(folders(['wire/*', 'wire']), ['wire']);
  });

  it('include and exclude select drafts inside the project; none given says nothing', () => {
    const file = '/news/corroborate.json';
    const config = parseConfig(JSON.stringify({ drafts: { include: ['**/*.md', '**/*.txt'], exclude: ['sources/**', 'notes'] } }), file).config;
    assert.equal(selectsDraft(config, '/news/story.md'), true);
    assert.equal(selectsDraft(config, '/news/drafts/deep/story.txt'), true);
    assert.equal(selectsDraft(config, '/news/story.html'), false);
    assert.equal(selectsDraft(config, '/news/sources/wire.md'), false);
    assert.equal(selectsDraft(config, '/news/notes/todo.md'), false);
    assert.equal(selectsDraft(config, '/elsewhere/story.md'), false);
    assert.equal(selectsDraft(parseConfig('{}', file).config, '/news/story.md'), undefined);
  });
});

describe('the corroborate.json schema VS Code validates with', () => {
  const ROOT = join(__dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const entry = pkg.contributes.jsonValidation.find((v: { fileMatch: string }) => v.fileMatch === 'corroborate.json');
  const schemaPath = join(ROOT, entry.url);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);

  it('is contributed for corroborate.json and shipped in the package', () => {
    assert.ok(existsSync(schemaPath));
    // In the .vsix through .vscodeignore's allow-list (client/media/**); in the npm package through build.mjs.
    assert.match(entry.url, /^\.\/client\/media\//);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!client\/media\/\*\*$/m);
  });

  it('names every rule, and only the rules', () => {
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), [...RULE_IDS].sort());
  });

  it('accepts what the server accepts and rejects what it reports', () => {
    const good = { sources: ['sources', 'wire/**'], drafts: { include: ['**/*.md'], exclude: ['sources/**'] }, severity: { 'quote/altered': 'error' }, acceptedSpellings: { Marenskyy: ['Marensky'] }, dismissals: 'x.json' };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfig(JSON.stringify(good), '/p/corroborate.json').problems, []);
    for (const bad of [{ sources: 3 }, { severity: { 'quote/altered': 'loud' } }, { severity: { 'made/up': 'error' } }, { colour: 'red' }, { acceptedSpellings: { X: 2 } }]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.equal(parseConfig(JSON.stringify(bad), '/p/corroborate.json').problems.length, 1, JSON.stringify(bad));
    }
  });
});

describe('findConfigFile: where the walk up stops', () => {
  const base = mkdtempSync(join(tmpdir(), 'corroborate-walk-'));
  after(() => rmSync(base, { recursive: true, force: true }));
  const put = (rel: string) => {
    const file = join(base, rel);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{}');
    return file;
  };

  it('stops at the ceiling (a workspace folder), the ceiling included', () => {
    put('corroborate.json');
    put('ws/desk/drafts/story.md');
    assert.equal(findConfigFile(join(base, 'ws', 'desk', 'drafts')), join(base, 'corroborate.json'), 'without a ceiling: above');
    assert.equal(findConfigFile(join(base, 'ws', 'desk', 'drafts'), join(base, 'ws')), undefined);
    const atRoot = put('ws/corroborate.json');
    assert.equal(findConfigFile(join(base, 'ws', 'desk', 'drafts'), join(base, 'ws')), atRoot);
    const desk = put('ws/desk/corroborate.json');
    assert.equal(findConfigFile(join(base, 'ws', 'desk', 'drafts', 'story.md'), join(base, 'ws')), desk);
  });

  it('without a ceiling, does not go into the user’s home folder or above it', () => {
    const home = join(base, 'home');
    put('home/corroborate.json');
    put('home/notes/draft.md');
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      assert.equal(findConfigFile(join(home, 'notes')), undefined);
      const project = put('home/notes/corroborate.json');
      assert.equal(findConfigFile(join(home, 'notes', 'draft.md')), project);
    } finally {
      if (saved === undefined) delete process.env.HOME;
      else process.env.HOME = saved;
    }
  });
});
