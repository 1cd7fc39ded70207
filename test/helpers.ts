import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TifaEngine } from '../server/src/core/engine';
import { loadGlossaryYaml } from '../server/src/core/formats/yaml';
import type { Glossary } from '../server/src/core/glossary/model';

export const ROOT = join(__dirname, '..');
export const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');

let builtin: Glossary | undefined;
export function builtinGlossary(): Glossary {
  if (!builtin) {
    const { glossary, problems } = loadGlossaryYaml(readFileSync(join(ROOT, 'glossary', 'builtin.tifa.yaml'), 'utf8'));
    if (problems.length) throw new Error(`built-in glossary has problems: ${JSON.stringify(problems)}`);
    builtin = glossary;
  }
  return builtin;
}

let engine: TifaEngine | undefined;
export function builtinEngine(): TifaEngine {
  return (engine ??= new TifaEngine(builtinGlossary()));
}

/** [matched text, start, end, concept id] for every match: compact and exact. */
export function matches(text: string, e: TifaEngine = builtinEngine()): Array<[string, number, number, string]> {
  return e.analyze(text).matches.map((m) => [text.slice(m.start, m.end), m.start, m.end, m.concept.id]);
}
