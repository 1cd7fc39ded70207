/**
 * The house-keeping issue, core side: the format registry, paragraph-local matches for hovers,
 * and the build-time tables giving the same results as the ones computed at run time.
 */
import assert from 'node:assert/strict';
import { exportGlossary, FORMAT_NAMES, glossaryFormat, loadGlossaryText, RULE_CODES, seedNormalizationTables } from '../../server/src/core';
import { normalizationTables, resetNormalizationTables } from '../../server/src/core/text/normalize';
import { decodeTables, encodeTables } from '../../server/src/tables';
import { styledEngine, builtinGlossary } from '../helpers';

describe('house: core', () => {
  it('one registry reads and writes every format, chosen by file name', () => {
    assert.deepEqual(FORMAT_NAMES, ['yaml', 'tbx', 'csv']);
    assert.deepEqual(['a.yaml', 'B.YML', 'g.tbx', 'g.xml', 't.csv', 't.tsv', 'x.md'].map(glossaryFormat), ['yaml', 'yaml', 'tbx', 'tbx', 'csv', 'csv', undefined]);
    for (const format of FORMAT_NAMES) {
      const { text } = exportGlossary(builtinGlossary(), format);
      const back = loadGlossaryText(text, `g.${format}`);
      assert.deepEqual(back.problems.filter((p) => p.severity === 'error'), [], format);
      assert.equal(back.glossary.concepts.length, builtinGlossary().concepts.length, format);
    }
  });

  it('the rule registry has every code a finding can carry, the glossary\'s included', () => {
    assert.deepEqual(RULE_CODES, ['formulation', 'deprecated-rendering', 'inconsistent-rendering', 'missing-rendering', 'variant-rendering', 'number-mismatch', 'candidate-formulation', 'memory-inconsistent', 'glossary', 'document-notice']);
  });

  it('matchesAround gives the matches of the paragraph around an offset, as a full lint does', () => {
    const e = styledEngine();
    const paragraph = '我们要建设网络强国，\r\n推进核心技术自主创新。A network power (网络强国) matters.';
    const text = ['第一段：网络安全和信息化。', '```\n网络强国\n```', paragraph, '最后：数字中国。'].join('\n\n');
    const full = e.lint(text, { kind: 'markdown' }).matches;
    const start = text.indexOf(paragraph);
    const around = e.matchesAround(text, 'markdown', start + 8)!;
    const inParagraph = full.filter((m) => m.start >= start && m.end <= start + paragraph.length);
    assert.deepEqual(around.map((m) => [m.start, m.end, m.concept.id]), inParagraph.map((m) => [m.start, m.end, m.concept.id]));
    assert.equal(around.length, 5);
    // Code in the paragraph being hovered is masked, as in the full analysis.
    const codeAt = text.indexOf('网络强国\n```');
    assert.deepEqual(e.matchesAround(text, 'markdown', codeAt)!.filter((m) => m.start === codeAt), []);
    assert.equal(e.matchesAround('<xliff/>', 'xliff', 0), undefined);
  });

  it('the folding tables computed at build time are the ones computed at run time', () => {
    const computed = normalizationTables();
    const fold = Uint16Array.from(computed.fold);
    const flags = Uint8Array.from(computed.flags);
    // Through base64 and JSON, as the bundles carry them.
    const seed = decodeTables(JSON.parse(JSON.stringify(encodeTables(computed))) as ReturnType<typeof encodeTables>);
    try {
      seedNormalizationTables(seed);
      const seeded = normalizationTables();
      assert.notEqual(seeded.fold, computed.fold);
      assert.deepEqual([...seeded.fold], [...fold]);
      assert.deepEqual([...seeded.flags], [...flags]);
      assert.deepEqual(['國', '網', 'Ａ', 'A', '’', '”'].map((c) => String.fromCharCode(seeded.fold[c.charCodeAt(0)])), ['国', '网', 'a', 'a', "'", '"']);
    } finally {
      resetNormalizationTables();
    }
  });
});
