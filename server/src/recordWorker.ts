/**
 * The record's analysis (discovery and attestations, core/record/build.ts) in a worker thread
 * (dist/recordWorker.js): seconds of work and hundreds of megabytes of garbage that would
 * otherwise share the server's event loop and heap with hovers. It receives the documents and the
 * glossary, and sends back the candidates and the attestations as plain data.
 */
import { parentPort } from 'node:worker_threads';
import './builtinGlossary'; // provides OpenCC and the common words to the core, as in the server
import { analyzeRecord, type Candidate, type FlatAttestations, type Glossary, type RecordDocument, TifaEngine } from './core';

export interface RecordWorkerRequest {
  documents: RecordDocument[];
  glossary: Glossary;
}

export type RecordWorkerResponse = { candidates: Candidate[]; attestations: FlatAttestations; timing: Record<string, number> } | { error: string };

parentPort?.once('message', (request: RecordWorkerRequest) => {
  try {
    const timing: Record<string, number> = {};
    const { index, candidates } = analyzeRecord(request.documents, new TifaEngine(request.glossary), { timing: (phase, ms) => (timing[phase] = Math.round(ms)) });
    parentPort!.postMessage({ candidates, attestations: index.flatten(), timing } satisfies RecordWorkerResponse);
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) } satisfies RecordWorkerResponse);
  }
});
