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
  /** Taiwan phrases (TWPhrases): the regional vocabulary. */
  taiwanPhrases: string;
  /** What the converter's first step uses: simplified to traditional phrases and characters (STPhrases, STCharacters). */
  simplifiedToTraditional: string[];
  /** What its last step uses: Taiwan variant characters and phrases (TWVariants, TWVariantsPhrases). */
  taiwanVariants: string[];
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
/** Pairs given by seedSimplifiedTable, made into the table when first needed. */
let seededPairs: string | undefined;

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

/**
 * Starts from pairs computed by simplifiedPairs() at build time. The table is made when first
 * needed: with the normalization tables seeded too, only a glossary form that may change in
 * Taiwan writing needs it (making it was 4 ms of a CLI start).
 */
export function seedSimplifiedTable(pairs: string): void {
  seededPairs = pairs;
  table = undefined;
}

/** Maps each BMP code unit to its simplified form (identity when OpenCC has none). */
export function simplifiedTable(): Uint16Array {
  if (table) return table;
  if (seededPairs !== undefined) {
    const t = identity();
    for (let i = 0; i + 1 < seededPairs.length; i += 2) t[seededPairs.charCodeAt(i)] = seededPairs.charCodeAt(i + 1);
    return (table = t);
  }
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
/** Regional forms known in advance (the built-in glossary's, computed at build time). */
const knownRegional = new Map<string, string[]>();

/** Forms computed at build time: the OpenCC converter (the costly part of a start) is then built only for other forms. */
export function seedRegionalForms(forms: Record<string, string[]>): void {
  for (const [k, v] of Object.entries(forms)) knownRegional.set(k, v);
}

/**
 * What can make a phrase's Taiwan form differ from it once both are folded, as strings (so that
 * a build step can compute them once and a bundle start from them, see seedRegionalTriggers):
 * - `phrases`: Taiwan vocabulary (網路 for 网络), folded, "|"-separated, where the folded phrase
 *   and its folded replacement differ;
 * - `characters`: characters that some step of the conversion may turn into a character that
 *   folds to something else (了 → 瞭, 背 → 揹, 么 → 麼): the character table cannot undo those.
 * A phrase with neither cannot change, and the converter (100 ms to load, 20 µs a phrase) is
 * not asked: in a 10,000-term glossary drawn from government reports, 9,843 forms contained a
 * character of some Taiwan phrase, and 143 changed.
 */
export interface RegionalTriggers {
  phrases: string;
  characters: string;
}

let triggers: { phrases: Set<string>; longest: number; characters: Set<number> } | undefined;

export function seedRegionalTriggers(t: RegionalTriggers): void {
  const phrases = new Set(t.phrases.split('|').filter(Boolean));
  let longest = 0;
  for (const p of phrases) longest = Math.max(longest, p.length);
  const characters = new Set<number>();
  for (let i = 0; i < t.characters.length; i++) characters.add(t.characters.charCodeAt(i));
  triggers = { phrases, longest, characters };
}

/** Computes the triggers from OpenCC's dictionaries (what the build step runs). */
export function regionalTriggers(): RegionalTriggers {
  const data = opencc();
  const table = simplifiedTable();
  const fold = normalizedFold;
  const entries = (dict: string) => dict.split('|').map((e) => e.split(' '));
  const phrases = new Set<string>();
  for (const [from, to] of entries(data.taiwanPhrases)) if (fold(from) !== fold(to)) phrases.add(fold(from));
  const characters = new Set<string>();
  // A replacement of another length cannot be compared character by character: all its characters count.
  const compare = (from: string, to: string) => {
    if (from.length !== to.length) for (const c of from) characters.add(c);
    else for (let i = 0; i < from.length; i++) if (table[from.charCodeAt(i)] !== table[to.charCodeAt(i)]) characters.add(from[i]);
  };
  const toTraditional = new Map<string, string[]>();
  for (const dict of data.simplifiedToTraditional) {
    for (const [from, ...to] of entries(dict)) {
      for (const t of to) {
        compare(from, t);
        if (from.length === 1 && t.length === 1) toTraditional.set(t, [...(toTraditional.get(t) ?? []), from]);
      }
    }
  }
  // The variant step works on traditional text: a change there counts against the characters it came from.
  for (const dict of data.taiwanVariants) {
    for (const [from, ...to] of entries(dict)) {
      for (const t of to) {
        if (fold(from) === fold(t)) continue;
        for (const c of from) {
          characters.add(c);
          for (const s of toTraditional.get(c) ?? []) characters.add(s);
        }
      }
    }
  }
  return { phrases: [...phrases].sort().join('|'), characters: [...characters].sort().join('') };
}

function mayChange(simplified: string): boolean {
  if (!triggers) seedRegionalTriggers(regionalTriggers());
  const { phrases, longest, characters } = triggers!;
  for (let i = 0; i < simplified.length; i++) if (characters.has(simplified.charCodeAt(i))) return true;
  const folded = normalizedFold(simplified);
  for (let i = 0; i < folded.length; i++) {
    for (let n = 1; n <= longest && i + n <= folded.length; n++) if (phrases.has(folded.slice(i, i + n))) return true;
  }
  return false;
}

/** Folded character by character, as the text side is. */
function normalizedFold(s: string): string {
  const table = simplifiedTable();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)]);
  return out;
}

/** Simplified Chinese text as Taiwan writes it (OpenCC's phrase-aware converter): Tifa's own messages for a zh-TW reader. */
export function taiwanText(simplified: string): string {
  toTaiwan ??= opencc().toTaiwan();
  return toTaiwan(simplified);
}

/**
 * The forms a Chinese phrase takes in Taiwan writing, as OpenCC converts it. A form that no
 * trigger touches (see RegionalTriggers) cannot change beyond what the text-side table folds
 * back: the converter is skipped for it (it is the costly part of building a large glossary).
 */
export function regionalForms(simplified: string): string[] {
  const known = knownRegional.get(simplified);
  if (known) return known;
  if (!mayChange(simplified)) return [];
  toTaiwan ??= opencc().toTaiwan();
  return [toTaiwan(simplified)];
}
