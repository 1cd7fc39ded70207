/** Core findings to LSP diagnostics: the one place where offsets become positions. */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './core/formulations';
import type { Level } from './core/rules';

export const SOURCE = 'tifa';

const SEVERITY: Record<Exclude<Level, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(document: TextDocument, findings: readonly Finding[], levelOf: (code: string) => Level): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const level = levelOf(f.code);
    if (level === 'off') continue;
    out.push({
      range: { start: document.positionAt(f.start), end: document.positionAt(f.end) },
      severity: SEVERITY[level],
      code: f.code,
      source: SOURCE,
      message: f.message,
      data: f.data,
    });
  }
  return out;
}
