/**
 * Findings: what every check produces, with the data their fixes and hovers need. Offsets are
 * UTF-16 code units into the analysed text; positions are the server's business.
 */
import type { Localized } from '../l10n';
import type { RuleCode } from './rules';

/** What a quick fix needs, carried by the diagnostic so that fixes do not re-analyse. */
export interface FixData {
  rule: RuleCode;
  conceptId: string;
  /** The text the diagnostic covers. */
  original: string;
  /** Preferred first, then admitted renderings, shaped like the original (number, capital). */
  replacements: Array<{ text: string; status: string; authority?: string }>;
  /** The glossary rendering the original matched, if any. */
  rendering?: string;
}

export interface FormulationData {
  conceptId: string;
  language: 'zh' | 'en';
  form: string;
}

/** One thing a check found; the server turns it into a Diagnostic, the CLI into a line. */
export interface Finding {
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  /** A code of the rule registry: a check cannot emit a code the registry lacks. */
  code: RuleCode;
  message: string;
  /** The catalogue key and arguments the message was made from, for the client's language (core/l10n.ts). */
  l10n?: Localized;
  /** What a hover or a fix needs, so neither has to analyse the text again. */
  data?: FormulationData | FixData | { candidate: string };
  /** Shown at hint level at most: ordinary English that names the formulation only in context. */
  quiet?: boolean;
  /** Other places that explain this one (the majority rendering's occurrences): in this text, or in `file` (a translation memory). */
  related?: Array<{ start: number; end: number; message: string; l10n?: Localized; file?: string }>;
}
