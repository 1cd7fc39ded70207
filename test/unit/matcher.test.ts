import assert from 'node:assert/strict';
import { TifaEngine } from '../../server/src/core/engine';
import { inflections } from '../../server/src/core/text/variants';
import { styledEngine, fixture, matches } from '../helpers';

describe('formulation matching (built-in glossary)', () => {
  it('finds a formulation wrapped across lines in a Markdown paragraph', () => {
    const text = '我们要加快建设网络\n强国，推动发展。';
    assert.deepEqual(matches(text), [['网络\n强国', 7, 12, 'cyber-superpower']]);
  });

  it('finds a formulation wrapped with CRLF and indentation', () => {
    assert.deepEqual(matches('建设网络\r\n   强国'), [['网络\r\n   强国', 2, 11, 'cyber-superpower']]);
  });

  it('never joins two paragraphs', () => {
    assert.deepEqual(matches('建设网络\n\n强国是目标'), []);
    assert.deepEqual(matches('A cyber\r\n\r\nsuperpower'), []);
  });

  it('finds traditional characters and the Taiwan form as the simplified concept', () => {
    assert.deepEqual(matches('建設網絡強國與網路強國'), [
      ['網絡強國', 2, 6, 'cyber-superpower'],
      ['網路強國', 7, 11, 'cyber-superpower'],
    ]);
    assert.deepEqual(matches('核心技術是國之重器'), [['核心技術是國之重器', 0, 9, 'core-technologies-are-important-instruments-of-the-state']]);
  });

  it('matches a full-width comma against the glossary half-width one, as one formulation', () => {
    const text = '他强调：没有网络安全就没有国家安全，没有信息化就没有现代化。';
    assert.deepEqual(matches(text), [['没有网络安全就没有国家安全，没有信息化就没有现代化', 4, 29, 'no-cybersecurity-no-national-security-2014']]);
  });

  it('reports UTF-16 ranges after surrogate pairs (supplementary characters and emoji)', () => {
    const text = '𠀀𠀁😀 网络强国';
    assert.equal(text.indexOf('网'), 7);
    assert.deepEqual(matches(text), [['网络强国', 7, 11, 'cyber-superpower']]);
  });

  it('counts a BOM as one unit and finds text right after it', () => {
    assert.deepEqual(matches('\uFEFF网络强国\r\n'), [['网络强国', 1, 5, 'cyber-superpower']]);
  });

  it('lets the longest formulation win and lists the shorter ones inside it', () => {
    const analysis = styledEngine().analyze('核心技术是国之重器');
    assert.equal(analysis.matches.length, 1);
    assert.deepEqual(analysis.matches[0].contains.map((c) => c.id), ['core-technology', 'important-instruments-of-the-state']);
    assert.deepEqual(matches('把我国建设成为网络强国'), [['把我国建设成为网络强国', 0, 11, 'build-china-into-cyber-superpower']]);
  });

  it('finds English renderings regardless of case, hyphens, line breaks and plurals', () => {
    const text = 'The Cyber-Superpower goal; cyber\nsuperpowers; Core Technologies.';
    assert.deepEqual(matches(text), [
      ['Cyber-Superpower', 4, 20, 'cyber-superpower'],
      ['cyber\nsuperpowers', 27, 44, 'cyber-superpower'],
      ['Core Technologies', 46, 63, 'core-technology'],
    ]);
  });

  it('stops a match before a possessive ending, straight or curly', () => {
    assert.deepEqual(matches("a cyber superpower's rise; China’s core technology’s reach"), [
      ['cyber superpower', 2, 18, 'cyber-superpower'],
      ['core technology', 35, 50, 'core-technology'],
    ]);
  });

  it('matches whole words only', () => {
    assert.deepEqual(matches('a score technology and hardcore technologies, cyber superpowerful'), []);
    assert.deepEqual(matches('self-reliance, selfreliance, self-reliances'), [
      ['self-reliance', 0, 13, 'self-reliance'],
      ['self-reliances', 29, 43, 'self-reliance'],
    ]);
  });

  it('finds deprecated renderings as the concept they render', () => {
    assert.deepEqual(matches('China wants to become a network power.'), [['network power', 24, 37, 'cyber-superpower']]);
    const m = styledEngine().analyze('a Cyberpower').matches[0];
    assert.equal(m.rendering?.status, 'deprecated');
    assert.equal(m.language, 'en');
  });

  it('finds nothing in unrelated text', () => {
    assert.deepEqual(matches('今天天气很好，我们去公园散步。The weather is fine today.'), []);
  });

  it('finds 网络空间命运共同体 at the exact place in the Wuzhen speech (BOM + CRLF)', () => {
    const text = fixture('wuzhen-2015-12-16-excerpt.txt');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(text.includes('\r\n'));
    const expected: number[] = [];
    for (let i = text.indexOf('网络空间命运共同体'); i >= 0; i = text.indexOf('网络空间命运共同体', i + 1)) expected.push(i);
    assert.equal(expected.length, 1);
    const found = styledEngine()
      .analyze(text)
      .matches.filter((m) => m.concept.id === 'community-of-shared-destiny-in-cyberspace')
      .map((m) => [m.start, m.end]);
    assert.deepEqual(found, expected.map((i) => [i, i + 9]));
  });

  it('builds an engine from an empty glossary that finds nothing', () => {
    const e = new TifaEngine({ speeches: new Map(), concepts: [] });
    assert.deepEqual(e.analyze('网络强国').matches, []);
  });
});

describe('English inflections (pluralize, on the head noun)', () => {
  it('inflects the head noun: the last word, or the last before a postmodifying preposition', () => {
    assert.deepEqual(inflections('core technology'), ['core technology', 'core technologies']);
    assert.deepEqual(inflections('core technologies'), ['core technologies', 'core technology']);
    assert.deepEqual(inflections('cyber superpower'), ['cyber superpower', 'cyber superpowers']);
    assert.deepEqual(inflections('four principles'), ['four principles', 'four principle']);
    assert.deepEqual(inflections('important instrument of the state'), ['important instrument of the state', 'important instruments of the state']);
    assert.deepEqual(inflections('two wheels of one engine'), ['two wheels of one engine', 'two wheel of one engine']);
    assert.deepEqual(inflections('civil military integration in the business'), ['civil military integration in the business', 'civil military integrations in the business']);
    assert.deepEqual(inflections('national ic fund'), ['national ic fund', 'national ic funds']);
  });

  it('knows irregular nouns the hand-written rules got wrong (crisis → crisi, child → childs)', () => {
    assert.deepEqual(inflections('financial crisis'), ['financial crisis', 'financial crises']);
    assert.deepEqual(inflections('financial crises'), ['financial crises', 'financial crisis']);
    assert.deepEqual(inflections('left-behind child'), ['left-behind child', 'left-behind children']);
    assert.deepEqual(inflections('Core Technology'), ['Core Technology', 'Core Technologies']);
    assert.deepEqual(inflections('CORE TECHNOLOGY'), ['CORE TECHNOLOGY', 'CORE TECHNOLOGIES']);
  });

  it('leaves alone what has no number: a participle, a numeral, Chinese', () => {
    assert.deepEqual(inflections('made in china 2025'), ['made in china 2025']);
    assert.deepEqual(inflections('the big four'), ['the big four']);
    assert.deepEqual(inflections('网络强国'), ['网络强国']);
  });
});
