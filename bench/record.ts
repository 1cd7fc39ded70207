/**
 * The record's figures for `npm run bench`, each at two sizes (the corpus once and twice over):
 * discovery, indexing (attestations of the glossary's formulations and the candidates), the memory
 * the analysis keeps, and hover latency in the server while it analyses the record in the
 * background. The corpus is the built-in record plus the 87 speeches in bench/corpus (in the
 * project for the benchmark; the extension does not ship them).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { analyzeRecord, analyzeRecordSteps, type RecordDocument, type TifaEngine } from '../server/src/core';
import { readCorpus } from '../server/src/corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../server/src/files';
import { readRecord } from '../server/src/record';

export interface RecordFigures {
  corpus: string;
  documents: number;
  chars: number;
  /** At 1× and 2× the corpus. */
  discoveryMs: [number, number];
  indexMs: [number, number];
  candidates: number;
  /** Heap kept by the corpus read and analysed once (texts included; after a full collection), in MB. */
  retainedMB: number;
  /** The peak of the live heap above where it started while the corpus was read and analysed (at 1× and 2×), in MB: in the server, the worker thread's. */
  peakMB: [number, number];
}

/** 87 speeches (bench/corpus/README.md), with the record: the discovery's workload at 1× and 2×. */
const SPEECHES = join(__dirname, '..', 'bench', 'corpus', 'xi_speeches_2013_2016');

export async function recordFigures(engine: TifaEngine): Promise<RecordFigures> {
  let corpus = '';
  const load = async (): Promise<RecordDocument[]> => {
    const documents = await readRecord(join(__dirname, '..', 'glossary', 'record'));
    corpus = `the built-in record (${documents.length} documents)`;
    if (existsSync(SPEECHES)) {
      const speeches = await readCorpus(SPEECHES, DEFAULT_MAX_FILE_BYTES);
      if (!('error' in speeches)) {
        documents.push(...speeches.documents);
        corpus += ` and the speeches in bench/corpus (${speeches.documents.length})`;
      }
    } else corpus += ` (the speech collection is missing: ${SPEECHES})`;
    return documents;
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  // Each size read and analysed from nothing, so that the memory kept counts the texts too.
  const measure = async (times: 1 | 2) => {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const docs = await load();
    const all = times === 1 ? docs : [...docs, ...docs.map((d) => ({ ...d, id: `${d.id}-again` }))];
    const phases: Record<string, number> = {};
    const analysis = analyzeRecord(all, engine, { timing: (phase, ms) => (phases[phase] = Math.round(ms)) });
    gc?.();
    const retained = process.memoryUsage().heapUsed - before;
    // Then, untimed, step by step with a full collection every 200 steps: the peak of what is live
    // on the way (without the collections, the heap's size says more about garbage than work).
    let peak = 0;
    const steps = analyzeRecordSteps(all, engine);
    for (let k = 0; !steps.next().done; k++) {
      if (k % 200 === 0) {
        gc?.();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    return { discoveryMs: phases.discovery, indexMs: phases.index, candidates: analysis.candidates.length, retained, peak, documents: all.length, chars: all.reduce((n, d) => n + d.text.length, 0) };
  };
  await measure(1); // warm up
  const once = await measure(1);
  const double = await measure(2);
  const retainedMB = Math.round(once.retained / 1048576);
  return {
    corpus,
    documents: once.documents,
    chars: once.chars,
    discoveryMs: [once.discoveryMs, double.discoveryMs],
    indexMs: [once.indexMs, double.indexMs],
    candidates: once.candidates,
    retainedMB,
    peakMB: [Math.round(once.peak / 1048576), Math.round(double.peak / 1048576)],
  };
}

/**
 * Hover round trips in the server from its start until the record's candidates reach the draft
 * (the analysis done): p50 and p99, and how long the analysis took as the server ran it.
 */
export async function hoverWhileAnalysing(serverJs: string): Promise<{ hovers: number; p50: number; p99: number; analysedMs: number }> {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let analysed = false;
  connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Array<{ code?: unknown }> }) => {
    if (p.diagnostics.some((d) => d.code === 'candidate-formulation')) analysed = true;
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const t0 = performance.now();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///bench-record.zh.txt';
    const text = '坚持“一国两制”，推动共建“一带一路”，加快构建新发展格局，建设网络强国。\n'.repeat(50);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const times: number[] = [];
    const deadline = performance.now() + 120000;
    while (!analysed && performance.now() < deadline) {
      const s = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: times.length % 50, character: 30 } });
      times.push(performance.now() - s);
    }
    const analysedMs = Math.round(performance.now() - t0);
    if (!analysed) throw new Error('bench: the record was not analysed within 120 s');
    times.sort((a, b) => a - b);
    const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    return { hovers: times.length, p50: at(0.5), p99: at(0.99), analysedMs };
  } finally {
    proc.kill('SIGKILL');
    connection.dispose();
  }
}
