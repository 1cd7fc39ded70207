import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tifa } from '../helpers';

const F = 'test/fixtures/memory';

describe('tifa memory, and tifa lint --memory', function () {
  // lint --memory analyses the record for its candidates in a child process (10 s alone).
  this.timeout(60000);
  it('JSON: each formulation with its renderings sorted by count, and the units they come from (TMX and CSV)', () => {
    const r = tifa(['memory', `${F}/team.tmx`, `${F}/pairs.csv`, '--format', 'json', '--no-builtin-record'], ROOT);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Array<{ zh: string; inGlossary: boolean; renderings: Array<{ en: string; count: number; kind: string; units: Array<{ file: string; line: number; zh: string; en: string }> }> }>;
    assert.deepEqual(out.map((e) => [e.zh, e.inGlossary, e.renderings.map((x) => [x.en, x.count, x.kind, x.units.length])]), [
      ['网络强国', true, [['cyber superpower', 6, 'glossary', 6], ['cyber power', 2, 'mined', 2]]],
      ['自主创新', true, [['indigenous innovation', 2, 'glossary', 2], ['independent innovation', 2, 'mined', 2]]],
      ['核心技术', true, [['core technology', 1, 'glossary', 1]]],
    ]);
    assert.deepEqual(out[0].renderings[0].units[5], { file: `${F}/pairs.csv`, line: 2, zh: '网络强国，我们的目标', en: 'A cyber superpower, our goal' });
    assert.deepEqual(out[0].renderings[1].units[0], { file: `${F}/team.tmx`, line: 27, zh: '建设网络强国的战略部署', en: 'The strategic plan to become a cyber power' });
  });

  it('XLIFF and parallel files (an English file beside its Chinese one, BOM and CRLF)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-memory-cli-'));
    try {
      writeFileSync(join(dir, 'talk.zh.md'), '\uFEFF# 讲话\r\n\r\n建设网络强国。\r\n\r\n坚持自主创新。\r\n');
      writeFileSync(join(dir, 'talk.en.md'), '# Speech\r\n\r\nBuild a cyber superpower.\r\n\r\nKeep to independent innovation.\r\n');
      const r = tifa(['memory', join(dir, 'talk.en.md'), join(ROOT, F, 'draft.zh-en.xlf'), '--format', 'json', '--no-builtin-record'], ROOT);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Array<{ zh: string; renderings: Array<{ en: string; count: number; kind: string; units: Array<{ file: string; line: number; en: string }> }> }>;
      assert.deepEqual(out.map((e) => [e.zh, e.renderings.map((x) => [x.en, x.count, x.kind, x.units.map((u) => [u.file.endsWith('talk.en.md') ? 'talk.en.md' : 'draft', u.line, u.en])])]), [
        ['网络强国', [['cyber power', 2, 'mined', [['draft', 7, 'Strive to build a cyber power!'], ['draft', 11, 'A cyber power (𠮷)']]], ['cyber superpower', 1, 'glossary', [['talk.en.md', 3, 'Build a cyber superpower.']]]]],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('files named on the command line: a link to /dev/zero, a FIFO, a 6,000-deep XLIFF and a missing file are said and skipped; GB18030 is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-memory-hostile-'));
    try {
      symlinkSync('/dev/zero', join(dir, 'zero.tmx'));
      execFileSync('mkfifo', [join(dir, 'fifo.tmx')]);
      writeFileSync(join(dir, 'deep.xlf'), `<xliff>${'<g>'.repeat(6000)}${'</g>'.repeat(6000)}</xliff>`);
      const units = [0, 1].map((i) => `<tu><tuv xml:lang="zh-CN"><seg>建设網絡強國${i}</seg></tuv><tuv xml:lang="en"><seg>a cyber superpower ${i}</seg></tuv></tu>`).join('');
      writeFileSync(join(dir, 'gb.tmx'), iconv.encode(`<?xml version="1.0" encoding="GB18030"?><tmx version="1.4"><body>${units}</body></tmx>`, 'gb18030'));
      const r = tifa(['memory', 'zero.tmx', 'fifo.tmx', 'deep.xlf', 'gone.tmx', 'gb.tmx', '--format', 'json', '--no-builtin-record'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stderr.trim().split('\n'), [
        'tifa: memory zero.tmx: it is a device, not a regular file',
        'tifa: memory fifo.tmx: it is a named pipe, not a regular file',
        'tifa: memory deep.xlf: The XML nests elements more than 256 deep (at offset 772); Tifa reads no deeper and ignores the rest of the file.',
        'tifa: memory deep.xlf: no Chinese–English units',
        'tifa: memory gone.tmx: no such file',
      ]);
      const out = JSON.parse(r.stdout) as Array<{ zh: string; renderings: Array<{ en: string; count: number }> }>;
      assert.deepEqual(out.map((e) => [e.zh, e.renderings.map((x) => [x.en, x.count])]), [['网络强国', [['cyber superpower', 2]]]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CSV and text', () => {
    const csv = tifa(['memory', `${F}/pairs.tsv`, '--format', 'csv', '--no-builtin-record'], ROOT);
    assert.equal(csv.stdout, 'zh,inGlossary,units,en,count,kind,status,confidence,exampleFile,exampleLine\n');
    const text = tifa(['memory', `${F}/team.tmx`, '--no-builtin-record'], ROOT);
    assert.equal(text.stdout.split('\n').slice(0, 4).join('\n'), [
      '2 formulations with renderings in 11 units of 1 file',
      '  网络强国  7 units',
      `    cyber superpower  ×5  glossary, preferred  e.g. ${F}/team.tmx:7`,
      `    cyber power  ×2  observed, confidence 1.00  e.g. ${F}/team.tmx:27`,
    ].join('\n'));
  });

  it('a file that is not a memory is said, and bad usage exits 2', () => {
    const r = tifa(['memory', 'README.md', '--no-builtin-record'], ROOT);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'tifa: memory README.md: README.md is not a translation memory (XLIFF, TMX, CSV/TSV, or name.en.md beside name.zh.md)');
    assert.equal(tifa(['memory', '--format', 'xml', `${F}/team.tmx`], ROOT).code, 2);
  });

  it('lint --memory reports memory-inconsistent with the memory\'s units as related information', () => {
    const r = tifa(['lint', `${F}/one.zh-en.xlf`, '--memory', `${F}/team.tmx`, '--format', 'json'], ROOT);
    const [file] = JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ code: string; range: unknown; message: string; relatedInformation?: Array<{ location: { uri: string; range: { start: { line: number } } } }> }> }>;
    const d = file.diagnostics.filter((x) => x.code === 'memory-inconsistent');
    assert.deepEqual(d.map((x) => [x.range, x.message, x.relatedInformation?.map((ri) => [ri.location.uri.endsWith('/test/fixtures/memory/team.tmx'), ri.location.range.start.line])]), [[
      { start: { line: 6, character: 34 }, end: { line: 6, character: 45 } },
      '网络强国 is rendered “cyber power” here, but your translations render it “cyber superpower” in 5 of 7 units. 与译文记忆的多数译法不一致。',
      [[true, 6], [true, 10], [true, 14]],
    ]]);
  });
});
