/** Hover: the formulation's card (renderings, provenance, note, shorter formulations inside). */
import { localize, neutralize, TifaEngine } from '../core';
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import type { TifaDocument } from '../document';
import { checkPosition, documentOrError, guard, throwIfCancelled } from '../guard';

export function registerHover(ctx: TifaContext): void {
  ctx.connection.onHover(guard(ctx.connection, 'hover', null, (params, token): Hover | null => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    checkPosition(document, params.position);
    const offset = document.offsetAt(params.position);
    const matches = ctx.matchesNear(document, offset);
    throwIfCancelled(token);
    const match = TifaEngine.matchAt({ matches, findings: [] }, offset);
    if (!match) return candidateHover(ctx, document, offset);
    // A window around the match is enough to tell which appearance its words fit.
    const from = Math.max(0, match.start - 60);
    const context = { text: document.getText({ start: document.positionAt(from), end: document.positionAt(match.end + 60) }), offset: from };
    const engine = ctx.engineFor(document.uri);
    // The record section once the engine's record is indexed (in the background; a hover never waits).
    const record = ctx.record.summary(engine, match.concept.id);
    return {
      contents: { kind: MarkupKind.Markdown, value: neutralize(engine.hover(match, context, record, ctx.memory?.section(match.concept.id), ctx.locale)) },
      range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
    };
  }));
}

/** A candidate's hover: not in the glossary, why it is a candidate, and its record. */
function candidateHover(ctx: TifaContext, document: TifaDocument, offset: number): Hover | null {
  const found = ctx.candidateAt(document, offset);
  if (!found) return null;
  const { match, engine } = found;
  const record = ctx.record.ready(ctx.engineFor(document.uri))!;
  const from = Math.max(0, match.start - 60);
  const context = { text: document.getText({ start: document.positionAt(from), end: document.positionAt(match.end + 60) }), offset: from };
  const card = engine.hover(match, context, record.index.summary(match.concept.id), ctx.memory?.section(match.concept.id), ctx.locale);
  const head = localize(ctx.locale, 'hover.candidate', { zh: match.concept.zh[0], found: match.concept.note ? localize(ctx.locale, 'hover.candidate.found', { why: match.concept.note }) : '' });
  return {
    contents: { kind: MarkupKind.Markdown, value: neutralize(`${head}\n\n${card}`) },
    range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
  };
}
