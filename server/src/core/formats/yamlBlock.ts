/**
 * Block-style YAML, the shape `tifa export` writes and large generated glossaries have: nested
 * `key: value` mappings and `- item` lists, one scalar per line (plain, single- or double-quoted),
 * comments, `[]` and `{}`.
 *
 * Why by hand: reading 100,000 concepts (10 MB) took the `yaml` library 8 to 15 s and js-yaml
 * 1.7 s here, before any checking; this reader takes a fraction of a second (npm run bench,
 * yamlImport100kMs). It is only a fast path: anything outside that shape (flow collections,
 * anchors, tags, block scalars, multi-line scalars, quoted keys, duplicate keys, a value that
 * YAML would read as a boolean, null or a number other than a plain integer such as the
 * `version: 1` every glossary starts with) returns undefined, and the caller reads the
 * text with the `yaml` library, which also gives the positions that problems point at. The tests
 * compare both readers on every glossary in the project and on random documents.
 */

export type BlockValue = string | number | null | BlockValue[] | { [key: string]: BlockValue };

class NotBlock extends Error {}

function fail(): never {
  throw new NotBlock();
}

/** Plain scalars YAML's core schema reads as something other than a string: leave them to the library. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters a plain scalar may not start with (the writer quotes such strings). */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Printable for YAML (no C0/C1 controls but tab, no BOM, no surrogate halves). */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

