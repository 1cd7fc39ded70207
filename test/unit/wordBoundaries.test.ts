import assert from 'node:assert/strict';
import { loadGlossaryYaml, mergeGlossaries, TifaEngine } from '../../server/src/core';
import { cutsAWord } from '../../server/src/core/text/wordBoundaries';
import { builtinGlossary, matches } from '../helpers';

// Formulations the built-in glossary lacks (the record brings them), as a user's glossary would give them.
const engine = new TifaEngine(mergeGlossaries([builtinGlossary(), loadGlossaryYaml(`version: 1
concepts:
  - id: new-development-philosophy
    zh: [新发展理念]
    en: [{ text: new development philosophy, status: preferred }]
  - id: serve-the-people
    zh: [为人民服务]
    en: [{ text: serve the people, status: preferred }]
`).glossary]));

describe('Chinese word boundaries (ICU, around matches only)', () => {
  it('does not find 新发展理念 inside 更新发展理念 or 创新发展理念', () => {
    assert.deepEqual(matches('更新发展理念', engine), []);
    assert.deepEqual(matches('树立创新发展理念，贯彻新发展理念。', engine), [['新发展理念', 11, 16, 'new-development-philosophy']]);
  });

  it('a numeral touching a numeral is one number: 九五 is not in 一九五二年 nor 十五 in 二十五', () => {
    const plans = new TifaEngine(loadGlossaryYaml('version: 1\nconcepts:\n  - id: ninth-plan\n    zh: [九五]\n  - id: tenth-plan\n    zh: [十五]\n').glossary);
    assert.deepEqual(matches('一九五二年，二十五个项目；“九五”计划与十五计划。', plans), [['九五', 14, 16, 'ninth-plan'], ['十五', 20, 22, 'tenth-plan']]);
    assert.equal(cutsAWord('一九五二年', 1, 3), true);
    assert.equal(cutsAWord('一九五二年', 0, 2), true);
  });

  it('finds it in traditional characters and after full-width punctuation, and not inside 創新', () => {
    assert.deepEqual(matches('「新發展理念」與創新發展理念', engine), [['新發展理念', 1, 6, 'new-development-philosophy']]);
  });

  it('keeps a formulation after a one-character preposition that ICU glues to it (以为人民服务为核心)', () => {
    // ICU reads 以为 ("think") | 人民; the sentence says 以 | 为人民服务.
    assert.equal(cutsAWord('以为人民服务为核心', 1, 6), false);
    assert.deepEqual(matches('开展以为人民服务为核心的教育', engine), [['为人民服务', 3, 8, 'serve-the-people']]);
  });

  it('finds 核心技术 in 非核心技术: a negated formulation is still the formulation (decided, see wordBoundaries.ts)', () => {
    assert.deepEqual(matches('非核心技术'), [['核心技术', 1, 5, 'core-technology']]);
  });

  it('keeps UTF-16 offsets after a supplementary character (surrogate pair)', () => {
    assert.equal(cutsAWord('𠀀创新发展理念', 3, 8), true);
    assert.deepEqual(matches('𠀀建设网络强国。', engine), [['网络强国', 4, 8, 'cyber-superpower']]);
  });

  it('asks nothing when the match touches no Han character', () => {
    assert.equal(cutsAWord('“新发展理念”', 1, 6), false);
    assert.equal(cutsAWord('新发展理念', 0, 5), false);
  });
});
