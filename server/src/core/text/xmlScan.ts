/**
 * A forgiving XML scanner for large glossaries (TBX): start tags with their attributes, end tags,
 * text (entities decoded), CDATA; comments, processing instructions and the DOCTYPE are skipped,
 * and entities a DOCTYPE declares are left as written (never expanded).
 *
 * Why by hand: a 100,000-concept TBX is 40 MB, and the XML parsers measured here take a second
 * or more to read it before Tifa does anything with it (saxes 1.0 to 1.5 s, htmlparser2 1.9 s as
 * events and 4.3 s as a tree, txml 2.1 s, fast-xml-parser 7.4 s). Jumping from "<" to "<" with
 * indexOf, and keeping only the text that is asked for, reads it in a fraction of that. It
 * checks nothing a glossary reader needs no checking for: mismatched end tags are reported, and
 * the reader decides what they mean. Offsets are UTF-16 units into the text given.
 */

export interface XmlEvents {
  /** A start tag: `start` is the offset of its "<", `end` just past its ">". */
  open(name: string, attributes: Record<string, string>, start: number, end: number, selfClosing: boolean): void;
  /** An end tag (or the end of a self-closing one). */
  close(name: string, start: number, end: number): void;
  /** Text between tags, entities decoded; `wanted` decides first, from its raw offsets, whether to decode it. */
  text(text: string, start: number, end: number): void;
  wanted?(start: number, end: number): boolean;
}

const ENTITY = /&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five XML entities and character references; anything else (a DOCTYPE's entities) stays as written. */
export function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Where a tag or attribute name ends: white space, "/", ">", "=", "<" or a quote. */
function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27;
}

/** Reads the XML, calling `events` in document order. Returns the first mistake seen, if any (reading goes on after it). */
export function scanXml(xml: string, events: XmlEvents): { message: string; at: number } | undefined {
  let mistake: { message: string; at: number } | undefined;
  // Names seen, by length and first unit: a glossary repeats a dozen names a million times, and
  // a name found again is compared in place instead of cut out as a new string.
  const names = new Map<number, string>();
  const nameAt = (start: number, end: number): string => {
    const key = (end - start) * 0x10000 + xml.charCodeAt(start);
    const known = names.get(key);
    if (known !== undefined && xml.startsWith(known, start)) return known;
    const name = xml.slice(start, end);
    names.set(key, name);
    return name;
  };
  const wrong = (message: string, at: number) => {
    mistake ??= { message, at };
  };
  const text = (start: number, end: number) => {
    if (end > start && (!events.wanted || events.wanted(start, end))) events.text(decodeXmlEntities(xml.slice(start, end)), start, end);
  };
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      text(pos, xml.length);
      break;
    }
    text(pos, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return (wrong('a comment is not closed', lt), mistake);
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return (wrong('a CDATA section is not closed', lt), mistake);
        if (!events.wanted || events.wanted(lt, end + 3)) events.text(xml.slice(lt + 9, end), lt, end + 3);
        pos = end + 3;
      } else {
        // <!DOCTYPE …> and other declarations: up to the ">" outside quotes and the internal subset's brackets.
        let i = lt + 2;
        let depth = 0;
        for (; i < xml.length; i++) {
          const c = xml.charCodeAt(i);
          if (c === 0x3c && xml.startsWith('<!--', i)) {
            // A comment in the internal subset may hold brackets and ">".
            const close = xml.indexOf('-->', i + 4);
            if (close < 0) break;
            i = close + 2;
          } else if (c === 0x22 || c === 0x27) {
            const close = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
            if (close < 0) break;
            i = close;
          } else if (c === 0x5b) depth++;
          else if (c === 0x5d) depth--;
          else if (c === 0x3e && depth <= 0) break;
        }
        if (i >= xml.length) return (wrong('a declaration is not closed', lt), mistake);
        pos = i + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return (wrong('a processing instruction is not closed', lt), mistake);
      pos = end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) return (wrong('an end tag is not closed', lt), mistake);
      let nameEnd = end;
      while (nameEnd > lt + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      events.close(nameAt(lt + 2, nameEnd), lt, end + 1);
      pos = end + 1;
      continue;
    }
    // A start tag, read by character codes (regular expressions here cost a third of the scan).
    let at = lt + 1;
    while (at < xml.length && !isNameEnd(xml.charCodeAt(at))) at++;
    if (at === lt + 1) {
      // A "<" that starts no tag: text, as a forgiving reader takes it.
      wrong('"<" starts no tag', lt);
      text(lt, lt + 1);
      pos = lt + 1;
      continue;
    }
    const name = nameAt(lt + 1, at);
    // Most elements have no attributes: they share one empty (frozen) object.
    let attributes: Record<string, string> = NO_ATTRIBUTES;
    let end = -1;
    let selfClosing = false;
    for (;;) {
      while (isSpace(xml.charCodeAt(at))) at++;
      const c = xml.charCodeAt(at);
      if (c === 0x3e /* > */) {
        end = at + 1;
        break;
      }
      if (c === 0x2f /* / */ && xml.charCodeAt(at + 1) === 0x3e) {
        end = at + 2;
        selfClosing = true;
        break;
      }
      const nameStart = at;
      while (at < xml.length && !isNameEnd(xml.charCodeAt(at))) at++;
      const attribute = nameAt(nameStart, at);
      while (isSpace(xml.charCodeAt(at))) at++;
      if (attribute === '' || xml.charCodeAt(at) !== 0x3d /* = */) break;
      at++;
      while (isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (quote !== 0x22 && quote !== 0x27) break;
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", at + 1);
      if (close < 0) break;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[attribute] = decodeXmlEntities(xml.slice(at + 1, close));
      at = close + 1;
    }
    if (end < 0) {
      const close = xml.indexOf('>', at);
      wrong(`the start tag <${name}> is malformed`, lt);
      if (close < 0) return mistake;
      pos = close + 1;
      continue;
    }
    events.open(name, attributes, lt, end, selfClosing);
    if (selfClosing) events.close(name, end, end);
    pos = end;
  }
  return mistake;
}
