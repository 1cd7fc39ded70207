/**
 * memory-inconsistent: a target that renders a formulation otherwise than the translation
 * memory's clear majority does. Said only when Tifa knows both the word span here (a glossary
 * rendering, a close variant of one, or a phrase the memory itself observed for the formulation)
 * and a majority: at least MIN_MAJORITY units and more than MAJORITY_SHARE of the observations.
 * The fix replaces exactly that span with the majority's rendering.
 */
import { said } from '../l10n';
import type { Finding } from '../checks/findings';
import { shapeLike } from '../checks/consistency';
import type { TifaEngine } from '../engine';
import type { Concept } from '../glossary/model';
import { findLemmas, knownRendering, type MemoryEntry, type ObservedRendering, sourceConcepts, type TranslationMemory } from './observe';
import type { MemoryUnit } from './units';
import { type Word, words } from '../text/variants';

export const MIN_MAJORITY = 3;
export const MAJORITY_SHARE = 0.6;
/** Related locations shown per finding. */
const RELATED = 3;

/** The rendering most units use, when it is a clear majority. */
export function majorityOf(entry: MemoryEntry): ObservedRendering | undefined {
  const [top, second] = entry.renderings;
  if (!top || top.count < MIN_MAJORITY) return undefined;
  const observed = entry.renderings.reduce((n, r) => n + r.count, 0);
  if (top.count <= MAJORITY_SHARE * observed || (second && second.count === top.count)) return undefined;
  return top;
}

/** Where a rendering stands in a target: a glossary one through the matcher and variants, a mined one by its lemmas. */
function spanOf(r: ObservedRendering, concept: Concept, target: string, enMatches: Parameters<typeof knownRendering>[2], targetWords: () => Word[]): { start: number; end: number } | undefined {
  if (r.kind === 'mined') return r.lemmas ? findLemmas(target, r.lemmas, targetWords()) : undefined;
  const k = knownRendering(concept, target, enMatches, targetWords);
  return k && k !== 'inside' && k.text === r.en ? { start: k.start, end: k.end } : undefined;
}

/**
 * Findings for a document's units (offsets mapped to the file through each unit's targetMap, or
 * taken as they are when it has none: a parallel file's paragraphs).
 */
export function memoryFindings(text: string, units: readonly MemoryUnit[], memory: TranslationMemory, engine: TifaEngine, candidates?: TifaEngine): Finding[] {
  const out: Finding[] = [];
  for (const u of units) {
    const concepts = sourceConcepts(u.zh, engine, candidates);
    if (concepts.length === 0) continue;
    let enMatches: ReturnType<TifaEngine['find']> | undefined;
    let ws: Word[] | undefined;
    const targetWords = () => (ws ??= words(u.en));
    for (const c of concepts) {
      const entry = memory.entry(c.id);
      const majority = entry && majorityOf(entry);
      if (!entry || !majority) continue;
      enMatches ??= engine.find(u.en).filter((m) => m.language === 'en');
      if (spanOf(majority, c, u.en, enMatches, targetWords)) continue;
      for (const r of entry.renderings) {
        if (r === majority) continue;
        const span = spanOf(r, c, u.en, enMatches, targetWords);
        if (!span) continue;
        const [start, end] = u.targetMap ? u.targetMap.toFile(span.start, span.end) : [u.target[0] + span.start, u.target[0] + span.end];
        const original = text.slice(start, end);
        const observed = entry.renderings.reduce((n, x) => n + x.count, 0);
        // The fix only where the file's text is the target's text (no tag or entity inside the span).
        const here = u.en.slice(span.start, span.end);
        const exact = original === here;
        out.push({
          start,
          end,
          code: 'memory-inconsistent',
          ...said('memory-inconsistent', { zh: entry.zh, here: `“${here}”`, majority: `“${majority.en}”`, count: majority.count, observed }),
          data: {
            rule: 'memory-inconsistent',
            conceptId: c.id,
            original,
            replacements: exact ? [{ text: shapeLike({ inflected: false }, original, majority.en), status: 'observed', authority: 'translation memory' }] : [],
          },
          related: majority.units.slice(0, RELATED).map((i) => {
            const unit = memory.unit(i);
            return { file: unit.file, start: unit.target[0], end: unit.target[1], ...said('related.here', { phrase: `“${majority.en}”` }) };
          }),
        });
        break;
      }
    }
  }
  return out;
}
