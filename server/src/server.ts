/**
 * The Tifa language server: `node dist/server.js --stdio`. Wiring only; each feature lives in
 * its own file and the analysis in core/.
 */
import { createConnection, type InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TifaContext } from './context';
import { registerDiagnostics } from './diagnostics';
import { engineFor, formatProblem, loadBuiltinGlossary } from './glossaries';
import { registerHover } from './hover';
import { SettingsStore } from './settings';
import { registerStatus } from './status';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);

const builtin = loadBuiltinGlossary();
const ctx = new TifaContext(connection, documents, settings, engineFor([builtin]), [builtin]);

let diagnostics: { refreshAll(): void } | undefined;
let status: { send(): void } | undefined;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  const pull = !!caps.textDocument?.diagnostic;
  settings.supported = !!caps.workspace?.configuration;
  diagnostics = registerDiagnostics(ctx, { pull, refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport });
  registerHover(ctx);
  status = registerStatus(ctx);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      ...(pull ? { diagnosticProvider: { identifier: 'tifa', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'tifa-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  for (const p of builtin.problems) connection.console.error(formatProblem(builtin.label, p));
  connection.console.info(`Tifa: ${ctx.engine.conceptCount} concepts loaded from the ${builtin.label}.`);
  status?.send();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  diagnostics?.refreshAll();
});

documents.onDidClose((e) => {
  ctx.forget(e.document.uri);
  settings.forget(e.document.uri);
});

declare const VERSION: string;
documents.listen(connection);
connection.listen();
