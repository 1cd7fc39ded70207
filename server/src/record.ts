/**
 * The built-in record (glossary/record/: official texts, gzip-compressed, and their manifest), read
 * once, and indexed for each engine in the background, a few thousand characters per turn of the
 * event loop, so that hovers and diagnostics are answered while it runs. Until an engine's index is complete,
 * hovers have no record section.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type FormulationMatch, type RecordDocument, RecordIndex, type RecordSummary, type TifaEngine } from './core';

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

/** Characters analysed per turn of the event loop while indexing (cut at the next line end). */
const SLICE = 4000;

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
      // A few thousand characters per turn (cut at line ends, which no formulation crosses in
      // these texts), so that a hover waits a millisecond or two at most.
      const matches: FormulationMatch[] = [];
      for (let from = 0; from < d.text.length; ) {
        let to = Math.min(d.text.length, from + SLICE);
        const lineEnd = d.text.indexOf('\n', to);
        to = to === d.text.length || lineEnd < 0 ? d.text.length : lineEnd + 1;
        for (const m of engine.analyze(d.text.slice(from, to)).matches) matches.push({ ...m, start: m.start + from, end: m.end + from });
        from = to;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      entry.index.add(d, matches);
    }
    entry.done = true;
    return entry.index;
  }

  private async whenDone(entry: { index: RecordIndex; done: boolean }): Promise<RecordIndex> {
    while (!entry.done) await new Promise<void>((resolve) => setTimeout(resolve, 20));
    return entry.index;
  }
}
