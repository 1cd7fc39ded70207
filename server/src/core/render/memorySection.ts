/**
 * "In your translations 译文": the renderings a translation memory uses for a formulation, most
 * frequent first, each with a link to an example unit. A mined rendering says it is observed, with
 * its confidence, never that it is the glossary's.
 */
import { escapeMarkdown as esc } from './escape';
import type { MemoryEntry } from '../memory/observe';

/** Renderings listed; the rest are counted. */
const SHOWN = 5;

export function memorySection(entry: MemoryEntry, example: (unit: number) => { href: string; label: string } | undefined): string | undefined {
  if (entry.renderings.length === 0) return undefined;
  const observed = entry.renderings.reduce((n, r) => n + r.count, 0);
  const lines = [`**In your translations 译文** · ${entry.units.length === 1 ? 'one unit' : `${entry.units.length} units`}${observed < entry.units.length ? `, a rendering seen in ${observed}` : ''}`, ''];
  for (const r of entry.renderings.slice(0, SHOWN)) {
    const what = r.kind === 'glossary' ? `glossary, ${r.status}` : `observed, not in the glossary; confidence ${r.confidence?.toFixed(2)}`;
    const ex = example(r.units[0]);
    const link = ex ? ` · [${esc(ex.label)}](${ex.href})` : '';
    lines.push(`- **${esc(r.en)}** ×${r.count} (${what})${link}`);
  }
  if (entry.renderings.length > SHOWN) lines.push(`- and ${entry.renderings.length - SHOWN} more`);
  return lines.join('\n');
}
