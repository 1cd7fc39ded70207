/**
 * Translation consistency: renderings the glossary deprecates, renderings that disagree with the
 * source of a bilingual pair or with the rest of the document, and renderings that are missing.
 */
import { said, word } from '../l10n';
import type { Finding, FixData } from './findings';
import type { RuleCode } from './rules';
import type { FormulationMatch } from '../text/matcher';
import { inflections, lemma, skeleton, type VariantSpan, variantSpans, type Word, words } from '../text/variants';
import { lowerBound } from '../text/search';
import { needsContext } from '../text/english';
import { type Concept, conceptLabel, preferredRendering, type Rendering } from '../glossary/model';

/** A source/translation pair: the formulations found on each side, and where the translation is. */
export interface Pair {
  zh: FormulationMatch[];
  en: FormulationMatch[];
  target: [number, number];
  /** The translation is only a phrase (an inline gloss), not the whole of the source's translation. */
  partial?: boolean;
}

const ALLOWED = new Set(['preferred', 'admitted']);
const quote = (s: string) => `“${s}”`;

function who(r: Rendering | undefined): { en: string; zh: string } {
  return r?.authority ? { en: ` (${r.authority})`, zh: `（${r.authority}）` } : { en: '', zh: '' };
}

/** A rendering's status, as a catalogue word. */
const statusWord = (status: string) => (status === 'superseded' ? word('word.superseded') : word('word.deprecated'));

/** A rendering in the shape of the text it replaces: same number, capital kept at the start. */
export function shapeLike(m: Pick<FormulationMatch, 'inflected'>, original: string, rendering: string): string {
  let t = m.inflected ? (inflections(rendering)[1] ?? rendering) : rendering;
  // Keep a capital at the start (a sentence-initial word); never lower-case a proper name.
  if (/^[A-Z]/.test(original) && /^[a-z]/.test(t)) t = t[0].toUpperCase() + t.slice(1);
  return t;
}

/** The fix data of an English match: the glossary's renderings in the match's number and case. */
export function renderingFixData(m: FormulationMatch, original: string, rule: RuleCode): FixData {
  const preferred = preferredRendering(m.concept);
  const candidates = [preferred, ...m.concept.en.filter((r) => r.status === 'admitted' && r !== preferred)].filter((r): r is Rendering => !!r);
  return {
    rule,
    conceptId: m.concept.id,
    original,
    replacements: candidates.map((r) => ({ text: shapeLike(m, original, r.text), status: r.status, authority: r.authority })),
    rendering: m.rendering?.text,
  };
}

export function deprecatedRenderings(text: string, matches: readonly FormulationMatch[]): Finding[] {
  const out: Finding[] = [];
  for (const m of matches) {
    if (m.language !== 'en' || !m.rendering || ALLOWED.has(m.rendering.status)) continue;
    const preferred = preferredRendering(m.concept);
    const original = text.slice(m.start, m.end);
    out.push({
      start: m.start,
      end: m.end,
      code: 'deprecated-rendering',
      ...said('deprecated-rendering', { original: quote(original), status: statusWord(m.rendering.status), concept: conceptLabel(m.concept), preferred: quote(preferred?.text ?? ''), who: who(preferred) }),
      data: renderingFixData(m, original, 'deprecated-rendering'),
    });
  }
  return out;
}

/**
 * One concept rendered two allowed ways in one document: every minority rendering is flagged,
 * pointing at the majority's occurrences. (Deprecated renderings are the other rule's.)
 */
export function documentInconsistencies(text: string, matches: readonly FormulationMatch[]): Finding[] {
  // Renderings are compared by their words with number ignored ("instrument" = "instruments"),
  // and abbreviations stay out: spelling a name out once and abbreviating it after is good style.
  const byConcept = new Map<Concept, Map<string, { rendering: Rendering; matches: FormulationMatch[] }>>();
  for (const m of matches) {
    if (m.language !== 'en' || !m.rendering || !ALLOWED.has(m.rendering.status) || isAbbreviation(m.rendering.text)) continue;
    const renderings = byConcept.get(m.concept) ?? new Map<string, { rendering: Rendering; matches: FormulationMatch[] }>();
    const key = numberless(m.rendering.text);
    const entry = renderings.get(key) ?? { rendering: m.rendering, matches: [] };
    entry.matches.push(m);
    renderings.set(key, entry);
    byConcept.set(m.concept, renderings);
  }
  const out: Finding[] = [];
  for (const [concept, renderings] of byConcept) {
    if (renderings.size < 2) continue;
    // The majority wins; on a tie, the preferred rendering, then the one used first.
    const ranked = [...renderings.values()].sort(
      (a, b) =>
        b.matches.length - a.matches.length ||
        Number(b.rendering.status === 'preferred') - Number(a.rendering.status === 'preferred') ||
        a.matches[0].start - b.matches[0].start,
    );
    const { rendering: majority, matches: majorityMatches } = ranked[0];
    for (const { rendering, matches: ms } of ranked.slice(1)) {
      for (const m of ms) {
        const original = text.slice(m.start, m.end);
        const n = majorityMatches.length;
        out.push({
          start: m.start,
          end: m.end,
          code: 'inconsistent-rendering',
          ...said('inconsistent-rendering', { concept: conceptLabel(concept), here: quote(rendering.text), majority: quote(majority.text), times: n === 1 ? word('word.once') : word('word.times', { n }) }),
          data: { ...renderingFixData(m, original, 'inconsistent-rendering'), replacements: [{ text: shapeLike(m, original, majority.text), status: majority.status, authority: majority.authority }] },
          related: majorityMatches.slice(0, 5).map((o) => ({ start: o.start, end: o.end, ...said('related.here', { phrase: quote(text.slice(o.start, o.end)) }) })),
        });
      }
    }
  }
  return out;
}

