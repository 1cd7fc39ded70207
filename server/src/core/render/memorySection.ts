/**
 * "In your translations 译文": the renderings a translation memory uses for a formulation, most
 * frequent first, each with a link to an example unit. A mined rendering says it is observed, with
 * its confidence, never that it is the glossary's.
 */
import { escapeMarkdown as esc } from './escape';
import { type Arg, type Locale, localize, type MessageKey, word } from '../l10n';
import type { MemoryEntry } from '../memory/observe';

/** Renderings listed; the rest are counted. */
const SHOWN = 5;

export function memorySection(entry: MemoryEntry, example: (unit: number) => { href: string; label: string } | undefined, locale: Locale = 'en'): string | undefined {
  if (entry.renderings.length === 0) return undefined;
  const t = (key: MessageKey, args?: Record<string, Arg>) => localize(locale, key, args);
  const observed = entry.renderings.reduce((n, r) => n + r.count, 0);
  const lines = [t('hover.memory', { units: entry.units.length === 1 ? t('hover.memory.one-unit') : t('hover.memory.units', { n: entry.units.length }), seen: observed < entry.units.length ? t('hover.memory.seen', { n: observed }) : '' }), ''];
  for (const r of entry.renderings.slice(0, SHOWN)) {
    const what = r.kind === 'glossary' ? t('hover.memory.glossary', { status: word(`status.${r.status ?? 'admitted'}` as MessageKey) }) : t('hover.memory.observed', { confidence: r.confidence?.toFixed(2) ?? '' });
    const ex = example(r.units[0]);
    const link = ex ? ` · [${esc(ex.label)}](${ex.href})` : '';
    lines.push(`- **${esc(r.en)}** ×${r.count} (${what})${link}`);
  }
  if (entry.renderings.length > SHOWN) lines.push(`- ${t('hover.memory.more', { n: entry.renderings.length - SHOWN })}`);
  return lines.join('\n');
}
