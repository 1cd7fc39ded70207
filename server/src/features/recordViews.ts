/**
 * What the client's record views ask for: the Formulations view (in this file, in the record,
 * candidates), the text of a record document to open an attestation in, a timeline with its
 * chart, and a comparison of two texts. Positions are converted here; the core counts offsets.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TifaContext } from '../context';
import { type Attestation, diffFormulations, inventory, loadGlossaryYaml, mergeGlossaries, type RecordAnalysis, TifaEngine, timeline, timelineSvg } from '../core';
import { guard } from '../guard';
import {
  type AttestationRef,
  COMPARE_REQUEST,
  type CompareParams,
  type CompareResult,
  FORMULATIONS_REQUEST,
  type FormulationsParams,
  type FormulationsResult,
  RECORD_TEXT_REQUEST,
  type RecordEntry,
  TIMELINE_REQUEST,
  type TimelineParams,
  type TimelineResult,
} from '../protocol';

/** Candidates listed in the view: a list a person reads (the CLI's --limit default). */
const CANDIDATES_SHOWN = 200;
/** Phrases one timeline compares, at most. */
const MAX_SERIES = 8;

export function registerRecordViews(ctx: TifaContext): void {
  const { connection } = ctx;
  // Record documents as text documents, for positions in them (made once each).
  const texts = new WeakMap<object, TextDocument>();
  const positioned = (a: Attestation): AttestationRef => {
    let doc = texts.get(a.document);
    if (!doc) texts.set(a.document, (doc = TextDocument.create(`tifa-record:/${a.document.id}`, 'plaintext', 0, a.document.text)));
    return { documentId: a.document.id, title: a.document.title, date: a.document.date ?? null, sentence: a.document.text.slice(...a.sentence), range: { start: doc.positionAt(a.start), end: doc.positionAt(a.end) } };
  };

  connection.onRequest(FORMULATIONS_REQUEST, guard(connection, 'formulations', { ready: false, inFile: [], inRecord: [], candidates: [] } as FormulationsResult, (params: FormulationsParams): FormulationsResult => {
    const document = params.uri ? ctx.documents.get(params.uri) : undefined;
    const engine = ctx.engineFor(params.uri ?? 'file:///');
    const record = ctx.record.ready(engine);
    const inFile: FormulationsResult['inFile'] = [];
    if (document) {
      const byConcept = new Map<string, FormulationsResult['inFile'][number]>();
      const add = (label: string, conceptId: string, candidate: boolean, start: number, end: number) => {
        const e = byConcept.get(conceptId) ?? { label, conceptId, candidate, ranges: [] };
        e.ranges.push({ start: document.positionAt(start), end: document.positionAt(end) });
        byConcept.set(conceptId, e);
      };
      for (const m of ctx.analysis(document).matches) add(m.concept.zh[0] ?? m.rendering ?? m.concept.id, m.concept.id, false, m.start, m.end);
      for (const f of ctx.candidates(document)) {
        const zh = (f.data as { candidate: string }).candidate;
        add(zh, `candidate:${zh}`, true, f.start, f.end);
      }
      inFile.push(...[...byConcept.values()].sort((a, b) => b.ranges.length - a.ranges.length || a.label.localeCompare(b.label)));
    }
    if (!record) return { ready: false, inFile, inRecord: [], candidates: [] };
    const entries = inventory(record.index, engine.glossary, record.candidates, CANDIDATES_SHOWN).map((e): RecordEntry => {
      const s = record.index.summary(e.id)!;
      return { zh: e.zh, conceptId: e.id, inGlossary: e.inGlossary, count: e.count, documents: e.documents, first: positioned(s.first), last: positioned(s.last) };
    });
    return { ready: true, inFile, inRecord: entries.filter((e) => e.inGlossary), candidates: entries.filter((e) => !e.inGlossary) };
  }));

  connection.onRequest(RECORD_TEXT_REQUEST, guard(connection, 'record text', null as string | null, (params: { id?: unknown }) => {
    const record = ctx.record.ready(ctx.engineFor('file:///'));
    return record?.index.documents.find((d) => d.id === params.id)?.text ?? null;
  }));

  connection.onRequest(TIMELINE_REQUEST, guard(connection, 'timeline', { series: [], svg: '' } as TimelineResult, async (params: TimelineParams): Promise<TimelineResult> => {
    const asked = (Array.isArray(params.formulations) ? params.formulations : []).filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim()).slice(0, MAX_SERIES);
    const engine = ctx.engineFor('file:///');
    const record: RecordAnalysis = await ctx.record.analysis(engine);
    const series = asked.map((zh) => ({ zh, points: pointsOf(record, engine, zh) }));
    return { series, svg: timelineSvg(series) };
  }));

  connection.onRequest(COMPARE_REQUEST, guard(connection, 'compare', null as CompareResult | null, async (params: CompareParams): Promise<CompareResult | null> => {
    if (typeof params?.old?.text !== 'string' || typeof params?.new?.text !== 'string') return null;
    const engine = ctx.engineFor('file:///');
    const record = await ctx.record.analysis(engine);
    const matches = (text: string) => [...engine.find(text), ...record.candidateEngine.find(text)];
    const diff = diffFormulations(matches(params.old.text), matches(params.new.text));
    const lines = [`## Formulations: ${params.old.name} → ${params.new.name}`, '', '| | formulation | old | new |', '|---|---|---|---|'];
    for (const a of diff.added) lines.push(`| added 新增 | ${a.zh} | 0 | ${a.count} |`);
    for (const a of diff.dropped) lines.push(`| dropped 删除 | ${a.zh} | ${a.count} | 0 |`);
    for (const c of diff.changed) lines.push(`| changed 变化 | ${c.zh} | ${c.old} | ${c.new} |`);
    if (!diff.added.length && !diff.dropped.length && !diff.changed.length) lines.push('', 'No formulation added, dropped or changed in count. 提法无变化。');
    return { diff, markdown: lines.join('\n') + '\n' };
  }));
}

/** A phrase's counts per record document: a glossary form or candidate from the index, any other phrase matched afresh with the drafts' word boundaries. */
function pointsOf(record: RecordAnalysis, engine: TifaEngine, zh: string) {
  const known = engine.glossary.concepts.find((c) => c.zh.includes(zh)) ?? record.candidateEngine.glossary.concepts.find((c) => c.zh.includes(zh));
  if (known) return timeline(record.index, known.id);
  const loaded = loadGlossaryYaml(`version: 1\nconcepts:\n  - id: "asked"\n    zh: [${JSON.stringify(zh)}]\n`);
  const adhoc = new TifaEngine(mergeGlossaries([loaded.glossary]));
  const counts = record.index.documents.map((d) => ({ date: d.date ?? null, title: d.title, count: adhoc.find(d.text).filter((m) => m.language === 'zh').length }));
  return counts.sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? ''));
}
