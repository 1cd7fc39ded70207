import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../../server/src/core/engine';
import type { FixData } from '../../server/src/core/checks/findings';
import { styledEngine, ROOT } from '../helpers';

/** [code, covered text, message] of every finding except plain formulations. */
function lint(text: string, kind: DocumentKind = 'plaintext', parallel?: string) {
  return styledEngine()
    .lint(text, { kind, parallelSource: parallel === undefined ? undefined : { text: parallel, kind } })
    .findings.filter((f) => f.code !== 'formulation')
    .map((f) => [f.code, text.slice(f.start, f.end), f.message]);
}
const replacements = (text: string, kind: DocumentKind = 'plaintext') =>
  styledEngine()
    .lint(text, { kind })
    .findings.filter((f) => f.code !== 'formulation')
    .map((f) => (f.data as FixData).replacements.map((r) => r.text));

const DEPRECATED = '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).';
const DEPRECATED_NETWORK = '“network power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).';

describe('deprecated-rendering', () => {
  it('flags a deprecated rendering and names the concept, the preferred rendering and its authority', () => {
    assert.deepEqual(lint('China wants to become a cyber power.'), [['deprecated-rendering', 'cyber power', DEPRECATED]]);
  });

  it('offers replacements in the shape of the original: plural, capital at the start', () => {
    // The preferred rendering first, then the admitted one (the house style's).
    assert.deepEqual(replacements('Cyber powers rise.'), [['Cyber superpowers', 'Cyber great powers']]);
    assert.deepEqual(replacements('An important instrument of the state'), []); // admitted: nothing to flag
  });
});

describe('inconsistent-rendering within a document', () => {
  it('flags the minority rendering and points at the majority', () => {
    // The house style admits "cyber great power" beside the article's "cyber superpower".
    const text = 'A cyber superpower first. Cyber superpowers next. Then a cyber great power.';
    const findings = styledEngine().lint(text).findings.filter((f) => f.code === 'inconsistent-rendering');
    assert.deepEqual(
      findings.map((f) => [text.slice(f.start, f.end), f.message, f.related?.map((r) => [r.start, r.end])]),
      [['cyber great power', '网络强国 is rendered “cyber great power” here but “cyber superpower” 2 times elsewhere in this document.', [[2, 18], [26, 43]]]],
    );
    assert.deepEqual((findings[0].data as FixData).replacements.map((r) => r.text), ['cyber superpower']);
  });

  it('keeps apart what the glossary keeps apart: the article\'s enumeration of categories is no inconsistency', () => {
    assert.deepEqual(lint('The first is basic technology, commonly used technology. The second is asymmetric technology, or trump card technology. The third is advanced technology, or disruptive technology.'), []);
  });
});

describe('inconsistent-rendering: what is not an inconsistency', () => {
  it('ignores a difference of number, and an abbreviation after the full name', () => {
    assert.deepEqual(lint('An important instrument of the state. Important instruments of the state. Important instruments of the state.'), []);
    assert.deepEqual(lint('The Chinese Communist Party (CCP) said. The CCP. The CCP again.'), []);
  });
});

describe('bilingual pairs: inline glosses', () => {
  it('EN (ZH): a deprecated rendering before the brackets', () => {
    assert.deepEqual(lint('China aims to be a cyber power (网络强国).'), [['deprecated-rendering', 'cyber power', '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).']]);
  });

  it('ZH（EN）with full-width brackets, and a quoted rendering before half-width ones', () => {
    assert.deepEqual(lint('网络强国（cyber power）'), [['deprecated-rendering', 'cyber power', DEPRECATED]]);
    assert.deepEqual(lint('“important instruments of the state” (国之重器)'), []);
    assert.deepEqual(lint('"important tools of the state" (国之重器)'), [
      ['missing-rendering', 'important tools of the state', 'The source has 国之重器 but the translation has none of its renderings: expected “important instruments of the state” (DigiChina).'],
    ]);
  });

  it('another concept’s rendering where this one’s should be', () => {
    assert.deepEqual(lint('They stress informatization (网络强国).'), [
      ['inconsistent-rendering', 'informatization', 'The source has 网络强国, rendered here as “informatization”, the glossary rendering of 信息化: use “cyber superpower” (DigiChina).'],
    ]);
  });

  it('says less when the other rendering is ordinary English: it may render nothing at all', () => {
    assert.deepEqual(lint('They stress core technology (网络强国).'), [
      ['missing-rendering', 'They stress core technology', 'The source has 网络强国 but the translation has none of its renderings: expected “cyber superpower” (DigiChina).'],
    ]);
  });

  it('accepts a longer formulation whose rendering contains the glossed one', () => {
    // The article itself writes a no-break space before the bracket.
    assert.deepEqual(lint('repeating the goal of building China into a cyber superpower (网络强国), and “core technologies are important instruments of the state” \u00a0(国之重器).'), []);
  });

  it('accepts the preferred rendering, and a gloss whose rendering contains the shorter formulations', () => {
    assert.deepEqual(lint('a cyber superpower (网络强国) and core technologies are important instruments of the state (核心技术是国之重器)'), []);
  });
});

