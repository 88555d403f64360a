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
const { existsSync: existing, mkdirSync, writeFileSync } = await import('node:fs');
// dist/ is built, never committed: its own .gitignore keeps it out of git, and its own .npmignore (which npm reads
// instead of .gitignore) keeps the bundles in `npm pack`'s tarball, so the `corroborate` bin works from it. A "files"
// list in package.json would do the latter, but vsce refuses one beside .vscodeignore.
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.gitignore', '# built by build.mjs\n*\n');
writeFileSync('dist/.npmignore', '# built by build.mjs: the bundles ship, their source maps do not\n*.map\n');
for (const entry of entries.filter((e) => existing(e.entryPoints[0]))) {
  const options = { ...common, ...entry };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
