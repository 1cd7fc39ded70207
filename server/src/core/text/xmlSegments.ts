/**
 * Bilingual XML: XLIFF 1.2 (trans-unit/source/target), XLIFF 2.0 (unit/segment/source/target)
 * and TMX 1.4 (tu/tuv[xml:lang]/seg), read into segment pairs whose text maps back to the file.
 *
 * Parsed with htmlparser2 in XML mode: a tolerant tokenizer (CAT tools write imperfect XML) that
 * reports the offsets of every token and never expands entities declared in a DOCTYPE, so
 * "billion laughs" and external entities cannot happen. Only the five XML entities and numeric
 * references are decoded, by hand, because the decoder must keep the offset map.
 */
import type { Parser } from 'htmlparser2';
import { htmlparser2Library } from '../libraries';
import { MappedText } from './mappedText';
import { depthSaid, MAX_XML_DEPTH } from './xmlDepth';
import { type Arg, type Localized, said, word } from '../l10n';

export interface Segment {
  lang: string;
  text: MappedText;
  /** The element's content range in the file. */
  start: number;
  end: number;
}

/** Where a segment stands in its CAT tool's workflow, as the file records it. */
export interface SegmentStatus {
  /** The tool's own word for it (Trados "Draft", memoQ "ManuallyConfirmed", XLIFF "translated"), or Tifa's where the file has a number or a flag. */
  label: string | { en: string; zh: string };
  /** Whether the translator confirmed it; undefined where the file does not say. */
  confirmed?: boolean;
  locked: boolean;
}

export interface SegmentPair {
  id?: string;
  /** The segment's id within a segmented unit (Trados, XLIFF 1.2 seg-source: mrk mtype="seg" mid). */
  mid?: string;
  status?: SegmentStatus;
  segments: Segment[];
  /** The unit element (trans-unit, segment, tu) from its start tag to the end of its end tag; every segment of a segmented trans-unit has its unit's. */
  start: number;
  end: number;
}

export interface XmlDocument {
  format: 'xliff' | 'tmx';
  pairs: SegmentPair[];
  /** [start, end) of each comment, for suppression directives. */
  comments: Array<[number, number]>;
  /** [start, end) of the content of each CDATA section: text there is taken verbatim. */
  cdata: Array<[number, number]>;
  problems: Array<{ start: number; end: number; message: string; l10n?: Localized }>;
}

/** Inline codes whose content is the original document's markup, not translatable text. */
const CODE_CONTENT = new Set(['bpt', 'ept', 'ph', 'it', 'sc', 'ec', 'ut']);
/** Placeholders: they stand for something (an image, a field), so no phrase runs across them.
 *  Formatting wrappers (g, pc, mrk, sub) are transparent: 网络<g>强国</g> is one phrase. */
const BREAKS = new Set([...CODE_CONTENT, 'x', 'bx', 'ex', 'cp']);

let last: { xml: string; format: 'xliff' | 'tmx'; doc: XmlDocument } | undefined;

/**
 * The same, remembering the last file read: a lint, its quick fixes and their checks all read the
 * same text, and a large XLIFF would otherwise be parsed once for each. The result is read-only.
 */
export function parseBilingualXmlOnce(xml: string, format: 'xliff' | 'tmx'): XmlDocument {
  if (last && last.format === format && last.xml === xml) return last.doc;
  const doc = parseBilingualXml(xml, format);
  last = { xml, format, doc };
  return doc;
}

