/**
 * What the client and the server say to each other beyond the LSP: method names, command ids
 * and message types, in one place. Imported by both sides; importing it has no side effects.
 */
import type { FixData, FormulationData, GlossaryFormat } from './core';

export type { FixData, FormulationData };

/** Server → client notification: what is loaded, after every (re)load. */
export const STATUS_NOTIFICATION = 'tifa/status';
/** Client → server request: the same status, on demand. */
export const STATUS_REQUEST = 'tifa/getStatus';
/** Client → server request: the glossaries in force for a document, written in one format. */
export const EXPORT_REQUEST = 'tifa/exportGlossary';
/** Client → server request: a Markdown summary of a document's formulations. */
export const SUMMARY_REQUEST = 'tifa/formulationSummary';

/** Commands the server executes (workspace/executeCommand). */
export const SERVER_COMMANDS = {
  addToGlossary: 'tifa.addToGlossary',
  addCandidateToGlossary: 'tifa.addCandidateToGlossary',
  reloadGlossaries: 'tifa.reloadGlossaries',
} as const;

/** Commands the client registers (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  restartServer: 'tifa.restartServer',
  showOutput: 'tifa.showOutput',
  exportGlossary: 'tifa.exportGlossary',
  addSelectionToGlossary: 'tifa.addSelectionToGlossary',
  showFormulations: 'tifa.showFormulations',
} as const;

/** The code action kind of "fix all", usable in editor.codeActionsOnSave. */
export const FIX_ALL_KIND = 'source.fixAll.tifa';

export interface TifaStatus {
  concepts: number;
  glossaries: Array<{ label: string; concepts: number; errors: number; warnings: number; firstProblem?: string; stale?: boolean }>;
  errors: number;
  /** Files with errors whose last good version is in force. */
  stale: string[];
  /** Open documents over tifa.maxFileSize, not checked. */
  tooLarge: string[];
}

export interface ExportParams {
  /** The document whose workspace folder's glossaries are exported. */
  uri?: string;
  format: GlossaryFormat;
}

export interface ExportResult {
  text: string;
  concepts: number;
  /** Something that could not be written (characters XML cannot hold). */
  warning?: string;
}

export interface SummaryParams {
  uri: string;
}

/** Markdown, or null for a document the server does not know. */
export type SummaryResult = string | null;

/** Arguments of tifa.addCandidateToGlossary: the candidate's Chinese form, and the document it was found in. */
export interface AddCandidateArgs {
  uri: string;
  zh: string;
}

/** Arguments of tifa.addToGlossary. */
export interface AddToGlossaryArgs {
  uri: string;
  text: string;
  conceptId?: string;
  status?: 'admitted' | 'preferred' | 'deprecated';
  /** A Chinese form, when the selection names no known concept. */
  zh?: string;
}
