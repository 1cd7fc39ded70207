/**
 * Request safety: a failure in one feature must never take the server down. Each handler runs
 * guarded; an unexpected exception is logged once (per feature and message) with its stack and
 * answered with the feature's empty result. Requests about documents the server does not have,
 * or positions past their end, get a proper InvalidParams error instead.
 */
import { type CancellationToken, type Connection, ErrorCodes, LSPErrorCodes, MessageType, type Position, ResponseError, ShowMessageNotification, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const logged = new Set<string>();

export function guard<P, R>(connection: Connection, feature: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each request type has its own error data
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<any>> => {
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) return e;
      const error = e instanceof Error ? e : new Error(String(e));
      const key = `${feature}\u0000${error.message}`;
      if (!logged.has(key)) {
        logged.add(key);
        connection.console.error(`Tifa: ${feature} failed, answered with an empty result: ${error.stack ?? error.message}`);
      }
      return empty;
    }
  };
}

/** The open document, or an InvalidParams error a client can act on. */
export function documentOrError<T extends TextDocument>(documents: TextDocuments<T>, uri: string): T {
  const document = documents.get(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown document ${uri}: send textDocument/didOpen first.`);
  return document;
}

export function checkPosition(document: TextDocument, position: Position): void {
  const ok =
    position &&
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.character >= 0 &&
    position.line < document.lineCount &&
    position.character <= document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
  if (!ok) throw new ResponseError(ErrorCodes.InvalidParams, `Position ${JSON.stringify(position)} is outside the document (${document.lineCount} lines).`);
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * A notice for the user (window/showMessage): a notification, not a request, so that a client
 * that cannot answer requests to show messages cannot make the server fail.
 */
export function showMessage(connection: Connection, type: 'error' | 'warning' | 'info', message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: type === 'error' ? MessageType.Error : type === 'warning' ? MessageType.Warning : MessageType.Info, message }).catch(() => undefined);
}

/**
 * A warning about a setting: in the log each time it is read, in a notice the first time only (the
 * setting is read again at every change, and a notice each time would nag).
 */
export function warnOnce(connection: Connection): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    connection.console.warn(`Tifa: ${message}`);
    if (!said.has(message)) showMessage(connection, 'warning', `Tifa: ${message}`);
    said.add(message);
  };
}
