/** Hover: the formulation's card (renderings, provenance, note, shorter formulations inside). */
import { type Hover, MarkupKind } from 'vscode-languageserver';
import { TifaEngine } from './core/engine';
import type { TifaContext } from './context';

export function registerHover(ctx: TifaContext): void {
  ctx.connection.onHover((params): Hover | null => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const match = TifaEngine.matchAt(ctx.analysis(document), offset);
    if (!match) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: ctx.engineFor(document.uri).hover(match) },
      range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
    };
  });
}
