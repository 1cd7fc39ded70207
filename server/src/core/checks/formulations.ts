/**
 * The "formulation" check: every formulation found becomes a finding whose message names the
 * Chinese, the preferred rendering and the earliest provenance, e.g.
 * `网络强国 — cyber superpower (Leading Group announcement, 2014)`.
 */
import type { FormulationMatch } from '../text/matcher';
import { appearancesByDate, type Concept, type Glossary, preferredRendering, speechShortName } from '../glossary/model';

/** What a quick fix needs, carried by the diagnostic so that fixes do not re-analyse. */
export interface FixData {
  rule: string;
  conceptId: string;
  /** The text the diagnostic covers. */
  original: string;
  /** Preferred first, then admitted renderings, shaped like the original (number, capital). */
  replacements: Array<{ text: string; status: string; authority?: string }>;
  /** The glossary rendering the original matched, if any. */
  rendering?: string;
}

export interface FormulationData {
  conceptId: string;
  language: 'zh' | 'en';
  form: string;
}

export interface Finding {
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  code: string;
  message: string;
  /** What a hover or a fix needs, so neither has to analyse the text again. */
  data?: FormulationData | FixData;
  /** Other places that explain this one (the majority rendering's occurrences). */
  related?: Array<{ start: number; end: number; message: string }>;
}

export function formulationFindings(glossary: Glossary, matches: readonly FormulationMatch[]): Finding[] {
  const messages = new Map<Concept, string>();
  return matches.map((m) => {
    let message = messages.get(m.concept);
    if (message === undefined) {
      message = formulationMessage(glossary, m.concept);
      messages.set(m.concept, message);
    }
    return { start: m.start, end: m.end, code: 'formulation', message, data: { conceptId: m.concept.id, language: m.language, form: m.form } };
  });
}

export function formulationMessage(glossary: Glossary, concept: Concept): string {
  const preferred = preferredRendering(concept)?.text;
  const zh = concept.zh[0];
  const head = zh && preferred ? `${zh} — ${preferred}` : (zh ?? preferred ?? concept.id);
  const provenance = earliestProvenance(glossary, concept);
  return provenance ? `${head} (${provenance})` : head;
}

/** "4.19 speech, 2016": the earliest speech's short name and year. */
export function earliestProvenance(glossary: Glossary, concept: Concept): string | undefined {
  const first = appearancesByDate(glossary, concept).find((row) => row.speech);
  if (!first?.speech) return undefined;
  const name = speechShortName(first.speech);
  return first.speech.date ? `${name}, ${first.speech.date.slice(0, 4)}` : name;
}
