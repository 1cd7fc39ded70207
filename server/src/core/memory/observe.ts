/**
 * Renderings observed in translation memories. For every formulation in a unit's source (a
 * glossary concept, or a candidate from the record), the English its target uses:
 *
 * - Known renderings are counted exactly: the matcher finds the glossary's renderings (inflected
 *   too) in the target, and failing that a close variant of an accepted one (other articles and
 *   prepositions, a compound reordered: core/text/variants.ts) counts for that rendering.
 * - The targets that have none are mined: English n-grams (lemmas, as the matcher compares words;
 *   never across punctuation; starting and ending on a content word) are ranked by Dunning's
 *   log-likelihood ratio G² of the units that hold the formulation and the units that hold the
 *   n-gram over the whole memory (Dice, 2·both / (formulation + n-gram), ranked the specific
 *   phrase of one story above the word every unit has: “Internet medical” over “Internet”). The
 *   best is written as the longest phrase around it that three quarters of its units have
 *   (“climate change” around “climate”), the units it explains are set aside, and the next is
 *   sought in the rest (at most three). A mined rendering needs two units and a Dice of 0.2: one unit says nothing
 *   about which of its words render what, so Tifa says nothing.
 *
 * Mined renderings are observations with their Dice coefficient as confidence, never glossary
 * renderings.
 * Cost is linear in the memory: one tokenization per target, one pass over n-grams.
 */
import type { TifaEngine } from '../engine';
import type { Concept, RenderingStatus } from '../glossary/model';
import type { FormulationMatch } from '../text/matcher';
import { lemma, skeleton, variantSpans, type Word, words } from '../text/variants';
import type { MemoryUnit } from './units';

export interface ObservedRendering {
  /** As the translations write it (a glossary rendering: as the glossary does). */
  en: string;
  /** Units whose target has it. */
  count: number;
  units: number[];
  /** glossary: a glossary rendering (or a close variant of one); mined: found by alignment statistics. */
  kind: 'glossary' | 'mined';
  /** A glossary rendering's status. */
  status?: RenderingStatus;
  /** Mined: the Dice coefficient of the formulation's units and the rendering's (0–1). */
  confidence?: number;
  /** Mined: its lemmas, to find it in other targets. */
  lemmas?: string[];
}

export interface MemoryEntry {
  /** The concept's id (a candidate's is candidate:<zh>). */
  id: string;
  zh: string;
  inGlossary: boolean;
  /** Units whose source has the formulation. */
  units: number[];
  /** Most frequent first. */
  renderings: ObservedRendering[];
}

export interface MemoryFile {
  /** A path or name, as the caller wants it shown. */
  name: string;
  units: MemoryUnit[];
}

/** Fewest units a mined rendering must appear in; lowest Dice it may have. */
export const MIN_MINED_UNITS = 2;
export const MIN_DICE = 0.2;
const MAX_NGRAM = 6;
const MAX_MINED = 3;
/** A longer phrase around the best is taken when at least this share of the best's units have it. */
const EXTEND_SHARE = 0.75;

const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'with', 'to', 'in', 'on', 'at', 'by', 'from', 'into', 'and', 'or', 's', 'as', 'is', 'be', 'are', 'wa', 'were', 'it', 'that', 'this', 'which', 'will', 'would', 'ha', 'have', 'had', 'not', 'their', 'its', 'our', 'we', 'they', 'he', 'she', 'i', 'you']);

export class TranslationMemory {
  readonly entries = new Map<string, MemoryEntry>();
  constructor(
    readonly files: readonly string[],
    /** Per unit: its file's index, the target's range, and its texts. */
    readonly unitFile: Uint32Array,
    readonly unitTarget: Int32Array,
    readonly zh: readonly string[],
    readonly en: readonly string[],
  ) {}

  get unitCount(): number {
    return this.zh.length;
  }

  entry(id: string): MemoryEntry | undefined {
    return this.entries.get(id);
  }

  unit(i: number): { file: string; target: [number, number]; zh: string; en: string } {
    return { file: this.files[this.unitFile[i]], target: [this.unitTarget[2 * i], this.unitTarget[2 * i + 1]], zh: this.zh[i], en: this.en[i] };
  }

  /** Entries with at least one rendering, the most units first. */
  list(): MemoryEntry[] {
    return [...this.entries.values()].filter((e) => e.renderings.length > 0).sort((a, b) => b.units.length - a.units.length || a.zh.localeCompare(b.zh));
  }
}

