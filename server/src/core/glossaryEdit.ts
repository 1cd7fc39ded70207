/**
 * The edit that adds a rendering to a workspace glossary file, as text insertions: every other
 * byte of the file (comments, order, blank lines, quoting) stays as it is, which re-serializing
 * the YAML could not promise.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

export interface TextInsertion {
  offset: number;
  text: string;
}

export const WORKSPACE_GLOSSARY_HEADER = `# Tifa workspace glossary: renderings your team admits or prefers.
# It extends the built-in glossary concept by concept (matched by id or Chinese form).
version: 1
concepts:
`;

function yamlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

function entry(conceptId: string, text: string, status: string, indent: string, zh: string[] = []): string {
  const forms = zh.length ? `${indent}  zh: [${zh.map(yamlString).join(', ')}]\n` : '';
  return `${indent}- id: ${conceptId}\n${forms}${indent}  en:\n${indent}    - { text: ${yamlString(text)}, status: ${status} }\n`;
}

/**
 * Insertions that add { text, status } to the concept conceptId in the glossary `existing`
 * (undefined: the file does not exist yet, and the whole file is the insertion).
 */
export function addRenderingInsertions(existing: string | undefined, conceptId: string, text: string, status: 'admitted' | 'preferred' | 'deprecated', zh: string[] = []): TextInsertion[] {
  if (existing === undefined || existing.trim() === '') return [{ offset: 0, text: WORKSPACE_GLOSSARY_HEADER + entry(conceptId, text, status, '  ', zh) }];
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
    return [{ offset: at, text: prefix(at) + lf(`concepts:\n${entry(conceptId, text, status, '  ', zh)}`) }];
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
    return [{ offset: at, text: prefix(at) + lf(entry(conceptId, text, status, itemIndent, zh)) }];
  }
  const en = concept.get('en', true);
  const item = `{ text: ${yamlString(text)}, status: ${status} }`;
  if (isSeq(en) && en.flow) {
    // [ a, b ] → [ a, b, item ]: insert before the closing bracket.
    const close = existing.lastIndexOf(']', en.range![1]);
    const inner = existing.slice(en.range![0] + 1, close).trim();
    return [{ offset: close, text: inner ? `, ${item}` : item }];
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

export function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
  let out = text;
  for (const ins of [...insertions].sort((a, b) => b.offset - a.offset)) out = out.slice(0, ins.offset) + ins.text + out.slice(ins.offset);
  return out;
}
