/**
 * The VS Code side of Tifa: starts the bundled language server, registers the commands, and
 * shows the glossary status. Everything else happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type DocumentSelector, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, STATUS_NOTIFICATION, type TifaStatus } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerViews, type ViewsApi } from './views';


const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];
/**
 * Bilingual XML stays XML (VS Code's own language for .xlf, .xliff and .tmx): Tifa selects it by
 * name, with the CAT tools' dialects (.sdlxliff, .mqxliff, .mxliff, .txlf) and any .xml, which the
 * server checks only when its content is XLIFF or TMX.
 */
const BILINGUAL_XML = '**/*.{xlf,xliff,sdlxliff,mqxliff,mxliff,txlf,tmx,xml}';

let client: LanguageClient | undefined;
let statusItem: vscode.LanguageStatusItem | undefined;
let output: vscode.LogOutputChannel | undefined;

function languages(): string[] {
  const extra = vscode.workspace.getConfiguration('tifa').get<string[]>('languages', []);
  return [...new Set([...DEFAULT_LANGUAGES, ...extra.filter((l) => typeof l === 'string' && l)])];
}

/** The tifa settings the user set (user, workspace or folder), nested as the section is. */
function explicitSettings(context: vscode.ExtensionContext, scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('tifa', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const declared = Object.keys((context.extension.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration.properties);
  const out: Record<string, unknown> = {};
  for (const key of declared) {
    const name = key.slice('tifa.'.length);
    const i = config.inspect(name);
    if (!i || [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].every((v) => v === undefined)) continue;
    const parts = name.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    // get(), not the inspected value: in Restricted Mode VS Code leaves out the workspace's value of a restricted setting.
    at[parts[parts.length - 1]] = config.get(name);
  }
  return out;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const documentSelector: DocumentSelector = [
    ...languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', pattern: BILINGUAL_XML },
    // Workspace glossaries are synced (not checked as drafts) so that "Add to glossary" edits
    // the text the editor has, unsaved changes included, at its version.
    { scheme: 'file', pattern: '**/.tifa/*.{yaml,yml}' },
    { scheme: 'file', pattern: '**/*.tifa.{yaml,yml}' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: 'tifa' },
    // Pull diagnostics for every open tab too (restored tabs included), not only visible editors:
    // translators work across many open drafts and expect the Problems panel to list them all.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
    outputChannel: (output ??= vscode.window.createOutputChannel('Tifa', { log: true })),
    middleware: {
      workspace: {
        // Only what the user set, not VS Code's defaults: the project's .tifa/config.yaml gives
        // the rest, and a default must not hide it.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === 'tifa' ? explicitSettings(context, item.scopeUri) : answers[i]));
        },
      },
    },
  };
  client = new LanguageClient('tifa', 'Tifa', serverOptions, clientOptions);

  statusItem?.dispose();
  statusItem = vscode.languages.createLanguageStatusItem('tifa.status', languages());
  statusItem.name = 'Tifa';
  statusItem.text = vscode.l10n.t('$(sync~spin) Tifa: loading glossary');
  statusItem.command = { title: vscode.l10n.t('Show Output'), command: CLIENT_COMMANDS.showOutput };

  client.onNotification(STATUS_NOTIFICATION, (status: TifaStatus) => showStatus(status));
  await client.start();
}

function showStatus(status: TifaStatus): void {
  if (!statusItem) return;
  const names = status.glossaries.map((g) => g.label).join(', ');
  statusItem.text = vscode.l10n.t('Tifa: {0} formulations', status.concepts);
  if (status.errors > 0) {
    statusItem.severity = vscode.LanguageStatusSeverity.Error;
    const first = status.glossaries.find((g) => g.firstProblem)?.firstProblem ?? '';
    statusItem.detail = vscode.l10n.t('Glossary errors: {0}. {1}', status.errors, first);
    if (status.stale?.length) statusItem.detail += ' ' + vscode.l10n.t('Using the last good version of {0}.', status.stale.join(', '));
  } else {
    statusItem.severity = vscode.LanguageStatusSeverity.Information;
    statusItem.detail = vscode.l10n.t('Glossary: {0}', names);
  }
  if (status.memory?.building) statusItem.detail += ' ' + vscode.l10n.t('Reading translation memories…');
  else if (status.memory?.units) statusItem.detail += ' ' + vscode.l10n.t('Translation memories: {0} units in {1} files.', status.memory.units, status.memory.files);
  if (status.tooLarge?.length) {
    statusItem.severity = vscode.LanguageStatusSeverity.Warning;
    const files = status.tooLarge.map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u))).join(', ');
    statusItem.detail += ' ' + vscode.l10n.t('Not checked, larger than tifa.maxFileSize: {0}.', files);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
  await start(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<ViewsApi> {
  registerCommands(context, () => client);
  const views = registerViews(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => restart(context)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showOutput, () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a new language list needs a restart.
      if (e.affectsConfiguration('tifa.languages')) void restart(context);
    }),
    { dispose: () => statusItem?.dispose() },
  );
  await start(context);
  views.formulations.refresh();
  return views;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
