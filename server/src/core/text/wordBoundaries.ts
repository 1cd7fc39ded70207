/**
 * Chinese word boundaries around a match: a formulation found inside a longer word that merely
 * contains its characters (创新发展理念 "innovate the development concept" holds 新发展理念; 更新
 * in 更新发展理念) is not that formulation. The words come from ICU's dictionary segmenter, built
 * into the JavaScript runtime (Intl.Segmenter), asked only about a few characters either side of
 * each Chinese match, so the cost follows the matches, not the text. (Over one 387,000-character
 * string it takes minutes; over a window of 20 characters, microseconds.)
 *
 * Why ICU and not jieba: over the same 2,988 windows (below, those with a Han character either
 * side), @node-rs/jieba 2.0.3 (its own dictionary) cut 227 to 238 matches, with or without its HMM,
 * most of them wrongly (社会主义市场经济 inside 经济体制, 改革开放 after 推进); ICU cut 11, 7 of them
 * right. jieba took about 23 µs a window against ICU's 50, but needs a native binary and 300 ms
 * to load its dictionary. (Measured 2026-11-29 with a script kept out of the project.)
 *
 * Decided cases, each in test/unit/wordBoundaries.test.ts:
 * - 非核心技术: ICU reads 非 | 核心 | 技术, so 核心技术 is found there; a negated formulation is
 *   still the formulation, and the hover tells what it is.
 * - A one-character preposition or particle glued to the match's first character is not a
 *   longer word: ICU reads 以为人民服务为核心 as 以为 ("think") | 人民 …, but it says 以 | 为人民服务.
 *   Over the 154 texts of the shared corpus (3,490 occurrences of 28 formulations) the rule
 *   drops the 7 of 创新发展理念 and nothing else; without this exception, 4 right ones too.
 */
const WINDOW = 8;

/** Characters that stand alone before a formulation: prepositions, particles, copulas. */
const STANDALONE = new Set([...'以向在对把将为从是的和与及要于被让给由同跟比']);

/** Chinese numerals, simplified and traditional, and the zero of written-out years. */
const NUMERALS = new Set([...'〇零一二两三四五六七八九十百千万亿兩萬億']);

let segmenter: Intl.Segmenter | undefined;

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/**
 * Whether the match [start, end) of text begins or ends inside a longer Chinese word. Only a
 * Han character touching the match can make it so; anything else is a boundary already.
 */
export function cutsAWord(text: string, start: number, end: number): boolean {
  const before = start > 0 && isHan(text.charCodeAt(start - 1));
  const after = end < text.length && isHan(text.charCodeAt(end));
  if (!before && !after) return false;
  // A numeral touching a numeral is one number (九五 in 一九五二年, 十五 in 二十五), whatever ICU
  // makes of it: ICU reads written-out years one character at a time.
  if ((before && NUMERALS.has(text[start - 1]) && NUMERALS.has(text[start])) || (after && NUMERALS.has(text[end - 1]) && NUMERALS.has(text[end]))) return true;
  // Only the run of Han characters around the match matters (anything else ends a word), so the
  // window stops there; and the answer depends on the window alone: repeated phrasing (a list,
  // numbered paragraphs, a flood of one formulation) asks ICU once.
  let from = start;
  while (from > 0 && start - from < WINDOW && isHan(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW && isHan(text.charCodeAt(to))) to++;
  const window = text.slice(from, to);
  const key = `${start - from},${end - from},${window}`;
  let cut = answers.get(key);
  if (cut === undefined) {
    if (answers.size >= 4096) answers.clear();
    answers.set(key, (cut = segmentCuts(window, start - from, end - from, before, after)));
  }
  return cut;
}

const answers = new Map<string, boolean>();

/** ICU's words of the window: does one of them cross the match's start or end? */
function segmentCuts(window: string, start: number, end: number, before: boolean, after: boolean): boolean {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { index: s, segment } of segmenter.segment(window)) {
    const e = s + segment.length;
    if (before && s < start && e > start) {
      // 以为 | 人民: the part before the match is a word of its own.
      if (!(start - s === 1 && STANDALONE.has(window[s]))) return true;
    }
    if (after && s < end && e > end) return true;
    if (s >= end) break;
  }
  return false;
}
