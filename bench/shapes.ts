/**
 * Inputs whose cost once grew faster than their size (the hardening issue), each timed at two
 * sizes, four times apart: linear work costs about four times as much, quadratic sixteen.
 * Also the server opening many parallel en/zh documents, over real JSON-RPC.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadGlossaryText, type TifaEngine } from '../server/src/core';
import { toDiagnostics } from '../server/src/lspDiagnostics';
import * as shapes from '../test/fuzz/shapes';

export interface ShapeTiming {
  shape: string;
  small: number;
  large: number;
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs for 4× the input: about 4 when linear. */
  ratio: number;
}

function best(f: () => unknown, runs = 3): number {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

export function shapeTimings(engine: TifaEngine): ShapeTiming[] {
  const cases: Array<[string, number, (n: number) => () => unknown]> = [
    ['disable-next-line comments (plain text)', 20000, (n) => { const t = shapes.disableComments(n).replace(/<!-- (.*) -->/g, '# $1'); return () => engine.lint(t); }],
    ['disable-next-line comments (Markdown)', 5000, (n) => { const t = shapes.disableComments(n); return () => engine.lint(t, { kind: 'markdown' }); }],
    ['inline glosses', 20000, (n) => { const t = shapes.inlineGlosses(n); return () => engine.lint(t); }],
    ['parallel paragraphs', 20000, (n) => { const p = shapes.parallelParagraphs(n); return () => engine.lint(p.en, { parallelSource: { text: p.zh, kind: 'plaintext' } }); }],
    ['Markdown list, flat (items)', 5000, (n) => { const t = Array.from({ length: n }, (_, i) => `- 网络强国 ${i}\n`).join(''); return () => engine.lint(t, { kind: 'markdown' }); }],
    ['Markdown lists nested 40 deep (lists)', 50, (n) => { const t = (shapes.nestedList(40) + '\n').repeat(n); return () => engine.lint(t, { kind: 'markdown' }); }],
    ['Markdown lists nested 20 deep (lists)', 50, (n) => { const t = (shapes.nestedList(20) + '\n').repeat(n); return () => engine.lint(t, { kind: 'markdown' }); }],
    ['XLIFF with CDATA, entities, comments (units)', 5000, (n) => { const t = shapes.xmlConstructs(n); return () => engine.lint(t, { kind: 'xliff' }); }],
    ['TBX nested elements (depth)', 25000, (n) => { const t = shapes.deepXml(n, 'tbx'); return () => loadGlossaryText(t, 'g.tbx'); }],
    ['flood of findings to capped diagnostics (chars)', 250000, (n) => { const t = shapes.flood(n); const d = TextDocument.create('file:///f', 'plaintext', 1, t); return () => toDiagnostics(d, engine.lint(t).findings, () => 'information', true); }],
  ];
  return cases.map(([shape, n, make]) => {
    best(make(n), 1); // warm up
    const smallMs = best(make(n));
    const largeMs = best(make(4 * n));
    return { shape, small: n, large: 4 * n, smallMs: Math.round(smallMs), largeMs: Math.round(largeMs), ratio: +(largeMs / smallMs).toFixed(1) };
  });
}

/** Opens n English drafts and their Chinese counterparts in the server; ms until every English one has diagnostics. */
export async function openParallelDocuments(serverJs: string, n: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-open-'));
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Set<string>();
  let wake = () => undefined as void;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.diagnostics.length) published.add(p.uri);
    wake();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    const english: string[] = [];
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, `d${i}.zh.md`), '建设网络强国。\n');
      writeFileSync(join(dir, `d${i}.en.md`), 'Build a network power.\n');
    }
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const zh = pathToFileURL(join(dir, `d${i}.zh.md`)).href;
      const en = pathToFileURL(join(dir, `d${i}.en.md`)).href;
      english.push(en);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: en, languageId: 'markdown', version: 1, text: 'Build a network power.\n' } });
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: zh, languageId: 'markdown', version: 1, text: '建设网络强国。\n' } });
    }
    const deadline = Date.now() + 600000;
    while (!english.every((u) => published.has(u))) {
      if (Date.now() > deadline) throw new Error(`bench: ${n} documents not all checked after 10 minutes`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
    return Math.round(performance.now() - t);
  } finally {
    // The server's pipes too: a write still queued to a killed server kept this process alive.
    connection.dispose();
    proc.stdin?.destroy();
    proc.stdout?.destroy();
    // Waited for, so that no child outlives its measurement; SIGKILL if SIGTERM is not enough.
    const exited = new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
    proc.kill();
    const stubborn = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(stubborn);
    rmSync(dir, { recursive: true, force: true });
  }
}
