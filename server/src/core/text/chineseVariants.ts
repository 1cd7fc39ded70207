/**
 * Traditional and regional Chinese, matched as simplified, from OpenCC's data (opencc-js).
 *
 * Two mechanisms, because they have different costs:
 * - Text side, per character: a 64K lookup table folds every traditional or variant character to
 *   its simplified form (OpenCC's TSCharacters, TW/HK variant tables, CJK compatibility
 *   ideographs). Character for character, so the offset map stays trivial and the hot loop
 *   does one array read per character.
 * - Pattern side, per phrase: regional vocabulary differs by whole words (Taiwan's 網路 for 网络,
 *   資訊 for 信息), which no character table can fold. So each glossary form is converted with
 *   OpenCC's phrase-aware simplified→Taiwan converter, folded back per character, and the result
 *   added as an alias pattern. Glossaries are small next to the text, so this costs little.
 */
/**
 * OpenCC's data, supplied by the host (provideOpenCC). Its dictionaries are megabytes: the
 * bundles compute what the built-in glossary needs at build time and load the dictionaries, from
 * a file of their own, only when a glossary form needs them. The core stays free of I/O.
 */
export interface OpenCCData {
  /** Dictionaries folding variants to the standard traditional form (compatibility ideographs, Taiwan, Hong Kong). */
  variants: string[];
  /** Traditional to simplified characters. */
  traditionalToSimplified: string;
  /** Taiwan phrases: which characters may change in a phrase-aware conversion. */
  taiwanPhrases: string;
  /** The phrase-aware simplified → Taiwan converter. */
  toTaiwan(): (s: string) => string;
}

let provider: (() => OpenCCData) | undefined;
let data: OpenCCData | undefined;

export function provideOpenCC(p: () => OpenCCData): void {
  provider = p;
  data = undefined;
}

function opencc(): OpenCCData {
  if (!data) {
    if (!provider) throw new Error('OpenCC data has not been provided: call provideOpenCC first.');
    data = provider();
  }
  return data;
}

let table: Uint16Array | undefined;

/**
 * The table as the code units it changes ("from to" pairs, concatenated): what a build step
 * computes once, so that a bundle starts without parsing OpenCC's dictionaries.
 */
export function simplifiedPairs(): string {
  const t = simplifiedTable();
  let out = '';
  for (let i = 0; i < t.length; i++) if (t[i] !== i) out += String.fromCharCode(i, t[i]);
  return out;
}

/** Starts from pairs computed by simplifiedPairs() at build time. */
export function seedSimplifiedTable(pairs: string): void {
  const t = identity();
  for (let i = 0; i + 1 < pairs.length; i += 2) t[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  table = t;
}

/** Maps each BMP code unit to its simplified form (identity when OpenCC has none). */
export function simplifiedTable(): Uint16Array {
  if (table) return table;
  // Two steps, composed: variants to the standard traditional form, then traditional to simplified.
  const variants = identity();
  for (const dict of opencc().variants) applyDict(variants, dict);
  const simplified = identity();
  applyDict(simplified, opencc().traditionalToSimplified);
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = simplified[variants[i]];
  table = t;
  return t;
}

function identity(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  return t;
}

function applyDict(t: Uint16Array, dict: string): void {
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1).split(' ')[0];
    // Only one-unit to one-unit pairs: anything else would break the 1:1 offset map.
    if (from.length !== 1 || to.length !== 1) continue;
    t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
}

let toTaiwan: ((s: string) => string) | undefined;
let taiwanPhraseChars: Set<number> | undefined;
/** Regional forms known in advance (the built-in glossary's, computed at build time). */
const knownRegional = new Map<string, string[]>();

/** Forms computed at build time: the OpenCC converter (the costly part of a start) is then built only for other forms. */
export function seedRegionalForms(forms: Record<string, string[]>): void {
  for (const [k, v] of Object.entries(forms)) knownRegional.set(k, v);
}

/**
 * The forms a Chinese phrase takes in Taiwan writing, as OpenCC converts it. A form with no
 * character that any of OpenCC's Taiwan phrases contains can only change character by
 * character, which the text-side table already folds back: the converter is skipped for it
 * (it is the costly part of building a large glossary).
 */
export function regionalForms(simplified: string): string[] {
  const known = knownRegional.get(simplified);
  if (known) return known;
  if (!taiwanPhraseChars) {
    const table = simplifiedTable();
    taiwanPhraseChars = new Set<number>();
    for (const entry of opencc().taiwanPhrases.split('|')) {
      const key = entry.slice(0, entry.indexOf(' '));
      for (let i = 0; i < key.length; i++) taiwanPhraseChars.add(table[key.charCodeAt(i)]);
    }
  }
  let relevant = false;
  for (let i = 0; i < simplified.length && !relevant; i++) relevant = taiwanPhraseChars.has(simplified.charCodeAt(i));
  if (!relevant) return [];
  toTaiwan ??= opencc().toTaiwan();
  return [toTaiwan(simplified)];
}
