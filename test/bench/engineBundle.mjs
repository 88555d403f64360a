// The engine bundled for plain node (the same source the server bundles), shared by the bench scripts.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles server/src/engine into `outfile` (CommonJS, node 20) and returns its path. */
export async function bundleEngine(outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(repo, 'server/src/engine/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['node'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return outfile;
}
