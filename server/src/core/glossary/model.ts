/**
 * The glossary model. It mirrors glossary/glossary.schema.json, which is modelled on TBX
 * (ISO 30042): a concept is a conceptEntry, zh/en are language sections, each rendering is a
 * term with an administrative status.
 */

export type RenderingStatus = 'preferred' | 'admitted' | 'deprecated' | 'superseded';
export const RENDERING_STATUSES: readonly RenderingStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded'];

export type ConceptKind = 'formulation' | 'catchphrase' | 'body' | 'programme' | 'term';

export interface Bilingual {
  en?: string;
  zh?: string;
}

export interface Speech {
  id: string;
  short: Bilingual;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source gives it. */
  date?: string;
  occasion?: Bilingual;
  venue?: Bilingual;
  speaker?: string;
  source?: string;
  note?: string;
}

/** A publication a glossary takes its facts from: renderings name it by id. */
export interface Source {
  id: string;
  title?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  url?: string;
  note?: string;
}

export interface Rendering {
  text: string;
  status: RenderingStatus;
  authority?: string;
  /**
   * Ordinary English that names the concept only where a source has it ("network power"). When
   * left out, Tifa decides (core/text/english.ts).
   */
  needsContext?: boolean;
  /** Where the rendering and its status come from: the id of one of the glossary's sources, or a publication and date written out. */
  source?: string;
  note?: string;
  /** The glossary file it came from (workspace glossaries only; shown in hovers). */
  origin?: string;
  /** Set by a profile: the authority that prefers this rendering when the profile does not. */
  preferredBy?: string;
}

export interface Appearance {
  speech: string;
  zh?: string;
  en?: string;
  note?: string;
}

export interface Concept {
  id: string;
  kind?: ConceptKind;
  zh: string[];
  pinyin?: string;
  en: Rendering[];
  appearances: Appearance[];
  note?: string;
}

export interface Glossary {
  name?: string;
  description?: string;
  source?: string;
  /** The publications renderings name as their source. */
  sources?: Source[];
  speeches: Map<string, Speech>;
  concepts: Concept[];
}

/** The preferred English rendering, or the first one when none is marked preferred. */
export function preferredRendering(concept: Concept): Rendering | undefined {
  return concept.en.find((r) => r.status === 'preferred') ?? concept.en[0];
}

/** A concept's heading: its canonical Chinese form, or its preferred rendering when it has none. */
export function conceptLabel(concept: Concept): string {
  return concept.zh[0] ?? preferredRendering(concept)?.text ?? concept.id;
}

/**
 * Appearances ordered by their speech's date, earliest first; undated ones keep their
 * glossary order after the dated ones. Dates compare as strings because they are ISO prefixes.
 */
export function appearancesByDate(glossary: Glossary, concept: Concept): Array<{ appearance: Appearance; speech: Speech | undefined }> {
  const rows = concept.appearances.map((appearance, index) => ({ appearance, speech: glossary.speeches.get(appearance.speech), index }));
  rows.sort((a, b) => {
    const da = a.speech?.date;
    const db = b.speech?.date;
    if (da && db && da !== db) return da < db ? -1 : 1;
    if (da && !db) return -1;
    if (!da && db) return 1;
    return a.index - b.index;
  });
  return rows.map(({ appearance, speech }) => ({ appearance, speech }));
}

export function speechShortName(speech: Speech): string {
  return speech.short.en ?? speech.short.zh ?? speech.id;
}

/** A rendering's source as a reader sees it: "DigiChina, “Title”, 2018-05-01", or the text the glossary gives. */
export function sourceLabel(glossary: Pick<Glossary, 'sources'>, source: string): string {
  const s = glossary.sources?.find((x) => x.id === source);
  if (!s) return source;
  const parts = [s.publisher, s.title ? `“${s.title}”` : undefined, s.date].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : s.id;
}
