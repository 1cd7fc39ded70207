/**
 * Normalization for matching, with a map back to the original text.
 *
 * The text is streamed, one original UTF-16 code unit at a time, into normalized units; each
 * normalized unit carries the original [start, end) it came from. Consumers receive the units
 * in fixed-size chunks, so a 50 MB document never needs a normalized copy of itself.
 *
 * Rules (the same for glossary patterns and for documents, which is what makes them match):
 * - Chinese: traditional and variant characters fold to simplified (OpenCC tables); white space
 *   and line breaks next to Chinese text vanish (Markdown wraps paragraphs mid-phrase); a blank
 *   line, which ends a paragraph, becomes a line break that no formulation crosses.
 * - Full-width letters, digits and punctuation fold to half-width (，→ ,).
 * - English: lower case; runs of spaces, line breaks and hyphens become one space; curly quotes
 *   become straight ones.
 * - BOM, zero-width spaces, soft hyphens and variation selectors are dropped.
 */
import { simplifiedTable } from './chineseVariants';

const SEPARATOR = 1;
const DROP = 2;
const HIGH_SURROGATE = 3;
/** Flag: the character belongs to Chinese text (ideograph, CJK or full-width punctuation). */
export const CJK = 4;
/** Flag: a letter or digit, for whole-word checks. */
export const WORD = 8;
const KIND_MASK = 3;

/** For each UTF-16 unit: what it folds to (simplified, lower case, half-width) and its kind flags. */
export interface NormalizationTables {
  fold: Uint16Array;
  flags: Uint8Array;
}

let tables: NormalizationTables | undefined;

/** Back to computing the tables (for tests that seed them). */
export function resetNormalizationTables(): void {
  tables = undefined;
}

/** Starts from the tables computed at build time (building them is a tenth of a CLI start). */
export function seedNormalizationTables(seed: NormalizationTables): void {
  tables = seed;
}

function computedFold(): Uint16Array {
  const fold = new Uint16Array(0x10000);
  const simplified = simplifiedTable();
  const lower = lowerCaseTable();
  for (let c = 0; c < 0x10000; c++) {
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0; // full-width ASCII
    fold[c] = lower[simplified[f]];
  }
  for (const q of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xff07]) fold[q] = 0x27; // ’ → '
  for (const q of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02]) fold[q] = 0x22; // ” → "
  return fold;
}

export function normalizationTables(): NormalizationTables {
  if (tables) return tables;
  const fold = computedFold();
  const flags = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isWordUnit(fold[c])) flags[c] |= WORD;
    if (isCjkUnit(c)) flags[c] |= CJK;
  }
  // White space and hyphens: runs become one space, or nothing next to Chinese text.
  const separators = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x2d, 0x2010, 0x2011, 0x2012, 0xff0d, 0xfe63];
  for (let c = 0x2000; c <= 0x200a; c++) separators.push(c);
  for (const s of separators) flags[s] = (flags[s] & ~KIND_MASK & ~WORD) | SEPARATOR;
  const dropped = [0xfeff, 0x200b, 0x200c, 0x200d, 0x2060, 0xad];
  for (let c = 0xfe00; c <= 0xfe0f; c++) dropped.push(c);
  for (const d of dropped) flags[d] = (flags[d] & ~KIND_MASK) | DROP;
  for (let c = 0xd800; c <= 0xdbff; c++) flags[c] = (flags[c] & ~KIND_MASK) | HIGH_SURROGATE;
  tables = { fold, flags };
  return tables;
}

/**
 * Each BMP unit's lower case (itself when that is not one unit). Blocks of 256 without case
 * (most of the BMP: CJK, symbols) are skipped whole: calling toLowerCase 65,536 times was a
 * tenth of the CLI's start-up.
 */
function lowerCaseTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  for (let block = 0; block < 0x10000; block += 256) {
    if (block >= 0xd800 && block < 0xe000) continue; // surrogates have no case
    const chars = String.fromCharCode(...Array.from({ length: 256 }, (_, k) => block + k));
    if (chars.toLowerCase() === chars) continue;
    for (let c = block; c < block + 256; c++) {
      const l = String.fromCharCode(c).toLowerCase();
      if (l.length === 1) t[c] = l.charCodeAt(0);
    }
  }
  return t;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isCjkUnit(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0x4e00 && c <= 0x9fff) || // Unified ideographs
    (c >= 0xf900 && c <= 0xfaff) || // Compatibility ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) || // full-width punctuation
    (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe4f) // vertical and compatibility forms
  );
}

