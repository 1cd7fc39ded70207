import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, ROOT, tifa } from '../helpers';

/** The tests' house style: it deprecates renderings of 网络强国 (the built-in glossary deprecates none). */
const HOUSE = join(ROOT, 'test', 'fixtures', 'house-style.tifa.yaml');

describe('tifa command line', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-cli-'));
    writeFileSync(join(dir, 'speech.zh.txt'), '\uFEFF第一行\r\n建设网络\r\n强国。\r\n');
    writeFileSync(join(dir, 'note.en.md'), '# Note\n\nA cyber-superpower needs core technologies.\n');
    writeFileSync(join(dir, 'plain.md'), 'Nothing to see here.\n');
    writeFileSync(join(dir, 'broken.tifa.yaml'), 'version: 1\nconcepts:\n  - id: a\n    en: [{ text: b, status: preferd }]\n');
    writeFileSync(join(dir, 'team.tifa.yaml'), 'version: 1\nconcepts:\n  - id: team\n    zh: [数字中国]\n    en: [{ text: Digital China, status: preferred }]\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col severity code message, 1-based, and exits 0 for information only', () => {
    const r = tifa(['lint', 'speech.zh.txt', 'note.en.md', 'plain.md'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'speech.zh.txt:2:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
      'note.en.md:3:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
      // Ordinary English outside a pair: a hint.
      'note.en.md:3:26 hint formulation 核心技术 — core technology (4.19 speech, 2016)',
    ]);
  });

  it('stops quietly when its reader goes away (tifa lint … | head)', () => {
    writeFileSync(join(dir, 'many.txt'), '建设网络强国。\n'.repeat(20000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint many.txt 2>err.txt | head -n 1`], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual([r.stdout, readFileSync(join(dir, 'err.txt'), 'utf8')], ['many.txt:1:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)\n', '']);
    rmSync(join(dir, 'many.txt'));
  });

  it('starts from the code cache the build wrote, and the same without it or with a cache that does not match', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tifa-cli-cache-'));
    try {
      for (const f of ['cli.js', 'tifa-cli.js', 'opencc.js', 'tifa-cli.cache']) copyFileSync(join(ROOT, 'dist', f), join(copy, f));
      const run = () => spawnSync(process.execPath, [join(copy, 'cli.js'), 'lint', 'speech.zh.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TIFA_REPORT_CODE_CACHE: '1' } });
      const expected = 'speech.zh.txt:2:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)\n';
      const cache = readFileSync(join(copy, 'tifa-cli.cache'));
      const keyEnd = cache.indexOf(10) + 1;
      const cases: Array<[string, Buffer | undefined]> = [
        ['used', cache],
        // The key matches, the data is not V8's: V8 refuses it.
        ['rejected', Buffer.concat([cache.subarray(0, keyEnd), Buffer.alloc(4096, 7)])],
        // Another build's cache.
        ['absent', Buffer.concat([Buffer.from(cache.subarray(0, keyEnd).toString().replace(/\S+\n$/, 'another-build\n')), cache.subarray(keyEnd)])],
        ['absent', undefined],
      ];
      for (const [state, content] of cases) {
        if (content) writeFileSync(join(copy, 'tifa-cli.cache'), content);
        else rmSync(join(copy, 'tifa-cli.cache'));
        const r = run();
        assert.deepEqual([r.status, r.stderr, r.stdout], [0, `tifa: code cache ${state}\n`, expected], state);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('never walks into node_modules or .git, in a folder or a glob; a file named there is still read', () => {
    const project = mkdtempSync(join(tmpdir(), 'tifa-walk-'));
    try {
      for (const sub of ['node_modules/pkg', '.git', 'drafts']) mkdirSync(join(project, sub), { recursive: true });
      writeFileSync(join(project, 'node_modules', 'pkg', 'README.md'), '网络强国\n');
      writeFileSync(join(project, '.git', 'notes.md'), '网络强国\n');
      writeFileSync(join(project, 'drafts', 'speech.zh.md'), '建设网络强国。\n');
      const files = (args: string[]) => (JSON.parse(tifa(['lint', ...args, '--format', 'json'], project).stdout) as Array<{ path: string }>).map((f) => f.path);
      assert.deepEqual(files(['.']), ['./drafts/speech.zh.md']);
      assert.deepEqual(files(['**/*.md']), ['drafts/speech.zh.md']);
      assert.deepEqual(files(['node_modules/pkg/README.md']), ['node_modules/pkg/README.md']);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('prints LSP-shaped JSON with 0-based UTF-16 ranges', () => {
    const r = tifa(['lint', '--format', 'json', 'speech.zh.txt'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        path: 'speech.zh.txt',
        diagnostics: [
          {
            range: { start: { line: 1, character: 2 }, end: { line: 2, character: 2 } },
            severity: 3,
            code: 'formulation',
            codeDescription: { href: `${pathToFileURL(join(ROOT, 'README.md')).href}#formulation` },
            source: 'tifa',
            message: '网络强国 — cyber superpower (Leading Group announcement, 2014)',
          },
        ],
      },
    ]);
  });

  it('expands globs and folders', () => {
    const r = tifa(['lint', '*.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trimEnd().split('\n').length, 2);
    assert.ok(r.stdout.startsWith('note.en.md:3:3 '));
    assert.equal(tifa(['lint', '.', '--format=json'], dir).stdout.includes('"path": "./speech.zh.txt"'), true);
  });

  it('adds a glossary given with --glossary', () => {
    writeFileSync(join(dir, 'digital.txt'), '建设数字中国和网络强国');
    const r = tifa(['lint', 'digital.txt', '--glossary', 'team.tifa.yaml'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'digital.txt:1:3 information formulation 数字中国 — Digital China',
      'digital.txt:1:8 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
    ]);
  });

  it('exits 2 with the place of the mistake when a glossary is broken', () => {
    const r = tifa(['lint', 'plain.md', '--glossary', 'broken.tifa.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr.trim(),
      'tifa: the glossary has errors:\nbroken.tifa.yaml:4:29: error: Unknown status "preferd" in rendering "b" of concept "a": use preferred, admitted, deprecated or superseded.',
    );
  });

  it('exits 2 when a glossary cannot be read', () => {
    const r = tifa(['lint', 'plain.md', '--glossary', 'missing.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'tifa: cannot read glossary missing.yaml: no such file');
  });

  it('exits 2 on bad usage, with the reason and the usage', () => {
    for (const [args, reason] of [
      [[], 'tifa: no command given'],
      [['check', 'a.md'], 'tifa: unknown command "check"'],
      [['lint'], 'tifa: no files given'],
      [['lint', 'plain.md', '--format', 'xml'], 'tifa: --format must be text, json, sarif or github, not "xml"'],
      [['lint', 'plain.md', '--colour'], 'tifa: unknown option "--colour"'],
      [['lint', 'nothing-*.md'], 'tifa: no file matches "nothing-*.md"'],
    ] as const) {
      const r = tifa([...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.split('\n')[0], reason);
    }
    assert.match(tifa(['lint'], dir).stderr, /Usage: tifa lint <files or globs\.\.\.>/);
  });

  it('exits 1 when a rendering warning is reported', () => {
    writeFileSync(join(dir, 'warn.md'), 'China, a cyber power (网络强国).\n');
    const r = tifa(['lint', '--glossary', HOUSE, 'warn.md'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'warn.md:1:10 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
      'warn.md:1:10 warning deprecated-rendering “cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).',
      'warn.md:1:23 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
    ]);
  });

  it('--fix changes no byte of ordinary English, even where a glossary deprecates the phrase for 网络强国', () => {
    // The house style deprecates "network power" and "powerful network": here they render nothing.
    const plain = '\uFEFFThe bank relies on its powerful network of branches.\r\nThe substation feeds network power to the grid.\r\n';
    writeFileSync(join(dir, 'bank.txt'), plain);
    const r = tifa(['lint', '--glossary', HOUSE, '--fix', 'bank.txt'], dir);
    assert.deepEqual([r.code, r.stderr], [0, 'tifa: fixed 0 renderings\n']);
    assert.equal(readFileSync(join(dir, 'bank.txt'), 'utf8'), plain);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'bank.txt:1:25 hint formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
      'bank.txt:2:22 hint formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
    ]);
  });

  it('--fix replaces deprecated renderings in place, keeps code, and reports what remains', () => {
    const draft = '# Cyber powers\r\n\r\nA cyber power (网络强国) is not a `cyber power`.\r\n';
    writeFileSync(join(dir, 'fix.md'), draft);
    const r = tifa(['lint', '--glossary', HOUSE, '--fix', 'fix.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stderr.trim(), 'tifa: fixed 2 renderings');
    assert.equal(readFileSync(join(dir, 'fix.md'), 'utf8'), '# Cyber superpowers\r\n\r\nA cyber superpower (网络强国) is not a `cyber power`.\r\n');
    assert.ok(r.stdout.split('\n').every((l) => !l.includes('warning')), r.stdout);
    assert.equal(tifa(['lint', '--glossary', HOUSE, 'fix.md'], dir).code, 0);
  });

  it('lints XLIFF files found in a folder', () => {
    writeFileSync(join(dir, 'job.xlf'), '<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1"><source>网络强国</source><target>cyber power</target></trans-unit></body></file></xliff>');
    const r = tifa(['lint', '--glossary', HOUSE, '.', '--format', 'json'], dir);
    const job = (JSON.parse(r.stdout) as Array<{ path: string; diagnostics: Array<{ code: string }> }>).find((f) => f.path === './job.xlf');
    assert.deepEqual(job?.diagnostics.map((d) => d.code), ['formulation', 'formulation', 'deprecated-rendering']);
  });

  it('prints help and version', () => {
    assert.match(tifa(['--help'], dir).stdout, /^Usage: tifa lint/);
    assert.equal(tifa(['--version'], dir).stdout.trim(), '0.1.0');
  });

  it('finds the Taiwan form of a form in your glossary (OpenCC loaded from dist/opencc.js only then)', () => {
    writeFileSync(join(dir, 'infosec.tifa.yaml'), 'version: 1\nconcepts:\n  - id: infosec\n    zh: [信息安全]\n    en: [{ text: information security, status: preferred }]\n');
    writeFileSync(join(dir, 'tw.txt'), '資訊安全很重要。\r\n');
    const r = tifa(['lint', '--glossary', 'infosec.tifa.yaml', 'tw.txt'], dir);
    assert.deepEqual([r.code, r.stderr, r.stdout.trimEnd()], [0, '', 'tw.txt:1:1 information formulation 信息安全 — information security']);
  });
});
