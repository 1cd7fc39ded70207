/**
 * The client side of the hover-while-typing measurement, in a process of its own: the benchmark
 * process holds a 50,000-concept engine and 11 M characters, and its garbage collections would
 * otherwise fall inside the round trips being timed.
 *   node dist/bench-hover.js SERVER_JS CORPUS_FILE   → prints [{ size, ms }, …] as JSON
 */
import { readFileSync } from 'node:fs';
import { hoverDuringEdits } from './house';

const [serverJs, corpusFile] = process.argv.slice(2);
hoverDuringEdits(serverJs, readFileSync(corpusFile, 'utf8')).then(
  (r) => console.log(JSON.stringify(r)),
  (e) => {
    console.error(`bench: ${(e as Error).stack ?? e}`);
    process.exitCode = 2;
  },
);