/** The formulations in a source: glossary concepts (and those inside them), then candidates no glossary match overlaps. */
export function sourceConcepts(zh: string, engine: TifaEngine, candidates?: TifaEngine): Concept[] {
  const out: Concept[] = [];
  const matches = engine.find(zh).filter((m) => m.language === 'zh');
  for (const m of matches) {
    if (!out.includes(m.concept)) out.push(m.concept);
    for (const c of m.contains) if (!out.includes(c)) out.push(c);
  }
  if (candidates) {
    for (const m of candidates.find(zh)) {
      if (m.language !== 'zh' || matches.some((g) => g.start < m.end && m.start < g.end)) continue;
      if (!out.includes(m.concept)) out.push(m.concept);
    }
  }
  return out;
}

const skeletons = new WeakMap<Concept, Array<{ text: string; status: RenderingStatus; skeleton: string[] }>>();

function accepted(concept: Concept): Array<{ text: string; status: RenderingStatus; skeleton: string[] }> {
  let list = skeletons.get(concept);
  if (!list) {
    list = concept.en.filter((r) => r.status === 'preferred' || r.status === 'admitted').map((r) => ({ text: r.text, status: r.status, skeleton: skeleton(r.text) }));
    skeletons.set(concept, list);
  }
  return list;
}

/**
 * The glossary rendering of `concept` a target uses, with its span: a rendering the matcher finds,
 * or a close variant of an accepted one. Undefined when the target has none (or renders the concept
 * only inside a longer formulation's rendering: then which words are its own is not known).
 */
export function knownRendering(concept: Concept, target: string, enMatches: readonly FormulationMatch[], targetWords: () => Word[] = () => words(target)): { text: string; status: RenderingStatus; start: number; end: number } | 'inside' | undefined {
  for (const m of enMatches) if (m.concept === concept && m.rendering) return { text: m.rendering.text, status: m.rendering.status, start: m.start, end: m.end };
  if (enMatches.some((m) => m.contains.includes(concept))) return 'inside';
  const list = accepted(concept);
  if (list.length === 0) return undefined;
  const ws = targetWords();
  for (const r of list) {
    const [span] = variantSpans(ws, r.skeleton);
    if (span) return { text: r.text, status: r.status, start: span.start, end: span.end };
  }
  return undefined;
}

/**
 * Keys of word-id sequences: two 32-bit hashes folded into one 53-bit number (a collision in
 * millions of n-grams is negligible), extended a word at a time without allocating.
 */
const SEED1 = 0x811c9dc5;
const SEED2 = 0x01000193;
const next1 = (h1: number, id: number) => Math.imul(h1 ^ (id + 0x9e3779b9), 0x85ebca6b) >>> 0;
const next2 = (h2: number, id: number) => Math.imul((h2 + id) ^ 0xc2b2ae35, 0x27d4eb2f) >>> 0;
const keyOf = (h1: number, h2: number) => h1 * 2097152 + (h2 >>> 11);
const TWO_21 = 2097152;

/**
 * A set of n-gram keys in typed arrays, by open addressing: the pass over every target looks keys
 * up millions of times, and a Map of 53-bit numbers boxes each one (three times slower here).
 * A key is its two halves, compared exactly.
 */
class KeyTable {
  private hi = new Int32Array(1024);
  private lo = new Int32Array(1024);
  private used = new Uint8Array(1024);
  size = 0;

