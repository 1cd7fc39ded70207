// npm run demo: lints the sample drafts in examples/ with the built-in glossary and the sample
// team's house style (examples/.tifa/house-style.yaml), and prints what Tifa finds, as a
// translator would see it in CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

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

// As an analyst would: two formulations over the record, and what changed between two reports.
const tifa = (args) => {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) failed = true;
};
console.log('\n== tifa timeline 新发展理念 网络强国 (the built-in record: government work and congress reports)');
tifa(['timeline', '新发展理念', '网络强国']);
const tmp = mkdtempSync(join(tmpdir(), 'tifa-demo-'));
for (const id of ['gwr2019', 'gwr2021']) writeFileSync(join(tmp, `${id}.txt`), gunzipSync(readFileSync(join(root, 'glossary', 'record', 'texts', `${id}.txt.gz`))));
console.log('\n== tifa diff gwr2019.txt gwr2021.txt (the 2019 and 2021 government work reports, from the record)');
tifa(['diff', join(tmp, 'gwr2019.txt'), join(tmp, 'gwr2021.txt')]);
rmSync(tmp, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
