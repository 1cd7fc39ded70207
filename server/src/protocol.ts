/**
 * What the client and the server say to each other beyond the LSP: method names, command ids
 * and message types, in one place. Imported by both sides; importing it has no side effects.
 */
import type { FixData, FormulationData, FormulationDiff, GlossaryFormat, TimelineSeries } from './core';

export type { FixData, FormulationData };

/** Server → client notification: what is loaded, after every (re)load. */
export const STATUS_NOTIFICATION = 'tifa/status';
/** Client → server request: the same status, on demand. */
export const STATUS_REQUEST = 'tifa/getStatus';
/** Client → server request: the glossaries in force for a document, written in one format. */
export const EXPORT_REQUEST = 'tifa/exportGlossary';
/** Client → server request: a Markdown summary of a document's formulations. */
export const SUMMARY_REQUEST = 'tifa/formulationSummary';

/** Client → server request: the formulations of a document, of the record, and the candidates (the Formulations view). */
export const FORMULATIONS_REQUEST = 'tifa/formulations';
/** Client → server request: the text of a record document (tifa-record: documents). */
export const RECORD_TEXT_REQUEST = 'tifa/recordText';
/** Client → server request: counts of formulations over time across the record, and the chart. */
export const TIMELINE_REQUEST = 'tifa/timeline';
/** Client → server request: formulations added, dropped and changed in count from one text to another. */
export const COMPARE_REQUEST = 'tifa/compare';

/** The URI scheme of record documents opened from the views: tifa-record:/<document id>. */
export const RECORD_SCHEME = 'tifa-record';

export interface FormulationsParams {
  /** The document whose formulations are listed under "In this file" (none: that section is empty). */
  uri?: string;
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** An attestation the client can open: a record document and the phrase's range in it. */
export interface AttestationRef {
  documentId: string;
  title: string;
  date: string | null;
  sentence: string;
  range: Range;
}

export interface RecordEntry {
  zh: string;
  conceptId: string;
  inGlossary: boolean;
  count: number;
  documents: number;
  first: AttestationRef;
  last: AttestationRef;
}

export interface FormulationsResult {
  /** False while the record is still being analysed (the record and candidate sections are empty). */
  ready: boolean;
  inFile: Array<{ label: string; conceptId: string; candidate: boolean; ranges: Range[] }>;
  inRecord: RecordEntry[];
  candidates: RecordEntry[];
}

export interface TimelineParams {
  formulations: string[];
}

export interface TimelineResult {
  series: TimelineSeries[];
  svg: string;
}

export interface CompareParams {
  old: { name: string; text: string };
  new: { name: string; text: string };
}

export interface CompareResult {
  diff: FormulationDiff;
  markdown: string;
}

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
  refreshFormulations: 'tifa.refreshFormulations',
  openAttestation: 'tifa.openAttestation',
  showTimeline: 'tifa.showTimeline',
  compareFormulations: 'tifa.compareFormulations',
  suggestGlossaryEntries: 'tifa.suggestGlossaryEntries',
  openSample: 'tifa.openSample',
} as const;

/** Renderings the translation memories use that the glossary lacks, for "Suggest Glossary Entries from Translations". */
export const MEMORY_SUGGESTIONS_REQUEST = 'tifa/memorySuggestions';

export interface MemorySuggestion {
  /** The glossary concept's id; absent for a candidate from the record. */
  conceptId?: string;
  zh: string;
  en: string;
  /** Units whose target uses it, of `units` that hold the formulation. */
  count: number;
  units: number;
  /** Mined renderings: the Dice coefficient. */
  confidence?: number;
  /** The memory file of its first unit, relative to the workspace folder. */
  file: string;
}

export interface MemorySuggestionsResult {
  suggestions: MemorySuggestion[];
  /** Units and files in the memory; building: an analysis is under way. */
  memoryUnits: number;
  memoryFiles: number;
  building: boolean;
}

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
  /** The translation memories in force (tifa.memory.files): units and files, and whether a build is under way. */
  memory?: { units: number; files: number; building: boolean };
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
  /** Written with the rendering: who says so ("translation memory") and where it comes from (the memory file). */
  authority?: string;
  source?: string;
}
