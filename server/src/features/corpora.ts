/**
 * The user's corpora (tifa.corpus.paths): read with the built-in record when the server starts,
 * and again when the setting changes or a text in one of them changes on disk (changes come in
 * bursts, so the re-read waits until they settle). Paths are relative to their workspace folder
 * and stay inside it, as glossary paths do. A path that cannot be read is said once, in the log
 * and a notice; the record goes on without it.
 */
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { TifaContext } from '../context';
import type { RecordDocument } from '../core';
import { readCorpus } from '../corpus';
import { DEFAULT_MAX_FILE_BYTES, isInside, realFolders, refusalNotice } from '../files';
import { warnOnce } from '../guard';
import { readRecord } from '../record';

export interface Corpora {
  /** Reads the setting again; re-reads the record when the list of folders changed (or `force`). */
  update(force?: boolean): Promise<void>;
  /** The corpus folders in force. */
  readonly dirs: readonly string[];
  /** Files changed on disk (from the one watched-files handler the connection allows). */
  filesChanged(paths: string[]): void;
}

export function registerCorpora(ctx: TifaContext): Corpora {
  const { connection, settings, glossaries } = ctx;
  let dirs: string[] = [];
  const say = warnOnce(connection);

  const wanted = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const folder of glossaries.folders) {
      const s = await settings.get(pathToFileURL(folder).href);
      for (const p of s.corpusPaths) {
        const refused = refusalNotice(ctx.locale, 'tifa.corpus.paths', p, 'corpus', 'not-read');
        if (refused) {
          say(refused);
          continue;
        }
        out.push(resolve(folder, p));
      }
    }
    return [...new Set(out)];
  };

  const read = (list: string[]) => async (): Promise<RecordDocument[]> => {
    const documents = await readRecord();
    const within = realFolders(glossaries.folders);
    for (const dir of list) {
      const corpus = await readCorpus(dir, DEFAULT_MAX_FILE_BYTES, within);
      if ('error' in corpus) {
        say(corpus.error);
        continue;
      }
      for (const p of corpus.problems) connection.console.warn(`Tifa: corpus: skipped ${p}`);
      connection.console.info(`Tifa: corpus ${dir}: ${corpus.documents.length} texts, ${corpus.documents.filter((d) => !d.date).length} undated.`);
      documents.push(...corpus.documents.map((d) => ({ ...d, id: `${relative(glossaries.folders.find((f) => isInside(dir, f)) ?? dir, join(dir, d.id))}` })));
    }
    return documents;
  };

  let timer: NodeJS.Timeout | undefined;
  const corpora: Corpora = {
    get dirs() {
      return dirs;
    },
    async update(force = false) {
      const next = await wanted();
      if (!force && next.join('\n') === dirs.join('\n')) return;
      dirs = next;
      ctx.record.reset(read(dirs));
      void ctx.record.analysis(ctx.engineFor('file:///'));
    },
    filesChanged(paths: string[]) {
      if (!paths.some((p) => /\.(txt|md|json)$/i.test(p) && dirs.some((d) => isInside(p, d)))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void corpora.update(true), 100);
    },
  };
  return corpora;
}

/** Asks a client that can watch files to report changes to texts (corpora are checked against the setting). */
export function watchCorpusFiles(ctx: TifaContext): void {
  ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,md,json}' }] }).catch(() => undefined);
}
