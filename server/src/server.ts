/**
 * The Tifa language server: `node dist/server.js --stdio`. Wiring only; each feature lives in
 * its own file and the analysis in core/.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ADD_TO_GLOSSARY_COMMAND, FIX_ALL_KIND, registerCodeActions } from './codeActions';
import { TifaContext, uriToPath } from './context';
import { registerDiagnostics } from './diagnostics';
import { engineFor, formatProblem, loadBuiltinGlossary } from './glossaries';
import { registerHover } from './hover';
import { parallelSourcePath } from './parallel';
import { SettingsStore } from './settings';
import { registerStatus } from './status';
import { isWorkspaceGlossaryPath, WorkspaceGlossaries } from './workspaceGlossaries';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const workspace = new WorkspaceGlossaries();

const builtin = loadBuiltinGlossary();
const ctx = new TifaContext(connection, documents, settings, workspace, engineFor([builtin]), [builtin]);

let diagnostics: { refreshAll(): void } | undefined;
let status: { send(): void } | undefined;
let watchFiles = false;

/** Loads the workspace glossaries again and re-checks every open document. */
function reloadGlossaries(reason: string): void {
  const loaded = [builtin, ...workspace.load()];
  ctx.glossaries = loaded;
  ctx.engine = engineFor(loaded);
  for (const g of loaded) for (const p of g.problems) connection.console.error(formatProblem(g.label, p));
  connection.console.info(`Tifa: ${ctx.engine.conceptCount} concepts from ${loaded.map((g) => g.label).join(', ')} (${reason}).`);
  status?.send();
  diagnostics?.refreshAll();
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  const pull = !!caps.textDocument?.diagnostic;
  settings.supported = !!caps.workspace?.configuration;
  workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => !!p);
  ctx.glossaries = [builtin, ...workspace.load()];
  ctx.engine = engineFor(ctx.glossaries);
  diagnostics = registerDiagnostics(ctx, { pull, refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport });
  registerHover(ctx);
  registerCodeActions(ctx, (path, text) => {
    workspace.setPending(path, text);
    reloadGlossaries(`added a rendering to ${path}`);
  });
  status = registerStatus(ctx);
  watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [ADD_TO_GLOSSARY_COMMAND] },
      ...(pull ? { diagnosticProvider: { identifier: 'tifa', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'tifa-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  // Clients that can watch files for us report workspace glossary changes (VS Code does).
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.tifa/*.{yaml,yml}' }] });
  for (const g of ctx.glossaries) for (const p of g.problems) connection.console.error(formatProblem(g.label, p));
  connection.console.info(`Tifa: ${ctx.engine.conceptCount} concepts loaded from ${ctx.glossaries.map((g) => g.label).join(', ')}.`);
  status?.send();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  diagnostics?.refreshAll();
});

connection.onDidChangeWatchedFiles((params) => {
  const changed = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => !!p && isWorkspaceGlossaryPath(p));
  if (changed.length === 0) return;
  for (const p of changed) workspace.changedOnDisk(p);
  reloadGlossaries(`${changed.join(', ')} changed`);
});

// A Chinese file that an open English file is paired with changed: re-check the English one.
documents.onDidChangeContent((e) => {
  const path = uriToPath(e.document.uri);
  if (!path) return;
  const isSource = documents.all().some((d) => {
    const p = uriToPath(d.uri);
    return p && p !== path && parallelSourcePath(p) === path;
  });
  if (isSource) diagnostics?.refreshAll();
});

documents.onDidClose((e) => {
  ctx.forget(e.document.uri);
  settings.forget(e.document.uri);
});

declare const VERSION: string;
documents.listen(connection);
connection.listen();
