/**
 * candidate-formulation: a phrase the glossary lacks that the record uses as a formulation
 * (core/record/discovery.ts), found in a Chinese draft. Said only where the record attests it, with
 * what the record says; never where a glossary formulation covers the same text.
 */
import { counted, type Localized, said, word } from '../l10n';
import type { RecordIndex } from '../record/attestations';
import type { FormulationMatch } from '../text/matcher';
import type { Finding } from './findings';
import { lowerBound } from '../text/search';

export interface CandidateData {
  candidate: string;
}


/** What the record says of a candidate, in a sentence. */
export function candidateMessage(zh: string, index: RecordIndex, conceptId: string): { message: string; l10n: Localized } | undefined {
  const s = index.summary(conceptId);
  if (!s) return undefined;
  const first = s.first.document;
  return said('candidate-formulation', { zh, count: counted(s.count, 'word.time'), documents: counted(s.documents, 'word.document'), first: first.date ? word('word.in-year', { year: first.date.slice(0, 4) }) : '', title: first.title });
}

/** Findings for the candidates among `matches` (the candidate engine's) that no glossary match overlaps. */
export function candidateFindings(matches: readonly FormulationMatch[], glossaryMatches: readonly FormulationMatch[], index: RecordIndex): Finding[] {
  // Glossary spans by start, with the furthest end so far: one binary search per candidate (a scan
  // of every glossary match per candidate took 100 ms a check in a 9 MB document).
  const taken = glossaryMatches.filter((m) => m.language === 'zh').map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (const [i, [, e]] of taken.entries()) reach.push(Math.max(e, i > 0 ? reach[i - 1] : -1));
  const covered = (start: number, end: number) => {
    const i = lowerBound(taken, end, (t) => t[0]) - 1; // the last glossary span starting before `end`
    return i >= 0 && reach[i] > start;
  };
  const out: Finding[] = [];
  const messages = new Map<string, { message: string; l10n: Localized } | undefined>();
  for (const m of matches) {
    if (m.language !== 'zh') continue;
    if (covered(m.start, m.end)) continue;
    const zh = m.concept.zh[0];
    if (!messages.has(zh)) messages.set(zh, candidateMessage(zh, index, m.concept.id));
    const message = messages.get(zh);
    if (!message) continue;
    out.push({ start: m.start, end: m.end, code: 'candidate-formulation', ...message, data: { candidate: zh } });
  }
  return out;
}