  private slot(a: number, b: number): number {
    const mask = this.used.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask;
    while (this.used[i] && (this.hi[i] !== a || this.lo[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The key's index (0…size-1 in insertion order), added if new. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const a = Math.floor(key / TWO_21) | 0;
    const b = key % TWO_21;
    const i = this.slot(a, b);
    if (!this.used[i]) {
      this.used[i] = 1;
      this.hi[i] = a;
      this.lo[i] = b;
      this.index[i] = this.size++;
    }
    return this.index[i];
  }

  private index = new Int32Array(1024);

  /** The index of the key whose halves are h1 and h2 >>> 11 (see keyOf), or -1. */
  find(h1: number, h2: number): number {
    const i = this.slot(h1 | 0, h2 >>> 11);
    return this.used[i] ? this.index[i] : -1;
  }

  has(key: number): boolean {
    const i = this.slot(Math.floor(key / TWO_21) | 0, key % TWO_21);
    return this.used[i] === 1;
  }

  private grow(): void {
    const { hi, lo, used, index } = this;
    const size = used.length * 2;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.index = new Int32Array(size);
    for (let i = 0; i < used.length; i++) {
      if (!used[i]) continue;
      const j = this.slot(hi[i], lo[i]);
      this.used[j] = 1;
      this.hi[j] = hi[i];
      this.lo[j] = lo[i];
      this.index[j] = index[i];
    }
  }
}

/** Word ids of a target, -1 where punctuation breaks a phrase; with each word's offsets. */
interface Tokens {
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** Between two words of one phrase: spaces, hyphens, slashes. */
const isJoinCode = (c: number) => c === 32 || c === 45 || c === 47 || c === 9 || c === 0xa0;

/** Words to ids: each distinct spelling is lemmatized once, and lemmas numbered. */
class Vocabulary {
  private readonly byLemma = new Map<string, number>();
  private readonly bySpelling = new Map<string, number>();
  readonly lemmas: string[] = [];
  readonly functional: boolean[] = [];

  private idOf(spelling: string): number {
    let id = this.bySpelling.get(spelling);
    if (id !== undefined) return id;
    const l = lemma(spelling);
    id = this.byLemma.get(l);
    if (id === undefined) {
      id = this.lemmas.length;
      this.byLemma.set(l, id);
      this.lemmas.push(l);
      this.functional.push(FUNCTION_WORDS.has(l) || /^#?\d+$/.test(l) || l.length === 1);
    }
    this.bySpelling.set(spelling, id);
    return id;
  }

  tokens(text: string): Tokens {
    const ids: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    this.scan(text, ids, starts, ends);
    return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }

  ids(text: string, out: number[]): number[] {
    out.length = 0;
    this.scan(text, out);
    return out;
  }

  /**
   * Word ids into `ids` (-1 where punctuation breaks a phrase), and each word's offsets when asked.
   * A scan of character codes: a spelling seen before is found by a hash of its characters, so no
   * string is cut out of the text for it (over 100,000 targets, a regular expression and a string
   * per word cost twice as much).
   */
  private scan(text: string, ids: number[], starts?: number[], ends?: number[]): void {
    const n = text.length;
    let i = 0;
    let previousEnd = -1;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      let h1 = SEED1;
      let h2 = SEED2;
      while (i < n && isWordCode((c = text.charCodeAt(i)))) {
        h1 = next1(h1, c);
        h2 = next2(h2, c);
        i++;
      }
      const end = i;
      // A possessive or contraction ("China's", "don't") belongs to its word.
      if (i + 1 < n && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && text.charCodeAt(i + 1) >= 97 && text.charCodeAt(i + 1) <= 122) {
        i++;
        while (i < n && text.charCodeAt(i) >= 97 && text.charCodeAt(i) <= 122) i++;
      }
      if (previousEnd >= 0) {
        for (let k = previousEnd; k < start; k++) {
          if (!isJoinCode(text.charCodeAt(k))) {
            ids.push(-1);
            starts?.push(previousEnd);
            ends?.push(start);
            break;
          }
        }
      }
      const slot = this.spellings.find(h1, h2);
      let id: number;
      if (slot >= 0) id = this.spellingIds[slot];
      else {
        id = this.idOf(text.slice(start, end));
        this.spellingIds[this.spellings.add(keyOf(h1, h2))] = id;
      }
      ids.push(id);
      starts?.push(start);
      ends?.push(i);
      previousEnd = i;
    }
  }

  private readonly spellings = new KeyTable();
  private readonly spellingIds: number[] = [];
}

/** Calls visit(key, from, to) for every n-gram of the tokens that may be a rendering. */
function forEachNgram(ids: ArrayLike<number>, vocab: Vocabulary, visit: (key: number, from: number, to: number) => void): void {
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] < 0 || vocab.functional[ids[i]]) continue;
    let h1 = SEED1;
    let h2 = SEED2;
    for (let j = i; j < ids.length && j - i < MAX_NGRAM; j++) {
      if (ids[j] < 0) break;
      h1 = next1(h1, ids[j]);
      h2 = next2(h2, ids[j]);
      if (!vocab.functional[ids[j]]) visit(keyOf(h1, h2), i, j + 1);
    }
  }
}

/** The keys of every prefix (function words included) of the wanted n-grams in these tokens. */
function addPrefixes(ids: ArrayLike<number>, wanted: ReadonlySet<number>, prefixes: KeyTable): void {
  const walk: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] < 0) continue;
    let h1 = SEED1;
    let h2 = SEED2;
    walk.length = 0;
    for (let j = i; j < ids.length && j - i < MAX_NGRAM; j++) {
      if (ids[j] < 0) break;
      h1 = next1(h1, ids[j]);
      h2 = next2(h2, ids[j]);
      const key = keyOf(h1, h2);
      walk.push(key);
      if (wanted.has(key)) for (const k of walk) prefixes.add(k);
    }
  }
}

