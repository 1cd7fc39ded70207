/**
 * The record's commands, for analysts and CI:
 *
 *   tifa record [--corpus DIR...] [--no-builtin-record] [--limit N] [--format text|json|csv] [--glossary FILE...]
 *   tifa timeline <formulation>... [--corpus DIR...] [--no-builtin-record] [--format text|json|csv|svg]
 *   tifa diff <old> <new> [--corpus DIR...] [--no-builtin-record] [--format text|json|md] [--glossary FILE...]
 *
 * The record is the built-in one (glossary/record) and the corpora given. Formulations are the
 * glossary's and the candidates discovered in the record; `timeline` also takes any Chinese
 * phrase, matched with the same word boundaries.
 */
import { resolve } from 'node:path';
import { loadProject, projectEngine } from './cliProject';
import { analyzeRecord, diffFormulations, inventory, loadGlossaryYaml, type RecordDocument, sparkline, timeline, timelineSvg, type TifaEngine } from './core';
import { readCorpus } from './corpus';
import { DEFAULT_MAX_FILE_BYTES, readTextFile, refusedPattern } from './files';
import { readRecord } from './record';


export const RECORD_USAGE = `       tifa record [--corpus DIR...] [--no-builtin-record] [--limit N] [--format text|json|csv] [--glossary FILE...] [--no-config]
       tifa timeline <formulation>... [--corpus DIR...] [--no-builtin-record] [--format text|json|csv|svg] [--no-config]
       tifa diff <old> <new> [--corpus DIR...] [--no-builtin-record] [--format text|json|md] [--glossary FILE...] [--no-config]`;

export class RecordUsageError extends Error {}

interface RecordOptions {
  command: 'record' | 'timeline' | 'diff';
  args: string[];
  corpora: string[];
  builtinRecord: boolean;
  builtin: boolean;
  glossaries: string[];
  format: string;
  limit: number;
  config: boolean;
}

const FORMATS = { record: ['text', 'json', 'csv'], timeline: ['text', 'json', 'csv', 'svg'], diff: ['text', 'json', 'md'] } as const;
/** Candidates listed by `tifa record` unless --limit says otherwise: a list a person reads. */
const DEFAULT_LIMIT = 200;

