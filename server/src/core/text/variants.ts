/**
 * English renderings and their close variants. A translation may inflect a rendering ("core
 * technologies"), change its articles and prepositions ("community of a shared future" for
 * "community with a shared future"), or reorder a compound ("security of cyberspace" for
 * "cyberspace security"). Number is the matcher's (an inflected form is a rendering); the rest
 * is found here, in the translation of a bilingual pair only, where the source says which concept
 * to look for. Singular and plural come from pluralize, which knows crisis/crises and
 * child/children; rules written here did not.
 */
import pluralize from 'pluralize';

/** Words a variant may add, drop or change: articles, prepositions, and the conjunction "and". */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'with', 'to', 'in', 'on', 'at', 'by', 'from', 'into', 'toward', 'towards', 'and', 's',
]);
/** Prepositions that end a rendering's head noun phrase: "instrument" is the head of "important instrument of the state". */
const POSTMODIFIERS = new Set(['of', 'for', 'with', 'to', 'in', 'on', 'at', 'by', 'from', 'against', 'between', 'under', 'into']);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  single: 1, dual: 2, double: 2, twin: 2, triple: 3, hundred: 100, thousand: 1000,
};

/** The number an English word stands for ("four", "4", "second"), if it is one. */
export function englishNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/**
 * The rendering (already normalized) and the same with its head noun in the other number:
 * "core technology" / "core technologies", "important instruments of the state" /
 * "important instrument of the state". The head is the last word before a postmodifying
 * preposition, or the last word.
 */
export function inflections(text: string): string[] {
  // A rendering ending in a number is a name ("Made in China 2025"): no number to change.
  if (/\d\s*$/.test(text)) return [text];
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  if (words.length === 0) return [text];
  let head = words[words.length - 1];
  for (let i = 1; i < words.length; i++) {
    if (POSTMODIFIERS.has(words[i][0].toLowerCase())) {
      head = words[i - 1];
      break;
    }
  }
  const word = head[0];
  if (word.length < 3 || englishNumber(word) !== undefined || /ed$/i.test(word)) return [text];
  // Only where the word follows a letter's case: TECHNOLOGY → TECHNOLOGIES, not a mixed-case name.
  if (word !== word.toLowerCase() && word !== word.toUpperCase() && word.slice(1) !== word.slice(1).toLowerCase()) return [text];
  const other = pluralize.isPlural(word) ? pluralize.singular(word) : pluralize.plural(word);
  if (other === word || !/^[A-Za-z]+$/.test(other)) return [text];
  const at = head.index!;
  return [text, text.slice(0, at) + other + text.slice(at + word.length)];
}

/** A word's lemma for comparing variants: lower case, singular. */
export function lemma(word: string): string {
  let l = lemmas.get(word);
  if (l === undefined) {
    if (lemmas.size > 50_000) lemmas.clear();
    lemmas.set(word, (l = lemmaOf(word)));
  }
  return l;
}

// Remembered: pluralize runs a list of regular expressions per word, and pairs repeat their words.
const lemmas = new Map<string, string>();

function lemmaOf(word: string): string {
  const w = word.toLowerCase();
  // Cardinals by value, so that "4 comprehensives" keeps the words of "four comprehensives".
  if (/^\d+$/.test(w) || (NUMBER_WORDS[w] !== undefined && !/(st|nd|rd|th)$/.test(w) && w !== 'second')) return `#${NUMBER_WORDS[w] ?? Number(w)}`;
  return pluralize.singular(w);
}

export interface Word {
  start: number;
  end: number;
  lemma: string;
  function: boolean;
  number?: number;
  /** Only spaces, hyphens, slashes, an apostrophe or a comma separate it from the word before: a phrase may go on ("two bombs, one satellite"). */
  joined: boolean;
}

/** The words of text[start, end) with their offsets; hyphens, slashes and apostrophes separate words. */
export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const re = /[A-Za-z0-9]+/g;
  re.lastIndex = start;
  let previousEnd = -1;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (m.index + m[0].length > end) break;
    const raw = m[0];
    const l = lemma(raw);
    const joined = previousEnd >= 0 && /^[\s\-/'’,]*$/.test(text.slice(previousEnd, m.index));
    const number = l.charCodeAt(0) === 35 /* # */ ? Number(l.slice(1)) : NUMBER_WORDS[l];
    out.push({ start: m.index, end: m.index + raw.length, lemma: l, function: FUNCTION_WORDS.has(l), number, joined });
    previousEnd = m.index + raw.length;
  }
  return out;
}

/** The content lemmas of a rendering, sorted: what a variant must keep. */
export function skeleton(rendering: string): string[] {
  return words(rendering).filter((w) => !w.function).map((w) => w.lemma).sort();
}

export interface VariantSpan {
  start: number;
  end: number;
  /** The numbers in the span, in order (for number-mismatch). */
  numbers: number[];
}

/**
 * Spans of ws whose content words are exactly `content` (as a multiset, any order) with only
 * function words between them; each span starts and ends on a content word. With
 * `anyNumber`, number words match each other (so "three comprehensives" is found for
 * "four comprehensives" and its numbers can be compared). At most one span per start.
 */
export function variantSpans(ws: readonly Word[], content: readonly string[], anyNumber = false): VariantSpan[] {
  if (content.length < 2) return [];
  const key = (l: string) => (anyNumber && l.startsWith('#') ? '#' : l);
  const want = new Map<string, number>();
  for (const l of content) want.set(key(l), (want.get(key(l)) ?? 0) + 1);
  const out: VariantSpan[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (ws[i].function || !want.has(key(ws[i].lemma))) continue;
    const left = new Map(want);
    let remaining = content.length;
    const numbers: number[] = [];
    for (let j = i; j < ws.length; j++) {
      const w = ws[j];
      if (j > i && !w.joined) break;
      if (w.function) continue;
      const k = key(w.lemma);
      const n = left.get(k) ?? 0;
      if (n === 0) break;
      left.set(k, n - 1);
      if (w.number !== undefined) numbers.push(w.number);
      if (--remaining === 0) {
        out.push({ start: ws[i].start, end: w.end, numbers });
        i = j;
        break;
      }
    }
  }
  return out;
}
