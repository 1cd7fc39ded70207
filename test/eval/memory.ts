/**
 * The translation memory's part of `npm run eval`: the top rendering `tifa memory` gives for each
 * formulation in real human translations (WMT19 and WMT20 newstest zh→en, 3,419 units), against
 * the rendering read by hand (test/eval/memory-labels.json).
 *
 * - accuracy: of the formulations labelled, how many have the right top rendering;
 * - coverage: how many get a top rendering at all (a mined one needs two units);
 * - precision: of those answered, how many are right (and among confidence ≥ 0.5).
 */
import '../setup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRecord, buildMemorySteps, memoryUnits, TifaEngine } from '../../server/src/core';
import { words } from '../../server/src/core/text/variants';
import { readRecord } from '../../server/src/record';
import { builtinGlossary, ROOT } from '../helpers';

export interface MemoryEvalResult {
  units: number;
  labelled: number;
  answered: number;
  right: number;
  confident: { answered: number; right: number };
  rows: Array<{ zh: string; units: number; top?: string; confidence?: number; right: boolean; label: string[] }>;
}

const lemmas = (s: string) => words(s).map((w) => w.lemma).join(' ');

export async function evaluateMemory(): Promise<MemoryEvalResult> {
  const labels = (JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'memory-labels.json'), 'utf8')) as { labels: Record<string, string[]> }).labels;
  const engine = new TifaEngine(builtinGlossary());
  const { candidateEngine } = analyzeRecord(await readRecord(), engine);
  const files = ['wmt19_newstest_zh2en.csv', 'wmt20_newstest_zh2en.csv'].map((f) => ({ name: f, units: memoryUnits(readFileSync(join(ROOT, 'test', 'eval', 'memory', f), 'utf8'), 'csv') }));
  const steps = buildMemorySteps(files, engine, candidateEngine);
  let r = steps.next();
  while (!r.done) r = steps.next();
  const memory = r.value;
  const byZh = new Map([...memory.entries.values()].map((e) => [e.zh, e]));
  const rows: MemoryEvalResult['rows'] = [];
  for (const [zh, label] of Object.entries(labels)) {
    const entry = byZh.get(zh);
    const top = entry?.renderings[0];
    const right = !!top && label.some((l) => lemmas(l) === lemmas(top.en));
    rows.push({ zh, units: entry?.units.length ?? 0, top: top?.en, confidence: top?.confidence, right, label });
  }
  const answered = rows.filter((x) => x.top !== undefined);
  const confident = answered.filter((x) => (x.confidence ?? 1) >= 0.5);
  return {
    units: memory.unitCount,
    labelled: rows.length,
    answered: answered.length,
    right: rows.filter((x) => x.right).length,
    confident: { answered: confident.length, right: confident.filter((x) => x.right).length },
    rows,
  };
}

export function reportMemory(r: MemoryEvalResult): void {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log(`\nTranslation memory: ${r.units} units of WMT19+WMT20 newstest zh→en; ${r.labelled} formulations labelled by hand (test/eval/memory-labels.json)`);
  console.log(`top rendering   accuracy ${r.right}/${r.labelled} (${pct(r.right, r.labelled)}); answered ${r.answered} (coverage ${pct(r.answered, r.labelled)}), right ${pct(r.right, r.answered)} of those answered`);
  console.log(`                confidence ≥ 0.5: ${r.confident.right}/${r.confident.answered} right (${pct(r.confident.right, r.confident.answered)})`);
  for (const x of r.rows) console.log(`  ${x.right ? 'right' : x.top === undefined ? 'none ' : 'wrong'}  ${x.zh} (${x.units} units)  ${x.top === undefined ? '—' : `“${x.top}”${x.confidence !== undefined ? ` ${x.confidence.toFixed(2)}` : ''}`}  label: ${x.label.join(' | ')}`);
}
