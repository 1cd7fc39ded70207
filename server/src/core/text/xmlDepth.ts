/**
 * A bound on element nesting for every XML reader. No real XLIFF, TMX or TBX nests more than a
 * few dozen elements, while the XML tokenizer's cost grows with depth times length: 40,000
 * nested elements take seconds. A file nested deeper than this is refused with a message.
 */
import type { Parser } from 'htmlparser2';
import { htmlparser2Library } from '../libraries';
import { localize, said } from '../l10n';

export const MAX_XML_DEPTH = 256;

export const depthMessage = (offset: number) => localize('en', 'notice.xml-depth', { max: MAX_XML_DEPTH, offset });
/** The same, for a finding that can be shown in Chinese. */
export const depthSaid = (offset: number) => said('notice.xml-depth', { max: MAX_XML_DEPTH, offset });

/** The offset of the first element nested deeper than MAX_XML_DEPTH, if any: one linear pass that stops there. */
export function tooDeepAt(xml: string): number | undefined {
  let depth = 0;
  let at: number | undefined;
  const parser: Parser = new (htmlparser2Library().Parser)(
    {
      onopentag() {
        if (++depth > MAX_XML_DEPTH && at === undefined) {
          at = parser.startIndex;
          parser.pause();
        }
      },
      onclosetag() {
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(xml);
  if (at === undefined) parser.end();
  return at;
}
