/**
 * References: every occurrence of the formulation under the cursor, in Chinese and English,
 * in the open documents and in the workspace's drafts (Markdown, text, XLIFF, TMX).
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind, TifaEngine } from './core/engine';
import { type TifaContext, uriToPath } from './context';
import { checkPosition, documentOrError, guard, throwIfCancelled } from './guard';

const DRAFTS = ['**/*.{md,markdown,txt,xlf,xliff,tmx}'];
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

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
    for (const folder of ctx.glossaries.folders) {
      const files = (await glob(DRAFTS, { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [] as string[])).sort().slice(0, MAX_FILES);
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        if (seen.has(uri)) continue;
        throwIfCancelled(token); // between files: a long search stops when asked to
        try {
          if (statSync(file).size > MAX_FILE_BYTES) continue;
          collect(uri, readFileSync(file, 'utf8'));
        } catch {
          // unreadable: nothing to find there
        }
      }
    }
    // A draft has no declaration: includeDeclaration changes nothing, the occurrence under the cursor is listed too.
    return locations;
  }));
}
