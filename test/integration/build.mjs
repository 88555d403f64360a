// Compiles test/integration/suite/*.ts to CommonJS in test/integration/out/suite/ (unbundled, one
// file each, `vscode` and mocha left as runtime requires), for VS Code's extensionTestsPath.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT = join(here, 'out', 'suite');

export async function buildSuite() {
  rmSync(join(here, 'out'), { recursive: true, force: true });
  const src = join(here, 'suite');
  await esbuild.build({
    entryPoints: readdirSync(src).filter((f) => f.endsWith('.ts')).map((f) => join(src, f)),
    outdir: OUT,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(OUT, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
