/**
 * Which glossaries are in force, per workspace folder: the built-in glossary (unless
 * tifa.glossary.builtin is false) and the files matching tifa.glossary.files, in YAML, TBX or
 * CSV, merged in that order and shaped by tifa.glossary.profile. Reloaded when a glossary file
 * changes; a file with errors keeps its last good version in force and its errors are shown in
 * the file itself.
 */
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { type Locale, applyProfile, type Glossary, glossaryFormat, type GlossaryLoadResult, loadGlossaryText, mergeGlossaries, TifaEngine } from './core';
import { globPattern, isInside, readTextFile, realFolders, refusalNotice } from './files';
import { isConfigFile } from './projectConfig';
import { failedLoad, type LoadedGlossary, MAX_GLOSSARY_BYTES } from './glossaries';

export interface GlossarySettings {
  builtin: boolean;
  files: string[];
  profile: string;
}

export const DEFAULT_GLOSSARY_FILES = ['.tifa/*.yaml', '**/*.tifa.yaml', '**/*.tbx', '**/*.tifa.csv'];

export interface LoadedFile extends LoadedGlossary {
  path: string;
  text: string;
  /** The file has errors and an earlier version of it is in force. */
  stale: boolean;
}

interface FolderState {
  folder: string | undefined;
  files: LoadedFile[];
  engine: TifaEngine;
  settings: GlossarySettings;
}

export class GlossaryManager {
  folders: string[] = [];
  /** The client's language, for the notices. */
  locale: Locale = 'en';
  private states: FolderState[] = [];
  private fallback: FolderState;
  /** Text the server itself just wrote through the editor, not yet saved to disk. */
  private readonly pending = new Map<string, string>();
  private readonly lastGood = new Map<string, LoadedFile>();
  private readonly engines = new Map<string, TifaEngine>();

  constructor(private readonly builtin: LoadedGlossary) {
    this.fallback = { folder: undefined, files: [], engine: new TifaEngine(builtin.glossary), settings: { builtin: true, files: [], profile: '' } };
  }

  setPending(path: string, text: string): void {
    this.pending.set(path, text);
  }

  changedOnDisk(path: string): void {
    this.pending.delete(path);
  }

  /** The text of a glossary file: what the server wrote and is not saved yet, else the file (read safely). */
  currentText(path: string): string | undefined {
    if (this.pending.has(path)) return this.pending.get(path);
    const read = readTextFile(path, { maxBytes: MAX_GLOSSARY_BYTES, within: realFolders(this.folders) });
    return read.ok ? read.text : undefined;
  }

