import assert from 'node:assert/strict';
import { findingLevel, loadGlossaryYaml, mergeGlossaries, preferredFixEdits, RULES, TifaEngine } from '../../server/src/core';
import type { DocumentKind } from '../../server/src/core/engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinGlossary, ROOT, styledEngine } from '../helpers';

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
  it('“network power” in a pair whose source speaks of something else: nothing at all (the source says it is not 网络强国)', () => {
    const x = unit('电网向城市输送电力。', 'The grid delivers network power to the city.');
    assert.deepEqual(findings(x, 'xliff'), []);
    // The match stays for the hover; only the finding is not given.
    assert.deepEqual(styledEngine().lint(x, { kind: 'xliff' }).matches.map((m) => m.concept.id), ['cyber-superpower']);
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
    assert.deepEqual(findings(x, 'xliff'), []);
  });

  it('a concept with no Chinese form cannot be looked for in the source: ordinary English stays a hint', () => {
    const x = unit('副理事长出席活动并作重要讲话。', 'The vice chairman made an important speech.');
    assert.deepEqual(findings(x, 'xliff'), [['formulation', 'hint', 'important speech']]);
  });
});

describe('precision: pairing by evidence', () => {
  it('two source formulations, one rendering inside the other’s: never “rendered here as” the wrong one', () => {
    // 网络强国建设 contains 网络强国; "cyber superpower" is explained by it, so it is not 自主创新's.
    const x = unit('以自主创新推动网络强国建设', 'Drive the building of a cyber superpower with homegrown innovation');
    const target = 'Drive the building of a cyber superpower with homegrown innovation';
    // 网络强国建设 is rendered in part ("cyber superpower"): the translator's own way, not a missing rendering.
    assert.deepEqual(findings(x, 'xliff').filter((f) => f[0] !== 'formulation'), [['missing-rendering', 'information', target]]);
    assert.deepEqual(
      styledEngine().lint(x, { kind: 'xliff' }).findings.filter((f) => f.code === 'missing-rendering').map((f) => f.message),
      ['The source has 自主创新 but the translation has none of its renderings: expected “indigenous innovation” (DigiChina).'],
    );
  });
});

describe('precision: close variants are variants, not missing renderings', () => {
  it('other articles and prepositions: variant-rendering (information) with a fix to the exact form', () => {
    const en = 'We will build a community with a shared destiny in cyberspace.';
    const x = unit('共建网络空间命运共同体。', en);
    const f = styledEngine().lint(x, { kind: 'xliff' }).findings.filter((g) => g.code !== 'formulation');
    const start = x.indexOf('community with');
    assert.deepEqual(f.map((g) => [g.code, g.start, g.end, g.message]), [
      ['variant-rendering', start, start + 'community with a shared destiny in cyberspace'.length, '“community with a shared destiny in cyberspace” is a variant of “community of shared destiny in cyberspace”, the glossary rendering of 网络空间命运共同体 (DigiChina).'],
    ]);
    assert.deepEqual(preferredFixEdits(f), [{ start, end: start + 45, text: 'community of shared destiny in cyberspace' }]);
    assert.equal(RULES['variant-rendering'].defaultLevel, 'information');
  });

  it('a compound reordered (“domain of cybersecurity and informatization”), in a TMX unit with CRLF', () => {
    const tmx = '<?xml version="1.0"?>\r\n<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>网信领域的工作</seg></tuv><tuv xml:lang="en"><seg>Work in the domain of cybersecurity and informatization</seg></tuv></tu></body></tmx>\r\n';
    const f = styledEngine().lint(tmx, { kind: 'tmx' }).findings.filter((g) => g.code !== 'formulation');
    const start = tmx.indexOf('domain of');
    assert.deepEqual(f.map((g) => [g.code, g.start, g.end]), [['variant-rendering', start, start + 'domain of cybersecurity and informatization'.length]]);
    assert.deepEqual(preferredFixEdits(f).map((e) => e.text), ['cybersecurity and informatization domain']);
  });

  it('a sentence-initial variant keeps its capital in the fix; another word in the middle is no variant', () => {
    const x = unit('网络空间命运共同体', 'Community with a shared destiny in cyberspace');
    assert.deepEqual(preferredFixEdits(styledEngine().lint(x, { kind: 'xliff' }).findings).map((e) => e.text), ['Community of shared destiny in cyberspace']);
    const y = unit('网络空间命运共同体', 'a community whose shared destiny lies in cyberspace');
    // No variant. "cyberspace" (网络空间, a part of the formulation) is rendered, so the parts are
    // judged: 命运共同体 has no rendering there.
    assert.deepEqual(styledEngine().lint(y, { kind: 'xliff' }).findings.filter((g) => g.code !== 'formulation').map((g) => g.message), [
      'The source has 命运共同体 (in 网络空间命运共同体) but the translation has none of its renderings: expected “community of shared destiny” (DigiChina).',
    ]);
    const z = unit('网络空间命运共同体', 'a community whose shared destiny lies in the online world');
    assert.deepEqual(styledEngine().lint(z, { kind: 'xliff' }).findings.filter((g) => g.code !== 'formulation').map((g) => g.code), ['missing-rendering']);
  });
});

