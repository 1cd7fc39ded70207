import assert from 'node:assert/strict';
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTwp from 'opencc-js/to/twp';
import { regionalForms } from '../../server/src/core';
import { normalizedText } from '../../server/src/core/text/normalize';
import { lazyConverter } from '../../server/src/opencc';
import { builtinGlossary, fixture, matches } from '../helpers';
import { TifaEngine } from '../../server/src/core/engine';

/** Every 1- to 8-unit substring of the fixtures' Chinese text, with hand-picked hard cases. */
function phrases(): string[] {
  const text = fixture('wuzhen-2015-12-16-excerpt.txt') + fixture('digichina-2018-05-01-article.txt');
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff\uff0c]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) for (let n = 1; n <= 8 && i + n <= run.length; n++) out.add(run.slice(i, i + n));
  }
  for (const c of builtinGlossary().concepts) for (const f of c.zh) out.add(f);
  // Characters whose conversion folds back to another character (背 → 揹, 么 → 麼, 了 → 瞭, 借 → 藉),
  // Taiwan vocabulary, traditional input, a supplementary character.
  for (const p of ['们背着党中央', '那么多飞机', '明了方向', '以任何借口干', '软件工程', '网络信息', '信息化', '資訊網路', '𠮶们的鼠标']) out.add(p);
  return [...out];
}

describe('regional (Taiwan) forms', () => {
  const reference = ConverterFactory(fromCn, toTwp);
  const all = phrases();

  it('the lazily filled converter gives what opencc-js gives, whatever order the phrases come in', () => {
    assert.ok(all.length > 2000, `${all.length} phrases`);
    const forward = lazyConverter([...fromCn, ...toTwp]);
    const backward = lazyConverter([...fromCn, ...toTwp]);
    const differ = (convert: (s: string) => string, list: string[]) => list.filter((p) => convert(p) !== reference(p));
    assert.deepEqual(differ(forward, all), []);
    assert.deepEqual(differ(backward, [...all].reverse()), []);
    assert.equal(forward('软件工程'), '軟體工程');
  });

  it('skips the converter only for phrases it cannot change (triggers), never changing a result', () => {
    const differ: string[] = [];
    let changed = 0;
    for (const p of all) {
      const expected = new Set([normalizedText(p), normalizedText(reference(p))]);
      const got = new Set([normalizedText(p), ...regionalForms(p).map(normalizedText)]);
      if (expected.size > 1) changed++;
      if (expected.size !== got.size || [...expected].some((x) => !got.has(x))) differ.push(p);
    }
    assert.deepEqual(differ, []);
    assert.ok(changed > 50, `${changed} phrases change`);
    assert.deepEqual(regionalForms('国家安全'), []);
    assert.deepEqual(regionalForms('软件工程'), ['軟體工程']);
  });

  it('a user glossary form is found in Taiwan writing and through a character that folds back differently', () => {
    const glossary = { ...builtinGlossary(), concepts: [
      { ...builtinGlossary().concepts[0], id: 'software', zh: ['软件工程'], en: [] },
      { ...builtinGlossary().concepts[0], id: 'back', zh: ['背着党中央'], en: [] },
    ] };
    const engine = new TifaEngine(glossary);
    assert.deepEqual(matches('發展軟體工程，不能揹著黨中央。', engine), [
      ['軟體工程', 2, 6, 'software'],
      ['揹著黨中央', 9, 14, 'back'],
    ]);
  });
});
