/**
 * A glossary's mistakes shown where they are: as diagnostics in the glossary file itself (YAML,
 * TBX or CSV alike), at the line and column the loader reports. Pushed, since the glossary file
 * need not be open, and cleared when a file is fixed.
 */
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TifaContext } from '../context';
import { SOURCE } from '../lspDiagnostics';

export function registerGlossaryDiagnostics(ctx: TifaContext): { publish(): void } {
  let published = new Set<string>();
  return {
    publish() {
      const now = new Set<string>();
      // The project configs' problems are shown the same way, in .tifa/config.yaml.
      const configs = ctx.settings.configs.all().map((c) => ({ path: c.path as string, text: c.text ?? '', problems: c.problems, stale: false, code: 'config' }));
      for (const file of [...ctx.glossaries.files().map((f) => ({ ...f, code: 'glossary' })), ...configs]) {
        const uri = pathToFileURL(file.path).href;
        const doc = TextDocument.create(uri, 'text', 0, file.text);
        const diagnostics: Diagnostic[] = file.problems.map((p) => ({
          range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
          severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          source: SOURCE,
          code: file.code,
          message: file.stale && p.severity === 'error' ? `${p.message} (The previous version of this glossary stays in force until this is fixed.)` : p.message,
        }));
        if (diagnostics.length) now.add(uri);
        if (diagnostics.length || published.has(uri)) void ctx.connection.sendDiagnostics({ uri, diagnostics });
      }
      for (const uri of published) if (!now.has(uri)) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      published = now;
    },
  };
}
