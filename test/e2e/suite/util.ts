/** What every real-VS Code suite shares: the workspace's files, diagnostic codes, waiting on events. */
import * as vscode from 'vscode';

export const folder = () => vscode.workspace.workspaceFolders![0].uri;
export const file = (name: string) => vscode.Uri.joinPath(folder(), name);

/** A diagnostic's code; with a codeDescription VS Code reports it as { value, target }. */
export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

/** Resolves when get() returns something that satisfies ok, re-checking on every diagnostics change. */
export async function waitFor<T>(get: () => T, ok: (v: T) => boolean, what: string, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (ok(v)) return v;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${ms} ms waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const timer = setTimeout(done, Math.min(left, 250)); // also re-check: not every wait is about diagnostics
      function done() {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
