// npm run demo: lints the sample drafts in examples/ with the built-in glossary and the sample
// team's house style (examples/.tifa/house-style.yaml), and prints what Tifa finds, as a
// translator would see it in CI.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(join(root, 'examples')).filter((f) => /\.(md|txt)$/.test(f)).sort();
let failed = false;
for (const file of files) {
  const path = join('examples', file);
  console.log(`\n== ${path}`);
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', '--glossary', join('examples', '.tifa', 'house-style.yaml'), path], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout || '(nothing found)\n');
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status === 2 || r.status === null) failed = true;
}
console.log(`\nLinted ${files.length} drafts with the built-in glossary and the example team's house style. Hover these phrases in VS Code to see their provenance.`);
process.exitCode = failed ? 1 : 0;
