/**
 * Settings, read per document (they are resource-scoped) through workspace/configuration, with
 * defaults for clients that have no configuration support.
 */
import type { Connection } from 'vscode-languageserver';
import { type Level, parseLevel, RULES } from './core/rules';

export interface TifaSettings {
  /** Level of the "formulation" diagnostics: off, hint, information or warning. */
  formulationLevel: Level;
}

export const DEFAULT_SETTINGS: TifaSettings = {
  formulationLevel: RULES.formulation.defaultLevel,
};

export class SettingsStore {
  private readonly cache = new Map<string, Promise<TifaSettings>>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<TifaSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'tifa' })
        .then((raw: unknown) => fromRaw(raw), () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function fromRaw(raw: unknown): TifaSettings {
  const r = (raw ?? {}) as { formulations?: { severity?: unknown } };
  const level = parseLevel(r.formulations?.severity, DEFAULT_SETTINGS.formulationLevel);
  // "error" is not offered for formulations: a formulation is not a mistake.
  return { formulationLevel: level === 'error' ? 'warning' : level };
}
