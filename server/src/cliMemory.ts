/**
 * tifa memory <files...> [--format text|json|csv] [--glossary FILE...] [--no-builtin] [--no-builtin-record]
 *
 * The renderings translation memories use for each formulation: the glossary's concepts and the
 * candidates discovered in the record (unless --no-builtin-record), counted in XLIFF, TMX,
 * two-column CSV/TSV and parallel files. Also what `tifa lint --memory` builds.
 */
import { resolve } from 'node:path';
import { analyzeRecord, buildMemorySteps, LineIndex, type MemoryFile, type TifaEngine, TranslationMemory } from './core';
import { loadProject, projectEngine } from './cliProject';
import { DEFAULT_MAX_FILE_BYTES } from './files';
import { readMemoryFile } from './memoryFiles';
import { readRecord } from './record';

export const MEMORY_USAGE = '       tifa memory <files...> [--format text|json|csv] [--glossary FILE...] [--no-builtin] [--no-builtin-record] [--no-config]';

export class MemoryUsageError extends Error {}

/** Reads memory files; a file that cannot be read is said on stderr and left out. */
export function readMemories(paths: readonly string[], err: (s: string) => void): Array<MemoryFile & { text: string }> {
  const out: Array<MemoryFile & { text: string }> = [];
  for (const path of paths) {
    const read = readMemoryFile(resolve(path), DEFAULT_MAX_FILE_BYTES);
    if (!read.ok) {
      err(`tifa: memory ${path}: ${read.reason}`);
      continue;
    }
    for (const problem of read.problems) err(`tifa: memory ${path}: ${problem}`);
    if (read.units.length === 0) err(`tifa: memory ${path}: no Chinese–English units`);
    out.push({ name: path, units: read.units, text: read.text });
  }
  return out;
}

export function buildMemory(files: readonly MemoryFile[], engine: TifaEngine, candidates?: TifaEngine): TranslationMemory {
  const steps = buildMemorySteps(files, engine, candidates);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The record's candidates, as an engine (what the editor uses once the record is analysed). */
export async function candidateEngine(engine: TifaEngine): Promise<TifaEngine> {
  return analyzeRecord(await readRecord(), engine).candidateEngine;
}

const csvCell = (s: string | number | boolean | undefined) => {
  const t = s === undefined ? '' : String(s);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export async function memoryMain(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const files: string[] = [];
  let format = 'text';
  let builtin = true;
  let builtinRecord = true;
  let config = true;
  const glossaries: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new MemoryUsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') format = value();
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--glossary') glossaries.push(value());
    else if (arg === '--no-builtin') builtin = false;
    else if (arg === '--no-builtin-record') builtinRecord = false;
    else if (arg === '--no-config') config = false;
    else if (arg.startsWith('-')) throw new MemoryUsageError(`unknown option "${arg}" for memory`);
    else files.push(arg);
  }
  if (!['text', 'json', 'csv'].includes(format)) throw new MemoryUsageError(`--format must be text, json or csv, not "${format}"`);
  if (files.length === 0) throw new MemoryUsageError('memory needs files: tifa memory team.tmx project.xlf');
  const opened = await loadProject({ config, builtin, glossaries }, err);
  if ('error' in opened) {
    err(`tifa: ${opened.error}`);
    return 2;
  }
  const engine = projectEngine(opened.project, opened.loaded);
  const memories = readMemories(files, err);
  if (memories.length === 0) return 2;
  const memory = buildMemory(memories, engine, builtinRecord ? await candidateEngine(engine) : undefined);
  const lineOf = lineFinder(memories);
  const unitJson = (i: number) => {
    const u = memory.unit(i);
    return { file: u.file, line: lineOf(u.file, u.target[0]), zh: u.zh, en: u.en };
  };
  const entries = memory.list();
  if (format === 'json') {
    out(JSON.stringify(entries.map((e) => ({
      zh: e.zh,
      inGlossary: e.inGlossary,
      units: e.units.length,
      renderings: e.renderings.map((r) => ({ en: r.en, count: r.count, kind: r.kind, ...(r.status ? { status: r.status } : {}), ...(r.confidence !== undefined ? { confidence: r.confidence } : {}), units: r.units.map(unitJson) })),
    })), null, 2));
  } else if (format === 'csv') {
    const rows = ['zh,inGlossary,units,en,count,kind,status,confidence,exampleFile,exampleLine'];
    for (const e of entries) for (const r of e.renderings) {
      const ex = unitJson(r.units[0]);
      rows.push([e.zh, e.inGlossary, e.units.length, r.en, r.count, r.kind, r.status, r.confidence, ex.file, ex.line].map(csvCell).join(','));
    }
    out(rows.join('\n'));
  } else {
    out(`${entries.length} formulations with renderings in ${memory.unitCount} units of ${memories.length} file${memories.length === 1 ? '' : 's'}`);
    for (const e of entries) {
      out(`${e.inGlossary ? ' ' : '?'} ${e.zh}  ${e.units.length} unit${e.units.length === 1 ? '' : 's'}`);
      for (const r of e.renderings) {
        const ex = unitJson(r.units[0]);
        out(`    ${r.en}  ×${r.count}  ${r.kind === 'glossary' ? `glossary, ${r.status}` : `observed, confidence ${r.confidence?.toFixed(2)}`}  e.g. ${ex.file}:${ex.line}`);
      }
    }
  }
  return 0;
}

/** 1-based line of an offset in one of the files read. */
export function lineFinder(files: ReadonlyArray<{ name: string; text: string }>): (file: string, offset: number) => number {
  const indexes = new Map<string, LineIndex>();
  return (file, offset) => {
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(files.find((f) => f.name === file)?.text ?? '')));
    return index.position(offset).line;
  };
}
