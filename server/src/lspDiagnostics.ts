/** Core findings to LSP diagnostics: the one place where offsets become positions. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * Each rule links to its section of the README that ships beside the bundles (dist/../README.md),
 * so the link works offline, in the installed extension and in a checkout alike.
 */
const README = [join(__dirname, '..', 'README.md'), join(__dirname, '..', '..', 'README.md')].find((p) => existsSync(p));
const README_HREF = README ? pathToFileURL(README).href : undefined;
export function ruleHref(code: string): string | undefined {
  return README_HREF ? `${README_HREF}#${code}` : undefined;
}

export function toDiagnostics(document: TextDocument, findings: readonly Finding[], levelOf: (code: string) => Level): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const level = levelOf(f.code);
    if (level === 'off') continue;
    const href = ruleHref(f.code);
    out.push({
      range: { start: document.positionAt(f.start), end: document.positionAt(f.end) },
      severity: SEVERITY[level],
      code: f.code,
      ...(href ? { codeDescription: { href } } : {}),
      source: SOURCE,
      message: f.message,
      ...(f.related?.length
        ? { relatedInformation: f.related.map((r) => ({ location: { uri: document.uri, range: { start: document.positionAt(r.start), end: document.positionAt(r.end) } }, message: r.message })) }
        : {}),
      ...(f.data ? { data: f.data } : {}),
    });
  }
  return out;
}
