/**
 * The figures the house-keeping issue asks for, each at two sizes: importing a CSV glossary,
 * starting the CLI, re-analysing a document after a one-character edit, and the hover latency
 * (p99) while someone types in a large document, over real JSON-RPC.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportGlossary, type Concept, type GlossaryFormat, loadGlossaryText, type TifaEngine } from '../server/src/core';

export interface Sized {
  size: number;
  ms: number;
}

function generated(rows: number, format: GlossaryFormat): string {
  const concepts: Concept[] = [];
  for (let i = 0; i < rows; i++) concepts.push({ id: `c${i}`, zh: [`术语${i.toString(36)}号`], en: [{ text: `term number ${i}`, status: 'preferred' }], appearances: [] });
  return exportGlossary({ speeches: new Map(), concepts }, format).text;
}

/** Reading a glossary of 25,000 and 100,000 concepts in one format, as `tifa export` writes it. */
export function glossaryImport(format: GlossaryFormat): Sized[] {
  return [25000, 100000].map((rows) => {
    const text = generated(rows, format);
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    const { glossary, problems } = loadGlossaryText(text, `g.tifa.${format}`);
    const ms = performance.now() - t;
    if (glossary.concepts.length !== rows || problems.length) throw new Error(`bench: read ${glossary.concepts.length} concepts of ${rows} from ${format} (${problems[0]?.message ?? 'no problem'})`);
    return { size: rows, ms: Math.round(ms) };
  });
}

/**
 * Node's own start-up, without NODE_EXTRA_CA_CERTS: where it is set (as in this project's
 * sandbox) Node reads the certificates at every start, about 70 ms that are not Tifa's.
 */
const startEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

/** The whole process, `tifa lint FILE`: median of five runs, for a one-line file and a 1 MB one. */
export function cliStart(cliJs: string, corpus: string): Sized[] {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-cli-'));
  try {
    return [1, 1_000_000].map((chars) => {
      const file = join(dir, `f${chars}.txt`);
      writeFileSync(file, chars === 1 ? '网\n' : corpus.slice(0, chars));
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [cliJs, 'lint', file], { encoding: 'utf8', env: startEnv });
        runs.push(performance.now() - t);
        if (r.status === 2) throw new Error(`bench: tifa lint failed: ${r.stderr}`);
      }
      runs.sort((a, b) => a - b);
      return { size: chars, ms: Math.round(runs[2]) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What one keystroke costs the server: linting the edited document again, given the analysis of
 * the version before (so only the touched paragraph is matched again), plain text and Markdown.
 */
export function editReanalysis(engine: TifaEngine, corpus: string, kind: 'plaintext' | 'markdown' = 'plaintext'): Sized[] {
  return [1_000_000, 4_000_000].map((chars) => {
    let text = corpus.slice(0, chars);
    let previous = engine.lint(text, { kind });
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const at = Math.floor(chars / 2) + i;
      text = text.slice(0, at) + '国' + text.slice(at + 1);
      const t = performance.now();
      previous = engine.lint(text, { kind }, previous);
      best = Math.min(best, performance.now() - t);
    }
    return { size: chars, ms: +best.toFixed(1) };
  });
}

/**
 * Hover latencies while typing: one edit every 20 ms, a hover between edits, 300 times; the 99th
 * percentile (the fourth slowest). The 1,000-character document gives the floor: what a round trip
 * costs on this machine whatever the document.
 */
export async function hoverDuringEdits(serverJs: string, corpus: string, sizes = [1_000, 1_000_000, 9_000_000]): Promise<Sized[]> {
  const out: Sized[] = [];
  for (const chars of sizes) {
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    // The record is analysed in a worker thread after start (bench/record.ts measures hovers meanwhile);
    // typing is measured once it is done, as in most of a session: its candidates reach the document.
    let analysed = false;
    connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Array<{ code?: unknown }> }) => {
      if (p.diagnostics.some((d) => d.code === 'candidate-formulation')) analysed = true;
    });
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      let text = '';
      while (text.length < chars) text += corpus;
      text = text.slice(0, chars);
      const uri = 'file:///bench-typing.txt';
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const word = text.lastIndexOf('发展', Math.floor(chars / 2) - 2); // a formulation-rich word before the typing
      const hoverAt = doc.positionAt(Math.max(0, word));
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt }); // the first analysis
      for (const deadline = performance.now() + 60000; !analysed && performance.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      const latencies: number[] = [];
      // Typing at one place after the hover's: neither position moves, so the client keeps no copy
      // of the text (editing 9 MB here would make this process, not the server, the one measured).
      const typeAt = doc.positionAt(Math.floor(chars / 2));
      if (doc.offsetAt(typeAt) <= doc.offsetAt(hoverAt)) throw new Error('bench: the hover must come before the typing');
      // And collects what opening 9 MB left in this process, so that its collections do not fall in the measures.
      (globalThis as { gc?: () => void }).gc?.();
      for (let i = 0; i < 300; i++) {
        const change = { range: { start: typeAt, end: typeAt }, text: '国' };
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
        const t = performance.now();
        await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt });
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      if (process.env.TIFA_BENCH_LATENCIES) console.error(chars, latencies.map((l) => l.toFixed(1)).join(" "));
      latencies.sort((a, b) => a - b);
      out.push({ size: chars, ms: +latencies[Math.ceil(latencies.length * 0.99) - 1].toFixed(1) });
    } finally {
      connection.dispose();
      proc.stdin?.destroy();
      proc.stdout?.destroy();
      proc.kill();
    }
  }
  return out;
}
