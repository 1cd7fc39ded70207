/**
 * Loads a glossary from YAML text. Pure: the caller reads the file and passes its text and a
 * label (the path) for messages.
 *
 * Validation has two layers. The JSON Schema (glossary/glossary.schema.json) is the single
 * definition of the format: ajv checks the document against it, so the schema and the loader
 * cannot disagree. Then the checks a schema cannot express: unknown speech ids, duplicate
 * concepts, duplicate speeches. Each problem carries the line and column of the offending node.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import schema from '../../../../glossary/glossary.schema.json';
import type { Appearance, Concept, Glossary, Rendering, Source, Speech } from '../glossary/model';
import { readBlockYaml, writeBlockYaml } from './yamlBlock';
import { ajvLibrary, yamlLibrary } from '../libraries';

export interface GlossaryProblem {
  severity: 'error' | 'warning';
  message: string;
  /** UTF-16 offsets into the glossary text. */
  start: number;
  end: number;
  /** 1-based, for messages. */
  line: number;
  column: number;
}

export interface GlossaryLoadResult {
  glossary: Glossary;
  problems: GlossaryProblem[];
}

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  // Compiled once, lazily: compiling costs a few milliseconds the server should not pay twice.
  validator ??= new (ajvLibrary().default)({ allErrors: true, strict: false }).compile(schema);
  return validator;
}

/** Limits that keep a hostile glossary from exhausting memory (alias bombs). */
const MAX_ALIAS_COUNT = 100;

/** Glossaries larger than this are refused: no real glossary comes near it. */
export const MAX_GLOSSARY_CHARS = 20 * 1024 * 1024;

export function loadGlossaryYaml(text: string): GlossaryLoadResult {
  if (text.length > MAX_GLOSSARY_CHARS) {
    return { glossary: emptyResultGlossary(), problems: [{ severity: 'error', message: `The glossary is ${(text.length / 1048576).toFixed(1)} M characters long, over the 20 M a glossary may have: it is not loaded.`, start: 0, end: 0, line: 1, column: 1 }] };
  }
  try {
    return loadUnguarded(text);
  } catch (e) {
    // Hostile structure (nesting deep enough to exhaust the stack, for one): refuse, do not crash.
    const reason = e instanceof RangeError ? 'it is nested too deeply' : firstLine((e as Error).message ?? String(e));
    return { glossary: emptyResultGlossary(), problems: [{ severity: 'error', message: `The glossary cannot be read: ${reason}.`, start: 0, end: 0, line: 1, column: 1 }] };
  }
}

