/**
 * Matching again after an edit, at the cost of what the edit touched. No formulation crosses a
 * blank line (the normalizer makes it a hard break), so the matches outside the paragraphs an edit
 * touched are the ones found before, moved by the edit's length; only those paragraphs are
 * matched again. The edit is found by comparing the old and the new text (memory comparisons of
 * 4 K blocks), so any source of edits works, and the result is the same as matching everything
 * (the tests compare the two over random edits).
 */
import type { FormulationMatch } from './matcher';

const BLOCK = 4096;

/** Units at the start of a and b that are equal. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Units at the end of a and b that are equal, leaving at least `keep` units of each before them. */
export function commonSuffix(a: string, b: string, keep: number): number {
  const n = Math.min(a.length, b.length) - keep;
  let i = 0;
  while (i + BLOCK <= n && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function isBlankRunSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/** Where the paragraph holding `at` starts: just after the last blank line that ends at or before `at` (or 0). */
export function paragraphStart(text: string, at: number): number {
  for (let i = text.lastIndexOf('\n', at - 1); i > 0; ) {
    let j = i - 1;
    while (j >= 0 && isBlankRunSpace(text.charCodeAt(j))) j--;
    if (j >= 0 && text.charCodeAt(j) === 10) return i + 1;
    if (j < 0) return 0;
    i = text.lastIndexOf('\n', j);
  }
  return 0;
}

/** Where the paragraph holding `at` ends: at the first blank line that starts at or after `at` (or the end). */
export function paragraphEnd(text: string, at: number): number {
  for (let i = text.indexOf('\n', at); i >= 0; ) {
    let j = i + 1;
    while (j < text.length && isBlankRunSpace(text.charCodeAt(j))) j++;
    if (j < text.length && text.charCodeAt(j) === 10) return i;
    i = text.indexOf('\n', j);
  }
  return text.length;
}

/**
 * The matches of `text`, given the matches of `previous` (sorted by start) and a function that
 * matches a piece of text from a paragraph start. Undefined when nothing can be reused.
 */
export function rematch(previous: string, previousMatches: readonly FormulationMatch[], text: string, find: (piece: string) => FormulationMatch[]): { matches: FormulationMatch[]; matched: number } | undefined {
  if (previous === text) return { matches: [...previousMatches], matched: 0 };
  const prefix = commonPrefix(previous, text);
  const suffix = commonSuffix(previous, text, prefix);
  // The paragraphs the edit touched, bounded by blank lines that lie wholly in the unchanged text.
  const from = paragraphStart(text, prefix);
  const to = paragraphEnd(text, text.length - suffix);
  if (from === 0 && to === text.length) return undefined;
  const delta = text.length - previous.length;
  const matches: FormulationMatch[] = [];
  for (const m of previousMatches) {
    if (m.end > from) break;
    matches.push(m);
  }
  for (const m of find(text.slice(from, to))) matches.push({ ...m, start: m.start + from, end: m.end + from });
  const oldTo = to - delta;
  for (const m of previousMatches) if (m.start >= oldTo) matches.push({ ...m, start: m.start + delta, end: m.end + delta });
  return { matches, matched: to - from };
}
