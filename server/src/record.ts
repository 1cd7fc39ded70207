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
  private readonly indexes = new WeakMap<TifaEngine, { index?: RecordIndex; building: Promise<RecordIndex> }>();

  constructor(
    private readonly read: () => Promise<RecordDocument[]> = readRecord,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The concept's record for this engine, once its index is complete; starts the indexing otherwise. */
  summary(engine: TifaEngine, conceptId: string): RecordSummary | undefined {
    const entry = this.indexes.get(engine);
    if (!entry) void this.index(engine);
    return entry?.index?.summary(conceptId);
  }

  /** The engine's index of the record, built once, in the background. */
  index(engine: TifaEngine): Promise<RecordIndex> {
    let entry = this.indexes.get(engine);
    if (!entry) {
      const e: { index?: RecordIndex; building: Promise<RecordIndex> } = { building: this.build(engine).then((index) => (e.index = index)) };
      this.indexes.set(engine, (entry = e));
    }
    return entry.building;
  }

  private async build(engine: TifaEngine): Promise<RecordIndex> {
    let documents: RecordDocument[];
    try {
      documents = await (this.documents ??= this.read());
    } catch (e) {
      this.log(`Tifa: the built-in record could not be read: ${(e as Error).message}`);
      documents = [];
    }
    const index = new RecordIndex();
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
      index.add(d, matches);
    }
    return index;
  }
}
