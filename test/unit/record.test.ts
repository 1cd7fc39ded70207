import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadGlossaryYaml, mergeGlossaries, type RecordDocument, RecordIndex, sentenceAround, TifaEngine } from '../../server/src/core';
import { readRecord } from '../../server/src/record';
import { builtinEngine, builtinGlossary, ROOT } from '../helpers';

const engine = new TifaEngine(mergeGlossaries([builtinGlossary(), loadGlossaryYaml(`version: 1
concepts:
  - id: new-development-philosophy
    zh: [新发展理念]
    en: [{ text: new development philosophy, status: preferred }]
`).glossary]));

function indexOf(docs: RecordDocument[], e: TifaEngine = engine): RecordIndex {
  const index = new RecordIndex();
  for (const d of docs) index.add(d, e.analyze(d.text).matches);
  return index;
}

describe('the record: attestations', () => {
  const docs: RecordDocument[] = [
    { id: 'b', title: '乙报告', date: '2021-03-05', text: '要贯彻新发展理念。\r\n创新发展理念不算。' },
    { id: 'a', title: '甲报告', date: '2016', text: '第一句。必须牢固树立新发展理念！第三句' },
    { id: 'u', title: '无日期', text: '「新發展理念」' },
  ];

  it('counts occurrences and documents, with the earliest and latest dated ones; 创新发展理念 is not one', () => {
    const s = indexOf(docs).summary('new-development-philosophy')!;
    assert.equal(s.count, 3);
    assert.equal(s.documents, 3);
    assert.equal(s.first.document.id, 'a');
    assert.equal(s.last.document.id, 'b');
    assert.deepEqual([...s.years], [[2016, 1], [2021, 1]]);
  });

  it('gives the sentence around each occurrence: full-width punctuation, CRLF, traditional characters', () => {
    const s = indexOf(docs).summary('new-development-philosophy')!;
    const text = (a: typeof s.first) => a.document.text.slice(...a.sentence);
    assert.equal(text(s.first), '必须牢固树立新发展理念！');
    assert.equal(text(s.last), '要贯彻新发展理念。');
    assert.deepEqual(sentenceAround('「新發展理念」', 1, 6), [0, 7]);
  });

  it('an undated document counts, but is never first or latest while a dated one exists, and has no year', () => {
    const only = indexOf([docs[2]]).summary('new-development-philosophy')!;
    assert.equal(only.first.document.id, 'u');
    assert.deepEqual([...only.years], []);
  });

  it('a formulation inside a longer one is attested too (核心技术 in 核心技术是国之重器)', () => {
    const index = indexOf([{ id: 'x', title: 'x', date: '2018-04-20', text: '核心技术是国之重器。' }], builtinEngine());
    assert.equal(index.summary('core-technologies-are-important-instruments-of-the-state')!.count, 1);
    assert.equal(index.summary('core-technology')!.count, 1);
    assert.equal(index.summary('important-instruments-of-the-state')!.count, 1);
  });

  it('the hover card gains “In the record 文献”: count, first and latest with the phrase in bold, a sparkline', () => {
    const index = indexOf(docs);
    const m = engine.analyze('新发展理念').matches[0];
    const card = engine.hover(m, undefined, index.summary('new-development-philosophy'));
    assert.ok(card.includes([
      '**In the record 文献** · 3 times in 3 documents',
      '',
      '- First 最早: **2016** · 甲报告',
      '  - 「必须牢固树立**新发展理念**！」',
      '- Latest 最近: **2021-03-05** · 乙报告',
      '  - 「要贯彻**新发展理念**。」',
      '',
      '`█····█` 2016–2021',
    ].join('\n')), card);
  });
});

describe('the built-in record (glossary/record)', () => {
  const dir = join(ROOT, 'glossary', 'record');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    sources: Array<{ id: string; url: string }>;
    documents: Array<{ id: string; file: string; kind: string; title: { zh: string }; date?: { value: string; from: string; quote?: string; source?: string }; address: string }>;
  };

  it('ships the 52 government work reports and 15 congress reports, each dated by its text, its title or a named source', () => {
    assert.equal(manifest.documents.filter((d) => d.kind === 'government-work-report').length, 52);
    assert.equal(manifest.documents.filter((d) => d.kind === 'party-congress-report').length, 15);
    // The README beside the texts says where each kind of date comes from, with the counts the manifest has.
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const counts = (from: string) => manifest.documents.filter((d) => d.date?.from === from).length;
    assert.deepEqual([counts('text'), counts('title'), counts('source')], [8, 46, 13]);
    for (const n of [8, 46, 13]) assert.match(readme, new RegExp(`: ${n} documents`));
    for (const d of manifest.documents) {
      assert.ok(existsSync(join(dir, d.file)), d.file);
      const text = gunzipSync(readFileSync(join(dir, d.file))).toString('utf8');
      assert.equal(text.split(/\r?\n/)[0].trim(), d.title.zh, d.id);
      assert.ok(d.date, `${d.id} has a date`);
      if (d.date.from === 'text') assert.ok(text.slice(0, 3000).includes(d.date.quote!), `${d.id}: the text states ${d.date.quote}`);
      else if (d.date.from === 'title') assert.ok(d.title.zh.startsWith(`${d.date.value}年`), d.id);
      else {
        assert.equal(d.date.from, 'source');
        assert.ok(manifest.sources.some((s) => s.id === d.date!.source && /^https?:\/\//.test(s.url)), `${d.id}: source ${d.date.source}`);
      }
    }
  });

  it('attests 命运共同体 first in the 17th congress report (2007) and 网络强国 first in the 19th (2017)', async () => {
    const index = indexOf(await readRecord(dir), builtinEngine());
    const destiny = index.summary('community-of-shared-destiny')!;
    assert.deepEqual([destiny.count, destiny.documents, destiny.first.document.id, destiny.first.document.date], [31, 14, 'cpc17_report', '2007-10-15']);
    assert.equal(destiny.first.document.text.slice(...destiny.first.sentence), '十三亿大陆同胞和两千三百万台湾同胞是血脉相连的命运共同体。');
    const cyber = index.summary('cyber-superpower')!;
    assert.deepEqual([cyber.count, cyber.documents, cyber.first.document.id, cyber.first.document.date], [4, 4, 'cpc19_report', '2017-10-18']);
  });
});
