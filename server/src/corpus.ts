/**
 * A user's own corpus: a folder of .txt and .md files, each dated by, in this order, the folder's
 * manifest.json ({ "documents": [{ "file", "title", "date" }] }), the file's front matter
 * (`date:`), or a YYYY-MM-DD (or YYYY) prefix of its name, as in 2015-12-16_世界互联网大会.txt. A file
 * none of these dates is undated, never guessed.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import type { RecordDocument } from './core';
import { readTextFile } from './files';

const DATE = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

interface ManifestEntry {
  file: string;
  title?: string;
  date?: string;
}

/** The documents of a corpus folder, with what could not be read. */
export async function readCorpus(dir: string, maxBytes: number, within?: string[]): Promise<{ documents: RecordDocument[]; problems: string[] } | { error: string }> {
  let stat;
  try {
    stat = statSync(dir);
  } catch (e) {
    return { error: `cannot read the corpus ${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message}` };
  }
  if (!stat.isDirectory()) return { error: `the corpus ${dir} is not a folder` };
  const problems: string[] = [];
  let manifest: ManifestEntry[] = [];
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    // Read as any file is (a link to a device or a pipe is refused, not read forever).
    const read = readTextFile(manifestPath, { maxBytes: 1024 * 1024 });
    try {
      if (!read.ok) throw new Error(read.reason);
      const documents = (JSON.parse(read.text) as { documents?: unknown }).documents;
      if (!Array.isArray(documents)) throw new Error('no "documents" list');
      manifest = documents.filter((d): d is ManifestEntry => typeof d === 'object' && d !== null && typeof (d as ManifestEntry).file === 'string');
    } catch (e) {
      problems.push(`${manifestPath}: not used (${(e as Error).message})`);
    }
  }
  const documents: RecordDocument[] = [];
  for (const file of (await glob(['**/*.txt', '**/*.md'], { cwd: dir, followSymbolicLinks: false })).sort()) {
    const path = join(dir, file);
    const read = readTextFile(path, { maxBytes, within });
    if (!read.ok) {
      problems.push(`${path}: ${read.reason}`);
      continue;
    }
    const text = read.text.replace(/^\uFEFF/, '');
    const entry = manifest.find((m) => m.file === file || m.file === relative(dir, path));
    const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    const field = (name: string) => (front ? new RegExp(`^${name}:\\s*["']?([^"'\\r\\n]+)["']?\\s*$`, 'm').exec(front[1])?.[1].trim() : undefined);
    const fromName = /^(\d{4}-\d{2}-\d{2}|\d{4})(?=[_\-\s.])/.exec(basename(file))?.[1];
    const date = [entry?.date, field('date'), fromName].find((d): d is string => typeof d === 'string' && DATE.test(d));
    const firstLine = text.slice(front ? front[0].length : 0).split(/\r?\n/).find((l) => l.trim())?.trim();
    const title = (typeof entry?.title === 'string' ? entry.title : undefined) ?? field('title') ?? firstLine ?? basename(file);
    documents.push({ id: file, title: title.slice(0, 120), date, text, source: path });
  }
  return { documents, problems };
}
