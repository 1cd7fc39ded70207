/**
 * Quick fixes for rendering warnings, from what each diagnostic carries in `data`:
 * replace with the preferred rendering (or an admitted one), ignore this occurrence (a
 * suppression comment), add the rendering to the workspace glossary (a command: see
 * addToGlossary.ts); and "fix all" as the source action source.fixAll.tifa, usable in
 * editor.codeActionsOnSave. Every edit is checked (core/checks/fixes.ts) before it is offered.
 */
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedFix, type FixData, ignoreInsertion, LIMITS, localize, preferredFixEdits, shown, word } from '../core';
import type { TifaContext } from '../context';
import { documentOrError, guard, throwIfCancelled } from '../guard';
import { FIX_ALL_KIND, SERVER_COMMANDS } from '../protocol';
import { levelOf } from '../settings';

/** The fix data a diagnostic of ours carries, if it carries any. */
function diagnosticFixData(d: Diagnostic): FixData | undefined {
  const data = d.data as Partial<FixData> | undefined;
  return d.source === 'tifa' && data && Array.isArray(data.replacements) && typeof data.conceptId === 'string' ? (data as FixData) : undefined;
}

const quote = (s: string) => `“${s}”`;

/** Registers the quick fixes and the fix-all source action. */
export function registerCodeActions(ctx: TifaContext): void {
  const { connection, documents } = ctx;

  connection.onCodeAction(guard(connection, 'code actions', [] as CodeAction[], async (params, token) => {
    const document = documentOrError(documents, params.textDocument?.uri);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        const candidate = diagnostic.source === 'tifa' && diagnostic.code === 'candidate-formulation' ? (diagnostic.data as { candidate?: unknown } | undefined)?.candidate : undefined;
        if (typeof candidate === 'string') {
          actions.push({
            title: shown(localize(ctx.locale, 'action.add-candidate', { zh: quote(candidate) }), LIMITS.title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            command: { title: localize(ctx.locale, 'action.add-to-glossary'), command: SERVER_COMMANDS.addCandidateToGlossary, arguments: [{ uri: document.uri, zh: candidate }] },
          });
          continue;
        }
        const data = diagnosticFixData(diagnostic);
        if (!data) continue;
        const kind = ctx.kindOf(document);
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        let first = true;
        for (const r of data.replacements) {
          // Offered only when the edited file checks out (in XML: same units, only this text changed).
          if (!checkedFix(kind, document.getText(), [{ start, end, text: r.text }]).ok) continue;
          actions.push({
            title: shown(r.status === 'observed'
              ? localize(ctx.locale, 'action.replace-memory', { rendering: quote(r.text) })
              : localize(ctx.locale, 'action.replace', {
                rendering: quote(r.text),
                status: word(r.status === 'preferred' ? 'status.preferred' : 'status.admitted'),
                who: r.authority ? { en: `, ${r.authority}`, zh: `，${r.authority}` } : '',
                // The English title keeps its Chinese gloss, as the other titles do.
                tail: { en: ` 替换为${localize('zh', r.status === 'preferred' ? 'status.preferred' : 'status.admitted')}译法`, zh: '' },
              }), LIMITS.title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: first,
            edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: r.text }] } },
          });
          first = false;
        }
        const ignore = ignoreInsertion(document.getText(), kind, start, String(diagnostic.code ?? ''));
        if (ignore) {
          const at = document.positionAt(ignore.offset);
          actions.push({
            title: localize(ctx.locale, 'action.ignore'),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: ignore.text }] } },
          });
        }
        const text = data.rendering ?? (data.rule === 'inconsistent-rendering' ? undefined : data.original);
        if (data.rule !== 'missing-rendering' && data.rule !== 'number-mismatch' && data.rule !== 'memory-inconsistent' && text && !/[<&\n]/.test(text)) {
          actions.push({
            title: shown(localize(ctx.locale, 'action.add-rendering', { phrase: quote(text) }), LIMITS.title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: localize(ctx.locale, 'action.add-to-glossary'), command: SERVER_COMMANDS.addToGlossary, arguments: [{ uri: document.uri, conceptId: data.conceptId, text }] },
          });
        }
      }
    }

    // Source actions only when asked for: on save (source.fixAll) or from the Source Action menu.
    if (only && wants(FIX_ALL_KIND)) {
      const edit = await fixAllEdit(ctx, document);
      throwIfCancelled(token);
      if (edit) actions.push({ title: localize(ctx.locale, 'action.fix-all'), kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }));

}

/**
 * One edit replacing every fixable rendering in the document with its first replacement, from
 * the same findings as the diagnostics; refused as a whole when the result does not check out.
 */
export async function fixAllEdit(ctx: TifaContext, document: TextDocument): Promise<WorkspaceEdit | undefined> {
  const settings = await ctx.settings.get(document.uri);
  const findings = ctx.analysis(document).findings.filter((f) => levelOf(settings, f.code) !== 'off');
  const edits = preferredFixEdits(findings);
  if (edits.length === 0) return undefined;
  const kind = ctx.kindOf(document);
  const check = checkedFix(kind, document.getText(), edits);
  if (!check.ok) {
    ctx.connection.console.warn(`Tifa: fix-all refused for ${document.uri}: ${check.reason}`);
    return undefined;
  }
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
  return { changes: { [document.uri]: textEdits } };
}
