/**
 * Reading `.tifa/config.yaml` (parsed by the core, core/config.ts) for the server and the CLI,
 * and the `ignore` globs it gives. The file is read only inside its project folder (a link out
 * of it is refused, as glossaries are) and kept until it changes on disk.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_PATH, EMPTY_CONFIG, parseProjectConfig, type ProjectConfig } from './core';
import { readTextFile, realFolders } from './files';

const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig extends ProjectConfig {
  /** The config file's path, when there is one. */
  path?: string;
  text?: string;
  /** Tests a path (absolute) against the ignore globs. */
  ignored(path: string): boolean;
}

export function configPath(root: string): string {
  return join(root, CONFIG_PATH);
}

/** True for a project config (a glossary glob such as `.tifa/*.yaml` must pass it by). */
export function isConfigFile(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => path === configPath(r));
}

/** The project's config: nothing when there is no file; problems (and nothing else) when it cannot be read. */
export function readProjectConfig(root: string): LoadedConfig {
  const path = configPath(root);
  if (!existsSync(path)) return withIgnore(root, EMPTY_CONFIG);
  const read = readTextFile(path, { maxBytes: MAX_CONFIG_BYTES, within: realFolders([root]) });
  if (!read.ok) {
    return withIgnore(root, { ...EMPTY_CONFIG, problems: [{ severity: 'error', message: `This config is not read: ${read.reason}.`, start: 0, end: 0, line: 1, column: 1 }] }, path, '');
  }
  let config: ProjectConfig;
  try {
    config = parseProjectConfig(read.text);
  } catch (e) {
    // A reader must never take the server down.
    config = { ...EMPTY_CONFIG, problems: [{ severity: 'error', message: `This config could not be read: ${(e as Error).message}`, start: 0, end: 0, line: 1, column: 1 }] };
  }
  return withIgnore(root, config, path, read.text);
}

function withIgnore(root: string, config: ProjectConfig, path?: string, text?: string): LoadedConfig {
  const match = config.ignore.length ? picomatch(config.ignore, { dot: true }) : undefined;
  return {
    ...config,
    path,
    text,
    ignored: (p) => {
      if (!match) return false;
      const rel = relative(root, p);
      return !rel.startsWith('..') && match(rel.split(sep).join('/'));
    },
  };
}

/**
 * The CLI's project: the nearest folder, from `from` up, that holds a `.tifa` folder (as git
 * finds `.git`), or undefined.
 */
export function findProjectRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if (statSync(join(dir, '.tifa')).isDirectory()) return dir;
    } catch {
      // not here
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The server's configs, one per workspace folder, read on first use and forgotten when changed. */
export class ProjectConfigs {
  private readonly configs = new Map<string, LoadedConfig>();

  get(root: string): LoadedConfig {
    let c = this.configs.get(root);
    if (!c) this.configs.set(root, (c = readProjectConfig(root)));
    return c;
  }

  /** Forgets the configs among paths; true when one of them was a config. */
  changed(paths: readonly string[], roots: readonly string[]): boolean {
    let any = false;
    for (const r of roots) {
      if (paths.includes(configPath(r))) {
        this.configs.delete(r);
        any = true;
      }
    }
    return any;
  }

  /** The configs read, for diagnostics in the files themselves. */
  all(): LoadedConfig[] {
    return [...this.configs.values()].filter((c) => c.path);
  }
}