function loadUnguarded(text: string): GlossaryLoadResult {
  // Created with the document the yaml library parses (only that gives positions).
  let lineCounter: LineCounter | undefined;
  // A BOM is not part of the YAML; offsets stay those of `text`, lines and columns those an
  // editor shows (which hides the BOM).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const problems: GlossaryProblem[] = [];
  const problem = (severity: GlossaryProblem['severity'], message: string, start: number, end: number) => {
    parsed();
    const pos = lineCounter!.linePos(start);
    problems.push({ severity, message, start: start + bom, end: Math.max(end, start) + bom, line: pos.line, column: pos.col });
  };

  // Block-style YAML (what tifa export writes) is read by a fast reader; anything else, and the
  // positions of any problem, by the yaml library.
  let doc: Document | undefined;
  const parsed = (): Document => {
    if (!doc) {
      const { LineCounter, parseDocument } = yamlLibrary();
      lineCounter = new LineCounter();
      doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
    }
    return doc;
  };
  let data: unknown = readBlockYaml(source);
  if (data === undefined) {
    for (const e of parsed().errors) {
      const deep = /Maximum call stack size exceeded/.test(e.message);
      problem('error', deep ? 'The glossary is nested too deeply to be read.' : `YAML syntax: ${firstLine(e.message)}`, e.pos[0], e.pos[1]);
    }
    for (const w of parsed().warnings) problem('warning', `YAML: ${firstLine(w.message)}`, w.pos[0], w.pos[1]);
    if (parsed().errors.length > 0) return { glossary: emptyResultGlossary(), problems };
    try {
      data = parsed().toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = (e as Error).message ?? '';
      if (/alias/i.test(message)) {
        // An "alias bomb": a few lines that expand to millions of values.
        const at = source.search(/\*[A-Za-z0-9_-]/);
        problem('error', `Too many aliases (*name): this glossary would expand to more than ${MAX_ALIAS_COUNT} copies and is not loaded.`, Math.max(0, at), Math.max(0, at) + 1);
      } else problem('error', `YAML: ${firstLine(message)}`, 0, 0);
      return { glossary: emptyResultGlossary(), problems };
    }
  }

  const check = validate();
  const badConcepts = new Set<number>();
  const badSpeeches = new Set<number>();
  if (!check(data)) {
    const said = new Set<string>();
    for (const err of dedupeErrors(check.errors ?? [])) {
      const path = pointerToPath(err.instancePath);
      const [start, end] = errorRange(parsed(), path, err);
      const message = describeError(err, path, data);
      // Several schema keywords can describe one mistake ("" fails minLength and pattern).
      if (said.has(`${start}|${message}`)) continue;
      said.add(`${start}|${message}`);
      problem('error', message, start, end);
      if (path[0] === 'concepts' && typeof path[1] === 'number') badConcepts.add(path[1]);
      else if (path[0] === 'speeches' && typeof path[1] === 'number') badSpeeches.add(path[1]);
      else if (path.length === 0 || typeof path[1] !== 'number') {
        // The document itself is not a glossary: nothing in it can be trusted.
        return { glossary: emptyResultGlossary(), problems };
      }
    }
  }

  const raw = data as { name?: string; description?: string; source?: string; sources?: Source[]; speeches?: Speech[]; concepts?: RawConcept[] };
  const glossary: Glossary = { name: raw.name, description: raw.description, source: raw.source, speeches: new Map(), concepts: [] };
  if (raw.sources?.length) glossary.sources = raw.sources;

  (raw.speeches ?? []).forEach((speech, i) => {
    if (badSpeeches.has(i)) return;
    if (glossary.speeches.has(speech.id)) {
      const [s, e] = nodeRange(parsed(), ['speeches', i, 'id']);
      problem('error', `Duplicate speech "${speech.id}": another speech above has the same id.`, s, e);
      return;
    }
    glossary.speeches.set(speech.id, speech);
  });

  const ids = new Set<string>();
  const forms = new Map<string, string>();
  (raw.concepts ?? []).forEach((c, i) => {
    if (badConcepts.has(i)) return;
    if (ids.has(c.id)) {
      const [s, e] = nodeRange(parsed(), ['concepts', i, 'id']);
      problem('error', `Duplicate concept "${c.id}": another concept above has the same id.`, s, e);
      return;
    }
    let ok = true;
    (c.zh ?? []).forEach((form, j) => {
      const owner = forms.get(form.trim());
      if (owner !== undefined) {
        const [s, e] = nodeRange(parsed(), ['concepts', i, 'zh', j]);
        problem('error', `Duplicate concept: "${form}" is already a form of concept "${owner}".`, s, e);
        ok = false;
      }
    });
    (c.appearances ?? []).forEach((a, j) => {
      if (!glossary.speeches.has(a.speech)) {
        const [s, e] = nodeRange(parsed(), ['concepts', i, 'appearances', j, 'speech']);
        const known = [...glossary.speeches.keys()];
        problem('error', `Unknown speech "${a.speech}": it is not listed under "speeches"${known.length ? ` (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : ''}.`, s, e);
        ok = false;
      }
    });
    if (!ok) return;
    ids.add(c.id);
    for (const form of c.zh ?? []) forms.set(form.trim(), c.id);
    glossary.concepts.push(toConcept(c));
  });

  problems.sort((a, b) => a.start - b.start);
  return { glossary, problems };
}

interface RawConcept {
  id: string;
  kind?: Concept['kind'];
  zh?: string[];
  pinyin?: string;
  en?: Rendering[];
  appearances?: Appearance[];
  note?: string;
}

function toConcept(c: RawConcept): Concept {
  return {
    id: c.id,
    kind: c.kind,
    zh: (c.zh ?? []).map((s) => s.trim()),
    pinyin: c.pinyin,
    en: (c.en ?? []).map((r) => ({ ...r, text: r.text.trim() })),
    appearances: c.appearances ?? [],
    note: c.note,
  };
}

function emptyResultGlossary(): Glossary {
  return { speeches: new Map(), concepts: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

type Path = Array<string | number>;

function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/** anyOf/required pairs produce several errors for one mistake; keep the one a person can act on. */
function dedupeErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'required' && anyOfPaths.has(e.instancePath) && /anyOf/.test(e.schemaPath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeError(err: ErrorObject, path: Path, data: unknown): string {
  const where = describePath(path, data);
  const field = path.length ? String(path[path.length - 1]) : '';
  switch (err.keyword) {
    case 'enum': {
      const allowed = (err.params as { allowedValues: string[] }).allowedValues;
      const found = valueAt(data, path);
      if (field === 'status') return `Unknown status ${JSON.stringify(found)} in ${where}: use ${orList(allowed)}.`;
      return `${where}: ${JSON.stringify(found)} is not one of ${orList(allowed)}.`;
    }
    case 'required':
      return `${capitalize(where)} is missing "${(err.params as { missingProperty: string }).missingProperty}".`;
    case 'anyOf':
      return `${capitalize(where)} needs a Chinese form (zh) or an English rendering (en).`;
    case 'additionalProperties':
      return `Unknown field "${(err.params as { additionalProperty: string }).additionalProperty}" in ${where}.`;
    case 'minLength':
    case 'pattern':
      if (err.schemaPath.includes('/id/')) return `${capitalize(where)}: an id uses letters, digits, ".", "_" and "-", and starts with a letter or digit.`;
      if (field === 'date') return `${capitalize(where)}: write the date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source gives it.`;
      return `Empty ${where}: it must contain text.`;
    case 'minItems':
      return `Empty list in ${where}: give at least one item or leave the field out.`;
    case 'minProperties':
      return `Empty ${where}: give "en", "zh" or both.`;
    case 'type':
      return `${capitalize(where)} must be ${article((err.params as { type: string }).type)}, not ${article(typeName(valueAt(data, path)))}.`;
    case 'const':
      return `${capitalize(where)} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}.`;
    default:
      return `${capitalize(where)}: ${err.message ?? 'invalid'}.`;
  }
}

/** "rendering 2 of concept "cyber-superpower"" rather than "/concepts/0/en/1". */
function describePath(path: Path, data: unknown): string {
  if (path.length === 0) return 'the glossary';
  const [top, index, field, sub, subField] = path;
  if (top === 'concepts' && typeof index === 'number') {
    const id = (valueAt(data, ['concepts', index, 'id']) as string | undefined) ?? `#${index + 1}`;
    const concept = `concept "${id}"`;
    if (field === undefined) return concept;
    if (field === 'zh' && typeof sub === 'number') return `Chinese form ${sub + 1} of ${concept}`;
    if (field === 'en' && typeof sub === 'number') {
      const text = valueAt(data, ['concepts', index, 'en', sub, 'text']);
      const r = typeof text === 'string' && text.trim() ? `rendering "${text}"` : `rendering ${sub + 1}`;
      return subField === undefined || subField === 'status' ? `${r} of ${concept}` : `"${subField}" of ${r} of ${concept}`;
    }
    if (field === 'appearances' && typeof sub === 'number') {
      return subField === undefined ? `appearance ${sub + 1} of ${concept}` : `"${subField}" of appearance ${sub + 1} of ${concept}`;
    }
    return `"${field}" of ${concept}`;
  }
  if (top === 'speeches' && typeof index === 'number') {
    const id = (valueAt(data, ['speeches', index, 'id']) as string | undefined) ?? `#${index + 1}`;
    const speech = `speech "${id}"`;
    if (field === undefined) return speech;
    return `"${path.slice(2).join('.')}" of ${speech}`;
  }
  return `"${path.join('.')}"`;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

function article(type: string): string {
  const t = type === 'array' ? 'list' : type === 'object' ? 'mapping' : type;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function nodeAt(doc: Document, path: Path): YamlNode | undefined {
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as YamlNode) : undefined;
}

/** The range of the node at path, or of the nearest ancestor that exists. */
function nodeRange(doc: Document, path: Path): [number, number] {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : nodeAt(doc, path.slice(0, n));
    if (node?.range) {
      // A mapping or list spans many lines; point at its first line only.
      if (isMap(node) || isSeq(node)) {
        const first = node.items[0];
        const key = isPair(first) ? first.key : first;
        const start = node.range[0];
        const end = isScalar(key) && key.range ? key.range[1] : start + 1;
        return [start, end];
      }
      return [node.range[0], node.range[1]];
    }
  }
  return [0, 0];
}

function errorRange(doc: Document, path: Path, err: ErrorObject): [number, number] {
  const { isMap, isScalar } = yamlLibrary();
  if (err.keyword === 'additionalProperties') {
    const parent = path.length === 0 ? doc.contents : nodeAt(doc, path);
    const name = (err.params as { additionalProperty: string }).additionalProperty;
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && pair.key.value === name && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
      }
    }
  }
  return nodeRange(doc, path);
}

/** The glossary model back to Tifa's YAML format (for export and TBX/CSV conversion). */
export function exportYaml(glossary: Glossary): string {
  const doc: Record<string, unknown> = { version: 1 };
  if (glossary.name) doc.name = glossary.name;
  if (glossary.description) doc.description = glossary.description;
  if (glossary.source) doc.source = glossary.source;
  if (glossary.sources?.length) doc.sources = glossary.sources;
  if (glossary.speeches.size) doc.speeches = [...glossary.speeches.values()];
  doc.concepts = glossary.concepts.map((c) => {
    const o: Record<string, unknown> = { id: c.id };
    if (c.kind) o.kind = c.kind;
    if (c.zh.length) o.zh = c.zh;
    if (c.pinyin) o.pinyin = c.pinyin;
    if (c.en.length) o.en = c.en;
    if (c.appearances.length) o.appearances = c.appearances;
    if (c.note) o.note = c.note;
    return o;
  });
  return '# Tifa glossary (exported)\n' + writeBlockYaml(doc as Parameters<typeof writeBlockYaml>[0]);
}
