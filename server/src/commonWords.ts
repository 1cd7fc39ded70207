/**
 * The common English words (see commonWordList.ts), bundled as a file of their own
 * (dist/common-words.js): loaded only when a glossary other than the built-in one is read, whose
 * renderings the build has already classified.
 */
import words from 'tifa:common-words';

export const commonWords: string = words;
