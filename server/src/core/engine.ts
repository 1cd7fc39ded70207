/**
 * The analysis core's entry point: a glossary in, findings out. Built once per glossary (the
 * automaton is the expensive part), then used for every document.
 */
import { deprecatedRenderings, documentInconsistencies, inlineGlossPairs, type Pair, pairFindings, paragraphs } from './checks/consistency';
import type { Finding } from './checks/findings';
import { fittingAppearance, formulationFindings } from './checks/formulations';
import { hoverCard } from './render/hoverCard';
import { htmlComments, MAX_MARKDOWN_NESTING, markdownNonProse, markdownStructure, mask, suppressionInsertion, suppressions, withoutSuppressed } from './text/markup';
import { type FormulationMatch, FormulationMatcher } from './text/matcher';
import type { Glossary } from './glossary/model';
import { parseBilingualXmlOnce, segmentLabel, type SegmentPair } from './text/xmlSegments';
import { lowerBound } from './text/search';
import { type Locale, type Localized, localize, said } from './l10n';
import { paragraphEnd, paragraphStart, rematch } from './text/incremental';
import { needsContext } from './text/english';
import type { RecordSummary } from './record/attestations';

export type DocumentKind = 'plaintext' | 'markdown' | 'xliff' | 'tmx';

/**
 * In XML a replacement must not cut through markup nor bring its own: a range that contains a
 * tag, an entity or a CDATA boundary gets no replacement (the ignore and add-to-glossary fixes
 * remain). Replacement text is escaped, except inside CDATA, where it is taken as written.
 */
