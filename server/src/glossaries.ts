/**
 * Which glossaries are in force. Outside the core because it reads files; the parsing itself is
 * the core's.
 */
import { type Glossary, type GlossaryLoadResult, type GlossaryProblem, loadGlossaryText, mergeGlossaries, TifaEngine } from './core';
import { BUILTIN_GLOSSARY_LABEL, prebuiltGlossary } from './builtinGlossary';
import { readTextFile } from './files';

/** The largest glossary file read: checked before reading (a 500 MB YAML would hold the server for seconds). */
export const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024;

export interface LoadedGlossary {
  label: string;
  glossary: Glossary;
  problems: GlossaryProblem[];
}

export function loadBuiltinGlossary(): LoadedGlossary {
  return { label: BUILTIN_GLOSSARY_LABEL, glossary: prebuiltGlossary(), problems: [] };
}

/** Throws with a readable reason when the file cannot be read (or is no regular file, or too large). */
export function loadGlossaryFile(path: string): LoadedGlossary {
  const read = readTextFile(path, { maxBytes: MAX_GLOSSARY_BYTES });
  if (!read.ok) throw new Error(`cannot read glossary ${path}: ${read.reason}`);
  let loaded;
  try {
    loaded = loadGlossaryText(read.text, path);
  } catch (e) {
    throw new Error(`cannot read glossary ${path}: ${(e as Error).message}`, { cause: e });
  }
  return { label: path, glossary: loaded.glossary, problems: loaded.problems };
}

/** An engine for glossaries given once (the CLI); the server's are per folder (GlossaryManager). */
export function buildEngine(loaded: readonly LoadedGlossary[]): TifaEngine {
  return new TifaEngine(mergeGlossaries(loaded.map((l) => l.glossary)));
}

/** A glossary that could not be read: nothing in it, and the reason as an error at its start. */
export function failedLoad(message: string): GlossaryLoadResult {
  return { glossary: { speeches: new Map(), concepts: [] }, problems: [{ severity: 'error', message, start: 0, end: 0, line: 1, column: 1 }] };
}

/**
 * The CLI's glossaries: the built-in one unless left out, then those named. A reason (for
 * standard error) when one cannot be read or has errors.
 */
export function loadCliGlossaries(builtin: boolean, files: readonly string[]): LoadedGlossary[] | { error: string } {
  const loaded: LoadedGlossary[] = [];
  try {
    if (builtin) loaded.push(loadBuiltinGlossary());
    for (const g of files) loaded.push(loadGlossaryFile(g));
  } catch (e) {
    return { error: (e as Error).message };
  }
  const broken = loaded.flatMap((g) => g.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(g.label, p)));
  return broken.length ? { error: `the glossary has errors:\n${broken.join('\n')}` } : loaded;
}

export function formatProblem(label: string, p: GlossaryProblem): string {
  return `${label}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}
