/**
 * The fuzzer: random and mutated documents, edit storms, glossaries and malformed JSON-RPC
 * messages. `npm run fuzz` runs the full counts; `npm test` runs a bounded run of the same code.
 *
 * Checks: nothing throws and the server process stays up; every range lies inside its document
 * and on UTF-16 boundaries (never inside a surrogate pair); results are deterministic; a fix
 * changes exactly its range; after an edit storm the server's diagnostics equal a fresh lint.
 */
import '../setup';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, type Diagnostic, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportCsv } from '../../server/src/core/formats/csv';
import { type DocumentKind, TifaEngine } from '../../server/src/core/engine';
import type { FixData } from '../../server/src/core/checks/findings';
import { addRenderingInsertions, applyInsertions } from '../../server/src/core/glossary/edit';
import { loadGlossaryText } from '../../server/src/core/formats/registry';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { RULES } from '../../server/src/core/checks/rules';
import { exportTbx } from '../../server/src/core/formats/tbx';
import { toDiagnostics } from '../../server/src/lspDiagnostics';
import { fuzzHostile, growth } from './hostile';

const ROOT = join(__dirname, '..', '..');
const BUILTIN_YAML = readFileSync(join(ROOT, 'glossary', 'builtin.tifa.yaml'), 'utf8');

export interface FuzzCounts {
  documents: number;
  edits: number;
  glossaries: number;
  messages: number;
  /** Rounds of the hostile classes (XML fixes, encodings, floods, deep nesting, special files). */
  hostile: number;
  /** Time the quadratic shapes at two sizes (full runs only: a timing has no place in npm test). */
  growth?: boolean;
}

export interface FuzzSummary extends FuzzCounts {
  failures: string[];
  ms: number;
}

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rand = ReturnType<typeof prng>;

const builtin = loadGlossaryYaml(BUILTIN_YAML).glossary;
const FORMS = builtin.concepts.flatMap((c) => [...c.zh, ...c.en.map((r) => r.text)]);
const PIECES = [
  ...FORMS, '網絡強國', '網路強國', '，', '。', '（', '）', '(', ')', '“', '”', '"', "'", '’s', '-', ' ', '\n', '\r\n', '\r', '\t', '\u3000', '\uFEFF',
  '\u200B', '\u00AD', '\u0301', '\u202E', 'שלום', 'مرحبا', '😀', '𠀀', '\uD800', '\uDC00', '\u0000', '```\n', '`', '    ', '> ', '# ', '- ', '| a | b |\n|---|---|\n',
  '[x](http://a/网络强国)', '<https://x/network-power>', '<!-- tifa-disable -->', '<!-- tifa-enable -->', '<!-- tifa-disable-next-line -->', '# tifa-disable-next-line\n',
  '---\ntitle: x\n---\n', '<g id="1">', '</g>', '<x/>', '&amp;', '&#24378;', '&lol;', '<![CDATA[网络强国]]>', ' (网络强国)', '网络强国（cyber power）', 'network powers',
];

function randomText(r: Rand, maxPieces = 40): string {
  const n = r.int(maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.6) out += r.pick(PIECES);
    else if (roll < 0.9) out += String.fromCharCode(r.int(0x10000)); // anything, lone surrogates included
    else out += 'a'.repeat(r.int(2000)) + (r.next() < 0.5 ? '网络强国' : ''); // long lines
  }
  return out;
}

function randomXml(r: Rand, kind: 'xliff' | 'tmx'): string {
  const seg = () => randomText(r, 8).replace(/[<&]/g, (c) => (r.next() < 0.7 ? (c === '<' ? '&lt;' : '&amp;') : c));
  if (kind === 'tmx') return `<tmx version="1.4"><body>${Array.from({ length: r.int(4) }, () => `<tu><tuv xml:lang="zh-CN"><seg>${seg()}</seg></tuv><tuv xml:lang="en"><seg>${seg()}</seg></tuv></tu>`).join('')}</body></tmx>`;
  const units = Array.from({ length: r.int(4) }, (_, i) => `<trans-unit id="${i}"><source>${seg()}</source><target>${seg()}</target></trans-unit>`).join('');
  const doc = `<?xml version="1.0"?>${r.next() < 0.1 ? '<!DOCTYPE x [<!ENTITY lol "lol">]>' : ''}<xliff version="1.2"><file source-language="zh" target-language="en"><body>${units}</body></file></xliff>`;
  return r.next() < 0.2 ? doc.slice(0, r.int(doc.length)) : doc; // truncated, as broken CAT exports are
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset is on a boundary unless it falls between the two halves of a pair. */
const onBoundary = (text: string, o: number) => o <= 0 || o >= text.length || !(isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o)));

