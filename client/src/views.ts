/**
 * The record's views: the Formulations tree (in this file / in the record / candidates not in the
 * glossary), record documents opened read-only at an attestation (tifa-record:), the Formulation
 * timeline (a webview showing the server's chart), and Compare Formulations. The server does the
 * work; these only ask and show.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  type AttestationRef,
  CLIENT_COMMANDS,
  COMPARE_REQUEST,
  type CompareParams,
  type CompareResult,
  FORMULATIONS_REQUEST,
  type FormulationsParams,
  type FormulationsResult,
  type Range,
  RECORD_SCHEME,
  RECORD_TEXT_REQUEST,
  type RecordEntry,
  TIMELINE_REQUEST,
  type TimelineParams,
  type TimelineResult,
} from '../../server/src/protocol';

type Node =
  | { kind: 'section'; id: 'file' | 'record' | 'candidates'; label: string; count: number }
  | { kind: 'inFile'; entry: FormulationsResult['inFile'][number]; uri: vscode.Uri }
  | { kind: 'occurrence'; uri: vscode.Uri; range: Range; line: string }
  | { kind: 'record'; entry: RecordEntry }
  | { kind: 'attestation'; which: 'first' | 'last'; ref: AttestationRef; zh: string }
  | { kind: 'waiting' };

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** tifa-record:/<id> → the record document's text, from the server. */
export function recordUri(documentId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${documentId}` });
}

export class FormulationsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: FormulationsResult | undefined;
  private forUri: vscode.Uri | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.result = undefined;
    this.changed.fire(undefined);
  }

  private async load(): Promise<FormulationsResult | undefined> {
    const c = this.client();
    if (!c) return undefined;
    const editor = vscode.window.activeTextEditor;
    this.forUri = editor?.document.uri.scheme === RECORD_SCHEME ? this.forUri : editor?.document.uri;
    this.result = await c.sendRequest<FormulationsResult>(FORMULATIONS_REQUEST, { uri: this.forUri?.toString() } satisfies FormulationsParams);
    return this.result;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const r = this.result ?? (await this.load());
      if (!r) return [];
      return [
        { kind: 'section', id: 'file', label: vscode.l10n.t('In this file'), count: r.inFile.length },
        { kind: 'section', id: 'record', label: vscode.l10n.t('In the record'), count: r.inRecord.length },
        { kind: 'section', id: 'candidates', label: vscode.l10n.t('Candidates not in the glossary'), count: r.candidates.length },
      ];
    }
    const r = this.result;
    if (!r) return [];
    if (node.kind === 'section') {
      if (node.id === 'file') return r.inFile.map((entry) => ({ kind: 'inFile', entry, uri: this.forUri! }));
      if (!r.ready) return [{ kind: 'waiting' }];
      return (node.id === 'record' ? r.inRecord : r.candidates).map((entry) => ({ kind: 'record', entry }));
    }
    if (node.kind === 'inFile') {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri.toString());
      return node.entry.ranges.map((range) => ({ kind: 'occurrence', uri: node.uri, range, line: doc?.lineAt(range.start.line).text.trim() ?? '' }));
    }
    if (node.kind === 'record') {
      const out: Node[] = [{ kind: 'attestation', which: 'first', ref: node.entry.first, zh: node.entry.zh }];
      if (node.entry.last.documentId !== node.entry.first.documentId || node.entry.last.range.start.line !== node.entry.first.range.start.line) out.push({ kind: 'attestation', which: 'last', ref: node.entry.last, zh: node.entry.zh });
      return out;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'section': {
        const item = new vscode.TreeItem(node.label, node.id === 'file' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.count);
        item.id = `section:${node.id}`;
        return item;
      }
      case 'inFile': {
        const item = new vscode.TreeItem(node.entry.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.entry.ranges.length}${node.entry.candidate ? ` · ${vscode.l10n.t('candidate')}` : ''}`;
        item.contextValue = 'formulation';
        item.iconPath = new vscode.ThemeIcon(node.entry.candidate ? 'question' : 'symbol-key');
        item.command = { title: vscode.l10n.t('Go to'), command: 'vscode.open', arguments: [node.uri, { selection: toRange(node.entry.ranges[0]) }] };
        return item;
      }
      case 'occurrence': {
        const item = new vscode.TreeItem(`${node.range.start.line + 1}: ${node.line.slice(0, 80)}`);
        item.command = { title: vscode.l10n.t('Go to'), command: 'vscode.open', arguments: [node.uri, { selection: toRange(node.range) }] };
        return item;
      }
      case 'record': {
        const item = new vscode.TreeItem(node.entry.zh, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = vscode.l10n.t('{0} in {1} documents · since {2}', node.entry.count, node.entry.documents, node.entry.first.date?.slice(0, 4) ?? '?');
        item.tooltip = new vscode.MarkdownString(`**${node.entry.zh}** — ${node.entry.first.date ?? vscode.l10n.t('undated')} · ${node.entry.first.title}\n\n「${node.entry.first.sentence}」`);
        item.contextValue = 'formulation';
        item.iconPath = new vscode.ThemeIcon(node.entry.inGlossary ? 'symbol-key' : 'question');
        item.command = { title: vscode.l10n.t('Open the first attestation'), command: CLIENT_COMMANDS.openAttestation, arguments: [node.entry.first] };
        return item;
      }
      case 'attestation': {
        const item = new vscode.TreeItem(`${node.which === 'first' ? vscode.l10n.t('First') : vscode.l10n.t('Latest')}: ${node.ref.date ?? vscode.l10n.t('undated')} · ${node.ref.title}`);
        item.tooltip = node.ref.sentence;
        item.command = { title: vscode.l10n.t('Open the attestation'), command: CLIENT_COMMANDS.openAttestation, arguments: [node.ref] };
        return item;
      }
      case 'waiting':
        return new vscode.TreeItem(vscode.l10n.t('Reading the record…'));
    }
  }
}

