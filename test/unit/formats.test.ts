import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { exportCsv, importCsv } from '../../server/src/core/formats/csv';
import { sourceLabel } from '../../server/src/core/glossary/model';
import { loadGlossaryText } from '../../server/src/core/formats/registry';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { exportTbx, importTbx } from '../../server/src/core/formats/tbx';
import { exportYaml } from '../../server/src/core/formats/yaml';
import { builtinGlossary, fixture, ROOT } from '../helpers';

/** Model → plain data, for deep comparison (Map → array of values). */
const plain = (g: ReturnType<typeof builtinGlossary>) => JSON.parse(JSON.stringify({ ...g, speeches: [...g.speeches.values()] }));

describe('TBX import', () => {
  it('loads the TBX-Basic (v3) example with its English terms, statuses, notes and sources', () => {
    const r = importTbx(fixture('termate_Example_Astronomy_DCA_VALID_TBXv3.tbx'));
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), []);
    // Six concepts have Spanish terms only: said once each, at their line.
    assert.deepEqual(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).slice(0, 1), ['1611:4 Concept "c17" has no Chinese or English term and is skipped.']);
    assert.equal(r.glossary.concepts.length, 39);
    const c1 = r.glossary.concepts[0];
    assert.equal(c1.id, 'c1');
    assert.deepEqual(c1.en.map((t) => [t.text, t.status]), [['open cluster', 'preferred'], ['galactic cluster', 'superseded']]);
    assert.ok(c1.note?.startsWith('G-Source: http://www.physics.drexel.edu/observatory/dump.shtml A group of stars formed together in the spiral arms of a galaxy. (source: Oxford2007)'), c1.note);
  });

  it('reads TBX v2 (martif, tig) and TBX-Min (entry, termGroup, termStatus) with Chinese and English', () => {
    const v2 = `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="zh-CN"><tig><term>网络强国</term></tig></langSet>
<langSet xml:lang="en-US"><tig><term>cyber superpower</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><admin type="source">DigiChina</admin></tig>
<ntig><termGrp><term>cyber power</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig></langSet></termEntry>
</body></text></martif>`;
    const r = importTbx(v2);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.glossary.concepts, [{ id: 't1', zh: ['网络强国'], en: [{ text: 'cyber superpower', status: 'preferred', authority: 'DigiChina' }, { text: 'cyber power', status: 'deprecated' }], appearances: [] }]);
    const min = '<tbx type="TBX-Min"><text><body><entry id="m"><langGroup xml:lang="zh"><termGroup><term>自主创新</term></termGroup></langGroup><langGroup xml:lang="en"><termGroup><term>self-innovation</term><termStatus>notRecommended</termStatus></termGroup></langGroup></entry></body></text></tbx>';
    assert.deepEqual(importTbx(min).glossary.concepts[0].en, [{ text: 'self-innovation', status: 'deprecated' }]);
  });

  it('reports an unknown status and an empty term at their line and column', () => {
    const tbx = '<tbx>\n<text><body><conceptEntry id="a"><langSec xml:lang="en">\n<termSec><term>x</term>\n  <termNote type="administrativeStatus">preferd</termNote></termSec>\n<termSec><term> </term></termSec></langSec></conceptEntry></body></text></tbx>';
    assert.deepEqual(importTbx(tbx).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`), [
      '4:3 error Unknown administrativeStatus "preferd" for "x": use preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts.',
      '5:10 error Empty term in concept "a".',
    ]);
    assert.equal(importTbx('<glossary/>').problems[0].message, 'This is not a TBX file: the root element must be <tbx> (TBX v3) or <martif> (TBX v2).');
  });
});

describe('TBX export', () => {
  it('writes well-formed TBX v3 with its element names', () => {
    const tbx = exportTbx(builtinGlossary());
    const names = new Set<string>();
    const parser = new SaxesParser({ xmlns: true });
    let root: { local: string; uri: string } | undefined;
    parser.on('opentag', (t) => {
      root ??= { local: t.local, uri: t.uri };
      names.add(t.local);
    });
    parser.write(tbx).close(); // throws on any well-formedness error
    assert.deepEqual(root, { local: 'tbx', uri: 'urn:iso:std:iso:30042:ed-2' });
    for (const n of ['tbxHeader', 'fileDesc', 'text', 'body', 'conceptEntry', 'langSec', 'termSec', 'term', 'termNote', 'descripGrp', 'back', 'refObjectSec', 'refObject']) assert.ok(names.has(n), n);
    for (const old of ['martif', 'termEntry', 'langSet', 'tig', 'ntig']) assert.ok(!names.has(old), old);
  });

  it('round-trips YAML → TBX → YAML without losing a concept, term, status, note or provenance', () => {
    const original = builtinGlossary();
    const viaTbx = importTbx(exportTbx(original));
    assert.deepEqual(viaTbx.problems, []);
    const back = loadGlossaryYaml(exportYaml(viaTbx.glossary));
    assert.deepEqual(back.problems, []);
    assert.deepEqual(plain(back.glossary), plain(original));
  });

  it('escapes markup in glossary text', () => {
    const g = loadGlossaryYaml('version: 1\nconcepts:\n  - id: a\n    en: [{ text: "a <b> & \\"c\\"", status: preferred }]\n').glossary;
    assert.deepEqual(importTbx(exportTbx(g)).glossary.concepts[0].en, [{ text: 'a <b> & "c"', status: 'preferred' }]);
  });
});

describe('CSV import and export', () => {
  it('reads a CAT-tool CSV: BOM, CRLF, quoted fields with quotes and line breaks, TBX status names', () => {
    const r = importCsv(fixture('team-glossary.csv'));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(r.glossary.concepts)), [
      {
        id: 'cyber-superpower',
        zh: ['网络强国', '網路強國'],
        en: [
          { text: 'cyber superpower', status: 'preferred', authority: 'DigiChina', note: 'The "superpower" rendering, since 2014' },
          { text: 'cyber great power', status: 'admitted', authority: 'Team A' },
        ],
        appearances: [],
        pinyin: 'wǎngluò qiángguó',
      },
      { id: 'csv-2', zh: ['数字中国'], en: [{ text: 'Digital China', status: 'preferred', note: 'a note\r\non two lines' }], appearances: [] },
      { id: 'self-reliance', zh: [], en: [{ text: 'self-reliance', status: 'deprecated' }], appearances: [] },
    ]);
  });

  it('reads TSV, and reports bad rows at their line and column', () => {
    const tsv = 'zh\ten\tstatus\n网络强国\tcyber superpower\tpreferd\n\t\tadmitted\n\t\t\n';
    assert.deepEqual(importCsv(tsv).problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      '2:23 Unknown status "preferd" for "cyber superpower": use preferred, admitted, deprecated or superseded.',
      '3:1 This row has neither a Chinese form (zh) nor an English rendering (en).',
    ]);
    assert.deepEqual(importCsv('\uFEFFfoo,bar\r\n1,2\r\n').problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['1:1 No "zh" or "en" column: the first row must name the columns (found: foo, bar).']);
  });

  it('exports one row per rendering, quoting what needs it, and reads it back', () => {
    const csv = exportCsv(builtinGlossary());
    assert.ok(csv.startsWith('id,zh,pinyin,kind,en,status,authority,source,note\r\n'));
    // A CSV has no list of sources: the rendering's source is written out.
    const source = `"DigiChina, “Xi Jinping Puts 'Indigenous Innovation' and 'Core Technologies' at the Center of Development Priorities”, 2018-05-01"`;
    assert.ok(csv.includes(`\r\ntwo-bombs-one-satellite,两弹一星,liǎng dàn yī xīng,catchphrase,"two bombs, one satellite",preferred,DigiChina,${source},\r\n`));
    const back = importCsv(csv);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(
      back.glossary.concepts.map((c) => [c.id, c.zh, c.en.map((r) => `${r.text}/${r.status}/${r.source}`)]),
      builtinGlossary().concepts.map((c) => [c.id, c.zh, c.en.map((r) => `${r.text}/${r.status}/${r.source && sourceLabel(builtinGlossary(), r.source)}`)]),
    );
  });

  it('chooses the format by file name', () => {
    assert.equal(loadGlossaryText(readFileSync(join(ROOT, 'test', 'fixtures', 'team-glossary.csv'), 'utf8'), 'team.tifa.csv').glossary.concepts.length, 3);
    assert.equal(loadGlossaryText(exportTbx(builtinGlossary()), 'x.tbx').glossary.concepts.length, builtinGlossary().concepts.length);
    assert.equal(builtinGlossary().concepts.length, 50);
  });
});
