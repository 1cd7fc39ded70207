/**
 * Combines glossaries, later ones taking precedence: a concept replaces an earlier one with the
 * same id or sharing a Chinese form. (Field-by-field merging is the workspace-glossary issue's.)
 */
import type { Concept, Glossary } from './model';

export function mergeGlossaries(glossaries: readonly Glossary[]): Glossary {
  if (glossaries.length === 1) return glossaries[0];
  const merged: Glossary = { speeches: new Map(), concepts: [] };
  let concepts: Concept[] = [];
  for (const g of glossaries) {
    for (const [id, s] of g.speeches) merged.speeches.set(id, s);
    const ids = new Set(g.concepts.map((c) => c.id));
    const forms = new Set(g.concepts.flatMap((c) => c.zh));
    concepts = concepts.filter((c) => !ids.has(c.id) && !c.zh.some((f) => forms.has(f)));
    concepts.push(...g.concepts);
  }
  merged.concepts = concepts;
  merged.name = glossaries.map((g) => g.name).filter(Boolean).join(' + ') || undefined;
  return merged;
}
