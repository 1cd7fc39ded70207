/**
 * Parallel files: an English draft `name.en.md` (or `.en-US.md`, `.txt`…) is checked against its
 * Chinese counterpart `name.zh.md` (or `.zh-CN`, `.zh-Hans`, `.zh-TW`, `.zh-Hant`) in the same
 * folder, read from the editor when it is open there and from disk otherwise.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { documentKind, type DocumentKind } from './core';
import { readTextFile } from './files';

const ENGLISH = /^(.+)\.en(?:-[A-Za-z]{2,4})?\.(md|markdown|txt)$/i;
const CHINESE = /^zh(?:-(?:cn|hans|hant|tw|hk|sg))?$/i;
const CHINESE_NAME = /\.zh(?:-(?:cn|hans|hant|tw|hk|sg))?\.(md|markdown|txt)$/i;

/**
 * The pairing key of a parallel file, English or Chinese: folder, stem and extension, so that
 * the English drafts open beside a changed Chinese file are found by one look-up.
 */
export function parallelKey(path: string): string | undefined {
  const name = basename(path);
  const en = ENGLISH.exec(name);
  if (en) return `${dirname(path)}\u0000${en[1]}\u0000${en[2].toLowerCase()}`;
  const zh = /^(.+)\.zh(?:-(?:cn|hans|hant|tw|hk|sg))?\.(md|markdown|txt)$/i.exec(name);
  return zh ? `${dirname(path)}\u0000${zh[1]}\u0000${zh[2].toLowerCase()}` : undefined;
}

/** Whether a file's name makes it a possible Chinese counterpart (name.zh.md and the like). */
export function isParallelSourceName(path: string): boolean {
  return CHINESE_NAME.test(basename(path));
}

/**
 * Requests for an English draft come often (every hover, hint and pull): the folder listing and
 * the counterpart's text are read again only when the folder or the file has changed on disk.
 * Both caches are bounded: entries beyond the limit go, oldest first.
 */
const CACHE_LIMIT = 256;
const listings = new Map<string, { mtimeMs: number; byStem: Map<string, string[]> }>();
const texts = new Map<string, { mtimeMs: number; size: number; text: string }>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/** A folder's file names by stem (what comes before the first dot): one look-up per draft. */
function folderNames(dir: string, stem: string): string[] {
  const mtimeMs = statSync(dir).mtimeMs;
  let cached = listings.get(dir);
  if (!cached || cached.mtimeMs !== mtimeMs) {
    const byStem = new Map<string, string[]>();
    for (const name of readdirSync(dir)) {
      const dot = name.indexOf('.');
      const key = dot < 0 ? name : name.slice(0, dot);
      const list = byStem.get(key);
      if (list) list.push(name);
      else byStem.set(key, [name]);
    }
    cached = { mtimeMs, byStem };
    remember(listings, dir, cached);
  }
  return cached.byStem.get(stem.slice(0, stem.includes('.') ? stem.indexOf('.') : stem.length)) ?? [];
}

/** The counterpart's text, read as any file Tifa did not write: a regular file within the limit. */
function fileText(path: string, maxBytes: number): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  const cached = texts.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
  const read = readTextFile(path, { maxBytes });
  if (!read.ok) return undefined;
  remember(texts, path, { mtimeMs: stat.mtimeMs, size: stat.size, text: read.text });
  return read.text;
}

export function parallelSourcePath(path: string): string | undefined {
  const m = ENGLISH.exec(basename(path));
  if (!m) return undefined;
  const [, stem, ext] = m;
  let names: string[];
  try {
    names = folderNames(dirname(path), stem);
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

export function readParallelSource(path: string, maxBytes: number, openText?: (path: string) => string | undefined): { path: string; text: string; kind: DocumentKind } | undefined {
  const source = parallelSourcePath(path);
  if (!source) return undefined;
  const text = openText?.(source) ?? fileText(source, maxBytes > 0 ? maxBytes : Number.MAX_SAFE_INTEGER);
  return text === undefined ? undefined : { path: source, text, kind: documentKind(undefined, source) };
}
