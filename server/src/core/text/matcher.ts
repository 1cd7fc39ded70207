/**
 * Finds every formulation of a glossary in a text: one automaton, built once per glossary, fed
 * the normalized stream. Longest match wins; shorter formulations inside a match are reported
 * as its `contains`, not as matches of their own.
 */
import { Automaton } from './automaton';
import { regionalForms } from './chineseVariants';
import type { Concept, Glossary, Rendering } from '../glossary/model';
import { isWordUnitNormalized, normalizedText, normalizeStream } from './normalize';
import { cutsAWord } from './wordBoundaries';
import { inflections } from './variants';

export interface FormulationMatch {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  concept: Concept;
  /** Which language's form matched. */
  language: 'zh' | 'en';
  /** The glossary form or rendering that matched (its canonical spelling). */
  form: string;
  /** For English matches, the rendering that matched. */
  rendering?: Rendering;
  /** Other concepts whose forms lie inside this match (核心技术 inside 核心技术是国之重器). */
  contains: Concept[];
  /** The text used the rendering's other number (plural for singular, or the reverse). */
  inflected: boolean;
}

interface PatternInfo {
  concept: number;
  language: 'zh' | 'en';
  form: string;
  rendering?: Rendering;
  inflected: boolean;
  wordStart: boolean;
  wordEnd: boolean;
}

export class FormulationMatcher {
  private readonly automaton: Automaton;
  private readonly patterns: PatternInfo[];
  readonly concepts: readonly Concept[];

  constructor(glossary: Glossary) {
    this.concepts = glossary.concepts;
    const strings: string[] = [];
    const infos: PatternInfo[] = [];
    let conceptPatterns: string[] = [];
    const add = (normalized: string, concept: number, language: 'zh' | 'en', form: string, rendering: Rendering | undefined, inflected = false) => {
      // Duplicates only matter within a concept (variants that fold to the same text).
      if (!normalized || conceptPatterns.includes(normalized)) return;
      conceptPatterns.push(normalized);
      strings.push(normalized);
      infos.push({
        concept,
        language,
        form,
        rendering,
        inflected,
        wordStart: isWordUnitNormalized(normalized.charCodeAt(0)),
        wordEnd: isWordUnitNormalized(normalized.charCodeAt(normalized.length - 1)),
      });
    };
    const concepts = glossary.concepts;
    for (let index = 0; index < concepts.length; index++) {
      const concept = concepts[index];
      conceptPatterns = [];
      for (const form of concept.zh) {
        add(normalizedText(form), index, 'zh', form, undefined);
        for (const regional of regionalForms(form)) add(normalizedText(regional), index, 'zh', form, undefined);
      }
      for (const rendering of concept.en) {
        inflections(normalizedText(rendering.text)).forEach((variant, k) => add(variant, index, 'en', rendering.text, rendering, k > 0));
      }
    }
    this.patterns = infos;
    this.automaton = new Automaton(strings);
  }

  get patternCount(): number {
    return this.patterns.length;
  }

  /** All formulations in text, in text order, without overlaps. */
  find(text: string): FormulationMatch[] {
    const raw = this.scan(text);
    return this.resolve(this.wholeWords(text, raw));
  }

  /** Chinese matches that begin or end inside a longer word are dropped (see wordBoundaries.ts). */
  private wholeWords(text: string, raw: number[]): number[] {
    let kept = 0;
    for (let q = 0; q < raw.length; q += 3) {
      if (this.patterns[raw[q + 2]].language === 'zh' && cutsAWord(text, raw[q], raw[q + 1])) continue;
      raw[kept++] = raw[q];
      raw[kept++] = raw[q + 1];
      raw[kept++] = raw[q + 2];
    }
    raw.length = kept;
    return raw;
  }

  /** Raw matches as flat triples (start, end, pattern), after whole-word checks. */
  private scan(text: string): number[] {
    const a = this.automaton;
    const { rootNext, nodes, unit: edgeUnit, output, patternNext, dictLink, patternLength } = a;
    const patterns = this.patterns;
    // Ring buffers over the last normalized units: a match's start lies at most maxPatternLength back.
    let ringSize = 2;
    while (ringSize < a.maxPatternLength + 2) ringSize *= 2;
    const ringMask = ringSize - 1;
    const ringStart = new Uint32Array(ringSize);
    const ringUnit = new Uint16Array(ringSize);
    const raw: number[] = [];
    // Matches waiting for the next unit to confirm a whole-word end: (pattern, start, end) triples.
    const pending: number[] = [];
    let state = 0;
    let g = 0; // index of the next normalized unit

    normalizeStream(text, (chunk, count) => {
      const { units, starts, ends } = chunk;
      for (let k = 0; k < count; k++) {
        const u = units[k];
        if (pending.length > 0) {
          const isWord = isWordUnitNormalized(u);
          for (let q = 0; q < pending.length; q += 3) if (!isWord) raw.push(pending[q + 1], pending[q + 2], pending[q]);
          pending.length = 0; // reused, not a new array per confirmed match
        }
        ringStart[g & ringMask] = starts[k];
        ringUnit[g & ringMask] = u;
        // Automaton.step, inlined: this loop is the hot path.
        for (;;) {
          if (state === 0) { state = rootNext[u]; break; }
          const at = state << 2;
          let lo = nodes[at];
          let hi = lo + nodes[at + 1] - 1;
          let t = -1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const m = edgeUnit[mid];
            if (m === u) { t = mid; break; }
            if (m < u) lo = mid + 1;
            else hi = mid - 1;
          }
          if (t >= 0) { state = t; break; }
          state = nodes[at + 2];
        }
        if (state !== 0) {
          let node = nodes[(state << 2) + 3];
          while (node !== 0) {
            for (let p = output[node]; p >= 0; p = patternNext[p]) {
              const info = patterns[p];
              const first = g - patternLength[p] + 1;
              if (info.wordStart && first > 0 && isWordUnitNormalized(ringUnit[(first - 1) & ringMask])) continue;
              const start = ringStart[first & ringMask];
              if (info.wordEnd) pending.push(p, start, ends[k]);
              else raw.push(start, ends[k], p);
            }
            node = dictLink[node];
          }
        }
        g++;
      }
    });
    for (let q = 0; q < pending.length; q += 3) raw.push(pending[q + 1], pending[q + 2], pending[q]);
    return raw;
  }

  private resolve(raw: number[]): FormulationMatch[] {
    const count = raw.length / 3;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    // Leftmost first; at the same start, longest first; then glossary order.
    order.sort((x, y) => raw[x * 3] - raw[y * 3] || raw[y * 3 + 1] - raw[x * 3 + 1] || raw[x * 3 + 2] - raw[y * 3 + 2]);
    const matches: FormulationMatch[] = [];
    let last: FormulationMatch | undefined;
    for (let i = 0; i < count; i++) {
      const o = order[i] * 3;
      const start = raw[o];
      const end = raw[o + 1];
      const info = this.patterns[raw[o + 2]];
      const concept = this.concepts[info.concept];
      if (last && start < last.end) {
        // Inside the current match: list it once in the longer one's hover; partial overlaps lose.
        if (end <= last.end && concept !== last.concept && !last.contains.includes(concept)) last.contains.push(concept);
        continue;
      }
      last = { start, end, concept, language: info.language, form: info.form, rendering: info.rendering, contains: [], inflected: info.inflected };
      matches.push(last);
    }
    return matches;
  }
}
