/**
 * Parallel files: when a Chinese file changes (name.zh.md), the English drafts open beside it
 * (name.en.md) are checked again. Open documents are indexed by path and by pairing key, so a
 * change costs one look-up however many documents are open.
 */
import { type TifaContext, uriToPath } from '../context';
import { isParallelSourceName, parallelKey } from '../parallel';

export function registerParallelRefresh(ctx: TifaContext, refresh: (uris: string[]) => void): void {
  const { documents } = ctx;
  const englishByKey = new Map<string, Set<string>>();
  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    ctx.openPaths.set(path ?? e.document.uri, e.document.uri);
    const key = path && !isParallelSourceName(path) ? parallelKey(path) : undefined;
    if (key) englishByKey.set(key, (englishByKey.get(key) ?? new Set()).add(e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    // Most edits are to files that cannot be a Chinese counterpart: decide that by name alone.
    if (!path || !isParallelSourceName(path)) return;
    const english = englishByKey.get(parallelKey(path) ?? '');
    if (english?.size) refresh([...english]);
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    ctx.openPaths.delete(path ?? e.document.uri);
    const key = path ? parallelKey(path) : undefined;
    if (key) englishByKey.get(key)?.delete(e.document.uri);
  });
}
