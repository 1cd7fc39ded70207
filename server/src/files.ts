/**
 * Reading files the server and the CLI did not write: glossaries, Chinese counterparts,
 * workspace drafts. Only regular files (after following links), never more than a limit,
 * checked before reading and without blocking (a FIFO or a device never reaches open), and
 * decoded from what the bytes are: UTF-8 (with or without BOM), UTF-16 (BOM or the shape of
 * its zero bytes), or, when they are not valid UTF-8, the legacy encoding chardet recognises
 * (GB18030 and Big5 are common in Chinese offices) provided it decodes without error. A file
 * that cannot be decoded is reported as unreadable, never checked as if it were empty.
 */
import { type Locale, localize, type MessageKey, word } from './core';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { analyse as Analyse } from 'chardet';

export type ReadFailure = 'not-found' | 'not-a-file' | 'too-large' | 'binary' | 'encoding' | 'outside' | 'unreadable';

export type ReadResult =
  | { ok: true; text: string; encoding: string; realPath: string }
  | { ok: false; failure: ReadFailure; reason: string; realPath?: string };

export interface ReadOptions {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** When given, the file's real path must lie inside one of these folders (their real paths). */
  within?: readonly string[];
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** The real path, or why there is none. */
export function realPath(path: string): { ok: true; path: string } | { ok: false; failure: ReadFailure; reason: string } {
  try {
    return { ok: true, path: realpathSync.native(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, failure: 'not-found', reason: 'no such file' };
    if (code === 'ELOOP') return { ok: false, failure: 'unreadable', reason: 'a loop of symbolic links' };
    if (code === 'EACCES') return { ok: false, failure: 'unreadable', reason: 'permission denied' };
    return { ok: false, failure: 'unreadable', reason: (e as Error).message };
  }
}

/** Whether `path` (a real path) is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The real paths of folders (a folder that cannot be resolved is kept as given). */
export function realFolders(folders: readonly string[]): string[] {
  return folders.map((f) => {
    const r = realPath(f);
    return r.ok ? r.path : f;
  });
}

export function readTextFile(path: string, options: ReadOptions): ReadResult {
  const real = realPath(path);
  if (!real.ok) return real;
  if (options.within && !options.within.some((f) => isInside(real.path, f))) {
    return { ok: false, failure: 'outside', reason: `it is outside the workspace folder (${real.path})`, realPath: real.path };
  }
  let stat;
  try {
    stat = statSync(real.path);
  } catch (e) {
    return { ok: false, failure: 'unreadable', reason: (e as Error).message, realPath: real.path };
  }
  if (!stat.isFile()) return { ok: false, failure: 'not-a-file', reason: `it is ${kindOf(stat)}, not a regular file`, realPath: real.path };
  if (stat.size > options.maxBytes) return { ok: false, failure: 'too-large', reason: `it is ${mb(stat.size)}, more than the limit of ${mb(options.maxBytes)}`, realPath: real.path };
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the check, open returns at once.
    fd = openSync(real.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const s = fstatSync(fd);
    if (!s.isFile()) return { ok: false, failure: 'not-a-file', reason: `it is ${kindOf(s)}, not a regular file`, realPath: real.path };
    if (s.size > options.maxBytes) return { ok: false, failure: 'too-large', reason: `it is ${mb(s.size)}, more than the limit of ${mb(options.maxBytes)}`, realPath: real.path };
    // Read at most the limit plus one byte, whatever the file claims (it may grow meanwhile).
    bytes = Buffer.allocUnsafe(Math.min(s.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n <= 0) break;
      length += n;
      if (length >= bytes.length) break;
    }
    if (length > options.maxBytes) return { ok: false, failure: 'too-large', reason: `it grew past the limit of ${mb(options.maxBytes)} while it was read`, realPath: real.path };
    bytes = bytes.subarray(0, length);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, failure: 'unreadable', reason: code === 'EACCES' ? 'permission denied' : (e as Error).message, realPath: real.path };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding, realPath: real.path } : { ...decoded, realPath: real.path };
}

function kindOf(s: import('node:fs').Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Encodings TextDecoder can decode that chardet may name. */
const DECODABLE: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis', 'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; failure: ReadFailure; reason: string } {
  const decode = (encoding: string, from = 0): string | undefined => {
    try {
      // ignoreBOM keeps a UTF-8 BOM as U+FEFF, as the rest of Tifa expects (offsets count it).
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === 'utf-8' }).decode(bytes.subarray(from));
    } catch {
      return undefined;
    }
  };
  const ok = (text: string | undefined, encoding: string) =>
    text === undefined ? ({ ok: false, failure: 'encoding', reason: `it is not valid ${encoding}` } as const) : ({ ok: true, text, encoding } as const);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok(decode('utf-16le', 2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok(decode('utf-16be', 2), 'utf-16be');
  const zeros = zeroBytes(bytes);
  if (zeros.total > 0) {
    // UTF-16 without a BOM: its zero bytes (ASCII, line breaks) all fall on one parity; a binary
    // file has them on both.
    if (bytes.length % 2 === 0 && zeros.even === 0) {
      const text = decode('utf-16le');
      if (text !== undefined) return { ok: true, text, encoding: 'utf-16le' };
    }
    if (bytes.length % 2 === 0 && zeros.odd === 0) {
      const text = decode('utf-16be');
      if (text !== undefined) return { ok: true, text, encoding: 'utf-16be' };
    }
    return { ok: false, failure: 'binary', reason: 'it is a binary file' };
  }
  // Valid UTF-8, the usual case: checked and decoded natively (TextDecoder's fatal mode was a
  // tenth of a 154-file run). A UTF-8 BOM stays U+FEFF, as the rest of Tifa expects.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { ok: true, text: buffer.toString('utf8'), encoding: 'utf-8' };
  // Chinese legacy encodings first (chardet's guesses on short texts wander to Japanese), in the
  // order of chardet's confidence between them, then whatever else it recognises.
  // chardet is loaded only for a file that is not UTF-8 (it was 3.5 ms of every CLI start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  const guesses = (require('chardet') as { analyse: typeof Analyse }).analyse(bytes);
  const confidence = (name: string) => guesses.find((g) => g.name === name)?.confidence ?? 0;
  const chinese = ['GB18030', 'Big5'].sort((a, b) => confidence(b) - confidence(a));
  const others = guesses.filter((g) => g.confidence >= 10 && !chinese.includes(g.name)).map((g) => g.name);
  for (const name of [...chinese, ...others]) {
    const encoding = DECODABLE[name];
    const text = encoding ? decode(encoding) : undefined;
    if (text !== undefined) return { ok: true, text, encoding: encoding! };
  }
  // UTF-16 without a BOM and without ASCII (so without zero bytes): accepted only when nearly
  // every character it gives is Chinese, ASCII or common punctuation.
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const text = decode(encoding);
      if (text !== undefined && plausible(text) >= 0.95) return { ok: true, text, encoding };
    }
  }
  return { ok: false, failure: 'encoding', reason: 'its encoding is not UTF-8, UTF-16, GB18030 or Big5' };
}

