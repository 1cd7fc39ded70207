/**
 * The server's open documents: vscode-languageserver-textdocument's TextDocument, kept in chunks.
 *
 * That library keeps the text as one string and edits it with substring + concatenation; the next
 * edit then makes V8 copy the whole string flat again (String::Flatten), so that every keystroke
 * in a 9 MB file cost 18 ms here before a hover could be answered. Here an edit rebuilds the
 * chunks it touches (4 K units each) and the per-chunk line index; the whole text is joined once
 * when something asks for all of it (an analysis), and `slice` reads a window without joining.
 * Positions behave exactly as the library's (the tests compare the two over random edits).
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lowerBound } from './core';

const CHUNK = 4096;

interface Chunk {
  text: string;
  /** Offsets in the chunk just after each line break (a chunk never splits a CRLF). */
  lines: number[];
}

function lineStarts(text: string): number[] {
  const lines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lines.push(i + 1);
    } else if (c === 10) lines.push(i + 1);
  }
  return lines;
}

/** Pieces of about CHUNK units (none for no text), none ending between a CR and an LF. */
function split(text: string): Chunk[] {
  const size = Math.ceil(text.length / Math.ceil(text.length / CHUNK));
  const out: Chunk[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    if (text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
    const piece = text.slice(at, end);
    out.push({ text: piece, lines: lineStarts(piece) });
    at = end;
  }
  return out;
}

function isEOL(c: number): boolean {
  return c === 13 || c === 10;
}

export class TifaDocument implements TextDocument {
  private chunks: Chunk[] = [];
  /** Per chunk: its offset, the line breaks before it, the last line start at or before it. */
  private starts: number[] = [];
  private lineBase: number[] = [];
  private lineBefore: number[] = [];
  private total = 0;
  private lineTotal = 0;
  private flat: string | undefined;

  constructor(readonly uri: string, readonly languageId: string, private _version: number, content: string) {
    this.reset(content);
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.lineTotal + 1;
  }

  /** The text's length in UTF-16 units, without joining it. */
  get length(): number {
    return this.total;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    this.flat ??= this.chunks.length === 1 ? this.chunks[0].text : this.chunks.map((c) => c.text).join('');
    return this.flat;
  }

  /** Units [start, end) of the text, reading only the chunks they fall in. */
  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.total));
    end = Math.max(start, Math.min(end, this.total));
    if (this.flat !== undefined) return this.flat.slice(start, end);
    let i = this.chunkAt(start);
    let out = '';
    for (let at = start; at < end; i++) {
      const local = at - this.starts[i];
      const piece = this.chunks[i].text.slice(local, local + end - at);
      out += piece;
      at += piece.length;
    }
    return out;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.total), 0);
    const i = this.chunkAt(offset);
    const { lines } = this.chunks[i];
    const n = lowerBound(lines, offset - this.starts[i] + 1, (x) => x); // line starts <= offset
    const line = this.lineBase[i] + n;
    const lineStart = n > 0 ? this.starts[i] + lines[n - 1] : this.lineBefore[i];
    return { line, character: this.beforeEOL(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.total;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < this.lineCount ? this.lineStart(position.line + 1) : this.total;
    return this.beforeEOL(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    if (line >= this.lineCount) {
      const last = this.lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.total - this.lineStart(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lineStart(line);
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.total;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const start = this.lineStart(line);
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.total;
    return this.slice(this.beforeEOL(next, start), next);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        let { start, end } = change.range;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
        this.replace(this.offsetAt(start), this.offsetAt(end), change.text);
      } else this.reset(change.text);
    }
    this._version = version;
  }

  private reset(content: string): void {
    this.chunks = split(content);
    this.reindex();
  }

  /**
   * Replaces units [start, end), rebuilding only the chunks they touch, and a neighbour where a CR
   * and an LF would otherwise meet across a boundary. No other chunk, nor the index before them,
   * changes: an edit allocates what it touched (fewer young-generation collections while typing).
   */
  private replace(start: number, end: number, text: string): void {
    let first = this.chunkAt(start);
    let last = this.chunkAt(end);
    // An edit at a chunk's start may join an LF to a CR ending the chunk before; at its end, a CR to an LF starting the next.
    if (first > 0 && start === this.starts[first]) first--;
    if (last + 1 < this.chunks.length && end === this.starts[last] + this.chunks[last].text.length) last++;
    const from = this.starts[first];
    let old = '';
    for (let i = first; i <= last; i++) old += this.chunks[i].text;
    const rebuilt = split(old.slice(0, start - from) + text + old.slice(end - from));
    if (rebuilt.length === 1 && last === first) this.chunks[first] = rebuilt[0];
    else this.chunks.splice(first, last - first + 1, ...rebuilt);
    this.reindex(first);
  }

  /** Recomputes the index from chunk `from` on (the ones before did not move), in place. */
  private reindex(from = 0): void {
    // One empty chunk for an empty text, so that every offset has a chunk.
    if (this.chunks.length === 0) this.chunks.push({ text: '', lines: [] });
    const n = this.chunks.length;
    this.starts.length = this.lineBase.length = this.lineBefore.length = n;
    if (from >= n) from = n - 1;
    let at = from > 0 ? this.starts[from - 1] + this.chunks[from - 1].text.length : 0;
    let lines = from > 0 ? this.lineBase[from - 1] + this.chunks[from - 1].lines.length : 0;
    let lastStart = 0;
    if (from > 0) {
      const prev = this.chunks[from - 1];
      lastStart = prev.lines.length ? this.starts[from - 1] + prev.lines[prev.lines.length - 1] : this.lineBefore[from - 1];
    }
    for (let i = from; i < n; i++) {
      const c = this.chunks[i];
      this.starts[i] = at;
      this.lineBase[i] = lines;
      this.lineBefore[i] = lastStart;
      if (c.lines.length) lastStart = at + c.lines[c.lines.length - 1];
      lines += c.lines.length;
      at += c.text.length;
    }
    this.total = at;
    this.lineTotal = lines;
    this.flat = undefined;
  }

  /** The chunk holding an offset (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return Math.max(0, lowerBound(this.starts, offset + 1, (x) => x) - 1);
  }

  private charCodeAt(offset: number): number {
    const i = this.chunkAt(offset);
    return this.chunks[i].text.charCodeAt(offset - this.starts[i]);
  }

  /** The offset where a line (> 0 breaks before it) starts. */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    const i = lowerBound(this.lineBase, line, (x) => x) - 1; // the last chunk with fewer breaks before it
    return this.starts[i] + this.chunks[i].lines[line - this.lineBase[i] - 1];
  }

  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** For TextDocuments: how documents are made and changed. */
  static readonly configuration = {
    create: (uri: string, languageId: string, version: number, content: string) => new TifaDocument(uri, languageId, version, content),
    update: (document: TifaDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      document.update(changes, version);
      return document;
    },
  };
}
