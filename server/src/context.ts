/**
 * What every feature shares: the connection, the open documents, the engine for the glossaries
 * in force, and each document's latest analysis (so hovers, diagnostics and fixes agree and do
 * not re-analyse).
 */
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, candidateFindings, type Locale, said, type DocumentKind, documentKind, type Finding, type FormulationMatch, glossaryFormat, type TifaEngine } from './core';
import { TifaDocument } from './document';
import type { GlossaryManager } from './glossaryManager';
import type { MemoryFeature } from './features/memory';
import { readParallelSource } from './parallel';
import { RecordStore } from './record';
import type { SettingsStore } from './settings';

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Documents from this size on get paragraph-local hovers while they change, and pulled diagnostics
 * once the typing pauses (a full check costs milliseconds a megabyte, a second a megabyte of Markdown).
 */
export const LARGE_DOCUMENT = 200_000;

export class TifaContext {
  /** Each document's latest analysis; for one over tifa.maxFileSize, its size in bytes and units when last measured. */
  private readonly analyses = new Map<string, { version: number; engine: TifaEngine; source: string | undefined; limit: number; skip?: string; analysis: Analysis; bytes?: number; length?: number }>();
  /** Open documents over tifa.maxFileSize, by URI, for the status item. */
  readonly tooLarge = new Set<string>();
  /** Open documents by file path (URI for other schemes), kept by the server on open and close. */
  readonly openPaths = new Map<string, string>();
  onTooLargeChange: () => void = () => undefined;
  /** The client's language (initialize's locale): Chinese or English messages, titles and hovers. */
  locale: Locale = 'en';
  /** Translation memories (features/memory.ts), once registered. */
  memory: MemoryFeature | undefined;
  /** The built-in record, indexed per engine in the background. */
  readonly record: RecordStore = new RecordStore(undefined, (message) => this.connection.console.warn(message));

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TifaDocument>,
    readonly settings: SettingsStore,
    readonly glossaries: GlossaryManager,
  ) {}

  /** The engine for a document: its workspace folder's glossaries. */
  engineFor(uri: string): TifaEngine {
    return this.glossaries.engineForPath(uriToPath(uri));
  }

  /** The kind of a document: by language, name, or for XML by content (an .sdlxliff under another name). */
  kindOf(document: TextDocument): DocumentKind {
    return documentKind(document.languageId, uriToPath(document.uri) ?? document.uri, document instanceof TifaDocument ? document : document.getText());
  }

  /**
   * Whether Tifa checks a document: a glossary open in the editor (synced so that additions land
   * on its current text) is not a draft, nor is XML that is neither XLIFF nor TMX (the client
   * sends every .xml file: content decides).
   */
  isDraft(document: TextDocument): boolean {
    const path = uriToPath(document.uri) ?? document.uri;
    // An .xml file is a draft when its content is XLIFF or TMX (a TBX glossary may be named .xml too).
    if (/\.xml$/i.test(path)) return this.kindOf(document) !== 'plaintext';
    if (glossaryFormat(path)) return false;
    return !(document.languageId === 'xml' && this.kindOf(document) === 'plaintext');
  }

  analysis(document: TextDocument): Analysis {
    if (!this.isDraft(document)) return { matches: [], findings: [] };
    const limit = this.settings.peek(document.uri).maxFileSize;
    const cachedLarge = this.analyses.get(document.uri);
    if (cachedLarge && cachedLarge.limit === limit && this.tooLarge.has(document.uri)) {
      if (cachedLarge.version === document.version) return cachedLarge.analysis;
      // Still too large after an edit when even the most the edit could have removed (three bytes
      // a unit) leaves it over the limit: no need to join and measure megabytes at each keystroke
      // (a hover while typing in 9 MB took 40 ms doing so). The notice keeps its size to 0.1 MB.
      const units = document instanceof TifaDocument ? document.length : document.getText().length;
      const delta = Math.abs(units - (cachedLarge.length ?? 0));
      if (cachedLarge.bytes !== undefined && delta < 65536 && cachedLarge.bytes - 3 * delta > limit) {
        const head = document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(Math.min(units, 201)) });
        const firstLine = head.search(/\r|\n/);
        const notice = { ...cachedLarge.analysis.findings[0], end: firstLine < 0 ? Math.min(head.length, 200) : Math.min(firstLine, 200) };
        const analysis: Analysis = { matches: [], findings: [notice] };
        this.analyses.set(document.uri, { ...cachedLarge, version: document.version, analysis });
        return analysis;
      }
    }
    const text = document.getText();
    // Cheap test first: UTF-8 takes at least one byte a unit and at most three.
    const bytes = limit > 0 && text.length * 3 > limit ? Buffer.byteLength(text, 'utf8') : 0;
    if (bytes > limit) {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      const firstLine = text.search(/\r|\n/);
      const analysis: Analysis = {
        matches: [],
        findings: [{
          start: 0,
          end: firstLine < 0 ? Math.min(text.length, 200) : Math.min(firstLine, 200),
          code: 'document-notice',
          ...said('notice.too-large', { size: mb(bytes), limit: mb(limit) }),
        }],
      };
      this.analyses.set(document.uri, { version: document.version, engine: this.engineFor(document.uri), source: undefined, limit, analysis, bytes, length: text.length });
      if (!this.tooLarge.has(document.uri)) {
        this.tooLarge.add(document.uri);
        this.onTooLargeChange();
      }
      return analysis;
    }
    if (this.tooLarge.delete(document.uri)) this.onTooLargeChange();
    const path = uriToPath(document.uri);
    const parallel = path
      ? readParallelSource(path, limit, (p) => {
          const uri = this.openPaths.get(p);
          return uri ? this.documents.get(uri)?.getText() : undefined;
        })
      : undefined;
    const engine = this.engineFor(document.uri);
    const skipSegments = this.settings.peek(document.uri).skipSegments;
    const skip = skipSegments.join();
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.engine === engine && cached.source === parallel?.text && cached.limit === limit && cached.skip === skip) return cached.analysis;
    // The last analysis by the same engine: the paragraphs an edit did not touch keep their matches.
    const analysis = engine.lint(text, { kind: this.kindOf(document), parallelSource: parallel, skipSegments }, cached?.engine === engine ? cached.analysis : undefined);
    this.analyses.set(document.uri, { version: document.version, engine, source: parallel?.text, limit, skip, analysis });
    return analysis;
  }

  /**
   * The formulations a hover needs. The document's analysis when it is up to date (or the
   * document is small); otherwise, while someone types in a large document, only the paragraph
   * around the offset, so that a hover never waits for the whole document to be checked again.
   */
  matchesNear(document: TifaDocument, offset: number): Analysis['matches'] {
    const engine = this.engineFor(document.uri);
    const cached = this.analyses.get(document.uri);
    if ((cached && cached.version === document.version && cached.engine === engine) || document.length < LARGE_DOCUMENT || this.tooLarge.has(document.uri)) {
      return this.analysis(document).matches;
    }
    const kind = this.kindOf(document);
    // The document itself, not getText(): reading a paragraph must not join 9 MB of chunks.
    return engine.matchesAround(document, kind, offset) ?? this.analysis(document).matches;
  }

  /**
   * candidate-formulation findings: the record's candidates in the document, once the record is
   * analysed for its engine (nothing before; the diagnostics are refreshed when it is).
   */
  candidates(document: TextDocument): Finding[] {
    const engine = this.engineFor(document.uri);
    const record = this.record.ready(engine);
    const analysis = this.analysis(document);
    if (!record || this.tooLarge.has(document.uri) || !this.isDraft(document)) return [];
    const cached = this.candidateCache.get(document.uri);
    if (cached && cached.analysis === analysis && cached.record === record) return cached.findings;
    const kind = this.kindOf(document);
    // Incremental, as the glossary's analysis is: only the paragraphs an edit touched are matched again.
    const candidates = record.candidateEngine.lint(document.getText(), { kind }, cached?.record === record ? cached.candidates : undefined);
    const findings = candidateFindings(candidates.matches, analysis.matches, record.index);
    this.candidateCache.set(document.uri, { analysis, record, candidates, findings });
    return findings;
  }

  /**
   * The candidate at an offset, from the paragraph around it (what a hover can afford while the
   * document changes): a candidate match there that no glossary match overlaps.
   */
  candidateAt(document: TifaDocument, offset: number): { match: FormulationMatch; engine: TifaEngine } | undefined {
    const record = this.record.ready(this.engineFor(document.uri));
    if (!record || this.tooLarge.has(document.uri) || !this.isDraft(document)) return undefined;
    const kind = this.kindOf(document);
    const around = record.candidateEngine.matchesAround(document, kind, offset);
    if (!around) {
      // XLIFF and TMX: the document's candidate findings, kept for its diagnostics.
      const f = this.candidates(document).find((c) => c.start <= offset && offset <= c.end);
      const match = f && record.candidateEngine.find(document.getText().slice(f.start, f.end)).find((m) => m.start === 0 && m.end === f.end - f.start);
      return match ? { match: { ...match, start: f.start, end: f.end }, engine: record.candidateEngine } : undefined;
    }
    const match = around.find((m) => m.language === 'zh' && m.start <= offset && offset <= m.end);
    if (!match) return undefined;
    const f = candidateFindings([match], this.matchesNear(document, offset), record.index)[0];
    return f ? { match, engine: record.candidateEngine } : undefined;
  }

  private readonly candidateCache = new Map<string, { analysis: Analysis; record: object; candidates: Analysis; findings: Finding[] }>();

  forget(uri: string): void {
    this.candidateCache.delete(uri);
    this.analyses.delete(uri);
    if (this.tooLarge.delete(uri)) this.onTooLargeChange();
  }
}
