/**
 * `tifa`: starts the command line (dist/tifa-cli.js) from V8's code cache when one matches.
 *
 * Compiling the 1.4 MB bundle is most of a start (67 of 165 ms for `tifa lint` on one line,
 * profiled). The build runs the CLI once and saves what V8 compiled (dist/tifa-cli.cache, keyed by
 * the Node version and the build id that esbuild.mjs writes at the bundle's end; a watch build,
 * which keeps the id, deletes the cache); later starts take it and skip the compiling. Node 22
 * has this built in (module.enableCompileCache); Node 20, which Tifa supports, does not. A cache
 * that does not match is ignored: the start is then slower, never different.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'tifa-cli.js');
const cacheFile = join(__dirname, 'tifa-cli.cache');
const source = readFileSync(bundle, 'utf8');
// V8 checks its version and the source's length only: a rebuilt bundle of the same length must not
// take an old cache. Hashing the bundle would cost a tenth of the start; the build id costs nothing.
const key = Buffer.from(`${process.version} ${source.length} ${/tifa-build (\S+)/.exec(source.slice(-200))?.[1]}\n`);

let cached: Buffer | undefined;
try {
  const file = readFileSync(cacheFile);
  if (file.subarray(0, key.length).equals(key)) cached = file.subarray(key.length);
} catch {
  // No cache: compile.
}

// What Node's own loader does for a CommonJS file, with the cache passed to V8.
const script = new Script((Module as unknown as { wrap(s: string): string }).wrap(source.replace(/^#!.*/, '')), { filename: bundle, cachedData: cached });
if (process.env.TIFA_REPORT_CODE_CACHE === '1') process.stderr.write(`tifa: code cache ${cached === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
const produce = process.env.TIFA_WRITE_CODE_CACHE === '1';
if (produce) {
  // Written at exit, after the run, so that the functions it compiled are in the cache too.
  process.on('exit', () => writeFileSync(cacheFile, Buffer.concat([key, script.createCachedData()])));
}
type ModuleInternals = Module & { filename: string; paths: string[] };
const ModuleClass = Module as unknown as { new (id: string, parent?: unknown): ModuleInternals; _nodeModulePaths(dir: string): string[] };
const mod = new ModuleClass(bundle, module);
mod.filename = bundle;
mod.paths = ModuleClass._nodeModulePaths(dirname(bundle));
const localRequire = Object.assign((id: string) => mod.require(id), { resolve: (id: string) => require.resolve(id, { paths: [dirname(bundle)] }), main: mod, cache: require.cache });
process.argv[1] = bundle;
script.runInThisContext()(mod.exports, localRequire, mod, bundle, dirname(bundle));
