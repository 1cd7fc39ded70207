/**
 * Parallel files: an English draft `name.en.md` (or `.en-US.md`, `.txt`…) is checked against its
 * Chinese counterpart `name.zh.md` (or `.zh-CN`, `.zh-Hans`, `.zh-TW`, `.zh-Hant`) in the same
 * folder, read from the editor when it is open there and from disk otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { documentKind, type DocumentKind } from './core/engine';

const ENGLISH = /^(.+)\.en(?:-[A-Za-z]{2,4})?\.(md|markdown|txt)$/i;
const CHINESE = /^zh(?:-(?:cn|hans|hant|tw|hk|sg))?$/i;
const CHINESE_NAME = /\.zh(?:-(?:cn|hans|hant|tw|hk|sg))?\.(md|markdown|txt)$/i;

/** Whether a file's name makes it a possible Chinese counterpart (name.zh.md and the like). */
export function isParallelSourceName(path: string): boolean {
  return CHINESE_NAME.test(basename(path));
}

/**
 * Requests for an English draft come often (every hover, hint and pull): the folder listing and
 * the counterpart's text are read again only when the folder or the file has changed on disk.
 */
const listings = new Map<string, { mtimeMs: number; names: string[] }>();
const texts = new Map<string, { mtimeMs: number; size: number; text: string }>();

function folderNames(dir: string): string[] {
  const mtimeMs = statSync(dir).mtimeMs;
  const cached = listings.get(dir);
  if (cached && cached.mtimeMs === mtimeMs) return cached.names;
  const names = readdirSync(dir);
  listings.set(dir, { mtimeMs, names });
  return names;
}

function fileText(path: string): string {
  const { mtimeMs, size } = statSync(path);
  const cached = texts.get(path);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.text;
  const text = readFileSync(path, 'utf8');
  texts.set(path, { mtimeMs, size, text });
  return text;
}

export function parallelSourcePath(path: string): string | undefined {
  const m = ENGLISH.exec(basename(path));
  if (!m) return undefined;
  const [, stem, ext] = m;
  let names: string[];
  try {
    names = folderNames(dirname(path));
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
    const text = openText?.(source) ?? fileText(source);
    return { path: source, text, kind: documentKind(undefined, source) };
  } catch {
    return undefined;
  }
}
