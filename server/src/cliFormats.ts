/**
 * The CLI's formats for CI: SARIF 2.1.0 (GitHub code scanning, Azure DevOps, any SARIF viewer) and
 * GitHub Actions workflow commands (annotations on the pull request's lines). Both are written from
 * the LSP diagnostics `tifa lint` already computes, so every format says the same thing.
 *
 * SARIF is written by hand: it is one JSON object whose shape the schema fixes, and the libraries
 * that build it (node-sarif-builder) add a dependency to save a dozen lines. A test checks the
 * output against the OASIS JSON Schema.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { type Level, RULE_CODES, RULES } from './core';
import { ruleHref } from './lspDiagnostics';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

/** A diagnostic's message as plain text (LSP 3.18 allows Markdown; Tifa's are strings). */
const textOf = (m: Diagnostic['message']) => (typeof m === 'string' ? m : m.value);

const SARIF_LEVEL: Record<number, 'error' | 'warning' | 'note'> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };
const DEFAULT_LEVEL: Record<Level, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** A path as a SARIF artifact URI: relative paths stay relative (to %SRCROOT%), with forward slashes and escapes. */
function artifactUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function toSarif(reports: readonly FileReport[], version: string): object {
  const rules = RULE_CODES.map((code) => {
    const help = ruleHref(code);
    return {
      id: code,
      shortDescription: { text: RULES[code].description },
      defaultConfiguration: { level: DEFAULT_LEVEL[RULES[code].defaultLevel] },
      ...(help ? { helpUri: help } : {}),
    };
  });
  const results = reports.flatMap((r) => r.diagnostics.map((d) => {
    const code = String(d.code ?? 'document-notice');
    const ruleIndex = RULE_CODES.indexOf(code as (typeof RULE_CODES)[number]);
    const relative = !/^([A-Za-z]:)?[\\/]/.test(r.path);
    return {
      ruleId: code,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: SARIF_LEVEL[d.severity ?? 2],
      message: { text: textOf(d.message) },
      locations: [{
        physicalLocation: {
          artifactLocation: relative ? { uri: artifactUri(r.path), uriBaseId: '%SRCROOT%' } : { uri: `file://${artifactUri(r.path.replace(/\\/g, '/'))}` },
          // 1-based; columns in UTF-16 code units (columnKind below), the end column exclusive.
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        },
      }],
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'tifa', version, semanticVersion: version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** GitHub's escaping: data (the message) escapes %, CR and LF; properties also : and ,. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMAND: Record<number, 'error' | 'warning' | 'notice'> = { 1: 'error', 2: 'warning', 3: 'notice', 4: 'notice' };

/** One workflow command a diagnostic: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function toGithub(reports: readonly FileReport[]): string[] {
  return reports.flatMap((r) => r.diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(r.path)}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(`tifa(${String(d.code)})`)}`,
    ];
    return `::${COMMAND[d.severity ?? 2]} ${props.join(',')}::${escapeData(textOf(d.message))}`;
  }));
}
