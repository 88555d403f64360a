// Text output goes to a terminal: escape sequences and bidi controls from a source's title, outlet, body or file name
// must arrive as visible escapes, never as live control characters. JSON keeps the exact text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { visible, visibleLine } from '../../server/src/text/visible';
import { ROOT } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const ESC = '\u001b';
const OSC_TITLE = `${ESC}]0;pwned\u0007`;
const CLEAR = `${ESC}[2J`;
const RLO = '\u202e';
const LIVE_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-escape-'));
  const sources = join(dir, `sources${CLEAR}`);
  mkdirSync(sources);
  writeFileSync(
    join(sources, `wire${OSC_TITLE}.md`),
    // YAML refuses control characters, so the escape sequence comes in through the heading that gives the title.
    `---\noutlet: "Coast ${RLO}sweN Daily"\ndate: 2031-03-04\n---\n\n# Storm ${OSC_TITLE} hits Dovrena\n\n` +
      `The storm destroyed 40 homes in Dovrena on Monday, officials said.${CLEAR}\n\n` +
      `Mayor Ilse Varga said: “We will rebuild every ${RLO}house${ESC}[31m on the coast.”\n`,
  );
  writeFileSync(join(dir, 'draft.md'), 'The storm destroyed 90 homes in Dovrena on Monday, officials said.\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });

describe('CLI text output is terminal-safe', () => {
  it('check: no live control or bidi characters reach stdout or stderr, and they stay visible', () => {
    const r = run('check', 'draft.md', '--sources', join(dir, `sources${CLEAR}`));
    assert.ok(r.stdout.includes('figure/conflict'), r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, LIVE_CONTROL);
    assert.doesNotMatch(r.stderr, LIVE_CONTROL);
    assert.match(r.stdout, /\\u202e|\\x1b/);
  });

  it('sources: titles, outlets, paths and problems are shown with visible escapes', () => {
    const r = run('sources', join(dir, `sources${CLEAR}`));
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, LIVE_CONTROL);
    assert.ok(r.stdout.includes('\\x1b]0;pwned\\x07'), r.stdout);
    assert.ok(r.stdout.includes('Coast \\u202esweN Daily'), r.stdout);
  });

  it('JSON keeps the exact text', () => {
    const r = run('check', 'draft.md', '--sources', join(dir, `sources${CLEAR}`), '--format', 'json');
    const evidence = JSON.parse(r.stdout).files[0].findings[0].evidence[0];
    assert.equal(evidence.outlet, `Coast ${RLO}sweN Daily`);
  });

  it('visible() escapes control and bidi characters and leaves other text alone', () => {
    assert.equal(visible(`a${ESC}[2Jb`), 'a\\x1b[2Jb');
    assert.equal(visible(`x${RLO}y\u2066z\u200f`), 'x\\u202ey\\u2066z\\u200f');
    assert.equal(visible('Zelensky – “quoted” café 日本'), 'Zelensky – “quoted” café 日本');
    assert.equal(visibleLine('two\nlines\there'), 'two lines here');
  });
});
