/**
 * Translation memories in the editor (tifa.memory.files): read from the workspace, with each open
 * bilingual document counting as a memory of itself (its text as edited), analysed in steps so
 * that requests are answered meanwhile, and analysed again when a memory file changes on disk, an
 * open one is edited, the setting or the glossaries change, or the record's candidates arrive.
 *
 * What it gives: the hover section "In your translations 译文", memory-inconsistent findings for
 * bilingual documents, and the suggestions of "Suggest Glossary Entries from Translations".
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { DidChangeWatchedFilesNotification, type Location } from 'vscode-languageserver';
import { buildMemorySteps, documentKind, type Finding, LineIndex, type MemoryFile, memoryFindings, memorySection, type TifaEngine, type TranslationMemory } from '../core';
import { type TifaContext, uriToPath } from '../context';
import type { TifaDocument } from '../document';
import { globPattern, isInside, refusalNotice } from '../files';
import { warnOnce } from '../guard';
import { documentMemoryUnits, isMemoryPath, MemoryFileCache } from '../memoryFiles';
import { readParallelSource } from '../parallel';
import { MEMORY_SUGGESTIONS_REQUEST, type MemorySuggestion, type MemorySuggestionsResult } from '../protocol';

/** Memory files are larger than drafts: a TMX export of a team's work runs to tens of megabytes. */
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;
/** Edits to an open memory are taken in once the typing pauses. */
const EDIT_DELAY_MS = 1000;

export interface MemoryFeature {
  /** Reads the setting and the files again and rebuilds. */
  update(): void;
  filesChanged(paths: string[]): void;
  /** The hover section for a concept or candidate id, once the memory is built. */
  section(id: string): string | undefined;
  findings(document: TifaDocument): Finding[];
  /** The location of a memory unit's target, for related information. */
  elsewhere(file: string, start: number, end: number): Location | undefined;
  readonly memory: TranslationMemory | undefined;
  /** For the status item. */
  summary(): { units: number; files: number; building: boolean };
}