function xmlSafeFix(f: Finding, cdata: ReadonlyArray<readonly [number, number]>): void {
  const data = f.data;
  if (!data || !('replacements' in data)) return;
  if (/[<>&]/.test(data.original) || data.original.includes(']]')) {
    data.replacements = [];
    return;
  }
  // CDATA sections are sorted and disjoint: the one that could hold f starts at or before it.
  const i = lowerBound(cdata, f.start + 1, (c) => c[0]) - 1;
  const inCdata = i >= 0 && f.start >= cdata[i][0] && f.end <= cdata[i][1];
  const crosses = !inCdata && ((i >= 0 && f.start < cdata[i][1]) || (i + 1 < cdata.length && cdata[i + 1][0] < f.end));
  if (crosses) data.replacements = [];
  else if (inCdata) data.replacements = data.replacements.filter((r) => !r.text.includes(']]>'));
  else data.replacements = data.replacements.map((r) => ({ ...r, text: r.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') }));
}

/** push(...items) passes every item as an argument: past about 100,000 the stack overflows. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The drafts Tifa checks, by extension: what a folder given to the CLI, or searched for references, holds. */
export const DRAFT_GLOB = '**/*.{md,markdown,txt,xlf,xliff,sdlxliff,mqxliff,mxliff,txlf,tmx}';

/** XLIFF and its CAT tools' dialects: Trados .sdlxliff, memoQ .mqxliff, Phrase .mxliff, Wordfast .txlf. */
const XLIFF_EXTENSIONS = /\.(xlf|xliff|sdlxliff|mqxliff|mxliff|txlf)$/;

/**
 * The kind of a document from its editor language, or failing that its file name, or failing
 * that (an .xml file, or a name the CAT tool chose) its first 4,000 characters: the XLIFF
 * namespace or a <tmx> root.
 */
export function documentKind(languageId?: string, path?: string, text?: TextSlices): DocumentKind {
  if (languageId === 'markdown' || languageId === 'xliff' || languageId === 'tmx') return languageId;
  const p = (path ?? '').toLowerCase();
  if (/\.(md|markdown)$/.test(p)) return 'markdown';
  if (XLIFF_EXTENSIONS.test(p)) return 'xliff';
  if (/\.tmx$/.test(p)) return 'tmx';
  if (text && (languageId === 'xml' || /\.xml$/.test(p))) return sniffXml(text.slice(0, 4000)) ?? 'plaintext';
  return 'plaintext';
}

/** XLIFF or TMX by content: the root element (and for XLIFF its namespace), after any prolog and comments. */
export function sniffXml(head: string): 'xliff' | 'tmx' | undefined {
  const root = /^\uFEFF?\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(head);
  if (!root) return undefined;
  const name = root[1].replace(/^.*:/, '');
  if (name === 'xliff' && /urn:oasis:names:tc:xliff:document:/.test(root[2])) return 'xliff';
  if (name === 'tmx') return 'tmx';
  return undefined;
}

/** The insertion that ignores one finding at offset (see suppressionInsertion). */
export function ignoreInsertion(text: string, kind: DocumentKind, offset: number, rule: string): { offset: number; text: string } | undefined {
  const units = kind === 'xliff' || kind === 'tmx' ? parseBilingualXmlOnce(text, kind).pairs : undefined;
  return suppressionInsertion(text, kind, offset, rule, units);
}

/** A string, or a document that reads windows of its text without joining it. */
export interface TextSlices {
  readonly length: number;
  slice(start: number, end: number): string;
}

export interface LintOptions {
  kind?: DocumentKind;
  /** For an English file with a Chinese counterpart (name.en.md beside name.zh.md): the Chinese text. */
  parallelSource?: { text: string; kind: DocumentKind };
  /** Bilingual XML: segments left unchecked, by their status in the CAT tool (tifa.segments.skip). */
  skipSegments?: readonly SegmentSkip[];
}

/** Segments a translator may leave out of the checks: not yet confirmed, or locked by the project manager. */
export type SegmentSkip = 'unconfirmed' | 'locked';

function skipped(pair: SegmentPair, skip: readonly SegmentSkip[] | undefined): boolean {
  if (!skip?.length || !pair.status) return false;
  return (skip.includes('unconfirmed') && pair.status.confirmed === false) || (skip.includes('locked') && pair.status.locked);
}

/** Appends to each finding in a segment that has a number or a status what the CAT tool calls it. */
function nameSegments(findings: Finding[], pairs: readonly SegmentPair[]): void {
  const spans: Array<[number, number, Localized]> = [];
  for (const p of pairs) {
    const label = segmentLabel(p);
    if (label) for (const s of p.segments) spans.push([s.start, s.end, label]);
  }
  if (!spans.length) return;
  spans.sort((a, b) => a[0] - b[0]);
  for (const f of findings) {
    const i = lowerBound(spans, f.start + 1, (s) => s[0]) - 1;
    if (i >= 0 && f.start >= spans[i][0] && f.end <= spans[i][1]) {
      const suffix = spans[i][2];
      // A message without a catalogue key (a formulation's, which is glossary data) goes as it is.
      f.l10n = { ...(f.l10n ?? { key: 'verbatim', args: { text: f.message } }), suffix };
      f.message += localize('en', suffix.key, suffix.args);
    }
  }
}

export interface Analysis {
  matches: FormulationMatch[];
  findings: Finding[];
}

/**
 * Whether an English match names its concept. In a bilingual pair, a rendering belongs to a
 * concept only when the source has that concept ("network power" in a sentence about an
 * electricity grid renders nothing of 网络强国): there the source says it is not the formulation,
 * and Tifa says nothing of it ('no'). A concept with no Chinese form cannot be looked for in the
 * source, so there its rendering counts unless it is ordinary English. Outside pairs, ordinary
 * English (needsContext) names nothing on its own: a hint at most ('quiet'). Asked of English
 * matches only.
 */
function attribution(pairs: readonly Pair[]): (m: FormulationMatch) => 'yes' | 'quiet' | 'no' {
  const pairOf = new Map<FormulationMatch, Pair>();
  for (const p of pairs) for (const e of p.en) pairOf.set(e, p);
  return (m) => {
    const ordinary = m.rendering !== undefined && needsContext(m.rendering);
    const pair = pairOf.get(m);
    if (!pair || m.concept.zh.length === 0) return ordinary ? 'quiet' : 'yes';
    return pair.zh.some((z) => z.concept === m.concept || z.contains.includes(m.concept)) ? 'yes' : 'no';
  };
}

export class TifaEngine {
  private readonly matcher: FormulationMatcher;
  /** The prose each plain-text or Markdown analysis matched, so that the next lint can reuse its matches. */
  private readonly proseOf = new WeakMap<Analysis, { kind: DocumentKind; prose: string }>();

  constructor(readonly glossary: Glossary) {
    this.matcher = new FormulationMatcher(glossary);
  }

  get conceptCount(): number {
    return this.glossary.concepts.length;
  }

  /** The formulations in text as it is, without findings (the record's indexing). */
  find(text: string): FormulationMatch[] {
    return this.matcher.find(text);
  }

  /** Formulations only, on text as it is (no markup handling, no pairing). */
  analyze(text: string): Analysis {
    const matches = this.matcher.find(text);
    return { matches, findings: formulationFindings(this.glossary, matches) };
  }

  /**
   * Every check, with markup, suppression comments and bilingual pairing handled. Given this
   * engine's analysis of an earlier version of the text, only the paragraphs that changed are
   * matched again (plain text and Markdown); the checks over the matches run as before.
   */
  lint(text: string, options: LintOptions = {}, previous?: Analysis): Analysis {
    const kind = options.kind ?? 'plaintext';
    let matches: FormulationMatch[];
    let pairs: Pair[] = [];
    let regions;
    let cdata: Array<[number, number]> = [];
    let prose: string | undefined;
    let segmentPairs: readonly SegmentPair[] = [];
    const notices: Finding[] = [];

    if (kind === 'xliff' || kind === 'tmx') {
      const xml = parseBilingualXmlOnce(text, kind);
      matches = [];
      segmentPairs = options.skipSegments?.length ? xml.pairs.filter((p) => !skipped(p, options.skipSegments)) : xml.pairs;
      for (const pair of segmentPairs) {
        const zh: FormulationMatch[] = [];
        const en: FormulationMatch[] = [];
        let target: [number, number] | undefined;
        let hasSource = false;
        for (const seg of pair.segments) {
          const found = this.matcher.find(seg.text.text).map((m) => {
            const [start, end] = seg.text.toFile(m.start, m.end);
            return { ...m, start, end };
          });
          append(matches, found);
          const lang = seg.lang.toLowerCase();
          if (lang.startsWith('zh')) {
            hasSource = true;
            append(zh, found.filter((m) => m.language === 'zh'));
          }
          else if (lang.startsWith('en')) {
            append(en, found.filter((m) => m.language === 'en'));
            target = [seg.start, seg.end];
          }
        }
        // A pair even when its source has no formulation: what its translation says is then judged by that source.
        if (target && hasSource) pairs.push({ zh, en, target });
      }
      matches.sort((a, b) => a.start - b.start);
      regions = suppressions(text, xml.comments, xml.pairs);
      cdata = xml.cdata;
      for (const p of xml.problems) notices.push({ start: p.start, end: p.end, code: 'document-notice', message: p.message, ...(p.l10n ? { l10n: p.l10n } : {}) });
    } else {
      const { nonProse, markers, tooDeep } = kind === 'markdown' ? markdownStructure(text) : { nonProse: [], markers: [], tooDeep: undefined };
      if (tooDeep) {
        const lineEnd = text.slice(tooDeep.offset, tooDeep.offset + 200).search(/\r|\n|$/);
        notices.push({ start: tooDeep.offset, end: tooDeep.offset + lineEnd, code: 'document-notice', ...said('notice.markdown-depth', { depth: tooDeep.depth, max: MAX_MARKDOWN_NESTING }) });
      }
      prose = mask(text, nonProse, markers);
      const before = previous && this.proseOf.get(previous);
      const again = before?.kind === kind ? rematch(before.prose, previous!.matches, prose, (piece) => this.matcher.find(piece)) : undefined;
      matches = again?.matches ?? this.matcher.find(prose);
      regions = suppressions(text, kind === 'markdown' ? htmlComments(text, nonProse) : undefined);
      pairs = inlineGlossPairs(prose, matches);
      if (options.parallelSource) append(pairs, this.parallelPairs(options.parallelSource, prose, matches, notices));
    }

    // Renderings are judged only where they name their concept (see attribution); the others'
    // formulation findings are quiet, or not given where the pair's source says otherwise.
    const attributed = attribution(pairs);
    const formulations = formulationFindings(this.glossary, matches, text);
    const english: FormulationMatch[] = [];
    const unsaid = new Set<Finding>();
    for (let i = 0; i < matches.length; i++) {
      if (matches[i].language !== 'en') continue;
      const a = attributed(matches[i]);
      if (a === 'yes') english.push(matches[i]);
      else if (a === 'quiet') formulations[i].quiet = true;
      else unsaid.add(formulations[i]);
    }
    const findings = withoutSuppressed([
      ...(unsaid.size ? formulations.filter((f) => !unsaid.has(f)) : formulations),
      ...deprecatedRenderings(text, english),
      ...documentInconsistencies(text, english),
      ...pairFindings(text, pairs),
      ...notices,
    ], regions);
    if (kind === 'xliff' || kind === 'tmx') {
      for (const f of findings) xmlSafeFix(f, cdata);
      nameSegments(findings, segmentPairs);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    const analysis = { matches, findings };
    if (prose !== undefined) this.proseOf.set(analysis, { kind, prose });
    return analysis;
  }

  /** name.zh.md beside name.en.md: paragraphs paired in order, when their counts agree. */
  private parallelPairs(source: { text: string; kind: DocumentKind }, prose: string, matches: FormulationMatch[], notices: Finding[]): Pair[] {
    const zhProse = source.kind === 'markdown' ? mask(source.text, markdownNonProse(source.text)) : source.text;
    const zhParagraphs = paragraphs(zhProse);
    const enParagraphs = paragraphs(prose);
    if (zhParagraphs.length !== enParagraphs.length) {
      const firstLine = prose.search(/\r|\n|$/);
      notices.push({
        start: 0,
        end: Math.max(0, firstLine),
        code: 'document-notice',
        ...said('notice.paragraphs', { zh: zhParagraphs.length, en: enParagraphs.length }),
      });
      return [];
    }
    // Matches by start, paragraphs in order: each paragraph takes its slice by binary search
    // (scanning every match per paragraph was quadratic: 60,000 paragraphs took 28 s).
    const zhMatches = this.matcher.find(zhProse).filter((m) => m.language === 'zh').sort((a, b) => a.start - b.start);
    const enMatches = matches.filter((m) => m.language === 'en').sort((a, b) => a.start - b.start);
    const within = (ms: FormulationMatch[], s: number, e: number) => ms.slice(lowerBound(ms, s, (m) => m.start), lowerBound(ms, e, (m) => m.start)).filter((m) => m.end <= e);
    return enParagraphs.map(([s, e], i) => {
      const [zs, ze] = zhParagraphs[i];
      return { zh: within(zhMatches, zs, ze), en: within(enMatches, s, e), target: [s, e] as [number, number] };
    });
  }

  /**
   * The formulations in the paragraph around an offset only (a blank line ends every
   * formulation), at most `reach` units each way: what a hover needs while the document is being
   * edited, at the cost of one paragraph, not of the document. Markdown is parsed for that
   * paragraph alone. Undefined for XLIFF and TMX, whose units need the whole file. The text may be
   * anything that slices (the server's chunked documents), so that the whole is never read.
   */
  matchesAround(text: TextSlices, kind: DocumentKind, offset: number, reach = 4000): FormulationMatch[] | undefined {
    if (kind === 'xliff' || kind === 'tmx') return undefined;
    const from = Math.max(0, offset - reach);
    const around = text.slice(from, Math.min(text.length, offset + reach));
    // The same paragraph bounds as re-analysis after an edit (core/text/incremental.ts).
    const start = from + paragraphStart(around, offset - from);
    const window = around.slice(start - from, paragraphEnd(around, offset - from));
    const prose = kind === 'markdown' ? mask(window, markdownNonProse(window)) : window;
    return this.matcher.find(prose).map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
  }

  /** The match covering a UTF-16 offset (a hover position), if any. */
  static matchAt(analysis: Analysis, offset: number): FormulationMatch | undefined {
    const ms = analysis.matches;
    let lo = 0;
    let hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].end <= offset) lo = mid + 1;
      else if (ms[mid].start > offset) hi = mid - 1;
      else return ms[mid];
    }
    return undefined;
  }

  /**
   * The hover card of a match; given the text the match's offsets are in (or a window of it that
   * holds them, with its offset), the appearance that fits the words around it is marked; given
   * the concept's record, a section "In the record 文献"; given a memory section (render/memorySection), that too.
   */
  hover(match: Pick<FormulationMatch, 'concept' | 'contains' | 'rendering'> & Partial<Pick<FormulationMatch, 'language' | 'form' | 'start' | 'end'>>, context?: { text: string; offset: number }, record?: RecordSummary, memory?: string, locale: Locale = 'en'): string {
    const { language, form, start, end } = match;
    const fit = context && language && form !== undefined && start !== undefined && end !== undefined
      ? fittingAppearance(this.glossary, { concept: match.concept, language, form, start: start - context.offset, end: end - context.offset }, context.text)
      : undefined;
    return hoverCard(this.glossary, match, fit?.appearance, record, memory, locale);
  }
}
