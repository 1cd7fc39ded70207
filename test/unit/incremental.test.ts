/**
 * Linting again after an edit reuses the matches outside the paragraphs the edit touched: the
 * result must be exactly that of linting from scratch, whatever the edit.
 */
import assert from 'node:assert/strict';
import { commonPrefix, commonSuffix, paragraphEnd, paragraphStart } from '../../server/src/core/text/incremental';
import { styledEngine } from '../helpers';

function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // 32-bit arithmetic: a float product loses bits
    return seed / 4294967296;
  };
}

// Formulations in both scripts and languages, the renderings the checks compare, and what bounds
// paragraphs and prose: blank lines (LF, CRLF, with spaces), fences, code, comments, headings.
const PIECES = [
  '网络强国', '網絡強國', '核心技术是国之重器', '网络', '强国', 'cyber superpower', 'cyber-superpowers', 'Cyber Power', 'network power', '(网络强国, cyber superpower)',
  '建设', '。', '，', ' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '\n \n', '\n\t\n', '𠀋', 'x', '# ', '```\n', '`', '<!-- tifa-disable -->', '<!-- tifa-enable -->', '# tifa-disable-next-line\n', '> ', '- ',
];

function text(rnd: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe('incremental re-analysis', () => {
  it('finds the common prefix and suffix across 4 K blocks', () => {
    const a = '网'.repeat(10_000) + 'A' + '络'.repeat(9_000);
    const b = '网'.repeat(10_000) + 'BC' + '络'.repeat(9_000);
    assert.equal(commonPrefix(a, b), 10_000);
    assert.equal(commonSuffix(a, b, 10_000), 9_000);
    assert.equal(commonSuffix('aaaa', 'aaaa', 4), 0);
    assert.equal(commonSuffix('abab', 'ab', 1), 1);
  });

  it('bounds paragraphs by blank lines (LF, CRLF, with spaces and tabs)', () => {
    const t = 'a\n\nbb\r\n \r\nccc\n\t\nd';
    assert.equal(paragraphStart(t, 4), 3);
    assert.equal(paragraphEnd(t, 4), 6); // the CR stays in the paragraph
    assert.equal(paragraphStart(t, 11), 10);
    assert.equal(paragraphEnd(t, 11), 13);
    assert.equal(paragraphStart(t, 0), 0);
    assert.equal(paragraphEnd(t, 16), t.length);
  });

  for (const kind of ['plaintext', 'markdown'] as const) {
    for (const seed of [11, 12, 13]) {
      it(`gives what a full lint gives over 200 random edits (${kind}, seed ${seed})`, () => {
        const engine = styledEngine();
        const rnd = random(seed);
        let current = text(rnd, 6000);
        let analysis = engine.lint(current, { kind });
        let reused = 0;
        for (let i = 0; i < 200; i++) {
          const at = Math.floor(rnd() * (current.length + 1));
          const removed = rnd() < 0.5 ? 0 : Math.floor(rnd() * (rnd() < 0.1 ? 3000 : 12));
          current = current.slice(0, at) + (rnd() < 0.3 ? '' : text(rnd, Math.floor(rnd() * 30))) + current.slice(at + removed);
          const again = engine.lint(current, { kind }, analysis);
          const scratch = engine.lint(current, { kind });
          assert.deepEqual(again, scratch, `edit ${i} at ${at}`);
          if (again.matches.length && again.matches[0] === analysis.matches[0]) reused++;
          analysis = again;
        }
        assert.ok(reused > 100, `matches were reused after ${reused} of 200 edits`);
      });
    }
  }

  it('does not reuse another engine’s analysis, nor one of another kind', () => {
    const engine = styledEngine();
    const md = '`网络强国`\n\n网络强国\n';
    const asText = engine.lint(md, { kind: 'plaintext' });
    assert.equal(asText.matches.length, 2);
    assert.deepEqual(engine.lint(md + 'x', { kind: 'markdown' }, asText), engine.lint(md + 'x', { kind: 'markdown' }));
    assert.equal(engine.lint(md + 'x', { kind: 'markdown' }, asText).matches.length, 1);
    assert.deepEqual(styledEngine().lint(md + 'y', { kind: 'plaintext' }, asText), engine.lint(md + 'y', { kind: 'plaintext' }));
  });
});