function checkRanges(text: string, ranges: Array<[number, number]>, what: string, failures: string[]): void {
  for (const [s, e] of ranges) {
    if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length)) failures.push(`${what}: range [${s}, ${e}) outside a text of ${text.length}`);
    else if (!onBoundary(text, s) || !onBoundary(text, e)) failures.push(`${what}: range [${s}, ${e}) splits a surrogate pair`);
  }
}

const levelOf = (code: string) => (code in RULES ? RULES[code as keyof typeof RULES].defaultLevel : 'warning');

function fuzzDocuments(r: Rand, count: number, engine: TifaEngine, failures: string[]): void {
  const kinds: DocumentKind[] = ['plaintext', 'markdown', 'xliff', 'tmx'];
  for (let i = 0; i < count; i++) {
    const kind = r.pick(kinds);
    const text = kind === 'xliff' || kind === 'tmx' ? randomXml(r, kind) : randomText(r);
    const what = `document ${i} (${kind})`;
    try {
      const a = engine.lint(text, { kind });
      const b = engine.lint(text, { kind });
      if (JSON.stringify(a.findings) !== JSON.stringify(b.findings)) failures.push(`${what}: not deterministic`);
      checkRanges(text, [...a.findings.map((f): [number, number] => [f.start, f.end]), ...a.matches.map((m): [number, number] => [m.start, m.end])], what, failures);
      // Every fix changes exactly its range, through the same position conversion the server uses.
      const doc = TextDocument.create('file:///f', kind, 1, text);
      for (const d of toDiagnostics(doc, a.findings, levelOf)) {
        const data = d.data as FixData | undefined;
        for (const rep of data?.replacements ?? []) {
          const fixed = TextDocument.applyEdits(doc, [{ range: d.range, newText: rep.text }]);
          const s = doc.offsetAt(d.range.start);
          const e = doc.offsetAt(d.range.end);
          if (fixed !== text.slice(0, s) + rep.text + text.slice(e)) failures.push(`${what}: a fix changed more than its range`);
        }
      }
    } catch (e) {
      failures.push(`${what}: threw ${(e as Error).stack}`);
    }
  }
}

function mutate(r: Rand, text: string): string {
  let t = text;
  for (let k = r.int(6); k >= 0; k--) {
    const at = r.int(t.length + 1);
    const roll = r.next();
    if (roll < 0.3) t = t.slice(0, at) + t.slice(at + r.int(50));
    else if (roll < 0.6) t = t.slice(0, at) + randomText(r, 4) + t.slice(at);
    else if (roll < 0.8) t = t.slice(0, at) + t.slice(r.int(t.length), r.int(t.length)) + t.slice(at);
    else t = t.slice(0, at) + r.pick(['&a ', '*a', '<<: *a\n', ': ', '- ', '  ', '\t', '"', "'", '[', '{', '}', ']', '\n', 'status: nope\n']) + t.slice(at);
  }
  return t;
}

const HOSTILE_YAML = [
  'version: 1\nconcepts: ' + '['.repeat(20000) + ']'.repeat(20000),
  'version: 1\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nconcepts: []\n',
  'version: 1\nconcepts:\n  - id: x\n    zh: [网络强国]\n    note: "' + 'x'.repeat(1_000_000) + '"\n',
  'version: 1\nversion: 1\nconcepts: []\n',
  'version: "1"\nconcepts: {}\n',
];

function fuzzGlossaries(r: Rand, count: number, failures: string[]): void {
  const tbx = exportTbx(builtin);
  const csv = exportCsv(builtin);
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    const [text, name] =
      i < HOSTILE_YAML.length ? [HOSTILE_YAML[i], 'h.yaml'] : roll < 0.5 ? [mutate(r, BUILTIN_YAML), 'g.yaml'] : roll < 0.75 ? [mutate(r, tbx), 'g.tbx'] : [mutate(r, csv), 'g.csv'];
    const what = `glossary ${i} (${name})`;
    try {
      const t0 = Date.now();
      const { glossary, problems } = loadGlossaryText(text, name);
      const ms = Date.now() - t0;
      if (ms > 10000) failures.push(`${what}: took ${ms} ms`);
      for (const p of problems) {
        if (!(p.line >= 1 && p.column >= 1 && p.start >= 0 && p.start <= text.length + 1)) failures.push(`${what}: problem at an impossible place ${JSON.stringify(p)}`);
        if (!p.message) failures.push(`${what}: a problem without a message`);
      }
      const engine = new TifaEngine(glossary);
      engine.lint(randomText(r, 10), { kind: 'markdown' });
      if (name.endsWith('.yaml') && problems.every((p) => p.severity !== 'error')) {
        // Adding a rendering keeps every other byte of the file.
        const ins = addRenderingInsertions(text, 'cyber-superpower', 'cyber power', 'admitted');
        const after = applyInsertions(text, ins);
        let rebuilt = after;
        for (const x of [...ins].sort((a, b) => b.offset - a.offset)) rebuilt = rebuilt.slice(0, x.offset) + rebuilt.slice(x.offset + x.text.length);
        if (rebuilt !== text) failures.push(`${what}: adding a rendering changed other bytes`);
      }
    } catch (e) {
      if (!/not a block list|is not a list|has errors|add the rendering by hand/.test((e as Error).message)) failures.push(`${what}: threw ${(e as Error).stack}`);
    }
  }
}

