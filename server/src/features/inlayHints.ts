/**
 * Inlay hints: the preferred English rendering after each Chinese formulation, so that an
 * analyst can read a Chinese text at a glance. Setting tifa.inlayHints (on by default).
 */
import { earliestProvenance, LIMITS, preferredRendering, shown } from '../core';
import { InlayHintKind } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import { documentOrError, guard, throwIfCancelled } from '../guard';

export function registerInlayHints(ctx: TifaContext): void {
  ctx.connection.languages.inlayHint.on(guard(ctx.connection, 'inlay hints', [], async (params, token) => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    if (!(await ctx.settings.get(document.uri)).inlayHints) return [];
    const from = document.offsetAt(params.range.start);
    const to = document.offsetAt(params.range.end);
    const engine = ctx.engineFor(document.uri);
    const analysis = ctx.analysis(document);
    throwIfCancelled(token);
    return analysis.matches.filter((m) => m.language === 'zh' && m.end >= from && m.start <= to)
      .flatMap((m) => {
        const preferred = preferredRendering(m.concept)?.text;
        if (!preferred) return [];
        const provenance = earliestProvenance(engine.glossary, m.concept);
        return [{
          position: document.positionAt(m.end),
          label: shown(preferred, LIMITS.label),
          kind: InlayHintKind.Type,
          paddingLeft: true,
          paddingRight: true,
          ...(provenance ? { tooltip: shown(provenance, LIMITS.tooltip) } : {}),
        }];
      });
  }));
}
