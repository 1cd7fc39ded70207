import assert from 'node:assert/strict';
import { addConceptInsertions, analyzeRecord, applyInsertions, candidateFindings, checkConceptAddition, discover, inventory, loadGlossaryYaml, type RecordDocument, TifaEngine, timelineSvg } from '../../server/src/core';
import { builtinGlossary } from '../helpers';

// Two early texts without the phrases (so that those found later count as having emerged), then
// five that use them with varied neighbours; full-width punctuation, CRLF and a surrogate pair.
const TEXTS = [
  '发展经济，改善人民生活。',
  '发展教育事业，建设国家。',
  '坚持“绿水青山就是金山银山”的理念。打好三大攻坚战。我们要保护绿水青山，建设美丽中国。',
  '践行“绿水青山就是金山银山”。继续打好三大攻坚战，守护绿水青山。\r\n各地推进美丽中国建设。',
  '三大攻坚战取得成效。人们爱绿水青山，也爱美丽中国。美丽中国是目标。',
  '打赢三大攻坚战。留住绿水青山！美丽中国更美。生态文明和美丽中国。𠀋',
  '坚决打好三大攻坚战，让绿水青山常在，以美丽中国为目标。三大攻坚战，绿水青山。',
];
const YEARS = [1990, 1995, 2017, 2018, 2019, 2020, 2021];
const DOCS: RecordDocument[] = TEXTS.map((text, i) => ({ id: `d${i}`, title: `${YEARS[i]}年报告`, date: String(YEARS[i]), text }));

describe('discovery: candidates from the record', () => {
  it('finds quoted, numbered and recurring phrases, with why, counts and first year; no fragment of them', () => {
    const found = discover(TEXTS, { years: YEARS }).map((c) => [c.zh, c.signals, c.count, c.documents, c.quotedIn, c.since]);
    assert.deepEqual(found, [
      ['三大攻坚战', ['numbered'], 6, 5, 0, 2017],
      ['绿水青山就是金山银山', ['quoted'], 2, 2, 2, undefined],
      ['美丽中国', ['recurring'], 7, 5, 0, 2017],
      ['绿水青山', ['recurring'], 8, 5, 0, 2017],
    ]);
  });

  it('leaves out what the glossary knows, and phrases used from the record’s first years (not emerged)', () => {
    assert.deepEqual(discover(TEXTS, { years: YEARS, known: (zh) => zh === '美丽中国' }).map((c) => c.zh), ['三大攻坚战', '绿水青山就是金山银山', '绿水青山']);
    // With every text dated 2017, nothing emerged later: the plain recurring phrases are not listed.
    assert.deepEqual(discover(TEXTS, { years: TEXTS.map(() => 2017) }).map((c) => c.zh), ['三大攻坚战', '绿水青山就是金山银山']);
  });

  it('a phrase quoted once in one document and used nowhere else is not one; “自由” quoted among plain uses is emphasis', () => {
    const texts = ['他提出“一次性短语”。', '和平与自由。', '自由。“自由”', '自由，自由，自由。', '自由与和平。', '自由发展。'];
    assert.deepEqual(discover(texts).map((c) => c.zh), []);
  });

  it('the record analysed: candidates attested by the drafts’ matcher, in the inventory after the glossary’s', () => {
    const engine = new TifaEngine(builtinGlossary());
    const { index, candidates, candidateEngine } = analyzeRecord(DOCS, engine);
    assert.deepEqual(candidates.map((c) => c.zh), ['三大攻坚战', '绿水青山就是金山银山', '美丽中国', '绿水青山']);
    const s = index.summary('candidate:绿水青山')!;
    // 8 occurrences: 2 of them inside 绿水青山就是金山银山 (a longer candidate holds them).
    assert.deepEqual([s.count, s.documents, s.first.document.date, s.last.document.date], [8, 5, '2017', '2021']);
    const entries = inventory(index, engine.glossary, candidates);
    assert.deepEqual(entries.map((e) => [e.zh, e.inGlossary, e.count, e.documents, e.first.date]), [
      ['三大攻坚战', false, 6, 5, '2017'],
      ['绿水青山就是金山银山', false, 2, 2, '2017'],
      ['美丽中国', false, 7, 5, '2017'],
      ['绿水青山', false, 8, 5, '2017'],
    ]);
    assert.equal(entries[2].first.sentence, '我们要保护绿水青山，建设美丽中国。');
    assert.deepEqual(inventory(index, engine.glossary, candidates, 1).map((e) => e.zh), ['三大攻坚战']);
    // In a draft: a hint per candidate the glossary does not cover, with what the record says.
    const draft = '我们要打好三大攻坚战，建設美丽中国。';
    const findings = candidateFindings(candidateEngine.find(draft), engine.find(draft), index);
    assert.deepEqual(findings.map((f) => [f.start, f.end, f.code, f.message, f.data]), [
      [5, 10, 'candidate-formulation', '三大攻坚战 is not in the glossary; the record has it 6 times in 5 documents, first in 2017 (2017年报告). 候选提法，未收入词表。', { candidate: '三大攻坚战' }],
      [13, 17, 'candidate-formulation', '美丽中国 is not in the glossary; the record has it 7 times in 5 documents, first in 2017 (2017年报告). 候选提法，未收入词表。', { candidate: '美丽中国' }],
    ]);
  });

  it('a glossary formulation over the same text hides the candidate', () => {
    const engine = new TifaEngine(loadGlossaryYaml('version: 1\nconcepts:\n  - id: beautiful-china\n    zh: [建设美丽中国]\n    en: [{ text: building a beautiful China, status: preferred }]\n').glossary);
    const { index, candidateEngine } = analyzeRecord(DOCS, engine);
    const draft = '建设美丽中国，三大攻坚战';
    assert.deepEqual(candidateFindings(candidateEngine.find(draft), engine.find(draft), index).map((f) => draft.slice(f.start, f.end)), ['三大攻坚战']);
  });
});

