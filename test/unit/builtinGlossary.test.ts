import assert from 'node:assert/strict';
import { builtinEngine, builtinGlossary, fixture } from '../helpers';

/** Case, quotes and spacing aside, so that “Core technology” and 'core technology' compare equal. */
const flat = (s: string) => s.toLowerCase().replace(/['"‘’“”]/g, '').replace(/\s+/g, ' ').trim();
const article = fixture('digichina-2018-05-01-article.txt');
const flatArticle = flat(article);
// The article writes the 2014 and 2018 formulations with a half-width comma and no space.
const inArticle = (s: string) => article.includes(s) || flatArticle.includes(flat(s));

describe('built-in glossary: every fact traceable to the source article', () => {
  const g = builtinGlossary();

  it('has the concepts the article names', () => {
    const zh = g.concepts.flatMap((c) => c.zh);
    for (const form of ['网络强国', '网络安全', '信息化', '网络空间', '命运共同体', '军民融合', '网信领域', '网络安全观', '网络强国建设', '互联网企业', '没有网络安全就没有国家安全', '自主创新', '核心技术', '网络空间命运共同体', '互联网企业的国家责任', '网络综合治理能力', '核心技术是国之重器', '国之重器', '加强网信领域军民融合', '自主创新推进网络强国建设', '正确的网络安全观', '两弹一星', '把我国建设成为网络强国']) {
      assert.ok(zh.includes(form), form);
    }
    // Every parenthesised Chinese original in the article is a concept's form.
    const originals = [...article.matchAll(/[（(]([\u4e00-\u9fff][^）)]*)[）)]/g)].map((m) => m[1]);
    assert.ok(originals.length >= 15);
    for (const o of originals) assert.ok(zh.includes(o), `the article's ${o} is in the glossary`);
  });

  it('takes every Chinese form from the article', () => {
    for (const c of g.concepts) for (const form of c.zh) assert.ok(article.includes(form), `${c.id}: ${form}`);
  });

  it('takes every rendering from the article, and names it as the source of each rendering and status', () => {
    assert.deepEqual(g.sources?.map((x) => [x.id, x.publisher, x.date]), [['the-article', 'DigiChina', '2018-05-01']]);
    assert.ok(inArticle(g.sources![0].title!), "the title is the article's");
    for (const c of g.concepts) {
      for (const r of c.en) {
        assert.ok(inArticle(r.text), `${c.id}: "${r.text}"`);
        assert.equal(r.source, 'the-article', `${c.id}: "${r.text}" names its source`);
        assert.equal(r.authority, 'DigiChina', `${c.id}: "${r.text}"`);
        // The article uses renderings; it deprecates none.
        assert.ok(r.status === 'preferred' || r.status === 'admitted', `${c.id}: "${r.text}" is ${r.status}`);
      }
      assert.equal(c.en.filter((r) => r.status === 'preferred').length, 1, `${c.id} has one preferred rendering`);
    }
  });

  it('gives each Chinese form that is part of an original the English the article gives that part', () => {
    const originals = [...article.matchAll(/[（(]([\u4e00-\u9fff][^）)]*)[）)]/g)].map((m) => m[1]);
    const parts = g.concepts.filter((c) => c.zh.length && !c.zh.every((f) => originals.includes(f)));
    assert.deepEqual(parts.map((c) => c.zh[0]).sort(), ['互联网企业', '信息化', '军民融合', '命运共同体', '没有网络安全就没有国家安全', '网信领域', '网络强国建设', '网络安全', '网络安全观', '网络空间'].sort());
    for (const c of parts) {
      // An appearance quotes an original that contains the part, in an English that contains its rendering.
      const evidence = c.appearances.filter((a) => a.zh && a.en && originals.includes(a.zh) && a.zh.includes(c.zh[0]) && flat(a.en).includes(flat(c.en[0].text)));
      assert.ok(evidence.length > 0, `${c.zh[0]} — ${c.en[0].text}: the article's original and its English`);
    }
  });

  it('keeps the three categories of core technology apart: six concepts, none a synonym of another', () => {
    const names = ['basic technology', 'commonly used technology', 'asymmetric technology', 'trump card technology', 'advanced technology', 'disruptive technology'];
    for (const name of names) {
      const owners = g.concepts.filter((c) => c.en.some((r) => r.text === name));
      assert.equal(owners.length, 1, name);
      assert.deepEqual(owners[0].en.map((r) => r.text), [name]);
    }
  });

  it('takes every quote from the article', () => {
    for (const c of g.concepts) {
      for (const a of c.appearances) {
        if (a.zh) assert.ok(article.includes(a.zh), `${c.id}: ${a.zh}`);
        if (a.en) assert.ok(inArticle(a.en), `${c.id}: "${a.en}"`);
        assert.ok(g.speeches.has(a.speech));
      }
    }
  });

  it('dates each speech only as precisely as the article does', () => {
    // speech id → [date, the words of the article that give it]
    const evidence: Record<string, [string | undefined, string]> = {
      'leading-group-2014': ['2014-02', 'February 2014 - Announcing the new Central Leading Group'],
      'wuzhen-2015': ['2015-12', 'December 2015 - Speech at the Second World Internet Conference in Wuzhen'],
      'speech-419': ['2016-04-19', 'two years and a day after a 2016 speech'],
      'wang-huning-wuzhen-2017': ['2017-12', 'December 2017 Wuzhen World Internet Conference'],
      'speech-420': ['2018-04-20', 'taking place on April 20'],
      'digital-china-summit-letter': [undefined, 'Xi sent a letter to a Digital China Summit'],
      'hubei-tour': [undefined, 'When Xi visited Hubei Province after the 4.20 speech'],
    };
    assert.deepEqual([...g.speeches.keys()].sort(), Object.keys(evidence).sort());
    for (const [id, [date, words]] of Object.entries(evidence)) {
      assert.equal(g.speeches.get(id)?.date, date, id);
      assert.ok(inArticle(words), `${id}: "${words}"`);
    }
    assert.ok(inArticle('April 2018 - ‘4.20’ Speech'));
    assert.ok(inArticle('April 2016 - ‘4.19’ Speech'));
  });

  it('gives pinyin for every Chinese form, one syllable per character', () => {
    for (const c of g.concepts) {
      if (!c.zh.length) {
        assert.equal(c.pinyin, undefined, c.id);
        continue;
      }
      assert.ok(c.pinyin, c.id);
      const hanzi = [...c.zh[0]].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
      const syllables = c.pinyin.normalize('NFD').toLowerCase().match(/(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü]\p{M}*[aeiouü\p{M}]*(?:ng|n(?![aeiouü])|r(?![aeiouü]))?/gu) ?? [];
      assert.equal(syllables.length, hanzi, `${c.id}: ${c.pinyin}`);
    }
    // GB/T 16159-2012: citation tones, not the tone sandhi of speech (一 is yī, 不 is bù).
    assert.equal(g.concepts.find((c) => c.id === 'two-bombs-one-satellite')?.pinyin, 'liǎng dàn yī xīng');
    assert.match(g.concepts.find((c) => c.id === 'two-wings-two-wheels')!.pinyin!, /shì yītǐ zhī/);
    const syllable = /(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü]\p{M}*[aeiouü\p{M}]*(?:ng|n(?![aeiouü])|r(?![aeiouü]))?/gu;
    for (const c of g.concepts) {
      if (!c.pinyin) continue;
      const hanzi = [...c.zh[0]].filter((ch) => /\p{Script=Han}/u.test(ch));
      const syllables = c.pinyin.normalize('NFD').toLowerCase().match(syllable) ?? [];
      hanzi.forEach((h, i) => {
        if (h === '一') assert.equal(syllables[i].normalize('NFC'), 'yī', `${c.id}: 一 is ${syllables[i].normalize('NFC')}`);
        if (h === '不') assert.equal(syllables[i].normalize('NFC'), 'bù', `${c.id}: 不 is ${syllables[i].normalize('NFC')}`);
      });
    }
  });

  it('shows the rendering and provenance in the hover of every concept', () => {
    const e = builtinEngine();
    for (const c of g.concepts) {
      const card = e.hover({ concept: c, contains: [] });
      assert.ok(card.includes('Preferred 首选: **'), c.id);
      // Where the rendering comes from, on the preferred rendering's line.
      assert.match(card, /Preferred 首选: \*\*[^\n]+\*\* \(DigiChina; source 来源: DigiChina, “Xi Jinping Puts 'Indigenous Innovation' and 'Core Technologies' at the Center of Development Priorities”, 2018-05-01\)/, c.id);
      for (const a of c.appearances) {
        const short = g.speeches.get(a.speech)!.short.en!;
        assert.ok(card.includes(`**${short.replace(/[\\`*_[\]<>!|~&#@$]/g, (x) => '\\' + x)}**`), `${c.id}: ${short}`);
      }
      if (c.appearances.length) assert.ok(card.includes('**Provenance 出处**'), c.id);
      if (c.note) assert.ok(card.includes('Note 说明: '), c.id);
    }
  });
});
