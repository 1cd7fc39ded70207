/**
 * Regression tests for the faults found by attacking Tifa (the hardening issue), core side: each
 * `case N` is that numbered case. Server, CLI and file-system cases are in
 * test/server/hardening.test.ts.
 */
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportCsv, importCsv } from '../../server/src/core/formats/csv';
import { clip, LIMITS, neutralize, shown } from '../../server/src/core/render/display';
import { ignoreInsertion, TifaEngine } from '../../server/src/core/engine';
import { applyEdits, checkedFix, preferredFixEdits } from '../../server/src/core/checks/fixes';
import type { FixData } from '../../server/src/core/checks/findings';
import { addRenderingInsertions, applyInsertions, checkGlossaryAddition } from '../../server/src/core/glossary/edit';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { MAX_MARKDOWN_NESTING } from '../../server/src/core/text/markup';
import type { Glossary } from '../../server/src/core/glossary/model';
import { exportTbxReport, importTbx } from '../../server/src/core/formats/tbx';
import { MAX_XML_DEPTH } from '../../server/src/core/text/xmlDepth';
import { parseBilingualXml } from '../../server/src/core/text/xmlSegments';
import { decodeText } from '../../server/src/files';
import { toDiagnostics } from '../../server/src/lspDiagnostics';
import * as shapes from '../fuzz/shapes';
import { styledEngine } from '../helpers';

