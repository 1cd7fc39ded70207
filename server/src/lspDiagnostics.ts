/**
 * Core findings to LSP diagnostics (offsets to UTF-16 positions), for the server and the CLI's
 * JSON output. Other features convert their own offsets with the
 * document's positionAt.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity, type Location } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, findingLevel, inLocale, type Level, LIMITS, type Locale, localize, shown } from './core';

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

/**
 * Diagnostics for the findings the settings leave on. With `cap`, at most
 * LIMITS.diagnosticsPerDocument are returned (errors and warnings first), and a notice at the
 * top of the document says how many more there are: serialising millions would exhaust memory.
 */
/** Where a related location in another file (a translation memory's unit) is: its URI and range, if known. */
export type ElsewhereLocation = (file: string, start: number, end: number) => Location | undefined;

export function toDiagnostics(document: TextDocument, findings: readonly Finding[], levelOf: (code: string) => Level, cap = false, elsewhere?: ElsewhereLocation, locale: Locale = 'en'): Diagnostic[] {
  let kept: Array<{ f: Finding; level: Exclude<Level, 'off'> }> = [];
  for (const f of findings) {
    const level = findingLevel(f, levelOf(f.code));
    if (level !== 'off') kept.push({ f, level });
  }
  let hidden = 0;
  if (cap && kept.length > LIMITS.diagnosticsPerDocument) {
    const max = LIMITS.diagnosticsPerDocument - 1; // one place is the notice's
    hidden = kept.length - max;
    // Errors first, then warnings, information and hints, each in document order: one pass a
    // severity, no sort of the millions a flood can hold.
    const chosen: number[] = [];
    for (const severity of [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]) {
      for (let i = 0; i < kept.length && chosen.length < max; i++) if (SEVERITY[kept[i].level] === severity) chosen.push(i);
    }
    chosen.sort((a, b) => a - b);
    kept = chosen.map((i) => kept[i]);
  }
  const out: Diagnostic[] = [];
  const position = (offset: number) => document.positionAt(offset);
  if (hidden > 0) {
    const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/[\r\n]+$/, '');
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(firstLine.length, 200) } },
      severity: DiagnosticSeverity.Information,
      code: 'document-notice',
      source: SOURCE,
      message: localize(locale, 'notice.too-many', { shown: LIMITS.diagnosticsPerDocument - 1, total: (hidden + LIMITS.diagnosticsPerDocument - 1).toLocaleString('en'), hidden: hidden.toLocaleString('en') }),
    });
  }
  for (const { f, level } of kept) {
    const href = ruleHref(f.code);
    out.push({
      range: { start: position(f.start), end: position(f.end) },
      severity: SEVERITY[level],
      code: f.code,
      ...(href ? { codeDescription: { href } } : {}),
      source: SOURCE,
      message: shown(inLocale(locale, f), LIMITS.message),
      ...(f.related?.length
        ? {
            relatedInformation: f.related.flatMap((r) => {
              const location = r.file === undefined ? { uri: document.uri, range: { start: position(r.start), end: position(r.end) } } : elsewhere?.(r.file, r.start, r.end);
              return location ? [{ location, message: shown(inLocale(locale, r), LIMITS.message) }] : [];
            }),
          }
        : {}),
      ...(f.data ? { data: f.data } : {}),
    });
  }
  return out;
}
