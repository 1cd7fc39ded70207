/** Hover: the formulation's card (renderings, provenance, note, shorter formulations inside). */
import { neutralize, TifaEngine } from '../core';
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import { checkPosition, documentOrError, guard, throwIfCancelled } from '../guard';

export function registerHover(ctx: TifaContext): void {
  ctx.connection.onHover(guard(ctx.connection, 'hover', null, (params, token): Hover | null => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    checkPosition(document, params.position);
    const offset = document.offsetAt(params.position);
    const matches = ctx.matchesNear(document, offset);
    throwIfCancelled(token);
    const match = TifaEngine.matchAt({ matches, findings: [] }, offset);
    if (!match) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: neutralize(ctx.engineFor(document.uri).hover(match)) },
      range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
    };
  }));
}
