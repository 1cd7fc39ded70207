/**
 * The hover card of a formulation, as Markdown. Every piece of glossary text goes through
 * escapeMarkdown; labels are bilingual because our readers work in both languages.
 */
import { escapeMarkdown as esc } from './escape';
import { type Attestation, type RecordSummary, sparkline } from '../record/attestations';
import type { FormulationMatch } from '../text/matcher';
import { type Appearance, appearancesByDate, type Concept, conceptLabel, type Glossary, preferredRendering, type Rendering, sourceLabel, speechShortName } from '../glossary/model';

export function hoverCard(glossary: Glossary, match: Pick<FormulationMatch, 'concept' | 'contains' | 'rendering'>, fits?: Appearance, record?: RecordSummary, memory?: string): string {
  const c = match.concept;
  const out: string[] = [];
  const title = c.zh.length ? c.zh.map(esc).join(' / ') : esc(conceptLabel(c));
  out.push(`**${title}**${c.pinyin ? ` · *${esc(c.pinyin)}*` : ''}`);

  const preferred = preferredRendering(c);
  if (preferred) {
    out.push(`Preferred 首选: **${esc(preferred.text)}**${about(glossary, preferred)}`);
  }
  const others = (status: Rendering['status']) => c.en.filter((r) => r !== preferred && r.status === status);
  const admitted = others('admitted');
  if (admitted.length) out.push(`Admitted 可用: ${byAuthority(glossary, admitted, (r) => esc(r.text))}`);
  const deprecated = [...others('deprecated'), ...others('superseded')];
  if (deprecated.length) {
    out.push(`Deprecated 不推荐: ${byAuthority(glossary, deprecated, (r) => `~~${esc(r.text)}~~${r.status === 'superseded' ? ' (superseded 已废止)' : ''}`)}`);
  }
  if (match.rendering && match.rendering.status !== 'preferred' && match.rendering !== preferred) {
    out.push(`This text uses **${esc(match.rendering.text)}** (${match.rendering.status}).`);
  }

  const timeline = appearancesByDate(glossary, c);
  if (timeline.length) {
    const lines = ['**Provenance 出处**', ''];
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
      lines.push(`- ${parts.join(' · ')}${appearance === fits ? ' ← *as here 与此处同*' : ''}`);
      if (appearance.zh) lines.push(`  - 「${esc(appearance.zh)}」`);
      if (appearance.en) lines.push(`  - “${esc(appearance.en)}”`);
      if (appearance.note) lines.push(`  - ${esc(appearance.note)}`);
    }
    out.push(lines.join('\n'));
  }

  if (record) out.push(recordSection(record));
  if (memory) out.push(memory);

  if (c.note) out.push(`Note 说明: ${esc(c.note)}`);
  if (match.contains.length) {
    out.push(`Contains 包含: ${match.contains.map((inner) => containsLabel(inner)).join('; ')}`);
  }
  return out.join('\n\n');
}

/** "a, b (DigiChina; source: …); c (Xinhua)": one mention of each authority and source. */
function byAuthority(glossary: Glossary, renderings: Rendering[], show: (r: Rendering) => string): string {
  const groups = new Map<string, string[]>();
  for (const r of renderings) {
    const key = about(glossary, r);
    groups.set(key, [...(groups.get(key) ?? []), show(r)]);
  }
  return [...groups].map(([who, items]) => `${items.join(', ')}${who}`).join('; ');
}

/** " (DigiChina, preferred by X, from .tifa/team.yaml; source: DigiChina, “…”, 2018-05-01)": who, which file, and where it comes from, when known. */
function about(glossary: Glossary, r: Rendering): string {
  const parts = [r.authority, r.preferredBy ? `preferred by ${r.preferredBy}` : undefined, r.origin ? `from ${r.origin}` : undefined].filter((p): p is string => !!p);
  const who = parts.map(esc).join(', ');
  const source = r.source ? `source 来源: ${esc(sourceLabel(glossary, r.source))}` : '';
  const all = [who, source].filter(Boolean).join('; ');
  return all ? ` (${all})` : '';
}

function containsLabel(c: Concept): string {
  const preferred = preferredRendering(c)?.text;
  const zh = c.zh[0];
  return zh && preferred ? `${esc(zh)} — ${esc(preferred)}` : esc(conceptLabel(c));
}

/** "In the record 文献": how often, where first and last (the sentence, the phrase in bold), and a sparkline by year. */
function recordSection(r: RecordSummary): string {
  const times = r.count === 1 ? 'once' : `${r.count} times`;
  const lines = [`**In the record 文献** · ${times} in ${r.documents === 1 ? 'one document' : `${r.documents} documents`}`, ''];
  const cite = (label: string, a: Attestation) => {
    lines.push(`- ${label}: **${esc(a.document.date ?? 'undated 无日期')}** · ${esc(a.document.title)}`);
    const [s, e] = a.sentence;
    const text = a.document.text;
    lines.push(`  - 「${esc(text.slice(s, a.start))}**${esc(text.slice(a.start, a.end))}**${esc(text.slice(a.end, e))}」`);
  };
  cite('First 最早', r.first);
  if (r.last !== r.first) cite('Latest 最近', r.last);
  const spark = sparkline(r);
  if (spark) lines.push('', `\`${spark.line}\` ${spark.from}–${spark.to}`);
  return lines.join('\n');
}
