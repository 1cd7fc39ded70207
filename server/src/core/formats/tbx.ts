/**
 * TBX (ISO 30042) import and export.
 *
 * Import reads TBX v3 (TBX-Basic, TBX-Min: conceptEntry / langSec / termSec), TBX v2 (martif:
 * termEntry / langSet / tig or ntig) and the older TBX-Min (entry / langGroup / termGroup).
 * Chinese language sections give the forms, English ones the renderings; administrativeStatus
 * (or termStatus) gives the status; notes, definitions and sources are kept.
 *
 * Export writes TBX v3 (TBX-Basic, DCA style) that import reads back without loss: speeches go
 * to the back matter (refObjectSec), and each appearance's quotes to a descripGrp (context +
 * source = the speech id + sourceIdentifier = the appearance's number) in its language section.
 *
 * Read as it streams (see importTbx).
 */
import type { GlossaryLoadResult, GlossaryProblem } from './yaml';
import { LineIndex } from '../text/lineIndex';
import { depthMessage, MAX_XML_DEPTH } from '../text/xmlDepth';
import { scanXml, type XmlEvents } from '../text/xmlScan';
import type { Appearance, Concept, Glossary, Rendering, RenderingStatus, Source, Speech } from '../glossary/model';

const CONCEPT = new Set(['conceptEntry', 'termEntry', 'entry']);
const LANGUAGE = new Set(['langSec', 'langSet', 'langGroup']);
const TERM_CONTAINER = new Set(['termSec', 'tig', 'ntig', 'termGroup']);
const TERM = new Set(['term']);
/** Elements whose own text is never read, only their children's. */
const STRUCTURE = new Set([...CONCEPT, ...LANGUAGE, ...TERM_CONTAINER, 'descripGrp', 'termGrp', 'body', 'text', 'back', 'tbx', 'martif']);
const TERM_STATUS = new Set(['termStatus']);
const TERM_GROUP = new Set(['termGrp']);

/** TBX administrative statuses (and TBX-Min's) to ours. */
export function statusFromTbx(value: string): RenderingStatus | undefined {
  const v = value.trim().replace(/Term-admn-sts$/, '').replace(/-admn-sts$/, '');
  if (/^(preferred|standardized)/i.test(v)) return 'preferred';
  if (/^admitted/i.test(v)) return 'admitted';
  if (/^superseded/i.test(v)) return 'superseded';
  if (/^(deprecated|notRecommended|obsolete)/i.test(v)) return 'deprecated';
  return undefined;
}

const STATUS_TO_TBX: Record<RenderingStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
};

/** An element of the small tree built for one concept entry (or the header, or the back matter). */
interface Element {
  name: string;
  /** The name without its namespace prefix. */
  local: string;
  attribs: Record<string, string>;
  children: Node[];
  parent: Element | undefined;
  startIndex: number;
  endIndex: number;
}
type Node = Element | string;

const isTag = (n: Node): n is Element => typeof n !== 'string';
const locals = new Map<string, string>();
/** The name without its prefix, once per name (not once per element). */
const local = (name: string) => {
  let l = locals.get(name);
  if (l === undefined) {
    if (locals.size > 1000) locals.clear(); // a file of made-up names does not grow it for ever
    locals.set(name, (l = name.slice(name.indexOf(':') + 1)));
  }
  return l;
};
const elements = (n: { children: Node[] }) => n.children.filter(isTag);
/** The child elements with one of the names (one loop, one array: this runs a dozen times a concept). */
function named(n: { children: Node[] }, names: Set<string> | string, type?: string): Element[] {
  const out: Element[] = [];
  for (const c of n.children) {
    if (typeof c === 'string' || (typeof names === 'string' ? c.local !== names : !names.has(c.local))) continue;
    if (type === undefined || c.attribs.type === type) out.push(c);
  }
  return out;
}
/** The text of a node: iterative, since no reader may recurse on the input's depth. */
function text(node: Node): string {
  // Most elements hold one string: no arrays for them.
  if (isTag(node) && node.children.length === 1 && typeof node.children[0] === 'string') return node.children[0];
  const out: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) out.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out.join('');
}
/** White space collapsed; text that has none to collapse (the usual case) is returned as it is. */
const clean = (s: string) => (/^\S+(?: \S+)*$/.test(s) ? s : s.replace(/\s+/g, ' ').trim());
const typed = (n: Element, name: string, type: string) => named(n, name, type);
const first = (n: Element, name: string, type: string) => {
  for (const c of n.children) if (typeof c !== 'string' && c.local === name && c.attribs.type === type) return clean(text(c)) || undefined;
  return undefined;
};

