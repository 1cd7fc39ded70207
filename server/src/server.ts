/**
 * The Tifa language server: `node dist/server.js --stdio`. Wiring only; each feature lives in
 * its own file and the analysis in core/.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type Connection,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  type InitializeResult,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ADD_TO_GLOSSARY_COMMAND, FIX_ALL_KIND, registerCodeActions } from './features/codeActions';
import { TifaContext, uriToPath } from './context';
import { exportCsv } from './core/formats/csv';
import { glossaryFormat } from './core/formats/registry';
import { formulationSummary } from './core/render/summary';
import { exportTbx } from './core/formats/tbx';
import { exportYaml } from './core/formats/yamlExport';
import { registerDiagnostics } from './features/diagnostics';
import { formatProblem, loadBuiltinGlossary } from './glossaries';
import { registerGlossaryDiagnostics } from './features/glossaryDiagnostics';
import { GlossaryManager } from './glossaryManager';
import { registerCompletion } from './features/completion';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerReferences } from './features/references';
import { isParallelSourceName, parallelKey } from './parallel';
import { SettingsStore } from './settings';
import { registerStatus } from './features/status';
import { showMessage } from './guard';

export const RELOAD_COMMAND = 'tifa.reloadGlossaries';
export const EXPORT_REQUEST = 'tifa/exportGlossary';
export const SUMMARY_REQUEST = 'tifa/formulationSummary';

let shutdownReceived = false;
const connection = openConnection();
// The last safety net: a promise nobody caught is logged, never the end of the server.
process.on('unhandledRejection', (reason) => connection.console.error(`Tifa: unhandled error: ${(reason as Error)?.stack ?? reason}`));
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const builtin = loadBuiltinGlossary();
const glossaries = new GlossaryManager(builtin);
const ctx = new TifaContext(connection, documents, settings, glossaries);

let diagnostics: { refreshAll(): void; refresh(uris: string[]): void } | undefined;
let status: { send(): void } | undefined;
const glossaryDiagnostics = registerGlossaryDiagnostics(ctx);
let watchFiles = false;
let addToGlossary: ((args: unknown[]) => Promise<boolean | null>) | undefined;

/** Loads the glossaries again, shows their problems, and re-checks every open document. */
let reloading: Promise<void> = Promise.resolve();
const shownNotices = new Set<string>();
function reloadGlossaries(reason: string): Promise<void> {
  reloading = reloading.then(async () => {
    const notices = await glossaries.reload(async (folder) => (await settings.get(pathToFileURL(folder).href)).glossary);
    for (const n of notices) {
      connection.console.warn(`Tifa: ${n}`);
      // Once each: a reload on every save must not repeat the same message.
      if (!shownNotices.has(n)) showMessage(connection, 'warning', `Tifa: ${n}`);
      shownNotices.add(n);
    }
    const loaded = glossaries.loaded();
    for (const g of loaded) for (const p of g.problems) connection.console.error(formatProblem(g.label, p));
    connection.console.info(`Tifa: ${glossaries.conceptCount()} concepts from ${loaded.map((g) => g.label).join(', ')} (${reason}).`);
    glossaryDiagnostics.publish();
    status?.send();
    diagnostics?.refreshAll();
  });
  // A failed reload (it should not happen: readers report, not throw) must not stop later ones.
  reloading = reloading.catch((e) => connection.console.error(`Tifa: reloading the glossaries failed: ${(e as Error).stack ?? e}`));
  return reloading;
}

// Saves come in bursts (format on save, several files): reload once they settle.
let reloadTimer: NodeJS.Timeout | undefined;
function scheduleReload(reason: string): void {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => void reloadGlossaries(reason), 50);
}

let initialized = false;
// Before initialize, a request gets ServerNotInitialized (-32002), as the LSP asks; after it, an
// unknown method gets MethodNotFound. Feature handlers are registered in onInitialize.
connection.onRequest((method) =>
  initialized ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`) : new ResponseError(ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${method}.`),
);

