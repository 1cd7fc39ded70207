#!/usr/bin/env node
/**
 * Runs Tifa in real Neovim and Emacs (Debian's packages), configured with the snippets from the
 * README, so the README's instructions are what is tested. Exits non-zero when either fails.
 *   node test/e2e/editors-check.cjs     (after npm run build and test/e2e/install-tools.sh)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const server = path.join(root, 'dist', 'server.js');
if (!fs.existsSync(server)) throw new Error('run npm run build first');

/** The first fenced block of `lang` after `heading`, with the server path filled in. */
function snippet(heading, lang) {
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`README has no "${heading}"`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  if (!m) throw new Error(`README has no ${lang} block after "${heading}"`);
  return m[1].replaceAll('/path/to/tifa/dist/server.js', server);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-editors-'));
// Each line starts with Chinese text: a byte or code-point column would land in the wrong place.
const draft = path.join(dir, 'draft.txt');
fs.writeFileSync(draft, '网络强国是目标。\n关键领域核心技术受制于人。\n');

const results = [];
function run(name, cmd, args, env) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 60000, env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`--- ${name} (${((Date.now() - t) / 1000).toFixed(1)} s): ${ok ? 'PASS' : `FAIL (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})`}`);
  results.push(ok);
  return r;
}

// Neovim
const init = path.join(dir, 'init.lua');
fs.writeFileSync(init, snippet('**Neovim**', 'lua'));
const nvimResult = path.join(dir, 'nvim-result.txt');
run('Neovim', 'nvim', ['--headless', '-u', init, '-c', `luafile ${path.join(__dirname, 'neovim-check.lua')}`, draft], { TIFA_RESULT: nvimResult });
if (fs.existsSync(nvimResult)) process.stdout.write(fs.readFileSync(nvimResult, 'utf8'));

// Emacs
const initEl = path.join(dir, 'init.el');
fs.writeFileSync(initEl, snippet('**Emacs**', 'elisp'));
const emacs = run('Emacs (eglot)', 'emacs', ['--batch', '-l', path.join(__dirname, 'emacs-check.el'), draft], { TIFA_INIT: initEl });
process.stdout.write(emacs.stdout);
if (emacs.status !== 0) process.stdout.write(emacs.stderr.split('\n').slice(-15).join('\n'));

fs.rmSync(dir, { recursive: true, force: true });
const passed = results.filter(Boolean).length;
console.log(`editors: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
