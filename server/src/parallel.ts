/**
 * Parallel files: an English draft `name.en.md` (or `.en-US.md`, `.txt`…) is checked against its
 * Chinese counterpart `name.zh.md` (or `.zh-CN`, `.zh-Hans`, `.zh-TW`, `.zh-Hant`) in the same
 * folder, read from the editor when it is open there and from disk otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { documentKind, type DocumentKind } from './core/engine';

const ENGLISH = /^(.+)\.en(?:-[A-Za-z]{2,4})?\.(md|markdown|txt)$/i;
const CHINESE = /^zh(?:-(?:cn|hans|hant|tw|hk|sg))?$/i;

export function parallelSourcePath(path: string): string | undefined {
  const m = ENGLISH.exec(basename(path));
  if (!m) return undefined;
  const [, stem, ext] = m;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return undefined;
  }
  const found = names.find((n) => {
    if (!n.toLowerCase().endsWith(`.${ext.toLowerCase()}`) || !n.startsWith(`${stem}.`)) return false;
    const tag = n.slice(stem.length + 1, n.length - ext.length - 1);
    return CHINESE.test(tag);
  });
  return found ? join(dirname(path), found) : undefined;
}

export function readParallelSource(path: string, openText?: (path: string) => string | undefined): { path: string; text: string; kind: DocumentKind } | undefined {
  const source = parallelSourcePath(path);
  if (!source) return undefined;
  try {
    const text = openText?.(source) ?? readFileSync(source, 'utf8');
    return { path: source, text, kind: documentKind(undefined, source) };
  } catch {
    return undefined;
  }
}
