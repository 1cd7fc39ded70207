/** tifa/exportGlossary: the glossaries in force for a document, written in one format (the client's "Export Glossary"). */
import type { TifaContext } from '../context';
import { exportGlossary } from '../core';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../protocol';

export function registerExportGlossary(ctx: TifaContext): void {
  ctx.connection.onRequest(EXPORT_REQUEST, (params: ExportParams): ExportResult => {
    const glossary = ctx.engineFor(params.uri ?? '').glossary;
    const { text, warning } = exportGlossary(glossary, params.format);
    return { text, concepts: glossary.concepts.length, ...(warning ? { warning } : {}) };
  });
}
