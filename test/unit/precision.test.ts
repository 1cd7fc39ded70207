import assert from 'node:assert/strict';
import { findingLevel, preferredFixEdits, RULES } from '../../server/src/core';
import type { DocumentKind } from '../../server/src/core/engine';
import { styledEngine } from '../helpers';

/**
 * The classes of false findings seen on real text (issue 11), each as it must behave now. The
 * house style over the built-in glossary deprecates "network power" and "powerful network" for
 * 网络强国: ordinary English, which must not be taken for it outside a pair that has 网络强国.
 */
function findings(text: string, kind: DocumentKind = 'plaintext') {
  return styledEngine()
    .lint(text, { kind })
    .findings.map((f) => [f.code, findingLevel(f, RULES[f.code].defaultLevel), text.slice(f.start, f.end)]);
}

const unit = (zh: string, en: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>\n<trans-unit id="1"><source>${zh}</source><target>${en}</target></trans-unit>\n</body></file></xliff>\n`;

describe('precision: ordinary English is not a formulation on its own', () => {
  it('a bank’s “powerful network of branches”: a hint at most, no warning, no fix', () => {
    const text = 'The bank relies on its powerful network of branches across the province.';
    assert.deepEqual(findings(text), [['formulation', 'hint', 'powerful network']]);
    assert.deepEqual(preferredFixEdits(styledEngine().lint(text).findings), []);
  });

  it('“network power” in an engineering sentence, with CRLF and a BOM: a hint at most, no fix', () => {
    const text = '\uFEFFThe substation feeds network power to the grid.\r\nNothing else.\r\n';
    assert.deepEqual(findings(text), [['formulation', 'hint', 'network power']]);
    assert.deepEqual(preferredFixEdits(styledEngine().lint(text).findings), []);
  });

  it('“Xi’s most important speeches in this field” is not the formulation “important speeches” on its own', () => {
    const text = 'Here is a timeline of Xi’s most important speeches in this field:';
    assert.deepEqual(findings(text), [['formulation', 'hint', 'important speeches']]);
  });

  it('a distinctive deprecated rendering is still a warning outside pairs', () => {
    assert.deepEqual(findings('China wants to be a cyber power.'), [
      ['formulation', 'information', 'cyber power'],
      ['deprecated-rendering', 'warning', 'cyber power'],
    ]);
  });
});

describe('precision: in a pair, a rendering belongs to a concept only when the source has it', () => {
  it('“network power” in a pair whose source speaks of something else: no deprecated rendering', () => {
    const x = unit('电网向城市输送电力。', 'The grid delivers network power to the city.');
    assert.deepEqual(findings(x, 'xliff'), [['formulation', 'hint', 'network power']]);
  });

  it('the same words in a pair whose source has 网络强国 (traditional, full-width): a warning with its fix', () => {
    const x = unit('建設網絡強國。', 'Build a network power.');
    assert.deepEqual(findings(x, 'xliff'), [
      ['formulation', 'information', '網絡強國'],
      ['formulation', 'information', 'network power'],
      ['deprecated-rendering', 'warning', 'network power'],
    ]);
  });

  it('even a distinctive deprecated rendering is not judged against a source that lacks its concept', () => {
    const x = unit('我们发展数字经济。', 'We develop a cyber power economy.');
    assert.deepEqual(findings(x, 'xliff'), [['formulation', 'hint', 'cyber power']]);
  });
});

describe('precision: pairing by evidence', () => {
  it('two source formulations, one rendering inside the other’s: never “rendered here as” the wrong one', () => {
    // 网络强国建设 contains 网络强国; "cyber superpower" is explained by it, so it is not 自主创新's.
    const x = unit('以自主创新推动网络强国建设', 'Drive the building of a cyber superpower with homegrown innovation');
    const target = 'Drive the building of a cyber superpower with homegrown innovation';
    assert.deepEqual(findings(x, 'xliff').filter((f) => f[0] !== 'formulation'), [
      ['missing-rendering', 'information', target],
      ['missing-rendering', 'information', target],
    ]);
    assert.deepEqual(
      styledEngine().lint(x, { kind: 'xliff' }).findings.filter((f) => f.code === 'missing-rendering').map((f) => f.message),
      [
        'The source has 自主创新 but the translation has none of its renderings: expected “indigenous innovation” (DigiChina).',
        'The source has 网络强国建设 but the translation has none of its renderings: expected “construction of China as a cyber superpower” (DigiChina).',
      ],
    );
  });
});