describe('markup awareness and suppression', () => {
  it('never checks Markdown code, front matter, link destinations, autolinks or HTML', () => {
    const md = [
      '---',
      'title: cyber power',
      '---',
      '`cyber power` inline',
      '',
      '```',
      'cyber power',
      '```',
      '',
      '    cyber power (indented code)',
      '',
      '[a link](https://example.org/network-power "cyber power") <https://network.power/> https://x.org/network-power',
      '<span title="cyber power">x</span> <!-- cyber power -->',
      '![cyber power](img.png)',
      '',
      '[ref]: https://network-power.example "cyber power"',
      '',
      '`网络强国` and',
      '```md',
      '核心技术是国之重器',
      '```',
    ].join('\n');
    // No finding at all: not even the formulation diagnostic.
    assert.deepEqual(styledEngine().lint(md, { kind: 'markdown' }).findings, []);
  });

  it('checks headings, lists, tables, block quotes and link text', () => {
    const md = '# cyber power\n\n- cyber power\n\n| a | cyber power |\n|---|---|\n\n> cyber power\n\n[cyber power](https://x.org)\n';
    assert.equal(lint(md, 'markdown').length, 5);
  });

  it('reads a quoted Chinese paragraph wrapped mid-phrase as one phrase, and not across quotes', () => {
    const md = '> 我们要建设网络\n> 强国。\n>\n> > 核心\n> > 技术\n\n> 网络\n\n> 强国\n';
    const found = styledEngine().lint(md, { kind: 'markdown' }).matches.map((m) => md.slice(m.start, m.end));
    assert.deepEqual(found, ['网络\n> 强国', '核心\n> > 技术']);
  });

  it('keeps a formulation from being formed across masked code', () => {
    assert.deepEqual(styledEngine().lint('网络`x`强国', { kind: 'markdown' }).matches, []);
  });

  it('honours disable/enable, disable-next-line and rule lists in Markdown', () => {
    const md = [
      'cyber power', // 0: flagged
      '<!-- tifa-disable-next-line -->',
      'cyber power', // 2: suppressed
      '<!-- tifa-disable deprecated-rendering -->',
      'cyber power', // 4: suppressed (the formulation diagnostic stays)
      '<!-- tifa-enable deprecated-rendering -->',
      'cyber power', // 6: flagged
    ].join('\n');
    const f = styledEngine().lint(md, { kind: 'markdown' }).findings;
    const line = (o: number) => md.slice(0, o).split('\n').length - 1;
    assert.deepEqual(f.filter((x) => x.code === 'deprecated-rendering').map((x) => line(x.start)), [0, 6]);
    assert.deepEqual(f.filter((x) => x.code === 'formulation').map((x) => line(x.start)), [0, 4, 6]);
  });

  it('honours # and // directives in plain text, and not HTML comments there', () => {
    const txt = '# tifa-disable-next-line\ncyber power\n// tifa-disable-next-line deprecated-rendering\r\ncyber power\n<!-- tifa-disable-next-line -->\ncyber power\n';
    const f = styledEngine().lint(txt).findings.filter((x) => x.code === 'deprecated-rendering');
    assert.deepEqual(f.map((x) => txt.slice(0, x.start).split('\n').length - 1), [5]);
  });
});

