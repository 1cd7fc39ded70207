/**
 * `npm run eval`: Tifa's findings on real translations no one here wrote, against labels given by
 * hand (test/eval/README.md says what was labelled and how). The pairs go through the same path a
 * translator's file does: one XLIFF 1.2 document, linted with the built-in glossary and the test
 * house style. Prints precision of warnings, precision of every finding, and recall of
 * formulations; exits 1 when a finding has no label (labels must stay complete).
 */
import '../setup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingLevel, type Level, RULES, type RuleCode } from '../../server/src/core';
import { ROOT, styledEngine } from '../helpers';
import { evaluateRecord, reportRecord } from './record';
import { evaluateMemory, reportMemory } from './memory';

interface Presence { present: string; side: 'zh' | 'en'; text: string }
interface Verdict { finding: RuleCode; concept: string; text?: string; verdict: 'right' | 'wrong' | 'unsure'; why?: string }
type Label = Presence | Verdict;
interface LabelledPair { id: string; zh: string; en: string; labels: Label[] }

export interface JudgedFinding { pair: string; code: RuleCode; level: Level; concept: string; text: string; verdict: 'right' | 'wrong' | 'unsure' | 'unlabelled' }

export interface EvalResult {
  pairs: number;
  present: number;
  found: number;
  /** Found at information level or above (a hint is found, but not shown in the Problems panel). */
  shown: number;
  missed: Array<{ pair: string; concept: string; text: string }>;
  findings: JudgedFinding[];
  /** Labelled findings Tifa no longer gives (a right one lost is a regression; a wrong one, a mend). */
  notGiven: Array<{ pair: string; code: RuleCode; concept: string; text?: string; verdict: string }>;
  warnings: { total: number; right: number; wrong: number; unsure: number; precision: number | undefined };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function evaluate(file = join(ROOT, 'test', 'eval', 'wmt-news-pairs.json')): EvalResult {
  const pairs = (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
  // One document, as a translator's XLIFF would hold them; each unit's range kept to map findings back.
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en" datatype="plaintext" original="wmt"><body>\n';
  const ranges: Array<[number, number, LabelledPair]> = [];
  for (const p of pairs) {
    const unit = `<trans-unit id="${escapeXml(p.id)}"><source>${escapeXml(p.zh)}</source><target>${escapeXml(p.en)}</target></trans-unit>\n`;
    ranges.push([xml.length, xml.length + unit.length, p]);
    xml += unit;
  }
  xml += '</body></file></xliff>\n';
  const analysis = styledEngine().lint(xml, { kind: 'xliff' });
  const unitAt = (offset: number) => ranges.find(([s, e]) => offset >= s && offset < e)?.[2];

  const findings: JudgedFinding[] = [];
  const byPair = new Map<string, JudgedFinding[]>();
  for (const f of analysis.findings) {
    const p = unitAt(f.start);
    if (!p) continue;
    const concept = f.data && 'conceptId' in f.data ? f.data.conceptId : '';
    const text = unescapeXml(xml.slice(f.start, f.end));
    const label = p.labels.find((l): l is Verdict => 'finding' in l && l.finding === f.code && l.concept === concept && (f.code === 'missing-rendering' || l.text === text));
    const judged: JudgedFinding = { pair: p.id, code: f.code, level: findingLevel(f, RULES[f.code].defaultLevel), concept, text, verdict: label?.verdict ?? 'unlabelled' };
    findings.push(judged);
    byPair.set(p.id, [...(byPair.get(p.id) ?? []), judged]);
  }

  const notGiven: EvalResult['notGiven'] = [];
  for (const p of pairs) {
    for (const l of p.labels) {
      if (!('finding' in l)) continue;
      const given = (byPair.get(p.id) ?? []).some((f) => f.code === l.finding && f.concept === l.concept && (l.finding === 'missing-rendering' || f.text === l.text));
      if (!given) notGiven.push({ pair: p.id, code: l.finding, concept: l.concept, text: l.text, verdict: l.verdict });
    }
  }

  let present = 0;
  let found = 0;
  let shown = 0;
  const missed: EvalResult['missed'] = [];
  for (const p of pairs) {
    for (const l of p.labels) {
      if (!('present' in l)) continue;
      present++;
      // Found: a formulation finding (or, for English, a variant) of that concept on that text.
      const hits = (byPair.get(p.id) ?? []).filter((f) => (f.code === 'formulation' || f.code === 'variant-rendering') && f.concept === l.present && f.text.toLowerCase() === l.text.toLowerCase());
      if (hits.length === 0) missed.push({ pair: p.id, concept: l.present, text: l.text });
      else {
        found++;
        if (hits.some((f) => f.level !== 'hint')) shown++;
      }
    }
  }
  const warningFindings = findings.filter((f) => f.level === 'warning' || f.level === 'error');
  const count = (v: JudgedFinding['verdict']) => warningFindings.filter((f) => f.verdict === v).length;
  const judged = count('right') + count('wrong');
  return {
    pairs: pairs.length,
    present,
    found,
    shown,
    missed,
    findings,
    notGiven,
    warnings: { total: warningFindings.length, right: count('right'), wrong: count('wrong'), unsure: count('unsure'), precision: judged ? count('right') / judged : undefined },
  };
}

const percent = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

function report(r: EvalResult): void {
  console.log(`Tifa evaluation: ${r.pairs} real zh→en news sentence pairs (WMT19 and WMT20 newstest), labelled by hand`);
  console.log('glossaries: built-in + test/fixtures/house-style.tifa.yaml; the pairs linted as one XLIFF 1.2 file\n');
  const w = r.warnings;
  console.log(`warnings        ${w.total} given: ${w.right} right, ${w.wrong} wrong, ${w.unsure} unsure; precision ${w.precision === undefined ? 'n/a (no warning to judge)' : percent(w.right, w.right + w.wrong)}`);
  console.log(`formulations    ${r.present} present (labelled): ${r.found} found, recall ${percent(r.found, r.present)}; ${r.shown} shown at information or above (${percent(r.shown, r.present)})`);
  for (const m of r.missed) console.log(`  missed  ${m.pair}  ${m.concept}  “${m.text}”`);
  console.log('\nevery finding, by rule and level:');
  const groups = new Map<string, JudgedFinding[]>();
  for (const f of r.findings) groups.set(`${f.code} (${f.level})`, [...(groups.get(`${f.code} (${f.level})`) ?? []), f]);
  for (const [k, fs] of groups) {
    const v = (x: JudgedFinding['verdict']) => fs.filter((f) => f.verdict === x).length;
    console.log(`  ${k.padEnd(32)} ${String(fs.length).padStart(3)}: ${v('right')} right, ${v('wrong')} wrong, ${v('unsure')} unsure${v('unlabelled') ? `, ${v('unlabelled')} UNLABELLED` : ''}; precision ${percent(v('right'), v('right') + v('wrong'))}`);
  }
  const all = r.findings.filter((f) => f.verdict === 'right' || f.verdict === 'wrong');
  console.log(`  ${'all findings'.padEnd(32)} ${String(r.findings.length).padStart(3)}: precision ${percent(all.filter((f) => f.verdict === 'right').length, all.length)}`);
  if (r.notGiven.length) {
    console.log('\nlabelled findings no longer given:');
    for (const n of r.notGiven) console.log(`  was ${n.verdict.padEnd(7)} ${n.pair}  ${n.code}  ${n.concept}${n.text ? `  “${n.text}”` : ''}`);
  }
  const wrong = r.findings.filter((f) => f.verdict === 'wrong' || f.verdict === 'unlabelled');
  if (wrong.length) {
    console.log('\nwrong or unlabelled:');
    for (const f of wrong) console.log(`  ${f.verdict.padEnd(10)} ${f.pair}  ${f.code} (${f.level})  ${f.concept}  “${f.text.slice(0, 80)}”`);
  }
}

if (require.main === module) {
  const result = evaluate();
  report(result);
  if (result.findings.some((f) => f.verdict === 'unlabelled')) {
    console.error('\neval: some findings have no label: read those pairs and label them in test/eval/wmt-news-pairs.json');
    process.exitCode = 1;
  }
  void evaluateRecord().then((r) => {
    reportRecord(r);
    if (r.top.some((t) => t.verdict === 'unlabelled')) {
      console.error('\neval: some of the top candidates have no label: read them in the record and label them in test/eval/record-candidates.json');
      process.exitCode = 1;
    }
  }).then(() => evaluateMemory()).then(reportMemory);
}
