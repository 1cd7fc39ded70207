/**
 * npm run bench:memory — translation memories at two sizes (50,000 and 100,000 units: the 3,419
 * WMT19+WMT20 units repeated, each copy's sentences numbered so that no two units are the same
 * text), with the built-in glossary and the record's candidates:
 *
 * - reading a TMX of that many units, and building the observations (mining included);
 * - the heap the built memory keeps;
 * - hover round trips in the language server (dist/server.js) with the 100,000-unit TMX in its
 *   workspace: while the memory is being built, and once it is (p50 and p99).
 */
import '../test/setup';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { analyzeRecord, buildMemorySteps, memoryUnits, type MemoryUnit, TifaEngine } from '../server/src/core';
import { readRecord } from '../server/src/record';
import { builtinGlossary, ROOT } from '../test/helpers';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function units(base: readonly MemoryUnit[], size: number): MemoryUnit[] {
  const out: MemoryUnit[] = [];
  for (let i = 0; out.length < size; i++) {
    const u = base[i % base.length];
    const copy = Math.floor(i / base.length);
    out.push({ ...u, zh: `${u.zh}（${copy}）`, en: `${u.en} (${copy})` });
  }
  return out;
}

function tmx(us: readonly MemoryUnit[]): string {
  const body = us.map((u, i) => `<tu tuid="${i}"><tuv xml:lang="zh-CN"><seg>${escapeXml(u.zh)}</seg></tuv><tuv xml:lang="en-US"><seg>${escapeXml(u.en)}</seg></tuv></tu>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="bench" creationtool="bench" creationtoolversion="1"/><body>\n${body}\n</body></tmx>\n`;
}

const percentile = (times: number[], q: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
};

/** Hovers from the server's start until the memory's section appears, then 1,000 more. */
async function hovers(folder: string): Promise<{ building: { n: number; p50: number; p99: number }; built: { n: number; p50: number; p99: number }; builtMs: number }> {
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', () => [null]);
  connection.listen();
  try {
    const t0 = performance.now();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(folder, 'draft.zh.txt')).href;
    // 一带一路 (at character 16) is a candidate from the record that the WMT units translate.
    const text = '加快构建新发展格局，推动共建“一带一路”，建设网络强国。\n'.repeat(50);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const hover = async (k: number) => {
      const s = performance.now();
      const h = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: k % 50, character: 16 } })) as { contents: { value: string } } | null;
      return { ms: performance.now() - s, built: !!h?.contents.value.includes('In your translations') };
    };
    const building: number[] = [];
    const deadline = performance.now() + 300000;
    let builtMs = 0;
    for (let k = 0; ; k++) {
      const h = await hover(k);
      if (h.built) {
        builtMs = Math.round(performance.now() - t0);
        break;
      }
      building.push(h.ms);
      if (performance.now() > deadline) throw new Error('bench: the memory was not built within 300 s');
    }
    const built: number[] = [];
    for (let k = 0; k < 1000; k++) built.push((await hover(k)).ms);
    return {
      building: { n: building.length, p50: percentile(building, 0.5), p99: percentile(building, 0.99) },
      built: { n: built.length, p50: percentile(built, 0.5), p99: percentile(built, 0.99) },
      builtMs,
    };
  } finally {
    proc.kill('SIGKILL');
    connection.dispose();
  }
}

void (async () => {
  const engine = new TifaEngine(builtinGlossary());
  const { candidateEngine } = analyzeRecord(await readRecord(), engine);
  const base = ['wmt19_newstest_zh2en.csv', 'wmt20_newstest_zh2en.csv'].flatMap((f) => memoryUnits(readFileSync(join(ROOT, 'test', 'eval', 'memory', f), 'utf8'), 'csv'));
  const gc = (globalThis as { gc?: () => void }).gc;
  const sizes = (process.env.SIZES ?? '50000,100000').split(',').map(Number);
  // What the last size left: released before the next is measured, its TMX written for the server.
  const last: { text: string; memory?: { list(): unknown[] } } = { text: '' };
  for (const size of sizes) {
    last.memory = undefined;
    last.text = '';
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const text = tmx(units(base, size));
    const r0 = performance.now();
    const read = memoryUnits(text, 'tmx');
    const readMs = performance.now() - r0;
    const t0 = performance.now();
    const steps = buildMemorySteps([{ name: 'bench.tmx', units: read }], engine, candidateEngine);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const ms = performance.now() - t0;
    last.memory = r.value;
    last.text = text;
    gc?.();
    const kept = process.memoryUsage().heapUsed - before;
    console.log(`${size.toLocaleString('en')} units (TMX ${(text.length / 1048576).toFixed(1)} M characters): read ${(readMs / 1000).toFixed(2)} s, observations built ${(ms / 1000).toFixed(2)} s; ${r.value.list().length} formulations with renderings; heap kept ${(kept / 1048576).toFixed(0)} MB (the TMX's text, its units and the observations)`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'tifa-bench-memory-'));
  try {
    writeFileSync(join(folder, 'team.tmx'), last.text);
    const h = await hovers(folder);
    console.log(`hover in the server with the ${sizes[sizes.length - 1].toLocaleString('en')}-unit TMX: while it is read and built p50 ${h.building.p50} ms, p99 ${h.building.p99} ms over ${h.building.n} hovers (built ${h.builtMs} ms after start); once built p50 ${h.built.p50} ms, p99 ${h.built.p99} ms over ${h.built.n} hovers`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
})();