describe('adding a candidate to the workspace glossary', () => {
  const concept = {
    id: 'zh-meili-zhongguo',
    zh: '美丽中国',
    note: 'Added from the record (a set phrase in 5 documents); English to be given.',
    speeches: [{ id: 'record-d2', title: '2017年报告', date: '2017', source: 'https://example.org/2017' }],
    appearances: [{ speech: 'record-d2', zh: '我们要保护绿水青山，建设美丽中国。' }],
  };

  it('writes a new glossary with the speech and the appearance; it loads, and the concept has no English', () => {
    const [ins] = addConceptInsertions(undefined, concept);
    assert.ok(ins.text.endsWith(`speeches:
  - { id: "record-d2", short: { zh: "2017年报告" }, date: "2017", source: "https://example.org/2017" }
concepts:
  - id: "zh-meili-zhongguo"
    zh: ["美丽中国"]
    note: "Added from the record (a set phrase in 5 documents); English to be given."
    appearances:
      - { speech: "record-d2", zh: "我们要保护绿水青山，建设美丽中国。" }
`), ins.text);
    const loaded = loadGlossaryYaml(ins.text);
    assert.deepEqual(loaded.problems, []);
    const c = loaded.glossary.concepts[0];
    assert.deepEqual([c.zh, c.en, c.appearances, loaded.glossary.speeches.get('record-d2')?.date], [['美丽中国'], [], [{ speech: 'record-d2', zh: '我们要保护绿水青山，建设美丽中国。' }], '2017']);
  });

  it('appends to an existing CRLF glossary, keeping every byte, a speech already there not written twice', () => {
    const existing = '# ours\r\nversion: 1\r\nspeeches:\r\n  - { id: "record-d2", short: { zh: "2017年报告" } }\r\nconcepts:\r\n  - id: a\r\n    zh: [數字中國]\r\n';
    const after = applyInsertions(existing, addConceptInsertions(existing, concept));
    assert.equal(after, existing + '  - id: "zh-meili-zhongguo"\r\n    zh: ["美丽中国"]\r\n    note: "Added from the record (a set phrase in 5 documents); English to be given."\r\n    appearances:\r\n      - { speech: "record-d2", zh: "我们要保护绿水青山，建设美丽中国。" }\r\n');
    assert.equal(checkConceptAddition(existing, after, '美丽中国'), undefined);
    assert.deepEqual(loadGlossaryYaml(after).problems, []);
  });

  it('refuses a taken id and a flow list of concepts', () => {
    assert.throws(() => addConceptInsertions('version: 1\nconcepts:\n  - id: zh-meili-zhongguo\n    zh: [美丽中国]\n', concept), /already has a concept "zh-meili-zhongguo"/);
    assert.throws(() => addConceptInsertions('version: 1\nconcepts: [{ id: a, zh: [甲] }]\n', concept), /"concepts" is not a block list/);
  });
});

describe('the timeline as SVG', () => {
  it('a line per run of consecutive years, a point per year with its documents in the tooltip, text escaped', () => {
    const svg = timelineSvg([
      { zh: '新发展理念', points: [{ date: '2016', title: '2016年报告', count: 2 }, { date: '2021-03-05', title: '2021年<报告>', count: 3 }, { date: null, title: '无日期', count: 5 }] },
      { zh: '美丽中国', points: [{ date: '2016', title: '2016年报告', count: 0 }] },
    ]);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<circle /g) ?? []).length, 3);
    assert.ok(svg.includes('<title>新发展理念 2021: 3\n2021-03-05 2021年&lt;报告&gt;: 3</title>'), svg);
    assert.ok(svg.includes('<title>美丽中国 2016: 0</title>'), svg);
    // 2016 and 2021 are not consecutive: no line between them (the years between have no document).
    assert.equal((svg.match(/<polyline /g) ?? []).length, 0);
    const joined = timelineSvg([{ zh: '新发展理念', points: [{ date: '2016', title: 'a', count: 1 }, { date: '2017', title: 'b', count: 2 }, { date: '2019', title: 'c', count: 1 }, { date: '2021', title: 'd', count: 4 }, { date: '2022-03-05', title: 'e', count: 3 }] }]);
    assert.equal((joined.match(/<polyline /g) ?? []).length, 2); // 2016–2017 and 2021–2022; 2019 alone
    assert.equal((joined.match(/<circle /g) ?? []).length, 5);
    assert.ok(!svg.includes('无日期'), 'an undated document has no place on a time axis');
  });
});
