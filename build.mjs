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
const { cpSync, existsSync: existing, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = await import('node:fs');
// dist/ is built, never committed: its own .gitignore keeps it out of git.
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.gitignore', '# built by build.mjs\n*\n');
for (const entry of entries.filter((e) => existing(e.entryPoints[0]))) {
  const options = { ...common, ...entry };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
if (!watch && existing('dist/cli.js') && existing('dist/server.js')) writeNpmPackage('dist/npm');

/**
 * The npm package of the `corroborate` CLI and language server, laid out as in the repository (so the server finds
 * its rule pages beside dist/ as it does in the .vsix): the two bundles, the rule pages that diagnostics link to,
 * the corroborate.json schema, README, CHANGELOG and LICENSE. `npm run pack:cli` packs it. It is its own package
 * because npm would otherwise pack the whole repository, and a "files" list cannot narrow that here: vsce refuses a
 * "files" field beside .vscodeignore.
 */
function writeNpmPackage(dir) {
  const root = JSON.parse(readFileSync('package.json', 'utf8'));
  const ship = ['dist/cli.js', 'dist/server.js', 'client/media/corroborate.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
  const rulePages = readdirSync('server/docs/rules').filter((f) => f.endsWith('.md')).map((f) => `server/docs/rules/${f}`);
  rmSync(dir, { recursive: true, force: true });
  for (const file of [...ship, ...rulePages]) cpSync(file, `${dir}/${file}`, { preserveTimestamps: true });
  const pick = (...keys) => Object.fromEntries(keys.filter((k) => root[k] !== undefined).map((k) => [k, root[k]]));
  const manifest = {
    ...pick('name', 'version', 'description', 'keywords', 'license', 'homepage', 'bugs', 'repository', 'author'),
    engines: { node: root.engines.node },
    bin: root.bin,
    // Everything is bundled: no dependencies. The list is the package's contents, a second guard beside this folder.
    files: ['dist/cli.js', 'dist/server.js', 'server/docs/rules/', 'client/media/corroborate.schema.json', 'CHANGELOG.md'],
  };
  writeFileSync(`${dir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}
