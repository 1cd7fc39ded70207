/** tifa/formulationSummary: a Markdown summary of a document's formulations (the client's "Show Formulations in This File"). */
import type { TifaContext } from '../context';
import { formulationSummary } from '../core';
import { SUMMARY_REQUEST, type SummaryParams, type SummaryResult } from '../protocol';

export function registerFormulationSummary(ctx: TifaContext): void {
  ctx.connection.onRequest(SUMMARY_REQUEST, (params: SummaryParams): SummaryResult => {
    const document = ctx.documents.get(params.uri);
    if (!document) return null;
    return formulationSummary(ctx.engineFor(params.uri).glossary, ctx.analysis(document).matches, (o) => document.positionAt(o).line + 1);
  });
}
