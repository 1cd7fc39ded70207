/**
 * Discovery: formulations the glossary lacks, mined from dated texts. Three signals, each kept
 * with the candidate so that a person can see why it is one:
 *
 * - quoted: official texts put a formulation in quotation marks when they introduce or invoke it
 *   (“两个一百年”, “放管服”); a phrase quoted in two documents, or quoted once and used in another.
 * - numbered: a numeral and a counter opening the phrase (三大攻坚战, 四个全面, 两个维护), or
 *   numerals set in parallel (三严三实, 一带一路, 三去一降一补).
 * - recurring: a cohesive phrase used across documents: its characters recur together in at least
 *   MIN_DOCUMENTS texts, and what comes before and after it varies (branching entropy, Jin & Tanaka-
 *   Ishii 2006): a fragment of a longer phrase (小康社 in 小康社会) has one neighbour and is no
 *   phrase; a phrase has many.
 *
 * Counting is level by level over runs of Han characters: an n-gram is counted only when an
 * (n-1)-gram inside it is frequent (Apriori), so the tables hold what can still become a
 * candidate, not every n-gram. Each level's counts also give the previous level's neighbours.
 *
 * Why no segmenter in the counting: ICU's dictionary (wordBoundaries.ts) is used where a candidate
 * is matched; over whole texts it takes minutes, and jieba (benchmarked there) splits these
 * formulations wrongly. Counting characters needs no dictionary.
 *
 * The work is a generator that yields every few thousand characters, so that a host can run it
 * between requests; discover() runs it to the end.
 */

import type { Glossary } from '../glossary/model';
import { lowerBound } from '../text/search';

export type CandidateSignal = 'quoted' | 'numbered' | 'recurring';

export interface Candidate {
  zh: string;
  /** The earliest year of a text discovery found it in (the record's attestations are the matcher's). */
  since?: number;
  signals: CandidateSignal[];
  /** Occurrences and documents in the texts discovery read (the record's attestations are the matcher's). */
  count: number;
  documents: number;
  /** Documents that put the phrase in quotation marks. */
  quotedIn: number;
  /** min(left, right) branching entropy in bits; 0 for a phrase too rare to measure. */
  entropy: number;
  score: number;
}

export interface DiscoveryOptions {
  /** Formulations already known (the glossary's Chinese forms): not candidates, nor their parts. */
  known?: (zh: string) => boolean;
  /** The year of each text (undefined: undated), for ranking phrases that emerged later higher. */
  years?: ReadonlyArray<number | undefined>;
}

const MIN_LENGTH = 3;
const MAX_LENGTH = 10;
const MIN_COUNT = 6;
const MIN_DOCUMENTS = 3;
/**
 * Branching entropy, in bits: the richer side at least MAX_SIDE, the poorer at least MIN_SIDE. A
 * fragment has one neighbour on its poor side (小康社 → 会: 0); a formulation usually said after
 * one verb keeps some variety there (新发展格局 after 构建, 加快构建, 融入…: 0.88; 碳中和, mostly after 碳达峰: 0.59).
 */
