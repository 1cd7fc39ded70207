/**
 * The server's chunked documents against vscode-languageserver-textdocument over random edits: the
 * same text, line count, positions and offsets, on our users' text (CJK, surrogate pairs, CRLF,
 * lone CR, BOM) and across chunk boundaries.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TifaDocument } from '../../server/src/document';

function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // 32-bit arithmetic: a float product loses bits
    return seed / 4294967296;
  };
}

const PIECES = ['网络强国', '\r\n', '\n', '\r', '\uFEFF', '𠀋𡈽', '國', 'cyber superpower', '，', '\n\n', ' ', '\r\r\n', 'x'];

function text(rnd: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

function assertSame(ours: TifaDocument, theirs: TextDocument, rnd: () => number, what: string): void {
  assert.equal(ours.getText(), theirs.getText(), what);
  assert.equal(ours.lineCount, theirs.lineCount, what);
  assert.equal(ours.length, theirs.getText().length, what);
  for (let k = 0; k < 40; k++) {
    const offset = Math.floor(rnd() * (theirs.getText().length + 20)) - 10;
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${what}: positionAt(${offset})`);
    const position = { line: Math.floor(rnd() * (theirs.lineCount + 2)) - 1, character: Math.floor(rnd() * 40) - 2 };
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${what}: offsetAt(${JSON.stringify(position)})`);
    const line = Math.floor(rnd() * (theirs.lineCount + 2)) - 1;
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
    const a = Math.floor(rnd() * theirs.getText().length);
    const b = a + Math.floor(rnd() * 40000);
    assert.equal(ours.slice(a, b), theirs.getText().slice(a, b), `${what}: slice(${a}, ${b})`);
  }
}

describe('chunked documents', () => {
  for (const [seed, size] of [[1, 0], [2, 300], [3, 40_000], [4, 100_000]] as const) {
    it(`behave as TextDocument over 300 random edits (seed ${seed}, ${size} units)`, () => {
      const rnd = random(seed);
      const initial = text(rnd, size);
      const ours = new TifaDocument('file:///a.txt', 'plaintext', 1, initial);
      let theirs = TextDocument.create('file:///a.txt', 'plaintext', 1, initial);
      assertSame(ours, theirs, rnd, 'created');
      for (let i = 0; i < 300; i++) {
        const length = theirs.getText().length;
        const at = (n: number) => theirs.positionAt(Math.floor(rnd() * (n + 1)));
        const kind = rnd();
        // Mostly small edits, some long pastes and deletions that cross chunks, some inverted or out-of-range ranges, a few full replacements.
        const change = kind < 0.02
          ? { text: text(rnd, Math.floor(rnd() * 50_000)) }
          : { range: kind < 0.1 ? { start: { line: theirs.lineCount + 3, character: 0 }, end: at(length) } : { start: at(length), end: at(length) }, text: kind < 0.2 ? text(rnd, Math.floor(rnd() * 40_000)) : text(rnd, Math.floor(rnd() * 4)) };
        if ('range' in change && kind > 0.6) {
          const from = Math.floor(rnd() * (length + 1));
          change.range = { start: theirs.positionAt(from), end: theirs.positionAt(from + Math.floor(rnd() * (kind > 0.9 ? 40_000 : 5))) };
        }
        theirs = TextDocument.update(theirs, [change], i + 2);
        ours.update([change], i + 2);
        assert.equal(ours.version, i + 2);
        if (i % 10 === 0 || i === 299) assertSame(ours, theirs, rnd, `after edit ${i}`);
      }
    });
  }

  it('reads a window without joining the text, and joins it once when asked for all of it', () => {
    const doc = new TifaDocument('file:///b.txt', 'plaintext', 1, '建设网络强国。\r\n'.repeat(10_000));
    doc.update([{ range: { start: { line: 5000, character: 2 }, end: { line: 5000, character: 4 } }, text: '𠀋' }], 2);
    assert.equal(doc.slice(5000 * 9, 5000 * 9 + 9), '建设𠀋强国。\r\n');
    assert.deepEqual(doc.positionAt(5000 * 9 + 4), { line: 5000, character: 4 });
    const all = doc.getText();
    assert.equal(all.length, 10_000 * 9);
    assert.equal(doc.getText(), all); // the same string, not joined again
    assert.equal(doc.getText({ start: { line: 5000, character: 0 }, end: { line: 5001, character: 0 } }), '建设𠀋强国。\r\n');
  });
});