/**
 * Builds the memory's observations, yielding every few hundred units so that a server can answer
 * requests meanwhile. `candidates` is the record's candidate engine (formulations the glossary lacks).
 */
export function* buildMemorySteps(files: readonly MemoryFile[], engine: TifaEngine, candidates?: TifaEngine): Generator<void, TranslationMemory> {
  let total = 0;
  for (const f of files) total += f.units.length;
  const unitFile = new Uint32Array(total);
  const unitTarget = new Int32Array(2 * total);
  const zhTexts: string[] = [];
  const enTexts: string[] = [];
  files.forEach((f, fi) => {
    for (const u of f.units) {
      const i = zhTexts.length;
      unitFile[i] = fi;
      unitTarget[2 * i] = u.target[0];
      unitTarget[2 * i + 1] = u.target[1];
      zhTexts.push(u.zh);
      enTexts.push(u.en);
    }
  });
  const memory = new TranslationMemory(files.map((f) => f.name), unitFile, unitTarget, zhTexts, enTexts);

  // 1. Formulations in each source; known renderings in each target; the rest pooled for mining.
  const conceptOf = new Map<string, Concept>();
  const pools = new Map<string, number[]>();
  const known = new Map<string, Map<string, ObservedRendering>>();
  for (let i = 0; i < total; i++) {
    if (i % 500 === 499) yield;
    const concepts = sourceConcepts(zhTexts[i], engine, candidates);
    if (concepts.length === 0) continue;
    const enMatches = engine.find(enTexts[i]).filter((m) => m.language === 'en');
    // The target's words once, for every concept's variants (and only if one needs them).
    let ws: Word[] | undefined;
    const targetWords = () => (ws ??= words(enTexts[i]));
    for (const c of concepts) {
      conceptOf.set(c.id, c);
      let entry = memory.entries.get(c.id);
      if (!entry) memory.entries.set(c.id, (entry = { id: c.id, zh: c.zh[0] ?? c.id, inGlossary: !c.id.startsWith('candidate:'), units: [], renderings: [] }));
      entry.units.push(i);
      const found = knownRendering(c, enTexts[i], enMatches, targetWords);
      if (found === 'inside') continue;
      if (found) {
        const byText = known.get(c.id) ?? new Map<string, ObservedRendering>();
        known.set(c.id, byText);
        const r = byText.get(found.text) ?? { en: found.text, count: 0, units: [], kind: 'glossary' as const, status: found.status };
        byText.set(found.text, r);
        if (r.units[r.units.length - 1] !== i) {
          r.units.push(i);
          r.count++;
        }
      } else {
        const pool = pools.get(c.id) ?? [];
        pools.set(c.id, pool);
        pool.push(i);
      }
    }
  }

  // 2. Candidate n-grams: those in at least two targets of a pool (other concepts' glossary renderings masked).
  const vocab = new Vocabulary();
  const tokenCache = new Map<number, Tokens>();
  const tokensOf = (i: number) => {
    let t = tokenCache.get(i);
    if (!t) tokenCache.set(i, (t = vocab.tokens(enTexts[i])));
    return t;
  };
  const poolGrams = new Map<string, Array<Set<number>>>();
  const wanted = new Set<number>();
  let steps = 0;
  for (const [id, pool] of pools) {
    if (pool.length < MIN_MINED_UNITS) continue;
    const perUnit: Array<Set<number>> = [];
    const counts = new Map<number, number>();
    for (const i of pool) {
      if (++steps % 500 === 0) yield;
      const grams = new Set<number>();
      forEachNgram(tokensOf(i).ids, vocab, (key) => grams.add(key));
      perUnit.push(grams);
      for (const k of grams) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    poolGrams.set(id, perUnit);
    for (const [k, n] of counts) if (n >= MIN_MINED_UNITS) wanted.add(k);
  }

  // 3. How many targets of the whole memory hold each candidate n-gram: one pass, in which a walk
  // from a word goes on only while the words so far begin some candidate (most stop at the first).
  const global = new Map<number, number>();
  if (wanted.size > 0) {
    const prefixes = new KeyTable();
    for (const pool of pools.values()) if (pool.length >= MIN_MINED_UNITS) for (const i of pool) addPrefixes(tokensOf(i).ids, wanted, prefixes);
    const table = new KeyTable();
    for (const k of wanted) table.add(k);
    const counts = new Int32Array(table.size);
    const lastUnit = new Int32Array(table.size).fill(-1);
    // The words a candidate can start with, by id: most words are none, and cost one array read.
    const starts = new Uint8Array(vocab.lemmas.length + 1);
    for (const pool of pools.values()) {
      if (pool.length < MIN_MINED_UNITS) continue;
      for (const i of pool) {
        const t = tokensOf(i).ids;
        for (let k = 0; k < t.length; k++) if (t[k] >= 0 && prefixes.find(next1(SEED1, t[k]), next2(SEED2, t[k])) >= 0) starts[t[k]] = 1;
      }
    }
    const ids: number[] = [];
    for (let u = 0; u < total; u++) {
      if (u % 2000 === 1999) yield;
      const t = tokenCache.get(u)?.ids ?? vocab.ids(enTexts[u], ids);
      for (let i = 0; i < t.length; i++) {
        const first = t[i];
        if (first < 0 || first >= starts.length || starts[first] === 0 || vocab.functional[first]) continue;
        let h1 = SEED1;
        let h2 = SEED2;
        for (let j = i; j < t.length && j - i < MAX_NGRAM; j++) {
          const id = t[j];
          if (id < 0) break;
          h1 = next1(h1, id);
          h2 = next2(h2, id);
          if (prefixes.find(h1, h2) < 0) break;
          const w = table.find(h1, h2);
          if (w >= 0 && lastUnit[w] !== u) {
            lastUnit[w] = u;
            counts[w]++;
          }
        }
      }
    }
    for (const k of wanted) global.set(k, counts[table.add(k)]);
  }

  // 4. Per concept: the best n-grams by G², each explaining its units, at most three.
  for (const [id, entry] of memory.entries) {
    const renderings = [...(known.get(id)?.values() ?? [])];
    const pool = pools.get(id);
    const perUnit = poolGrams.get(id);
    if (pool && perUnit) {
      let remaining = pool.map((_, k) => k);
      for (let round = 0; round < MAX_MINED && remaining.length >= MIN_MINED_UNITS; round++) {
        const counts = new Map<number, number>();
        for (const k of remaining) for (const g of perUnit[k]) if (wanted.has(g)) counts.set(g, (counts.get(g) ?? 0) + 1);
        let best: { key: number; dice: number; score: number; count: number } | undefined;
        const scoreOf = (g: number, n: number) => (logLikelihood(n, pool.length, global.get(g) ?? n, total));
        for (const [g, n] of counts) {
          if (n < MIN_MINED_UNITS) continue;
          const dice = (2 * n) / (pool.length + (global.get(g) ?? n));
          if (dice < MIN_DICE) continue;
          const score = scoreOf(g, n);
          if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && n > best.count)) best = { key: g, dice, score, count: n };
        }
        if (!best) break;
        // The phrase as the translations write it: a longer phrase around the best one that most of
        // its units have ("climate change" around "climate"); else, of the tied, the longest.
        const holding = remaining.filter((k) => perUnit[k].has(best!.key));
        const longer = longerPhrase(best.key, holding.map((k) => pool[k]), tokensOf, vocab, Math.max(MIN_MINED_UNITS, Math.ceil(EXTEND_SHARE * best.count)));
        const chosen = longer ?? best.key;
        const ties = longer ? [longer] : [...counts].filter(([g, n]) => n === best!.count && Math.abs(scoreOf(g, n) - best!.score) <= 1e-9).map(([g]) => g);
        const units = remaining.filter((k) => perUnit[k].has(chosen)).map((k) => pool[k]);
        const surface = surfaceOf(ties, units, tokensOf, vocab, enTexts);
        if (!surface) break;
        const n = units.length;
        const dice = (2 * n) / (pool.length + (global.get(chosen) ?? n));
        renderings.push({ en: surface.text, count: n, units, kind: 'mined', confidence: Math.round(dice * 100) / 100, lemmas: surface.lemmas });
        remaining = remaining.filter((k) => !perUnit[k].has(chosen));
      }
    }
    entry.renderings = renderings.sort((a, b) => b.count - a.count || Number(a.kind === 'mined') - Number(b.kind === 'mined'));
  }
  return memory;
}

