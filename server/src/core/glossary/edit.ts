/**
 * The edit that adds a rendering to a workspace glossary file, as text insertions: every other
 * byte of the file (comments, order, blank lines, quoting) stays as it is, which re-serializing
 * the YAML could not promise.
 */
import type { YAMLMap, YAMLSeq } from 'yaml';
import { yamlLibrary } from '../libraries';

export interface TextInsertion {
  offset: number;
  text: string;
}

export const WORKSPACE_GLOSSARY_HEADER = `# Tifa workspace glossary: renderings your team admits or prefers.
# It extends the built-in glossary concept by concept (matched by id or Chinese form).
version: 1
concepts:
`;

/** Every scalar written is double-quoted: a JSON string is a valid YAML double-quoted scalar, so
 *  no id or text (a line break, "#", ": ", a leading "&" or "!") can become YAML structure. */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Who says so and where it comes from, written with a rendering (a translation memory's, for one). */
export interface RenderingOrigin {
  authority?: string;
  source?: string;
}

function renderingItem(text: string, status: string, origin: RenderingOrigin): string {
  const more = [origin.authority ? `, authority: ${yamlString(origin.authority)}` : '', origin.source ? `, source: ${yamlString(origin.source)}` : ''].join('');
  return `{ text: ${yamlString(text)}, status: ${status}${more} }`;
}

function entry(conceptId: string, text: string, status: string, indent: string, zh: string[] = [], origin: RenderingOrigin = {}): string {
  const forms = zh.length ? `${indent}  zh: [${zh.map(yamlString).join(', ')}]\n` : '';
  return `${indent}- id: ${yamlString(conceptId)}\n${forms}${indent}  en:\n${indent}    - ${renderingItem(text, status, origin)}\n`;
}

/**
 * Insertions that add { text, status } to the concept conceptId in the glossary `existing`
 * (undefined: the file does not exist yet, and the whole file is the insertion).
 */
export function addRenderingInsertions(existing: string | undefined, conceptId: string, text: string, status: 'admitted' | 'preferred' | 'deprecated', zh: string[] = [], origin: RenderingOrigin = {}): TextInsertion[] {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlLibrary();
  if (existing === undefined || existing.trim() === '') return [{ offset: 0, text: WORKSPACE_GLOSSARY_HEADER + entry(conceptId, text, status, '  ', zh, origin) }];
  const lineCounter = new LineCounter();
  const doc = parseDocument(existing, { lineCounter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('the workspace glossary has errors; fix them first');
  const root = doc.contents as YAMLMap;
  const concepts = root.get('concepts', true);
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lf = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, '\r\n'));
  const atLineEnd = (offset: number) => {
    // After the line holding `offset`, so the insertion starts a line of its own.
    const nl = existing.indexOf('\n', offset);
    return nl < 0 ? existing.length : nl + 1;
  };
  const prefix = (offset: number) => (offset === existing.length && !existing.endsWith('\n') ? eol : '');

  if (!isSeq(concepts) || concepts.flow) {
    // No concepts list (or a flow list): add one at the end of the file.
    if (concepts !== undefined) throw new Error('"concepts" is not a block list; add the rendering by hand');
    const at = existing.length;
    return [{ offset: at, text: prefix(at) + lf(`concepts:\n${entry(conceptId, text, status, '  ', zh, origin)}`) }];
  }
  const seq = concepts as YAMLSeq;
  const concept = seq.items.find((c) => isMap(c) && (c as YAMLMap).get('id') === conceptId) as YAMLMap | undefined;
  const indentOf = (offset: number) => {
    const lineStart = existing.lastIndexOf('\n', offset - 1) + 1;
    return ' '.repeat(offset - lineStart);
  };
  if (!concept) {
    const last = seq.items[seq.items.length - 1] as YAMLMap | undefined;
    const itemIndent = last?.range ? indentOf(last.range[0]).slice(0, -2) : '  ';
    const at = last?.range ? atLineEnd(last.range[1] - 1) : atLineEnd(seq.range![0]);
    return [{ offset: at, text: prefix(at) + lf(entry(conceptId, text, status, itemIndent, zh, origin)) }];
  }
  const en = concept.get('en', true);
  const item = renderingItem(text, status, origin);
  if (isSeq(en) && en.flow) {
    // [a, b] → [a, b, item], after the last item: a trailing comma is reused, line breaks and
    // comments inside the brackets stay as they are.
    const open = en.range![0];
    const close = flowEnd(existing, en.range!);
    const last = en.items[en.items.length - 1] as { range?: [number, number, number] } | undefined;
    if (!last?.range) return [{ offset: open + 1, text: item }];
    const between = existing.slice(last.range[1], close);
    const comma = stripComments(between).indexOf(',');
    return comma >= 0 ? [{ offset: last.range[1] + comma + 1, text: ` ${item}` }] : [{ offset: last.range[1], text: `, ${item}` }];
  }
  if (isSeq(en) && en.items.length > 0) {
    const lastItem = en.items[en.items.length - 1] as { range?: [number, number, number] };
    const dashIndent = indentOf(en.range![0]); // a block list starts at its first dash
    const at = atLineEnd(lastItem.range![1] - 1);
    return [{ offset: at, text: prefix(at) + lf(`${dashIndent}- ${item}\n`) }];
  }
  // No renderings yet: add an `en:` key after the concept's first line.
  const keyIndent = indentOf(concept.range![0]);
  const firstKey = concept.items[0];
  const after = isScalar(firstKey?.value) && firstKey.value.range ? atLineEnd(firstKey.value.range[1] - 1) : atLineEnd(concept.range![0]);
  if (en !== undefined) throw new Error(`"en" of concept "${conceptId}" is not a list; add the rendering by hand`);
  return [{ offset: after, text: prefix(after) + lf(`${keyIndent}en:\n${keyIndent}  - ${item}\n`) }];
}

/** The closing bracket of a flow collection whose node range is `range`. */
function flowEnd(text: string, range: readonly number[]): number {
  const close = text.lastIndexOf(']', range[1] - 1);
  return close >= range[0] ? close : range[1];
}

/** Comments blanked out (same length), so that a comma or bracket inside one is not taken for syntax. */
function stripComments(s: string): string {
  return s.replace(/(^|\s)#[^\r\n]*/g, (m) => ' '.repeat(m.length));
}

/**
 * Checks the glossary text after an addition, before it is written: it must parse without
 * errors, still hold every concept it held, and now hold the rendering in the concept.
 * Returns why it is refused, or undefined.
 */
export function checkGlossaryAddition(before: string | undefined, after: string, conceptId: string, text: string): string | undefined {
  const { parseDocument } = yamlLibrary();
  const doc = parseDocument(after, { uniqueKeys: true });
  if (doc.errors.length) return `the result would not be valid YAML (${doc.errors[0].message.split('\n')[0]}); add the rendering by hand`;
  const ids = (y: unknown): string[] => {
    const root = y as { concepts?: Array<{ id?: unknown }> } | null;
    return Array.isArray(root?.concepts) ? root!.concepts!.map((c) => String(c?.id)) : [];
  };
  const afterJs = doc.toJS() as { concepts?: Array<{ id?: unknown; en?: Array<{ text?: unknown }> }> };
  const oldIds = before ? ids(parseDocument(before).toJS()) : [];
  const newIds = ids(afterJs);
  if (oldIds.some((id) => !newIds.includes(id))) return 'a concept would be lost; add the rendering by hand';
  const concept = afterJs.concepts?.find((c) => String(c?.id) === conceptId);
  if (!concept || !Array.isArray(concept.en) || !concept.en.some((r) => r?.text === text)) return `the concept "${conceptId}" would not hold the rendering; add it by hand`;
  return undefined;
}

export function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
  let out = text;
  for (const ins of [...insertions].sort((a, b) => b.offset - a.offset)) out = out.slice(0, ins.offset) + ins.text + out.slice(ins.offset);
  return out;
}

/** A concept written without English (a candidate from the record): its Chinese form and where the record first has it. */
export interface NewConcept {
  id: string;
  zh: string;
  note?: string;
  /** Speeches (documents) the appearances name, written under `speeches` unless already there. */
  speeches: Array<{ id: string; date?: string; title: string; source?: string }>;
  appearances: Array<{ speech: string; zh: string }>;
}

function conceptEntry(c: NewConcept, indent: string): string {
  const lines = [`${indent}- id: ${yamlString(c.id)}`, `${indent}  zh: [${yamlString(c.zh)}]`];
  if (c.note) lines.push(`${indent}  note: ${yamlString(c.note)}`);
  if (c.appearances.length) {
    lines.push(`${indent}  appearances:`);
    for (const a of c.appearances) lines.push(`${indent}    - { speech: ${yamlString(a.speech)}, zh: ${yamlString(a.zh)} }`);
  }
  return lines.join('\n') + '\n';
}

function speechEntry(s: NewConcept['speeches'][number], indent: string): string {
  const fields = [`id: ${yamlString(s.id)}`, `short: { zh: ${yamlString(s.title)} }`, ...(s.date ? [`date: ${yamlString(s.date)}`] : []), ...(s.source ? [`source: ${yamlString(s.source)}`] : [])];
  return `${indent}- { ${fields.join(', ')} }\n`;
}

/**
 * Insertions that add a new concept (and the speeches its appearances name) to the glossary
 * `existing`, every other byte kept. Refused when the concept's id is taken, or when `concepts`
 * or `speeches` is not a block list.
 */
export function addConceptInsertions(existing: string | undefined, concept: NewConcept): TextInsertion[] {
  const { isMap, isSeq, parseDocument } = yamlLibrary();
  if (existing === undefined || existing.trim() === '') {
    const speeches = concept.speeches.length ? `speeches:\n${concept.speeches.map((s) => speechEntry(s, '  ')).join('')}` : '';
    return [{ offset: 0, text: WORKSPACE_GLOSSARY_HEADER.replace(/concepts:\n$/, '') + speeches + 'concepts:\n' + conceptEntry(concept, '  ') }];
  }
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('the workspace glossary has errors; fix them first');
  const root = doc.contents as YAMLMap;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lf = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, '\r\n'));
  const lineEnd = (offset: number) => {
    const nl = existing.indexOf('\n', offset);
    return nl < 0 ? existing.length : nl + 1;
  };
  const out: TextInsertion[] = [];
  let tail = '';
  const addTo = (key: string, entries: (indent: string) => string) => {
    const seq = root.get(key, true);
    if (seq === undefined) {
      tail += `${key}:\n${entries('  ')}`;
      return;
    }
    if (!isSeq(seq) || (seq as YAMLSeq).flow) throw new Error(`"${key}" is not a block list; add the formulation by hand`);
    const items = (seq as YAMLSeq).items as Array<{ range?: [number, number, number] }>;
    const last = items[items.length - 1];
    if (!last?.range) {
      tail += `${key}:\n${entries('  ')}`;
      return;
    }
    const lineStart = existing.lastIndexOf('\n', last.range[0] - 1) + 1;
    const dash = existing.lastIndexOf('-', last.range[0]);
    const indent = ' '.repeat(Math.max(0, (dash >= lineStart ? dash : last.range[0] - 2) - lineStart));
    out.push({ offset: lineEnd(last.range[1] - 1), text: lf(entries(indent)) });
  };
  const concepts = root.get('concepts', true);
  if (isSeq(concepts) && (concepts as YAMLSeq).items.some((c) => isMap(c) && (c as YAMLMap).get('id') === concept.id)) throw new Error(`the glossary already has a concept "${concept.id}"`);
  const speechSeq = root.get('speeches', true);
  const known = new Set(isSeq(speechSeq) ? (speechSeq as YAMLSeq).items.map((s) => (isMap(s) ? String((s as YAMLMap).get('id')) : '')) : []);
  const newSpeeches = concept.speeches.filter((s) => !known.has(s.id));
  if (newSpeeches.length) addTo('speeches', (indent) => newSpeeches.map((s) => speechEntry(s, indent)).join(''));
  addTo('concepts', (indent) => conceptEntry(concept, indent));
  if (tail) {
    const at = existing.length;
    out.push({ offset: at, text: (existing.endsWith('\n') ? '' : eol) + lf(tail) });
  }
  return out;
}

/** Checks a concept addition before it is written: valid YAML, every concept kept, the new one there with its form. */
export function checkConceptAddition(before: string | undefined, after: string, zh: string): string | undefined {
  const { parseDocument } = yamlLibrary();
  const doc = parseDocument(after, { uniqueKeys: true });
  if (doc.errors.length) return `the result would not be valid YAML (${doc.errors[0].message.split('\n')[0]}); add the formulation by hand`;
  const concepts = (y: unknown) => ((y as { concepts?: Array<{ id?: unknown; zh?: unknown }> } | null)?.concepts ?? []);
  const oldIds = before ? concepts(parseDocument(before).toJS()).map((c) => String(c?.id)) : [];
  const now = concepts(doc.toJS());
  if (oldIds.some((id) => !now.some((c) => String(c?.id) === id))) return 'a concept would be lost; add the formulation by hand';
  if (!now.some((c) => Array.isArray(c?.zh) && c.zh.includes(zh))) return `${zh} would not be in the glossary; add it by hand`;
  return undefined;
}