describe('parallel files', () => {
  it('pairs paragraphs in order and flags the English side', () => {
    const zh = '# 标题\n\n我们要建设网络强国。\n\n核心技术是关键。\n';
    const en = '# Title\n\nWe will build a cyber power.\n\nKey tech is crucial.\n';
    assert.deepEqual(lint(en, 'markdown', zh), [
      ['deprecated-rendering', 'cyber power', DEPRECATED],
      ['missing-rendering', 'Key tech is crucial.', 'The source has 核心技术 but the translation has none of its renderings: expected “core technology” (DigiChina).'],
    ]);
  });

  it('says once, at the top, when the paragraph counts differ, and pairs nothing', () => {
    assert.deepEqual(lint('One.\n\nTwo cyber power.\n', 'markdown', '一。\n'), [
      ['document-notice', 'One.', 'The Chinese file has 1 paragraphs and this one has 2: paragraphs are not paired, so renderings are not checked against the source.'],
      ['deprecated-rendering', 'cyber power', DEPRECATED],
    ]);
  });
});

describe('XLIFF and TMX', () => {
  const xliff12 = (target: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="x"><body>\n<trans-unit id="1"><source>建设网络&#x5F3A;国</source><target>${target}</target></trans-unit>\n</body></file></xliff>\n`;

  it('XLIFF 1.2: finds a deprecated rendering in the target, at its place in the file', () => {
    const x = xliff12('build a <g id="b">network power</g> &amp; more');
    // Ordinary English, but the source has 网络强国: here it does render it.
    assert.deepEqual(lint(x, 'xliff'), [['deprecated-rendering', 'network power', DEPRECATED_NETWORK]]);
  });

  it('XLIFF 1.2: a missing rendering covers the target; a rendering across a tag gets no replacement', () => {
    assert.deepEqual(lint(xliff12('build a strong nation'), 'xliff').map((f) => [f[0], f[1]]), [['missing-rendering', 'build a strong nation']]);
    assert.deepEqual(replacements(xliff12('a network<x id="1"/> power')), []); // the placeholder breaks the phrase: nothing found
    const split = xliff12('a <g id="1">network</g> power');
    assert.deepEqual(lint(split, 'xliff').map((f) => f[1]), ['network</g> power']);
    assert.deepEqual(replacements(split, 'xliff'), [[]]);
  });

  it('XLIFF 2.0 (unit/segment) and TMX 1.4 (tu/tuv)', () => {
    const x2 = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f"><unit id="u"><segment><source>网络强国</source><target>Network Power</target></segment></unit></file></xliff>';
    assert.deepEqual(lint(x2, 'xliff').map((f) => [f[0], f[1]]), [['deprecated-rendering', 'Network Power']]);
    assert.deepEqual(replacements(x2, 'xliff'), [['Cyber superpower', 'Cyber great power']]);
    const tmx = '<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>核心技术</seg></tuv><tuv xml:lang="en-US"><seg>key technology</seg></tuv></tu></body></tmx>';
    assert.deepEqual(lint(tmx, 'tmx').map((f) => [f[0], f[1]]), [['missing-rendering', 'key technology']]);
  });

  it('never expands DOCTYPE entities and says the DOCTYPE is ignored', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><tmx><body><tu><tuv xml:lang="en"><seg>&lol2; cyber power</seg></tuv></tu></body></tmx>';
    assert.deepEqual(lint(bomb, 'tmx').map((f) => [f[0], f[2]]), [
      ['document-notice', 'The DOCTYPE is ignored: entities declared in it are not expanded.'],
      ['deprecated-rendering', DEPRECATED],
    ]);
  });

  it('loads every matecat XLIFF file without errors', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'xliff');
    const files = readdirSync(dir);
    assert.equal(files.length, 10);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const result = styledEngine().lint(text, { kind: 'xliff' });
      assert.deepEqual(result.findings.filter((x) => x.code === 'document-notice'), [], f);
      for (const x of result.findings) assert.ok(x.start >= 0 && x.end <= text.length && x.start <= x.end, f);
    }
  });
});