/**
 * The longest phrase (up to MAX_NGRAM words, starting and ending on content words) that contains
 * the phrase `key` and stands in at least `least` of these units.
 */
function longerPhrase(key: number, units: readonly number[], tokensOf: (i: number) => Tokens, vocab: Vocabulary, least: number): number | undefined {
  const seen = new Map<number, { units: number; length: number; last: number }>();
  for (const u of units) {
    const ids = tokensOf(u).ids;
    const spans: Array<[number, number]> = [];
    forEachNgram(ids, vocab, (k, from, to) => {
      if (k === key) spans.push([from, to]);
    });
    for (const [from, to] of spans) {
      for (let a = from; a >= 0 && to - a <= MAX_NGRAM; a--) {
        if (ids[a] < 0) break;
        if (vocab.functional[ids[a]]) continue;
        let h1 = SEED1;
        let h2 = SEED2;
        for (let j = a; j < ids.length && j - a < MAX_NGRAM; j++) {
          if (ids[j] < 0) break;
          h1 = next1(h1, ids[j]);
          h2 = next2(h2, ids[j]);
          if (j + 1 < to || vocab.functional[ids[j]] || (a === from && j + 1 === to)) continue;
          const k = keyOf(h1, h2);
          const entry = seen.get(k) ?? { units: 0, length: j + 1 - a, last: -1 };
          if (entry.last !== u) {
            entry.last = u;
            entry.units++;
          }
          seen.set(k, entry);
        }
      }
    }
  }
  let best: [number, { units: number; length: number }] | undefined;
  for (const e of seen) if (e[1].units >= least && (!best || e[1].length > best[1].length || (e[1].length === best[1].length && e[1].units > best[1].units))) best = e;
  return best?.[0];
}

