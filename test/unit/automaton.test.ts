import assert from 'node:assert/strict';
import { Automaton } from '../../server/src/core/text/automaton';

/** Every (pattern, end) pair the automaton reports, as "p@end" strings, sorted. */
function scan(a: Automaton, text: string): string[] {
  const out: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = a.step(state, text.charCodeAt(i));
    for (let node = a.output[state] >= 0 ? state : a.dictLink[state]; node !== 0; node = a.dictLink[node]) {
      for (let p = a.output[node]; p >= 0; p = a.patternNext[p]) out.push(`${p}@${i + 1}`);
    }
  }
  return out.sort();
}

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, index) => {
    if (!p) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${index}@${i + p.length}`);
  });
  return out.sort();
}

describe('Aho–Corasick automaton', () => {
  it('finds the textbook matches in "ushers"', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    assert.deepEqual(scan(new Automaton(patterns), 'ushers'), ['0@4', '1@4', '3@6']);
  });

  it('reports duplicate patterns once each, in glossary order', () => {
    const a = new Automaton(['网络强国', '强国', '网络强国']);
    assert.deepEqual(scan(a, '网络强国'), ['0@4', '1@4', '2@4']);
    const node = a.output[a.step(a.step(a.step(a.step(0, 0x7f51), 0x7edc), 0x5f3a), 0x56fd)];
    assert.equal(node, 0);
    assert.equal(a.patternNext[0], 2);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'b', 'c', '网', '络', '𠀀'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(rand() * max) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => word(5));
      const text = word(60);
      assert.deepEqual(scan(new Automaton(patterns), text), naive(patterns, text), `patterns ${JSON.stringify(patterns)} text ${JSON.stringify(text)}`);
    }
  });

  it('accepts no patterns and empty patterns', () => {
    assert.deepEqual(scan(new Automaton([]), 'abc'), []);
    assert.deepEqual(scan(new Automaton(['', 'b']), 'abc'), ['1@2']);
  });
});
