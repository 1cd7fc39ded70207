/** Glossaries in any supported format, chosen by file name: YAML, TBX, CSV or TSV. */
import { importCsv } from './csv';
import { type GlossaryLoadResult, loadGlossaryYaml } from './yaml';
import { importTbx } from './tbx';

export type GlossaryFormat = 'yaml' | 'tbx' | 'csv';

export function glossaryFormat(name: string): GlossaryFormat | undefined {
  const n = name.toLowerCase();
  if (/\.ya?ml$/.test(n)) return 'yaml';
  if (/\.(tbx|tbxm|xml)$/.test(n)) return 'tbx';
  if (/\.(csv|tsv)$/.test(n)) return 'csv';
  return undefined;
}

export function loadGlossaryText(text: string, name: string): GlossaryLoadResult {
  switch (glossaryFormat(name)) {
    case 'tbx':
      return importTbx(text);
    case 'csv':
      return importCsv(text);
    default:
      return loadGlossaryYaml(text);
  }
}
