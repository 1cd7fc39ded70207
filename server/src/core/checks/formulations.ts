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
  // One message per concept, or per concept and fitting appearance for the few concepts with
  // several: a flood of one formulation builds each message once.
  const messages = new Map<Concept, string>();
  const fitted = new Map<Appearance, string>();
  return matches.map((m) => {
    const fit = text !== undefined && m.concept.appearances.length > 1 ? fittingAppearance(glossary, m, text) : undefined;
    let message = fit ? fitted.get(fit.appearance) : messages.get(m.concept);
    if (message === undefined) {
      message = formulationMessage(glossary, m.concept, fit);
      if (fit) fitted.set(fit.appearance, message);
      else messages.set(m.concept, message);
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
  for (const row of datedAppearances(glossary, m.concept)) {
    const quoted = m.language === 'zh' ? row.zh : row.en;
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

type DatedAppearance = { appearance: Appearance; speech?: Speech; zh?: string; en?: string };
const dated = new WeakMap<Concept, DatedAppearance[]>();

/** A concept's appearances by date with their quotations lower-cased, once per concept (a concept belongs to one glossary). */
function datedAppearances(glossary: Glossary, concept: Concept): DatedAppearance[] {
  let rows = dated.get(concept);
  if (!rows) {
    rows = appearancesByDate(glossary, concept).map((r) => ({ ...r, zh: r.appearance.zh?.toLowerCase(), en: r.appearance.en?.toLowerCase() }));
    dated.set(concept, rows);
  }
  return rows;
}

const foldedChars = new Map<string, string>();

/** One character folded as the matcher folds, remembered: a quotation's context is compared character by character. */
function folded(c: string): string {
  let f = foldedChars.get(c);
  if (f === undefined) {
    if (foldedChars.size > 10_000) foldedChars.clear();
    foldedChars.set(c, (f = normalizedText(c)));
  }
  return f;
}

/** What the text around [ts, te) shares with the quotation around [qs, qe), case, width and script aside: 2 per Chinese character, 1 per letter or digit. */
function shared(quoted: string, qs: number, qe: number, text: string, ts: number, te: number): number {
  let n = 0;
  for (let i = 1; i <= 40 && qs - i >= 0 && ts - i >= 0 && sameChar(quoted[qs - i], text[ts - i]); i++) n += weight(quoted[qs - i]);
  for (let i = 0; i < 40 && qe + i < quoted.length && te + i < text.length && sameChar(quoted[qe + i], text[te + i]); i++) n += weight(quoted[qe + i]);
  return n;
}

// Folded as the matcher folds (traditional, width, case): 沒有 in the text is 没有 in the quotation.
const sameChar = (a: string, b: string) => a === b || folded(a) === folded(b);
const weight = (c: string) => (/[\u3400-\u9fff\uf900-\ufaff]/.test(c) ? 2 : /[\p{L}\p{N}]/u.test(c) ? 1 : 0);
