/**
 * Which glossaries are in force. Outside the core because it reads files; the parsing itself is
 * the core's.
 */
import { readFileSync } from 'node:fs';
import { TifaEngine } from './core/engine';
import { loadGlossaryText } from './core/glossaryFormats';
import { type GlossaryProblem, loadGlossaryYaml } from './core/glossaryLoader';
import { mergeGlossaries } from './core/merge';
import type { Glossary } from './core/model';
import { BUILTIN_GLOSSARY_LABEL, BUILTIN_GLOSSARY_TEXT } from './builtinGlossary';

export interface LoadedGlossary {
  label: string;
  glossary: Glossary;
  problems: GlossaryProblem[];
}

export function loadBuiltinGlossary(): LoadedGlossary {
  const { glossary, problems } = loadGlossaryYaml(BUILTIN_GLOSSARY_TEXT);
  return { label: BUILTIN_GLOSSARY_LABEL, glossary, problems };
}

/** Throws with a readable reason when the file cannot be read. */
export function loadGlossaryFile(path: string): LoadedGlossary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new Error(`cannot read glossary ${path}: ${reason}`);
  }
  const { glossary, problems } = loadGlossaryText(text, path);
  return { label: path, glossary, problems };
}

export function engineFor(loaded: readonly LoadedGlossary[]): TifaEngine {
  return new TifaEngine(mergeGlossaries(loaded.map((l) => l.glossary)));
}

export function formatProblem(label: string, p: GlossaryProblem): string {
  return `${label}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}
