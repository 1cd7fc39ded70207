import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tifa } from '../helpers';

/** The same project config as the editor's test (test/server/config.test.ts), in the CLI. */
describe('tifa command line in a project (.tifa/config.yaml)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tifa-project-'));
    for (const d of ['.tifa', 'vendor', 'node_modules/pkg', 'drafts']) mkdirSync(join(root, d), { recursive: true });
    // The project's own glossary, found as the editor finds it (.tifa/*.yaml): it deprecates "cyber power".
    writeFileSync(join(root, '.tifa', 'house.yaml'), readFileSync(join(ROOT, 'test', 'fixtures', 'house-style.tifa.yaml'), 'utf8'));
    writeFileSync(join(root, '.tifa', 'config.yaml'), '\uFEFF# 项目设置\r\nrules:\r\n  deprecated-rendering: error\r\nformulations.severity: "off"\r\nignore:\r\n  - "vendor/**"\r\n');
    for (const d of ['drafts', 'vendor', 'node_modules/pkg']) writeFileSync(join(root, d, 'draft.md'), '建设網絡強國。A cyber power.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('applies the config and the project glossary, skips ignore and node_modules, from the root or a subfolder', () => {
    const r = tifa(['lint', '.'], root);
    assert.deepEqual([r.code, r.stderr, r.stdout.trimEnd().split('\n')], [1, '', ['./drafts/draft.md:1:10 error deprecated-rendering “cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).']]);
    // From a subfolder the project is found upwards, as git finds .git.
    const sub = tifa(['lint', 'draft.md', '--format', 'github'], join(root, 'drafts'));
    assert.deepEqual([sub.code, sub.stdout], [1, '::error file=draft.md,line=1,col=10,endLine=1,endColumn=21,title=tifa(deprecated-rendering)::“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).\n']);
  });

  it('is left out with --no-config: built-in glossary, default levels', () => {
    const r = tifa(['lint', 'drafts', '--no-config'], root);
    assert.deepEqual([r.code, r.stderr, r.stdout.trimEnd().split('\n')], [0, '', [
      'drafts/draft.md:1:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
    ]]);
  });

  it('reports its mistakes: warnings on standard error and the run goes on; broken YAML stops it', () => {
    const path = join(root, '.tifa', 'config.yaml');
    const good = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, 'rules.deprecated-rendering: fatal\nlanguages: [markdown]\n');
      const r = tifa(['lint', 'drafts'], root);
      assert.equal(r.code, 1); // the default level, warning
      assert.deepEqual(r.stderr.trimEnd().split('\n'), [
        `tifa: ${path}:1:29: warning: "rules.deprecated-rendering" must be one of off, hint, information, warning, error; it is ignored.`,
        `tifa: ${path}:2:1: warning: Unknown setting "languages"; it is ignored. Settings: formulations.severity, rules.deprecated-rendering, rules.inconsistent-rendering, rules.missing-rendering, rules.variant-rendering, rules.number-mismatch, rules.candidate-formulation, rules.memory-inconsistent, rules.document-notice, glossary.files, glossary.builtin, glossary.profile, inlayHints, maxFileSize, corpus.paths, memory.files, segments.skip, ignore.`,
      ]);
      writeFileSync(path, 'rules: [unclosed\n');
      const broken = tifa(['lint', 'drafts'], root);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, new RegExp(`^tifa: the project config has errors:\\n${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: error: This config is not valid YAML: `));
    } finally {
      writeFileSync(path, good);
    }
  });
});

describe('a hostile project config', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tifa-hostile-config-'));
    mkdirSync(join(root, '.tifa'));
    writeFileSync(join(root, 'a.md'), '网络强国\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a link out of the project, a 2 MB file and a directory are refused with the reason; nothing is read from them', () => {
    const path = join(root, '.tifa', 'config.yaml');
    symlinkSync('/etc/passwd', path);
    let r = tifa(['lint', 'a.md'], root);
    assert.deepEqual([r.code, r.stdout], [2, '']);
    assert.equal(r.stderr, `tifa: the project config has errors:\n${path}:1:1: error: This config is not read: it is outside the workspace folder (/etc/passwd).\n`);
    rmSync(path);
    writeFileSync(path, `# ${'网'.repeat(700_000)}\n`);
    r = tifa(['lint', 'a.md'], root);
    assert.deepEqual([r.code, r.stderr.split('\n')[1]], [2, `${path}:1:1: error: This config is not read: it is 2.0 MB, more than the limit of 1.0 MB.`]);
    rmSync(path);
    mkdirSync(path);
    r = tifa(['lint', 'a.md'], root);
    assert.deepEqual([r.code, r.stderr.split('\n')[1]], [2, `${path}:1:1: error: This config is not read: it is a folder, not a regular file.`]);
    // --no-config runs all the same.
    assert.equal(tifa(['lint', 'a.md', '--no-config'], root).code, 0);
  });
});
