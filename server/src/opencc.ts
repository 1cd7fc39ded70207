/**
 * OpenCC's dictionaries and converter (opencc-js), as the core's OpenCCData. Bundled as a file of
 * its own (dist/opencc.js), loaded only when a glossary form needs it: the built-in glossary's
 * forms and the folding tables are computed at build time.
 */
import { ConverterFactory } from 'opencc-js/core';
// Only the two locales used (simplified → Taiwan with phrases), not the full preset.
import fromCn from 'opencc-js/from/cn';
import toTwp from 'opencc-js/to/twp';
import CompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import type { OpenCCData } from './core';

export const openccData: OpenCCData = {
  // No Japanese dictionary: JPShinjitaiCharactersRev maps traditional to Japanese forms (經 → 経),
  // so traditional 經濟 folded to 経済 and never matched 经济; and folding Japanese forms the other
  // way would merge Chinese characters that differ (芸 and 藝).
  variants: [CompatibilityIdeographs, TWVariantsRev, HKVariantsRev],
  traditionalToSimplified: TSCharacters,
  taiwanPhrases: TWPhrases,
  toTaiwan: () => ConverterFactory(fromCn, toTwp),
};
