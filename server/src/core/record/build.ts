/**
 * The record analysed for one glossary: candidates discovered in it (the glossary's own forms
 * excepted), an engine that finds them in any text with the drafts' word boundaries, and the
 * attestations of both. A generator, so that a host can interleave requests; analyzeRecord runs it
 * to the end.
 */
import { TifaEngine } from '../engine';
import type { FormulationMatch } from '../text/matcher';
import { type RecordDocument, RecordIndex } from './attestations';
import { type Candidate, candidateGlossary, candidateId, discoverSteps } from './discovery';

export interface RecordAnalysis {
  index: RecordIndex;
  candidates: Candidate[];
  /** Finds the candidates (concept ids `candidate:<zh>`); no renderings. */
  candidateEngine: TifaEngine;
}

/** Characters matched per step (cut at the next line end, which no formulation crosses). */
const SLICE = 4000;

export function* analyzeRecordSteps(documents: readonly RecordDocument[], engine: TifaEngine, options: { discover?: boolean } = {}): Generator<void, RecordAnalysis> {
  const known = new Set(engine.glossary.concepts.flatMap((c) => c.zh));
  const candidates = options.discover === false ? [] : yield* discoverSteps(
    documents.map((d) => d.text),
    { known: (zh) => known.has(zh), years: documents.map((d) => (d.date ? Number(d.date.slice(0, 4)) : undefined)) },
  );
  let candidateEngine = new TifaEngine(candidateGlossary(candidates));
  const index = new RecordIndex();
  for (const d of documents) {
    const matches: FormulationMatch[] = [];
    for (let from = 0; from < d.text.length; ) {
      let to = Math.min(d.text.length, from + SLICE);
      const lineEnd = d.text.indexOf('\n', to);
      to = to === d.text.length || lineEnd < 0 ? d.text.length : lineEnd + 1;
      const slice = d.text.slice(from, to);
      for (const e of [engine, candidateEngine]) for (const m of e.find(slice)) matches.push({ ...m, start: m.start + from, end: m.end + from });
      from = to;
      yield;
    }
    index.add(d, matches);
  }
  // A candidate the matcher mostly refuses (its occurrences begin or end inside a longer word, as
  // 化国家 does in 现代化国家) is a fragment, not a formulation.
  const kept = candidates.filter((c) => (index.summary(candidateId(c.zh))?.count ?? 0) >= 0.5 * c.count);
  if (kept.length !== candidates.length) candidateEngine = new TifaEngine(candidateGlossary(kept));
  return { index, candidates: kept, candidateEngine };
}

export function analyzeRecord(documents: readonly RecordDocument[], engine: TifaEngine, options: { discover?: boolean } = {}): RecordAnalysis {
  const steps = analyzeRecordSteps(documents, engine, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