const SERVER = join(ROOT, 'dist', 'server.js');

function startServer() {
  const proc: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Map<string, PublishDiagnosticsParams>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('tifa/status', () => undefined);
  connection.listen();
  return { proc, connection, published, stderr: () => stderr };
}

async function fuzzEdits(r: Rand, count: number, engine: TifaEngine, failures: string[]): Promise<void> {
  if (count === 0) return;
  const server = startServer();
  try {
    await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await server.connection.sendNotification('initialized', {});
    const docs = Array.from({ length: 4 }, (_, i) => TextDocument.create(`file:///storm${i}.${i % 2 ? 'md' : 'txt'}`, i % 2 ? 'markdown' : 'plaintext', 1, randomText(r, 20)));
    for (const d of docs) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: d.version, text: d.getText() } });
    let done = 0;
    while (done < count) {
      const burst = Math.min(count - done, 2000);
      for (let k = 0; k < burst; k++) {
        const i = r.int(docs.length);
        const d = docs[i];
        const len = d.getText().length;
        const s = r.int(len + 1);
        // Typing, pasting and undoing; a document past 20,000 characters only shrinks, as edit
        // storms are about many changes, not about ever larger files (npm run bench covers size).
        const e = Math.min(len, s + (len > 20000 ? 2000 : r.next() < 0.5 ? 0 : r.int(20)));
        const insert = len > 20000 || r.next() < 0.3 ? '' : r.next() < 0.8 ? r.pick(PIECES) : randomText(r, 3).slice(0, 200);
        const change = { range: { start: d.positionAt(s), end: d.positionAt(e) }, text: insert };
        const version = d.version + 1;
        docs[i] = TextDocument.update(d, [change], version); // updates d in place
        void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: [change] });
      }
      done += burst;
      // Once the storm settles, the published diagnostics equal a fresh lint of the final text.
      for (const d of docs) {
        const deadline = Date.now() + 30000;
        while (server.published.get(d.uri)?.version !== d.version && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
        const got = server.published.get(d.uri);
        if (got?.version !== d.version) {
          failures.push(`edits: no diagnostics for ${d.uri} version ${d.version} (last ${got?.version})`);
          continue;
        }
        const kind = d.languageId === 'markdown' ? 'markdown' : 'plaintext';
        const fresh = toDiagnostics(d, engine.lint(d.getText(), { kind }).findings, levelOf, true);
        // Candidate hints come from the record, analysed in the background and matched afresh on
        // every check (no incremental state to go stale); they are not the glossary's lint.
        const strip = (ds: Diagnostic[]) => JSON.stringify(ds.filter((x) => x.code !== 'candidate-formulation').map((x) => [x.range, x.code, x.message]));
        if (strip(got.diagnostics) !== strip(fresh)) failures.push(`edits: diagnostics of ${d.uri} differ from a fresh lint after ${done} edits`);
      }
    }
    // No stale diagnostics for a closed document.
    const closed = docs[0];
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closed.uri } });
    const deadline = Date.now() + 5000;
    while (server.published.get(closed.uri)?.diagnostics.length !== 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    if (server.published.get(closed.uri)?.diagnostics.length !== 0) failures.push('edits: a closed document kept its diagnostics');
    await server.connection.sendRequest('shutdown');
  } catch (e) {
    failures.push(`edits: ${(e as Error).stack}\n${server.stderr()}`);
  } finally {
    server.proc.kill();
    server.connection.dispose();
  }
}

