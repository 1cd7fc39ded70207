/** The outline: the formulations of a document, grouped by concept, with their counts. */
import { conceptLabel, type FormulationMatch, LIMITS, preferredRendering, shown } from '../core';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import { documentOrError, guard, throwIfCancelled } from '../guard';

export function registerDocumentSymbols(ctx: TifaContext): void {
  ctx.connection.onDocumentSymbol(guard(ctx.connection, 'document symbols', [] as DocumentSymbol[], (params, token) => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    const groups = new Map<string, FormulationMatch[]>();
    const analysis = ctx.analysis(document);
    throwIfCancelled(token);
    // Bounded: an outline of millions of entries helps no one and costs the client dearly.
    for (const m of analysis.matches.slice(0, LIMITS.symbolsPerDocument)) {
      const list = groups.get(m.concept.id);
      if (list) list.push(m);
      else groups.set(m.concept.id, [m]);
    }
    const range = (m: FormulationMatch) => ({ start: document.positionAt(m.start), end: document.positionAt(m.end) });
    return [...groups.values()].map((ms): DocumentSymbol => {
      const concept = ms[0].concept;
      const last = ms[ms.length - 1];
      return {
        name: shown(`${conceptLabel(concept)} (${ms.length})`, LIMITS.label),
        detail: shown(preferredRendering(concept)?.text ?? '', LIMITS.label),
        kind: SymbolKind.String,
        range: { start: document.positionAt(ms[0].start), end: document.positionAt(last.end) },
        selectionRange: range(ms[0]),
        children: ms.map((m) => ({ name: shown(document.getText(range(m)).replace(/\s+/g, ' '), LIMITS.label), kind: SymbolKind.String, range: range(m), selectionRange: range(m) })),
      };
    });
  }));
}
