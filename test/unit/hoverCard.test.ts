import assert from 'node:assert/strict';
import { TifaEngine } from '../../server/src/core/engine';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { escapeMarkdown } from '../../server/src/core/render/escape';
import { builtinEngine, styledEngine } from '../helpers';

describe('hover card', () => {
  it('shows Chinese, pinyin, renderings by status, the timeline, the note', () => {
    const e = styledEngine();
    const match = e.analyze('网络强国').matches[0];
    assert.equal(
      e.hover(match),
      [
        '**网络强国** · *wǎngluò qiángguó*',
        "Preferred 首选: **cyber superpower** (DigiChina; source 来源: DigiChina, “Xi Jinping Puts 'Indigenous Innovation' and 'Core Technologies' at the Center of Development Priorities”, 2018-05-01)",
        "Admitted 可用: cyber great power (source 来源: “House style of the test suite's imaginary translation team”)",
        "Deprecated 不推荐: ~~cyber power~~, ~~cyberpower~~, ~~network power~~, ~~internet power~~, ~~strong cyber country~~, ~~powerful network~~ (source 来源: “House style of the test suite's imaginary translation team”)",
        [
          '**Provenance 出处**',
          '',
          '- **Leading Group announcement** · 2014-02 · Announcing the new Central Leading Group on Cybersecurity and Informatization · Xi Jinping',
          '  - 「把我国建设成为网络强国」',
          '  - “building China into a cyber superpower”',
          '- **4.20 speech** · 2018-04-20 · Speech at the second Cybersecurity and Informatization Work Conference · Xi Jinping',
          '  - 「自主创新推进网络强国建设」',
          '  - “Move forward the construction of China as a cyber superpower through indigenous innovation”',
        ].join('\n'),
        'Note 说明: In the 4.20 speech Xi repeated the goal of building China into a cyber superpower and tied it explicitly to indigenous innovation. Domestically produced core technologies have been presented as crucial to constructing a cyber superpower since the 4.19 speech.',
      ].join('\n\n'),
    );
  });

  it('groups renderings by authority', () => {
    const { glossary } = loadGlossaryYaml(`version: 1
concepts:
  - id: x
    zh: [网络强国]
    en:
      - { text: cyber superpower, status: preferred, authority: DigiChina }
      - { text: cyber great power, status: admitted, authority: Team A }
      - { text: cyber powerhouse, status: admitted, authority: Team A }
      - { text: network superpower, status: admitted }
      - { text: cyber power, status: superseded, authority: Team A }
`);
    const card = new TifaEngine(glossary).hover({ concept: glossary.concepts[0], contains: [] });
    assert.equal(
      card,
      '**网络强国**\n\nPreferred 首选: **cyber superpower** (DigiChina)\n\nAdmitted 可用: cyber great power, cyber powerhouse (Team A); network superpower\n\nDeprecated 不推荐: ~~cyber power~~ (superseded 已废止) (Team A)',
    );
  });

  it('says which non-preferred rendering the text used', () => {
    const e = styledEngine();
    const card = e.hover(e.analyze('network power').matches[0]);
    assert.ok(card.includes('This text uses **network power** (deprecated).'));
  });

  it('lists the shorter formulations inside a longer one', () => {
    const e = styledEngine();
    const card = e.hover(e.analyze('核心技术是国之重器').matches[0]);
    assert.ok(card.endsWith('Contains 包含: 核心技术 — core technology; 国之重器 — important instruments of the state'));
  });

  it('keeps hostile glossary text inert: no links, commands, HTML, images or blocks', () => {
    const yaml = `version: 1
concepts:
  - id: evil
    zh: [网络强国]
    en:
      - text: "[click](command:workbench.action.quit)"
        status: preferred
        authority: "<img src=x onerror=alert(1)>"
    note: "see https://evil.example/x or www.evil.example, mail a@b.example\\n# Heading\\n- item **bold** ![i](http://x/i.png) \`code\` &lt;b&gt;"
`;
    const { glossary, problems } = loadGlossaryYaml(yaml);
    assert.deepEqual(problems, []);
    const e = new TifaEngine(glossary);
    const card = e.hover(e.analyze('网络强国').matches[0]);
    assert.equal(
      card,
      [
        '**网络强国**',
        'Preferred 首选: **\\[click\\](command:workbench.action.quit)** (\\<img src=x onerror=alert(1)\\>)',
        'Note 说明: see https\\:\\/\\/evil.example/x or www\\.evil.example, mail a\\@b.example \\# Heading - item \\*\\*bold\\*\\* \\!\\[i\\](http\\:\\/\\/x/i.png) \\`code\\` \\&lt;b\\&gt;',
      ].join('\n\n'),
    );
  });

  it('escapes every character that opens Markdown syntax', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e]f<g>h!i|j~k&l#m@n$o\\p'), 'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\!i\\|j\\~k\\&l\\#m\\@n\\$o\\\\p');
    assert.equal(escapeMarkdown('  line one\n\n    line two\u0007 '), 'line one line two');
  });
});

