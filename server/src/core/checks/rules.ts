/**
 * The checks Tifa runs, as a registry: each has a stable code (used in settings
 * `tifa.rules.<code>`, suppression comments and the README's anchors) and a default level.
 */
export type Level = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface Rule {
  code: string;
  defaultLevel: Level;
  description: string;
  /** Its fix is left out of "fix all" (and `tifa lint --fix`): offered one at a time only. */
  notInFixAll?: boolean;
}

export const RULES = {
  formulation: {
    code: 'formulation',
    defaultLevel: 'information',
    description: 'A canonical formulation (提法) from the glossary, in Chinese or English.',
  },
  'deprecated-rendering': {
    code: 'deprecated-rendering',
    defaultLevel: 'warning',
    description: 'An English rendering the glossary marks deprecated or superseded.',
  },
  'inconsistent-rendering': {
    code: 'inconsistent-rendering',
    defaultLevel: 'warning',
    description: 'A rendering that disagrees with the source in a bilingual pair, or with the rest of the document.',
  },
  'missing-rendering': {
    code: 'missing-rendering',
    defaultLevel: 'information',
    description: 'The source of a bilingual pair has a formulation and the translation has none of its renderings.',
  },
  'variant-rendering': {
    code: 'variant-rendering',
    defaultLevel: 'information',
    description: 'In a bilingual pair, a close variant of a glossary rendering (other articles or prepositions, or a compound reordered).',
  },
  'number-mismatch': {
    code: 'number-mismatch',
    defaultLevel: 'warning',
    description: 'In a bilingual pair, a numbered formulation (四个全面) whose translation carries another number.',
  },
  'candidate-formulation': {
    code: 'candidate-formulation',
    defaultLevel: 'hint',
    description: 'A phrase the glossary lacks that the record uses as a formulation (quoted, numbered, or a set phrase that emerged): its record in the hover, "Add to glossary" to keep it.',
  },
  'memory-inconsistent': {
    code: 'memory-inconsistent',
    defaultLevel: 'information',
    description: 'In a bilingual file, a formulation rendered otherwise than the clear majority of your translation memories (tifa.memory.files) render it.',
    // The majority is an observation, not the glossary.
    notInFixAll: true,
  },
  glossary: {
    code: 'glossary',
    defaultLevel: 'error',
    description: 'A mistake in a glossary file, shown in the glossary itself (its severity is the mistake\'s own).',
  },
  'document-notice': {
    code: 'document-notice',
    defaultLevel: 'information',
    description: 'Something about the document as a whole: paragraphs that cannot be paired, an ignored DOCTYPE.',
  },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function parseLevel(value: unknown, fallback: Level): Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value) ? (value as Level) : fallback;
}

/**
 * The level a finding is shown at: its rule's, but at most a hint for a quiet finding (a
 * formulation whose English says nothing on its own, see core/text/english.ts).
 */
export function findingLevel(finding: { quiet?: boolean }, ruleLevel: Level): Level {
  return finding.quiet && ruleLevel !== 'off' ? 'hint' : ruleLevel;
}