function parse(argv: string[]): RecordOptions {
  const [command, ...rest] = argv as [RecordOptions['command'], ...string[]];
  const o: RecordOptions = { command, args: [], corpora: [], builtinRecord: true, builtin: true, glossaries: [], format: 'text', limit: DEFAULT_LIMIT, config: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new RecordUsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') o.format = value();
    else if (arg.startsWith('--format=')) o.format = arg.slice('--format='.length);
    else if (arg === '--corpus') o.corpora.push(value());
    else if (arg === '--limit' && command === 'record') {
      const v = value();
      o.limit = Number(v);
      if (!Number.isInteger(o.limit) || o.limit < 0) throw new RecordUsageError(`--limit must be a whole number, not "${v}"`);
    }
    else if (arg === '--glossary') o.glossaries.push(value());
    else if (arg === '--no-builtin-record') o.builtinRecord = false;
    else if (arg === '--no-builtin') o.builtin = false;
    else if (arg === '--no-config') o.config = false;
    else if (arg.startsWith('-')) throw new RecordUsageError(`unknown option "${arg}" for ${command}`);
    else o.args.push(arg);
  }
  const formats: readonly string[] = FORMATS[command];
  if (!formats.includes(o.format)) throw new RecordUsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not "${o.format}"`);
  if (command === 'record' && o.args.length) throw new RecordUsageError(`record takes no files ("${o.args[0]}"); give corpora with --corpus`);
  if (command === 'timeline' && o.args.length === 0) throw new RecordUsageError('timeline needs a formulation, e.g. tifa timeline 新发展理念');
  if (command === 'diff' && o.args.length !== 2) throw new RecordUsageError('diff needs two files: tifa diff <old> <new>');
  return o;
}

const csvCell = (s: string | number | null) => {
  const t = s === null ? '' : String(s);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export async function recordMain(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const o = parse(argv);
  const opened = await loadProject(o, err);
  if ('error' in opened) {
    err(`tifa: ${opened.error}`);
    return 2;
  }
  const { project, loaded } = opened;
  // The project's corpus.paths (relative to it) come before those named.
  if (project.root) {
    const inside = project.settings.corpusPaths.filter((p) => {
      const refused = refusedPattern(p);
      if (refused) err(`tifa: corpus.paths in ${project.config?.path}: ${refused}; it is ignored`);
      return !refused;
    });
    o.corpora = [...inside.map((p) => resolve(project.root as string, p)), ...o.corpora];
  }
  if (o.command === 'timeline') {
    // Phrases the glossary lacks become concepts of their own, so the matcher and its word
    // boundaries find them as they find any formulation.
    const adhoc = o.args.map((zh, i) => `  - id: "timeline-${i}"\n    zh: [${JSON.stringify(zh)}]\n`).join('');
    const extra = loadGlossaryYaml(`version: 1\nconcepts:\n${adhoc}`);
    if (extra.problems.length) {
      err(`tifa: not a formulation: ${extra.problems[0].message}`);
      return 2;
    }
    loaded.push({ label: 'the formulations asked for', glossary: extra.glossary, problems: [] });
  }
  const engine = projectEngine(project, loaded);

  const documents: RecordDocument[] = [];
  if (o.builtinRecord) documents.push(...(await readRecord()));
  for (const dir of o.corpora) {
    const corpus = await readCorpus(dir, DEFAULT_MAX_FILE_BYTES);
    if ('error' in corpus) {
      err(`tifa: ${corpus.error}`);
      return 2;
    }
    for (const p of corpus.problems) err(`tifa: skipped ${p}`);
    if (corpus.documents.length === 0) err(`tifa: no .txt or .md files in ${dir}`);
    documents.push(...corpus.documents);
  }
  const undated = documents.filter((d) => !d.date).length;
  if (undated) err(`tifa: ${undated} document${undated === 1 ? ' is' : 's are'} undated (no manifest entry, front matter or YYYY-MM-DD file name): counted, never first or latest, not in timelines by year`);
  // Candidates discovered in the record, found in it with the drafts' matcher.
  const { index, candidates, candidateEngine } = analyzeRecord(documents, engine, { discover: o.command !== 'timeline' });

  if (o.command === 'diff') return diffCommand([engine, candidateEngine], o, out, err);

  if (o.command === 'record') {
    const entries = inventory(index, engine.glossary, candidates, o.limit);
    if (o.format === 'json') out(JSON.stringify(entries.map(({ id: _id, ...e }) => e), null, 2));
    else if (o.format === 'csv') {
      out(['zh,inGlossary,count,documents,firstDate,firstTitle,firstSentence,lastDate,lastTitle,lastSentence', ...entries.map((e) => [e.zh, e.inGlossary, e.count, e.documents, e.first.date, e.first.title, e.first.sentence, e.last.date, e.last.title, e.last.sentence].map((v) => csvCell(v as string)).join(','))].join('\n'));
    } else {
      const inGlossary = entries.filter((e) => e.inGlossary).length;
      out(`${inGlossary} formulations of the glossary and ${entries.length - inGlossary} candidates (of ${candidates.length} discovered; --limit) in ${documents.length} documents`);
      for (const e of entries) out(`${e.inGlossary ? ' ' : '?'} ${e.zh}  ${e.count} in ${e.documents} document${e.documents === 1 ? '' : 's'}  first ${e.first.date ?? 'undated'} ${e.first.title}  latest ${e.last.date ?? 'undated'} ${e.last.title}`);
    }
    return 0;
  }

  // timeline
  const asked = o.args.map((zh) => {
    const concept = engine.glossary.concepts.find((c) => c.zh.includes(zh) && !c.id.startsWith('timeline-')) ?? engine.glossary.concepts.find((c) => c.zh.includes(zh))!;
    return { zh, concept };
  });
  const series = asked.map(({ zh, concept }) => ({ zh, points: timeline(index, concept.id) }));
  if (o.format === 'json') out(JSON.stringify(series, null, 2));
  else if (o.format === 'svg') out(timelineSvg(series));
  else if (o.format === 'csv') out(['zh,date,title,count', ...series.flatMap((s) => s.points.map((p) => [s.zh, p.date, p.title, p.count].map((v) => csvCell(v)).join(',')))].join('\n'));
  else {
    for (const [i, s] of series.entries()) {
      const summary = index.summary(asked[i].concept.id);
      const spark = summary && sparkline(summary);
      out(`${s.zh}: ${summary ? `${summary.count} in ${summary.documents} document${summary.documents === 1 ? '' : 's'}${spark ? `  ${spark.line} ${spark.from}–${spark.to}` : ''}` : 'not in the record'}`);
      for (const p of s.points) if (p.count > 0) out(`  ${(p.date ?? 'undated').padEnd(10)}  ${String(p.count).padStart(3)}  ${p.title}`);
    }
  }
  return 0;
}

function diffCommand(engines: TifaEngine[], o: RecordOptions, out: (s: string) => void, err: (s: string) => void): number {
  const texts: string[] = [];
  for (const path of o.args) {
    const read = readTextFile(path, { maxBytes: DEFAULT_MAX_FILE_BYTES });
    if (!read.ok) {
      err(`tifa: cannot read ${path}: ${read.reason}`);
      return 2;
    }
    texts.push(read.text);
  }
  const matches = (text: string) => engines.flatMap((e) => e.find(text));
  const d = diffFormulations(matches(texts[0]), matches(texts[1]));
  // In text and Markdown a candidate from the record is marked, as in `tifa record`: it is not the glossary's.
  const glossaryForms = new Set(engines[0].glossary.concepts.flatMap((c) => c.zh));
  const mark = (zh: string) => (glossaryForms.has(zh) ? zh : `${zh} (candidate)`);
  if (o.format === 'json') out(JSON.stringify(d, null, 2));
  else if (o.format === 'md') {
    out(`## Formulations: ${o.args[0]} → ${o.args[1]}\n`);
    out('| | formulation | old | new |\n|---|---|---|---|');
    for (const a of d.added) out(`| added | ${mark(a.zh)} | 0 | ${a.count} |`);
    for (const a of d.dropped) out(`| dropped | ${mark(a.zh)} | ${a.count} | 0 |`);
    for (const c of d.changed) out(`| changed | ${mark(c.zh)} | ${c.old} | ${c.new} |`);
  } else {
    for (const a of d.added) out(`+ ${mark(a.zh)}  ${a.count}`);
    for (const a of d.dropped) out(`- ${mark(a.zh)}  ${a.count}`);
    for (const c of d.changed) out(`~ ${mark(c.zh)}  ${c.old} → ${c.new}`);
    if (!d.added.length && !d.dropped.length && !d.changed.length) out('no formulation of the glossary or candidate from the record added, dropped or changed in count');
  }
  return 0;
}
