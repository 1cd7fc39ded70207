/**
 * Translation units from bilingual files: XLIFF 1.2/2.0 and TMX (the drafts' own XML reader),
 * two-column CSV/TSV as CAT tools export them, and parallel files (name.zh.md beside
 * name.en.md, paragraphs paired in order). A unit is a Chinese source and its English target,
 * with the target's range in its file so that an example or a related location can point at it.
 */
import { paragraphs } from '../checks/consistency';
import { parseCsv } from '../formats/csv';
import { markdownNonProse, mask } from '../text/markup';
import type { MappedText } from '../text/mappedText';
import { parseBilingualXml, parseBilingualXmlOnce } from '../text/xmlSegments';

export interface MemoryUnit {
  zh: string;
  en: string;
  /** The English target's [start, end) in its file (UTF-16). */
  target: [number, number];
  /** The source's [start, end) in its file (for parallel files, in the Chinese file). */
  source: [number, number];
  /** XLIFF and TMX: maps the target text's offsets to the file (for findings in an open document). */
  targetMap?: MappedText;
}

export type MemoryFormat = 'xliff' | 'tmx' | 'csv' | 'tsv';

/** The memory format of a file by its name; parallel files are paired by the caller. */
export function memoryFormat(path: string): MemoryFormat | undefined {
  const p = path.toLowerCase();
  if (/\.(xlf|xliff|sdlxliff|mqxliff|mxliff|txlf)$/.test(p)) return 'xliff';
  if (p.endsWith('.tmx')) return 'tmx';
  if (p.endsWith('.csv')) return 'csv';
  if (p.endsWith('.tsv')) return 'tsv';
  return undefined;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

/** Units of a bilingual file; `keepMaps` keeps each target's offset map (an open document's). */
export function memoryUnits(text: string, format: MemoryFormat, keepMaps = false): MemoryUnit[] {
  return readMemoryText(text, format, keepMaps).units;
}

/** The units, and what in the file could not be read (XML nested too deep, a DOCTYPE ignored). */
export function readMemoryText(text: string, format: MemoryFormat, keepMaps = false): { units: MemoryUnit[]; problems: string[] } {
  if (format === 'xliff' || format === 'tmx') return xmlUnits(text, format, keepMaps);
  return { units: csvUnits(text, format === 'tsv' ? '\t' : ','), problems: [] };
}

function xmlUnits(text: string, format: 'xliff' | 'tmx', keepMaps: boolean): { units: MemoryUnit[]; problems: string[] } {
  const out: MemoryUnit[] = [];
  // An open document's: the lint has just parsed the same text (kept, read-only). A memory file's is
  // parsed afresh, so that a large file's parse is not kept after its units are taken.
  const xml = keepMaps ? parseBilingualXmlOnce(text, format) : parseBilingualXml(text, format);
  for (const pair of xml.pairs) {
    const zh = pair.segments.find((s) => s.lang.toLowerCase().startsWith('zh'));
    const en = pair.segments.find((s) => s.lang.toLowerCase().startsWith('en'));
    if (!zh || !en) continue;
    const enText = en.text.text;
    if (!enText.trim() || !zh.text.text.trim()) continue;
    out.push({ zh: zh.text.text, en: enText, target: [en.start, en.end], source: [zh.start, zh.end], ...(keepMaps ? { targetMap: en.text } : {}) });
  }
  return { units: out, problems: xml.problems.map((p) => p.message) };
}

/**
 * Two columns, Chinese and English, in either order (the column whose cells hold Chinese is the
 * source); a header row (no Chinese in it) is skipped, and so is any row without both languages.
 * Further columns (notes, ids) are ignored.
 */
function csvUnits(text: string, delimiter: string): MemoryUnit[] {
  const rows = parseCsv(text, delimiter);
  // Which column is Chinese: the first whose cells most often hold CJK, the English one the next with Latin letters.
  const cjk: number[] = [];
  const latin: number[] = [];
  for (const row of rows.slice(0, 200)) {
    row.forEach((f, i) => {
      if (CJK.test(f.value)) cjk[i] = (cjk[i] ?? 0) + 1;
      else if (LATIN.test(f.value)) latin[i] = (latin[i] ?? 0) + 1;
    });
  }
  const zhCol = argmax(cjk);
  const enCol = argmax(latin.map((n, i) => (i === zhCol ? 0 : n)));
  if (zhCol < 0 || enCol < 0) return [];
  const out: MemoryUnit[] = [];
  for (const row of rows) {
    const zh = row[zhCol];
    const en = row[enCol];
    if (!zh || !en || !CJK.test(zh.value) || !LATIN.test(en.value)) continue;
    out.push({ zh: zh.value, en: en.value, target: [en.start, en.start + fieldLength(text, en.start, delimiter)], source: [zh.start, zh.start + fieldLength(text, zh.start, delimiter)] });
  }
  return out;
}

/** A field's length in the file, quotes included. */
function fieldLength(text: string, start: number, delimiter: string): number {
  let i = start;
  if (text[i] === '"') {
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) return text.length - start;
      if (text[q + 1] === '"') i = q + 2;
      else {
        i = q + 1;
        break;
      }
    }
  }
  while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
  return i - start;
}

function argmax(counts: number[]): number {
  let best = -1;
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) > 0 && (best < 0 || counts[i] > counts[best])) best = i;
  return best;
}

/**
 * A Chinese file and its English counterpart, paragraph by paragraph: units only when the
 * paragraph counts agree (otherwise which paragraph renders which is a guess, and none is made).
 */
export function parallelUnits(zhText: string, zhMarkdown: boolean, enText: string, enMarkdown: boolean): MemoryUnit[] | undefined {
  const zhProse = zhMarkdown ? mask(zhText, markdownNonProse(zhText)) : zhText;
  const enProse = enMarkdown ? mask(enText, markdownNonProse(enText)) : enText;
  const zp = paragraphs(zhProse);
  const ep = paragraphs(enProse);
  if (zp.length !== ep.length) return undefined;
  return zp.map(([zs, ze], i) => {
    const [es, ee] = ep[i];
    return { zh: zhProse.slice(zs, ze), en: enProse.slice(es, ee), target: [es, ee] as [number, number], source: [zs, ze] as [number, number] };
  });
}
