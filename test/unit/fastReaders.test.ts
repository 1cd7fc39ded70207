/**
 * The fast readers for large glossaries: block-style YAML (core/formats/yamlBlock.ts) and the XML
 * scanner TBX is read with (core/text/xmlScan.ts). Each must give what the yaml library (or a
 * strict XML parser) gives, or step aside.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportGlossary, type Concept, type Glossary, loadGlossaryText, loadGlossaryYaml } from '../../server/src/core';
import { readBlockYaml, writeBlockYaml } from '../../server/src/core/formats/yamlBlock';
import { importTbx } from '../../server/src/core/formats/tbx';
import { decodeXmlEntities, scanXml } from '../../server/src/core/text/xmlScan';
import { builtinGlossary, fixture, ROOT } from '../helpers';

function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // 32-bit arithmetic: a float product loses bits
    return seed / 4294967296;
  };
}

// Strings a glossary holds, and strings YAML reads as something else or must quote.
const AWKWARD = [
  '网络强国', '網絡強國', '核心技术是国之重器', '𠀋𡈽', '（全角）', 'cyber superpower', "it's", '"quoted"', 'a: b', 'a:b', 'C#', 'x #y', '#x', '- x', '-x', '? x', '[x]', '{x}', '&a', '*a', '!t', '|', '>', '%', '@', '`',
  'true', 'True', 'false', 'null', '~', 'NULL', '1', '007', '-1', '+1', '1.5', '.5', '1e3', '0x1F', '0o7', '.inf', '-.Inf', '.NaN', '1_000', '2014-02-27', '2014', 'yes', 'no', 'on',
  '', ' lead', 'trail ', 'tab\there', 'line\nbreak', 'cr\r\nlf', '\u2028', '\u0085', '\u00a0nbsp', 'zero\u200bwidth', '\u3000全角空格\u3000', 'ctrl\u0001', 'del\u007f', 'bom\ufeff', 'lone\ud800', '\\back', '[]', '{}', 'end:',
];

function awkwardGlossary(rnd: () => number, n: number): Glossary {
  const pick = () => AWKWARD[Math.floor(rnd() * AWKWARD.length)];
  const concepts: Concept[] = [];
  for (let i = 0; i < n; i++) {
    const c: Concept = { id: `c${i}`, zh: [`术语${i}${pick()}`.trim() || `z${i}`], en: [{ text: `term ${pick()} ${i}`.trim(), status: 'preferred' }], appearances: [] };
    if (rnd() < 0.5) c.note = `note ${pick()}`.trim();
    if (rnd() < 0.3) c.en.push({ text: `alt ${i}`, status: 'deprecated', note: `why ${pick()}`.trim() });
    concepts.push(c);
  }
  return { speeches: new Map(), concepts };
}

describe('fast readers', () => {
  it('block YAML: the writer’s output is what the yaml library reads, and the fast reader reads the same', () => {
    const rnd = random(5);
    for (let round = 0; round < 40; round++) {
      const data = { version: 1, name: AWKWARD[round % AWKWARD.length] || 'n', list: [AWKWARD[(round * 7) % AWKWARD.length], [], {}, [AWKWARD[round % 13], { a: AWKWARD[(round * 3) % AWKWARD.length] }]], nested: { deeper: { deepest: AWKWARD[(round * 11) % AWKWARD.length] } }, concepts: [{ id: `c${round}`, zh: [AWKWARD[Math.floor(rnd() * AWKWARD.length)]] }] };
      const text = writeBlockYaml(data);
      assert.deepEqual(parse(text), data, text);
      const fast = readBlockYaml(text);
      if (fast !== undefined) assert.deepEqual(fast, data, text);
    }
  });

  it('block YAML: on exported glossaries the fast reader is taken and gives the yaml library’s result', () => {
    const rnd = random(9);
    for (const glossary of [builtinGlossary(), awkwardGlossary(rnd, 300), awkwardGlossary(rnd, 300)]) {
      const text = exportGlossary(glossary, 'yaml').text;
      const fast = readBlockYaml(text);
      assert.notEqual(fast, undefined);
      assert.deepEqual(fast, parse(text));
      const loaded = loadGlossaryYaml(text);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.glossary.concepts.map((c) => [c.id, c.zh, c.en.map((r) => r.text)]), glossary.concepts.map((c) => [c.id, c.zh.map((z) => z.trim()), c.en.map((r) => r.text.trim())]));
    }
  });

  it('block YAML: steps aside for every glossary in the project it does not read exactly as the yaml library does', () => {
    const texts = [readFileSync(join(ROOT, 'glossary', 'builtin.tifa.yaml'), 'utf8')];
    const rnd = random(17);
    // Random documents in and out of the block shape: flow lists, anchors, block scalars, tabs, duplicates, continuation lines.
    const pieces = ['a: 1\n', 'b: x\n', '- y\n', '  - z\n', '  c: "q\\u00e9"\n', "d: 'it''s'\n", 'e: [1, 2]\n', 'f: &x v\n', 'g: *x\n', 'h: |\n  block\n', '\ti: tab\n', 'a: dup\n', '  continued line\n', '# comment\n', '\n', 'j:\n', '- k: l\n  m: n\n', 'o: p # c\n', 'q: "r" # c\n', 'r: 网络强国\n', '---\n', 's: !!str 1\n', 't: {}\n', 'u: []\n', '\r\n', 'v: w\r\n'];
    for (let k = 0; k < 400; k++) {
      let t = '';
      const n = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
      texts.push(t);
    }
    let taken = 0;
    for (const text of texts) {
      let expected: unknown;
      try {
        expected = parse(text, { uniqueKeys: true, strict: true });
      } catch {
        expected = Symbol('an error');
      }
      const fast = readBlockYaml(text);
      if (fast === undefined) continue;
      taken++;
      assert.deepEqual(fast, expected, JSON.stringify(text));
    }
    assert.ok(taken > 30, `the fast reader read ${taken} of ${texts.length}`);
  });

  it('block YAML: a problem in a fast-read glossary still points at its line', () => {
    const text = '\uFEFFversion: 1\r\nconcepts:\r\n  - id: a\r\n    zh:\r\n      - 网络强国\r\n    en:\r\n      - text: cyber superpower\r\n        status: preferd\r\n';
    assert.notEqual(readBlockYaml(text.slice(1)), undefined);
    assert.deepEqual(loadGlossaryText(text, 'g.tifa.yaml').problems.map((p) => [p.line, p.column, p.message]), [[8, 17, 'Unknown status "preferd" in rendering "cyber superpower" of concept "a": use preferred, admitted, deprecated or superseded.']]);
  });

  it('XML scanner: tags, attributes, text with entities, CDATA; comments, instructions and the DOCTYPE skipped', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY e "x>y"> <!-- ] > -->]>\n<a k="1 &amp; 2" l=\'&#x7F51;\'><!-- <b> --><b/>t&lt;&#32;&e;<![CDATA[<i>&amp;</i>]]><c\n  m = "3">網</c></a>';
    const out: string[] = [];
    const mistake = scanXml(xml, {
      open: (name, attributes, start, end, selfClosing) => out.push(`open ${name} ${JSON.stringify(attributes)} ${xml.slice(start, end)}${selfClosing ? ' /' : ''}`),
      close: (name, start, end) => out.push(`close ${name} ${JSON.stringify(xml.slice(start, end))}`),
      text: (text, start, end) => out.push(`text ${JSON.stringify(text)} ${JSON.stringify(xml.slice(start, end))}`),
    });
    assert.equal(mistake, undefined);
    assert.deepEqual(out, [
      'text "\\n" "\\n"',
      'text "\\n" "\\n"',
      'open a {"k":"1 & 2","l":"网"} <a k="1 &amp; 2" l=\'&#x7F51;\'>',
      'open b {} <b/> /',
      'close b ""',
      'text "t< &e;" "t&lt;&#32;&e;"',
      'text "<i>&amp;</i>" "<![CDATA[<i>&amp;</i>]]>"',
      'open c {"m":"3"} <c\n  m = "3">',
      'text "網" "網"',
      'close c "</c>"',
      'close a "</a>"',
    ]);
    assert.equal(decodeXmlEntities('&#0; &#xD800; &#x110000; &unknown; &#x1F600;'), '&#0; &#xD800; &#x110000; &unknown; 😀');
  });

  it('XML scanner: names of one length and first letter are told apart, and an end tag may end in white space', () => {
    // The scanner keeps names it has seen by length and first unit (no new string per tag).
    const xml = '<note><nota a="1" b="2"/><node>x</node ><nota/></note\r\n>';
    const out: string[] = [];
    scanXml(xml, {
      open: (name, attributes) => out.push(`open ${name} ${Object.keys(attributes).join(',')}`),
      close: (name) => out.push(`close ${name}`),
      text: (text) => out.push(`text ${text}`),
    });
    assert.deepEqual(out, ['open note ', 'open nota a,b', 'close nota', 'open node ', 'text x', 'close node', 'open nota ', 'close nota', 'close note']);
  });

  it('TBX: reads a malformed file as far as it can, and says where it went wrong', () => {
    const tbx = '<tbx>\n<text><body>\n<conceptEntry id="a"><langSec xml:lang="zh"><termSec><term>网络强国</term></termSec></langSec><langSec xml:lang="en"><termSec><term>cyber superpower</term></termSec></langSec></conceptEntry>\n<conceptEntry id="b"><langSec xml:lang="en"><termSec><term>core technology</termSec></langSec></conceptEntry>\n</body></text></tbx>';
    const r = importTbx(tbx);
    assert.deepEqual(r.glossary.concepts.map((c) => [c.id, c.zh, c.en.map((e) => e.text)]), [['a', ['网络强国'], ['cyber superpower']], ['b', [], ['core technology']]]);
    assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.column, p.message]), [['warning', 4, 75, 'The XML is malformed (</termSec> closes no open element of that name): Tifa read what it could.']]);
  });

  it('TBX: the termate example reads as it did with the tree-building reader (39 concepts; 6 without Chinese or English)', () => {
    const r = importTbx(fixture('termate_Example_Astronomy_DCA_VALID_TBXv3.tbx'));
    assert.equal(r.glossary.concepts.length, 39);
    const skipped = [[17, 1611], [18, 1651], [19, 1687], [20, 1724], [22, 1840], [40, 3553]];
    assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.column, p.message]), skipped.map(([c, line]) => ['warning', line, 4, `Concept "c${c}" has no Chinese or English term and is skipped.`]));
  });
});
