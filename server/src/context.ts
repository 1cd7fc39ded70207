/**
 * What every feature shares: the connection, the open documents, the engine for the glossaries
 * in force, and each document's latest analysis (so hovers, diagnostics and fixes agree and do
 * not re-analyse).
 */
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, documentKind, type TifaEngine } from './core/engine';
import type { GlossaryManager } from './glossaryManager';
import { readParallelSource } from './parallel';
import type { SettingsStore } from './settings';

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class TifaContext {
  private readonly analyses = new Map<string, { version: number; engine: TifaEngine; source: string | undefined; analysis: Analysis }>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
    readonly glossaries: GlossaryManager,
  ) {}

  /** The engine for a document: its workspace folder's glossaries. */
  engineFor(uri: string): TifaEngine {
    return this.glossaries.engineFor(uriToPath(uri));
  }

  analysis(document: TextDocument): Analysis {
    const path = uriToPath(document.uri);
    const parallel = path
      ? readParallelSource(path, (p) => this.documents.all().find((d) => uriToPath(d.uri) === p)?.getText())
      : undefined;
    const engine = this.engineFor(document.uri);
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.engine === engine && cached.source === parallel?.text) return cached.analysis;
    const analysis = engine.lint(document.getText(), {
      kind: documentKind(document.languageId, path ?? document.uri),
      parallelSource: parallel,
    });
    this.analyses.set(document.uri, { version: document.version, engine, source: parallel?.text, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}
