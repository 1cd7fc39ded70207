import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TifaEngine } from '../server/src/core/engine';
import { loadGlossaryYaml } from '../server/src/core/formats/yaml';
import type { Glossary } from '../server/src/core/glossary/model';
import { mergeGlossaries } from '../server/src/core/glossary/merge';

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

let styled: TifaEngine | undefined;
/**
 * The built-in glossary with a team's house style over it (test/fixtures/house-style.tifa.yaml),
 * which deprecates six renderings of 网络强国: what the tests of deprecated renderings use.
 */
export function styledEngine(): TifaEngine {
  if (!styled) {
    const { glossary, problems } = loadGlossaryYaml(fixture('house-style.tifa.yaml'));
    if (problems.length) throw new Error(`house style has problems: ${JSON.stringify(problems)}`);
    styled = new TifaEngine(mergeGlossaries([builtinGlossary(), glossary]));
  }
  return styled;
}

/** [matched text, start, end, concept id] for every match: compact and exact. */
export function matches(text: string, e: TifaEngine = styledEngine()): Array<[string, number, number, string]> {
  return e.analyze(text).matches.map((m) => [text.slice(m.start, m.end), m.start, m.end, m.concept.id]);
}

/** The built command line (dist/cli.js, so `npm test` builds first). */
export const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs `tifa` with args in cwd: exit code, standard output and standard error. */
export function tifa(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  // English unless a test asks otherwise, whatever the machine's locale.
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
