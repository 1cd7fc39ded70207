import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { stringify } from 'yaml';
import { ROOT } from '../helpers';

const schema = JSON.parse(readFileSync(join(ROOT, 'glossary', 'glossary.schema.json'), 'utf8'));

/** "line:column message" for each problem: what a translator sees. */
function problems(yaml: string): string[] {
  return loadGlossaryYaml(yaml).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

const GOOD = `version: 1
speeches:
  - id: speech-419
    short: { en: 4.19 speech }
    date: "2016-04-19"
concepts:
  - id: cyber-superpower
    zh: [网络强国]
    en:
      - { text: cyber superpower, status: preferred, authority: DigiChina }
    appearances:
      - speech: speech-419
        zh: 网络强国
`;

describe('glossary loading', () => {
  it('loads a valid glossary without problems', () => {
    const r = loadGlossaryYaml(GOOD);
    assert.deepEqual(r.problems, []);
    assert.equal(r.glossary.concepts.length, 1);
    assert.equal(r.glossary.speeches.get('speech-419')?.date, '2016-04-19');
  });

  it('reads a glossary saved with a BOM and CRLF line ends', () => {
    const r = loadGlossaryYaml('\uFEFF' + GOOD.replace(/\n/g, '\r\n'));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.glossary.concepts[0].zh, ['网络强国']);
    // Offsets count the BOM (they index the file's text); lines and columns do not.
    const broken = loadGlossaryYaml('\uFEFFversion: 1\r\nconcepts:\r\n  - id: x\r\n    zh: [""]\r\n');
    assert.equal(broken.problems.length, 1);
    assert.equal(broken.problems[0].line, 4);
    assert.equal(broken.problems[0].column, 10);
    assert.equal(broken.problems[0].start, '\uFEFFversion: 1\r\nconcepts:\r\n  - id: x\r\n    zh: ['.length);
  });

  it('reports an unknown speech id at the speech value', () => {
    assert.deepEqual(problems(GOOD.replace('      - speech: speech-419', '      - speech: speech-420')), [
      '12:17 error Unknown speech "speech-420": it is not listed under "speeches" (known: speech-419).',
    ]);
  });

  it('reports a duplicate concept id at the second one', () => {
    const yaml = GOOD + `  - id: cyber-superpower\n    zh: [网络空间]\n`;
    assert.deepEqual(problems(yaml), ['14:9 error Duplicate concept "cyber-superpower": another concept above has the same id.']);
  });

  it('reports a Chinese form used by two concepts', () => {
    const yaml = GOOD + `  - id: another\n    zh: [网络强国]\n`;
    assert.deepEqual(problems(yaml), ['15:10 error Duplicate concept: "网络强国" is already a form of concept "cyber-superpower".']);
  });

  it('reports an empty form', () => {
    assert.deepEqual(problems(GOOD.replace('zh: [网络强国]', 'zh: ["  "]')), ['8:10 error Empty Chinese form 1 of concept "cyber-superpower": it must contain text.']);
  });

  it('reports a wrong status with the allowed values', () => {
    assert.deepEqual(problems(GOOD.replace('status: preferred', 'status: prefered')), [
      '10:43 error Unknown status "prefered" in rendering "cyber superpower" of concept "cyber-superpower": use preferred, admitted, deprecated or superseded.',
    ]);
  });

  it('reports an unknown field, a missing id and a badly written date', () => {
    const yaml = GOOD.replace('    zh: [网络强国]', '    zh: [网络强国]\n    colour: red').replace('date: "2016-04-19"', 'date: "19 April 2016"');
    assert.deepEqual(problems(yaml), [
      '5:11 error "date" of speech "speech-419": write the date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source gives it.',
      '9:5 error Unknown field "colour" in concept "cyber-superpower".',
    ]);
    assert.deepEqual(problems('version: 1\nconcepts:\n  - zh: [网络强国]\n'), ['3:5 error Concept "#1" is missing "id".']);
  });

  it('keeps the valid concepts when one is broken', () => {
    const yaml = GOOD + `  - id: bad\n    en: [{ text: x, status: nope }]\n  - id: ok\n    zh: [自主创新]\n`;
    const r = loadGlossaryYaml(yaml);
    assert.deepEqual(r.glossary.concepts.map((c) => c.id), ['cyber-superpower', 'ok']);
    assert.equal(r.problems.length, 1);
  });

  it('reports YAML syntax errors with their position and loads nothing', () => {
    const r = loadGlossaryYaml('version: 1\nconcepts:\n  - id: a\n    zh: [网络强国\n');
    assert.equal(r.glossary.concepts.length, 0);
    assert.ok(r.problems.length > 0);
    assert.equal(r.problems[0].severity, 'error');
    assert.match(r.problems[0].message, /^YAML syntax: /);
    assert.equal(r.problems[0].line, 5);
  });

  it('reports duplicate YAML keys', () => {
    const r = problems('version: 1\nconcepts: []\nconcepts: []\n');
    assert.equal(r.length, 1);
    assert.match(r[0], /^3:1 error YAML syntax: Map keys must be unique/);
  });

  it('rejects a document that is not a glossary', () => {
    assert.deepEqual(problems('- just\n- a list\n'), ['1:1 error The glossary must be a mapping, not a list.']);
    assert.deepEqual(problems('version: 2\nconcepts: []\n'), ['1:10 error "version" must be 1.']);
  });

  it('agrees with the JSON Schema: every schema example loads without problems', () => {
    assert.ok(schema.examples.length >= 2);
    for (const example of schema.examples) {
      const r = loadGlossaryYaml(stringify(example));
      assert.deepEqual(r.problems, [], JSON.stringify(example));
      assert.equal(r.glossary.concepts.length, example.concepts.length);
    }
  });
});
