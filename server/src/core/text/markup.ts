/**
 * What is not prose, and what the writer asked Tifa to leave alone.
 *
 * - Markdown: code (fenced, indented, inline), front matter, HTML (comments and raw tags), link
 *   and image destinations, autolinks and link definitions are masked, so nothing in them is
 *   checked. Masking keeps every offset (same length, line breaks kept) and puts a hard
 *   boundary in place of the masked text so that no formulation is formed across it. The
 *   Markdown is parsed with mdast-util-from-markdown (CommonMark + GFM tables and autolinks +
 *   front matter), which gives exact offsets for every node.
 * - Suppression comments: <!-- tifa-disable [rules] --> … <!-- tifa-enable [rules] -->,
 *   <!-- tifa-disable-next-line [rules] -->, and in plain text the same words after # or //.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmTable } from 'micromark-extension-gfm-table';

/** Replaces masked units; a control character the normalizer treats as an ordinary, non-word unit. */
export const MASK = '\u0000';

interface Node {
  type: string;
  url?: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const MASKED_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference']);

/** Offset ranges of a Markdown text that are not prose. Sorted, non-overlapping. */
export function markdownNonProse(text: string): Array<[number, number]> {
  return markdownStructure(text).nonProse;
}

/**
 * Containers (list items, block quotes) nested deeper than this are not parsed as Markdown: the
 * parser checks every open container on every line, so its cost grows with size times depth
 * (1,000 nested items took 95 s). Real documents nest a handful of levels.
 */
export const MAX_MARKDOWN_NESTING = 24;

/**
 * The first line whose prefix suggests containers nested deeper than max: its markers ("-",
 * "1.", ">") plus half its indentation.
 */
export function markdownTooDeep(text: string, max: number): { depth: number; offset: number } | undefined {
  const prefix = /^([ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)+)/gm;
  for (let m = prefix.exec(text); m; m = prefix.exec(text)) {
    const p = m[1];
    const markers = (p.match(/>|[-+*](?=[ \t]|$)|\d{1,9}[.)]/g) ?? []).length;
    const columns = /^[ \t]*/.exec(p)![0].replace(/\t/g, '    ').length;
    const depth = markers + Math.floor(columns / 2);
    if (depth > max) return { depth, offset: m.index };
  }
  return undefined;
}

/**
 * What is not prose (masked), and the block-quote markers ("> " at the start of a quoted line),
 * which are blanked instead: a quoted Chinese paragraph wrapped mid-phrase is one phrase.
 */