/** Fixed-size buffers handed to the consumer; valid only during the callback. */
export interface NormalizedChunk {
  units: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

export const CHUNK_SIZE = 8192;

/**
 * Streams the normalized form of text[from, to) to onChunk(chunk, count), CHUNK_SIZE units at
 * a time. Normalization is hand-written because it must carry the offset map through every
 * rule; no library folds text while keeping positions.
 */
export function normalizeStream(text: string, onChunk: (chunk: NormalizedChunk, count: number) => void, from = 0, to = text.length): void {
  const { fold, flags } = normalizationTables();
  // One buffer set is reused across calls (glossary building normalizes 100,000s of short
  // patterns); a nested call, if a callback ever made one, gets its own.
  const chunk = spare ?? newChunk();
  spare = undefined;
  try {
    normalizeInto(text, onChunk, from, to, fold, flags, chunk);
  } finally {
    spare = chunk;
  }
}

let spare: NormalizedChunk | undefined;

function newChunk(): NormalizedChunk {
  return { units: new Uint16Array(CHUNK_SIZE), starts: new Uint32Array(CHUNK_SIZE), ends: new Uint32Array(CHUNK_SIZE) };
}

function normalizeInto(
  text: string,
  onChunk: (chunk: NormalizedChunk, count: number) => void,
  from: number,
  to: number,
  fold: Uint16Array,
  flags: Uint8Array,
  chunk: NormalizedChunk,
): void {
  const { units, starts, ends } = chunk;
  let n = 0;
  let sepStart = -1;
  let sepEnd = 0;
  let sepBreaks = 0; // line breaks in the current separator run: two or more end a paragraph
  let prevFlags = -1; // flags of the last emitted character; -1 before the first one

  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    let f = flags[c];
    const kind = f & KIND_MASK;
    if (kind === SEPARATOR) {
      if (sepStart < 0) {
        sepStart = i;
        sepBreaks = 0;
      }
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) sepBreaks++;
      sepEnd = i + 1;
      continue;
    }
    if (kind === DROP) continue;
    let end = i + 1;
    let pair = -1;
    if (kind === HIGH_SURROGATE && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        pair = low;
        end = i + 2;
        const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        f = cp >= 0x20000 && cp <= 0x3ffff ? CJK : 0; // supplementary ideographs count as Chinese
      }
    }
    if (sepStart >= 0) {
      // A blank line ends a paragraph: a hard boundary no formulation crosses. Otherwise a
      // separator survives as one space unless it touches Chinese text and no letter or digit.
      if (prevFlags >= 0 && sepBreaks >= 2) {
        units[n] = 0x0a;
        starts[n] = sepStart;
        ends[n] = sepEnd;
        if (++n === CHUNK_SIZE) { onChunk(chunk, n); n = 0; }
      } else if (prevFlags >= 0 && !((prevFlags & CJK || f & CJK) && !(prevFlags & WORD) && !(f & WORD))) {
        units[n] = 0x20;
        starts[n] = sepStart;
        ends[n] = sepEnd;
        if (++n === CHUNK_SIZE) { onChunk(chunk, n); n = 0; }
      }
      sepStart = -1;
    }
    if (pair >= 0) {
      units[n] = c;
      starts[n] = i;
      ends[n] = end;
      if (++n === CHUNK_SIZE) { onChunk(chunk, n); n = 0; }
      c = pair;
      units[n] = c;
      i++;
    } else {
      units[n] = fold[c];
    }
    starts[n] = end - (pair >= 0 ? 2 : 1);
    ends[n] = end;
    if (++n === CHUNK_SIZE) { onChunk(chunk, n); n = 0; }
    prevFlags = f;
  }
  if (n > 0) onChunk(chunk, n);
}

/** The whole normalized string with its offset map. For patterns and tests, not for documents. */
export function normalizeString(text: string): { text: string; starts: number[]; ends: number[] } {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  normalizeStream(text, (chunk, count) => {
    out += String.fromCharCode.apply(null, chunk.units.subarray(0, count) as unknown as number[]);
    for (let k = 0; k < count; k++) {
      starts.push(chunk.starts[k]);
      ends.push(chunk.ends[k]);
    }
  });
  return { text: out, starts, ends };
}

/** True for a normalized unit that is a letter or digit (whole-word checks). */
export function isWordUnitNormalized(c: number): boolean {
  return isWordUnit(c);
}

/** Just the normalized text (glossary patterns): no offset map. */
export function normalizedText(text: string): string {
  let out = '';
  normalizeStream(text, (chunk, count) => {
    out += String.fromCharCode.apply(null, chunk.units.subarray(0, count) as unknown as number[]);
  });
  return out;
}
