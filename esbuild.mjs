// Bundles the extension client, the language server, the command line and the benchmark.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// Defines import.meta.url for the ES modules bundled into CommonJS (see `define` below).
const importMetaUrlBanner = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['vscode'],
  loader: { '.yaml': 'text' },
  // Some dependencies (fdir, under tinyglobby) ship ES modules that read import.meta.url, which
  // a CommonJS bundle lacks: define it from __filename.
  define: { VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaUrlBanner },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' } },
  { entryPoints: { server: 'server/src/server.ts' }, banner: { js: '#!/usr/bin/env node\n' + importMetaUrlBanner } },
  { entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node\n' + importMetaUrlBanner } },
  ...(production ? [] : [{ entryPoints: { bench: 'bench/bench.ts' } }]),
].map((b) => ({ ...common, ...b, outdir: 'dist' }));
// The VS Code integration suite, loaded by the extension host (not shipped).
if (!production) builds.push({ ...common, external: ['vscode', 'mocha'], entryPoints: { index: 'test/e2e/suite/index.ts' }, outdir: 'out/e2e' });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
