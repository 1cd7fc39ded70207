/**
 * Reading translation memories from disk (the editor's tifa.memory.files, the CLI's files and
 * --memory): XLIFF, TMX, two-column CSV/TSV, and parallel files (an English name.en.md whose
 * Chinese name.zh.md is beside it). Each file's units are kept with its size and modification time,
 * so a memory read again costs only the files that changed.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { documentKind, type DocumentKind, memoryFormat, type MemoryUnit, memoryUnits, parallelUnits, readMemoryText } from './core';
import { readTextFile } from './files';
import { parallelSourcePath } from './parallel';

/** A file's units and text, with what in it could not be read; or why nothing could be. */
export type MemoryRead = { ok: true; units: MemoryUnit[]; text: string; problems: string[] } | { ok: false; reason: string };

/** Whether a path can be a memory: a bilingual file, or an English file with a Chinese counterpart. */
export function isMemoryPath(path: string): boolean {
  return memoryFormat(path) !== undefined || parallelSourcePath(path) !== undefined;
}

/** The units of one file; `text` is the file's text (of the English file, for a parallel pair). */
export function readMemoryFile(path: string, maxBytes: number, openText?: (path: string) => string | undefined): MemoryRead {
  const read = (p: string): { ok: true; text: string } | { ok: false; reason: string } => {
    const open = openText?.(p);
    if (open !== undefined) return { ok: true, text: open };
    const r = readTextFile(p, { maxBytes });
    return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
  };
  const format = memoryFormat(path);
  if (format) {
    const r = read(path);
    if (!r.ok) return r;
    const { units, problems } = readMemoryText(r.text, format);
    return { ok: true, units, text: r.text, problems };
  }
  const source = parallelSourcePath(path);
  if (!source) return { ok: false, reason: `${basename(path)} is not a translation memory (XLIFF, TMX, CSV/TSV, or name.en.md beside name.zh.md)` };
  const en = read(path);
  if (!en.ok) return en;
  const zh = read(source);
  if (!zh.ok) return zh;
  const units = parallelUnits(zh.text, documentKind(undefined, source) === 'markdown', en.text, documentKind(undefined, path) === 'markdown');
  if (!units) return { ok: false, reason: `${basename(path)} and ${basename(source)} have different numbers of paragraphs, so they are not paired` };
  return { ok: true, units, text: en.text, problems: [] };
}

/** Files read before, by path, while their size and modification time stay the same. */
export class MemoryFileCache {
  private readonly files = new Map<string, { mtimeMs: number; size: number; read: MemoryRead }>();

  read(path: string, maxBytes: number): MemoryRead {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      this.files.delete(path);
      return { ok: false, reason: `${path} cannot be read` };
    }
    const cached = this.files.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.read;
    const read = readMemoryFile(path, maxBytes);
    this.files.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, read });
    return read;
  }

  /** Forgets files no longer in the memory. */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const p of this.files.keys()) if (!paths.has(p)) this.files.delete(p);
  }
}

/**
 * The units of a document being checked against the memory: an XLIFF or TMX file's (with offset
 * maps, for exact ranges), or an English file's paragraphs paired with its Chinese counterpart's.
 */
export function documentMemoryUnits(text: string, kind: DocumentKind, parallel?: { text: string; kind: DocumentKind }): MemoryUnit[] {
  if (kind === 'xliff' || kind === 'tmx') return memoryUnits(text, kind, true);
  if (!parallel) return [];
  return parallelUnits(parallel.text, parallel.kind === 'markdown', text, kind === 'markdown') ?? [];
}