/** Malformed messages written straight to the server's standard input, then a probe. */
async function fuzzMessages(r: Rand, count: number, failures: string[]): Promise<void> {
  if (count === 0) return;
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let exited: number | null = null;
  proc.on('exit', (code) => {
    exited = code ?? -1;
  });
  proc.stdout.resume();
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const methods = ['initialize', 'textDocument/hover', 'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/inlayHint', 'textDocument/diagnostic', 'workspace/executeCommand', 'workspace/didChangeWatchedFiles', 'nonsense/method', '$/cancelRequest'];
  const junk = () => r.pick<unknown>([null, 1, -1, 1e308, 'x', '', [], {}, { uri: 'file:///x' }, { textDocument: { uri: r.pick(['file:///x', 5, null]) }, position: r.pick([{ line: -1, character: 0 }, { line: 'a' }, null, { line: 1e9, character: 1e9 }]) }, { textDocument: { uri: 'file:///open.md', version: 'v' }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: -5, character: 3 } }, text: 5 }] }, '['.repeat(5000)]);
  const bodies = () => {
    const roll = r.next();
    if (roll < 0.25) return randomText(r, 6); // not JSON
    if (roll < 0.35) return '{"jsonrpc":"2.0","id":' + '['.repeat(r.int(3000)) + '}';
    const msg: Record<string, unknown> = { jsonrpc: r.next() < 0.9 ? '2.0' : '1.0', method: r.pick(methods), params: junk() };
    if (r.next() < 0.6) msg.id = r.pick<unknown>([r.int(1e6), 'id', null, {}, 1.5]);
    return JSON.stringify(msg);
  };
  try {
    proc.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
    proc.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })));
    proc.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///open.md', languageId: 'markdown', version: 1, text: '网络强国\n' } } })));
    for (let i = 0; i < count; i++) proc.stdin.write(frame(bodies()));
    // The probe: a well-formed hover must still be answered.
    let buffer = '';
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 20000);
      proc.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        if (buffer.includes('"id":424242') && buffer.includes('wǎngluò')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    // Junk may have changed or closed open.md (as a client may): probe a document opened now.
    proc.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///probe.md', languageId: 'markdown', version: 1, text: '网络强国\n' } } })));
    proc.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 424242, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///probe.md' }, position: { line: 0, character: 1 } } })));
    if (!(await answered)) failures.push(`messages: the server did not answer a valid hover after ${count} malformed messages${exited !== null ? ` (it exited with ${exited})` : ''}`);
    if (exited !== null) failures.push(`messages: the server exited with ${exited}`);
  } finally {
    proc.kill();
  }
}

export async function runFuzz(counts: FuzzCounts, seed = 1): Promise<FuzzSummary> {
  const t0 = Date.now();
  const failures: string[] = [];
  const r = prng(seed);
  const engine = new TifaEngine(builtin);
  const phase = async (name: string, f: () => void | Promise<void>) => {
    const t = Date.now();
    await f();
    if (process.env.FUZZ_VERBOSE) console.log(`  ${name}: ${Date.now() - t} ms`);
  };
  await phase('documents', () => fuzzDocuments(r, counts.documents, engine, failures));
  await phase('glossaries', () => fuzzGlossaries(r, counts.glossaries, failures));
  await phase('edits', () => fuzzEdits(r, counts.edits, engine, failures));
  await phase('messages', () => fuzzMessages(r, counts.messages, failures));
  await phase('hostile', () => fuzzHostile(r, counts.hostile, engine, failures));
  if (counts.growth) await phase('growth', () => growth(engine, failures, (s) => console.log(s)));
  return { ...counts, failures, ms: Date.now() - t0 };
}

export function formatSummary(s: FuzzSummary): string {
  const n = (x: number) => x.toLocaleString('en');
  return `fuzz: ${n(s.documents)} documents, ${n(s.edits)} edits, ${n(s.glossaries)} glossaries, ${n(s.messages)} malformed messages, ${n(s.hostile)} hostile rounds${s.growth ? ', growth timed' : ''} in ${(s.ms / 1000).toFixed(1)} s; failures: ${s.failures.length}`;
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  runFuzz({ documents: arg('--documents', 10000), edits: arg('--edits', 100000), glossaries: arg('--glossaries', 1000), messages: arg('--messages', 1000), hostile: arg('--hostile', 1000), growth: !process.argv.includes('--no-growth') }, arg('--seed', 1)).then((s) => {
    for (const f of s.failures.slice(0, 20)) console.error(`  failure: ${f.slice(0, 2000)}`);
    console.log(formatSummary(s));
    process.exitCode = s.failures.length ? 1 : 0;
  });
}
