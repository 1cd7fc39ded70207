#!/usr/bin/env bash
# Tifa against textlint + textlint-rule-prh on the same job: 10,000 terms drawn from the Chinese
# corpus, checked over the whole corpus, each tool as a whole process (start-up included).
#   bash bench/compare-textlint.sh [CORPUS_DIR]      (default: bench/corpus, 87 speeches)
# textlint is installed into a temporary folder from the npm registry, not into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-bench/corpus}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node esbuild.mjs
node - "$corpus" "$work" <<'JS'
const fs = require('fs'), path = require('path');
const [corpus, work] = process.argv.slice(2);
const files = [];
const walk = (d) => { for (const f of fs.readdirSync(d).sort()) { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.txt')) files.push(p); } };
walk(corpus);
const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
let seed = 7;
const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; };
const terms = new Set();
while (terms.size < 10000) {
  const at = Math.floor(rand() * (text.length - 10));
  const t = text.slice(at, at + 4 + Math.floor(rand() * 3));
  if (/^[\u4e00-\u9fff]+$/.test(t)) terms.add(t);
}
const list = [...terms];
fs.writeFileSync(path.join(work, 'terms.tifa.csv'), 'id,zh,en,status\n' + list.map((t, i) => `t${i},${t},term ${i},preferred`).join('\n') + '\n');
fs.writeFileSync(path.join(work, 'prh.yml'), 'version: 1\nrules:\n' + list.map((t, i) => `  - expected: term${i}\n    pattern: ${t}\n`).join(''));
fs.writeFileSync(path.join(work, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
console.log(`${list.length} terms, ${files.length} files, ${text.length.toLocaleString('en')} characters`);
JS
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent textlint textlint-rule-prh >/dev/null)
cp -r "$corpus" "$work/corpus"
# Node reads NODE_EXTRA_CA_CERTS at every start where it is set; it is no one's work here.
unset NODE_EXTRA_CA_CERTS
# Tifa: the median of three runs (this machine's timings vary by a third from run to run);
# textlint: one run, which lasts minutes.
runs=()
for _ in 1 2 3; do
  t0=$(date +%s%N)
  node dist/cli.js lint --no-builtin --glossary "$work/terms.tifa.csv" "$work/corpus" > "$work/tifa.out" || true
  t1=$(date +%s%N)
  runs+=($(( (t1 - t0) / 1000000 )))
done
tifa_ms=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
t1=$(date +%s%N)
(cd "$work" && npx textlint --format compact "corpus/**/*.txt" > "$work/textlint.out" || true)
t2=$(date +%s%N)
textlint_ms=$(( (t2 - t1) / 1000000 ))
echo "tifa:     ${tifa_ms} ms (median of ${runs[*]}), $(wc -l < "$work/tifa.out") findings"
echo "textlint: ${textlint_ms} ms, $(grep -c ': ' "$work/textlint.out" || true) findings"
echo "ratio:    $(( textlint_ms / (tifa_ms > 0 ? tifa_ms : 1) ))x"
