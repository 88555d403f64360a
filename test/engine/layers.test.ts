// The server's folders form layers: a folder imports only from folders below it, so types and primitives never
// depend on the orchestration that uses them, and the engine stays free of LSP and VS Code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const SRC = path.join(__dirname, '..', '..', 'server', 'src');

/** Bottom first. Folders on one line are one layer: they may not import each other. */
const LAYERS: string[][] = [
  ['model'],
  ['text'],
  ['extract'],
  ['corpus', 'config'],
  ['match', 'dismissals'],
  ['checks'],
  ['engine'],
  ['report'],
  ['cli', 'lsp'],
];
/** Parts of the engine: no LSP or VS Code here. */
const ENGINE = ['model', 'text', 'extract', 'corpus', 'config', 'match', 'dismissals', 'checks', 'engine', 'report'];

const levelOf = new Map(LAYERS.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : name.endsWith('.ts') ? [file] : [];
  });
}

/** Every import of a file: `from '…'`, `import('…')` and `require('…')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const folderOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0];
const files = LAYERS.flat().flatMap((folder) => filesUnder(path.join(SRC, folder)));

describe('server layers', () => {
  it('every folder of server/src is in a layer', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(path.join(SRC, name)).isDirectory());
    assert.deepEqual(folders.filter((f) => !levelOf.has(f)), []);
  });

  it('no folder imports from its own layer’s other folders or a higher layer', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const to = folderOf(path.resolve(path.dirname(file), spec));
        if (to === from || !levelOf.has(to)) continue;
        if (levelOf.get(to)! >= levelOf.get(from)!) upward.push(`${path.relative(SRC, file)} → ${spec}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('the engine imports nothing of LSP or VS Code', () => {
    const found: string[] = [];
    for (const file of files.filter((f) => ENGINE.includes(folderOf(f)))) {
      for (const spec of importsOf(file)) if (/^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:\/|$)/.test(spec)) found.push(`${path.relative(SRC, file)} → ${spec}`);
    }
    assert.deepEqual(found, []);
  });
});
