import { strict as assert } from 'node:assert';
import { buildMemorySteps, type MemoryFile, memoryFindings, memorySection, memoryUnits, parallelUnits, type TifaEngine, type TranslationMemory } from '../../server/src/core';
import { builtinEngine, fixture } from '../helpers';

function build(files: MemoryFile[], engine: TifaEngine): TranslationMemory {
  const steps = buildMemorySteps(files, engine);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

describe('translation memories', () => {
  const engine = builtinEngine();
  const tmx = fixture('memory/team.tmx');

  it('reads TMX units (BOM, CRLF, traditional characters, a surrogate pair) with the target ranges in the file', () => {
    const units = memoryUnits(tmx, 'tmx');
    assert.equal(units.length, 11);
    assert.equal(units[1].zh, '加快建设網絡強國，𠮷祥如意。');
    assert.equal(units[1].en, 'Speed up building a cyber superpower, with good fortune.');
    assert.equal(tmx.slice(...units[1].target), 'Speed up building a cyber superpower, with good fortune.');
    assert.equal(tmx.slice(...units[1].source), '加快建设網絡強國，𠮷祥如意。');
  });

  it('reads two-column CSV and TSV in either order, skipping the header and rows without both languages', () => {
    const csv = fixture('memory/pairs.csv');
    const units = memoryUnits(csv, 'csv');
    assert.deepEqual(units.map((u) => [u.zh, u.en]), [['网络强国，我们的目标', 'A cyber superpower, our goal'], ['核心技术', 'core technologies']]);
    assert.equal(csv.slice(...units[0].target), '"A cyber superpower, our goal"');
    assert.deepEqual(memoryUnits(fixture('memory/pairs.tsv'), 'tsv').map((u) => [u.zh, u.en]), [['自主创新很重要', 'independent innovation matters']]);
  });

  it('pairs parallel files paragraph by paragraph, and not at all when the counts differ', () => {
    const units = parallelUnits('网络强国。\r\n\r\n自主创新。', false, 'A cyber superpower.\r\n\r\nIndigenous innovation.', false)!;
    assert.deepEqual(units.map((u) => [u.zh, u.en, u.target]), [['网络强国。', 'A cyber superpower.', [0, 19]], ['自主创新。', 'Indigenous innovation.', [23, 45]]]);
    assert.equal(parallelUnits('一。\n\n二。', false, 'One.', false), undefined);
  });

  it('counts glossary renderings exactly (inflected too) and mines the others, with their units', () => {
    const memory = build([{ name: 'team.tmx', units: memoryUnits(tmx, 'tmx') }], engine);
    const power = memory.entry('wangluo-qiangguo') ?? [...memory.entries.values()].find((e) => e.zh === '网络强国')!;
    assert.equal(power.units.length, 7);
    assert.deepEqual(power.renderings.map((r) => [r.en, r.count, r.units, r.kind, r.status ?? r.confidence]), [
      ['cyber superpower', 5, [0, 1, 2, 3, 4], 'glossary', 'preferred'],
      ['cyber power', 2, [5, 6], 'mined', 1],
    ]);
    const innovation = [...memory.entries.values()].find((e) => e.zh === '自主创新')!;
    assert.deepEqual(innovation.renderings.map((r) => [r.en, r.count, r.kind]), [['indigenous innovation', 2, 'glossary'], ['independent innovation', 2, 'mined']]);
  });

  it('says nothing mined from a single unit', () => {
    const memory = build([{ name: 'one.csv', units: [{ zh: '自主创新能力', en: 'home-grown innovation capacity', target: [0, 30], source: [0, 6] }] }], engine);
    assert.deepEqual([...memory.entries.values()].map((e) => [e.zh, e.units.length, e.renderings.length]), [['自主创新', 1, 0]]);
  });

  it('flags a target that departs from the clear majority, with its exact range, the majority\'s units and a fix', () => {
    const memory = build([{ name: '/ws/team.tmx', units: memoryUnits(tmx, 'tmx') }], engine);
    const draft = fixture('memory/draft.zh-en.xlf');
    const findings = memoryFindings(draft, memoryUnits(draft, 'xliff', true), memory, engine);
    assert.equal(findings.length, 2);
    const [first, second] = findings;
    assert.equal(draft.slice(first.start, first.end), 'cyber power');
    assert.equal(first.code, 'memory-inconsistent');
    assert.equal(first.message, '网络强国 is rendered “cyber power” here, but your translations render it “cyber superpower” in 5 of 7 units. 与译文记忆的多数译法不一致。');
    assert.deepEqual(first.data, { rule: 'memory-inconsistent', conceptId: (first.data as { conceptId: string }).conceptId, original: 'cyber power', replacements: [{ text: 'cyber superpower', status: 'observed', authority: 'translation memory' }] });
    const units = memoryUnits(tmx, 'tmx');
    assert.deepEqual(first.related?.map(({ l10n: _l10n, ...r }) => r), [0, 1, 2].map((i) => ({ file: '/ws/team.tmx', start: units[i].target[0], end: units[i].target[1], message: '“cyber superpower” here' })));
    // A tag inside the span: said, but never rewritten.
    assert.equal(draft.slice(second.start, second.end), 'cyber</g> power');
    assert.match(second.message, /^网络强国 is rendered “cyber power” here/);
    assert.deepEqual((second.data as { replacements: unknown[] }).replacements, []);
  });

  it('stays silent without a clear majority (the draft itself counting as memory makes it 5 to 4)', () => {
    const draft = fixture('memory/draft.zh-en.xlf');
    const memory = build([{ name: 'team.tmx', units: memoryUnits(tmx, 'tmx') }, { name: 'draft.xlf', units: memoryUnits(draft, 'xliff') }], engine);
    assert.deepEqual(memoryFindings(draft, memoryUnits(draft, 'xliff', true), memory, engine), []);
  });

  it('renders the hover section most frequent first, observed renderings marked as such', () => {
    const memory = build([{ name: 'team.tmx', units: memoryUnits(tmx, 'tmx') }], engine);
    const entry = [...memory.entries.values()].find((e) => e.zh === '网络强国')!;
    assert.equal(memorySection(entry, (u) => ({ href: `file:///ws/team.tmx#L${u + 1}`, label: `team.tmx:${u + 1}` })), [
      '**In your translations 译文** · 7 units',
      '',
      '- **cyber superpower** ×5 (glossary, preferred) · [team.tmx:1](file:///ws/team.tmx#L1)',
      '- **cyber power** ×2 (observed, not in the glossary; confidence 1.00) · [team.tmx:6](file:///ws/team.tmx#L6)',
    ].join('\n'));
  });
});
