/**
 * A minimal LSP client for tests: spawns the bundled server (`node dist/server.js --stdio`) and
 * speaks real JSON-RPC to it, the way Neovim or VS Code would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers';

export const SERVER = join(ROOT, 'dist', 'server.js');

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  /** initialize's locale (VS Code sends its display language). */
  locale?: string;
  /** Answers workspace/configuration for the "tifa" section. */
  settings?: () => unknown;
  /** Workspace folders, as file paths. */
  folders?: string[];
  /** Answers workspace/applyEdit (the default applies it to files on disk, as an editor would save them). */
  applyEdit?: (edit: WorkspaceEdit) => boolean;
}

/** Applies a WorkspaceEdit to files on disk: creates, then text edits. */
export function applyEditToDisk(edit: WorkspaceEdit): boolean {
  const apply = (uri: string, edits: TextEdit[]) => {
    const path = fileURLToPath(uri);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, before), edits));
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        const path = fileURLToPath(change.uri);
        mkdirSync(dirname(path), { recursive: true });
        if (!existsSync(path)) writeFileSync(path, '');
      } else return false;
    } else apply(change.textDocument.uri, change.edits as TextEdit[]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  return true;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<() => void> = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  stderr = '';
  /** The server's window/logMessage output. */
  log = '';
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** window/showMessage notifications, in order. */
  readonly shown: Array<{ type: number; message: string }> = [];
  /** The server process's exit code, once it has exited. */
  exitCode: number | null | undefined;
  initializeResult?: InitializeResult;

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.process.on('exit', (code) => {
      this.exitCode = code;
      this.wake();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.wake();
    });
    this.connection.onNotification('tifa/status', (params: unknown) => {
      this.notifications.push({ method: 'tifa/status', params });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((item) => (item.section === 'tifa' ? (this.options.settings?.() ?? {}) : null)),
    );
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.log += p.message + '\n';
      this.wake(); // `until` may be waiting for a line of the log
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.shown.push(p);
      this.wake();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(p.edit);
      return { applied: (this.options.applyEdit ?? applyEditToDisk)(p.edit) };
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      this.wake();
      return null;
    });
    this.connection.listen();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: this.options.folders?.map((f) => ({ uri: pathToFileURL(f).href, name: f })) ?? null,
      capabilities: this.options.capabilities ?? {},
      ...(this.options.locale ? { locale: this.options.locale } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult!;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Polls (event-driven) until predicate holds, failing with the last value after the deadline. */
  async until<T>(get: () => T | undefined, predicate: (v: T) => boolean, what: string, deadlineMs = 5000): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const v = get();
      if (v !== undefined && predicate(v)) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}; last: ${JSON.stringify(v)}\nserver stderr: ${this.stderr}\nserver log: ${this.log.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics published for uri once predicate holds. */
  diagnostics(uri: string, predicate: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, deadlineMs = 5000): Promise<Diagnostic[]> {
    return this.until(
      () => this.published.get(uri)?.at(-1),
      (p) => predicate(p.diagnostics, p),
      `diagnostics for ${uri}`,
      deadlineMs,
    ).then((p) => p.diagnostics);
  }

  publishedCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** Bytes written straight to the server's standard input, framing and all. */
  writeRaw(data: string): void {
    this.process.stdin!.write(data);
  }

  async shutdown(): Promise<void> {
    if (this.exitCode !== undefined) {
      this.connection.dispose();
      return;
    }
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      const exited = this.exitCode !== undefined ? Promise.resolve() : new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
      const timer = setTimeout(() => this.process.kill(), 2000);
      await exited;
      clearTimeout(timer);
      this.connection.dispose();
    }
  }
}

/** [startLine, startChar, endLine, endChar, message] of each diagnostic: compact and exact. */
export function compact(diagnostics: Diagnostic[]): Array<[number, number, number, number, string]> {
  return diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, typeof d.message === 'string' ? d.message : d.message.value]);
}

/** The LSP range of the nth occurrence of needle in text, computed from the text itself. */
export function rangeOf(text: string, needle: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${JSON.stringify(needle)} #${nth} is not in the text`);
  const d = TextDocument.create('x:', 'x', 0, text);
  return { start: d.positionAt(i), end: d.positionAt(i + needle.length) };
}

/**
 * Puts the tests' house style (test/fixtures/house-style.tifa.yaml: six renderings of 网络强国
 * deprecated, "cyber great power" admitted) into a workspace folder's .tifa/, as a team would.
 * The built-in glossary deprecates nothing; the tests of deprecated renderings need a glossary that does.
 * Named to load first (glossaries load in path order, later ones override): what a test adds to
 * .tifa/glossary.yaml overrides it.
 */
export function withHouseStyle(dir: string): string {
  mkdirSync(join(dir, '.tifa'), { recursive: true });
  writeFileSync(join(dir, '.tifa', 'a-house-style.yaml'), readFileSync(join(ROOT, 'test', 'fixtures', 'house-style.tifa.yaml'), 'utf8'));
  return dir;
}
