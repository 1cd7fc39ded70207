/** The glossary model back to Tifa's YAML format (for export and TBX/CSV conversion). */
import { stringify } from 'yaml';
import type { Glossary } from '../glossary/model';

export function exportYaml(glossary: Glossary): string {
  const doc: Record<string, unknown> = { version: 1 };
  if (glossary.name) doc.name = glossary.name;
  if (glossary.description) doc.description = glossary.description;
  if (glossary.source) doc.source = glossary.source;
  if (glossary.speeches.size) doc.speeches = [...glossary.speeches.values()];
  doc.concepts = glossary.concepts.map((c) => {
    const o: Record<string, unknown> = { id: c.id };
    if (c.kind) o.kind = c.kind;
    if (c.zh.length) o.zh = c.zh;
    if (c.pinyin) o.pinyin = c.pinyin;
    if (c.en.length) o.en = c.en;
    if (c.appearances.length) o.appearances = c.appearances;
    if (c.note) o.note = c.note;
    return o;
  });
  return '# Tifa glossary (exported)\n' + stringify(doc, { lineWidth: 0 });
}