describe('the appearance that fits the context', () => {
  const engine = builtinEngine();
  const message = (text: string, phrase: string) => engine.lint(text).findings.find((f) => f.code === 'formulation' && text.slice(f.start, f.end) === phrase)?.message;

  it('cites the appearance whose quotation the words around the match share, else the earliest', () => {
    // 核心技术: the 4.19 speech (2016) quotes it bare, the 4.20 speech (2018) in 核心技术是国之重器.
    assert.equal(message('我们要掌握核心技术。', '核心技术'), '核心技术 — core technology (4.19 speech, 2016)');
    // 没有网络安全就没有国家安全: the 4.20 speech goes on 就没有经济社会稳定运行.
    assert.equal(message('没有网络安全就没有国家安全，就没有经济社会稳定运行', '没有网络安全就没有国家安全'), '没有网络安全就没有国家安全 — Without cybersecurity there is no national security (4.20 speech, 2018)');
    assert.equal(message('没有网络安全就没有国家安全。', '没有网络安全就没有国家安全'), '没有网络安全就没有国家安全 — Without cybersecurity there is no national security (Leading Group announcement, 2014)');
  });

  it('in English too, case aside: the rendering followed by “; without informatization” fits the 2014 announcement', () => {
    const text = 'He said: without cybersecurity there is no national security; Without informatization, nothing.';
    const m = engine.lint(text).matches.find((x) => x.language === 'en')!;
    const card = engine.hover(m, { text, offset: 0 });
    assert.match(card, /\*\*Leading Group announcement\*\*[^\n]*← \*as here 与此处同\*/);
    assert.equal((card.match(/as here/g) ?? []).length, 1);
    assert.doesNotMatch(engine.hover(m), /as here/);
  });
});

describe('the appearance that fits: weak evidence is none', () => {
  it('“A cyber-superpower needs …” shares only “a ” with two quotations: the earliest is cited', () => {
    const text = '# Note\n\nA cyber-superpower needs core technologies.\n';
    assert.equal(builtinEngine().lint(text, { kind: 'markdown' }).findings[0].message, '网络强国 — cyber superpower (Leading Group announcement, 2014)');
  });

  it('traditional characters and CRLF fit the 4.20 speech’s quotation; the bare phrase fits nothing better than the earliest', () => {
    const e = builtinEngine();
    const text = '他說：沒有網絡安全就沒有國家安全，就沒有經濟社會穩定運行\r\n';
    assert.equal(e.lint(text).findings.find((f) => f.code === 'formulation')!.message, '没有网络安全就没有国家安全 — Without cybersecurity there is no national security (4.20 speech, 2018)');
    assert.match(e.hover(e.lint(text).matches[0], { text, offset: 0 }), /4\.20 speech\*\*[^\n]*as here/);
    const plain = e.lint('建设网络强国').matches[0];
    assert.doesNotMatch(e.hover(plain, { text: '建设网络强国', offset: 0 }), /as here/);
  });
});
