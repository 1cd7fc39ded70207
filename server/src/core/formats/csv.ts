/**
 * CSV and TSV glossaries: a header row names the columns, one row per rendering.
 *
 *   id, zh, pinyin, kind, en, status, authority (or source), note
 *
 * Rows are grouped into concepts by id, or failing that by their Chinese form; several Chinese
 * forms go in one cell separated by "|". UTF-8 with or without BOM, quoted fields (with "" for a
 * quote and line breaks inside), CRLF or LF, comma or tab (the header decides).
 *
 * The parser is hand-written: CSV libraries return values without the line and column of each
 * field, and a translator needs those to find a mistake in a file exported from a CAT tool.
 */
import type { GlossaryLoadResult, GlossaryProblem } from './yaml';
import { LineIndex } from '../text/lineIndex';
import { type Concept, type ConceptKind, type Glossary, type RenderingStatus, sourceLabel } from '../glossary/model';
import { statusFromTbx } from './tbx';

export interface CsvField {
  value: string;
  /** Offset of the field's first character in the file. */
  start: number;
}

/** Rows of fields with their offsets. */
export function parseCsv(text: string, delimiter: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i <= n) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.push({ value, start });
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    // End of line (CRLF, LF or CR) or of the file.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    if (!(row.length === 1 && row[0].value === '')) rows.push(row);
    row = [];
  }
  return rows;
}

/** The apostrophe an export put before a formula-like cell, taken off. */
function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const KINDS = new Set(['formulation', 'catchphrase', 'body', 'programme', 'term']);

export function importCsv(text: string): GlossaryLoadResult {
  const problems: GlossaryProblem[] = [];
  const lines = new LineIndex(text);
  const problem = (severity: GlossaryProblem['severity'], message: string, start: number, length = 1) => {
    problems.push({ severity, message, start, end: start + Math.max(1, length), ...lines.position(start) });
  };
  const glossary: Glossary = { speeches: new Map(), concepts: [] };
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows = parseCsv(text, delimiter);
  if (rows.length === 0) {
    problem('error', 'The file is empty: the first row must name the columns (zh, en, status…).', 0);
    return { glossary, problems };
  }
  const header = rows[0].map((f) => f.value.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const c = {
    id: col('id', 'concept', 'concept id'),
    zh: col('zh', 'zh-cn', 'zh-hans', 'chinese', 'source term', '中文'),
    pinyin: col('pinyin', '拼音'),
    kind: col('kind', 'type'),
    en: col('en', 'en-us', 'en-gb', 'english', 'target term', 'rendering', '英文'),
    status: col('status', 'administrativestatus', 'administrative status', '状态'),
    authority: col('authority', 'responsibility'),
    // Where the rendering comes from: a publication and date, written out.
    source: col('source', 'reference', '来源', '出处'),
    note: col('note', 'notes', 'comment', '说明'),
  };
  if (c.zh < 0 && c.en < 0) {
    problem('error', `No "zh" or "en" column: the first row must name the columns (found: ${header.join(', ')}).`, rows[0][0].start);
    return { glossary, problems };
  }
  const byKey = new Map<string, Concept>();
  // Concepts by Chinese form too: a row that names no id joins the concept holding its form,
  // found in one look-up (searching every concept for every row took 234 s for 100,000 rows).
  const byForm = new Map<string, Concept>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((f) => f.value.trim() === '')) continue; // a blank row, as spreadsheets export them
    const get = (i: number) => (i >= 0 && i < row.length ? unneutralize(row[i].value).trim() : '');
    const at = (i: number) => (i >= 0 && i < row.length ? row[i].start : row[0].start);
    const forms = get(c.zh).split('|').map((s) => s.trim()).filter(Boolean);
    const en = get(c.en);
    if (forms.length === 0 && !en && !get(c.id)) {
      problem('error', 'This row has neither a Chinese form (zh) nor an English rendering (en).', row[0].start);
      continue;
    }
    const key = get(c.id) || forms[0] || en.toLowerCase();
    let concept = byKey.get(key) ?? forms.map((f) => byForm.get(f)).find(Boolean);
    if (!concept) {
      const id = get(c.id) || `csv-${byKey.size + 1}`;
      if (get(c.id) && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) problem('error', `Concept id "${id}": an id uses letters, digits, ".", "_" and "-".`, at(c.id), id.length);
      concept = { id, zh: [], en: [], appearances: [] };
      byKey.set(key, concept);
      glossary.concepts.push(concept);
    }
    for (const f of forms) {
      if (!concept.zh.includes(f)) concept.zh.push(f);
      if (!byForm.has(f)) byForm.set(f, concept);
    }
    if (get(c.pinyin) && !concept.pinyin) concept.pinyin = get(c.pinyin);
    const kind = get(c.kind);
    if (kind) {
      if (KINDS.has(kind)) concept.kind = kind as ConceptKind;
      else problem('error', `Unknown kind "${kind}": use formulation, catchphrase, body, programme or term.`, at(c.kind), kind.length);
    }
    if (get(c.note) && !en) concept.note = concept.note ? `${concept.note} ${get(c.note)}` : get(c.note);
    if (!en) continue;
    const raw = get(c.status);
    let status: RenderingStatus | undefined = raw ? statusFromTbx(raw) : concept.en.some((r) => r.status === 'preferred') ? 'admitted' : 'preferred';
    if (!status) {
      problem('error', `Unknown status "${raw}" for "${en}": use preferred, admitted, deprecated or superseded.`, at(c.status), raw.length);
      status = 'admitted';
    }
    const existing = concept.en.find((r) => r.text.toLowerCase() === en.toLowerCase());
    const rendering = existing ?? { text: en, status };
    rendering.status = status;
    if (get(c.authority)) rendering.authority = get(c.authority);
    if (get(c.source)) rendering.source = get(c.source);
    if (get(c.note)) rendering.note = get(c.note);
    if (!existing) concept.en.push(rendering);
  }
  // A concept given only by id and a note, with no form or rendering in any row, cannot be matched.
  glossary.concepts = glossary.concepts.filter((x) => {
    if (x.zh.length || x.en.length) return true;
    problem('error', `Concept "${x.id}" has neither a Chinese form (zh) nor an English rendering (en) in any row.`, 0);
    return false;
  });
  return { glossary, problems };
}

/**
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) is prefixed with an apostrophe, as OWASP advises against CSV injection; the importer
 * takes that apostrophe off again, so a round trip loses nothing.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(s: string | undefined, delimiter: string): string {
  const raw = s ?? '';
  const v = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per rendering (or per concept without renderings); CRLF, as spreadsheets expect. */
export function exportCsv(glossary: Glossary, delimiter: ',' | '\t' = ','): string {
  const rows = [['id', 'zh', 'pinyin', 'kind', 'en', 'status', 'authority', 'source', 'note']];
  for (const c of glossary.concepts) {
    const base = [c.id, c.zh.join('|'), c.pinyin, c.kind];
    if (c.note || c.en.length === 0) rows.push([...base, '', '', '', '', c.note] as string[]);
    // A CSV has no list of sources: each rendering's is written out.
    for (const r of c.en) rows.push([...base, r.text, r.status, r.authority, r.source && sourceLabel(glossary, r.source), r.note] as string[]);
  }
  return rows.map((r) => r.map((v) => cell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