export function registerMemory(ctx: TifaContext, onBuilt: () => void, onProgress: () => void = () => undefined): MemoryFeature {
  const { connection, documents, settings, glossaries } = ctx;
  const cache = new MemoryFileCache();
  let memory: TranslationMemory | undefined;
  let builtFor: { engine: TifaEngine; candidates: TifaEngine | undefined } | undefined;
  /** Texts of the files in the memory, for positions. */
  let texts = new Map<string, string>();
  const lineIndexes = new Map<string, LineIndex>();
  let generation = 0;
  let building = false;
  const say = warnOnce(connection);

  const paths = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const folder of glossaries.folders) {
      const s = await settings.get(pathToFileURL(folder).href);
      const patterns: string[] = [];
      for (const p of s.memoryFiles) {
        const refused = refusalNotice(ctx.locale, 'tifa.memory.files', p, 'memory', 'not-read');
        if (refused) say(refused);
        else patterns.push(globPattern(p));
      }
      if (patterns.length === 0) continue;
      const found = await glob(patterns, { cwd: folder, absolute: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [] as string[]);
      for (const f of found.sort()) if (isInside(f, folder)) out.push(f);
    }
    return [...new Set(out)];
  };

  const build = async () => {
    const mine = ++generation;
    if (!building) {
      building = true;
      onProgress();
    }
    const engine = ctx.engineFor(pathToFileURL(glossaries.folders[0] ?? '/').href);
    const candidates = ctx.record.ready(engine)?.candidateEngine;
    const files: MemoryFile[] = [];
    const nextTexts = new Map<string, string>();
    const openByPath = new Map<string, TifaDocument>();
    for (const d of documents.all()) {
      const p = uriToPath(d.uri);
      if (p && isMemoryPath(p)) openByPath.set(p, d);
    }
    const listed = await paths();
    if (mine !== generation) return;
    cache.keepOnly(new Set(listed));
    for (const path of new Set([...listed, ...openByPath.keys()])) {
      const label = glossaries.folders.find((f) => isInside(path, f)) ? relative(glossaries.folders.find((f) => isInside(path, f))!, path) : path;
      const open = openByPath.get(path);
      if (open) {
        // The document as edited counts as a memory of itself.
        const text = open.getText();
        const kind = documentKind(open.languageId, path, text);
        const units = documentMemoryUnits(text, kind, readParallelSource(path, MAX_MEMORY_BYTES));
        if (units.length) files.push({ name: path, units });
        nextTexts.set(path, text);
        continue;
      }
      const read = cache.read(path, MAX_MEMORY_BYTES);
      if (!read.ok) {
        connection.console.info(`Tifa: memory ${label}: ${read.reason}`);
        continue;
      }
      for (const problem of read.problems) connection.console.info(`Tifa: memory ${label}: ${problem}`);
      if (read.units.length) files.push({ name: path, units: read.units });
      else connection.console.info(`Tifa: memory ${label}: no Chinese–English units`);
      nextTexts.set(path, read.text);
    }
    const steps = buildMemorySteps(files, engine, candidates);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        if (mine !== generation) return;
        memory = r.value;
        builtFor = { engine, candidates };
        texts = nextTexts;
        lineIndexes.clear(); // files re-read may have changed lines
        building = false;
        onProgress();
        connection.console.info(`Tifa: translation memory: ${memory.unitCount} units in ${files.length} file${files.length === 1 ? '' : 's'}, ${memory.list().length} formulations with renderings.`);
        onBuilt();
        return;
      }
      // A slice at a time: hovers and diagnostics are answered between slices.
      await new Promise((resolve) => setImmediate(resolve));
      if (mine !== generation) return;
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const later = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void build().catch((e) => connection.console.error(`Tifa: translation memory: ${(e as Error).stack ?? e}`)), delay);
  };
  documents.onDidChangeContent((e) => {
    const p = uriToPath(e.document.uri);
    if (p && isMemoryPath(p)) later(EDIT_DELAY_MS);
  });
  const findingsCache = new Map<string, { version: number; memory: TranslationMemory; parallel: string | undefined; findings: Finding[] }>();
  documents.onDidClose((e) => {
    findingsCache.delete(e.document.uri);
    const p = uriToPath(e.document.uri);
    if (p && isMemoryPath(p)) later(0);
  });

  /** LSP positions in a memory file (its BOM, if any, is not a column: see LineIndex). */
  const position = (file: string, offset: number) => {
    let index = lineIndexes.get(file);
    if (!index) lineIndexes.set(file, (index = new LineIndex(texts.get(file) ?? '')));
    const { line, column } = index.position(offset);
    return { line: line - 1, character: column - 1 };
  };

  const feature: MemoryFeature = {
    get memory() {
      return memory;
    },
    update() {
      later(0);
    },
    summary() {
      return { units: memory?.unitCount ?? 0, files: memory?.files.length ?? 0, building };
    },
    filesChanged(changed: string[]) {
      if (changed.some((p) => isMemoryPath(p) || texts.has(p))) later(100);
    },
    section(id: string) {
      const entry = memory?.entry(id);
      if (!entry || !memory) return undefined;
      const m = memory;
      return memorySection(entry, (unit) => {
        const u = m.unit(unit);
        const { line, character } = position(u.file, u.target[0]);
        const folder = glossaries.folders.find((f) => isInside(u.file, f));
        return { href: `${pathToFileURL(u.file).href}#L${line + 1},${character + 1}`, label: `${folder ? relative(folder, u.file) : u.file}:${line + 1}` };
      }, ctx.locale);
    },
    findings(document: TifaDocument) {
      if (!memory || !builtFor || ctx.tooLarge.has(document.uri)) return [];
      const path = uriToPath(document.uri);
      const kind = ctx.kindOf(document);
      const parallel = path && kind !== 'xliff' && kind !== 'tmx' ? readParallelSource(path, MAX_MEMORY_BYTES) : undefined;
      if (kind !== 'xliff' && kind !== 'tmx' && !parallel) return [];
      // Diagnostics are asked for again after every refresh: the same version against the same memory keeps its findings.
      const cached = findingsCache.get(document.uri);
      if (cached && cached.version === document.version && cached.memory === memory && cached.parallel === parallel?.text) return cached.findings;
      const text = document.getText();
      const units = documentMemoryUnits(text, kind, parallel);
      const findings = units.length ? memoryFindings(text, units, memory, builtFor.engine, builtFor.candidates) : [];
      findingsCache.set(document.uri, { version: document.version, memory, parallel: parallel?.text, findings });
      return findings;
    },
    elsewhere(file: string, start: number, end: number) {
      if (!texts.has(file)) return undefined;
      return { uri: pathToFileURL(file).href, range: { start: position(file, start), end: position(file, end) } };
    },
  };

  connection.onRequest(MEMORY_SUGGESTIONS_REQUEST, (): MemorySuggestionsResult => {
    const suggestions: MemorySuggestion[] = [];
    if (memory) {
      const engine = builtFor!.engine;
      for (const entry of memory.list()) {
        const concept = entry.inGlossary ? engine.glossary.concepts.find((c) => c.id === entry.id) : undefined;
        for (const r of entry.renderings) {
          // What the glossary has already is no suggestion; nor is a rendering seen once.
          if (r.kind === 'glossary' || r.count < 2) continue;
          if (concept?.en.some((g) => g.text.toLowerCase() === r.en.toLowerCase())) continue;
          const file = memory.unit(r.units[0]).file;
          const folder = glossaries.folders.find((f) => isInside(file, f));
          suggestions.push({ ...(concept ? { conceptId: concept.id } : {}), zh: entry.zh, en: r.en, count: r.count, units: entry.units.length, ...(r.confidence !== undefined ? { confidence: r.confidence } : {}), file: folder ? relative(folder, file) : file });
        }
      }
    }
    return { suggestions, memoryUnits: memory?.unitCount ?? 0, memoryFiles: memory?.files.length ?? 0, building };
  });
  return feature;
}

/** Asks a client that can watch files to report changes to memories. */
export function watchMemoryFiles(ctx: TifaContext): void {
  ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{tmx,xlf,xliff,sdlxliff,mqxliff,mxliff,txlf,csv,tsv}' }] }).catch(() => undefined);
}