describe('precision: numbered formulations carry their numbers', () => {
  const numbered = new TifaEngine(mergeGlossaries([builtinGlossary(), loadGlossaryYaml(`version: 1
concepts:
  - id: four-comprehensives
    zh: [四个全面]
    en: [{ text: Four Comprehensives, status: preferred, source: test }]
  - id: four-confidences
    zh: [四个自信]
    en: [{ text: four confidences, status: preferred, source: test }]
  - id: two-upholds
    zh: [两个维护]
    en: [{ text: two upholds, status: preferred, source: test }]
`).glossary]));
  const numberFindings = (x: string) => numbered.lint(x, { kind: 'xliff' }).findings.filter((g) => g.code !== 'formulation').map((g) => [g.code, x.slice(g.start, g.end), g.message]);

  it('四个全面 as “three comprehensives”: number-mismatch (warning) with a fix', () => {
    const x = unit('协调推进“四个全面”战略布局', 'advance the “three comprehensives” in a coordinated way');
    assert.deepEqual(numberFindings(x), [
      ['number-mismatch', 'three comprehensives', 'The source has 四个全面, rendered “Four Comprehensives”, but the translation says “three comprehensives”: 3 where the rendering has 4.'],
    ]);
    assert.equal(RULES['number-mismatch'].defaultLevel, 'warning');
    assert.deepEqual(preferredFixEdits(numbered.lint(x, { kind: 'xliff' }).findings).map((e) => e.text), ['Four Comprehensives']);
  });

  it('two counts swapped: both reported', () => {
    const x = unit('增强四个自信，做到两个维护', 'strengthen the two confidences and achieve the four upholds');
    assert.deepEqual(numberFindings(x).map((f) => [f[0], f[1]]), [
      ['number-mismatch', 'two confidences'],
      ['number-mismatch', 'four upholds'],
    ]);
  });

  it('两弹一星 (built-in) as “two bombs and two satellites”; the right numbers in digits are a variant, not a mismatch', () => {
    assert.deepEqual(numberFindings(unit('两弹一星', 'two bombs and two satellites')).map((f) => [f[0], f[1]]), [['number-mismatch', 'two bombs and two satellites']]);
    assert.deepEqual(numberFindings(unit('四个全面', 'the 4 comprehensives')).map((f) => [f[0], f[1]]), [['variant-rendering', '4 comprehensives']]);
  });

  it('numbers elsewhere in the sentence are not the formulation’s', () => {
    const x = unit('2015年提出四个全面', 'In 2015 three of them proposed the Four Comprehensives');
    assert.deepEqual(numberFindings(x), []);
  });
});

