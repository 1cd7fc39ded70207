/**
 * An Aho–Corasick automaton over UTF-16 code units, stored in typed arrays.
 *
 * Hand-written rather than taken from a library, for two measured reasons: the JavaScript
 * libraries tried are far too slow on CJK alphabets (modern-ahocorasick 3.3.0 took 118 s over
 * 100,000 CJK characters with 5,000 patterns), and none can be fed one normalized unit at a time
 * with our offset map.
 *
 * Layout, chosen by measurement (`npm run bench`): a hash table keyed by (node, unit) spent
 * most of its time on cache misses. Instead, nodes are numbered breadth-first, so the children
 * of a node are consecutive ids whose units are sorted: a transition is a binary search in
 * [first[node], first[node] + count[node]), usually of length one, and the shallow nodes that
 * fail links and scanning visit most sit together at the front of small arrays. Transitions out
 * of the root use a direct 64K table.
 */
export class Automaton {
  readonly rootNext: Int32Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  /** The unit on the edge into each node. */
  readonly unit: Uint16Array;
  readonly fail: Int32Array;
  /** First pattern ending at the node, or -1; further ones through patternNext. */
  readonly output: Int32Array;
  readonly patternNext: Int32Array;
  /** Nearest node on the fail chain with an output, or 0. */
  readonly dictLink: Int32Array;
  readonly patternLength: Int32Array;
  /**
   * What scanning reads of a node, side by side (four per node: first child, child count, fail
   * link, and the node whose outputs end here, or 0): one cache line instead of five arrays, a
   * third faster on a 10,000-term glossary.
   */
  readonly nodes: Int32Array;
  readonly nodeCount: number;
  readonly maxPatternLength: number;

  constructor(patterns: readonly string[]) {
    const n = patterns.length;
    let total = 1;
    let maxLen = 0;
    for (const p of patterns) {
      total += p.length;
      if (p.length > maxLen) maxLen = p.length;
    }
    this.maxPatternLength = maxLen;
    this.patternLength = new Int32Array(n);
    for (let p = 0; p < n; p++) this.patternLength[p] = patterns[p].length;

    // 1. A trie built from the patterns in sorted order: each pattern shares its prefix with
    //    the previous one, so no lookups are needed, and every node's children come out sorted.
    const order = sortedOrder(patterns);
    const tFirstChild = new Int32Array(total).fill(-1);
    const tLastChild = new Int32Array(total).fill(-1);
    const tNextSibling = new Int32Array(total).fill(-1);
    const tUnit = new Uint16Array(total);
    const tOutput = new Int32Array(total).fill(-1);
    const tLastOutput = new Int32Array(total).fill(-1);
    this.patternNext = new Int32Array(n).fill(-1);
    const path = new Int32Array(maxLen + 1); // path[k]: the node for the first k units of `previous`
    let previous = '';
    let nodes = 1;
    for (const p of order) {
      const s = patterns[p];
      if (s.length === 0) continue;
      let lcp = 0;
      const limit = Math.min(s.length, previous.length);
      while (lcp < limit && s.charCodeAt(lcp) === previous.charCodeAt(lcp)) lcp++;
      let node = path[lcp];
      for (let k = lcp; k < s.length; k++) {
        const child = nodes++;
        tUnit[child] = s.charCodeAt(k);
        if (tLastChild[node] < 0) tFirstChild[node] = child;
        else tNextSibling[tLastChild[node]] = child;
        tLastChild[node] = child;
        path[k + 1] = child;
        node = child;
      }
      // Patterns ending at the same node are chained in glossary order (the sort keeps it).
      if (tOutput[node] < 0) tOutput[node] = p;
      else this.patternNext[tLastOutput[node]] = p;
      tLastOutput[node] = p;
      previous = s;
    }
    this.nodeCount = nodes;

    // 2. Renumber breadth-first: children of a node become consecutive ids.
    this.first = new Int32Array(nodes);
    this.count = new Int32Array(nodes);
    this.unit = new Uint16Array(nodes);
    this.output = new Int32Array(nodes);
    this.fail = new Int32Array(nodes);
    this.dictLink = new Int32Array(nodes);
    this.rootNext = new Int32Array(0x10000);
    const queue = new Int32Array(nodes); // old ids, in breadth-first order; the new id is the index
    let head = 0;
    let tail = 1;
    queue[0] = 0;
    while (head < tail) {
      const id = head;
      const old = queue[head++];
      this.output[id] = tOutput[old];
      this.unit[id] = tUnit[old];
      this.first[id] = tail;
      for (let c = tFirstChild[old]; c >= 0; c = tNextSibling[c]) queue[tail++] = c;
      this.count[id] = tail - this.first[id];
    }
    for (let c = this.first[0], end = c + this.count[0]; c < end; c++) this.rootNext[this.unit[c]] = c;

    // 3. Fail and dictionary links, breadth-first (a node's fail target is always shallower).
    for (let c = this.first[0], end = c + this.count[0]; c < end; c++) this.dictLink[c] = 0; // fail = root
    for (let id = 1; id < nodes; id++) {
      for (let c = this.first[id], end = c + this.count[id]; c < end; c++) {
        const cu = this.unit[c];
        let f = this.fail[id];
        let target = 0;
        for (;;) {
          const t = f === 0 ? this.rootNext[cu] : this.get(f, cu);
          if (t > 0) { target = t; break; }
          if (f === 0) break;
          f = this.fail[f];
        }
        this.fail[c] = target;
        this.dictLink[c] = this.output[target] >= 0 ? target : this.dictLink[target];
      }
    }
    this.nodes = new Int32Array(nodes * 4);
    for (let id = 0; id < nodes; id++) {
      this.nodes[id * 4] = this.first[id];
      this.nodes[id * 4 + 1] = this.count[id];
      this.nodes[id * 4 + 2] = this.fail[id];
      this.nodes[id * 4 + 3] = this.output[id] >= 0 ? id : this.dictLink[id];
    }
  }

  /** The transition (node, unit), or -1. Node must not be the root. */
  get(node: number, unit: number): number {
    let lo = this.first[node];
    let hi = lo + this.count[node] - 1;
    const units = this.unit;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = units[mid];
      if (m === unit) return mid;
      if (m < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The next state from `state` on `unit`, following fail links. */
  step(state: number, unit: number): number {
    for (;;) {
      if (state === 0) return this.rootNext[unit];
      const t = this.get(state, unit);
      if (t >= 0) return t;
      state = this.fail[state];
    }
  }
}

/**
 * Pattern indices in code-unit order (ties in glossary order). Bucketed by first unit first:
 * each bucket is small, so the comparison sort that follows does far less work.
 */
function sortedOrder(patterns: readonly string[]): number[] {
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < patterns.length; i++) {
    const u = patterns[i].length ? patterns[i].charCodeAt(0) : -1;
    const b = buckets.get(u);
    if (b) b.push(i);
    else buckets.set(u, [i]);
  }
  const order: number[] = [];
  for (const u of [...buckets.keys()].sort((a, b) => a - b)) {
    const b = buckets.get(u)!;
    if (b.length > 1) {
      b.sort((x, y) => {
        const px = patterns[x];
        const py = patterns[y];
        return px < py ? -1 : px > py ? 1 : x - y;
      });
    }
    for (const i of b) order.push(i);
  }
  return order;
}