export function parseBilingualXml(xml: string, format: 'xliff' | 'tmx'): XmlDocument {
  const doc: XmlDocument = { format, pairs: [], comments: [], cdata: [], problems: [] };
  let inCdata = false;
  let tooDeep = false;
  const stack: string[] = [];
  let srcLang = '';
  let trgLang = '';
  let pair: SegmentPair | undefined;
  let unit: XliffUnit | undefined;
  let tuvLang = '';
  // The elements whose text is being collected, innermost last: a segmented target collects its
  // whole text and each <mrk mtype="seg"> its own.
  const captures: Capture[] = [];
  let skipDepth = -1; // inside an inline code's content

  const parser: Parser = new (htmlparser2Library().Parser)(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype') {
          // htmlparser2 reports declarations from the character before: anchor on the "<!" itself.
          const start = xml.indexOf('<!', parser.startIndex);
          doc.problems.push({ start, end: parser.endIndex + 1, ...said('notice.doctype') });
        }
      },
      oncomment() {
        doc.comments.push([parser.startIndex, parser.endIndex + 1]);
      },
      onopentag(rawName, attrs) {
        const name = local(rawName);
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (stack.length > MAX_XML_DEPTH) {
          doc.problems.push({ start: parser.startIndex, end: parser.endIndex + 1, ...depthSaid(parser.startIndex) });
          captures.length = 0;
          pair = undefined;
          unit = undefined;
          tooDeep = true;
          parser.pause();
          return;
        }
        const inSegSource = unit !== undefined && unit.segSourceDepth >= 0;
        if (captures.length || inSegSource) {
          if (name === 'mrk' && attrs.mtype === 'seg' && unit && attrs.mid !== undefined) {
            const target = captures.find((c) => c.role === 'target' && c.mid === undefined);
            if (inSegSource || target) {
              captures.push({ lang: inSegSource ? unit.srcLang : (target as Capture).lang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length, role: inSegSource ? 'source' : 'target', mid: attrs.mid });
              return;
            }
          }
          if (!captures.length) return;
          if (skipDepth < 0 && CODE_CONTENT.has(name)) skipDepth = stack.length;
          if (BREAKS.has(name)) for (const c of captures) c.text.boundary(parser.startIndex);
          return;
        }
        if (format === 'xliff') {
          if (name === 'xliff') {
            srcLang = attrs.srcLang ?? srcLang;
            trgLang = attrs.trgLang ?? trgLang;
          } else if (name === 'file') {
            srcLang = attrs['source-language'] ?? srcLang;
            trgLang = attrs['target-language'] ?? trgLang;
          } else if (name === 'trans-unit') {
            unit = { id: attrs.id, start: parser.startIndex, srcLang, segSource: [], segTarget: new Map(), statuses: new Map(), segSourceDepth: -1, attrs };
          } else if (name === 'segment') {
            // XLIFF 2.0: each segment is a pair of its own, with its state.
            pair = { id: attrs.id, segments: [], start: parser.startIndex, end: xml.length, ...(attrs.state ? { status: { label: attrs.state, confirmed: CONFIRMED_STATES.has(attrs.state), locked: false } } : {}) };
            doc.pairs.push(pair);
          } else if ((name === 'source' || name === 'target') && pair && parent === 'segment') {
            const lang = attrs['xml:lang'] ?? (name === 'source' ? srcLang : trgLang);
            captures.push({ lang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length });
          } else if ((name === 'source' || name === 'target') && unit && parent === 'trans-unit') {
            const lang = attrs['xml:lang'] ?? (name === 'source' ? srcLang : trgLang);
            if (name === 'target' && attrs.state) unit.state = attrs.state;
            captures.push({ lang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length, role: name });
          } else if (name === 'seg-source' && unit && parent === 'trans-unit') {
            unit.segSourceDepth = stack.length;
            unit.srcLang = attrs['xml:lang'] ?? srcLang;
          } else if (name === 'seg' && unit && parent === 'seg-defs' && attrs.id !== undefined) {
            // Trados: <sdl:seg id="…" conf="Draft" locked="true"/>, one per segment.
            const conf = attrs.conf;
            unit.statuses.set(attrs.id, { label: conf ?? 'Unspecified', confirmed: conf ? SDL_CONFIRMED.has(conf) : false, locked: attrs.locked === 'true' });
          }
        } else {
          if (name === 'tu') {
            pair = { id: attrs.tuid, segments: [], start: parser.startIndex, end: xml.length };
            doc.pairs.push(pair);
          } else if (name === 'tuv') {
            tuvLang = attrs['xml:lang'] ?? attrs.lang ?? '';
          } else if (name === 'seg' && pair && parent === 'tuv') {
            captures.push({ lang: tuvLang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length });
          }
        }
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      ontext(raw) {
        if (inCdata) {
          // The parser reports a CDATA section from its "<![CDATA[": its content ends at the
          // "]]>" that endIndex closes. Taken verbatim: nothing in it is an entity.
          const at = parser.endIndex - 2 - raw.length;
          doc.cdata.push([at, at + raw.length]);
          if (skipDepth < 0) for (const c of captures) c.text.verbatim(raw, at);
          return;
        }
        if (!captures.length || skipDepth >= 0) return;
        // From the end, which the parser reports exactly: after a processing instruction its
        // startIndex is one short.
        for (const c of captures) decodeInto(c.text, raw, parser.endIndex + 1 - raw.length);
      },
      onclosetag(rawName) {
        const name = local(rawName);
        const depth = stack.length;
        stack.pop();
        const top = captures[captures.length - 1];
        if (top && depth === top.depth) {
          captures.pop();
          const segment = { lang: top.lang, text: top.text, start: top.start, end: parser.startIndex };
          if (top.mid !== undefined && unit) {
            if (top.role === 'source') unit.segSource.push([top.mid, segment]);
            else unit.segTarget.set(top.mid, segment);
          } else if (top.role && unit) unit[top.role] = segment;
          else pair?.segments.push(segment);
          if (captures.length && BREAKS.has(name)) for (const c of captures) c.text.boundary(parser.startIndex);
          return;
        }
        if (captures.length) {
          if (skipDepth === depth) skipDepth = -1;
          if (BREAKS.has(name)) for (const c of captures) c.text.boundary(parser.startIndex);
        }
        if (unit && name === 'seg-source' && depth === unit.segSourceDepth) unit.segSourceDepth = -1;
        if (name === 'trans-unit' && unit) {
          for (const p of unitPairs(unit, parser.endIndex + 1)) doc.pairs.push(p);
          unit = undefined;
        }
        if (name === 'segment' || name === 'tu') {
          if (pair) pair.end = parser.endIndex + 1;
          pair = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(xml);
  if (!tooDeep) parser.end();
  // A file cut short inside a trans-unit: what was read of it counts (the reader is tolerant).
  if (unit) for (const p of unitPairs(unit, xml.length)) doc.pairs.push(p);
  doc.pairs = doc.pairs.filter((p) => p.segments.length > 0);
  return doc;
}

/** How a finding names its segment: " (segment 2: Draft, locked)", " (ManuallyConfirmed)", in either language. */
export function segmentLabel(pair: SegmentPair): Localized | undefined {
  const s = pair.status;
  const lockedOnly = s && typeof s.label === 'object' && s.label.en === 'locked';
  const status: Arg | undefined = s ? (s.locked && !lockedOnly ? word('segment.locked', { status: s.label }) : s.label) : undefined;
  if (pair.mid !== undefined) return { key: 'segment', args: { mid: pair.mid, status: status ? word('segment.with-status', { status }) : '' } };
  return status ? { key: 'segment.status', args: { status } } : undefined;
}

interface Capture {
  lang: string;
  text: MappedText;
  start: number;
  depth: number;
  /** An XLIFF 1.2 trans-unit's source or target, or a segment of one (mid). */
  role?: 'source' | 'target';
  mid?: string;
}

interface XliffUnit {
  id?: string;
  start: number;
  srcLang: string;
  source?: Segment;
  target?: Segment;
  /** Segments in <seg-source>, in order, and in <target>, by mid. */
  segSource: Array<[string, Segment]>;
  segTarget: Map<string, Segment>;
  /** Trados's sdl:seg-defs, by segment id. */
  statuses: Map<string, SegmentStatus>;
  segSourceDepth: number;
  /** XLIFF 1.2 target@state. */
  state?: string;
  attrs: Record<string, string>;
}

/** XLIFF states (1.2 target@state, 2.0 segment@state) that mean a translator has done the segment. */
const CONFIRMED_STATES = new Set(['translated', 'reviewed', 'final', 'signed-off']);
/** Trados's confirmation levels (sdl:seg conf) that are confirmed; Draft, Unspecified and the rejected ones are not. */
const SDL_CONFIRMED = new Set(['Translated', 'ApprovedTranslation', 'ApprovedSignOff']);

/**
 * A trans-unit's pairs: one per segment where it is segmented (seg-source and target matched by
 * mid), else one. The unsegmented <source> of a segmented unit repeats its segments and is not read.
 */
function unitPairs(unit: XliffUnit, end: number): SegmentPair[] {
  const base = { id: unit.id, start: unit.start, end };
  if (unit.segSource.length) {
    return unit.segSource.map(([mid, source]) => {
      const target = unit.segTarget.get(mid);
      const status = unit.statuses.get(mid) ?? unitStatus(unit);
      return { ...base, mid, ...(status ? { status } : {}), segments: target ? [source, target] : [source] };
    });
  }
  const status = unitStatus(unit);
  return [{ ...base, ...(status ? { status } : {}), segments: [unit.source, unit.target].filter((s): s is Segment => !!s) }];
}

/**
 * A unit's status from the attributes CAT tools write on trans-unit: memoQ mq:status and
 * mq:locked="locked", Phrase m:confirmed (a confirmation level, 0 for none) and m:locked,
 * Wordfast gs4tr:locked, XLIFF approved, translate="no" and target@state.
 */
function unitStatus(unit: XliffUnit): SegmentStatus | undefined {
  const byLocal = new Map(Object.entries(unit.attrs).map(([k, v]) => [local(k), v]));
  const lockedValue = byLocal.get('locked');
  const locked = lockedValue === 'true' || lockedValue === 'locked' || unit.attrs.translate === 'no';
  const memoq = unit.attrs['mq:status'];
  const phrase = byLocal.get('confirmed');
  let label: SegmentStatus['label'] | undefined;
  let confirmed: boolean | undefined;
  if (memoq) {
    label = memoq;
    confirmed = /Confirmed$|^Proofread$/.test(memoq);
  } else if (phrase !== undefined && /^\d+$/.test(phrase)) {
    confirmed = Number(phrase) >= 1;
    label = confirmed ? word('word.confirmed-level', { n: phrase }) : word('word.not-confirmed');
  } else if (unit.attrs.approved === 'yes') {
    label = word('word.approved');
    confirmed = true;
  } else if (unit.state) {
    label = unit.state;
    confirmed = CONFIRMED_STATES.has(unit.state);
  }
  if (label === undefined && !locked) return undefined;
  return { label: label ?? word('word.locked'), ...(confirmed === undefined ? {} : { confirmed }), locked };
}

function local(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 && !name.startsWith('xml:') ? name.slice(colon + 1) : name;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Appends raw XML text, decoding the predefined and numeric entities with their file ranges. */
function decodeInto(out: MappedText, raw: string, at: number): void {
  let cursor = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', cursor)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const name = raw.slice(amp + 1, semi);
    let decoded: string | undefined = NAMED[name];
    if (decoded === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    }
    if (decoded === undefined) {
      // An unknown entity (declared in a DOCTYPE, perhaps): kept as written, never expanded.
      out.verbatim(raw.slice(cursor, semi + 1), at + cursor);
      cursor = semi + 1;
      continue;
    }
    if (amp > cursor) out.verbatim(raw.slice(cursor, amp), at + cursor);
    out.replaced(decoded, at + amp, at + semi + 1);
    cursor = semi + 1;
  }
  if (cursor < raw.length) out.verbatim(raw.slice(cursor), at + cursor);
}