const MIN_SIDE = 0.5;
const MAX_SIDE = 2;
/** Verbs that introduce a formulation in these texts (构建新发展格局, 推动高质量发展). */
const VERB = /^(构建|推动|推进|实现|坚持|加快|建设|深化|实施|促进|加强|完善|落实|贯彻|维护|打赢|打好|巩固|提高|扩大|培育|健全|建立|形成|保持|发挥|加大|开展|做好|抓好|树立|践行|弘扬|确保|支持|引导|优化|统筹|增强|提升|强化|发展|坚定|全面|积极|大力|深入)$/;
/** The share of the texts since its first that an emerged phrase is in. */
const EMERGED_SHARE = 0.5;
/** Characters a formulation does not begin with: word-final suffixes (化, 性: 化国家 is 现代化国家 cut), particles, conjunctions, prepositions, pronouns, copulas. (Not 对, 和, 以, 为, 不, 可, 与: 对外开放, 和平共处, 以人民为中心, 为人民服务, 不忘初心, 可持续发展, 与时俱进.) */
const NOT_FIRST = new Set([...'万亿化性的了着过及或而并且但也都还又就才把被将向在于从由是之其这那此该各每我你他她它们所等得地要很更最再已']);
/** Characters a formulation does not end with. (Not 会, 和, 是, 地: 小康社会, 碳中和, 实事求是, 基地.) */
const NOT_LAST = new Set([...'的了着与及或而并且但也都还又就才把被将对向从由以为之其这那此该各每我你他她它很更最再']);
/** Adverbs and auxiliaries that open a verb phrase (充分发挥, 大力发展, 进一步提高): a way of saying, not a formulation. */
const OPENING_ADVERB = /^(扎实|稳步|有序|大幅|明显|着力|坚定不移|充分|大力|积极|进一步|认真|严格|加快|深入|广泛|一定|必须|努力|继续|不断|切实|坚决|大大|逐步|普遍|迅速|尽快|更加|更好|坚持|加强|提高|促进|推进|推动|实现|实行|发展|保持|完成|开展|做好|搞好|抓好|注意|认识|结合|一切|所有|任何|已经|正在|能够|可以|应当|应该)/;
/**
 * A numbered formulation: a small numeral, a counter and a name (四个全面, 三大攻坚战, 两个一百年,
 * 八项规定), or numerals in parallel with a word each (三严三实, 一带一路, 三去一降一补). Not a
 * quantity (一百二十, 一九五七年, 十六万吨, 两个方面).
 */
const NUMBERED = /^(?:[二两三四五六七八九十][个大项条种位](?!.*[一二两三四五六七八九十百千万亿])[^年次届批多]{2,}|[一二两三四五六七八九十][^一二两三四五六七八九十百千万亿年代个次届批点多比又和与]{1,2}[一二两三四五六七八九十][^一二两三四五六七八九十百千万亿年代个次届批点多比又和与]{1,2}(?:[一二两三四五六七八九十][^一二两三四五六七八九十百千万亿年代个次届批点多]{1,2})?)$/;
/** Counters that make a quantity, not a name, when what follows the numeral is one of them. */
const QUANTITY = /^[二两三四五六七八九十][个大项条种位](方面|阶段|问题|部分|时期|国家|地区|城市|省份|阶级|民族)$|(年代|世纪|年)$/;
let segmenter: Intl.Segmenter | undefined;

const isNumbered = (zh: string) => NUMBERED.test(zh) && !QUANTITY.test(zh);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g;
const QUOTED = /[“「『]([^“”「」『』\n]{2,16})[”」』]/g;
/** Characters analysed between yields. */
const STEP = 4000;

interface Stats {
  count: number;
  documents: number;
  /** min(left, right) branching entropy, in bits. */
  entropy: number;
  left: number;
  right: number;
  /** The earliest year of a text it occurs in. */
  since?: number;
}