connection.onInitialize((params): InitializeResult => {
  initialized = true;
  const caps = params.capabilities;
  const pull = !!caps.textDocument?.diagnostic;
  settings.supported = !!caps.workspace?.configuration;
  glossaries.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => !!p);
  diagnostics = registerDiagnostics(ctx, { pull, refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport });
  registerHover(ctx);
  registerCompletion(ctx);
  registerInlayHints(ctx);
  registerDocumentSymbols(ctx);
  registerReferences(ctx);
  addToGlossary = registerCodeActions(ctx, (path, text) => {
    glossaries.setPending(path, text);
    return reloadGlossaries(`added a rendering to ${path}`);
  });
  status = registerStatus(ctx);
  ctx.onTooLargeChange = () => status?.send();
  watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      inlayHintProvider: true,
      documentSymbolProvider: { label: 'Tifa formulations' },
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [ADD_TO_GLOSSARY_COMMAND, RELOAD_COMMAND] },
      ...(pull ? { diagnosticProvider: { identifier: 'tifa', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'tifa-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  // Clients that can watch files for us report glossary changes (VS Code does); which of the
  // changed files are glossaries is decided against tifa.glossary.files on reload.
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,tbx,csv,tsv}' }] });
  void reloadGlossaries('start');
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  void reloadGlossaries('settings changed');
  void connection.languages.inlayHint.refresh().catch(() => undefined);
});

connection.onDidChangeWatchedFiles((params) => {
  const changed = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => !!p && !!glossaryFormat(p) && !!glossaries.folderFor(p));
  if (changed.length === 0) return;
  for (const p of changed) glossaries.changedOnDisk(p);
  scheduleReload(`${changed.join(', ')} changed`);
});

// The client's "Export Glossary" and "Show Formulations in This File" commands.
connection.onRequest(EXPORT_REQUEST, (params: { uri?: string; format: 'tbx' | 'csv' | 'yaml' }) => {
  const glossary = ctx.engineFor(params.uri ?? '').glossary;
  const text = params.format === 'tbx' ? exportTbx(glossary) : params.format === 'csv' ? exportCsv(glossary) : exportYaml(glossary);
  return { text, concepts: glossary.concepts.length };
});
connection.onRequest(SUMMARY_REQUEST, (params: { uri: string }) => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return formulationSummary(ctx.engineFor(params.uri).glossary, ctx.analysis(document).matches, (o) => document.positionAt(o).line + 1);
});

// One dispatcher: the connection keeps a single executeCommand handler.
connection.onExecuteCommand(async (params) => {
  if (params.command === RELOAD_COMMAND) {
    await reloadGlossaries('reload requested');
    return true;
  }
  if (params.command === ADD_TO_GLOSSARY_COMMAND) return addToGlossary?.(params.arguments ?? []) ?? null;
  return null;
});

// A Chinese file that an open English file is paired with changed: re-check the English ones.
// Open English drafts are indexed by their pairing key, so each change costs one look-up.
const englishByKey = new Map<string, Set<string>>();
documents.onDidOpen((e) => {
  const path = uriToPath(e.document.uri);
  ctx.openPaths.set(path ?? e.document.uri, e.document.uri);
  const key = path && !isParallelSourceName(path) ? parallelKey(path) : undefined;
  if (key) englishByKey.set(key, (englishByKey.get(key) ?? new Set()).add(e.document.uri));
});
documents.onDidChangeContent((e) => {
  const path = uriToPath(e.document.uri);
  // Most edits are to files that cannot be a Chinese counterpart: decide that by name alone.
  if (!path || !isParallelSourceName(path)) return;
  const english = englishByKey.get(parallelKey(path) ?? '');
  if (english?.size) diagnostics?.refresh([...english]);
});
documents.onDidClose((e) => {
  const path = uriToPath(e.document.uri);
  ctx.openPaths.delete(path ?? e.document.uri);
  const key = path ? parallelKey(path) : undefined;
  if (key) englishByKey.get(key)?.delete(e.document.uri);
  ctx.forget(e.document.uri);
  settings.forget(e.document.uri);
});

/**
 * Over --stdio the server builds its own reader, so that a broken frame (a header without a
 * valid Content-Length) ends the process with a message instead of leaving it alive but deaf:
 * the client sees the exit and restarts it. Other transports (VS Code's IPC) frame for us.
 */
function openConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    if (!/Content-Length|Header must provide/.test(error.message)) return; // a bad body: that message alone is dropped
    process.stderr.write(`tifa-language-server: the client sent a malformed message header (${error.message.split('\n')[0]}); exiting so that the client can restart the server.\n`);
    process.exit(1);
  });
  process.stdin.on('end', () => process.exit(shutdownReceived ? 0 : 1));
  const c = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  c.onShutdown(() => {
    shutdownReceived = true;
  });
  return c;
}

declare const VERSION: string;
documents.listen(connection);
connection.listen();