/** Dunning's log-likelihood ratio G² of an n-gram in n of the pool's p units and g of all t units (0 unless positively associated). */
function logLikelihood(n: number, p: number, g: number, t: number): number {
  const a = n;
  const b = p - n;
  const c = g - n;
  const d = t - p - c;
  if (a / p <= c / Math.max(1, t - p)) return 0;
  const term = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  return 2 * (term(a, (r1 * c1) / t) + term(b, (r1 * c2) / t) + term(c, (r2 * c1) / t) + term(d, (r2 * c2) / t));
}

/**
 * The longest of the tied n-grams, as the targets most often write it; a capital the first word
 * has only because it opens the sentence is lowered.
 */
function surfaceOf(keys: number[], units: number[], tokensOf: (i: number) => Tokens, vocab: Vocabulary, en: readonly string[]): { text: string; lemmas: string[] } | undefined {
  const wantedKeys = new Set(keys);
  let bestLength = 0;
  const forms = new Map<string, { n: number; lemmas: string[] }>();
  for (const i of units) {
    const t = tokensOf(i);
    forEachNgram(t.ids, vocab, (key, from, to) => {
      if (!wantedKeys.has(key)) return;
      const length = to - from;
      if (length < bestLength) return;
      if (length > bestLength) {
        bestLength = length;
        forms.clear();
      }
      let text = en[i].slice(t.starts[from], t.ends[to - 1]);
      if (t.starts[from] === en[i].length - en[i].trimStart().length && /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]/.test(text.split(/\s+/)[1] ?? 'x')) text = text[0].toLowerCase() + text.slice(1);
      const f = forms.get(text) ?? { n: 0, lemmas: Array.from(t.ids.subarray(from, to), (id) => vocab.lemmas[id]) };
      f.n++;
      forms.set(text, f);
    });
  }
  let best: [string, { n: number; lemmas: string[] }] | undefined;
  for (const f of forms) if (!best || f[1].n > best[1].n) best = f;
  return best ? { text: best[0], lemmas: best[1].lemmas } : undefined;
}

/** Where a mined rendering (its lemmas) stands in a target, if it does. */
export function findLemmas(target: string, lemmas: readonly string[], ws: readonly Word[] = words(target)): { start: number; end: number } | undefined {
  for (let i = 0; i + lemmas.length <= ws.length; i++) {
    let ok = true;
    for (let k = 0; k < lemmas.length && ok; k++) ok = ws[i + k].lemma === lemmas[k] && (k === 0 || ws[i + k].joined);
    if (ok) return { start: ws[i].start, end: ws[i + lemmas.length - 1].end };
  }
  return undefined;
}
