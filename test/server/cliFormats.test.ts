import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT, tifa } from '../helpers';

// A draft with a deprecated rendering (a warning) after a surrogate pair, CRLF and a BOM: columns
// are UTF-16 code units, as SARIF's columnKind says.
describe('tifa lint --format sarif and --format github', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-formats-'));
    writeFileSync(join(dir, 'house.tifa.yaml'), 'version: 1\nconcepts:\n  - id: wangluo-qiangguo\n    zh: [网络强国]\n    en:\n      - { text: cyber superpower, status: preferred }\n      - { text: network power, status: deprecated }\n');
    writeFileSync(join(dir, 'note, 1.en.md'), '\uFEFF# Note\r\n\r\n𠮷 The network power (网络强国) goal.\r\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('SARIF 2.1.0 that the OASIS JSON Schema accepts, with rules, help links and UTF-16 columns', () => {
    const r = tifa(['lint', 'note, 1.en.md', '--glossary', 'house.tifa.yaml', '--format', 'sarif'], dir);
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ columnKind: string; tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }> }> }> };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const run = sarif.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.name, 'tifa');
    assert.ok(run.tool.driver.rules.every((rule) => rule.helpUri?.endsWith(`README.md#${rule.id}`)));
    const warning = run.results.find((x) => x.ruleId === 'deprecated-rendering')!;
    assert.deepEqual([warning.level, warning.ruleIndex, run.tool.driver.rules[warning.ruleIndex].id, warning.locations[0].physicalLocation], ['warning', 1, 'deprecated-rendering', {
      artifactLocation: { uri: 'note%2C%201.en.md', uriBaseId: '%SRCROOT%' },
      // "𠮷 The " is 7 UTF-16 code units: the phrase starts at column 8 and ends before column 21.
      region: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 21 },
    }]);
    assert.equal(warning.message.text, '“network power” is a deprecated rendering of 网络强国: use “cyber superpower”.');
  });

  it('GitHub workflow commands, escaped, a warning as ::warning and information as ::notice', () => {
    const r = tifa(['lint', 'note, 1.en.md', '--glossary', 'house.tifa.yaml', '--format', 'github'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stdout.split('\n').includes('::warning file=note%2C 1.en.md,line=3,col=8,endLine=3,endColumn=21,title=tifa(deprecated-rendering)::“network power” is a deprecated rendering of 网络强国: use “cyber superpower”.'), r.stdout);
    assert.ok(r.stdout.trimEnd().split('\n').every((l) => /^::(error|warning|notice) file=/.test(l)), r.stdout);
  });
});
