/**
 * Combines glossaries, later ones taking precedence. A concept is the same concept when it has
 * the same id or shares a Chinese form; a later entry then overrides or extends the earlier one
 * field by field: Chinese forms are added, renderings are matched by their text (the later
 * entry for a rendering replaces the earlier, with its status, authority and source; new
 * renderings are added), appearances are added, and pinyin, kind and
 * note are replaced when the later entry gives them.
 */
import type { Concept, Glossary, Source } from './model';

export function mergeGlossaries(glossaries: readonly Glossary[]): Glossary {
  if (glossaries.length === 1) return glossaries[0];
  const merged: Glossary = { speeches: new Map(), concepts: [] };
  const byId = new Map<string, Concept>();
  const byForm = new Map<string, Concept>();
  const sources = new Map<string, Source>();
  for (const g of glossaries) {
    for (const [id, s] of g.speeches) merged.speeches.set(id, s);
    // Like speeches: a later glossary's source of the same id replaces the earlier one.
    for (const s of g.sources ?? []) sources.set(s.id, s);
    for (const c of g.concepts) {
      const existing = byId.get(c.id) ?? c.zh.map((f) => byForm.get(f)).find(Boolean);
      if (!existing) {
        const copy = { ...c, zh: [...c.zh], en: [...c.en], appearances: [...c.appearances] };
        merged.concepts.push(copy);
        byId.set(copy.id, copy);
        for (const f of copy.zh) byForm.set(f, copy);
        continue;
      }
      mergeInto(existing, c);
      for (const f of existing.zh) byForm.set(f, existing);
    }
  }
  if (sources.size) merged.sources = [...sources.values()];
  merged.name = glossaries.map((g) => g.name).filter(Boolean).join(' + ') || undefined;
  return merged;
}

function mergeInto(base: Concept, over: Concept): void {
  for (const f of over.zh) if (!base.zh.includes(f)) base.zh.push(f);
  if (over.pinyin) base.pinyin = over.pinyin;
  if (over.kind) base.kind = over.kind;
  if (over.note) base.note = over.note;
  const overPreferred = over.en.find((r) => r.status === 'preferred');
  for (const r of over.en) {
    const i = base.en.findIndex((b) => b.text.toLowerCase() === r.text.toLowerCase());
    // The later glossary's word on a rendering replaces the earlier one whole: a status goes with
    // the authority and source that give it, never with the other glossary's.
    if (i >= 0) base.en[i] = { ...r };
    else base.en.push(r);
  }
  if (overPreferred) {
    // One preferred rendering: the later glossary's; the earlier preferred one stays admitted.
    base.en = base.en.map((r) => (r.status === 'preferred' && r.text.toLowerCase() !== overPreferred.text.toLowerCase() ? { ...r, status: 'admitted' } : r));
  }
  for (const a of over.appearances) {
    if (!base.appearances.some((b) => b.speech === a.speech && b.zh === a.zh && b.en === a.en)) base.appearances.push(a);
  }
}
