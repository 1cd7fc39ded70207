/**
 * What every feature shares: the connection, the open documents, the engine for the glossaries
 * in force, and each document's latest analysis (so hovers and diagnostics do not re-analyse).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, TifaEngine } from './core/engine';
import type { LoadedGlossary } from './glossaries';
import type { SettingsStore } from './settings';

export class TifaContext {
  private readonly analyses = new Map<string, { version: number; engine: TifaEngine; analysis: Analysis }>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
    public engine: TifaEngine,
    public glossaries: LoadedGlossary[],
  ) {}

  analysis(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.engine === this.engine) return cached.analysis;
    const analysis = this.engine.analyze(document.getText());
    this.analyses.set(document.uri, { version: document.version, engine: this.engine, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}