function isAbbreviation(text: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,7}$/.test(text.trim());
}

const numberlessKeys = new Map<string, string>();

/** The rendering's words as lemmas (lower case, singular: the variants' own): number-blind. Computed once per rendering text. */
function numberless(text: string): string {
  let key = numberlessKeys.get(text);
  if (key === undefined) {
    if (numberlessKeys.size > 200_000) numberlessKeys.clear();
    numberlessKeys.set(text, (key = words(text).map((w) => w.lemma).join(' ')));
  }
  return key;
}

/** Checks each bilingual pair: the translation must render each source formulation as the glossary does. */
export function pairFindings(text: string, pairs: readonly Pair[]): Finding[] {
  const out: Finding[] = [];
  for (const pair of pairs) {
    const sourceConcepts = new Set(pair.zh.map((m) => m.concept));
    // Another concept's rendering standing where a source formulation's should be: said only when
    // the evidence points one way, one source formulation without its rendering and one rendering
    // the source does not explain, which is not ordinary English. Otherwise Tifa cannot tell which
    // renders which, and says less.
    const unexplained = unrenderedIn(pair).length === 1 ? pair.en.filter((e) => !explainedBy(pair, e, sourceConcepts)) : [];
    const stranger = unexplained.length === 1 && !(unexplained[0].rendering && needsContext(unexplained[0].rendering)) ? unexplained[0] : undefined;
    const seen = new Set<Concept>();
    let targetWords: Word[] | undefined;
    for (const z of pair.zh) {
      const concept = z.concept;
      if (seen.has(concept)) continue;
      seen.add(concept);
      // The translation renders it alone, or inside a longer formulation's rendering
      // ("building China into a cyber superpower (网络强国)").
      const same = pair.en.filter((e) => e.concept === concept || e.contains.includes(concept));
      if (same.some((e) => e.rendering && ALLOWED.has(e.rendering.status))) continue;
      if (same.length > 0) continue; // a deprecated rendering: deprecated-rendering reports it
      const preferred = preferredRendering(concept);
      // A close variant of an accepted rendering, or the rendering with another number in it.
      targetWords ??= words(text, pair.target[0], pair.target[1]);
      const close = variantFinding(text, concept, targetWords);
      if (close) {
        out.push(close);
        continue;
      }
      // A longer formulation translated in parts: a part rendered is evidence that the translator
      // rendered it their way. Then only the parts are judged, each as a formulation of its own
      // ("Core technologies are important tools of the state": 国之重器 is missing), and in an
      // inline gloss, whose translation is only the phrase before the bracket ("“Core technologies”
      // as “important instruments of the state” (核心技术是国之重器)"), nothing.
      const rendered = (c: Concept) => pair.en.some((e) => e.concept === c || e.contains.includes(c));
      if (z.contains.some(rendered)) {
        if (pair.partial) continue;
        for (const part of z.contains) {
          if (rendered(part) || seen.has(part)) continue;
          seen.add(part);
          out.push(variantFinding(text, part, targetWords) ?? missing(text, pair, part, concept));
        }
        continue;
      }
      const other = stranger;
      if (other) {
        const original = text.slice(other.start, other.end);
        out.push({
          start: other.start,
          end: other.end,
          code: 'inconsistent-rendering',
          ...said('inconsistent-rendering.source', { concept: conceptLabel(concept), original: quote(original), other: conceptLabel(other.concept), preferred: quote(preferred?.text ?? ''), who: who(preferred) }),
          data: renderingFixData({ ...other, concept, rendering: undefined, inflected: other.inflected }, original, 'inconsistent-rendering'),
        });
        continue;
      }
      out.push(missing(text, pair, concept));
    }
  }
  return out;
}

