// Bundles the CLI, the language server and the VS Code client with esbuild.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode'],
  conditions: ['node'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  alias: { 'sanitize-html': './server/src/text/sanitizeHtmlStub.ts' },
};
const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
];
const existing = (await import('node:fs')).existsSync;
for (const entry of entries.filter((e) => existing(e.entryPoints[0]))) {
  const options = { ...common, ...entry };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
