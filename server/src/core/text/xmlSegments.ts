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
import { depthMessage, MAX_XML_DEPTH } from './xmlDepth';

export interface Segment {
  lang: string;
  text: MappedText;
  /** The element's content range in the file. */
  start: number;
  end: number;
}

export interface SegmentPair {
  id?: string;
  segments: Segment[];
  /** The unit element (trans-unit, segment, tu) from its start tag to the end of its end tag. */
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
  problems: Array<{ start: number; end: number; message: string }>;
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
  let tuvLang = '';
  let current: { lang: string; text: MappedText; start: number; depth: number } | undefined;
  let skipDepth = -1; // inside an inline code's content

  const parser: Parser = new (htmlparser2Library().Parser)(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype') {
          // htmlparser2 reports declarations from the character before: anchor on the "<!" itself.
          const start = xml.indexOf('<!', parser.startIndex);
          doc.problems.push({ start, end: parser.endIndex + 1, message: 'The DOCTYPE is ignored: entities declared in it are not expanded.' });
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
          doc.problems.push({ start: parser.startIndex, end: parser.endIndex + 1, message: depthMessage(parser.startIndex) });
          current = undefined;
          pair = undefined;
          tooDeep = true;
          parser.pause();
          return;
        }
        if (current) {
          if (skipDepth < 0 && CODE_CONTENT.has(name)) skipDepth = stack.length;
          if (BREAKS.has(name)) current.text.boundary(parser.startIndex);
          return;
        }
        if (format === 'xliff') {
          if (name === 'xliff') {
            srcLang = attrs.srcLang ?? srcLang;
            trgLang = attrs.trgLang ?? trgLang;
          } else if (name === 'file') {
            srcLang = attrs['source-language'] ?? srcLang;
            trgLang = attrs['target-language'] ?? trgLang;
          } else if (name === 'trans-unit' || name === 'segment') {
            pair = { id: attrs.id, segments: [], start: parser.startIndex, end: xml.length };
            doc.pairs.push(pair);
          } else if ((name === 'source' || name === 'target') && pair && (parent === 'trans-unit' || parent === 'segment')) {
            const lang = attrs['xml:lang'] ?? (name === 'source' ? srcLang : trgLang);
            current = { lang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length };
          }
        } else {
          if (name === 'tu') {
            pair = { id: attrs.tuid, segments: [], start: parser.startIndex, end: xml.length };
            doc.pairs.push(pair);
          } else if (name === 'tuv') {
            tuvLang = attrs['xml:lang'] ?? attrs.lang ?? '';
          } else if (name === 'seg' && pair && parent === 'tuv') {
            current = { lang: tuvLang, text: new MappedText(), start: parser.endIndex + 1, depth: stack.length };
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
          if (current && skipDepth < 0) current.text.verbatim(raw, at);
          return;
        }
        if (!current || skipDepth >= 0) return;
        // From the end, which the parser reports exactly: after a processing instruction its
        // startIndex is one short.
        decodeInto(current.text, raw, parser.endIndex + 1 - raw.length);
      },
      onclosetag(rawName) {
        const name = local(rawName);
        const depth = stack.length;
        stack.pop();
        if (current && depth === current.depth) {
          pair?.segments.push({ lang: current.lang, text: current.text, start: current.start, end: parser.startIndex });
          current = undefined;
          return;
        }
        if (current) {
          if (skipDepth === depth) skipDepth = -1;
          if (BREAKS.has(name)) current.text.boundary(parser.startIndex);
        }
        if (name === 'trans-unit' || name === 'segment' || name === 'tu') {
          if (pair) pair.end = parser.endIndex + 1;
          pair = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(xml);
  if (!tooDeep) parser.end();
  doc.pairs = doc.pairs.filter((p) => p.segments.length > 0);
  return doc;
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