const skeletons = new Map<string, string[]>();

function skeletonOf(rendering: Rendering): string[] {
  let sk = skeletons.get(rendering.text);
  if (!sk) {
    if (skeletons.size > 50_000) skeletons.clear();
    skeletons.set(rendering.text, (sk = skeleton(rendering.text)));
  }
  return sk;
}

const acceptedOf = new WeakMap<Concept, Rendering[]>();

/** The same numbers in any order (two counts swapped in one phrase are the same phrase's numbers). */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((n, i) => n === y[i]);
}

/**
 * In a pair whose source has the concept and whose translation has none of its renderings: a
 * span that keeps an accepted rendering's content words, in any order, with other articles and
 * prepositions (variant-rendering), or the same words with another number in them
 * (number-mismatch, for renderings that carry a number). Preferred rendering first.
 */
function variantFinding(text: string, concept: Concept, ws: readonly Word[]): Finding | undefined {
  let accepted = acceptedOf.get(concept);
  if (!accepted) acceptedOf.set(concept, (accepted = concept.en.filter((r) => ALLOWED.has(r.status)).sort((a, b) => Number(b.status === 'preferred') - Number(a.status === 'preferred'))));
  const fix = (span: VariantSpan, r: Rendering, rule: RuleCode) => {
    const original = text.slice(span.start, span.end);
    return { rule, conceptId: concept.id, original, replacements: [{ text: shapeLike({ inflected: false }, original, r.text), status: r.status, authority: r.authority }] };
  };
  for (const r of accepted) {
    const [span] = variantSpans(ws, skeletonOf(r)).concat(openCompounds(ws, r.text));
    if (!span) continue;
    const original = text.slice(span.start, span.end);
    return {
      start: span.start,
      end: span.end,
      code: 'variant-rendering',
      ...said('variant-rendering', { original: quote(original), rendering: quote(r.text), concept: conceptLabel(concept), who: who(r) }),
      data: fix(span, r, 'variant-rendering'),
    };
  }
  if (!concept.zh.some((f) => /[一二两三四五六七八九十百千万]/.test(f))) return undefined;
  for (const r of accepted) {
    const expected = words(r.text).flatMap((w) => (w.number === undefined ? [] : [w.number]));
    if (expected.length === 0) continue;
    const span = variantSpans(ws, skeletonOf(r), true).find((s) => s.numbers.length > 0 && !sameNumbers(s.numbers, expected));
    if (!span) continue;
    const original = text.slice(span.start, span.end);
    return {
      start: span.start,
      end: span.end,
      code: 'number-mismatch',
      ...said('number-mismatch', { concept: conceptLabel(concept), rendering: quote(r.text), who: who(r), original: quote(original), numbers: span.numbers.join(', '), expected: expected.join(', ') }),
      data: fix(span, r, 'number-mismatch'),
    };
  }
  return undefined;
}

/** The translation of a pair has none of the concept's renderings (a part of `whole`, if given). */
function missing(text: string, pair: Pair, concept: Concept, whole?: Concept): Finding {
  const preferred = preferredRendering(concept);
  return {
    start: pair.target[0],
    end: pair.target[1],
    code: 'missing-rendering',
    ...said('missing-rendering', { concept: conceptLabel(concept), within: whole ? word('missing-rendering.within', { whole: conceptLabel(whole) }) : '', preferred: quote(preferred?.text ?? ''), who: who(preferred) }),
    // The original is only shown, never replaced: a long paragraph is not carried whole.
    data: { rule: 'missing-rendering', conceptId: concept.id, original: text.slice(pair.target[0], Math.min(pair.target[1], pair.target[0] + 200)), replacements: [] },
  };
}

/** A one-word rendering written as two words ("cyber security" for "cybersecurity", "cyber-space"). */
function openCompounds(ws: readonly Word[], rendering: string): VariantSpan[] {
  if (!/^[A-Za-z]{6,}$/.test(rendering)) return [];
  const whole = lemma(rendering);
  const out: VariantSpan[] = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    if (ws[i + 1].joined && ws[i].lemma.length >= 3 && ws[i + 1].lemma.length >= 3 && ws[i].lemma + ws[i + 1].lemma === whole) out.push({ start: ws[i].start, end: ws[i + 1].end, numbers: [] });
  }
  return out;
}

