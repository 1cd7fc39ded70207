/**
 * OpenCC's dictionaries and converter (opencc-js), as the core's OpenCCData. Bundled as a file of
 * its own (dist/opencc.js), loaded only when a glossary form needs it: the built-in glossary's
 * forms and the folding tables are computed at build time.
 */
import { Trie } from 'opencc-js/core';
// Only the two locales used (simplified → Taiwan with phrases), not the full preset.
import fromCn from 'opencc-js/from/cn';
import toTwp from 'opencc-js/to/twp';
import CompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import type { OpenCCData } from './core';

export const openccData: OpenCCData = {
  // No Japanese dictionary: JPShinjitaiCharactersRev maps traditional to Japanese forms (經 → 経),
  // so traditional 經濟 folded to 経済 and never matched 经济; and folding Japanese forms the other
  // way would merge Chinese characters that differ (芸 and 藝).
  variants: [CompatibilityIdeographs, TWVariantsRev, HKVariantsRev],
  traditionalToSimplified: TSCharacters,
  taiwanPhrases: TWPhrases,
  // The dictionaries of fromCn and toTwp, for regionalTriggers.
  simplifiedToTraditional: [STPhrases, STCharacters],
  taiwanVariants: [TWVariantsPhrases, TWVariants],
  toTaiwan: () => lazyConverter([...fromCn, ...toTwp]),
};

/**
 * opencc-js's ConverterFactory(fromCn, toTwp), with each trie filled only with the entries that
 * begin with a character its input has shown so far. A trie's longest match at a position starts
 * from that position's character, so entries beginning with other characters are never visited:
 * the output is the same (checked against ConverterFactory on 325,000 phrases from the corpus),
 * and the 49,000 phrases of STPhrases are not all loaded for a glossary's few hundred characters
 * (loading them was 130 ms of a 10,000-term lint).
 */
export function lazyConverter(groups: readonly (readonly string[])[]): (s: string) => string {
  const steps = groups.map((group) => {
    // Trie.loadDictGroup loads a group's dictionaries last to first, later entries replacing
    // earlier ones with the same key; each bucket keeps that order (equal keys share a bucket).
    const buckets = new Map<number, string[]>();
    for (const dict of [...group].reverse()) {
      for (const entry of dict.split('|')) {
        if (!entry) continue;
        const first = entry.codePointAt(0)!;
        const bucket = buckets.get(first);
        if (bucket) bucket.push(entry);
        else buckets.set(first, [entry]);
      }
    }
    return { trie: new Trie(), buckets };
  });
  return (s) => {
    let text = s;
    for (const { trie, buckets } of steps) {
      for (const c of text) {
        const first = c.codePointAt(0)!;
        const bucket = buckets.get(first);
        if (!bucket) continue;
        buckets.delete(first);
        trie.loadDict(bucket.join('|'));
      }
      text = trie.convert(text);
    }
    return text;
  };
}