const xliff = (target: string, source = '建设网络强国') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>\n  <trans-unit id="1">\n    <source>${source}</source>\n    <target>${target}</target>\n  </trans-unit>\n</body></file></xliff>\n`;

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: false });
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

describe('hardening: core', () => {
  const engine = styledEngine();

  describe('case 1: ranges from XML map back exactly, and fixes are checked before they are written', () => {
    it('a CDATA target: exact range, the right text quoted, an unescaped fix that keeps the CDATA', () => {
      const text = xliff('<![CDATA[We will build a network power & more]]>');
      const { findings } = engine.lint(text, { kind: 'xliff' });
      const deprecated = findings.filter((f) => f.code === 'deprecated-rendering');
      const at = text.indexOf('network power');
      assert.deepEqual(deprecated.map((f) => [f.start, f.end, text.slice(f.start, f.end)]), [[at, at + 'network power'.length, 'network power']]);
      assert.ok(deprecated[0].message.startsWith('“network power” is a deprecated rendering of 网络强国'), deprecated[0].message);
      assert.equal((deprecated[0].data as FixData).replacements[0].text, 'cyber superpower'); // no &amp; inside CDATA
      const fixed = checkedFix('xliff', text, preferredFixEdits(findings));
      assert.ok(fixed.ok);
      assert.equal(fixed.text, text.replace('network power', 'cyber superpower'));
      wellFormed(fixed.text);
    });

    it('entities, comments and processing instructions in a target keep every range exact', () => {
      const text = xliff('R&amp;D &lt;tag&gt; network <!-- a note --> power, <?pi x?>then network power &#x4e2d;');
      const ranges = engine.lint(text, { kind: 'xliff' }).findings.filter((f) => f.code === 'deprecated-rendering').map((f) => text.slice(f.start, f.end));
      // "network <!-- a note --> power" is one phrase across a comment, and gets no replacement.
      assert.deepEqual(ranges, ['network <!-- a note --> power', 'network power']);
      const { findings } = engine.lint(text, { kind: 'xliff' });
      const edits = preferredFixEdits(findings);
      assert.deepEqual(edits.map((e) => text.slice(e.start, e.end)), ['network power']);
      const fixed = checkedFix('xliff', text, edits);
      assert.ok(fixed.ok);
      assert.equal(fixed.text, text.replace('then network power', 'then cyber superpower'));
    });

    it('a replacement with markup characters is escaped outside CDATA', () => {
      const g = loadGlossaryYaml('version: 1\nconcepts:\n  - id: rd\n    zh: [研发]\n    en:\n      - { text: "R&D <core>", status: preferred }\n      - { text: research, status: deprecated }\n').glossary;
      const text = xliff('more research', '加强研发');
      const { findings } = new TifaEngine(g).lint(text, { kind: 'xliff' });
      const fixed = checkedFix('xliff', text, preferredFixEdits(findings));
      assert.ok(fixed.ok);
      assert.ok(fixed.text.includes('<target>more R&amp;D &lt;core&gt;</target>'), fixed.text);
      assert.equal(parseBilingualXml(fixed.text, 'xliff').pairs[0].segments[1].text.text, 'more R&D <core>');
    });

    it('refuses an edit that would break the XML or reach outside one segment', () => {
      const text = xliff('<![CDATA[network power]]>');
      const cdata = text.indexOf('<![CDATA[');
      assert.deepEqual(checkedFix('xliff', text, [{ start: cdata, end: cdata + 20, text: 'cyber superpower' }]), { ok: false, reason: 'the edited file would not have the same units and segments' });
      const src = text.indexOf('网络强国');
      const r = checkedFix('xliff', text, [{ start: src - 10, end: src, text: 'x' }]);
      assert.equal(r.ok, false);
    });
  });

  describe('case 2: "ignore this occurrence" in XML changes no translatable text', () => {
    it('one-line file: the comment goes before the unit, after the XML declaration, and silences it', () => {
      const text = '<?xml version="1.0"?><xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1"><source>网络强国</source><target>network power</target></trans-unit></body></file></xliff>';
      const f = engine.lint(text, { kind: 'xliff' }).findings.find((x) => x.code === 'deprecated-rendering')!;
      const ins = ignoreInsertion(text, 'xliff', f.start, f.code)!;
      assert.deepEqual(ins, { offset: text.indexOf('<trans-unit'), text: '<!-- tifa-disable-next-line deprecated-rendering -->' });
      const after = applyEdits(text, [{ start: ins.offset, end: ins.offset, text: ins.text }]);
      assert.ok(after.startsWith('<?xml version="1.0"?>'));
      wellFormed(after);
      assert.deepEqual(engine.lint(after, { kind: 'xliff' }).findings.filter((x) => x.code === 'deprecated-rendering'), []);
      assert.deepEqual(parseBilingualXml(after, 'xliff').pairs.map((p) => p.segments.map((s) => s.text.text)), [['网络强国', 'network power']]);
    });

    it('multi-line file: a line of its own above <trans-unit>, indented like it, never inside <target>', () => {
      const text = xliff('We build\n      a network power').replace(/\n/g, '\r\n');
      const f = engine.lint(text, { kind: 'xliff' }).findings.find((x) => x.code === 'deprecated-rendering')!;
      const ins = ignoreInsertion(text, 'xliff', f.start, f.code)!;
      assert.deepEqual(ins, { offset: text.indexOf('<trans-unit'), text: '<!-- tifa-disable-next-line deprecated-rendering -->\r\n  ' });
      const after = applyEdits(text, [{ start: ins.offset, end: ins.offset, text: ins.text }]);
      assert.ok(after.includes('\r\n  <!-- tifa-disable-next-line deprecated-rendering -->\r\n  <trans-unit id="1">'));
      assert.deepEqual(engine.lint(after, { kind: 'xliff' }).findings.filter((x) => x.code === 'deprecated-rendering'), []);
      // Other rules in the unit still report.
      assert.equal(engine.lint(after, { kind: 'xliff' }).findings.filter((x) => x.code === 'formulation').length, 2);
    });

    it('Markdown and plain text keep the line above (with CRLF and indentation)', () => {
      assert.deepEqual(ignoreInsertion('a\r\n  network power\r\n', 'markdown', 5, 'deprecated-rendering'), { offset: 3, text: '  <!-- tifa-disable-next-line deprecated-rendering -->\r\n' });
      assert.deepEqual(ignoreInsertion('网络强国\n', 'plaintext', 0, 'formulation'), { offset: 0, text: '# tifa-disable-next-line formulation\n' });
    });
  });

  describe('case 3: add to glossary writes valid YAML, quoted, and checks it before it is applied', () => {
    const add = (before: string, id: string, text: string) => {
      const after = applyInsertions(before, addRenderingInsertions(before, id, text, 'admitted'));
      assert.equal(checkGlossaryAddition(before, after, id, text), undefined, after);
      return after;
    };

    it('a flow list with a trailing comma', () => {
      const before = 'version: 1\nconcepts:\n  - id: a\n    zh: [网络强国]\n    en: [{ text: cyber superpower, status: preferred }, ]\n';
      assert.equal(add(before, 'a', 'cyberpower'), 'version: 1\nconcepts:\n  - id: a\n    zh: [网络强国]\n    en: [{ text: cyber superpower, status: preferred }, { text: "cyberpower", status: admitted } ]\n');
    });

    it('a flow list over several lines, with a comment', () => {
      const before = 'version: 1\nconcepts:\n  - id: a\n    zh: [网络强国]\n    en: [\n      { text: cyber superpower, status: preferred }, # the article\n      { text: cyber power, status: admitted }\n    ]\n';
      assert.equal(add(before, 'a', 'cyberpower'), before.replace('status: admitted }\n', 'status: admitted }, { text: "cyberpower", status: admitted }\n'));
    });

    it('an id with a line break (from a TBX) is quoted and cannot inject YAML', () => {
      const hostile = 'x\n    en:\n      - { text: evil, status: preferred }\n  - id: y';
      const before = 'version: 1\nconcepts:\n  - id: a\n    zh: [网络强国]\n';
      const after = add(before, hostile, 'net power');
      assert.ok(after.includes(`- id: ${JSON.stringify(hostile)}\n`));
      // The id stays one string: no rendering "evil", no concept "y".
      const parsed = parseDocument(after).toJS() as { concepts: Array<{ id: string; en?: Array<{ text: string; status: string }> }> };
      assert.deepEqual(parsed.concepts.map((c) => [c.id, (c.en ?? []).map((r) => [r.text, r.status])]), [['a', []], [hostile, [['net power', 'admitted']]]]);
    });

    it('refuses a result that lost a concept or does not hold the rendering', () => {
      const before = 'version: 1\nconcepts:\n  - id: a\n  - id: b\n';
      assert.equal(checkGlossaryAddition(before, 'version: 1\nconcepts:\n  - id: a\n', 'a', 'x'), 'a concept would be lost; add the rendering by hand');
      assert.equal(checkGlossaryAddition(before, before, 'a', 'x'), 'the concept "a" would not hold the rendering; add it by hand');
      assert.match(checkGlossaryAddition(before, 'concepts: [', 'a', 'x')!, /^the result would not be valid YAML/);
    });
  });

  describe('case 4: exports a spreadsheet or XML tool can open safely', () => {
    const glossary: Glossary = {
      speeches: new Map(),
      concepts: [{ id: 'c\u0001', zh: ['网络\u000b强国'], en: [{ text: '=HYPERLINK("http://x")', status: 'preferred', note: 'lone \ud800 surrogate, \u0000 nul, 😀 kept' }, { text: '-cyber', status: 'admitted' }, { text: '@SUM(1)', status: 'admitted' }, { text: '\tTab', status: 'admitted' }], appearances: [] }],
    };

    it('TBX: control characters and lone surrogates are left out (and counted); the file is well-formed', () => {
      const { text, dropped } = exportTbxReport(glossary);
      assert.equal(dropped, 4);
      wellFormed(text);
      assert.ok(text.includes('<term>网络强国</term>'));
      assert.ok(text.includes('<note>lone  surrogate,  nul, 😀 kept</note>'));
      assert.equal(importTbx(text).glossary.concepts[0].id, 'c');
    });

    it('CSV: formula-like cells get an apostrophe, and import takes it off again', () => {
      const csv = exportCsv(glossary);
      const lines = csv.split('\r\n');
      assert.ok(lines[1].includes(`,"'=HYPERLINK(""http://x"")",`), lines[1]);
      assert.ok(lines[2].includes(",'-cyber,"), lines[2]);
      assert.ok(lines[3].includes(",'@SUM(1),"), lines[3]);
      assert.ok(lines[4].includes(",'\tTab,"), lines[4]);
      const back = importCsv(csv).glossary.concepts[0];
      assert.deepEqual(back.en.map((r) => r.text), ['=HYPERLINK("http://x")', '-cyber', '@SUM(1)', 'Tab']);
    });
  });

  describe('case 6: no XML reader recurses on depth or parses without bound', () => {
    it('a TBX of 100,000 nested elements gets an error, not a stack overflow', () => {
      const { glossary, problems } = importTbx(shapes.deepXml(100000, 'tbx'));
      assert.equal(glossary.concepts.length, 0);
      assert.deepEqual(problems.map((p) => [p.severity, p.message, p.line]), [['error', `The XML nests elements more than ${MAX_XML_DEPTH} deep (at offset ${'<?xml version="1.0"?><tbx><text><body>'.length + 3 * (MAX_XML_DEPTH - 3)}); Tifa reads no deeper and ignores the rest of the file.`, 1]]);
    });

    it('a TBX nested 200 deep (under the bound) still loads', () => {
      const xml = '<tbx><text><body>' + '<x>'.repeat(200) + '</x>'.repeat(200) + '<conceptEntry id="a"><langSec xml:lang="zh"><termSec><term>网络强国</term></termSec></langSec></conceptEntry></body></text></tbx>';
      assert.deepEqual(importTbx(xml).glossary.concepts.map((c) => c.zh), [['网络强国']]);
    });

    it('an XLIFF nested too deep gets a notice and no crash', () => {
      const text = shapes.deepXml(5000, 'xliff');
      const notices = engine.lint(text, { kind: 'xliff' }).findings.filter((f) => f.code === 'document-notice');
      assert.equal(notices.length, 1);
      assert.match(notices[0].message, /^The XML nests elements more than 256 deep/);
    });
  });

  describe('case 7: diagnostics and every shown string have bounds', () => {
    it('caps diagnostics per document, keeps warnings first, and says how many more there are', () => {
      const text = shapes.flood(40000) + ' cyber power';
      const doc = TextDocument.create('file:///f.md', 'markdown', 1, text);
      const { findings } = engine.lint(text, { kind: 'plaintext' });
      assert.equal(findings.length, 10002); // 10,000 + "cyber power" as a formulation and as deprecated
      const ds = toDiagnostics(doc, findings, (c) => (c === 'deprecated-rendering' ? 'warning' : 'information'), true);
      assert.equal(ds.length, LIMITS.diagnosticsPerDocument);
      assert.equal(ds[0].message, 'Tifa shows 999 of the 10,002 findings in this file (errors and warnings first); 9,003 more are not shown. Run `tifa lint <file>` to list them all. 问题过多，仅显示部分。');
      assert.equal(ds.filter((d) => d.code === 'deprecated-rendering').length, 1); // the warning survived the cut
      assert.equal(toDiagnostics(doc, findings, () => 'information').length, 10002); // the CLI sees all
    });

    it('a 1 MB speech name is clipped in every message, on a code-point boundary', () => {
      const long = '讲'.repeat(500000) + '😀';
      const g: Glossary = {
        speeches: new Map([['s', { id: 's', short: { en: 'x'.repeat(1000000) }, date: '2016-04-19' }]]),
        concepts: [{ id: 'a', zh: ['网络强国'], en: [{ text: 'cyber superpower', status: 'preferred' }], appearances: [{ speech: 's' }] }],
      };
      const text = '网络强国';
      const ds = toDiagnostics(TextDocument.create('file:///a.md', 'markdown', 1, text), new TifaEngine(g).lint(text).findings, () => 'information', true);
      assert.equal(ds.length, 1);
      assert.equal((ds[0].message as string).length, LIMITS.message);
      assert.ok((ds[0].message as string).endsWith('x…'));
      assert.equal(clip(long, 11), '讲'.repeat(10) + '…');
      assert.equal(clip('ab😀cd', 4), 'ab…'); // never half a surrogate pair
    });
  });

  describe('case 11: inputs that were quadratic give the right results (their cost is in npm run bench)', () => {
    it('suppression comments: every one honoured', () => {
      const text = shapes.disableComments(2000);
      assert.deepEqual(engine.lint(text, { kind: 'markdown' }).findings, []);
    });

    it('inline glosses: each paired with its own rendering', () => {
      const text = shapes.inlineGlosses(3000);
      const f = engine.lint(text).findings.filter((x) => x.code === 'deprecated-rendering');
      assert.equal(f.length, 3000);
      assert.equal(text.slice(f[2999].start, f[2999].end), 'network power');
    });

    it('parallel paragraphs: paired one to one', () => {
      const { zh, en } = shapes.parallelParagraphs(3000);
      const findings = engine.lint(en.replace('cyber superpower', 'network power'), { kind: 'plaintext', parallelSource: { text: zh, kind: 'plaintext' } }).findings;
      assert.deepEqual(findings.filter((f) => f.code !== 'formulation').map((f) => [f.code, f.start]), [['deprecated-rendering', en.indexOf('cyber superpower')]]);
    });

    it('a segment or a parallel file with 150,000 formulations does not overflow the stack', () => {
      const text = `<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1"><source>${shapes.flood(600000)}</source><target>x</target></trans-unit></body></file></xliff>`;
      assert.equal(engine.lint(text, { kind: 'xliff' }).matches.length, 150000);
      const { zh, en } = shapes.parallelParagraphs(150000);
      assert.equal(engine.lint(en, { kind: 'plaintext', parallelSource: { text: zh, kind: 'plaintext' } }).matches.length, 150000);
    });

    it(`Markdown nested deeper than ${MAX_MARKDOWN_NESTING} levels is read as plain text, with a notice`, () => {
      const text = shapes.nestedList(1000);
      const { findings } = engine.lint(text, { kind: 'markdown' });
      assert.equal(findings.filter((f) => f.code === 'formulation').length, 1000);
      const notice = findings.filter((f) => f.code === 'document-notice');
      assert.equal(notice.length, 1);
      assert.equal(notice[0].message, `Lists or quotes here nest 25 levels deep, more than the ${MAX_MARKDOWN_NESTING} Tifa parses: the file is read as plain text, so code and links in it are checked too.`);
      assert.equal(text.slice(notice[0].start, notice[0].end), '  '.repeat(24) + '- 网络强国 24');
      // A list nested 10 deep is still Markdown: its code is masked.
      assert.deepEqual(engine.lint(shapes.nestedList(10) + '\n`网络强国`\n', { kind: 'markdown' }).findings.filter((f) => f.code !== 'formulation'), []);
    });
  });

  describe('case 12: legacy encodings are decoded or refused, never read as empty', () => {
    const gb = Buffer.from([0xbd, 0xa8, 0xc9, 0xe8, 0xcd, 0xf8, 0xc2, 0xe7, 0xc7, 0xbf, 0xb9, 0xfa, 0xa1, 0xa3]); // 建设网络强国。 in GB18030
    it('GB18030, Big5, UTF-16 with and without BOM, UTF-8 with BOM', () => {
      assert.deepEqual(decodeText(gb), { ok: true, text: '建设网络强国。', encoding: 'gb18030' });
      const big5 = Buffer.from('a662a5feb0eaa448a5c1a54eaaeda46ab77ca457a141ac46a9b2a475a740b3f8a769abfca558a141a7daadccad6eb0edabf9a548a448a5c1acb0a4a4a4dfaabab56fae69abe4b751a141abd8b35dbaf4b8f4b16ab0eaa143', 'hex');
      assert.deepEqual(decodeText(big5), { ok: true, text: '在全國人民代表大會上，政府工作報告指出，我們要堅持以人民為中心的發展思想，建設網路強國。', encoding: 'big5' });
      assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('網絡強國\r\n', 'utf16le')])), { ok: true, text: '網絡強國\r\n', encoding: 'utf-16le' });
      assert.deepEqual(decodeText(Buffer.from('a network power\n', 'utf16le')), { ok: true, text: 'a network power\n', encoding: 'utf-16le' });
      assert.deepEqual(decodeText(Buffer.from('\uFEFF网络强国', 'utf8')), { ok: true, text: '\uFEFF网络强国', encoding: 'utf-8' });
    });
    it('binary and undecodable bytes are reported as such', () => {
      assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0x03, 0x04])), { ok: false, failure: 'binary', reason: 'it is a binary file' });
      assert.deepEqual(decodeText(Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x30])), { ok: false, failure: 'encoding', reason: 'its encoding is not UTF-8, UTF-16, GB18030 or Big5' });
    });
  });

  describe('case 13: bidirectional and invisible characters are made visible', () => {
    it('in messages and hovers', () => {
      assert.equal(neutralize('use \u202Erewop rebyc\u202C now\u200B!'), 'use <U+202E>rewop rebyc<U+202C> now<U+200B>!');
      const g = loadGlossaryYaml('version: 1\nconcepts:\n  - id: a\n    zh: [网络强国]\n    en:\n      - { text: "cyber\u202Erewop", status: preferred }\n      - { text: cyber power, status: deprecated }\n    note: "zero\u200Bwidth"\n').glossary;
      const e = new TifaEngine(g);
      const text = 'a cyber power';
      const d = toDiagnostics(TextDocument.create('file:///a.md', 'markdown', 1, text), e.lint(text).findings, () => 'warning');
      assert.equal(d.find((x) => x.code === 'deprecated-rendering')!.message, '“cyber power” is a deprecated rendering of 网络强国: use “cyber<U+202E>rewop”.');
      const hover = shown(e.hover({ concept: g.concepts[0], contains: [] }), 100000);
      assert.ok(!/[\u202E\u200B]/.test(hover) && hover.includes('cyber<U+202E>rewop') && hover.includes('zero<U+200B>width'), hover);
    });
  });
});
