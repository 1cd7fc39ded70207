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

export interface AnalyzeOptions {
  /** false: no discovery (the glossary's formulations only). */
  discover?: boolean;
  /** Told how long each phase took (discovery; index: the attestations), in ms from its start to its end (the work itself when run by analyzeRecord). */
  timing?: (phase: 'discovery' | 'index', ms: number) => void;
}

export function* analyzeRecordSteps(documents: readonly RecordDocument[], engine: TifaEngine, options: AnalyzeOptions = {}): Generator<void, RecordAnalysis> {
  const t0 = performance.now();
  const known = new Set(engine.glossary.concepts.flatMap((c) => c.zh));
  const candidates = options.discover === false ? [] : yield* discoverSteps(
    documents.map((d) => d.text),
    { known: (zh) => known.has(zh), years: documents.map((d) => (d.date ? Number(d.date.slice(0, 4)) : undefined)) },
  );
  const t1 = performance.now();
  options.timing?.('discovery', t1 - t0);
  const glossaryMatches = yield* matchAll(documents, engine);
  let current = candidates;
  let candidateEngine = new TifaEngine(candidateGlossary(current));
  let candidateMatches = yield* matchAll(documents, candidateEngine);
  // Candidates overlap (构建新 | 新发展格局): the matcher takes the leftmost, so a weak candidate can
  // hide a strong one. One that takes most of a stronger candidate's lost occurrences goes.
  const weaker = yield* overlappingWeaker(documents, current, candidateMatches);
  if (weaker.size) {
    current = current.filter((c) => !weaker.has(c));
    candidateEngine = new TifaEngine(candidateGlossary(current));
    candidateMatches = yield* matchAll(documents, candidateEngine);
  }
  // A candidate the matcher mostly refuses (its occurrences begin or end inside a longer word, as
  // 化国家 does in 现代化国家) is a fragment, not a formulation.
  const attested = foundCounts(candidateMatches);
  const kept = current.filter((c) => (attested.get(c.zh) ?? 0) >= 0.5 * c.count);
  const keptIds = new Set(kept.map((c) => candidateId(c.zh)));
  if (kept.length !== current.length) candidateEngine = new TifaEngine(candidateGlossary(kept));
  const index = new RecordIndex();
  for (const [i, d] of documents.entries()) {
    index.add(d, [...glossaryMatches[i], ...candidateMatches[i].filter((m) => keptIds.has(m.concept.id))]);
    yield;
  }
  options.timing?.('index', performance.now() - t1);
  return { index, candidates: kept, candidateEngine };
}

/** Every document's matches, a slice at a time (cut at the next line end, which no formulation crosses). */
function* matchAll(documents: readonly RecordDocument[], engine: TifaEngine): Generator<void, FormulationMatch[][]> {
  const out: FormulationMatch[][] = [];
  for (const d of documents) {
    const matches: FormulationMatch[] = [];
    if (engine.conceptCount > 0) {
      for (let from = 0; from < d.text.length; ) {
        let to = Math.min(d.text.length, from + SLICE);
        const lineEnd = d.text.indexOf('\n', to);
        to = to === d.text.length || lineEnd < 0 ? d.text.length : lineEnd + 1;
        for (const m of engine.find(d.text.slice(from, to))) matches.push({ ...m, start: m.start + from, end: m.end + from });
        from = to;
        yield;
      }
    }
    out.push(matches);
  }
  return out;
}

/** How often the matcher found each candidate, alone or inside a longer one (碳中和 in 碳达峰碳中和). */
function foundCounts(matches: FormulationMatch[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of matches) for (const m of list) for (const c of [m.concept, ...m.contains]) out.set(c.zh[0], (out.get(c.zh[0]) ?? 0) + 1);
  return out;
}

/**
 * The candidates that hide stronger ones: for each candidate the matcher found less than half as
 * often as discovery counted it, the candidates matched over its missed occurrences; one that
 * covers at least half of them and scores lower goes.
 */
function* overlappingWeaker(documents: readonly RecordDocument[], candidates: readonly Candidate[], matches: FormulationMatch[][]): Generator<void, Set<Candidate>> {
  const byZh = new Map(candidates.map((c) => [c.zh, c]));
  const found = foundCounts(matches);
  const out = new Set<Candidate>();
  for (const victim of candidates) {
    if ((found.get(victim.zh) ?? 0) >= 0.5 * victim.count) continue;
    const over = new Map<Candidate, number>();
    let lost = 0;
    yield;
    documents.forEach((d, i) => {
      const list = matches[i];
      for (let at = d.text.indexOf(victim.zh); at >= 0; at = d.text.indexOf(victim.zh, at + victim.zh.length)) {
        const end = at + victim.zh.length;
        const covering = list.filter((m) => m.start < end && at < m.end);
        if (covering.some((m) => m.concept.zh[0] === victim.zh || m.contains.some((c) => c.zh[0] === victim.zh))) continue;
        lost++;
        for (const m of covering) {
          const a = byZh.get(m.concept.zh[0]);
          if (a && a !== victim) over.set(a, (over.get(a) ?? 0) + 1);
        }
      }
    });
    for (const [a, n] of over) if (n >= 0.5 * lost && a.score < victim.score) out.add(a);
  }
  return out;
}

export function analyzeRecord(documents: readonly RecordDocument[], engine: TifaEngine, options: AnalyzeOptions = {}): RecordAnalysis {
  const steps = analyzeRecordSteps(documents, engine, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