  /**
   * Finds and loads every folder's glossaries. Returns notices for the user: refused patterns and
   * files outside the workspace, which are never read. A file that cannot be read or parsed is
   * reported in itself; nothing here throws.
   */
  async reload(settingsFor: (folder: string) => Promise<GlossarySettings>): Promise<string[]> {
    const states: FolderState[] = [];
    const notices: string[] = [];
    for (const folder of this.folders) {
      const settings = await settingsFor(folder);
      const patterns = settings.files
        .filter((pattern) => {
          const refused = refusalNotice(this.locale, 'tifa.glossary.files', pattern, 'glossary', 'ignored');
          if (refused) notices.push(refused);
          return !refused;
        })
        .map(globPattern);
      // Links are not followed into folders: a link to "/" or a loop must not walk the disk.
      const found = patterns.length
        ? await glob(patterns, { cwd: folder, absolute: true, dot: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [] as string[])
        : [];
      const roots = realFolders([folder]);
      const paths = [...new Set([...found, ...[...this.pending.keys()].filter((p) => isInside(p, folder))])].filter((p) => glossaryFormat(p) && !isConfigFile(p, [folder])).sort();
      const files: LoadedFile[] = [];
      const seen = new Set<string>();
      for (const p of paths) {
        const file = this.load(p, roots, seen, notices);
        if (file) files.push(file);
      }
      const parts: LoadedGlossary[] = [...(settings.builtin ? [this.builtin] : []), ...files];
      states.push({ folder, files, settings, engine: this.engine(parts, settings.profile) });
    }
    this.states = states;
    return notices;
  }

  private load(path: string, roots: string[], seen: Set<string>, notices: string[]): LoadedFile | undefined {
    const label = this.label(path);
    let text = this.pending.get(path);
    // What cannot be read or parsed is shown in the file itself, like any other glossary problem.
    let loaded: GlossaryLoadResult | undefined;
    if (text === undefined) {
      const read = readTextFile(path, { maxBytes: MAX_GLOSSARY_BYTES, within: roots });
      if (!read.ok && read.failure === 'not-found') return undefined;
      if (!read.ok && read.failure === 'outside') {
        notices.push(`Glossary ${label} is not read: ${read.reason}.`);
        return undefined;
      }
      if (read.ok) {
        // Each real file once: two links to one glossary would otherwise be loaded (and merged) twice.
        if (seen.has(read.realPath)) return undefined;
        seen.add(read.realPath);
      }
      text = read.ok ? read.text : '';
      if (!read.ok) loaded = failedLoad(`This glossary is not read: ${read.reason}.`);
    }
    try {
      loaded ??= loadGlossaryText(text, path);
    } catch (e) {
      // A reader must never take the server down.
      loaded = failedLoad(`This glossary could not be read: ${(e as Error).message}`);
    }
    const { glossary, problems } = loaded;
    const hasErrors = problems.some((p) => p.severity === 'error');
    const good = this.lastGood.get(path);
    if (hasErrors && good) return { ...good, problems, text, stale: true };
    for (const c of glossary.concepts) for (const r of c.en) r.origin = label;
    const file = { label, path, text, glossary, problems, stale: false };
    if (!hasErrors) this.lastGood.set(path, file);
    return file;
  }

  /** Engines are cached by their inputs: unchanged folders keep theirs. */
  private engine(parts: LoadedGlossary[], profile: string): TifaEngine {
    const key = `${profile}\u0000${parts.map((p) => `${p.label}\u0001${'text' in p ? (p as LoadedFile).text.length + ':' + hashText((p as LoadedFile).text) : ''}`).join('\u0002')}`;
    let engine = this.engines.get(key);
    if (!engine) {
      let glossary: Glossary = mergeGlossaries(parts.map((p) => p.glossary));
      if (profile) glossary = applyProfile(glossary, profile);
      engine = new TifaEngine(glossary);
      if (this.engines.size > 16) this.engines.clear();
      this.engines.set(key, engine);
    }
    return engine;
  }

  private label(path: string): string {
    const folder = this.folderFor(path);
    return folder ? relative(folder, path) || path : path;
  }

  /** The folder that holds path (the longest match). */
  folderFor(path: string): string | undefined {
    return this.folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0];
  }

  private stateFor(path: string | undefined): FolderState {
    const folder = path ? this.folderFor(path) : undefined;
    return this.states.find((s) => s.folder === folder) ?? this.states[0] ?? this.fallback;
  }

  engineForPath(path: string | undefined): TifaEngine {
    return this.stateFor(path).engine;
  }

  /** What is loaded, for the status item: the built-in glossary once, then each file. */
  loaded(): Array<LoadedGlossary & { stale?: boolean }> {
    const files = this.states.flatMap((s) => s.files);
    const builtinUsed = this.states.length === 0 || this.states.some((s) => s.settings.builtin);
    return [...(builtinUsed ? [this.builtin] : []), ...files];
  }

  /** Every glossary file currently known, with its problems, for diagnostics in the file itself. */
  files(): LoadedFile[] {
    return this.states.flatMap((s) => s.files);
  }

  conceptCount(): number {
    return Math.max(0, ...(this.states.length ? this.states : [this.fallback]).map((s) => s.engine.conceptCount));
  }
}

function hashText(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
