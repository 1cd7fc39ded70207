/**
 * Quick fixes for rendering warnings, from what each diagnostic carries in `data`:
 * replace with the preferred rendering (or an admitted one), ignore this occurrence (a
 * suppression comment), add the rendering to the workspace glossary; and "fix all" as the
 * source action source.fixAll.tifa, usable in editor.codeActionsOnSave.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LIMITS, shown } from '../core/render/display';
import { documentKind, ignoreInsertion } from '../core/engine';
import { checkedFix, preferredFixEdits } from '../core/checks/fixes';
import type { FixData } from '../core/checks/formulations';
import { addRenderingInsertions, applyInsertions, checkGlossaryAddition } from '../core/glossary/edit';
import { type TifaContext, uriToPath } from '../context';
import { documentOrError, guard, showMessage, throwIfCancelled } from '../guard';
import { levelOf } from '../settings';

export const WORKSPACE_GLOSSARY_DIR = '.tifa';
export const WORKSPACE_GLOSSARY_FILE = 'glossary.yaml';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tifa`;
export const ADD_TO_GLOSSARY_COMMAND = 'tifa.addToGlossary';

function fixData(d: Diagnostic): FixData | undefined {
  const data = d.data as Partial<FixData> | undefined;
  return d.source === 'tifa' && data && Array.isArray(data.replacements) && typeof data.conceptId === 'string' ? (data as FixData) : undefined;
}

const quote = (s: string) => `“${s}”`;

/** Registers the code actions; returns the add-to-glossary command's handler. */
export function registerCodeActions(ctx: TifaContext, onGlossaryWritten: (path: string, text: string) => Promise<void>): (args: unknown[]) => Promise<boolean | null> {
  const { connection, documents } = ctx;

  connection.onCodeAction(guard(connection, 'code actions', [] as CodeAction[], async (params, token) => {
    const document = documentOrError(documents, params.textDocument?.uri);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        const data = fixData(diagnostic);
        if (!data) continue;
        const kind = documentKind(document.languageId, uriToPath(document.uri) ?? document.uri);
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        let first = true;
        for (const r of data.replacements) {
          // Offered only when the edited file checks out (in XML: same units, only this text changed).
          if (!checkedFix(kind, document.getText(), [{ start, end, text: r.text }]).ok) continue;
          actions.push({
            title: shown(`Replace with ${quote(r.text)} (${r.status}${r.authority ? `, ${r.authority}` : ''}) 替换为${r.status === 'preferred' ? '首选' : '可用'}译法`, LIMITS.title),
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
            title: 'Ignore this occurrence 忽略此处',
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: ignore.text }] } },
          });
        }
        const text = data.rendering ?? (data.rule === 'inconsistent-rendering' ? undefined : data.original);
        if (data.rule !== 'missing-rendering' && text && !/[<&\n]/.test(text)) {
          actions.push({
            title: shown(`Add ${quote(text)} to the workspace glossary as admitted 将此译法加入工作区词表`, LIMITS.title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: 'Add to glossary', command: ADD_TO_GLOSSARY_COMMAND, arguments: [{ uri: document.uri, conceptId: data.conceptId, text }] },
          });
        }
      }
    }

    // Source actions only when asked for: on save (source.fixAll) or from the Source Action menu.
    if (only && wants(FIX_ALL_KIND)) {
      const edit = await fixAllEdit(ctx, document);
      throwIfCancelled(token);
      if (edit) actions.push({ title: 'Fix all glossary renderings in this file 修正本文件所有译法', kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }));

  return async (argv: unknown[]) => {
    const args = (argv[0] ?? {}) as { uri?: string; conceptId?: string; text?: string; status?: 'admitted' | 'preferred' | 'deprecated'; zh?: string };
    if (!args.uri || !args.text) return null;
    // "Add Selection to Glossary" names no concept: find it by its Chinese form, or make a new one.
    const glossary = ctx.engineFor(args.uri).glossary;
    const known = args.conceptId ?? glossary.concepts.find((c) => (args.zh && c.zh.includes(args.zh)) || c.en.some((r) => r.text.toLowerCase() === args.text!.toLowerCase()))?.id;
    const conceptId = known ?? (args.text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || `term-${Date.now()}`);
    const zh = !known && args.zh ? [args.zh] : [];
    const docPath = uriToPath(args.uri);
    const folder = docPath ? ctx.glossaries.folderFor(docPath) ?? ctx.glossaries.folders[0] ?? dirname(docPath) : ctx.glossaries.folders[0];
    if (!folder) {
      showMessage(connection, 'warning', 'Tifa: open a folder to keep a workspace glossary. 请先打开一个文件夹。');
      return null;
    }
    const path = join(folder, WORKSPACE_GLOSSARY_DIR, WORKSPACE_GLOSSARY_FILE);
    const uri = pathToFileURL(path).href;
    // The glossary as the editor has it (unsaved edits included), with its version, so that the
    // edit lands where it was computed or not at all; the file on disk otherwise.
    const open = documents.get(uri);
    const existing = open ? open.getText() : ctx.glossaries.currentText(path);
    let insertions;
    try {
      insertions = addRenderingInsertions(existing, conceptId, args.text, args.status ?? 'admitted', zh);
      // Parsed again before anything is sent: the result must be valid and hold the rendering.
      const problem = checkGlossaryAddition(existing, applyInsertions(existing ?? '', insertions), conceptId, args.text);
      if (problem) throw new Error(problem);
    } catch (e) {
      showMessage(connection, 'error', `Tifa: cannot add to ${path}: ${(e as Error).message}`);
      return null;
    }
    const before = TextDocument.create(uri, 'yaml', 0, existing ?? '');
    const edits: TextEdit[] = insertions.map((ins) => ({ range: { start: before.positionAt(ins.offset), end: before.positionAt(ins.offset) }, newText: ins.text }));
    const edit: WorkspaceEdit = {
      documentChanges: [
        ...(existing === undefined ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
        { textDocument: { uri, version: open ? open.version : null }, edits },
      ],
    };
    const result = await connection.workspace.applyEdit({ label: `Add “${args.text}” to the workspace glossary`, edit });
    if (result.applied) await onGlossaryWritten(path, applyInsertions(existing ?? '', insertions));
    return result.applied;
  };
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
  const kind = documentKind(document.languageId, uriToPath(document.uri) ?? document.uri);
  const check = checkedFix(kind, document.getText(), edits);
  if (!check.ok) {
    ctx.connection.console.warn(`Tifa: fix-all refused for ${document.uri}: ${check.reason}`);
    return undefined;
  }
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
  return { changes: { [document.uri]: textEdits } };
}