/** Runs the discovery to the end. */
export function discover(texts: readonly string[], options: DiscoveryOptions = {}): Candidate[] {
  const steps = discoverSteps(texts, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The discovery, yielding every few thousand characters; its return value is the candidates, best first. */
export function* discoverSteps(texts: readonly string[], options: DiscoveryOptions = {}): Generator<void, Candidate[]> {
  const known = options.known ?? (() => false);
  // All runs of Han characters in one string, one separator between runs, and the document each
  // position belongs to: a position's n-gram is all[i, i+n) when no separator is inside it.
  const parts: string[] = [];
  const docStarts: number[] = [];
  let length = 0;
  for (const t of texts) {
    docStarts.push(length);
    for (const run of t.match(HAN_RUN) ?? []) {
      parts.push(run, '|');
      length += run.length + 1;
    }
    yield;
  }
  const all = parts.join('');
  // Undated texts count as the latest (Infinity never lowers a phrase's first year).
  const years = Float64Array.from(texts, (_, d) => options.years?.[d] ?? Infinity);
  const datedYears = [...years].filter(Number.isFinite).sort((a, b) => a - b);
  const docOf = new Int32Array(all.length);
  for (let d = 0, i = 0; i < all.length; i++) {
    while (d + 1 < docStarts.length && docStarts[d + 1] <= i) d++;
    docOf[i] = d;
    if (i % (STEP * 8) === 0) yield;
  }
  // Level by level. An n-gram is counted when the (n-1)-gram at its start or the one after it is
  // frequent (so that both neighbour counts of a frequent gram are exact). An n-gram is keyed by
  // the id of the (n-1)-gram at its start and its last character: exact, because a counted
  // n-gram's prefix was itself counted (its own suffix is frequent). Counts live in flat arrays by
  // id: with string keys and an object per gram, counting was four times slower.
  const frequent: Array<Map<string, Stats>> = [];
  let prev: Level | undefined;
  for (let n = 1; n <= MAX_LENGTH + 1; n++) {
    const level = new Level(all.length);
    // In slices, in a plain function (a generator's own loop is not optimized as well).
    for (let from = 0; from < all.length; from += STEP) {
      countSlice(all, docOf, years, n, from, Math.min(all.length, from + STEP), prev, level);
      yield;
    }
    // This level's grams extend the previous level's: their neighbours, as Σ c·log2 c per side.
    if (prev) {
      for (let from = 0; from < level.size; from += STEP) {
        const to = Math.min(level.size, from + STEP);
        for (let id = from; id < to; id++) {
          const c = level.count[id];
          const cLogC = c * Math.log2(c);
          const p = level.prefix[id];
          if (prev.isFrequent(p)) prev.rightSum[p] += cLogC;
          const q = level.suffix[id];
          if (q >= 0 && prev.isFrequent(q)) prev.leftSum[q] += cLogC;
        }
        yield;
      }
      const kept = new Map<string, Stats>();
      for (let from = 0; from < prev.size; from += STEP) {
        prev.keep(all, n - 1, from, Math.min(prev.size, from + STEP), kept);
        yield;
      }
      frequent.push(kept);
    }
    prev = level;
    yield;
  }

  const out = new Map<string, Candidate>();
  const consider = (zh: string, signal: CandidateSignal, s: Stats | undefined, h: number) => {
    if (known(zh)) return;
    const c = out.get(zh) ?? { zh, signals: [], count: s?.count ?? 0, documents: s?.documents ?? 0, quotedIn: 0, entropy: h, score: 0, since: s?.since };
    if (!c.signals.includes(signal)) c.signals.push(signal);
    out.set(zh, c);
    return c;
  };

  // recurring (and numbered among them)
  let work = 0;
  for (let n = MIN_LENGTH; n <= MAX_LENGTH; n++) {
    for (const [gram, s] of frequent[n - 1]) {
      if (++work % 2000 === 0) yield;
      if (NOT_FIRST.has(gram[0]) && !isNumbered(gram)) continue;
      if (NOT_LAST.has(gram[gram.length - 1]) || /[^中]和$/.test(gram)) continue;
      if (OPENING_ADVERB.test(gram)) continue;
      const h = s.entropy;
      if (h < MIN_SIDE || Math.max(s.left, s.right) < MAX_SIDE) continue;
      consider(gram, isNumbered(gram) ? 'numbered' : 'recurring', s, h);
    }
  }
  yield;

  // quoted
  const quotedDocs = new Map<string, Set<number>>();
  for (const [d, t] of texts.entries()) {
    for (const m of t.matchAll(QUOTED)) {
      const inner = m[1].trim();
      if (!isPhrase(inner)) continue;
      const set = quotedDocs.get(inner) ?? new Set<number>();
      set.add(d);
      quotedDocs.set(inner, set);
    }
    yield;
  }
  const usedIn = yield* countDocuments(texts, [...quotedDocs.keys()]);
  for (const [zh, docs] of quotedDocs) {
    const used = usedIn.get(zh)!;
    if (docs.size < 2 && used.documents < 2) continue;
    // A word quoted now and then among hundreds of plain uses (“自由”, “和平”) is emphasis, not a
    // formulation being named; two characters need more to be one.
    const ratio = docs.size / Math.max(1, used.documents);
    if (ratio < 0.2 || (zh.length === 2 && (docs.size < 3 || ratio < 0.3))) continue;
    const s = zh.length <= MAX_LENGTH ? frequent[zh.length - 1]?.get(zh) : undefined;
    const c = consider(zh, 'quoted', s ?? { count: used.count, documents: used.documents, entropy: 0, left: 0, right: 0 }, out.get(zh)?.entropy ?? 0);
    if (!c) continue;
    c.quotedIn = docs.size;
    c.count = Math.max(c.count, used.count);
    c.documents = Math.max(c.documents, used.documents);
    if (isNumbered(zh) && !c.signals.includes('numbered')) c.signals.push('numbered');
  }

  // A phrase nearly always inside a longer candidate is that candidate's fragment (C-value's idea).
  // Each candidate's parts looked up, not each pair compared (that was 80 million comparisons).
  const list = [...out.values()];
  const fragments = new Set<Candidate>();
  for (const l of list) {
    if (++work % 500 === 0) yield;
    for (let len = MIN_LENGTH; len < l.zh.length; len++) {
      for (let i = 0; i + len <= l.zh.length; i++) {
        const c = out.get(l.zh.slice(i, i + len));
        if (c && c.quotedIn === 0 && l.count >= 0.9 * c.count) fragments.add(c);
      }
    }
  }
  // A verb before a candidate (构建 + 新发展格局, 推动 + 高质量发展) is a use of it, not another one
  // (an adjective is not: 新型 + 城镇化 is 新型城镇化).
  for (const c of list) {
    if (c.quotedIn > 0 || isNumbered(c.zh) || !VERB.test(c.zh.slice(0, 2))) continue;
    const rest = out.get(c.zh.slice(2));
    if (rest && rest !== c && !fragments.has(rest) && rest.count >= c.count) fragments.add(c);
  }
  // One word of ICU's dictionary (互联网, 供应链, a name such as 习近平) is a word, not a formulation,
  // unless the texts quote it or number it: formulations are phrases (碳|中和, 新|常态).
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const c of list) {
    if (c.quotedIn > 0 || c.signals.includes('numbered')) continue;
    const words = [...segmenter.segment(c.zh)];
    if (words.length === 1) fragments.add(c);
  }
  const result = list.filter((c) => !fragments.has(c));
  for (const c of result) {
    c.signals.sort();
    // Quoted in two documents, or numbered: the signals a person would trust first.
    const strong = c.quotedIn >= 2 || c.signals.includes('numbered');
    // A phrase that emerged late in the record (新发展格局, 2021) is more likely a formulation than
    // one used since 1954 (人民群众): up to twice the score, by the share of texts before it.
    const before = c.since === undefined ? 0 : lowerBound(datedYears, c.since, (y) => y) / Math.max(1, datedYears.length);
    // Emerged: absent from the first quarter of the record, then in a good share of the texts since.
    const since = c.since === undefined ? 0 : datedYears.length - lowerBound(datedYears, c.since, (y) => y);
    const emerged = before >= 0.25 && c.documents >= EMERGED_SHARE * since;
    c.score = (strong ? 100 : emerged ? 50 : 0) + (1 + before) * Math.log2(1 + c.documents) * (1 + Math.min(c.entropy, 4) / 4) * (1 + Math.log2(1 + c.quotedIn)) * (c.signals.includes('numbered') ? 1.5 : 1) * Math.min(1, c.zh.length / 4);
  }
  // What a person would read: the strong and the emerged; plain recurring phrases (人民群众) are not listed.
  return result.filter((c) => c.score >= 50).sort((a, b) => b.score - a.score || b.count - a.count || a.zh.localeCompare(b.zh));
}

/** Candidates as a glossary of their own (Chinese forms only), so that the drafts' matcher and word boundaries find them. */
export function candidateGlossary(candidates: readonly Candidate[]): Glossary {
  return {
    name: 'Candidates from the record',
    speeches: new Map(),
    concepts: candidates.map((c) => ({ id: candidateId(c.zh), zh: [c.zh], en: [], appearances: [], note: describeCandidate(c) })),
  };
}

export const CANDIDATE_PREFIX = 'candidate:';
export const candidateId = (zh: string) => `${CANDIDATE_PREFIX}${zh}`;
export const isCandidateId = (id: string) => id.startsWith(CANDIDATE_PREFIX);

/** Why it is a candidate, in words. */
export function describeCandidate(c: Candidate): string {
  const why: string[] = [];
  if (c.quotedIn > 0) why.push(`quoted in ${c.quotedIn} document${c.quotedIn === 1 ? '' : 's'}`);
  if (c.signals.includes('numbered')) why.push('a numbered formulation');
  if (c.signals.includes('recurring')) why.push(`a set phrase in ${c.documents} documents`);
  return why.join('; ');
}

/** Mostly Han, no sentence punctuation: a phrase, not a quoted sentence or a title. */
function isPhrase(s: string): boolean {
  if (/[，。；：！？、,.;:!?《》（）()\s]/.test(s)) return false;
  const han = [...s].filter((ch) => HAN.test(ch)).length;
  return han >= 2 && han >= s.length - 2;
}

/** One level's n-grams: counts by id, and the id of the n-gram at each position (-1: not counted). */
class Level {
  size = 0;
  readonly keys = new Map<number, number>();
  count: number[] = [];
  documents: number[] = [];
  lastDocument: number[] = [];
  since: number[] = [];
  first: number[] = [];
  prefix: number[] = [];
  suffix: number[] = [];
  leftSum: number[] = [];
  rightSum: number[] = [];
  readonly idAt: Int32Array;

  constructor(length: number) {
    this.idAt = new Int32Array(length + 1).fill(-1);
  }

  isFrequent(id: number): boolean {
    return id >= 0 && this.count[id] >= MIN_COUNT && this.documents[id] >= MIN_DOCUMENTS;
  }

  /** The frequent grams, with their branching entropy (H = log2 N − Σ c·log2 c / N, an edge counting 1). */
  keep(all: string, n: number, from: number, to: number, out: Map<string, Stats>): void {
    for (let id = from; id < to; id++) {
      if (!this.isFrequent(id)) continue;
      const N = this.count[id];
      const h = (sum: number) => Math.log2(N) - sum / N;
      const left = h(this.leftSum[id]);
      const right = h(this.rightSum[id]);
      out.set(all.slice(this.first[id], this.first[id] + n), { count: N, documents: this.documents[id], entropy: Math.min(left, right), left, right, since: Number.isFinite(this.since[id]) ? this.since[id] : undefined });
    }
  }
}

function countSlice(all: string, docOf: Int32Array, years: Float64Array, n: number, from: number, to: number, prev: Level | undefined, level: Level): void {
  for (let i = from; i < to && i + n <= all.length; i++) {
    const last = all.charCodeAt(i + n - 1);
    if (last === 124 /* | */) continue;
    let key = last;
    let p = -1;
    let q = -1;
    if (prev) {
      p = prev.idAt[i];
      q = prev.idAt[i + 1];
      if (p < 0 || !(prev.isFrequent(p) || prev.isFrequent(q))) continue;
      key = p * 65536 + last;
    }
    const d = docOf[i];
    let id = level.keys.get(key);
    if (id === undefined) {
      id = level.size++;
      level.keys.set(key, id);
      level.count.push(0);
      level.documents.push(0);
      level.lastDocument.push(-1);
      level.since.push(Infinity);
      level.first.push(i);
      level.prefix.push(p);
      level.suffix.push(q);
      level.leftSum.push(0);
      level.rightSum.push(0);
    }
    level.count[id]++;
    if (level.lastDocument[id] !== d) {
      level.documents[id]++;
      level.lastDocument[id] = d;
      if (years[d] < level.since[id]) level.since[id] = years[d];
    }
    level.idAt[i] = id;
  }
}

/** Occurrences and documents of each phrase (plain substring counts; the matcher refines them later). */
function* countDocuments(texts: readonly string[], phrases: readonly string[]): Generator<void, Map<string, { count: number; documents: number }>> {
  const out = new Map<string, { count: number; documents: number }>();
  for (const p of phrases) out.set(p, { count: 0, documents: 0 });
  // By first character, so that each text is read once.
  const byFirst = new Map<string, string[]>();
  for (const p of phrases) byFirst.set(p[0], [...(byFirst.get(p[0]) ?? []), p]);
  for (const t of texts) {
    const seen = new Set<string>();
    for (let i = 0; i < t.length; i++) {
      const list = byFirst.get(t[i]);
      if (!list) continue;
      for (const p of list) {
        if (t.startsWith(p, i)) {
          out.get(p)!.count++;
          seen.add(p);
        }
      }
      if (i % 20000 === 19999) yield;
    }
    for (const p of seen) out.get(p)!.documents++;
    yield;
  }
  return out;
}
