import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../helpers';

/**
 * The analysis core is pure: strings in, findings out. No editor API, no connection, no file
 * system, no process: so it runs the same in the server, the CLI, tests and benchmarks.
 */
describe('core purity', () => {
  const dir = join(ROOT, 'server', 'src', 'core');
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') ? [relative(dir, join(d, f))] : []));
  const files = walk(dir);
  // Pure libraries: parsers from strings to trees, no I/O.
  const allowed = [/^htmlparser2$/, /^domhandler$/, /^mdast-util-[a-z-]+$/, /^micromark-extension-[a-z-]+$/, /^yaml$/, /^ajv$/, /^opencc-js\//, /^pluralize$/];
  // Relative imports stay inside the core, except the glossary's JSON Schema (data, no code).
  const schema = join(ROOT, 'glossary', 'glossary.schema.json');
  const insideCore = (file: string, spec: string) => {
    const target = resolve(dirname(join(dir, file)), spec);
    return target === schema || !relative(dir, target).startsWith('..');
  };

  it('has source files to check', () => {
    assert.ok(files.length >= 8, files.join(', '));
  });

  for (const file of files) {
    it(`${file} imports only pure modules`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const spec of imports) assert.ok(spec.startsWith('.') ? insideCore(file, spec) : allowed.some((a) => a.test(spec)), `${file} imports "${spec}"`);
      // core/libraries.ts alone loads pure libraries (checked above) on first use with require().
      const moduleSystem = file === 'libraries.ts' ? /\bprocess\.|\brequire\.|\b__dirname\b|\bglobalThis\b/ : /\bprocess\.|\brequire\(|\b__dirname\b|\bglobalThis\b/;
      assert.doesNotMatch(text, moduleSystem, `${file} touches the process or module system`);
    });
  }
});
