/**
 * The record: dated official texts, and where in them each formulation occurs (its attestations).
 * Matching is the drafts' own (the same automaton, the same word boundaries: 创新发展理念 is not an
 * attestation of 新发展理念). Built one document at a time, so that a host can index in the
 * background between requests.
 */
import type { FormulationMatch } from '../text/matcher';

export interface RecordDocument {
  id: string;
  title: string;
  /** "YYYY-MM-DD" or "YYYY", as the manifest gives it; undefined when no source gives one. */
  date?: string;
  text: string;
  /** Where it comes from: its address, or the file it was read from. */
  source?: string;
}

export interface Attestation {
  document: RecordDocument;
  start: number;
  end: number;
  /** The sentence around the phrase, [start, end) in the document's text. */
  sentence: [number, number];
}

/** Attestations as plain data: concept ids, and five numbers each (document, start, end, sentence start and end). */
export interface FlatAttestations {
  concepts: string[];
  numbers: number[];
}

export interface RecordSummary {
  count: number;
  documents: number;
  /** The earliest and latest dated attestations (the first undated one when none is dated). */
  first: Attestation;
  last: Attestation;
  /** Attestations per year, for the years of dated documents. */
  years: Map<number, number>;
  /** The span of years the record covers, for a sparkline on a common scale. */
  span: [number, number];
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence around [start, end): back and forward to sentence punctuation or a line break, at most 120 characters each way. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && start - s < 120 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && e - end < 120 && !SENTENCE_END.test(text[e])) e++;
  if (e < text.length && SENTENCE_END.test(text[e]) && text[e] !== '\n') e++;
  while (s < start && /\s/.test(text[s])) s++;
  while (e > end && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

export class RecordIndex {
  private readonly byConcept = new Map<string, Attestation[]>();
  private readonly years: [number, number] = [Infinity, -Infinity];
  readonly documents: RecordDocument[] = [];

  /** Adds one document's Chinese matches (the host runs the engine over its text). */
  add(document: RecordDocument, matches: readonly FormulationMatch[]): void {
    this.addDocument(document);
    for (const m of matches) {
      if (m.language !== 'zh') continue;
      // An attestation of the match's concept, and of each shorter formulation inside it.
      const sentence = sentenceAround(document.text, m.start, m.end);
      this.attest(m.concept.id, { document, start: m.start, end: m.end, sentence });
      // A shorter formulation inside the match is attested where it stands in it (习近平 inside
      // 以习近平同志为核心), or over the whole match when its form is not there as written.
      for (const concept of m.contains) {
        const at = concept.zh.map((f) => document.text.indexOf(f, m.start)).find((i, k) => i >= 0 && i + concept.zh[k].length <= m.end);
        const form = at === undefined ? undefined : concept.zh.find((f) => document.text.startsWith(f, at));
        this.attest(concept.id, at !== undefined && form ? { document, start: at, end: at + form.length, sentence } : { document, start: m.start, end: m.end, sentence });
      }
    }
  }

  /** A document of the record, before its attestations (see attest). */
  addDocument(document: RecordDocument): void {
    this.documents.push(document);
    const year = yearOf(document);
    if (year !== undefined) {
      this.years[0] = Math.min(this.years[0], year);
      this.years[1] = Math.max(this.years[1], year);
    }
  }

  /** One attestation of a concept, found elsewhere (the record's worker thread). */
  attest(conceptId: string, attestation: Attestation): void {
    const list = this.byConcept.get(conceptId);
    if (list) list.push(attestation);
    else this.byConcept.set(conceptId, [attestation]);
  }

  /** Every attestation, flat and transferable: what a worker thread sends back. */
  flatten(): FlatAttestations {
    const index = new Map(this.documents.map((d, i) => [d, i]));
    const out: FlatAttestations = { concepts: [], numbers: [] };
    for (const [id, list] of this.byConcept) {
      for (const a of list) {
        out.concepts.push(id);
        out.numbers.push(index.get(a.document)!, a.start, a.end, a.sentence[0], a.sentence[1]);
      }
    }
    return out;
  }

  /** Every attestation of a concept, in the order the documents were added. */
  attestations(conceptId: string): readonly Attestation[] {
    return this.byConcept.get(conceptId) ?? [];
  }

  summary(conceptId: string): RecordSummary | undefined {
    const list = this.byConcept.get(conceptId);
    if (!list?.length) return undefined;
    const dated = list.filter((a) => a.document.date).sort((a, b) => a.document.date!.localeCompare(b.document.date!) || a.start - b.start);
    const years = new Map<number, number>();
    for (const a of dated) {
      const y = yearOf(a.document)!;
      years.set(y, (years.get(y) ?? 0) + 1);
    }
    return {
      count: list.length,
      documents: new Set(list.map((a) => a.document)).size,
      first: dated[0] ?? list[0],
      last: dated[dated.length - 1] ?? list[list.length - 1],
      years,
      span: [this.years[0], this.years[1]],
    };
  }
}

function yearOf(document: RecordDocument): number | undefined {
  return document.date ? Number(document.date.slice(0, 4)) : undefined;
}

const BARS = '▁▂▃▄▅▆▇█';

/** One character a year from the formulation's first year in the record to the record's last: · none, ▁ to █ by count. */
export function sparkline(summary: RecordSummary): { line: string; from: number; to: number } | undefined {
  if (summary.years.size === 0) return undefined;
  const from = Math.min(...summary.years.keys());
  const to = summary.span[1];
  const max = Math.max(...summary.years.values());
  let out = '';
  for (let y = from; y <= to; y++) {
    const n = summary.years.get(y) ?? 0;
    out += n === 0 ? '·' : BARS[Math.min(BARS.length - 1, Math.ceil((n / max) * BARS.length) - 1)];
  }
  return { line: out, from, to };
}
