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
const tifa = (args, show = (out) => out) => {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(show(r.stdout));
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) failed = true;
};
console.log('\n== tifa timeline 新发展理念 网络强国 (the built-in record: government work and congress reports)');
tifa(['timeline', '新发展理念', '网络强国']);
const tmp = mkdtempSync(join(tmpdir(), 'tifa-demo-'));
for (const id of ['gwr2019', 'gwr2021']) writeFileSync(join(tmp, `${id}.txt`), gunzipSync(readFileSync(join(root, 'glossary', 'record', 'texts', `${id}.txt.gz`))));
console.log('\n== tifa record --limit 10 (the glossary\'s formulations the record attests, then the first 10 candidates it discovered)');
tifa(['record', '--limit', '10']);
console.log('\n== tifa diff gwr2019.txt gwr2021.txt (the 2019 and 2021 government work reports, from the record; the first ten lines of each kind, and three formulations new in 2021)');
tifa(['diff', join(tmp, 'gwr2019.txt'), join(tmp, 'gwr2021.txt')], (out) => {
  const lines = out.split('\n').filter(Boolean);
  const kinds = ['+', '-', '~'].map((k) => lines.filter((l) => l.startsWith(k)));
  const picked = kinds.flatMap((ls) => [...ls.slice(0, 10), ...(ls.length > 10 ? [`  … ${ls.length - 10} more`] : [])]);
  return [...picked, '', ...lines.filter((l) => /^\+ (新发展格局|碳达峰|碳中和) /.test(l))].join('\n') + '\n';
});
rmSync(tmp, { recursive: true, force: true });

// As a translator would: what the team's translation memory says, and a draft checked against it.
console.log('\n== tifa memory examples/translations/team.tmx --no-builtin-record (the renderings the example team\'s translations use)');
tifa(['memory', join('examples', 'translations', 'team.tmx'), '--no-builtin-record']);
console.log('\n== tifa lint examples/translations/draft.zh-en.xlf --memory examples/translations/team.tmx');
const lint = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', join('examples', 'translations', 'draft.zh-en.xlf'), '--memory', join('examples', 'translations', 'team.tmx')], { cwd: root, encoding: 'utf8' });
process.stdout.write(lint.stdout);
if (lint.status !== 0) failed = true;
process.exitCode = failed ? 1 : 0;
