/**
 * The CLI's project: the nearest folder with a `.tifa` folder, from the working directory up.
 * Its config (`.tifa/config.yaml`) and its glossaries (`glossary.files`, by default those in
 * `.tifa/` and the `*.tifa.yaml`, `*.tbx`, `*.tifa.csv` files) apply as they do in the editor;
 * flags (`--glossary`, `--no-builtin`) add to them. `--no-config` leaves the project out.
 */
import { relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { applyProfile, glossaryFormat, TifaEngine, mergeGlossaries } from './core';
import { globPattern, refusedPattern } from './files';
import { formatProblem, type LoadedGlossary, loadCliGlossaries } from './glossaries';
import { findProjectRoot, isConfigFile, type LoadedConfig, readProjectConfig } from './projectConfig';
import { DEFAULT_SETTINGS, fromRaw, type TifaSettings } from './settings';

export interface CliProject {
  root?: string;
  config?: LoadedConfig;
  settings: TifaSettings;
}

/** The project around cwd; an error (for standard error, exit 2) when its config has errors. */
export function openProject(cwd: string, useConfig: boolean, warn: (s: string) => void): CliProject | { error: string } {
  const root = useConfig ? findProjectRoot(cwd) : undefined;
  if (!root) return { settings: DEFAULT_SETTINGS };
  const config = readProjectConfig(root);
  const label = config.path ?? root;
  const errors = config.problems.filter((p) => p.severity === 'error');
  if (errors.length) return { error: `the project config has errors:\n${errors.map((p) => formatProblem(label, p)).join('\n')}` };
  for (const p of config.problems) warn(`tifa: ${formatProblem(label, p)}`);
  return { root, config, settings: fromRaw(config.settings) };
}

/** The glossaries in force: built-in (unless the flag or the config leaves it out), the project's, those named. */
export async function projectGlossaries(project: CliProject, builtin: boolean, named: readonly string[]): Promise<LoadedGlossary[] | { error: string }> {
  const found: string[] = [];
  if (project.root) {
    for (const pattern of project.settings.glossary.files) {
      const refused = refusedPattern(pattern);
      if (refused) return { error: `glossary.files in ${project.config?.path}: ${refused}` };
    }
    const paths = await glob(project.settings.glossary.files.map(globPattern), { cwd: project.root, absolute: true, dot: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
    for (const p of paths.sort()) if (glossaryFormat(p) && !isConfigFile(p, [project.root]) && !project.config?.ignored(p)) found.push(p);
  }
  // Named as the user would name them: relative to where tifa runs.
  const shown = found.map((p) => relative(process.cwd(), p) || p);
  return loadCliGlossaries(builtin && project.settings.glossary.builtin, [...shown, ...named.filter((n) => !found.includes(resolve(n)))]);
}

export function projectEngine(project: CliProject, loaded: readonly LoadedGlossary[]): TifaEngine {
  let glossary = mergeGlossaries(loaded.map((l) => l.glossary));
  if (project.settings.glossary.profile) glossary = applyProfile(glossary, project.settings.glossary.profile);
  return new TifaEngine(glossary);
}

/** openProject then projectGlossaries, as every subcommand needs them: an error for standard error, or both. */
export async function loadProject(flags: { config: boolean; builtin: boolean; glossaries: readonly string[] }, warn: (s: string) => void): Promise<{ project: CliProject; loaded: LoadedGlossary[] } | { error: string }> {
  const project = openProject(process.cwd(), flags.config, warn);
  if ('error' in project) return project;
  const loaded = await projectGlossaries(project, flags.builtin, flags.glossaries);
  return 'error' in loaded ? loaded : { project, loaded };
}