/** The label of a tree node that names a formulation (for the timeline's context menu). */
function formulationOf(node: unknown): string | undefined {
  const n = node as Node | undefined;
  if (n?.kind === 'record') return n.entry.zh;
  if (n?.kind === 'inFile') return n.entry.label;
  return undefined;
}

/** What the extension's API exposes of the views (for tests and other extensions). */
export interface ViewsApi {
  formulations: FormulationsTree;
  /** The data of the timeline last shown. */
  lastTimeline(): TimelineResult | undefined;
}

export function registerViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): ViewsApi {
  const tree = new FormulationsTree(client);
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => tree.refresh(), 300);
  };
  let panel: vscode.WebviewPanel | undefined;
  let last: TimelineResult | undefined;

  context.subscriptions.push(
    vscode.window.createTreeView('tifa.formulations', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.onDidChangeActiveTextEditor(later),
    // Diagnostics change when a draft is checked again and when the record's candidates arrive.
    vscode.languages.onDidChangeDiagnostics(later),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, {
      provideTextDocumentContent: async (uri) => (await client()?.sendRequest<string | null>(RECORD_TEXT_REQUEST, { id: decodeURIComponent(uri.path.slice(1)) })) ?? vscode.l10n.t('This record document is not available.'),
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.refreshFormulations, () => tree.refresh()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.openAttestation, async (ref: AttestationRef) => {
      const doc = await vscode.workspace.openTextDocument(recordUri(ref.documentId));
      await vscode.window.showTextDocument(doc, { selection: toRange(ref.range), preview: true });
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showTimeline, async (node?: unknown, more?: string[]) => {
      const c = client();
      if (!c) return;
      let formulations = Array.isArray(more) ? more : [];
      const fromNode = formulationOf(node) ?? (typeof node === 'string' ? node : undefined);
      if (fromNode) formulations = [fromNode, ...formulations];
      if (!formulations.length) {
        const editor = vscode.window.activeTextEditor;
        const selected = editor?.document.getText(editor.selection).trim();
        const typed = await vscode.window.showInputBox({
          title: vscode.l10n.t('Formulation timeline'),
          prompt: vscode.l10n.t('Chinese formulations to chart, separated by spaces or commas'),
          value: selected || '',
        });
        if (!typed) return;
        formulations = typed.split(/[\s,，、]+/).filter(Boolean);
      }
      const result = (last = await c.sendRequest<TimelineResult>(TIMELINE_REQUEST, { formulations } satisfies TimelineParams));
      panel ??= vscode.window.createWebviewPanel('tifa.timeline', vscode.l10n.t('Formulation timeline'), vscode.ViewColumn.Beside, { enableScripts: false, retainContextWhenHidden: false });
      panel.onDidDispose(() => (panel = undefined));
      panel.title = `${vscode.l10n.t('Timeline')}: ${formulations.join(', ')}`;
      panel.webview.html = timelineHtml(result);
      panel.reveal(undefined, true);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.compareFormulations, async (a?: vscode.Uri, b?: vscode.Uri) => {
      const c = client();
      if (!c) return;
      const pick = async (title: string) => (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { [vscode.l10n.t('Texts')]: ['txt', 'md', 'markdown'] } }))?.[0];
      const older = a ?? (await pick(vscode.l10n.t('The older document')));
      if (!older) return;
      const newer = b ?? vscode.window.activeTextEditor?.document.uri ?? (await pick(vscode.l10n.t('The newer document')));
      if (!newer) return;
      const read = async (uri: vscode.Uri) => ({ name: vscode.workspace.asRelativePath(uri), text: (await vscode.workspace.openTextDocument(uri)).getText() });
      const result = await c.sendRequest<CompareResult | null>(COMPARE_REQUEST, { old: await read(older), new: await read(newer) } satisfies CompareParams);
      if (!result) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
  );
  return { formulations: tree, lastTimeline: () => last };
}

/** The chart in a page of its own: no scripts; the server's SVG carries its tooltips (<title>). */
function timelineHtml(result: TimelineResult): string {
  const rows = result.series
    .map((s) => {
      const total = s.points.reduce((n, p) => n + p.count, 0);
      const docs = s.points.filter((p) => p.count > 0).length;
      return `<li>${escapeHtml(vscode.l10n.t('{0}: {1} times in {2} documents', s.zh, total, docs))}</li>`;
    })
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><style>body{background:#fff;color:#222;font-family:sans-serif}svg{max-width:100%;height:auto}</style></head><body>${result.svg}<ul>${rows}</ul></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
