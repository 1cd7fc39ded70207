/**
 * The checks Tifa runs, as a registry: each has a stable code (used in settings, suppression
 * comments and the README's anchors) and a default level.
 */
export type Level = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface Rule {
  code: string;
  defaultLevel: Level;
  description: string;
}

export const RULES = {
  formulation: {
    code: 'formulation',
    defaultLevel: 'information',
    description: 'A canonical formulation (提法) from the glossary, in Chinese or English.',
  },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;

export function parseLevel(value: unknown, fallback: Level): Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value) ? (value as Level) : fallback;
}
