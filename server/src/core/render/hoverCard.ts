/**
 * The hover card of a formulation, as Markdown. Every piece of glossary text goes through
 * escapeMarkdown; labels are bilingual because our readers work in both languages.
 */
import { escapeMarkdown as esc } from './escape';
import { type Arg, type Locale, localize, type MessageKey, word } from '../l10n';
import { type Attestation, type RecordSummary, sparkline } from '../record/attestations';
import type { FormulationMatch } from '../text/matcher';
import { type Appearance, appearancesByDate, type Concept, conceptLabel, type Glossary, preferredRendering, type Rendering, sourceLabel, speechShortName } from '../glossary/model';

export function hoverCard(glossary: Glossary, match: Pick<FormulationMatch, 'concept' | 'contains' | 'rendering'>, fits?: Appearance, record?: RecordSummary, memory?: string, locale: Locale = 'en'): string {
  const t = (key: MessageKey, args?: Record<string, Arg>) => localize(locale, key, args);
  const about = (r: Rendering) => aboutIn(locale, glossary, r);
  const c = match.concept;
  const out: string[] = [];
  const title = c.zh.length ? c.zh.map(esc).join(' / ') : esc(conceptLabel(c));
  out.push(`**${title}**${c.pinyin ? ` · *${esc(c.pinyin)}*` : ''}`);

  const preferred = preferredRendering(c);
  if (preferred) {
    out.push(`${t('hover.preferred')}: **${esc(preferred.text)}**${about(preferred)}`);
  }
  const others = (status: Rendering['status']) => c.en.filter((r) => r !== preferred && r.status === status);
  const admitted = others('admitted');
  if (admitted.length) out.push(`${t('hover.admitted')}: ${byAuthority(about, admitted, (r) => esc(r.text))}`);
  const deprecated = [...others('deprecated'), ...others('superseded')];
  if (deprecated.length) {
    out.push(`${t('hover.deprecated')}: ${byAuthority(about, deprecated, (r) => `~~${esc(r.text)}~~${r.status === 'superseded' ? t('hover.superseded') : ''}`)}`);
  }
  if (match.rendering && match.rendering.status !== 'preferred' && match.rendering !== preferred) {
    out.push(t('hover.uses', { rendering: esc(match.rendering.text), status: word(`status.${match.rendering.status}` as MessageKey) }));
  }

  const timeline = appearancesByDate(glossary, c);
  if (timeline.length) {
    const lines = [t('hover.provenance'), ''];
    for (const { appearance, speech } of timeline) {
      const parts: string[] = [];
      if (speech) {
        parts.push(`**${esc(speechShortName(speech))}**`);
        if (speech.date) parts.push(esc(speech.date));
        const occasion = [speech.occasion?.en, speech.occasion?.zh].filter(Boolean).map((s) => esc(s!)).join(' / ');
        if (occasion) parts.push(occasion);
        const venue = [speech.venue?.en, speech.venue?.zh].filter(Boolean).map((s) => esc(s!)).join(' / ');
        if (venue) parts.push(venue);
        if (speech.speaker) parts.push(esc(speech.speaker));
      } else {
        parts.push(`**${esc(appearance.speech)}**`);
      }
      lines.push(`- ${parts.join(' · ')}${appearance === fits ? t('hover.as-here') : ''}`);
      if (appearance.zh) lines.push(`  - 「${esc(appearance.zh)}」`);
      if (appearance.en) lines.push(`  - “${esc(appearance.en)}”`);
      if (appearance.note) lines.push(`  - ${esc(appearance.note)}`);
    }
    out.push(lines.join('\n'));
  }

  if (record) out.push(recordSection(record, locale));
  if (memory) out.push(memory);

  if (c.note) out.push(`${t('hover.note')}: ${esc(c.note)}`);
  if (match.contains.length) {
    out.push(`${t('hover.contains')}: ${match.contains.map((inner) => containsLabel(inner)).join('; ')}`);
  }
  return out.join('\n\n');
}

/** "a, b (DigiChina; source: …); c (Xinhua)": one mention of each authority and source. */
function byAuthority(about: (r: Rendering) => string, renderings: Rendering[], show: (r: Rendering) => string): string {
  const groups = new Map<string, string[]>();
  for (const r of renderings) {
    const key = about(r);
    groups.set(key, [...(groups.get(key) ?? []), show(r)]);
  }
  return [...groups].map(([who, items]) => `${items.join(', ')}${who}`).join('; ');
}

/** " (DigiChina, preferred by X, from .tifa/team.yaml; source: DigiChina, “…”, 2018-05-01)": who, which file, and where it comes from, when known. */
function aboutIn(locale: Locale, glossary: Glossary, r: Rendering): string {
  const parts = [r.authority, r.preferredBy ? localize(locale, 'hover.preferred-by', { who: r.preferredBy }) : undefined, r.origin ? localize(locale, 'hover.from-file', { file: r.origin }) : undefined].filter((p): p is string => !!p);
  const who = parts.map(esc).join(', ');
  const source = r.source ? `${localize(locale, 'hover.source')}: ${esc(sourceLabel(glossary, r.source))}` : '';
  const all = [who, source].filter(Boolean).join('; ');
  return all ? ` (${all})` : '';
}

function containsLabel(c: Concept): string {
  const preferred = preferredRendering(c)?.text;
  const zh = c.zh[0];
  return zh && preferred ? `${esc(zh)} — ${esc(preferred)}` : esc(conceptLabel(c));
}

/** "In the record 文献": how often, where first and last (the sentence, the phrase in bold), and a sparkline by year. */
function recordSection(r: RecordSummary, locale: Locale): string {
  const t = (key: MessageKey, args?: Record<string, Arg>) => localize(locale, key, args);
  const times = r.count === 1 ? t('word.once') : t('word.times', { n: r.count });
  const lines = [t('hover.record', { count: times, documents: r.documents === 1 ? t('word.one-document') : t('word.documents', { n: r.documents }) }), ''];
  const cite = (label: string, a: Attestation) => {
    lines.push(`- ${label}: **${esc(a.document.date ?? t('hover.undated'))}** · ${esc(a.document.title)}`);
    const [s, e] = a.sentence;
    const text = a.document.text;
    lines.push(`  - 「${esc(text.slice(s, a.start))}**${esc(text.slice(a.start, a.end))}**${esc(text.slice(a.end, e))}」`);
  };
  cite(t('hover.first'), r.first);
  if (r.last !== r.first) cite(t('hover.latest'), r.last);
  const spark = sparkline(r);
  if (spark) lines.push('', `\`${spark.line}\` ${spark.from}–${spark.to}`);
  return lines.join('\n');
}
