/**
 * Fixes as text edits over findings, shared by the editor (quick fix, fix-all) and `tifa lint
 * --fix`, and checked before anything is written: a translator's deliverable must never come
 * out damaged. In XLIFF and TMX the edited file must parse into the same units and segments,
 * and only the text that was meant to change may change.
 */
import type { DocumentKind } from '../engine';
import type { Finding, FixData } from './findings';
import { type Rule, RULES } from './rules';
import { parseBilingualXml, parseBilingualXmlOnce, type XmlDocument } from '../text/xmlSegments';

export interface TextEdit {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  text: string;
}

export function isFixData(data: Finding['data']): data is FixData {
  return !!data && 'replacements' in data && Array.isArray(data.replacements);
}

/** The first (preferred) replacement of every fixable finding, in order, never two over one range. */
export function preferredFixEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const rule: Rule | undefined = isFixData(f.data) ? RULES[f.data.rule] : undefined;
    const first = isFixData(f.data) && !rule?.notInFixAll ? f.data.replacements[0] : undefined;
    if (!first || f.start < lastEnd) continue;
    edits.push({ start: f.start, end: f.end, text: first.text });
    lastEnd = f.end;
  }
  return edits;
}

/** Applies non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

export type FixCheck = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Applies the edits and checks the result: why it is refused, or the new text. In Markdown and
 * plain text an edit replaces prose only (findings never cover markup there); in XML the file
 * is parsed again and compared segment by segment.
 */
export function checkedFix(kind: DocumentKind, before: string, edits: readonly TextEdit[]): FixCheck {
  let after: string;
  try {
    after = applyEdits(before, edits);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (kind !== 'xliff' && kind !== 'tmx') return { ok: true, text: after };
  const reason = xmlEditProblem(kind, before, after, edits);
  return reason ? { ok: false, reason } : { ok: true, text: after };
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[n]!);

function xmlEditProblem(kind: 'xliff' | 'tmx', before: string, after: string, edits: readonly TextEdit[]): string | undefined {
  const a = parseBilingualXmlOnce(before, kind); // shared with the lint and the other candidate fixes
  const b = parseBilingualXml(after, kind);
  const shape = (d: XmlDocument) => JSON.stringify([d.pairs.map((p) => [p.id, p.segments.map((s) => s.lang)]), d.comments.length, d.cdata.length, d.problems.map((p) => p.message)]);
  if (shape(a) !== shape(b)) return 'the edited file would not have the same units and segments';
  // Expected text of every segment: the old text with each edit's range replaced by what it reads as.
  const expected = a.pairs.map((p) => p.segments.map((s) => s.text.text));
  const sorted = [...edits].sort((x, y) => y.start - x.start);
  for (const e of sorted) {
    let placed = false;
    a.pairs.forEach((p, pi) =>
      p.segments.forEach((s, si) => {
        if (placed || e.start < s.start || e.end > s.end) return;
        const range = s.text.fromFile(e.start, e.end);
        if (!range) return;
        const inCdata = a.cdata.some(([cs, ce]) => e.start >= cs && e.end <= ce);
        const reads = inCdata ? e.text : unescapeXml(e.text);
        const t = expected[pi][si];
        expected[pi][si] = t.slice(0, range[0]) + reads + t.slice(range[1]);
        placed = true;
      }),
    );
    if (!placed) return `the edit at offset ${e.start} is not inside the text of one segment`;
  }
  for (let pi = 0; pi < b.pairs.length; pi++) {
    for (let si = 0; si < b.pairs[pi].segments.length; si++) {
      if (b.pairs[pi].segments[si].text.text !== expected[pi][si]) return `segment ${b.pairs[pi].id ?? pi + 1} would not read as intended`;
    }
  }
  return undefined;
}