export function markdownStructure(text: string): { nonProse: Array<[number, number]>; markers: Array<[number, number]>; tooDeep?: { depth: number; offset: number } } {
  const markers: Array<[number, number]> = [];
  // Too deep to parse in bounded time: read as plain text, and say so.
  const tooDeep = markdownTooDeep(text, MAX_MARKDOWN_NESTING);
  if (tooDeep) return { nonProse: [], markers, tooDeep };
  const tree = fromMarkdown(text, {
    extensions: [gfmTable(), gfmAutolinkLiteral(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmTableFromMarkdown(), gfmAutolinkLiteralFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  }) as Node;
  const ranges: Array<[number, number]> = [];
  const span = (n: Node): [number, number] | undefined => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s === undefined || e === undefined ? undefined : [s, e];
  };
  const visit = (n: Node) => {
    const r = span(n);
    if (r && n.type === 'blockquote') {
      // Every line of the quote after its first starts with its markers (and any outer ones).
      for (let lineStart = text.lastIndexOf('\n', r[0] - 1) + 1; lineStart < r[1]; ) {
        const m = /^[ \t]*(?:>[ \t]?)+/.exec(text.slice(lineStart, Math.min(text.length, lineStart + 200)));
        if (m) markers.push([lineStart, lineStart + m[0].length]);
        const next = text.indexOf('\n', lineStart);
        if (next < 0) break;
        lineStart = next + 1;
      }
    }
    if (r && MASKED_TYPES.has(n.type)) {
      ranges.push(r);
      return;
    }
    if (r && n.type === 'link') {
      const children = n.children ?? [];
      const text = children.map((c) => c.value ?? '').join('');
      // An autolink (<https://…> or a bare URL) is all destination.
      if (children.length === 0 || text === n.url || `mailto:${text}` === n.url || `http://${text}` === n.url) {
        ranges.push(r);
        return;
      }
      // [text](destination "title"): only the text between the brackets is prose.
      let cursor = r[0];
      for (const c of children) {
        const cr = span(c);
        if (!cr) continue;
        if (cr[0] > cursor) ranges.push([cursor, cr[0]]);
        cursor = cr[1];
        visit(c);
      }
      if (cursor < r[1]) ranges.push([cursor, r[1]]);
      return;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  ranges.sort((a, b) => a[0] - b[0]);
  return { nonProse: ranges, markers };
}

/** The text with the given ranges masked, same length; line breaks are kept. */
export function mask(text: string, ranges: ReadonlyArray<readonly [number, number]>, blanks: ReadonlyArray<readonly [number, number]> = []): string {
  if (blanks.length) {
    // Blank first (spaces, which the normalizer folds like any white space), then mask.
    let out = '';
    let cursor = 0;
    for (const [s, e] of [...blanks].sort((a, b) => a[0] - b[0])) {
      if (s < cursor) continue;
      out += text.slice(cursor, s) + ' '.repeat(e - s);
      cursor = e;
    }
    text = out + text.slice(cursor);
  }
  if (ranges.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [s, e] of ranges) {
    if (s < cursor) continue;
    out += text.slice(cursor, s);
    out += text.slice(s, e).replace(/[^\r\n]/g, MASK);
    cursor = e;
  }
  return out + text.slice(cursor);
}

export interface SuppressionRegion {
  start: number;
  end: number;
  /** Rule codes; empty means every rule. */
  rules: string[];
}

const DIRECTIVE = /tifa-(disable-next-line|disable|enable)\b([^\r\n]*)/g;

/**
 * Suppression regions from directives. `comments` are the [start, end) ranges of comments in
 * which a directive counts: HTML/XML comments in Markdown and XML, `#` or `//` line comments in
 * plain text (found here when comments is undefined). In XML, `units` are the translation units:
 * a `tifa-disable-next-line` comment just before a unit's start tag covers the whole unit, so
 * that the comment never has to stand inside translatable text.
 */
export function suppressions(text: string, comments?: ReadonlyArray<readonly [number, number]>, units?: ReadonlyArray<{ start: number; end: number }>): SuppressionRegion[] {
  const found: Array<{ kind: string; rules: string[]; start: number; end: number }> = [];
  const parseRules = (rest: string) =>
    rest
      .replace(/-->\s*$/, '')
      .split(/[\s,]+/)
      .filter((r) => /^[a-z][a-z-]*$/.test(r));
  if (comments) {
    for (const [s, e] of comments) {
      const body = text.slice(s, e);
      DIRECTIVE.lastIndex = 0;
      const m = DIRECTIVE.exec(body);
      if (m) found.push({ kind: m[1], rules: parseRules(m[2]), start: s, end: e });
    }
  } else {
    // Plain text: "# tifa-…" or "// tifa-…" at the start of a line (after white space).
    const line = /^[ \t]*(?:#|\/\/)[ \t]*tifa-(disable-next-line|disable|enable)\b([^\r\n]*)/gm;
    for (let m = line.exec(text); m; m = line.exec(text)) found.push({ kind: m[1], rules: parseRules(m[2]), start: m.index, end: m.index + m[0].length });
  }
  const unitAt = new Map((units ?? []).map((u) => [u.start, u]));
  const regions: SuppressionRegion[] = [];
  // Open disable regions, indexed by rule so that each enable touches only what it closes:
  // every region is closed once, whatever the number of directives.
  type Open = { start: number; rules: string[]; closed: boolean };
  const openAll = new Set<Open>();
  const openByRule = new Map<string, Set<Open>>();
  const close = (o: Open, at: number) => {
    if (o.closed) return;
    o.closed = true;
    regions.push({ start: o.start, end: at, rules: o.rules });
    openAll.delete(o);
    for (const r of o.rules) openByRule.get(r)?.delete(o);
  };
  const allOpen: Open[] = [];
  for (const d of found) {
    if (d.kind === 'disable-next-line') {
      let next = d.end;
      while (next < text.length && /[ \t\r\n]/.test(text[next])) next++;
      const unit = unitAt.get(next);
      if (unit) {
        regions.push({ start: unit.start, end: unit.end, rules: d.rules });
        continue;
      }
      const lineEnd = nextLineBreak(text, d.end);
      const nextStart = lineEnd < text.length ? lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1) : text.length;
      regions.push({ start: nextStart, end: nextLineBreak(text, nextStart), rules: d.rules });
    } else if (d.kind === 'disable') {
      const o: Open = { start: d.end, rules: d.rules, closed: false };
      allOpen.push(o);
      if (o.rules.length === 0) openAll.add(o);
      for (const r of o.rules) {
        const set = openByRule.get(r) ?? new Set<Open>();
        set.add(o);
        openByRule.set(r, set);
      }
    } else if (d.rules.length === 0) {
      // enable closes what it names, or everything when it names nothing.
      for (const o of allOpen.splice(0)) close(o, d.start);
    } else {
      for (const o of [...openAll]) close(o, d.start);
      for (const r of d.rules) for (const o of [...(openByRule.get(r) ?? [])]) close(o, d.start);
    }
  }
  for (const o of allOpen) if (!o.closed) close(o, text.length);
  return regions;
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * The findings no region suppresses, in one sweep: regions by start, findings by start, and for
 * each rule the furthest end of the regions begun so far. Linear in both, after sorting.
 */
export function withoutSuppressed<T extends { start: number; code: string }>(findings: readonly T[], regions: readonly SuppressionRegion[]): T[] {
  if (regions.length === 0) return [...findings];
  const sortedRegions = [...regions].sort((a, b) => a.start - b.start);
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].start - findings[b].start);
  const furthest = new Map<string, number>(); // '' = every rule
  const keep = new Array<boolean>(findings.length).fill(true);
  let r = 0;
  for (const i of order) {
    const f = findings[i];
    while (r < sortedRegions.length && sortedRegions[r].start <= f.start) {
      const reg = sortedRegions[r++];
      for (const key of reg.rules.length ? reg.rules : ['']) furthest.set(key, Math.max(furthest.get(key) ?? -1, reg.end));
    }
    if ((furthest.get('') ?? -1) > f.start || (furthest.get(f.code) ?? -1) > f.start) keep[i] = false;
  }
  return findings.filter((_, i) => keep[i]);
}

/**
 * Where the comment that ignores one finding goes, and what it says. Markdown and plain text: a
 * line of its own above the finding's line, indented like it. XML: just before the start tag of
 * the unit that holds the finding, where it changes no translatable text (and never before the
 * XML declaration); undefined when the finding is in no unit.
 */
export function suppressionInsertion(text: string, kind: 'plaintext' | 'markdown' | 'xliff' | 'tmx', offset: number, rule: string, units?: ReadonlyArray<{ start: number; end: number }>): { offset: number; text: string } | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStartOf = (at: number) => Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  if (kind === 'xliff' || kind === 'tmx') {
    const unit = units?.find((u) => offset >= u.start && offset < u.end);
    if (!unit) return undefined;
    const lineStart = lineStartOf(unit.start);
    const lead = text.slice(lineStart, unit.start);
    const comment = `<!-- tifa-disable-next-line ${rule} -->`;
    return /^[ \t]*$/.test(lead) ? { offset: unit.start, text: `${comment}${eol}${lead}` } : { offset: unit.start, text: comment };
  }
  const lineStart = lineStartOf(offset);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const comment = kind === 'plaintext' ? `# tifa-disable-next-line ${rule}` : `<!-- tifa-disable-next-line ${rule} -->`;
  return { offset: lineStart, text: `${indent}${comment}${eol}` };
}

/** HTML comments among the masked Markdown ranges (where directives live); block ranges include indentation. */
export function htmlComments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const body = text.slice(s, e);
    const lead = body.length - body.trimStart().length;
    if (body.startsWith('<!--', lead) && body.trimEnd().endsWith('-->')) out.push([s + lead, e]);
  }
  return out;
}