describe('precision: the article Tifa’s glossary comes from is not contradicted', () => {
  it('the whole article (English with Chinese originals in brackets): formulations only, no warning, no missing rendering', () => {
    const article = readFileSync(join(ROOT, 'test', 'fixtures', 'digichina-2018-05-01-article.txt'), 'utf8');
    const codes = new Set(styledEngine().lint(article).findings.map((f) => f.code));
    assert.deepEqual([...codes], ['formulation']);
  });

  it('a longer formulation translated in parts: “Core technologies” as “important instruments of the state” (核心技术是国之重器)', () => {
    const text = '• “Core technologies” as “important instruments of the state” (核心技术是国之重器).';
    assert.deepEqual(findings(text).filter((f) => f[0] !== 'formulation'), []);
  });

  it('a one-word rendering written as two (“cyber security” for 网络安全) is a variant, not missing', () => {
    const x = unit('比如网络安全公司', 'such as cyber security company Ping Identity');
    assert.deepEqual(findings(x, 'xliff').filter((f) => f[0] !== 'formulation'), [['variant-rendering', 'information', 'cyber security']]);
    assert.deepEqual(preferredFixEdits(styledEngine().lint(x, { kind: 'xliff' }).findings).map((e) => [x.slice(e.start, e.end), e.text]), [['cyber security', 'cybersecurity']]);
  });
});

describe('issue 11’s classes, each with exact ranges and codes', () => {
  const exact = (text: string, kind: DocumentKind = 'plaintext') =>
    styledEngine().lint(text, { kind }).findings.map((f) => [f.code, findingLevel(f, RULES[f.code].defaultLevel), f.start, f.end]);

  it('ordinary English outside a pair: a hint over the phrase only', () => {
    // "powerful network" at 23–39 (after a BOM at 0).
    assert.deepEqual(exact('\uFEFFThe bank relies on its powerful network of branches.'), [['formulation', 'hint', 24, 40]]);
  });

  it('attribution without the source: nothing', () => {
    assert.deepEqual(exact(unit('电网向城市输送电力。', 'The grid delivers network power.'), 'xliff'), []);
  });

  it('wrong pairing: the one unrendered source formulation is missing, over the whole target', () => {
    const x = unit('以自主创新推动网络强国建设', 'Drive the building of a cyber superpower with homegrown innovation');
    const t = x.indexOf('Drive');
    const c = x.indexOf('cyber superpower');
    assert.deepEqual(exact(x, 'xliff'), [
      ['formulation', 'information', x.indexOf('自主创新'), x.indexOf('自主创新') + 4],
      ['formulation', 'information', x.indexOf('网络强国建设'), x.indexOf('网络强国建设') + 6],
      ['missing-rendering', 'information', t, t + 66],
      ['formulation', 'information', c, c + 16],
    ]);
  });

  it('variants: articles and prepositions, and a compound reordered', () => {
    const x = unit('共建网络空间命运共同体', 'build a community with a shared destiny in cyberspace');
    const v = x.indexOf('community with');
    assert.deepEqual(exact(x, 'xliff').filter((f) => f[0] !== 'formulation'), [['variant-rendering', 'information', v, v + 45]]);
    const y = unit('网信领域', 'the domain of cybersecurity and informatization');
    const w = y.indexOf('domain');
    assert.deepEqual(exact(y, 'xliff').filter((f) => f[0] !== 'formulation'), [['variant-rendering', 'information', w, w + 43]]);
  });

  it('numbers: 两弹一星 with another count', () => {
    const x = unit('两弹一星', 'three bombs, one satellite');
    const n = x.indexOf('three');
    assert.deepEqual(exact(x, 'xliff').filter((f) => f[0] !== 'formulation'), [['number-mismatch', 'warning', n, n + 26]]);
  });

  it('self-contradiction: the article’s enumeration of categories', () => {
    assert.deepEqual(exact('The first is basic technology, commonly used technology.').map((f) => f[0]), ['formulation', 'formulation']);
  });
});
