/**
 * "Show Formulations in This File": a readable Markdown summary for an analyst, each concept
 * with its count, renderings used, the lines it is on, and its earliest provenance.
 */
import { earliestProvenance } from '../checks/formulations';
import { escapeMarkdown as esc } from './escape';
import type { FormulationMatch } from '../text/matcher';
import { conceptLabel, type Glossary, preferredRendering } from '../glossary/model';

export function formulationSummary(glossary: Glossary, matches: readonly FormulationMatch[], lineOf: (offset: number) => number): string {
  if (matches.length === 0) return '# Formulations 提法\n\nNo formulation from the glossary in this file. 本文件中没有词表所列的提法。\n';
  const groups = new Map<string, FormulationMatch[]>();
  for (const m of matches) groups.set(m.concept.id, [...(groups.get(m.concept.id) ?? []), m]);
  const rows = [...groups.values()].sort((a, b) => b.length - a.length || a[0].start - b[0].start);
  const out = [
    '# Formulations 提法',
    '',
    `${matches.length} occurrence${matches.length === 1 ? '' : 's'} of ${rows.length} formulation${rows.length === 1 ? '' : 's'}. 共 ${rows.length} 个提法，出现 ${matches.length} 次。`,
    '',
    '| Formulation 提法 | Preferred 首选译法 | Count 次数 | Lines 行 | Earliest 最早出处 |',
    '|---|---|---|---|---|',
  ];
  for (const ms of rows) {
    const c = ms[0].concept;
    const lines = [...new Set(ms.map((m) => lineOf(m.start)))].join(', ');
    out.push(`| ${esc(conceptLabel(c))} | ${esc(preferredRendering(c)?.text ?? '')} | ${ms.length} | ${lines} | ${esc(earliestProvenance(glossary, c) ?? '')} |`);
  }
  return out.join('\n') + '\n';
}
