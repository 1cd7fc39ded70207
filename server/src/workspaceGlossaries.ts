/**
 * Workspace glossaries: every `.tifa/*.yaml` file in each workspace folder, merged after the
 * built-in glossary. Reloaded when such a file changes; a glossary with errors keeps its last
 * good version in force and reports the errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossaryYaml } from './core/glossaryLoader';
import type { LoadedGlossary } from './glossaries';

export const WORKSPACE_GLOSSARY_DIR = '.tifa';
export const WORKSPACE_GLOSSARY_FILE = 'glossary.yaml';

export function isWorkspaceGlossaryPath(path: string): boolean {
  return /(^|[\\/])\.tifa[\\/][^\\/]+\.ya?ml$/.test(path);
}

export class WorkspaceGlossaries {
  folders: string[] = [];
  /** Text the server itself just wrote through the editor, not yet saved to disk. */
  private readonly pending = new Map<string, string>();
  private readonly lastGood = new Map<string, LoadedGlossary>();

  setPending(path: string, text: string): void {
    this.pending.set(path, text);
  }

  /** A change on disk supersedes what we wrote through the editor. */
  changedOnDisk(path: string): void {
    this.pending.delete(path);
  }

  currentText(path: string): string | undefined {
    if (this.pending.has(path)) return this.pending.get(path);
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  files(): string[] {
    const out = new Set<string>(this.pending.keys());
    for (const folder of this.folders) {
      const dir = join(folder, WORKSPACE_GLOSSARY_DIR);
      if (!existsSync(dir)) continue;
      try {
        for (const name of readdirSync(dir).sort()) if (/\.ya?ml$/i.test(name)) out.add(join(dir, name));
      } catch {
        // an unreadable folder is reported by nothing else; skip it
      }
    }
    return [...out].sort();
  }

  load(): LoadedGlossary[] {
    const loaded: LoadedGlossary[] = [];
    for (const path of this.files()) {
      const text = this.currentText(path);
      if (text === undefined) continue;
      const { glossary, problems } = loadGlossaryYaml(text);
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0 && this.lastGood.has(path)) {
        // Keep the last good version in force, but report this version's problems.
        loaded.push({ ...this.lastGood.get(path)!, problems });
        continue;
      }
      const entry = { label: path, glossary, problems };
      if (errors.length === 0) this.lastGood.set(path, entry);
      loaded.push(entry);
    }
    return loaded;
  }

  /** The folder that holds path (the longest match), or the first folder. */
  folderFor(path: string): string | undefined {
    return this.folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0] ?? this.folders[0];
  }
}
