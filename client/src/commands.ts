/**
 * The commands a translator runs from the palette. Reload Glossaries and the add-to-glossary
 * fix are the server's own commands (the language client registers them); these three need a
 * dialog first.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type AddToGlossaryArgs, CLIENT_COMMANDS, EXPORT_REQUEST, type ExportParams, type ExportResult, MEMORY_SUGGESTIONS_REQUEST, type MemorySuggestion, type MemorySuggestionsResult, SERVER_COMMANDS, SUMMARY_REQUEST, type SummaryParams, type SummaryResult } from '../../server/src/protocol';

const HAN = /[\u3400-\u9fff]/;

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportGlossary, async () => {
      const c = client();
      if (!c) return;
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'TBX', description: vscode.l10n.t('TBX v3 (TBX-Basic), for CAT tools'), format: 'tbx' as const },
          { label: 'CSV', description: vscode.l10n.t('One row per rendering, for spreadsheets'), format: 'csv' as const },
          { label: 'YAML', description: vscode.l10n.t("Tifa's own format"), format: 'yaml' as const },
        ],
        { title: vscode.l10n.t('Export the glossaries in force') },
      );
      if (!pick) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `glossary.${pick.format}`) : undefined,
        filters: { [pick.label]: [pick.format] },
      });
      if (!target) return;
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const result = await c.sendRequest<ExportResult>(EXPORT_REQUEST, { uri: active, format: pick.format } satisfies ExportParams);
      if (result.warning) void vscode.window.showWarningMessage(`Tifa: ${result.warning}`);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} concepts to {1}.', result.concepts, vscode.workspace.asRelativePath(target)));
    }),

    vscode.commands.registerCommand(CLIENT_COMMANDS.addSelectionToGlossary, async () => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor?.document.getText(editor.selection).trim();
      if (!editor || !selected) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Select a Chinese formulation or an English rendering first.'));
        return;
      }
      const chinese = HAN.test(selected);
      const other = await vscode.window.showInputBox({
        title: vscode.l10n.t('Add “{0}” to the workspace glossary', selected),
        prompt: chinese ? vscode.l10n.t('English rendering of {0}', selected) : vscode.l10n.t('Chinese form of “{0}” (leave empty if none)', selected),
        validateInput: (v) => (chinese && !v.trim() ? vscode.l10n.t('An English rendering is needed.') : undefined),
      });
      if (other === undefined) return;
      const status = (await vscode.window.showQuickPick(['preferred', 'admitted', 'deprecated'], { title: vscode.l10n.t('Status of “{0}”', chinese ? other : selected) })) as AddToGlossaryArgs['status'];
      if (!status) return;
      const en = chinese ? other.trim() : selected;
      const zh = chinese ? selected : other.trim() || undefined;
      await vscode.commands.executeCommand(SERVER_COMMANDS.addToGlossary, { uri: editor.document.uri.toString(), text: en, zh, status } satisfies AddToGlossaryArgs);
    }),

    // Renderings the translation memories use that the glossary lacks; the ones picked are written
    // to .tifa/glossary.yaml as admitted, with the authority "translation memory" and their file.
    // Scripts (and the tests) may pass { accept: "all" } or the "zh → en" labels to accept.
    vscode.commands.registerCommand(CLIENT_COMMANDS.suggestGlossaryEntries, async (options?: { accept?: 'all' | string[] }) => {
      const c = client();
      if (!c) return 0;
      const result = await c.sendRequest<MemorySuggestionsResult>(MEMORY_SUGGESTIONS_REQUEST, {});
      if (result.suggestions.length === 0) {
        const why = result.building
          ? vscode.l10n.t('Tifa is still reading the translation memories; try again in a moment.')
          : vscode.l10n.t('No suggestions: the {0} units in {1} translation memories use no rendering twice that the glossary lacks (setting tifa.memory.files).', result.memoryUnits, result.memoryFiles);
        void vscode.window.showInformationMessage(why);
        return 0;
      }
      const key = (s: MemorySuggestion) => `${s.zh} → ${s.en}`;
      const items = result.suggestions.map((s) => ({
        label: key(s),
        description: vscode.l10n.t('{0} of {1} units', s.count, s.units) + (s.confidence !== undefined ? ` · ${vscode.l10n.t('confidence {0}', s.confidence.toFixed(2))}` : ''),
        detail: `${s.conceptId ? vscode.l10n.t('in the glossary') : vscode.l10n.t('candidate from the record')} · ${s.file}`,
        suggestion: s,
      }));
      let chosen: typeof items | undefined;
      if (options?.accept) chosen = options.accept === 'all' ? items : items.filter((i) => options.accept!.includes(i.label));
      else chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Add renderings from your translations to the workspace glossary (as admitted)'), matchOnDescription: true, matchOnDetail: true });
      if (!chosen || chosen.length === 0) return 0;
      const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
      if (!uri) return 0;
      let written = 0;
      // One at a time: each addition is computed on the glossary the previous one left.
      for (const { suggestion: s } of chosen) {
        const ok = await vscode.commands.executeCommand(SERVER_COMMANDS.addToGlossary, { uri, text: s.en, conceptId: s.conceptId, zh: s.conceptId ? undefined : s.zh, status: 'admitted', authority: 'translation memory', source: s.file } satisfies AddToGlossaryArgs);
        if (ok) written++;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} renderings to the workspace glossary.', written));
      return written;
    }),

    vscode.commands.registerCommand(CLIENT_COMMANDS.showFormulations, async () => {
      const c = client();
      const editor = vscode.window.activeTextEditor;
      if (!c || !editor) return;
      const summary = await c.sendRequest<SummaryResult>(SUMMARY_REQUEST, { uri: editor.document.uri.toString() } satisfies SummaryParams);
      if (summary === null) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Tifa does not check this file’s language; see the setting tifa.languages.'));
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: summary });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),

    // The walkthrough's sample: an untitled draft (nothing of the user's is touched), with a
    // formulation to hover and a variant rendering to fix.
    vscode.commands.registerCommand(CLIENT_COMMANDS.openSample, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE });
      await vscode.window.showTextDocument(doc);
      return doc.uri.toString();
    }),
  );
}

const SAMPLE = `# Tifa sample 示例

习近平说，核心技术是国之重器。He called core technologies "important instrument of state" (国之重器) and urged China to become a cyber superpower (网络强国).

Hover 国之重器 or 网络强国 for the renderings and where they come from. The dotted phrase above is a variant of the glossary's rendering: put the cursor on it and press Ctrl+. (Cmd+. on a Mac) to fix it.

将鼠标悬停在提法上可查看译法与出处；把光标放在带下划线的译法上，按 Ctrl+. 即可修正。
`;
