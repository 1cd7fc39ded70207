/**
 * Diagnostics: pulled (textDocument/diagnostic) where the client supports it, pushed
 * (publishDiagnostics) to the others, such as Neovim and Emacs.
 */
import { DocumentDiagnosticReportKind, type Diagnostic, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TifaDocument } from '../document';
import { LARGE_DOCUMENT, type TifaContext, uriToPath } from '../context';
import { documentOrError, guard } from '../guard';
import { toDiagnostics } from '../lspDiagnostics';
import { levelOf } from '../settings';

const PUSH_DELAY_MS = 150;

export async function computeDiagnostics(ctx: TifaContext, document: TifaDocument): Promise<Diagnostic[]> {
  const settings = await ctx.settings.get(document.uri); // also what ctx.analysis peeks at
  const path = uriToPath(document.uri);
  if (path && settings.ignored(path)) return []; // the project config's ignore
  const { findings } = ctx.analysis(document);
  const level = (code: string) => levelOf(settings, code);
  const candidates = level('candidate-formulation') === 'off' ? [] : ctx.candidates(document);
  const memory = level('memory-inconsistent') === 'off' || !ctx.memory ? [] : ctx.memory.findings(document);
  const extra = [...candidates, ...memory];
  return toDiagnostics(document, extra.length ? [...findings, ...extra].sort((a, b) => a.start - b.start || a.end - b.end) : findings, level, true, ctx.memory?.elsewhere, ctx.locale);
}

export function registerDiagnostics(ctx: TifaContext, mode: { pull: boolean; refreshSupport: boolean }): { refreshAll(): void; refresh(uris: string[]): void } {
  const { connection, documents } = ctx;

  if (mode.pull) {
    const empty: { kind: typeof DocumentDiagnosticReportKind.Full; items: Diagnostic[] } = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // VS Code asks again after every keystroke. In a large document a full check costs more than a
    // keystroke's worth of time, so the answer waits until the typing pauses (or the client gives
    // up the request): until then hovers and other requests are answered at once.
    const lastChange = new Map<string, number>();
    documents.onDidChangeContent((e) => lastChange.set(e.document.uri, performance.now()));
    documents.onDidClose((e) => lastChange.delete(e.document.uri));
    connection.languages.diagnostics.on(guard(connection, 'diagnostics', empty, async (params, token) => {
      const document = documentOrError(documents, params.textDocument?.uri);
      if (document.length >= LARGE_DOCUMENT) {
        for (let wait = PUSH_DELAY_MS; wait > 0 && !token.isCancellationRequested; wait = PUSH_DELAY_MS - (performance.now() - (lastChange.get(document.uri) ?? -Infinity))) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed: ask again.', { retriggerRequest: true });
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: await computeDiagnostics(ctx, document) };
    }));
    const refreshAll = () => {
      if (mode.refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
    };
    return { refreshAll, refresh: refreshAll };
  }

  // Push mode: validate once the document settles, and clear what a closed document had.
  const timers = new Map<string, NodeJS.Timeout>();
  const push = async (uri: string) => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await computeDiagnostics(ctx, document);
    } catch (e) {
      connection.console.error(`Tifa: checking ${uri} failed: ${(e as Error).stack ?? e}`);
      return;
    }
    // Only for the version checked, and never for a document closed meanwhile.
    const current = documents.get(uri);
    if (current && current.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
  };
  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => void push(uri), delay));
  };
  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, PUSH_DELAY_MS));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  return {
    refreshAll() {
      for (const d of documents.all()) schedule(d.uri, 0);
    },
    refresh(uris: string[]) {
      for (const uri of uris) schedule(uri, 0);
    },
  };
}
