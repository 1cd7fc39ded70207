/**
 * npm run bench [-- --json] [--corpus DIR] [--concepts N] [--chars N] [--no-shapes] [--record-only]
 *
 * Builds the engine for the built-in glossary plus N generated concepts (default 50,000), lints
 * a text of at least 10 million characters made from the shared corpus, and prints: glossary
 * build time, lint throughput (normalization + matching + LSP diagnostics with positions),
 * the throughput of a bare loop over the same text, and memory. Then the hostile shapes, each at
 * two sizes four times apart (--no-shapes skips them), and the server opening 1,000 and 4,000
 * parallel en/zh documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Concept, type Glossary, loadGlossaryYaml, mergeGlossaries, TifaEngine } from '../server/src/core';
import { BUILTIN_GLOSSARY_TEXT } from '../server/src/builtinGlossary';
import { toDiagnostics } from '../server/src/lspDiagnostics';
import { cliStart, editReanalysis, glossaryImport, type Sized } from './house';
import { openParallelDocuments, shapeTimings } from './shapes';
import { hoverWhileAnalysing, recordFigures } from './record';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const json = process.argv.includes('--json');
// Real Chinese text, all in the project: the record's government work and congress reports and the
// 87 speeches in bench/corpus (repeated to the length asked for); or the .txt files of --corpus DIR.
const corpusArg = process.argv.includes('--corpus') ? resolve(arg('--corpus', '')) : undefined;
const corpusDir = corpusArg ?? 'glossary/record/texts and bench/corpus';

function projectCorpus(): string[] {
  const texts = join(__dirname, '..', 'glossary', 'record', 'texts');
  const record = readdirSync(texts).filter((n) => n.endsWith('.txt.gz')).sort().map((n) => gunzipSync(readFileSync(join(texts, n))).toString('utf8'));
  return [...record, ...files(join(__dirname, '..', 'bench', 'corpus')).map((f) => readFileSync(f, 'utf8'))];
}
const conceptCount = Number(arg('--concepts', '50000'));
const minChars = Number(arg('--chars', '10000000'));

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.txt') ? [p] : [];
  });
}

// A small deterministic generator, so every run measures the same glossary and text.
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let corpus: string;
try {
  corpus = (corpusArg ? files(corpusArg).map((f) => readFileSync(f, 'utf8')) : projectCorpus()).join('\n');
} catch (e) {
  console.error(`bench: cannot read the corpus at ${corpusDir} (${(e as Error).message}); pass --corpus DIR`);
  process.exit(2);
}
if (corpus.length === 0) {
  console.error(`bench: no .txt files under ${corpusDir}`);
  process.exit(2);
}
const parts: string[] = [];
for (let n = 0; n < minChars; n += corpus.length + 1) parts.push(corpus);
const text = parts.join('\n');

// Generated concepts: Chinese forms of 4–8 characters drawn from the corpus's own characters
// (so the automaton sees realistic partial matches), English renderings of 2–4 words.
const rand = prng(42);
const hanzi = [...new Set(corpus.match(/[\u4e00-\u9fff]/g) ?? [])];
const words = [...new Set(BUILTIN_GLOSSARY_TEXT.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
const generated: Concept[] = [];
for (let i = 0; i < conceptCount; i++) {
  const len = 4 + Math.floor(rand() * 5);
  let zh = '';
  for (let k = 0; k < len; k++) zh += hanzi[Math.floor(rand() * hanzi.length)];
  const wc = 2 + Math.floor(rand() * 3);
  const en = Array.from({ length: wc }, () => words[Math.floor(rand() * words.length)]).join(' ') + ` g${i}`;
  generated.push({ id: `gen-${i}`, zh: [zh], en: [{ text: en, status: 'preferred' }], appearances: [] });
}
const builtin = loadGlossaryYaml(BUILTIN_GLOSSARY_TEXT).glossary;
const glossary: Glossary = mergeGlossaries([{ speeches: new Map(), concepts: generated }, builtin]);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
let heapPeak = process.memoryUsage().heapUsed;
const sample = () => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
};

const t0 = performance.now();
const engine = new TifaEngine(glossary);
const buildMs = performance.now() - t0;
sample();

// Bare loop: the floor for any pass over this text.
let bareMs = Infinity;
for (let r = 0; r < 3; r++) {
  const s = performance.now();
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  bareMs = Math.min(bareMs, performance.now() - s);
  if (h === 42) console.log('');
}

let lintMs = Infinity;
let diagnostics = 0;
for (let r = 0; r < 3; r++) {
  const s = performance.now();
  const document = TextDocument.create('file:///bench.txt', 'plaintext', 1, text);
  const { findings } = engine.lint(text, { kind: 'plaintext' }); // every check, as the server runs it
  const diags = toDiagnostics(document, findings, () => 'information');
  lintMs = Math.min(lintMs, performance.now() - s);
  diagnostics = diags.length;
  sample();
}

const chars = text.length;

/** hoverDuringEdits, run by a client process of its own (bench/hoverClient.ts). */
function hoverInOwnProcess(serverJs: string, text: string): Sized[] {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-hover-'));
  try {
    const file = join(dir, 'corpus.txt');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, ['--expose-gc', join(__dirname, 'bench-hover.js'), serverJs, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`bench: the hover client failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Sized[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--record-only')) {
    // The record's figures alone (npm run bench -- --record-only), for work on discovery.
    const record = await recordFigures(new TifaEngine(builtin));
    const recordHover = await hoverWhileAnalysing(join(__dirname, 'server.js'));
    console.log(JSON.stringify({ record, recordHover }, null, 1));
    return;
  }
  const withShapes = !process.argv.includes('--no-shapes');
  // The house-keeping figures, each at two sizes.
  const csv = glossaryImport('csv');
  const yaml = glossaryImport('yaml');
  const tbx = glossaryImport('tbx');
  const cli = cliStart(join(__dirname, 'cli.js'), corpus);
  const edit = editReanalysis(engine, text);
  const editMarkdown = editReanalysis(engine, text, 'markdown');
  const hover = hoverInOwnProcess(join(__dirname, 'server.js'), corpus);
  // The record with the glossary users have (the built-in one), not the bench's 50,000 concepts.
  const record = await recordFigures(new TifaEngine(builtin));
  const recordHover = await hoverWhileAnalysing(join(__dirname, 'server.js'));
  const shapeResults = withShapes ? shapeTimings(engine) : [];
  const serverJs = join(__dirname, 'server.js');
  const openDocs = withShapes ? { small: 1000, large: 4000, smallMs: await openParallelDocuments(serverJs, 1000), largeMs: await openParallelDocuments(serverJs, 4000) } : undefined;
  const result = {
    concepts: engine.conceptCount,
    chars,
    buildMs: Math.round(buildMs),
    lintMcharsPerSec: +(chars / 1e6 / (lintMs / 1000)).toFixed(1),
    bareScanMcharsPerSec: +(chars / 1e6 / (bareMs / 1000)).toFixed(1),
    heapMB: Math.round(heapPeak / 1048576),
    rssPeakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    diagnostics,
    csvImport100kMs: csv[1].ms,
    csvImport25kMs: csv[0].ms,
    yamlImport100kMs: yaml[1].ms,
    yamlImport25kMs: yaml[0].ms,
    tbxImport100kMs: tbx[1].ms,
    tbxImport25kMs: tbx[0].ms,
    cliStartMs: cli[0].ms,
    cliStart1MBMs: cli[1].ms,
    editReanalysisMs: edit[0].ms,
    editReanalysis4MBMs: edit[1].ms,
    editReanalysisMarkdownMs: editMarkdown[0].ms,
    editReanalysisMarkdown4MBMs: editMarkdown[1].ms,
    hoverP99DuringEditsMs: hover[2].ms,
    hoverP99DuringEdits1MBMs: hover[1].ms,
    hoverP99FloorMs: hover[0].ms,
    record,
    recordHover,
    ...(withShapes ? { shapes: shapeResults, openParallelDocuments: openDocs } : {}),
  };
  // Linear work costs about 4× for 4× the input; 16× would be quadratic. Above 8×, say so and fail.
  const superlinear = shapeResults.filter((r) => r.ratio > 8 && r.largeMs > 200);
  if (openDocs && openDocs.largeMs > 8 * openDocs.smallMs && openDocs.largeMs > 2000) superlinear.push({ shape: 'server: open parallel documents', small: 1000, large: 4000, smallMs: openDocs.smallMs, largeMs: openDocs.largeMs, ratio: +(openDocs.largeMs / openDocs.smallMs).toFixed(1) });
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`Tifa benchmark (${process.version}, ${result.concepts.toLocaleString('en')} concepts, ${chars.toLocaleString('en')} characters)`);
    console.log(`  glossary build        ${result.buildMs} ms`);
    console.log(`  lint                  ${result.lintMcharsPerSec} M chars/s  (${Math.round(lintMs)} ms, ${diagnostics.toLocaleString('en')} diagnostics)`);
    console.log(`  bare loop             ${result.bareScanMcharsPerSec} M chars/s  (lint is ${(bareMs / lintMs * 100).toFixed(1)}% of a bare loop)`);
    console.log(`  heap used (peak seen) ${result.heapMB} MB   process RSS peak ${result.rssPeakMB} MB`);
    console.log(`  glossary import       CSV ${csv[0].ms} ms for 25,000 concepts, ${csv[1].ms} ms for 100,000; YAML ${yaml[0].ms} and ${yaml[1].ms} ms; TBX ${tbx[0].ms} and ${tbx[1].ms} ms`);
    console.log(`  CLI, whole process    ${cli[0].ms} ms for a one-line file, ${cli[1].ms} ms for 1 MB`);
    console.log(`  re-analysis per edit  ${edit[0].ms} ms for a 1 MB document, ${edit[1].ms} ms for 4 MB (one character changed); Markdown ${editMarkdown[0].ms} and ${editMarkdown[1].ms} ms`);
    console.log(`  hover p99 while typing ${hover[1].ms} ms in a 1 MB document, ${hover[2].ms} ms in 9 MB (floor: ${hover[0].ms} ms in 1,000 characters)`);
    console.log(`  record: ${record.corpus}, ${record.chars.toLocaleString('en')} characters`);
    console.log(`    discovery           ${record.discoveryMs[0]} ms, ${record.discoveryMs[1]} ms for it twice (${record.candidates} candidates)`);
    console.log(`    index               ${record.indexMs[0]} ms, ${record.indexMs[1]} ms for it twice (attestations of the glossary's formulations and the candidates)`);
    console.log(`    memory              ${record.retainedMB} MB kept (texts and index, after a full collection); live peak ${record.peakMB[0]} MB while analysing, ${record.peakMB[1]} MB for it twice (in the server: the worker thread's, freed after)`);
    console.log(`    hover in the server while it analyses the record: p50 ${recordHover.p50} ms, p99 ${recordHover.p99} ms over ${recordHover.hovers} hovers; analysed ${recordHover.analysedMs} ms after start`);
    if (withShapes) {
      console.log('  hostile shapes, at n and 4n (about ×4 when linear):');
      for (const r of shapeResults) console.log(`    ${r.shape.padEnd(48)} ${String(r.smallMs).padStart(6)} ms at ${r.small.toLocaleString('en')}, ${String(r.largeMs).padStart(6)} ms at ${r.large.toLocaleString('en')}  ×${r.ratio}`);
      if (openDocs) console.log(`    ${'server: open en/zh parallel documents'.padEnd(48)} ${String(openDocs.smallMs).padStart(6)} ms at 1,000, ${String(openDocs.largeMs).padStart(6)} ms at 4,000  ×${(openDocs.largeMs / openDocs.smallMs).toFixed(1)}`);
    }
  }
  if (superlinear.length) {
    console.error(`bench: cost grows faster than the input for: ${superlinear.map((r) => `${r.shape} (×${r.ratio})`).join(', ')}`);
    process.exitCode = 1;
  }
}
// Exits when the figures are out: nothing left open (a server's pipe, a library's timer) may keep a
// finished benchmark running. A CI run's log once ended at the last figure and the run timed out.
main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