/** The share of characters that ordinary Chinese or English text is made of. */
function plausible(text: string): number {
  if (text.length === 0) return 0;
  const ok = text.match(/[\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return ok / text.length;
}

function zeroBytes(bytes: Uint8Array): { total: number; even: number; odd: number } {
  let even = 0;
  let odd = 0;
  // The first 64 KB tell: a binary file has zeros early, text has none. Text, the usual case, is
  // settled by a native search (a loop over each file's 64 KB was 7% of linting the 154 files of the corpus, profiled).
  const n = Math.min(bytes.length, 65536);
  const first = bytes.indexOf(0);
  if (first < 0 || first >= n) return { total: 0, even: 0, odd: 0 };
  for (let i = first; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i & 1) odd++;
    else even++;
  }
  return { total: even + odd, even, odd };
}

/**
 * A pattern as the glob library is given it: backslashes are path separators (as a Windows user
 * writes them), never escapes. tinyglobby 0.2.17 never returns on some backslash patterns
 * (`*\.\\\\` did not return in 60 s), which the fuzzer found; with separators it answers at once.
 */
export function globPattern(pattern: string): string {
  return pattern.replace(/\\/g, '/');
}

/**
 * Workspace globs (glossaries, and later corpora and memories) are relative to their workspace folder and stay inside it: an absolute pattern,
 * one that climbs out with "..", or one starting at "~" is refused, whatever the settings say.
 */
export function refusedPattern(pattern: string): string | undefined {
  const why = refusal(pattern);
  if (why === 'absolute') return `"${pattern}" is an absolute path: glossary patterns are relative to the workspace folder`;
  if (why === 'outside') return `"${pattern}" leads outside the workspace folder`;
  return undefined;
}

/** Why a workspace pattern is refused: it is absolute (or starts at "~"), or it climbs out with "..". */
function refusal(pattern: string): 'absolute' | 'outside' | undefined {
  const p = pattern.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.startsWith('~')) return 'absolute';
  if (p.split('/').includes('..')) return 'outside';
  return undefined;
}

/**
 * The notice for a refused pattern of a setting, in locale: what refusedPattern finds, said for
 * the user (`kind` names what the setting holds, `tail` what happens to it).
 */
export function refusalNotice(locale: Locale, setting: string, pattern: string, kind: 'glossary' | 'memory' | 'corpus', tail: 'ignored' | 'not-read'): string | undefined {
  const why = refusal(pattern);
  if (!why) return undefined;
  const args = { setting, pattern, kind: word(`word.${kind === 'corpus' ? 'corpus-paths' : `${kind}-patterns`}` as MessageKey), tail: word(`word.${tail}` as MessageKey) };
  return localize(locale, why === 'absolute' ? 'notice.pattern-absolute' : 'notice.pattern-outside', args);
}

/** The largest file Tifa checks unless told otherwise (the setting tifa.maxFileSize, the CLI's limit). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
