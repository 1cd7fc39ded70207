/**
 * The Tifa language server: `node dist/server.js --stdio`. Wiring only: each feature lives in
 * its own file under features/, the analysis in core/, and what the client shares in protocol.ts.
 */
import { CodeActionKind, type InitializeResult, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { openConnection } from './connection';
import { TifaContext, uriToPath } from './context';
import { localeOf } from './core';
import { addCandidateHandler, addToGlossaryHandler } from './features/addToGlossary';
import { registerCodeActions } from './features/codeActions';
import { EXECUTED_COMMANDS, registerCommands } from './features/commands';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerExportGlossary } from './features/exportGlossary';
import { registerFormulationSummary } from './features/formulationSummary';
import { registerGlossaryDiagnostics } from './features/glossaryDiagnostics';
import { registerCorpora, watchCorpusFiles } from './features/corpora';
import { registerRecordViews } from './features/recordViews';
import { registerGlossaryReload, watchGlossaryFiles } from './features/glossaryReload';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerMemory, watchMemoryFiles } from './features/memory';
import { registerParallelRefresh } from './features/parallelRefresh';
import { registerReferences } from './features/references';
import { registerStatus } from './features/status';
import { loadBuiltinGlossary } from './glossaries';
import { GlossaryManager } from './glossaryManager';
import { FIX_ALL_KIND } from './protocol';
import { SettingsStore } from './settings';
import { TifaDocument } from './document';

declare const VERSION: string;

const { connection, markInitialized } = openConnection();
const documents = new TextDocuments(TifaDocument.configuration);
const glossaries = new GlossaryManager(loadBuiltinGlossary());
const settings = new SettingsStore(connection, (uri) => glossaries.folderFor(uriToPath(uri) ?? ''));
const ctx = new TifaContext(connection, documents, settings, glossaries);
const glossaryDiagnostics = registerGlossaryDiagnostics(ctx);
let watchFiles = false;

connection.onInitialize((params): InitializeResult => {
  markInitialized();
  ctx.locale = localeOf(params.locale);
  glossaries.locale = ctx.locale;
  const caps = params.capabilities;
  const pull = !!caps.textDocument?.diagnostic;
  settings.supported = !!caps.workspace?.configuration;
  watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  glossaries.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => !!p);

  const diagnostics = registerDiagnostics(ctx, { pull, refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport });
  const status = registerStatus(ctx);
  ctx.onTooLargeChange = () => status.send();
  const corpora = registerCorpora(ctx);
  const memory = registerMemory(ctx, () => diagnostics.refreshAll(), () => status.send());
  ctx.memory = memory;
  const glossaryReload = registerGlossaryReload(ctx, () => {
    glossaryDiagnostics.publish();
    status.send();
    diagnostics.refreshAll();
    memory.update();
  }, {
    settingsChanged: () => {
      void corpora.update();
      memory.update();
    },
    filesChanged: (paths) => {
      corpora.filesChanged(paths);
      memory.filesChanged(paths);
    },
  });
  registerHover(ctx);
  registerCompletion(ctx);
  registerInlayHints(ctx);
  registerDocumentSymbols(ctx);
  registerReferences(ctx);
  registerCodeActions(ctx);
  registerExportGlossary(ctx);
  registerFormulationSummary(ctx);
  registerRecordViews(ctx);
  registerParallelRefresh(ctx, (uris) => diagnostics.refresh(uris));
  registerCommands(ctx, {
    reloadGlossaries: () => glossaryReload.reload('reload requested'),
    addToGlossary: addToGlossaryHandler(ctx, (path, text) => {
      glossaries.setPending(path, text);
      return glossaryReload.reload(`added a rendering to ${path}`);
    }),
    addCandidate: addCandidateHandler(ctx, (path, text) => {
      glossaries.setPending(path, text);
      return glossaryReload.reload(`added a formulation to ${path}`);
    }),
  });
  connection.onInitialized(() => {
    if (watchFiles) {
      watchGlossaryFiles(ctx);
      watchCorpusFiles(ctx);
      watchMemoryFiles(ctx);
    }
    // The record is indexed for the engine in force once the glossaries are read, off the request path.
    // Once analysed, the record's candidates appear in the drafts: diagnostics are asked for again.
    // The memory is analysed again then too, with the candidates as formulations.
    ctx.record.onAnalysed = () => {
      diagnostics.refreshAll();
      memory.update();
    };
    void glossaryReload.reload('start').then(() => corpora.update(true));
  });

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      inlayHintProvider: true,
      documentSymbolProvider: { label: 'Tifa formulations' },
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: EXECUTED_COMMANDS },
      ...(pull ? { diagnosticProvider: { identifier: 'tifa', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'tifa-language-server', version: VERSION },
  };
});

documents.onDidClose((e) => {
  ctx.forget(e.document.uri);
  settings.forget(e.document.uri);
});

documents.listen(connection);
connection.listen();
