/**
 * The command tifa.addToGlossary: adds a rendering (and, for a selection, a Chinese form) to the
 * workspace glossary .tifa/glossary.yaml, as text insertions that keep every other byte, through
 * workspace/applyEdit at the open document's version. The result is parsed before it is sent.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type TifaContext, uriToPath } from '../context';
import { addRenderingInsertions, applyInsertions, checkGlossaryAddition } from '../core';
import { showMessage } from '../guard';
import type { AddToGlossaryArgs } from '../protocol';

export const WORKSPACE_GLOSSARY_DIR = '.tifa';
export const WORKSPACE_GLOSSARY_FILE = 'glossary.yaml';

/** The command's handler; onGlossaryWritten reloads the glossaries with the text just written. */
export function addToGlossaryHandler(ctx: TifaContext, onGlossaryWritten: (path: string, text: string) => Promise<void>): (argv: unknown[]) => Promise<boolean | null> {
  const { connection, documents } = ctx;
  return async (argv: unknown[]) => {
    const args = (argv[0] ?? {}) as Partial<AddToGlossaryArgs>;
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
