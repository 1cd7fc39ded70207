/** Completion: the canonical forms and renderings that start with what was typed. */
import { completionCandidates, LIMITS, neutralize, shown } from '../core';
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import { checkPosition, documentOrError, guard } from '../guard';

export function registerCompletion(ctx: TifaContext): void {
  ctx.connection.onCompletion(guard(ctx.connection, 'completion', [] as CompletionItem[], (params) => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    checkPosition(document, params.position);
    const { line, character } = params.position;
    const before = document.getText({ start: { line, character: 0 }, end: params.position });
    const engine = ctx.engineFor(document.uri);
    return completionCandidates(engine.glossary, before).map((c, i): CompletionItem => ({
      label: shown(c.text, LIMITS.label),
      kind: CompletionItemKind.Text,
      detail: shown(c.detail ?? '', LIMITS.tooltip),
      documentation: { kind: MarkupKind.Markdown, value: neutralize(engine.hover({ concept: c.concept, contains: [] }, undefined, undefined, undefined, ctx.locale)) },
      sortText: String(i).padStart(4, '0'),
      filterText: before.slice(before.length - c.replace),
      textEdit: { range: { start: { line, character: character - c.replace }, end: params.position }, newText: c.text },
    }));
  }));
}
