/**
 * The "formulation" check: every formulation found becomes a finding whose message names the
 * Chinese, the preferred rendering and the appearance that fits the text around it (the earliest
 * where none fits better), e.g. `网络强国 — cyber superpower (Leading Group announcement, 2014)`.
 */
import type { Finding } from './findings';
import type { FormulationMatch } from '../text/matcher';
import { normalizedText } from '../text/normalize';
import { type Appearance, appearancesByDate, type Concept, type Glossary, preferredRendering, type Speech, speechShortName } from '../glossary/model';

export function formulationFindings(glossary: Glossary, matches: readonly FormulationMatch[], text?: string): Finding[] {
  // A concept with one dated appearance has one message; only the others look at their context.
  const messages = new Map<Concept, string>();
  return matches.map((m) => {
    let message = messages.get(m.concept);
    if (message === undefined) {
      const contextual = text !== undefined && m.concept.appearances.length > 1;
      message = formulationMessage(glossary, m.concept, contextual ? fittingAppearance(glossary, m, text) : undefined);
      if (!contextual) messages.set(m.concept, message);
    }
    return { start: m.start, end: m.end, code: 'formulation', message, data: { conceptId: m.concept.id, language: m.language, form: m.form } };
  });
}

export function formulationMessage(glossary: Glossary, concept: Concept, fit?: { speech?: Speech }): string {
  const preferred = preferredRendering(concept)?.text;
  const zh = concept.zh[0];
  const head = zh && preferred ? `${zh} — ${preferred}` : (zh ?? preferred ?? concept.id);
  const provenance = fit?.speech ? provenanceOf(fit.speech) : earliestProvenance(glossary, concept);
  return provenance ? `${head} (${provenance})` : head;
}

/** "4.19 speech, 2016": the earliest speech's short name and year. */
export function earliestProvenance(glossary: Glossary, concept: Concept): string | undefined {
  const first = appearancesByDate(glossary, concept).find((row) => row.speech);
  return first?.speech ? provenanceOf(first.speech) : undefined;
}

function provenanceOf(speech: Speech): string {
  const name = speechShortName(speech);
  return speech.date ? `${name}, ${speech.date.slice(0, 4)}` : name;
}

/**
 * The appearance whose quotation shares the most text with the words around the match (把我国建设
 * 成为网络强国 fits the Leading Group's appearance; 没有网络安全就没有国家安全，就没有经济社会稳定
 * 运行 the 4.20 speech's); ties go to the earlier one. Shared spaces and punctuation are no
 * evidence, and a little is not enough ("a cyber superpower" is in both quotations): undefined
 * unless at least two Chinese characters or four letters beyond the phrase are shared.
 */
export function fittingAppearance(glossary: Glossary, m: Pick<FormulationMatch, 'concept' | 'language' | 'form' | 'start' | 'end'>, text: string): { appearance: Appearance; speech?: Speech } | undefined {
  let best: { appearance: Appearance; speech?: Speech } | undefined;
  let bestScore = 3;
  const phrase = m.form.toLowerCase();
  for (const row of appearancesByDate(glossary, m.concept)) {
    const quoted = (m.language === 'zh' ? row.appearance.zh : row.appearance.en)?.toLowerCase();
    if (!quoted) continue;
    for (let at = quoted.indexOf(phrase); at >= 0; at = quoted.indexOf(phrase, at + 1)) {
      const score = shared(quoted, at, at + phrase.length, text, m.start, m.end);
      if (score > bestScore) {
        bestScore = score;
        best = row;
      }
    }
  }
  return best;
}

/** What the text around [ts, te) shares with the quotation around [qs, qe), case, width and script aside: 2 per Chinese character, 1 per letter or digit. */
function shared(quoted: string, qs: number, qe: number, text: string, ts: number, te: number): number {
  // Folded as the matcher folds (traditional, width, case): 沒有 in the text is 没有 in the quotation.
  const same = (a: string, b: string) => a === b || normalizedText(a) === normalizedText(b);
  const weight = (c: string) => (/[\u3400-\u9fff\uf900-\ufaff]/.test(c) ? 2 : /[\p{L}\p{N}]/u.test(c) ? 1 : 0);
  let n = 0;
  for (let i = 1; i <= 40 && qs - i >= 0 && ts - i >= 0 && same(quoted[qs - i], text[ts - i]); i++) n += weight(quoted[qs - i]);
  for (let i = 0; i < 40 && qe + i < quoted.length && te + i < text.length && same(quoted[qe + i], text[te + i]); i++) n += weight(quoted[qe + i]);
  return n;
}
