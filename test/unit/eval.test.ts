import assert from 'node:assert/strict';
import { evaluate } from '../eval/eval';
import { evaluateRecord, type RecordEvalResult } from '../eval/record';
import { evaluateMemory, type MemoryEvalResult } from '../eval/memory';

/**
 * The thresholds of `npm run eval`, set from what was measured on 2026-11-29 (README, "Measured on
 * real translations"): a change that lowers them fails here, and a change that adds an unlabelled
 * finding must label it first.
 */
describe('evaluation on real translations (320 WMT news pairs, labelled by hand)', () => {
  const r = evaluate();

  it('labels every finding Tifa gives', () => {
    assert.deepEqual(r.findings.filter((f) => f.verdict === 'unlabelled').map((f) => `${f.pair} ${f.code} ${f.text}`), []);
    assert.equal(r.pairs, 320);
  });

  it('warnings: precision at least 95%, and no wrong warning on this set', () => {
    assert.equal(r.warnings.wrong, 0);
    if (r.warnings.precision !== undefined) assert.ok(r.warnings.precision >= 0.95, `precision ${r.warnings.precision}`);
  });

  it('formulations: every labelled one found (5 of 5), and shown at information level', () => {
    assert.deepEqual(r.missed, []);
    assert.equal(r.found, r.present);
    assert.equal(r.shown, r.present);
    assert.ok(r.present >= 5);
  });

  it('all findings: precision at least 85%, and no right finding lost', () => {
    const judged = r.findings.filter((f) => f.verdict === 'right' || f.verdict === 'wrong');
    assert.ok(judged.filter((f) => f.verdict === 'right').length / judged.length >= 0.85);
    assert.deepEqual(r.notGiven.filter((n) => n.verdict === 'right'), []);
  });
});

/**
 * The record's thresholds (README, "The record, measured"): 73 formulations listed by reading the
 * built-in record, and the top 100 candidates judged by reading.
 */
describe('evaluation of the record (73 formulations read, top 100 candidates judged)', () => {
  let r: RecordEvalResult;
  before(async function () {
    this.timeout(120000);
    r = await evaluateRecord();
  });

  it('labels every one of the top 100 candidates', () => {
    assert.deepEqual(r.top.filter((t) => t.verdict === 'unlabelled').map((t) => t.zh), []);
    assert.equal(r.top.length, 100);
  });

  it('top 100 candidates: precision at least 90%', () => {
    assert.ok(r.precision >= 0.9, `precision ${r.precision}`);
  });

  it('recall of the formulations read: at least 74% in the inventory, every one held first attested in the year read', () => {
    assert.equal(r.listed, 73);
    assert.ok(r.recallAll >= 0.739, `recall ${r.recallAll}: not held ${r.missed.join(' ')}`);
    assert.ok(r.recallShown >= 0.369, `recall in the default list ${r.recallShown}`);
    assert.deepEqual(r.firstWrong, []);
  });
});

/**
 * The translation memory's thresholds (README, "Translation memories, measured"): the top rendering
 * of 56 formulations in WMT19+WMT20 newstest zh→en, read by hand.
 */
describe('evaluation of the translation memory (56 formulations labelled in 3,419 real units)', () => {
  let r: MemoryEvalResult;
  before(async function () {
    this.timeout(120000);
    r = await evaluateMemory();
  });

  it('labels at least 50 formulations, over the whole set', () => {
    assert.equal(r.units, 3419);
    assert.ok(r.labelled >= 50, `${r.labelled} labelled`);
  });

  it('top rendering: at least 46% right of those labelled, 76% of those answered, 82% at confidence 0.5 or more', () => {
    assert.ok(r.right / r.labelled >= 0.46, `accuracy ${r.right}/${r.labelled}`);
    assert.ok(r.right / r.answered >= 0.76, `right ${r.right}/${r.answered} answered`);
    assert.ok(r.confident.right / r.confident.answered >= 0.82, `confident ${r.confident.right}/${r.confident.answered}`);
  });

  it('no rendering mined from a single unit', () => {
    assert.deepEqual(r.rows.filter((x) => x.units < 2 && x.top !== undefined).map((x) => x.zh), []);
  });
});
