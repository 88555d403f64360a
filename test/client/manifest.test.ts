// package.json's contributions agree with the extension's code and the engine's public rule ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands } from '../../client/src/commandIds';
import { RULE_IDS } from '../../server/src/model/types';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;

test('every command the extension registers is contributed, titled "Corroborate: …" in the palette', () => {
  const contributed = new Map<string, { title: string; category: string }>(c.commands.map((x: { command: string }) => [x.command, x]));
  for (const id of Object.values(Commands)) {
    const cmd = contributed.get(id);
    assert.ok(cmd, `${id} is contributed`);
    assert.equal(cmd.category, 'Corroborate');
  }
  assert.equal(contributed.size, Object.values(Commands).length, 'no contributed command without code');
  for (const id of ['checkDocument', 'compareAtCursor', 'openPanel', 'chooseSources', 'exportReport', 'restartServer']) assert.ok(contributed.has(`corroborate.${id}`));
  const hidden = c.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
  assert.deepEqual(hidden, [Commands.openSource]);
  assert.ok(c.menus['editor/context'].some((m: { command: string }) => m.command === Commands.compareAtCursor));
});

test('settings: sources, per-rule severity for every rule id, languages, debounce, size limit', () => {
  const p = c.configuration.properties;
  assert.deepEqual(p['corroborate.sources'].default, ['sources', 'seeds']);
  assert.deepEqual(p['corroborate.languages'].default, ['markdown', 'plaintext']);
  assert.equal(p['corroborate.debounceMs'].default, 150);
  assert.equal(typeof p['corroborate.maxDraftBytes'].default, 'number');
  const severity = p['corroborate.severity'];
  assert.deepEqual(Object.keys(severity.properties).sort(), [...RULE_IDS].sort());
  assert.deepEqual(Object.keys(severity.default).sort(), [...RULE_IDS].sort());
  for (const rule of RULE_IDS) {
    assert.deepEqual(severity.properties[rule].enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.equal(severity.properties[rule].default, severity.default[rule]);
  }
  const warnings = RULE_IDS.filter((r) => severity.default[r] === 'warning').sort();
  assert.deepEqual(warnings, ['date/conflict', 'figure/conflict', 'name/misspelled', 'quote/altered', 'quote/misattributed']);
  for (const [key, prop] of Object.entries<{ description?: string; markdownDescription?: string }>(p)) assert.ok(prop.description || prop.markdownDescription, `${key} is described`);
});

test('activation, entry point, walkthrough and packaging files', () => {
  assert.equal(pkg.main, './dist/client.js');
  assert.ok(pkg.activationEvents.includes('onLanguage:markdown') && pkg.activationEvents.includes('onLanguage:plaintext'));
  const steps = c.walkthroughs[0].steps as Array<{ description: string; media: { markdown?: string } }>;
  assert.match(steps[0]!.description, /\(command:corroborate\.openDemo\)/);
  for (const s of steps) assert.ok(s.media.markdown && existsSync(join(root, s.media.markdown)), `${s.media.markdown} exists`);
  for (const f of ['LICENSE', '.vscodeignore', 'client/demo/draft.md', 'client/media/panel.js', 'client/media/panel.css']) assert.ok(existsSync(join(root, f)), f);
});
