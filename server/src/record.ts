/**
 * The record: the built-in texts (glossary/record/: official texts, gzip-compressed, and their
 * manifest) and the user's corpora (tifa.corpus.paths), read once, and analysed for each engine in
 * the background (candidates discovered, attestations indexed) in a worker thread, so that hovers
 * and diagnostics are answered while it runs (without the worker's bundle, in slices between
 * requests). Until an engine's analysis is complete, hovers have no record section and drafts no
 * candidates.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { analyzeRecordSteps, candidateGlossary, type RecordAnalysis, type RecordDocument, RecordIndex, type RecordSummary, TifaEngine } from './core';
import type { RecordWorkerRequest, RecordWorkerResponse } from './recordWorker';

interface Manifest {
  documents: Array<{ id: string; file: string; title: { zh: string }; date?: { value: string }; address?: string }>;
}

/** glossary/record: beside dist/ for the bundles; two levels up from server/src when run from source. */
export const RECORD_DIR = existsSync(join(__dirname, '..', 'glossary', 'record')) ? join(__dirname, '..', 'glossary', 'record') : join(__dirname, '..', '..', 'glossary', 'record');

export async function readRecord(dir = RECORD_DIR): Promise<RecordDocument[]> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const out: RecordDocument[] = [];
  for (const d of manifest.documents) {
    const text = gunzipSync(await readFile(join(dir, d.file))).toString('utf8');
    out.push({ id: d.id, title: d.title.zh, date: d.date?.value, text, source: d.address });
  }
  return out;
}

/** The worker's bundle, beside this one (absent when run from source: then the analysis runs here). */
const WORKER = join(__dirname, 'recordWorker.js');

export class RecordStore {
  private documents: Promise<RecordDocument[]> | undefined;
  private analyses = new WeakMap<TifaEngine, { done?: RecordAnalysis; building: Promise<RecordAnalysis> }>();
  private started = false;

  /** Called when an engine's analysis completes (the server asks for diagnostics again). */
  onAnalysed: () => void = () => undefined;

  constructor(
    private read: () => Promise<RecordDocument[]> = readRecord,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The concept's record for this engine, once its analysis is complete; starts the analysis otherwise. */
  summary(engine: TifaEngine, conceptId: string): RecordSummary | undefined {
    return this.ready(engine)?.index.summary(conceptId);
  }

  /**
   * The engine's analysis of the record if it is complete (started otherwise; never waited for).
   * Nothing starts before the record's texts are known (reset): at start-up, requests for the
   * engine of the moment would otherwise begin analyses the first reload makes useless.
   */
  ready(engine: TifaEngine): RecordAnalysis | undefined {
    if (!this.started) return undefined;
    const entry = this.analyses.get(engine);
    if (!entry) void this.analysis(engine);
    return entry?.done;
  }

  /** The engine's analysis of the record (candidates and attestations), built once, in the background. */
  analysis(engine: TifaEngine): Promise<RecordAnalysis> {
    let entry = this.analyses.get(engine);
    if (!entry) {
      const e: { done?: RecordAnalysis; building: Promise<RecordAnalysis> } = {
        building: this.build(engine).then((a) => {
          e.done = a;
          this.onAnalysed();
          return a;
        }),
      };
      this.analyses.set(engine, (entry = e));
    }
    return entry.building;
  }

  /** The index alone. */
  async index(engine: TifaEngine): Promise<RecordIndex> {
    return (await this.analysis(engine)).index;
  }

  /** Sets the texts (the built-in record and the corpora) and forgets every analysis: the next request starts again from `read`. */
  reset(read?: () => Promise<RecordDocument[]>): void {
    this.started = true;
    if (read) this.read = read;
    this.documents = undefined;
    this.analyses = new WeakMap();
  }

  private async build(engine: TifaEngine): Promise<RecordAnalysis> {
    let documents: RecordDocument[];
    try {
      documents = await (this.documents ??= this.read());
    } catch (e) {
      this.log(`Tifa: the record could not be read: ${(e as Error).message}`);
      documents = [];
    }
    if (existsSync(WORKER)) {
      try {
        return await this.inWorker(documents, engine);
      } catch (e) {
        this.log(`Tifa: the record's worker thread failed (${(e as Error).message}); analysing it in the server itself.`);
      }
    }
    // Discovery and matching in steps of a few thousand characters, one per turn of the event
    // loop, so that a hover waits a few milliseconds at most.
    const steps = analyzeRecordSteps(documents, engine);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      await turn();
    }
  }

  /** The analysis in a worker thread; the index rebuilt here from its plain answer, a slice per turn. */
  private async inWorker(documents: RecordDocument[], engine: TifaEngine): Promise<RecordAnalysis> {
    const worker = new Worker(WORKER);
    let answer: RecordWorkerResponse;
    try {
      answer = await new Promise<RecordWorkerResponse>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`it exited with code ${code}`)));
        worker.postMessage({ documents, glossary: engine.glossary } satisfies RecordWorkerRequest);
      });
    } finally {
      void worker.terminate();
    }
    if ('error' in answer) throw new Error(answer.error.split('\n')[0]);
    const index = new RecordIndex();
    for (const d of documents) index.addDocument(d);
    const { concepts, numbers } = answer.attestations;
    for (let i = 0; i < concepts.length; i++) {
      const k = i * 5;
      index.attest(concepts[i], { document: documents[numbers[k]], start: numbers[k + 1], end: numbers[k + 2], sentence: [numbers[k + 3], numbers[k + 4]] });
      if (i % 5000 === 4999) await turn();
    }
    await turn();
    return { index, candidates: answer.candidates, candidateEngine: new TifaEngine(candidateGlossary(answer.candidates)) };
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
