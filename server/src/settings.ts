/**
 * Settings, read per document (they are resource-scoped): the project config
 * (`.tifa/config.yaml` in the document's workspace folder) with what the client gives through
 * workspace/configuration laid over it, then defaults. VS Code's client sends only the settings
 * the user set (client/src/extension.ts), so the config is not hidden by defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { layerSettings, type Level, parseLevel, RULE_CODES, type RuleCode, RULES, type SegmentSkip } from './core';
import { ProjectConfigs } from './projectConfig';
import { DEFAULT_GLOSSARY_FILES, type GlossarySettings } from './glossaryManager';
import { DEFAULT_MAX_FILE_BYTES } from './files';

export interface TifaSettings {
  /** The level of each rule: tifa.formulations.severity for "formulation", tifa.rules.<code> for the others. */
  levels: Record<RuleCode, Level>;
  glossary: GlossarySettings;
  /** The preferred English rendering after each Chinese formulation. */
  inlayHints: boolean;
  /** Larger documents (in bytes, UTF-8) are not checked; 0 means no limit. */
  maxFileSize: number;
  /** Folders of the user's dated texts added to the record (tifa.corpus.paths), relative to the workspace folder. */
  corpusPaths: string[];
  /** Translation memories (tifa.memory.files): globs relative to the workspace folder. */
  memoryFiles: string[];
  /** Segments of CAT tools' files left unchecked (tifa.segments.skip). */
  skipSegments: SegmentSkip[];
  /** The project config's ignore globs: true for a file Tifa does not check. */
  ignored(path: string): boolean;
}

/** By default the workspace's TMX and XLIFF files and its parallel files (an English file beside its Chinese one). */
export const DEFAULT_MEMORY_FILES = ['**/*.tmx', '**/*.{xlf,xliff,sdlxliff,mqxliff,mxliff,txlf}', '**/*.en.{md,markdown,txt}'];

export const DEFAULT_SETTINGS: TifaSettings = {
  levels: Object.fromEntries(RULE_CODES.map((c) => [c, RULES[c].defaultLevel])) as Record<RuleCode, Level>,
  glossary: { builtin: true, files: DEFAULT_GLOSSARY_FILES, profile: '' },
  inlayHints: true,
  maxFileSize: DEFAULT_MAX_FILE_BYTES,
  corpusPaths: [],
  memoryFiles: DEFAULT_MEMORY_FILES,
  skipSegments: [],
  ignored: () => false,
};

export class SettingsStore {
  private readonly cache = new Map<string, Promise<TifaSettings>>();
  private readonly resolved = new Map<string, TifaSettings>();
  supported = false;
  readonly configs = new ProjectConfigs();

  /** rootFor: the workspace folder of a URI, whose config applies. */
  constructor(private readonly connection: Connection, private readonly rootFor: (uri: string) => string | undefined) {}

  get(uri: string): Promise<TifaSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      const root = this.rootFor(uri);
      const config = root ? this.configs.get(root) : undefined;
      const settings = (raw: unknown) => fromRaw(config ? layerSettings(config.settings, raw) : raw, config?.ignored);
      s = (this.supported ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'tifa' }) : Promise.resolve(undefined))
        .then(settings, () => settings(undefined))
        .then((settings) => {
          this.resolved.set(uri, settings);
          return settings;
        });
      this.cache.set(uri, s);
    }
    return s;
  }

  /** The settings last read for uri (or the defaults): for code that cannot wait. */
  peek(uri: string): TifaSettings {
    return this.resolved.get(uri) ?? DEFAULT_SETTINGS;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.resolved.clear();
  }
}

export function fromRaw(raw: unknown, ignored: (path: string) => boolean = () => false): TifaSettings {
  const r = (raw ?? {}) as { formulations?: { severity?: unknown }; rules?: Record<string, unknown>; glossary?: { builtin?: unknown; files?: unknown; profile?: unknown }; inlayHints?: unknown; maxFileSize?: unknown; corpus?: { paths?: unknown }; memory?: { files?: unknown }; segments?: { skip?: unknown } };
  const levels = { ...DEFAULT_SETTINGS.levels };
  for (const code of RULE_CODES) levels[code] = parseLevel(r.rules?.[code], levels[code]);
  const formulation = parseLevel(r.formulations?.severity, levels.formulation);
  // "error" is not offered for formulations: a formulation is not a mistake.
  levels.formulation = formulation === 'error' ? 'warning' : formulation;
  const g = r.glossary ?? {};
  const files = Array.isArray(g.files) ? g.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : DEFAULT_GLOSSARY_FILES;
  return {
    levels,
    glossary: { builtin: g.builtin !== false, files, profile: typeof g.profile === 'string' ? g.profile : '' },
    inlayHints: r.inlayHints !== false,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize >= 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    corpusPaths: Array.isArray(r.corpus?.paths) ? r.corpus.paths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [],
    memoryFiles: Array.isArray(r.memory?.files) ? r.memory.files.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : DEFAULT_MEMORY_FILES,
    skipSegments: Array.isArray(r.segments?.skip) ? r.segments.skip.filter((v): v is SegmentSkip => v === 'unconfirmed' || v === 'locked') : [],
    ignored,
  };
}

export function levelOf(settings: TifaSettings, code: string): Level {
  return (settings.levels as Record<string, Level>)[code] ?? 'warning';
}
