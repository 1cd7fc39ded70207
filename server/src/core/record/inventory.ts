/**
 * What an analyst asks of the record: which formulations it holds (the inventory), how one is
 * used over time (a timeline), and what changed between two texts (a diff). Pure: the host reads
 * the files and runs the engine.
 */
import type { Concept, Glossary } from '../glossary/model';
import type { FormulationMatch } from '../text/matcher';
import type { Attestation, RecordDocument, RecordIndex } from './attestations';
import { type Candidate, candidateId } from './discovery';

export interface InventoryEntry {
  zh: string;
  id: string;
  inGlossary: boolean;
  count: number;
  documents: number;
  first: AttestationView;
  last: AttestationView;
}

export interface AttestationView {
  date: string | null;
  title: string;
  sentence: string;
}

const view = (a: Attestation): AttestationView => ({ date: a.document.date ?? null, title: a.document.title, sentence: a.document.text.slice(...a.sentence) });

/** The label of a concept in the record's lists: its first Chinese form, or its id. */
const zhOf = (c: Concept) => c.zh[0] ?? c.id;

/**
 * Every formulation the record attests: the glossary's, the most widely attested first
 * (documents, then occurrences), then the candidates in discovery's order (the most
 * formulation-like first), at most `limit` of them. A candidate the matcher never finds (its
 * every occurrence inside a longer word) is left out.
 */
export function inventory(index: RecordIndex, glossary: Glossary, candidates: readonly Candidate[] = [], limit = Infinity): InventoryEntry[] {
  const out: InventoryEntry[] = [];
  for (const c of glossary.concepts) {
    const s = index.summary(c.id);
    if (!s) continue;
    out.push({ zh: zhOf(c), id: c.id, inGlossary: true, count: s.count, documents: s.documents, first: view(s.first), last: view(s.last) });
  }
  out.sort((a, b) => b.documents - a.documents || b.count - a.count || a.zh.localeCompare(b.zh));
  let n = 0;
  for (const c of candidates) {
    if (n >= limit) break;
    const id = candidateId(c.zh);
    const s = index.summary(id);
    if (!s) continue;
    out.push({ zh: c.zh, id, inGlossary: false, count: s.count, documents: s.documents, first: view(s.first), last: view(s.last) });
    n++;
  }
  return out;
}

export interface TimelinePoint {
  date: string | null;
  title: string;
  count: number;
}

/** A concept's count in each document of the record, dated documents in date order, undated ones last. */
export function timeline(index: RecordIndex, conceptId: string): TimelinePoint[] {
  const counts = new Map<RecordDocument, number>();
  for (const d of index.documents) counts.set(d, 0);
  for (const a of index.attestations(conceptId)) counts.set(a.document, (counts.get(a.document) ?? 0) + 1);
  return [...counts]
    .map(([d, count]) => ({ date: d.date ?? null, title: d.title, count }))
    .sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? ''));
}

export interface FormulationDiff {
  added: Array<{ zh: string; count: number }>;
  dropped: Array<{ zh: string; count: number }>;
  changed: Array<{ zh: string; old: number; new: number }>;
}

/** Chinese formulations (and those inside them) counted by concept. */
export function countByConcept(matches: readonly FormulationMatch[]): Map<Concept, number> {
  const counts = new Map<Concept, number>();
  for (const m of matches) {
    if (m.language !== 'zh') continue;
    for (const c of [m.concept, ...m.contains]) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

/** The formulations added, dropped and changed in count from one text's matches to another's. */
export function diffFormulations(oldMatches: readonly FormulationMatch[], newMatches: readonly FormulationMatch[]): FormulationDiff {
  const before = countByConcept(oldMatches);
  const after = countByConcept(newMatches);
  const out: FormulationDiff = { added: [], dropped: [], changed: [] };
  for (const [c, n] of after) {
    const o = before.get(c) ?? 0;
    if (o === 0) out.added.push({ zh: zhOf(c), count: n });
    else if (o !== n) out.changed.push({ zh: zhOf(c), old: o, new: n });
  }
  for (const [c, o] of before) if (!after.has(c)) out.dropped.push({ zh: zhOf(c), count: o });
  const byCount = (a: { count: number; zh: string }, b: { count: number; zh: string }) => b.count - a.count || a.zh.localeCompare(b.zh);
  out.added.sort(byCount);
  out.dropped.sort(byCount);
  out.changed.sort((a, b) => Math.abs(b.new - b.old) - Math.abs(a.new - a.old) || a.zh.localeCompare(b.zh));
  return out;
}
