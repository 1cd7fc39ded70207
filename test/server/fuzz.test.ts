import assert from 'node:assert/strict';
import { formatSummary, runFuzz } from '../fuzz/fuzz';

// A bounded run of `npm run fuzz` (which runs 10,000 documents, 100,000 edits, 1,000
// glossaries and 1,000 malformed messages). The seed is fixed so that the suite is
// reproducible; FUZZ_SEED=N tries another, and `npm run fuzz -- --seed N` replays one in full.
describe('fuzzing (bounded run)', function () {
  this.timeout(180000);
  it('survives random documents, edit storms, glossaries, malformed messages and the hostile classes', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 1);
    const summary = await runFuzz({ documents: 400, edits: 4000, glossaries: 40, messages: 200, hostile: 100 }, seed);
    console.log('      (growth of the quadratic shapes is not timed here: a timing has no place in npm test; npm run fuzz and npm run bench time it)');
    console.log(`      ${formatSummary(summary)} (seed ${seed})`);
    assert.deepEqual(summary.failures.map((f) => f.slice(0, 500)), [], `seed ${seed}`);
  });
});
