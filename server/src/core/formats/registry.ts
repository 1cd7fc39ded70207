/**
 * The glossary formats, as one registry: which format a file name is, how to read it, and how
 * to write a glossary in it. The server and the CLI both go through here.
 */
import type { Glossary } from '../glossary/model';
import { exportCsv, importCsv } from './csv';
import { exportTbxReport, importTbx } from './tbx';
import { exportYaml, type GlossaryLoadResult, loadGlossaryYaml } from './yaml';

export type GlossaryFormat = 'yaml' | 'tbx' | 'csv';

export interface FormatEntry {
  /** File names of this format (case-insensitive). */
  names: RegExp;
  read(text: string): GlossaryLoadResult;
  /** The file's text, and a warning for the user when something could not be written. */
  write(glossary: Glossary): { text: string; warning?: string };
}

export const FORMATS: Record<GlossaryFormat, FormatEntry> = {
  yaml: { names: /\.ya?ml$/i, read: loadGlossaryYaml, write: (g) => ({ text: exportYaml(g) }) },
  tbx: {
    names: /\.(tbx|tbxm|xml)$/i,
    read: importTbx,
    write: (g) => {
      const { text, dropped } = exportTbxReport(g);
      return { text, ...(dropped ? { warning: `${dropped} character${dropped === 1 ? '' : 's'} that XML cannot hold (control characters, lone surrogates) left out of the TBX` } : {}) };
    },
  },
  csv: { names: /\.(csv|tsv)$/i, read: importCsv, write: (g) => ({ text: exportCsv(g) }) },
};

export const FORMAT_NAMES = Object.keys(FORMATS) as GlossaryFormat[];

export function glossaryFormat(name: string): GlossaryFormat | undefined {
  return FORMAT_NAMES.find((f) => FORMATS[f].names.test(name));
}

/** Reads a glossary in the format its name says (YAML when the name says nothing). */
export function loadGlossaryText(text: string, name: string): GlossaryLoadResult {
  return FORMATS[glossaryFormat(name) ?? 'yaml'].read(text);
}

export function exportGlossary(glossary: Glossary, format: GlossaryFormat): { text: string; warning?: string } {
  return FORMATS[format].write(glossary);
}
