/**
 * The project config, `.tifa/config.yaml`: the editor's settings without the `tifa.` prefix
 * (`rules.deprecated-rendering: error`, or nested, `rules: {deprecated-rendering: error}`) plus
 * `ignore` globs, so that the CLI in CI and the editor check a project alike. Read here into the
 * shape of the editor's `tifa` section; the server lays the client's explicit settings over it,
 * the CLI its flags. A key that is unknown or has a wrong value is a warning at its place and is
 * left out; the rest still applies.
 */
import type { GlossaryProblem } from './formats/yaml';
import { LEVELS, RULE_CODES } from './checks/rules';
import { yamlLibrary } from './libraries';

/** Where the config lives, relative to the project (workspace folder) root. */
export const CONFIG_PATH = '.tifa/config.yaml';

type Kind = 'level' | 'formulationLevel' | 'boolean' | 'string' | 'strings' | 'size' | 'skips';

/**
 * Every key the config takes, and the kind of value: the settings' keys (package.json) without
 * `tifa.` (a test keeps the two lists alike), less the client's tifa.languages, plus ignore. The
 * formulation rule's level is formulations.severity; glossary problems have their own severity.
 */
export const CONFIG_KEYS: Readonly<Record<string, Kind>> = {
  'formulations.severity': 'formulationLevel',
  ...Object.fromEntries(RULE_CODES.filter((c) => c !== 'formulation' && c !== 'glossary').map((c) => [`rules.${c}`, 'level' as Kind])),
  'glossary.files': 'strings',
  'glossary.builtin': 'boolean',
  'glossary.profile': 'string',
  inlayHints: 'boolean',
  maxFileSize: 'size',
  'corpus.paths': 'strings',
  'memory.files': 'strings',
  'segments.skip': 'skips',
  ignore: 'strings',
};

export interface ProjectConfig {
  /** The settings given, nested as the editor's `tifa` section is (`{ rules: { … } }`). */
  settings: Record<string, unknown>;
  /** Globs, relative to the project root, of files neither the CLI nor the editor checks. */
  ignore: string[];
  problems: GlossaryProblem[];
}

export const EMPTY_CONFIG: ProjectConfig = { settings: {}, ignore: [], problems: [] };

export function parseProjectConfig(text: string): ProjectConfig {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const offset = text.startsWith('\uFEFF') ? 1 : 0;
  const problems: GlossaryProblem[] = [];
  const problem = (severity: 'error' | 'warning', message: string, range: readonly number[] | null | undefined) => {
    const start = (range?.[0] ?? 0) + offset;
    const pos = lineCounter.linePos(start - offset);
    problems.push({ severity, message, start, end: (range?.[1] ?? range?.[0] ?? 0) + offset, line: pos.line, column: pos.col });
  };
  const deep = doc.errors.find((e) => /Maximum call stack/.test(e.message));
  // Too deep: one plain word, not the parser's overflow at every level it unwound.
  if (deep) problem('error', 'This config is nested too deeply to be read.', deep.pos);
  else for (const e of doc.errors) problem('error', `This config is not valid YAML: ${e.message.split('\n')[0]}`, e.pos);
  if (doc.errors.length) return { ...EMPTY_CONFIG, problems };
  const settings: Record<string, unknown> = {};
  let ignore: string[] = [];
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { settings, ignore, problems };
  if (!isMap(doc.contents)) {
    problem('error', 'The config must be a map of settings, e.g. "rules.deprecated-rendering: error".', doc.contents.range);
    return { settings, ignore, problems };
  }
  const known = Object.keys(CONFIG_KEYS);
  const walk = (map: { items: Array<{ key: unknown; value: unknown }> }, prefix: string) => {
    for (const pair of map.items) {
      const keyNode = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      const valueNode = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
      let key = `${prefix}${String(keyNode?.value ?? '')}`;
      if (!prefix && key.startsWith('tifa.')) {
        problem('warning', `Keys here go without "tifa." ("${key.slice(5)}"); read as such.`, keyNode?.range);
        key = key.slice(5);
      }
      if (!(key in CONFIG_KEYS) && isMap(valueNode) && known.some((k) => k.startsWith(`${key}.`))) {
        walk(valueNode as unknown as { items: Array<{ key: unknown; value: unknown }> }, `${key}.`);
        continue;
      }
      const kind = CONFIG_KEYS[key];
      if (!kind) {
        const near = known.filter((k) => k.split('.')[0] === key.split('.')[0]);
        problem('warning', `Unknown setting "${key}"; it is ignored. ${near.length ? `Settings here: ${near.join(', ')}.` : `Settings: ${known.join(', ')}.`}`, keyNode?.range);
        continue;
      }
      const value = isScalar(valueNode) ? valueNode.value : valueNode?.toJSON ? valueNode.toJSON() : valueNode;
      const wrong = check(kind, value);
      if (wrong) {
        problem('warning', `"${key}" ${wrong}; it is ignored.`, valueNode?.range ?? keyNode?.range);
        continue;
      }
      if (key === 'ignore') {
        ignore = (value as string[]).map((s) => s.trim());
        continue;
      }
      const parts = key.split('.');
      let at = settings;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1]] = kind === 'strings' ? (value as string[]).map((s) => s.trim()) : value;
    }
  };
  walk(doc.contents as unknown as { items: Array<{ key: unknown; value: unknown }> }, '');
  return { settings, ignore, problems };
}

/** Why a value does not fit its kind, or undefined when it does. */
function check(kind: Kind, value: unknown): string | undefined {
  switch (kind) {
    case 'level':
      return typeof value === 'string' && (LEVELS as readonly string[]).includes(value) ? undefined : `must be one of ${LEVELS.join(', ')}`;
    case 'formulationLevel':
      return typeof value === 'string' && LEVELS.includes(value as never) && value !== 'error' ? undefined : `must be one of ${LEVELS.filter((l) => l !== 'error').join(', ')} (a formulation is not an error)`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'size':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a number of bytes, 0 or more';
    case 'skips':
      return Array.isArray(value) && value.every((v) => v === 'unconfirmed' || v === 'locked') ? undefined : 'must be a list of unconfirmed, locked';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '') ? undefined : 'must be a list of paths or globs';
  }
}

/**
 * The config's settings with another source's laid over them: what `over` gives wins, key by
 * key (lists and values replace, maps merge).
 */
export function layerSettings(base: Record<string, unknown>, over: unknown): Record<string, unknown> {
  if (over === null || typeof over !== 'object' || Array.isArray(over)) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? layerSettings(b as Record<string, unknown>, v) : v;
  }
  return out;
}
