import assert from 'node:assert/strict';
import { normalizeString } from '../../server/src/core/text/normalize';

describe('normalization', () => {
  const norm = (s: string) => normalizeString(s).text;

  it('drops line breaks and spaces between Chinese characters (wrapped Markdown)', () => {
    assert.equal(norm('网络\n强国'), '网络强国');
    assert.equal(norm('网络\r\n  强国'), '网络强国');
    assert.equal(norm('网络　强国'), '网络强国'); // ideographic space
  });

  it('turns a blank line (the end of a paragraph) into a line break no formulation crosses', () => {
    assert.equal(norm('网络\n\n强国'), '网络\n强国');
    assert.equal(norm('网络\r\n  \r\n强国'), '网络\n强国');
    assert.equal(norm('cyber\n\nsuperpower'), 'cyber\nsuperpower');
    const r = normalizeString('网络\r\n\r\n强国');
    assert.deepEqual([r.starts[2], r.ends[2]], [2, 6]);
  });

  it('keeps one space between Chinese and Latin text, none next to Chinese punctuation', () => {
    assert.equal(norm('强国 cyber'), '强国 cyber');
    assert.equal(norm('安全， 没有'), '安全,没有');
    assert.equal(norm('安全, 没有'), '安全,没有');
    assert.equal(norm('superpower (网络强国)'), 'superpower (网络强国)');
    assert.equal(norm('(网络强国) 是'), '(网络强国)是');
  });

  it('folds traditional characters that Japanese also simplifies to the Chinese simplified ones, not to Japanese forms', () => {
    // A reversed Japanese dictionary once folded 經 to 経: traditional 經濟 never matched 经济.
    assert.equal(norm('經濟發展，實施對外開放，兩岸歷史'), '经济发展,实施对外开放,两岸历史');
    // Characters Japanese uses for others stay themselves: 芸 is not 艺.
    assert.equal(norm('芸芸众生'), '芸芸众生');
  });

  it('folds traditional and variant characters to simplified with OpenCC data', () => {
    assert.equal(norm('網絡強國'), '网络强国');
    assert.equal(norm('網路強國'), '网路强国'); // a Taiwan word: found through the pattern side, not here
    assert.equal(norm('國之重器'), '国之重器');
  });

  it('folds full-width letters, digits and punctuation', () => {
    assert.equal(norm('，；：！？（）'), ',;:!?()');
    assert.equal(norm('ＡＢＣ１２３'), 'abc123');
  });

  it('lower-cases English, folds hyphens, space runs and line breaks, straightens quotes', () => {
    assert.equal(norm('Cyber-Superpower'), 'cyber superpower');
    assert.equal(norm('cyber \r\n\t superpower'), 'cyber superpower');
    assert.equal(norm('cyber - superpower'), 'cyber superpower');
    assert.equal(norm('China’s “core” technology'), 'china\'s "core" technology');
  });

  it('drops a BOM and zero-width characters, keeping the offset map', () => {
    const r = normalizeString('\uFEFF网\u200B络');
    assert.equal(r.text, '网络');
    assert.deepEqual(r.starts, [1, 3]);
    assert.deepEqual(r.ends, [2, 4]);
  });

  it('maps every normalized unit back to its original UTF-16 range', () => {
    const r = normalizeString('A-b\r\nc');
    assert.equal(r.text, 'a b c');
    assert.deepEqual(r.starts, [0, 1, 2, 3, 5]);
    assert.deepEqual(r.ends, [1, 2, 3, 5, 6]);
  });

  it('keeps surrogate pairs whole (both units map to the pair)', () => {
    const r = normalizeString('𠀀网');
    assert.equal(r.text, '𠀀网');
    assert.deepEqual(r.starts, [0, 0, 2]);
    assert.deepEqual(r.ends, [2, 2, 3]);
    // A supplementary ideograph is Chinese text: a line break after it vanishes.
    assert.equal(norm('𠀀\n网'), '𠀀网');
  });

  it('passes lone surrogates through unchanged', () => {
    assert.equal(norm('\uD800a\uDC00'), '\uD800a\uDC00');
  });

  it('streams long texts in chunks without losing the map', () => {
    const text = '网络强国 '.repeat(5000); // 25,000 units: several 8,192-unit chunks
    const r = normalizeString(text);
    assert.equal(r.text.length, 20000); // every space touches Chinese text on both sides
    assert.equal(r.text.slice(0, 8), '网络强国网络强国');
    assert.equal(r.starts[4], 5);
    assert.equal(r.starts[8191], 10238); // the last unit of the first chunk
    assert.equal(r.starts[8192], 10240);
    assert.equal(r.starts[19999], 24998);
  });
});
