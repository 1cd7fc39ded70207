/**
 * The "formulation" check: every formulation found becomes a finding whose message names the
 * Chinese, the preferred rendering and the earliest provenance, e.g.
 * `网络强国 — cyber superpower (Leading Group announcement, 2014)`.
 */
import type { Finding } from './findings';
import type { FormulationMatch } from '../text/matcher';
import { appearancesByDate, type Concept, type Glossary, preferredRendering, speechShortName } from '../glossary/model';

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
