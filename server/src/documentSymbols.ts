/** The outline: the formulations of a document, grouped by concept, with their counts. */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { FormulationMatch } from './core/matcher';
import { conceptLabel, preferredRendering } from './core/model';
import type { TifaContext } from './context';
import { documentOrError, guard, throwIfCancelled } from './guard';

export function registerDocumentSymbols(ctx: TifaContext): void {
  ctx.connection.onDocumentSymbol(guard(ctx.connection, 'document symbols', [] as DocumentSymbol[], (params, token) => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    const groups = new Map<string, FormulationMatch[]>();
    const analysis = ctx.analysis(document);
    throwIfCancelled(token);
    for (const m of analysis.matches) groups.set(m.concept.id, [...(groups.get(m.concept.id) ?? []), m]);
    const range = (m: FormulationMatch) => ({ start: document.positionAt(m.start), end: document.positionAt(m.end) });
    return [...groups.values()].map((ms): DocumentSymbol => {
      const concept = ms[0].concept;
      const last = ms[ms.length - 1];
      return {
        name: `${conceptLabel(concept)} (${ms.length})`,
        detail: preferredRendering(concept)?.text ?? '',
        kind: SymbolKind.String,
        range: { start: document.positionAt(ms[0].start), end: document.positionAt(last.end) },
        selectionRange: range(ms[0]),
        children: ms.map((m) => ({ name: document.getText(range(m)).replace(/\s+/g, ' '), kind: SymbolKind.String, range: range(m), selectionRange: range(m) })),
      };
    });
  }));
}
