/**
 * Text from glossaries and documents, made safe to show: bidirectional controls and invisible
 * characters become visible markers (a U+202E in a glossary note could otherwise make a message
 * read backwards, and a zero-width space could disguise one rendering as another), and every
 * string shown has a length limit, cut on a code-point boundary.
 */

/** Limits on what is shown, in UTF-16 units. */
export const LIMITS = {
  /** A diagnostic's message (and each related message). */
  message: 1000,
  /** A code action's title. */
  title: 200,
  /** An inlay hint's label, a document symbol's name, a completion label. */
  label: 200,
  /** An inlay hint's tooltip. */
  tooltip: 500,
  /** Diagnostics published for one document; the rest are counted in a notice. */
  diagnosticsPerDocument: 1000,
  /** Formulations listed in the outline. */
  symbolsPerDocument: 5000,
} as const;

// Bidi embeddings, overrides and isolates, marks, and zero-width characters.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function neutralize(s: string): string {
  return s.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** At most max units, ending in "…" when cut, never inside a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** Neutralized, then clipped: what every message, title and label goes through. */
export function shown(s: string, max: number): string {
  return clip(neutralize(s), max);
}
