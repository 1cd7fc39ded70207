/**
 * The record's part of `npm run eval`: discovery and attestation on the built-in record against
 * what was read by hand (test/eval/README.md).
 *
 * - recall: of 73 formulations listed from reading the texts, how many the inventory (`tifa
 *   record`) holds, as a glossary concept or a candidate, in full and in the 200 it lists by default;
 * - first attestation: for those held, whether its first attestation is in the year read;
 * - precision: of the first 100 candidates, how many are formulations, judged by reading.
 */
import '../setup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRecord, inventory, type InventoryEntry, TifaEngine } from '../../server/src/core';
import { readRecord } from '../../server/src/record';
import { builtinGlossary, ROOT } from '../helpers';

interface Listed { zh: string; firstYear: number; firstDocument: string }

export interface RecordEvalResult {
  listed: number;
  /** Held anywhere in the inventory; and among the glossary's and the first 200 candidates. */
  recalled: Array<{ zh: string; firstYear: number; found: number | null; rank: number | null }>;
  missed: string[];
  recallAll: number;
  recallShown: number;
  firstRight: number;
  firstWrong: Array<{ zh: string; read: number; found: number | null }>;
  top: Array<{ zh: string; verdict: boolean | 'unlabelled'; why?: string }>;
  precision: number;
  candidates: number;
}

const SHOWN = 200;
const TOP = 100;

export async function evaluateRecord(): Promise<RecordEvalResult> {
  const listed = (JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'record-formulations.json'), 'utf8')) as { formulations: Listed[] }).formulations;
  const labels = (JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'record-candidates.json'), 'utf8')) as { labels: Record<string, { formulation: boolean; why?: string }> }).labels;
  const engine = new TifaEngine(builtinGlossary());
  const { index, candidates } = analyzeRecord(await readRecord(), engine);
  const all = inventory(index, engine.glossary, candidates);
  const candidateRank = new Map(all.filter((e) => !e.inGlossary).map((e, i) => [e.zh, i + 1]));
  // A glossary concept is held under any of its Chinese forms.
  const formsOf = new Map(engine.glossary.concepts.map((c) => [c.id, c.zh]));
  const entryFor = (zh: string): InventoryEntry | undefined => all.find((e) => e.zh === zh || (e.inGlossary && formsOf.get(e.id)?.includes(zh)));
  const recalled: RecordEvalResult['recalled'] = [];
  const missed: string[] = [];
  for (const l of listed) {
    const e = entryFor(l.zh);
    if (!e) missed.push(l.zh);
    else recalled.push({ zh: l.zh, firstYear: l.firstYear, found: e.first.date ? Number(e.first.date.slice(0, 4)) : null, rank: e.inGlossary ? 0 : candidateRank.get(e.zh) ?? null });
  }
  const firstWrong = recalled.filter((r) => r.found !== r.firstYear).map((r) => ({ zh: r.zh, read: r.firstYear, found: r.found }));
  const top = all.filter((e) => !e.inGlossary).slice(0, TOP).map((e) => {
    const label = labels[e.zh];
    return { zh: e.zh, verdict: label ? label.formulation : ('unlabelled' as const), why: label?.why };
  });
  const judged = top.filter((t) => t.verdict !== 'unlabelled');
  return {
    listed: listed.length,
    recalled,
    missed,
    recallAll: recalled.length / listed.length,
    recallShown: recalled.filter((r) => r.rank !== null && r.rank <= SHOWN).length / listed.length,
    firstRight: recalled.length - firstWrong.length,
    firstWrong,
    top,
    precision: judged.filter((t) => t.verdict === true).length / Math.max(1, judged.length),
    candidates: candidates.length,
  };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function reportRecord(r: RecordEvalResult): void {
  console.log(`\nThe record: ${r.listed} formulations listed by reading the built-in record (test/eval/record-formulations.json); ${r.candidates} candidates discovered`);
  console.log(`recall          ${r.recalled.length} of ${r.listed} in the inventory (${percent(r.recallAll)}); ${percent(r.recallShown)} among the glossary's and the first ${SHOWN} candidates (tifa record's default list)`);
  if (r.missed.length) console.log(`  not held: ${r.missed.join(' ')}`);
  console.log(`first attested  ${r.firstRight} of ${r.recalled.length} in the year read (${percent(r.firstRight / Math.max(1, r.recalled.length))})`);
  for (const w of r.firstWrong) console.log(`  ${w.zh}: read ${w.read}, inventory ${w.found ?? 'undated'}`);
  const wrong = r.top.filter((t) => t.verdict === false);
  const unlabelled = r.top.filter((t) => t.verdict === 'unlabelled');
  console.log(`top ${r.top.length} candidates  ${r.top.filter((t) => t.verdict === true).length} formulations, ${wrong.length} not, ${unlabelled.length} unlabelled; precision ${percent(r.precision)}`);
  for (const t of wrong) console.log(`  not a formulation: ${t.zh} (${t.why})`);
  for (const t of unlabelled) console.log(`  UNLABELLED: ${t.zh}`);
}
