/**
 * The built-in glossary, embedded in the bundle at build time: its YAML text (esbuild's text
 * loader), and the glossary already loaded and validated, with what its engine needs (esbuild.mjs,
 * `tifa:prebuilt`), so that a start parses neither the YAML nor OpenCC's dictionaries.
 */
import prebuilt from 'tifa:prebuilt';
import text from '../../glossary/builtin.tifa.yaml';
import { type Glossary, type OpenCCData, provideCommonWords, provideOpenCC, seedCommonPhrases, seedNormalizationTables, seedRegionalForms, seedRegionalTriggers, seedSimplifiedTable } from './core';
import { decodeTables } from './tables';

// OpenCC's dictionaries live in dist/opencc.js, beside this bundle, read only when a glossary
// form needs them (a user glossary's Taiwan-relevant form); the built-in glossary never does.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
provideOpenCC(() => (require('./opencc.js') as { openccData: OpenCCData }).openccData);
// The common English words likewise, for renderings of other glossaries (the built-in ones are classified at build time).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
provideCommonWords(() => (require('./common-words.js') as { commonWords: string }).commonWords);

export const BUILTIN_GLOSSARY_TEXT: string = text;
export const BUILTIN_GLOSSARY_LABEL = 'built-in glossary';

// The tables every engine needs, built-in glossary or not (`tifa lint --no-builtin` too).
seedSimplifiedTable(prebuilt.pairs);
seedNormalizationTables(decodeTables(prebuilt.tables));
seedRegionalTriggers(prebuilt.triggers);
seedCommonPhrases(prebuilt.commonPhrases);

let glossary: Glossary | undefined;

/** The built-in glossary as loaded at build time (a fresh copy of its concepts for each caller). */
export function prebuiltGlossary(): Glossary {
  if (!glossary) {
    seedRegionalForms(prebuilt.regional);
    glossary = { ...prebuilt.glossary, speeches: new Map(prebuilt.glossary.speeches.map((s) => [s.id, s])) } as Glossary;
  }
  return { ...glossary, concepts: structuredClone(glossary.concepts) };
}
