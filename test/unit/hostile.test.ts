import assert from 'node:assert/strict';
import { TifaEngine } from '../../server/src/core/engine';
import { loadGlossaryText } from '../../server/src/core/formats/registry';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { importTbx } from '../../server/src/core/formats/tbx';
import { styledEngine } from '../helpers';

/** "line:column message" of each problem. */
const problems = (text: string, name = 'g.yaml') => loadGlossaryText(text, name).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('hostile glossaries and files', () => {
  it('refuses a YAML alias bomb at its first alias, quickly', () => {
    const bomb = 'version: 1\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nconcepts: []\n';
    const t0 = Date.now();
    assert.deepEqual(problems(bomb), ['3:8 Too many aliases (*name): this glossary would expand to more than 100 copies and is not loaded.']);
    assert.ok(Date.now() - t0 < 5000);
  });

  it('refuses structures nested too deeply to read', () => {
    const deep = 'version: 1\nconcepts: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n';
    const r = loadGlossaryYaml(deep);
    assert.equal(r.glossary.concepts.length, 0);
    assert.deepEqual([...new Set(r.problems.map((p) => p.message))], ['The glossary is nested too deeply to be read.']);
    assert.equal(r.problems[0].line, 2);
  });

  it('refuses an enormous glossary, and cuts an enormous note in the hover', () => {
    assert.deepEqual(problems('version: 1\nnote: "' + 'x'.repeat(21 * 1024 * 1024) + '"\n'), ['1:1 The glossary is 21.0 M characters long, over the 20 M a glossary may have: it is not loaded.']);
    const { glossary } = loadGlossaryYaml('version: 1\nconcepts:\n  - id: x\n    zh: [网络强国]\n    note: "' + '注'.repeat(1_000_000) + '"\n');
    const e = new TifaEngine(glossary);
    const card = e.hover(e.analyze('网络强国').matches[0]);
    assert.ok(card.length < 3000, String(card.length));
    assert.ok(card.endsWith('注…'));
  });

  it('reports duplicate keys and wrong types where they are', () => {
    assert.deepEqual(problems('version: 1\nconcepts:\n  - id: x\n    id: y\n    zh: [a]\n'), ['4:5 YAML syntax: Map keys must be unique at line 4, column 5:']);
    assert.deepEqual(problems('version: 1\nconcepts:\n  - id: 5\n    zh: 网络强国\n    en: { text: 1 }\n'), [
      '3:9 "id" of concept "5" must be a string, not a number.',
      '4:9 "zh" of concept "5" must be a list, not a string.',
      '5:9 "en" of concept "5" must be a list, not a mapping.',
    ]);
  });

  it('never expands DOCTYPE entities in TBX: billion laughs and external entities stay text', () => {
    const tbx = '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>&lol2; &xxe; cyber</term></termSec></langSec></conceptEntry></body></text></tbx>';
    const r = importTbx(tbx);
    assert.deepEqual(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['2:1 The DOCTYPE is ignored: entities declared in it are not expanded.']);
    assert.deepEqual(r.glossary.concepts[0].en.map((t) => t.text), ['&lol2; &xxe; cyber']);
  });

  it('never expands DOCTYPE entities in XLIFF and TMX drafts', () => {
    const xlf = '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1"><source>网络强国</source><target>&xxe; cyber superpower</target></trans-unit></body></file></xliff>';
    const findings = styledEngine().lint(xlf, { kind: 'xliff' }).findings;
    assert.deepEqual(findings.map((f) => [f.code, xlf.slice(f.start, f.end), f.message]), [
      ['document-notice', '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">', 'The DOCTYPE is ignored: entities declared in it are not expanded.'],
      ['formulation', '网络强国', '网络强国 — cyber superpower (Leading Group announcement, 2014)'],
      ['formulation', 'cyber superpower', '网络强国 — cyber superpower (Leading Group announcement, 2014)'],
    ]);
  });

  it('matches in time linear in the text: no backtracking on hostile text', () => {
    const e = styledEngine();
    const evil = ['网络'.repeat(200000), 'cyber '.repeat(100000), '('.repeat(200000) + '网络强国', '\n \n'.repeat(100000), '-'.repeat(300000)];
    for (const text of evil) {
      const t0 = Date.now();
      e.lint(text, { kind: 'markdown' });
      e.lint(text, { kind: 'plaintext' });
      assert.ok(Date.now() - t0 < 10000, `${text.slice(0, 10)}… took ${Date.now() - t0} ms`);
    }
  });
});