/** The source concepts of a pair that no English match in it renders (alone, or inside a longer rendering). */
function unrenderedIn(pair: Pair): Concept[] {
  const out: Concept[] = [];
  for (const z of pair.zh) {
    if (out.includes(z.concept)) continue;
    if (!pair.en.some((e) => e.concept === z.concept || e.contains.includes(z.concept))) out.push(z.concept);
  }
  return out;
}

/** An English match the source accounts for: its concept, or one inside it, or one containing it, is in the source. */
function explainedBy(pair: Pair, e: FormulationMatch, sourceConcepts: ReadonlySet<Concept>): boolean {
  if (sourceConcepts.has(e.concept) || e.contains.some((c) => sourceConcepts.has(c))) return true;
  return pair.zh.some((z) => z.contains.includes(e.concept));
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/**
 * Inline glosses: "cyber superpower (网络强国)", "网络强国（cyber superpower）",
 * "“important instruments of the state” (国之重器)". The rendering is the phrase immediately
 * before the brackets, or inside them.
 */
export function inlineGlossPairs(text: string, matches: readonly FormulationMatch[]): Pair[] {
  const pairs: Pair[] = [];
  // Looked up by binary search, not scanned per gloss: 80,000 glosses took 31 s scanned.
  const english = matches.filter((m) => m.language === 'en').sort((a, b) => a.start - b.start);
  const byEnd = [...english].sort((a, b) => a.end - b.end);
  const endingIn = (lo: number, hi: number) => byEnd.slice(lowerBound(byEnd, lo, (m) => m.end), lowerBound(byEnd, hi + 1, (m) => m.end));
  const startingIn = (lo: number, hi: number) => english.slice(lowerBound(english, lo, (m) => m.start), lowerBound(english, hi, (m) => m.start));
  for (const z of matches) {
    if (z.language !== 'zh') continue;
    const before = skipSpace(text, z.start - 1, -1);
    const after = skipSpace(text, z.end, 1);
    if (before >= 0 && OPEN.has(text[before]) && after < text.length && CLOSE.has(text[after])) {
      // EN (ZH): the rendering ends just before the bracket (after a closing quote, if any).
      let end = skipSpace(text, before - 1, -1);
      if (end >= 0 && /["”’']/.test(text[end])) end = skipSpace(text, end - 1, -1);
      end += 1;
      const start = phraseStart(text, end);
      if (start >= end) continue;
      const en = endingIn(end - 1, end).filter((e) => e.end > start - 200).sort((a, b) => a.start - b.start);
      pairs.push({ zh: [z], en, target: [Math.min(start, ...en.map((e) => e.start)), end], partial: true });
    } else if (after < text.length && OPEN.has(text[after])) {
      // ZH（EN）: the rendering is inside the brackets.
      let close = after + 1;
      while (close < text.length && close - after < 300 && !CLOSE.has(text[close]) && text[close] !== '\n') close++;
      if (close >= text.length || !CLOSE.has(text[close])) continue;
      const inner: [number, number] = [skipSpace(text, after + 1, 1), skipSpace(text, close - 1, -1) + 1];
      if (!/[A-Za-z]/.test(text.slice(inner[0], inner[1])) || /[\u4e00-\u9fff]/.test(text.slice(inner[0], inner[1]))) continue;
      pairs.push({ zh: [z], en: startingIn(inner[0], inner[1]).filter((e) => e.end <= inner[1]), target: inner });
    }
  }
  return pairs;
}

/** Skips white space of any kind, no-break spaces included (text pasted from the web has them). */
function skipSpace(text: string, i: number, step: 1 | -1): number {
  while (i >= 0 && i < text.length && text[i] !== '\n' && text[i] !== '\r' && /\s/.test(text[i])) i += step;
  return i;
}

/** Start of the English phrase ending at `end`: back to sentence punctuation, a quote, a bracket or Chinese text. */
const PHRASE_END = new Set([...'.;:!?,()（）\n\r"“”'].map((c) => c.charCodeAt(0)));

function phraseStart(text: string, end: number): number {
  let i = end - 1;
  // By code unit (a regular expression per character was half the cost of pairing glosses).
  while (i >= 0 && end - i < 120) {
    const c = text.charCodeAt(i);
    if (PHRASE_END.has(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) break;
    i--;
  }
  return skipSpace(text, i + 1, 1);
}

/** Blank-line separated blocks that contain text, as [start, end) ranges. */
export function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:\r?\n[ \t]*){2,}/g;
  let cursor = 0;
  const push = (s: number, e: number) => {
    const block = text.slice(s, e);
    if (!/[A-Za-z0-9\u3400-\u9fff]/.test(block)) return; // masked code, rules, empty
    const lead = block.length - block.trimStart().length;
    out.push([s + lead, s + block.trimEnd().length]);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  push(cursor, text.length);
  return out;
}