function doubleQuoted(s: string): string {
  // s starts with ": the closing quote must be on this line, followed by nothing but a comment.
  let out = '';
  let i = 1;
  for (;;) {
    if (i >= s.length) fail();
    const c = s[i];
    if (c === '"') break;
    if (c === '\\') {
      const e = s[i + 1];
      if (e === 'x' || e === 'u' || e === 'U') {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = s.slice(i + 2, i + 2 + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) fail();
        out += String.fromCodePoint(code);
        i += 2 + n;
        continue;
      }
      if (e === undefined || !(e in ESCAPES)) fail();
      out += ESCAPES[e];
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  if (!/^[ \t]*(?:#.*)?$/.test(s.slice(i + 1)) || /^#/.test(s.slice(i + 1))) fail();
  return out;
}

function singleQuoted(s: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const q = s.indexOf("'", i);
    if (q < 0) fail();
    out += s.slice(i, q);
    if (s[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    i = q + 1;
    break;
  }
  if (!/^[ \t]*(?:#.*)?$/.test(s.slice(i)) || /^#/.test(s.slice(i))) fail();
  return out;
}

/** First characters a plain scalar may not have (indicators): -?:,[]{}#&*!|>'"%@` */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** First characters of the plain scalars the core schema might read as null, a boolean or a number. */
const MAYBE_NOT_STRING = new Set([...'0123456789+-.~nNtTfF'].map((c) => c.charCodeAt(0)));

function scalar(s: string): BlockValue {
  const first = s.charCodeAt(0);
  if (first === 34) return doubleQuoted(s);
  if (first === 39) return singleQuoted(s);
  if (first === 91 || first === 123) {
    if (s === '[]' || /^\[\][ \t]+#/.test(s)) return [];
    if (s === '{}' || /^\{\}[ \t]+#/.test(s)) return {};
  }
  if (INDICATORS.has(first)) fail();
  // One pass: a comment starts at " #"; ": " or a final ":" would make a mapping, a tab is
  // suspicious: both are left to the library.
  let end = s.length;
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 9) fail();
    if (c === 32 && s.charCodeAt(j + 1) === 35) {
      end = j;
      break;
    }
    if (c === 58 && (j + 1 === s.length || s.charCodeAt(j + 1) === 32)) fail();
  }
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  const plain = end === s.length ? s : s.slice(0, end);
  if (plain === '' || plain.charCodeAt(plain.length - 1) === 58) fail();
  if (MAYBE_NOT_STRING.has(first)) {
    if (/^[0-9]{1,15}$/.test(plain)) return Number(plain); // "version: 1"; other numbers are left to the library
    if (NOT_A_STRING.test(plain)) fail();
  }
  return plain;
}

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * The value of a block-style YAML document, or undefined when the text is not in that shape (the
 * caller then uses a full YAML parser). Lines are kept as offsets, not strings: a 10 MB glossary
 * has 800,000 of them.
 */
export function readBlockYaml(source: string): BlockValue | undefined {
  // Lone CRs and the characters YAML 1.1 took for line breaks: left to the library.
  if (UNPRINTABLE.test(source) || /\r(?!\n)|[\u0085\u2028\u2029]/.test(source)) return undefined;
  // Per line: where its text starts (after the indentation) and ends (before trailing blanks), and its indentation.
  const starts: number[] = [];
  const ends: number[] = [];
  const indents: number[] = [];
  for (let pos = 0; pos <= source.length; ) {
    const nl = source.indexOf('\n', pos);
    let end = nl < 0 ? source.length : nl;
    let c: number;
    while (end > pos && ((c = source.charCodeAt(end - 1)) === 32 || c === 9 || c === 13)) end--;
    let at = pos;
    while (at < end && source.charCodeAt(at) === 32) at++;
    if (at < end && source.charCodeAt(at) !== 35) {
      if (source.charCodeAt(at) === 9) return undefined; // tabs may not indent
      starts.push(at);
      ends.push(end);
      indents.push(at - pos);
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  const n = starts.length;
  if (n === 0 || indents[0] !== 0) return undefined;
  let i = 0;

  const isItem = (k: number) => source.charCodeAt(starts[k]) === 45 && (starts[k] + 1 === ends[k] || source.charCodeAt(starts[k] + 1) === 32);
  /** The end of "key" in a "key:" line, or -1. */
  const keyEnd = (k: number): number => {
    let at = starts[k];
    if (!isKeyStart(source.charCodeAt(at))) return -1;
    while (at < ends[k] && isKeyPart(source.charCodeAt(at))) at++;
    return source.charCodeAt(at) === 58 && (at + 1 === ends[k] || source.charCodeAt(at + 1) === 32) ? at : -1;
  };
  /** What follows a "-" or "key:" on line k (from `from`), without the spaces before it; '' for nothing. */
  const restFrom = (k: number, from: number): number => {
    while (from < ends[k] && source.charCodeAt(from) === 32) from++;
    return from;
  };

  const block = (): BlockValue => {
    if (isItem(i)) return seq(indents[i]);
    if (keyEnd(i) >= 0) return map(indents[i]);
    return fail();
  };

  /** The value after "key:" or "-" with nothing else on the line: a nested block, or null. */
  const nested = (indent: number, inSeq: boolean): BlockValue => {
    if (i >= n) return null;
    if (indents[i] > indent) return block();
    // A list may sit at its key's own indentation ("key:\n- a"), never a list item's.
    if (!inSeq && indents[i] === indent && isItem(i)) return seq(indent);
    return null;
  };

  const seq = (indent: number): BlockValue[] => {
    const out: BlockValue[] = [];
    while (i < n && indents[i] === indent && isItem(i)) {
      const rest = restFrom(i, starts[i] + 1);
      if (rest === ends[i]) {
        i++;
        out.push(nested(indent, true));
        continue;
      }
      // "- key: value" (or "- - x"): the rest is a block whose indentation is where it starts.
      const line = starts[i];
      starts[i] = rest;
      if (isItem(i) || keyEnd(i) >= 0) {
        indents[i] = indent + rest - line;
        out.push(block());
      } else {
        out.push(scalar(source.slice(rest, ends[i])));
        i++;
      }
    }
    if (i < n && indents[i] > indent) fail();
    return out;
  };

  const map = (indent: number): { [key: string]: BlockValue } => {
    const out: { [key: string]: BlockValue } = {};
    let end: number;
    while (i < n && indents[i] === indent && (end = keyEnd(i)) >= 0) {
      const key = source.slice(starts[i], end);
      if (Object.prototype.hasOwnProperty.call(out, key) || key === '__proto__' || NOT_A_STRING.test(key)) fail();
      const rest = restFrom(i, end + 1);
      const k = i++;
      out[key] = rest === ends[k] || source.charCodeAt(rest) === 35 ? nested(indent, false) : scalar(source.slice(rest, ends[k]));
    }
    if (i < n && indents[i] > indent) fail();
    return out;
  };

  try {
    const value = block();
    return i === n ? value : undefined;
  } catch (e) {
    if (e instanceof NotBlock || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A scalar written plain when the reader above reads it back as the same string, double-quoted otherwise. */
function writeScalar(v: string | number | boolean | null): string {
  if (typeof v !== 'string') return v === null ? 'null' : String(v);
  const plain = v !== '' && v === v.trim() && !PLAIN_START.test(v) && !/:[ \t]|:$|[ \t]#|[\t\r\n]/.test(v) && !NOT_A_STRING.test(v) && !UNPRINTABLE.test(v) && !/[\u0085\u2028\u2029\u00a0]/.test(v) && v !== '[]' && v !== '{}';
  if (plain) return v;
  // JSON's string syntax is YAML's double-quoted one; escape what YAML may not carry raw.
  return JSON.stringify(v).replace(/[\u007f-\u009f\u00a0\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Writable = string | number | boolean | null | undefined | Writable[] | { [key: string]: Writable };

/** Block-style YAML for plain data (what readBlockYaml reads back): linear, unlike a general YAML writer. */
export function writeBlockYaml(value: { [key: string]: Writable }): string {
  const out: string[] = [];
  const write = (v: Writable, indent: string, prefix: string) => {
    // prefix: "key:" or "-" already placed by the caller on the current line.
    if (Array.isArray(v)) {
      if (v.length === 0) return void out.push(`${prefix} []`);
      if (prefix) out.push(prefix);
      for (const item of v) {
        if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).some((k) => item[k] !== undefined)) {
          const keys = Object.keys(item).filter((k) => item[k] !== undefined);
          keys.forEach((k, j) => write(item[k], `${indent}    `, `${j === 0 ? `${indent}  - ` : `${indent}    `}${k}:`));
        } else write(item, `${indent}  `, `${indent}  -`);
      }
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v).filter((k) => v[k] !== undefined);
      if (keys.length === 0) return void out.push(`${prefix} {}`);
      if (prefix) out.push(prefix);
      for (const k of keys) write(v[k], `${indent}  `, `${indent}  ${k}:`);
    } else out.push(`${prefix} ${writeScalar(v ?? null)}`);
  };
  for (const k of Object.keys(value)) if (value[k] !== undefined) write(value[k], '', `${k}:`);
  return out.join('\n') + '\n';
}