/** The outermost elements with one of the names, in document order; iterative, like text(). */
function descendants(n: { children: Node[] }, names: Set<string>): Element[] {
  const out: Element[] = [];
  const stack: Element[] = elements(n).reverse();
  while (stack.length) {
    const e = stack.pop()!;
    if (names.has(e.local)) out.push(e);
    else {
      const children = elements(e);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

/** Stops reading (too deep, or not TBX). */
class Stop extends Error {}

function hasText(xml: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return true;
  }
  return false;
}

/**
 * Reads TBX as it streams: each concept entry is built as a small tree, read when it closes and
 * dropped, so that memory and time follow the number of concepts (npm run bench,
 * tbxImport100kMs). Scanned with core/text/xmlScan.ts, which says why it is not a library.
 */
export function importTbx(xml: string): GlossaryLoadResult {
  const problems: GlossaryProblem[] = [];
  let lines: LineIndex | undefined;
  const problem = (severity: GlossaryProblem['severity'], message: string, start: number, end = start + 1) => {
    lines ??= new LineIndex(xml);
    problems.push({ severity, message, start, end, ...lines.position(start) });
  };
  const glossary: Glossary = { speeches: new Map(), concepts: [] };
  if (/<!DOCTYPE/i.test(xml.slice(0, 2000))) problem('warning', 'The DOCTYPE is ignored: entities declared in it are not expanded.', xml.search(/<!DOCTYPE/i));

  const root: Element = { name: '', local: '', attribs: {}, children: [], parent: undefined, startIndex: 0, endIndex: 0 };
  let current = root;
  let depth = 0;
  let inConcept = 0; // concept entries open (an entry inside another belongs to the outer one)
  let mismatch: { message: string; at: number } | undefined;
  const pending: Array<() => void> = [];
  let conceptIndex = 0;
  const ids = new Set<string>();

  const events: XmlEvents = {
    open(name, attribs, startIndex) {
      if (++depth > MAX_XML_DEPTH) {
        problem('error', depthMessage(startIndex), startIndex);
        throw new Stop();
      }
      if (current === root && root.children.some(isTag)) return void (mismatch ??= { message: `a second root element <${name}>`, at: startIndex });
      if (current === root && !/^(tbx|martif)$/.test(local(name))) {
        problem('error', 'This is not a TBX file: the root element must be <tbx> (TBX v3) or <martif> (TBX v2).', startIndex);
        throw new Stop();
      }
      const element: Element = { name, local: local(name), attribs, children: [], parent: current, startIndex, endIndex: startIndex };
      current.children.push(element);
      current = element;
      if (CONCEPT.has(element.local)) inConcept++;
    },
    close(name, start, end) {
      if (current === root || current.name !== name) {
        // Forgiving, as readers of hand-made files must be: an end tag closes the open element of its name.
        mismatch ??= { message: `</${name}> closes no open element of that name`, at: start };
        let open: Element | undefined = current;
        while (open && open !== root && open.name !== name) open = open.parent;
        if (!open || open === root) return;
        while (current !== open) this.close(current.name, start, end);
      }
      const element = current;
      element.endIndex = end - 1;
      current = element.parent ?? root;
      depth--;
      if (CONCEPT.has(element.local) && --inConcept === 0) {
        // Read now and dropped from the tree; its appearances wait for the speeches (in the back matter, after the body).
        current.children.pop();
        const finish = readConcept(element, conceptIndex++);
        if (finish) pending.push(finish);
      }
    },
    // White space between the elements of a structure (entries, language and term sections) is
    // never read: it is not kept (six strings a concept, a fifth of the reading time).
    wanted: (start, end) => depth > 0 && (!(inConcept === 0 || STRUCTURE.has(current.local)) || hasText(xml, start, end)),
    text(t) {
      current.children.push(t);
    },
  };

  /** What a concept entry gives, once the speeches are known. */
  const readConcept = (entry: Element, index: number): (() => void) | undefined => {
    const id = entry.attribs.id || `tbx-${index + 1}`;
    if (ids.has(id)) {
      problem('error', `Duplicate concept "${id}": another conceptEntry above has the same id.`, entry.startIndex);
      return undefined;
    }
    ids.add(id);
    const concept: Concept = { id, zh: [], en: [], appearances: [] };
    const kind = first(entry, 'descrip', 'subjectField');
    if (kind === 'formulation' || kind === 'catchphrase' || kind === 'body' || kind === 'programme' || kind === 'term') concept.kind = kind;
    const notes: string[] = named(entry, 'note').map((n) => clean(text(n))).filter(Boolean);
    // Quotes in context, each with the speech it names: an appearance if that speech exists.
    const quotes: Array<{ source: string; number: string | undefined; isZh: boolean; quote: string; note: string }> = [];

    for (const lang of named(entry, LANGUAGE)) {
      const code = (lang.attribs['xml:lang'] ?? lang.attribs.lang ?? '').toLowerCase();
      const isZh = code.startsWith('zh');
      const isEn = code.startsWith('en');
      // Language-level definitions and notes belong to the concept.
      for (const d of typed(lang, 'descrip', 'definition')) notes.push(clean(text(d)));
      for (const grp of named(lang, 'descripGrp')) {
        const def = first(grp, 'descrip', 'definition');
        const context = typed(grp, 'descrip', 'context')[0];
        const source = first(grp, 'admin', 'source');
        if (def && (isZh || isEn)) notes.push(source ? `${def} (source: ${source})` : def);
        if (context && source && (isZh || isEn)) {
          quotes.push({ source, number: first(grp, 'admin', 'sourceIdentifier'), isZh, quote: clean(text(context)), note: named(grp, 'note').map((n) => clean(text(n))).join(' ') });
        }
      }
      for (const d of named(lang, 'note')) notes.push(clean(text(d)));
      if (!isZh && !isEn) continue;
      for (const container of named(lang, TERM_CONTAINER)) {
        const termEl = descendants(container, TERM)[0];
        const term = termEl ? clean(text(termEl)) : '';
        if (!term) {
          problem('error', `Empty term in concept "${id}".`, (termEl ?? container).startIndex);
          continue;
        }
        if (isZh) {
          concept.zh.push(term);
          const pron = first(container, 'termNote', 'pronunciation');
          if (pron && !concept.pinyin) concept.pinyin = pron;
          continue;
        }
        const statusEl = typed(container, 'termNote', 'administrativeStatus')[0] ?? descendants(container, TERM_STATUS)[0] ?? descendants(container, TERM_GROUP)
          .flatMap((g) => typed(g, 'termNote', 'administrativeStatus'))[0];
        let status: RenderingStatus = concept.en.some((r) => r.status === 'preferred') ? 'admitted' : 'preferred';
        if (statusEl) {
          const s = statusFromTbx(text(statusEl));
          if (s) status = s;
          else problem('error', `Unknown administrativeStatus "${clean(text(statusEl))}" for "${term}": use preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts.`, statusEl.startIndex, statusEl.endIndex + 1);
        }
        const rendering: Rendering = { text: term, status };
        const authority = first(container, 'admin', 'source');
        if (authority) rendering.authority = authority;
        const source = first(container, 'admin', 'sourceIdentifier');
        if (source) rendering.source = source;
        const note = named(container, 'note').map((n) => clean(text(n))).join(' ');
        if (note) rendering.note = note;
        concept.en.push(rendering);
      }
    }
    const note = notes.filter(Boolean).join(' ');
    if (note) concept.note = note;
    if (concept.zh.length === 0 && concept.en.length === 0) {
      problem('warning', `Concept "${id}" has no Chinese or English term and is skipped.`, entry.startIndex);
      return undefined;
    }
    const at = glossary.concepts.push(concept) - 1;
    if (quotes.length === 0) return undefined;
    return () => {
      const byNumber = new Map<string, Appearance>();
      for (const q of quotes) {
        if (!glossary.speeches.has(q.source)) continue;
        const key = `${q.source}#${q.number ?? byNumber.size}`;
        const appearance = byNumber.get(key) ?? { speech: q.source };
        if (q.quote) appearance[q.isZh ? 'zh' : 'en'] = q.quote;
        if (q.note) appearance.note = q.note;
        byNumber.set(key, appearance);
      }
      // Back in their original order: sourceIdentifier is the appearance's number.
      glossary.concepts[at].appearances = [...byNumber.entries()].sort(([a], [b]) => Number(a.split('#')[1]) - Number(b.split('#')[1])).map(([, v]) => v);
    };
  };

  let malformed: { message: string; at: number } | undefined;
  try {
    malformed = scanXml(xml, events);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { glossary: { speeches: new Map(), concepts: [] }, problems };
  }
  if (current !== root) malformed ??= { message: `<${current.name}> is not closed`, at: current.startIndex };
  malformed ??= mismatch;
  const tbx = elements(root)[0];
  if (!tbx) {
    problem('error', 'This is not a TBX file: the root element must be <tbx> (TBX v3) or <martif> (TBX v2).', 0);
    return { glossary, problems };
  }
  if (malformed) problem('warning', `The XML is malformed (${malformed.message}): Tifa read what it could.`, malformed.at);

  const header = descendants(tbx, new Set(['tbxHeader', 'martifHeader']))[0];
  if (header) {
    const title = descendants(header, new Set(['title']))[0];
    if (title) glossary.name = clean(text(title)) || undefined;
    const pub = descendants(header, new Set(['publicationStmt']))[0];
    if (pub) glossary.description = clean(named(pub, 'p').map(text).join(' ')) || undefined;
    const src = descendants(header, new Set(['sourceDesc']))[0];
    if (src) glossary.source = clean(named(src, 'p').map(text).join(' ')) || undefined;
  }

  // Speeches from the back matter (what our export writes).
  for (const obj of descendants(tbx, new Set(['refObject']))) {
    const section = obj.parent;
    if (!section || (section.attribs.type !== 'tifaSpeeches' && section.attribs.type !== 'tifaSources')) continue;
    const items = new Map(descendants(obj, new Set(['item'])).map((i) => [i.attribs.type, clean(text(i))]));
    const id = obj.attribs.id;
    if (!id) continue;
    if (section.attribs.type === 'tifaSources') {
      const source: Source = { id };
      for (const k of ['title', 'publisher', 'date', 'url', 'note'] as const) if (items.get(k)) source[k] = items.get(k);
      (glossary.sources ??= []).push(source);
      continue;
    }
    const pair = (en?: string, zh?: string) => (en || zh ? { ...(en ? { en } : {}), ...(zh ? { zh } : {}) } : undefined);
    const speech: Speech = { id, short: pair(items.get('shortEn'), items.get('shortZh')) ?? { en: id } };
    const set = <K extends keyof Speech>(k: K, v: Speech[K] | undefined) => {
      if (v !== undefined) speech[k] = v;
    };
    set('date', items.get('date'));
    set('occasion', pair(items.get('occasionEn'), items.get('occasionZh')));
    set('venue', pair(items.get('venueEn'), items.get('venueZh')));
    set('speaker', items.get('speaker'));
    set('source', items.get('source'));
    set('note', items.get('note'));
    glossary.speeches.set(id, speech);
  }
  for (const finish of pending) finish();
  if (conceptIndex === 0) problem('warning', 'No concepts: the file has no conceptEntry (TBX v3) or termEntry (TBX v2).', tbx.startIndex);
  return { glossary, problems };
}

/**
 * Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab, line
 * feed and carriage return (CAT exports hold U+0000, U+0001, U+000B), lone surrogates, U+FFFE
 * and U+FFFF. They are left out of the export (exportTbxReport counts them).
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
let dropped = 0;
const xmlSafe = (s: string) =>
  s.replace(NOT_XML, () => {
    dropped++;
    return '';
  });
const esc = (s: string) => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function exportTbx(glossary: Glossary): string {
  return exportTbxReport(glossary).text;
}

/** The TBX, and how many characters XML cannot carry were left out. */
export function exportTbxReport(glossary: Glossary): { text: string; dropped: number } {
  dropped = 0;
  const out: string[] = [];
  const w = (indent: number, s: string) => out.push('  '.repeat(indent) + s);
  const leaf = (indent: number, tag: string, value: string | undefined, attrs = '') => {
    if (value !== undefined && value !== '') w(indent, `<${tag}${attrs}>${esc(value)}</${tag}>`);
  };
  w(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w(0, '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
  w(1, '<tbxHeader>');
  w(2, '<fileDesc>');
  if (glossary.name) {
    w(3, '<titleStmt>');
    leaf(4, 'title', glossary.name);
    w(3, '</titleStmt>');
  }
  if (glossary.description) {
    w(3, '<publicationStmt>');
    leaf(4, 'p', glossary.description);
    w(3, '</publicationStmt>');
  }
  w(3, '<sourceDesc>');
  leaf(4, 'p', glossary.source ?? 'Exported by Tifa');
  w(3, '</sourceDesc>');
  w(2, '</fileDesc>');
  w(1, '</tbxHeader>');
  w(1, '<text>');
  w(2, '<body>');
  for (const c of glossary.concepts) {
    w(3, `<conceptEntry id="${esc(c.id)}">`);
    leaf(4, 'descrip', c.kind, ' type="subjectField"');
    leaf(4, 'note', c.note);
    const quotes = (lang: 'zh' | 'en') =>
      c.appearances.forEach((a, k) => {
        const quote = a[lang];
        // An appearance without quotes still needs a home: the English section.
        if (!quote && !(lang === 'en' && !a.zh && !a.en)) return;
        w(5, '<descripGrp>');
        w(6, `<descrip type="context">${esc(quote ?? '')}</descrip>`);
        leaf(6, 'admin', a.speech, ' type="source"');
        leaf(6, 'admin', String(k + 1), ' type="sourceIdentifier"');
        if (lang === (a.zh ? 'zh' : 'en')) leaf(6, 'note', a.note);
        w(5, '</descripGrp>');
      });
    if (c.zh.length) {
      w(4, '<langSec xml:lang="zh">');
      quotes('zh');
      c.zh.forEach((form, i) => {
        w(5, '<termSec>');
        leaf(6, 'term', form);
        if (i === 0) leaf(6, 'termNote', c.pinyin, ' type="pronunciation"');
        w(5, '</termSec>');
      });
      w(4, '</langSec>');
    }
    if (c.en.length) {
      w(4, '<langSec xml:lang="en">');
      quotes('en');
      for (const r of c.en) {
        w(5, '<termSec>');
        leaf(6, 'term', r.text);
        leaf(6, 'termNote', STATUS_TO_TBX[r.status], ' type="administrativeStatus"');
        leaf(6, 'admin', r.authority, ' type="source"');
        // Where the rendering comes from (an id of the back matter's tifaSources, or written out).
        leaf(6, 'admin', r.source, ' type="sourceIdentifier"');
        leaf(6, 'note', r.note);
        w(5, '</termSec>');
      }
      w(4, '</langSec>');
    }
    w(3, '</conceptEntry>');
  }
  w(2, '</body>');
  if (glossary.speeches.size || glossary.sources?.length) w(2, '<back>');
  if (glossary.sources?.length) {
    w(3, '<refObjectSec type="tifaSources">');
    for (const s of glossary.sources) {
      w(4, `<refObject id="${esc(s.id)}">`);
      w(5, '<itemSet>');
      for (const k of ['title', 'publisher', 'date', 'url', 'note'] as const) leaf(6, 'item', s[k], ` type="${k}"`);
      w(5, '</itemSet>');
      w(4, '</refObject>');
    }
    w(3, '</refObjectSec>');
  }
  if (glossary.speeches.size) {
    w(3, '<refObjectSec type="tifaSpeeches">');
    for (const s of glossary.speeches.values()) {
      w(4, `<refObject id="${esc(s.id)}">`);
      w(5, '<itemSet>');
      const item = (type: string, v: string | undefined) => leaf(6, 'item', v, ` type="${type}"`);
      item('shortEn', s.short.en);
      item('shortZh', s.short.zh);
      item('date', s.date);
      item('occasionEn', s.occasion?.en);
      item('occasionZh', s.occasion?.zh);
      item('venueEn', s.venue?.en);
      item('venueZh', s.venue?.zh);
      item('speaker', s.speaker);
      item('source', s.source);
      item('note', s.note);
      w(5, '</itemSet>');
      w(4, '</refObject>');
    }
    w(3, '</refObjectSec>');
  }
  if (glossary.speeches.size || glossary.sources?.length) w(2, '</back>');
  w(1, '</text>');
  w(0, '</tbx>');
  return { text: out.join('\n') + '\n', dropped };
}
