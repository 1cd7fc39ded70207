/**
 * The built-in record (glossary/record/: official texts, gzip-compressed, and their manifest), read
 * once, and indexed for each engine in the background: one document per turn of the event loop,
 * so that hovers and diagnostics are answered while it runs. Until an engine's index is complete,
 * hovers have no record section.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type RecordDocument, RecordIndex, type RecordSummary, type TifaEngine } from './core';

interface Manifest {
  documents: Array<{ id: string; file: string; title: { zh: string }; date?: { value: string } }>;
}

/** glossary/record: beside dist/ for the bundles; two levels up from server/src when run from source. */
export const RECORD_DIR = existsSync(join(__dirname, '..', 'glossary', 'record')) ? join(__dirname, '..', 'glossary', 'record') : join(__dirname, '..', '..', 'glossary', 'record');

export async function readRecord(dir = RECORD_DIR): Promise<RecordDocument[]> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const out: RecordDocument[] = [];
  for (const d of manifest.documents) {
    const text = gunzipSync(await readFile(join(dir, d.file))).toString('utf8');
    out.push({ id: d.id, title: d.title.zh, date: d.date?.value, text });
  }
  return out;
}

export class RecordStore {
  private documents: Promise<RecordDocument[]> | undefined;
  private readonly indexes = new WeakMap<TifaEngine, { index: RecordIndex; done: boolean }>();

  constructor(
    private readonly read: () => Promise<RecordDocument[]> = readRecord,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The concept's record for this engine, once its index is complete; starts the indexing otherwise. */
  summary(engine: TifaEngine, conceptId: string): RecordSummary | undefined {
    const entry = this.indexes.get(engine);
    if (!entry) {
      void this.index(engine);
      return undefined;
    }
    return entry.done ? entry.index.summary(conceptId) : undefined;
  }

  /** Indexes the record for an engine, a document at a time; resolves when done. */
  async index(engine: TifaEngine): Promise<RecordIndex> {
    const existing = this.indexes.get(engine);
    if (existing?.done) return existing.index;
    const entry = existing ?? { index: new RecordIndex(), done: false };
    if (existing) return this.whenDone(entry);
    this.indexes.set(engine, entry);
    let documents: RecordDocument[];
    try {
      documents = await (this.documents ??= this.read());
    } catch (e) {
      this.log(`Tifa: the built-in record could not be read: ${(e as Error).message}`);
      documents = [];
    }
    for (const d of documents) {
      entry.index.add(d, engine.analyze(d.text).matches);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    entry.done = true;
    return entry.index;
  }

  private async whenDone(entry: { index: RecordIndex; done: boolean }): Promise<RecordIndex> {
    while (!entry.done) await new Promise<void>((resolve) => setTimeout(resolve, 20));
    return entry.index;
  }
}
