import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, tifa } from '../helpers';

describe('tifa record, timeline, diff', function () {
  // record, diff: each run analyses the whole record in a child process (15 s alone, more on a busy machine).
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-record-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    // Dated three ways, and one undated; BOM, CRLF, traditional characters.
    writeFileSync(join(corpus, '2016-03-05_报告.txt'), '\uFEFF2016年报告\r\n牢固树立新发展理念。创新发展理念不是它。\r\n');
    writeFileSync(join(corpus, 'notes.md'), '---\ntitle: 会议纪要\ndate: 2021-03-05\n---\n贯彻新发展理念，构建新发展格局。贯彻新發展理念。\n');
    writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ documents: [{ file: 'speech.txt', title: '讲话', date: '2018' }] }));
    writeFileSync(join(corpus, 'speech.txt'), '新发展理念\n');
    writeFileSync(join(corpus, 'undated.txt'), '新发展理念是什么？\n');
    writeFileSync(join(dir, 'old.txt'), '建设网络强国。核心技术。核心技术。军民融合。\n');
    writeFileSync(join(dir, 'new.txt'), '建设网络强国。核心技术。网络安全。\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('timeline of a phrase the glossary lacks, over a corpus: counts by document in date order, undated last', () => {
    const r = tifa(['timeline', '新发展理念', '--corpus', 'corpus', '--no-builtin-record', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'tifa: 1 document is undated (no manifest entry, front matter or YYYY-MM-DD file name): counted, never first or latest, not in timelines by year\n');
    assert.deepEqual(JSON.parse(r.stdout), [{ zh: '新发展理念', points: [
      { date: '2016-03-05', title: '2016年报告', count: 1 },
      { date: '2018', title: '讲话', count: 1 },
      { date: '2021-03-05', title: '会议纪要', count: 2 },
      { date: null, title: '新发展理念是什么？', count: 1 },
    ] }]);
  });

  it('timeline as text, with a sparkline', () => {
    const r = tifa(['timeline', '新发展理念', '--corpus', 'corpus', '--no-builtin-record'], dir);
    assert.deepEqual(r.stdout.split('\n').slice(0, 2), ['新发展理念: 5 in 4 documents  ▄·▄··█ 2016–2021', '  2016-03-05    1  2016年报告']);
  });

  it('record: the inventory of the built-in record as JSON, most widely attested first', () => {
    const r = tifa(['record', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const entries = JSON.parse(r.stdout) as Array<{ zh: string; inGlossary: boolean; count: number; documents: number; first: { date: string; title: string; sentence: string } }>;
    assert.deepEqual(entries.map((e) => e.zh).slice(0, 3), ['自主创新', '信息化', '命运共同体']);
    const destiny = entries.find((e) => e.zh === '命运共同体')!;
    assert.deepEqual([destiny.inGlossary, destiny.count, destiny.documents, destiny.first.date, destiny.first.sentence], [true, 31, 14, '2007-10-15', '十三亿大陆同胞和两千三百万台湾同胞是血脉相连的命运共同体。']);
    // Then the candidates discovered in the record, the most formulation-like first (200 unless --limit).
    const candidates = entries.filter((e) => !e.inGlossary);
    assert.equal(candidates.length, 200);
    assert.deepEqual(entries.indexOf(candidates[0]), entries.filter((e) => e.inGlossary).length);
    assert.deepEqual([candidates[0].zh, candidates[0].count, candidates[0].documents, candidates[0].first.date, candidates[0].first.sentence], ['一国两制', 106, 42, '1985', '“一国两制”的构思和香港问题的圆满解决，对台湾回归祖国的统一大业也必将产生重大的推动作用。']);
    const limited = JSON.parse(tifa(['record', '--format', 'json', '--limit', '2'], dir).stdout) as Array<{ zh: string; inGlossary: boolean }>;
    assert.deepEqual(limited.filter((e) => !e.inGlossary).map((e) => e.zh), ['一国两制', '三个代表']);
  });

  it('diff of the 2019 and 2021 government work reports: 新发展格局, 碳达峰 and 碳中和 are added', () => {
    for (const y of ['2019', '2021']) writeFileSync(join(dir, `gwr${y}.txt`), gunzipSync(readFileSync(join(ROOT, 'glossary', 'record', 'texts', `gwr${y}.txt.gz`))));
    const r = tifa(['diff', 'gwr2019.txt', 'gwr2021.txt', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout) as { added: Array<{ zh: string; count: number }>; dropped: Array<{ zh: string }>; changed: Array<{ zh: string; old: number; new: number }> };
    assert.deepEqual(d.added.filter((a) => ['新发展格局', '碳达峰', '碳中和'].includes(a.zh)), [{ zh: '新发展格局', count: 3 }, { zh: '碳中和', count: 1 }, { zh: '碳达峰', count: 1 }]);
    assert.deepEqual(d.changed.find((c) => c.zh === '一带一路'), { zh: '一带一路', old: 5, new: 4 });
    // In text, candidates are marked; the glossary's formulations are not.
    const text = tifa(['diff', 'gwr2019.txt', 'gwr2021.txt'], dir).stdout.split('\n');
    assert.deepEqual(text.filter((l) => /^. (新发展格局|网络安全|军民融合|核心技术)/.test(l)), ['+ 新发展格局 (candidate)  3', '+ 网络安全  1', '- 军民融合  1', '~ 核心技术  3 → 4']);
  });

  it('timeline as SVG: a chart that stands on its own', () => {
    const r = tifa(['timeline', '新发展理念', '--corpus', 'corpus', '--no-builtin-record', '--format', 'svg'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(r.stdout.includes('<title>新发展理念 2021: 2\n2021-03-05 会议纪要: 2</title>'), r.stdout);
  });

  it('diff: added, dropped and changed in count', () => {
    const r = tifa(['diff', 'old.txt', 'new.txt', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { added: [{ zh: '网络安全', count: 1 }], dropped: [{ zh: '军民融合', count: 1 }], changed: [{ zh: '核心技术', old: 2, new: 1 }] });
    assert.equal(tifa(['diff', 'old.txt', 'new.txt'], dir).stdout, '+ 网络安全  1\n- 军民融合  1\n~ 核心技术  2 → 1\n');
  });

  it('hostile corpora: a manifest linked to /dev/zero, a FIFO, a 6,000-deep XML file, GB18030; a corpus that is no folder', () => {
    const c = join(dir, 'hostile');
    mkdirSync(c);
    symlinkSync('/dev/zero', join(c, 'manifest.json'));
    symlinkSync('/dev/zero', join(c, 'zero.txt'));
    spawnSync('mkfifo', [join(c, 'pipe.txt')]);
    writeFileSync(join(c, 'deep.md'), '<a>'.repeat(6000) + '新发展理念' + '</a>'.repeat(6000));
    writeFileSync(join(c, '2019-01-01_gb.txt'), Buffer.from([0xb9, 0xe1, 0xb3, 0xb9, 0xd0, 0xc2, 0xb7, 0xa2, 0xd5, 0xb9, 0xc0, 0xed, 0xc4, 0xee, 0xa1, 0xa3])); // 贯彻新发展理念。 in GB18030
    const r = tifa(['timeline', '新发展理念', '--corpus', 'hostile', '--no-builtin-record', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^tifa: skipped hostile\/manifest\.json: not used \(it is a device, not a regular file\)\n/);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ points: Array<{ date: string | null; count: number }> }>)[0].points.map((p) => [p.date, p.count]), [['2019-01-01', 1], [null, 1]]);
    const notFolder = tifa(['record', '--corpus', '/dev/zero', '--no-builtin-record'], dir);
    assert.deepEqual([notFolder.code, notFolder.stderr], [2, 'tifa: the corpus /dev/zero is not a folder\n']);
    assert.equal(tifa(['record', '--corpus', join(dir, 'nowhere'), '--no-builtin-record'], dir).stderr, `tifa: cannot read the corpus ${join(dir, 'nowhere')}: it does not exist\n`);
    assert.deepEqual([tifa(['diff', 'hostile/pipe.txt', 'new.txt'], dir).stderr], ['tifa: cannot read hostile/pipe.txt: it is a named pipe, not a regular file\n']);
  });

  it('a corpus of 1,000 files: exact counts by year, the undated counted apart, candidates discovered in it', () => {
    const big = join(dir, 'big');
    mkdirSync(big);
    // 1,000 texts, 1000 to 1999 (one a year: 1000-01-01_n.txt); 新发展理念 in every third, quoted
    // “双碳目标” from the 500th on, and a ten-file tail without dates.
    for (let i = 0; i < 1000; i++) {
      const year = 1000 + i;
      const lines = [`第${i}号文件`, i % 3 === 0 ? '我们要贯彻新发展理念，推动发展。' : '我们要推动发展。', i >= 500 ? `实现“双碳目标”，推进第${i % 7}项工作。` : '做好各项工作。'];
      writeFileSync(join(big, i < 990 ? `${year}-01-01_${i}.txt` : `notes-${i}.txt`), lines.join('\r\n'));
    }
    const t = tifa(['timeline', '新发展理念', '--corpus', 'big', '--no-builtin-record', '--format', 'json'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.equal(t.stderr, 'tifa: 10 documents are undated (no manifest entry, front matter or YYYY-MM-DD file name): counted, never first or latest, not in timelines by year\n');
    const points = (JSON.parse(t.stdout) as Array<{ points: Array<{ date: string | null; count: number }> }>)[0].points;
    assert.equal(points.length, 1000);
    assert.equal(points.filter((p) => p.count > 0).length, 334);
    assert.deepEqual(points.slice(0, 4).map((p) => [p.date, p.count]), [['1000-01-01', 1], ['1001-01-01', 0], ['1002-01-01', 0], ['1003-01-01', 1]]);
    assert.deepEqual(points.slice(-2).map((p) => [p.date, p.count]), [[null, 0], [null, 1]]); // notes-998, notes-999
    const r = tifa(['record', '--corpus', 'big', '--no-builtin-record', '--no-builtin', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const entries = JSON.parse(r.stdout) as Array<{ zh: string; inGlossary: boolean; count: number; documents: number; first: { date: string } }>;
    const carbon = entries.find((e) => e.zh === '双碳目标')!;
    assert.deepEqual([carbon.inGlossary, carbon.count, carbon.documents, carbon.first.date], [false, 500, 500, '1500-01-01']);
  });

  it('exits 2 with the reason on bad usage', () => {
    const r = tifa(['diff', 'old.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tifa: diff needs two files: tifa diff <old> <new>\n/);
    assert.match(tifa(['timeline'], dir).stderr, /^tifa: timeline needs a formulation/);
    assert.match(tifa(['record', '--format', 'svg'], dir).stderr, /^tifa: --format must be text, json or csv, not "svg"/);
    assert.match(tifa(['record', '--limit', 'many'], dir).stderr, /^tifa: --limit must be a whole number, not "many"/);
  });
});
