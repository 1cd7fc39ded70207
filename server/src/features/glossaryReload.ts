/**
 * Loading the glossaries again: at start, when settings change, when a glossary file changes on
 * disk (saves come in bursts, so reloads wait until they settle) and on request. Each reload
 * runs after the previous one, shows refused paths once, puts each glossary's problems in the
 * file itself, sends the status and re-checks the open documents.
 */
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import { type TifaContext, uriToPath } from '../context';
import { glossaryFormat } from '../core';
import { formatProblem } from '../glossaries';
import { showMessage } from '../guard';
import { isConfigFile } from '../projectConfig';

export interface GlossaryReload {
  reload(reason: string): Promise<void>;
}

export function registerGlossaryReload(ctx: TifaContext, afterReload: () => void, hooks: { settingsChanged?(): void; filesChanged?(paths: string[]): void } = {}): GlossaryReload {
  const { connection, glossaries, settings } = ctx;
  let reloading: Promise<void> = Promise.resolve();
  const shownNotices = new Set<string>();

  const reload = (reason: string): Promise<void> => {
    reloading = reloading
      .then(async () => {
        const notices = await glossaries.reload(async (folder) => (await settings.get(pathToFileURL(folder).href)).glossary);
        for (const n of notices) {
          connection.console.warn(`Tifa: ${n}`);
          // Once each: a reload on every save must not repeat the same message.
          if (!shownNotices.has(n)) showMessage(connection, 'warning', `Tifa: ${n}`);
          shownNotices.add(n);
        }
        const loaded = glossaries.loaded();
        for (const g of loaded) for (const p of g.problems) connection.console.error(formatProblem(g.label, p));
        connection.console.info(`Tifa: ${glossaries.conceptCount()} concepts from ${loaded.map((g) => g.label).join(', ')} (${reason}).`);
        afterReload();
      })
      // A failed reload (it should not happen: readers report, not throw) must not stop later ones.
      .catch((e) => connection.console.error(`Tifa: reloading the glossaries failed: ${(e as Error).stack ?? e}`));
    return reloading;
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = (reason: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(reason), 50);
  };

  // The settings and the project config (.tifa/config.yaml) change alike: everything is read again.
  const settingsChanged = (reason: string) => {
    settings.clear();
    void reload(reason);
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    hooks.settingsChanged?.();
  };
  connection.onDidChangeConfiguration(() => settingsChanged('settings changed'));
  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => !!p);
    hooks.filesChanged?.(paths);
    if (settings.configs.changed(paths, glossaries.folders)) settingsChanged('the project config changed');
    const changed = paths.filter((p) => !!glossaryFormat(p) && !!glossaries.folderFor(p) && !isConfigFile(p, glossaries.folders));
    if (changed.length === 0) return;
    for (const p of changed) glossaries.changedOnDisk(p);
    schedule(`${changed.join(', ')} changed`);
  });
  return { reload };
}

/** Asks a client that can watch files for us (VS Code can) to report glossary changes. */
export function watchGlossaryFiles(ctx: TifaContext): void {
  // Which of the changed files are glossaries is decided against tifa.glossary.files on reload.
  ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,tbx,csv,tsv}' }] }).catch(() => undefined);
}
