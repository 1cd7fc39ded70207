/**
 * References: every occurrence of the formulation under the cursor, in Chinese and English,
 * in the open documents and in the workspace's drafts (Markdown, text, XLIFF, TMX).
 */
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind, TifaEngine, DRAFT_GLOB } from '../core';
import { type TifaContext, uriToPath } from '../context';
import { readTextFile, realFolders } from '../files';
import { checkPosition, documentOrError, guard, throwIfCancelled } from '../guard';

const MAX_FILES = 2000;

export function registerReferences(ctx: TifaContext): void {
  ctx.connection.onReferences(guard(ctx.connection, 'references', [] as Location[], async (params, token) => {
    const document = documentOrError(ctx.documents, params.textDocument?.uri);
    checkPosition(document, params.position);
    const match = TifaEngine.matchAt(ctx.analysis(document), document.offsetAt(params.position));
    if (!match) return [];
    const conceptId = match.concept.id;
    const locations: Location[] = [];
    const seen = new Set<string>();
    const collect = (uri: string, text: string, languageId?: string) => {
      if (seen.has(uri)) return;
      seen.add(uri);
      const path = uriToPath(uri);
      const engine = ctx.engineFor(uri);
      const doc = TextDocument.create(uri, languageId ?? 'plaintext', 0, text);
      for (const m of engine.lint(text, { kind: documentKind(languageId, path ?? uri) }).matches) {
        if (m.concept.id === conceptId) locations.push({ uri, range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) } });
      }
    };
    // Open documents first: their text may not be saved yet.
    for (const d of ctx.documents.all()) collect(d.uri, d.getText(), d.languageId);
    const maxBytes = (await ctx.settings.get(document.uri)).maxFileSize || Number.MAX_SAFE_INTEGER;
    for (const folder of ctx.glossaries.folders) {
      // Links are not followed into folders, and every file read must really lie in the folder.
      const files = (await glob([DRAFT_GLOB], { cwd: folder, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [] as string[])).sort().slice(0, MAX_FILES);
      const within = realFolders([folder]);
      const seenReal = new Set<string>();
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        if (seen.has(uri)) continue;
        throwIfCancelled(token); // between files: a long search stops when asked to
        const read = readTextFile(file, { maxBytes, within });
        if (!read.ok || seenReal.has(read.realPath)) continue; // not a regular file, too large, outside, undecodable
        seenReal.add(read.realPath);
        collect(uri, read.text);
      }
    }
    // A draft has no declaration: includeDeclaration changes nothing, the occurrence under the cursor is listed too.
    return locations;
  }));
}
