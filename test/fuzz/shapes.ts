/**
 * Inputs whose cost once grew faster than their size, and other hostile shapes: shared by the
 * fuzzer (which checks them) and `npm run bench` (which times them at two sizes).
 */

/** n lines, each a suppression comment followed by a formulation it suppresses. */
export function disableComments(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `<!-- tifa-disable-next-line formulation -->\n网络强国 ${i}\n`;
  return s;
}

/** n inline glosses, "network power (网络强国)", each a deprecated rendering in a pair. */
export function inlineGlosses(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `Item ${i}: network power (网络强国); `;
  return s;
}

/** A Chinese file and an English one of n paragraphs each, paired in order. */
export function parallelParagraphs(n: number): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < n; i++) {
    zh.push(`第${i}段：建设网络强国。`);
    en.push(`Paragraph ${i}: build a cyber superpower.`);
  }
  return { zh: zh.join('\n\n') + '\n', en: en.join('\n\n') + '\n' };
}

/** A Markdown list nested n levels deep. */
export function nestedList(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '  '.repeat(i) + `- 网络强国 ${i}\n`;
  return s;
}

/** n elements nested inside one another, in a TBX or an XLIFF target. */
export function deepXml(n: number, format: 'tbx' | 'xliff'): string {
  const inner = '<g>'.repeat(n) + '网络强国' + '</g>'.repeat(n);
  return format === 'tbx'
    ? `<?xml version="1.0"?><tbx><text><body>${'<x>'.repeat(n)}${'</x>'.repeat(n)}<conceptEntry id="a"><langSec xml:lang="zh"><termSec><term>网络强国</term></termSec></langSec></conceptEntry></body></text></tbx>`
    : `<?xml version="1.0"?><xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1"><source>${inner}</source><target>network power</target></trans-unit></body></file></xliff>`;
}

/** One short formulation repeated: a flood of findings. */
export function flood(chars: number): string {
  return '网络强国'.repeat(Math.ceil(chars / 4)).slice(0, chars);
}

/** An XLIFF whose targets hold CDATA, entities, comments and processing instructions. */
export function xmlConstructs(n: number): string {
  const units: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = [
      `<![CDATA[a network power <b> & more]]>`,
      `R&amp;D &lt;tag&gt; network power`,
      `network <!-- note --> power, then network power`,
      `<?pi x?>network power &#x4e2d; network power`,
    ][i % 4];
    units.push(`<trans-unit id="u${i}"><source>建设网络强国</source><target>${target}</target></trans-unit>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>\n${units.join('\n')}\n</body></file></xliff>\n`;
}
