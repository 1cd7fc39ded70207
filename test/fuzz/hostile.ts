/**
 * The fuzzer's hostile classes (the hardening issue): XML constructs round-tripped through fixes
 * and suppressions, deep nesting in every reader, diagnostic floods, special files, paths that
 * lead outside the workspace, legacy encodings, and (in the full run) inputs whose cost must grow
 * linearly. Each class is generated, not only its one known instance.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LIMITS } from '../../server/src/core/render/display';
import { ignoreInsertion, type TifaEngine } from '../../server/src/core/engine';
import { applyEdits, checkedFix, isFixData, preferredFixEdits } from '../../server/src/core/checks/fixes';
import { loadGlossaryText } from '../../server/src/core/formats/registry';
import { decodeText, globPattern, isInside, readTextFile, refusedPattern } from '../../server/src/files';
import { toDiagnostics } from '../../server/src/lspDiagnostics';
import * as shapes from './shapes';

export interface Rand {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Text content of every target/seg element, decoded by an independent XML parser (saxes). */
function segmentTexts(xml: string): string[] | undefined {
  const out: string[] = [];
  const stack: string[] = [];
  let current: string | undefined;
  let ok = true;
  const p = new SaxesParser({ xmlns: false });
  p.on('error', () => {
    ok = false;
  });
  p.on('opentag', (t) => {
    stack.push(t.name);
    if ((t.name === 'target' || t.name === 'source' || t.name === 'seg') && current === undefined) current = '';
  });
  p.on('closetag', (t) => {
    stack.pop();
    if ((t.name === 'target' || t.name === 'source' || t.name === 'seg') && current !== undefined) {
      out.push(current);
      current = undefined;
    }
  });
  p.on('text', (t) => {
    if (current !== undefined) current += t;
  });
  p.on('cdata', (t) => {
    if (current !== undefined) current += t;
  });
  try {
    p.write(xml).close();
  } catch {
    return undefined;
  }
  return ok ? out : undefined;
}

const RENDERINGS = ['network power', 'cyber superpower', 'Network Power', 'cyber power', 'important speeches', 'core technology'];
const CONSTRUCTS: Array<(r: Rand) => string> = [
  (r) => `<![CDATA[${r.pick(RENDERINGS)} <b>&amp; ${r.pick(RENDERINGS)}]]>`,
  (r) => `R&amp;D &lt;${r.pick(RENDERINGS)}&gt;`,
  (r) => `${r.pick(RENDERINGS).replace(' ', ' <!-- c --> ')}`,
  (r) => `<?pi x?>${r.pick(RENDERINGS)}`,
  (r) => `&#x4e2d; ${r.pick(RENDERINGS)} &#20013;`,
  (r) => `<g id="1">${r.pick(RENDERINGS)}</g>`,
  (r) => `<ph id="1">${r.pick(RENDERINGS)}</ph> ${r.pick(RENDERINGS)}`,
  (r) => r.pick(RENDERINGS),
  () => ' ',
];

function constructXml(r: Rand, kind: 'xliff' | 'tmx'): string {
  const target = () => Array.from({ length: 1 + r.int(4) }, () => r.pick(CONSTRUCTS)(r)).join(' ');
  const nl = r.next() < 0.5 ? '' : r.next() < 0.5 ? '\n' : '\r\n';
  const units = Array.from({ length: 1 + r.int(4) }, (_, i) =>
    kind === 'tmx'
      ? `${nl}  <tu tuid="${i}"><tuv xml:lang="zh-CN"><seg>建设网络强国</seg></tuv><tuv xml:lang="en"><seg>${target()}</seg></tuv></tu>`
      : `${nl}  <trans-unit id="${i}">${nl}    <source>建设网络强国，发表重要讲话</source>${nl}    <target>${target()}</target>${nl}  </trans-unit>`,
  ).join('');
  return kind === 'tmx'
    ? `<?xml version="1.0"?>${nl}<tmx version="1.4"><header/><body>${units}${nl}</body></tmx>${nl}`
    : `<?xml version="1.0"?>${nl}<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>${units}${nl}</body></file></xliff>${nl}`;
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[n]!);

/** Fixes and suppressions over XML constructs: the result is well-formed and reads as intended. */
function xmlFixes(r: Rand, engine: TifaEngine, failures: string[], round: number): void {
  const kind = r.next() < 0.5 ? 'xliff' : 'tmx';
  const text = constructXml(r, kind);
  const what = `xml-fixes ${round} (${kind})`;
  const before = segmentTexts(text);
  if (!before) return failures.push(`${what}: the generator made ill-formed XML`), undefined;
  const { findings } = engine.lint(text, { kind });
  for (const f of findings) {
    if (isFixData(f.data)) {
      const original = text.slice(f.start, f.end);
      for (const rep of f.data.replacements) {
        const check = checkedFix(kind, text, [{ start: f.start, end: f.end, text: rep.text }]);
        if (!check.ok) continue; // refused: nothing written, which is always safe
        const after = segmentTexts(check.text);
        if (!after) {
          failures.push(`${what}: a checked fix produced ill-formed XML: ${check.text}`);
          continue;
        }
        const changed = after.map((t, i) => [before[i], t]).filter(([a, b]) => a !== b);
        const inCdata = /<!\[CDATA\[[^\]]*$/.test(text.slice(0, f.start));
        const plain = inCdata ? rep.text : unescapeXml(rep.text);
        if (after.length !== before.length || changed.length !== 1 || !changed[0][1].includes(plain) || changed[0][1].length - changed[0][0].length !== plain.length - original.length) {
          failures.push(`${what}: a fix of ${JSON.stringify(original)} did not change exactly that text: ${JSON.stringify(changed)}`);
        }
      }
    }
    const ins = ignoreInsertion(text, kind, f.start, f.code);
    if (ins) {
      const after = applyEdits(text, [{ start: ins.offset, end: ins.offset, text: ins.text }]);
      const texts = segmentTexts(after);
      if (!texts || JSON.stringify(texts) !== JSON.stringify(before)) failures.push(`${what}: an ignore comment changed the XML or its text: ${after}`);
      else if (engine.lint(after, { kind }).findings.some((g) => g.code === f.code && g.start === f.start + ins.text.length)) failures.push(`${what}: the ignore comment did not silence ${f.code}`);
    }
  }
  const all = checkedFix(kind, text, preferredFixEdits(findings));
  if (all.ok && !segmentTexts(all.text)) failures.push(`${what}: fix-all produced ill-formed XML: ${all.text}`);
}

/** Deep nesting in every reader: a result (with a problem or notice) and no exception, in bounded time. */
function deepNesting(r: Rand, engine: TifaEngine, failures: string[], round: number): void {
  const depth = 100 + r.int(r.next() < 0.5 ? 2000 : 60000);
  const cases: Array<[string, () => unknown]> = [
    ['tbx', () => loadGlossaryText(shapes.deepXml(depth, 'tbx'), 'g.tbx')],
    ['xliff', () => engine.lint(shapes.deepXml(depth, 'xliff'), { kind: 'xliff' })],
    ['tmx', () => engine.lint(`<tmx><body><tu><tuv xml:lang="zh"><seg>${'<hi>'.repeat(depth)}网络强国${'</hi>'.repeat(depth)}</seg></tuv></tu></body></tmx>`, { kind: 'tmx' })],
    ['markdown list', () => engine.lint(shapes.nestedList(Math.min(depth, 3000)), { kind: 'markdown' })],
    ['markdown quote', () => engine.lint('> '.repeat(Math.min(depth, 20000)) + '网络强国\n', { kind: 'markdown' })],
    ['yaml', () => loadGlossaryText('version: 1\nconcepts: ' + '['.repeat(depth) + ']'.repeat(depth), 'g.yaml')],
    ['csv', () => loadGlossaryText('zh,en\n' + '"'.repeat(depth) + '\n', 'g.csv')],
  ];
  for (const [name, run] of cases) {
    const t = Date.now();
    try {
      run();
    } catch (e) {
      failures.push(`deep ${round} (${name}, depth ${depth}): threw ${(e as Error).message}`);
    }
    // A hang detector, not a speed test: npm run bench measures speed.
    if (Date.now() - t > 20000) failures.push(`deep ${round} (${name}, depth ${depth}): took ${Date.now() - t} ms`);
  }
}

/** Diagnostic floods: capped, and every message within its limit. */
function floods(r: Rand, engine: TifaEngine, failures: string[], round: number): void {
  const chars = 1000 + r.int(200000);
  const text = shapes.flood(chars) + (r.next() < 0.5 ? ' network power ' : '');
  const ds = toDiagnostics(TextDocument.create('file:///f.txt', 'plaintext', 1, text), engine.lint(text).findings, (c) => (c === 'formulation' ? 'information' : 'warning'), true);
  if (ds.length > LIMITS.diagnosticsPerDocument) failures.push(`flood ${round}: ${ds.length} diagnostics`);
  if (ds.some((d) => (d.message as string).length > LIMITS.message)) failures.push(`flood ${round}: a message over the limit`);
}

const WORDS = ['网络强国', '建设', '数字中国', '核心技术', '自主创新', '我们', '要', '推进', '人民', '发展', '，', '。', '國家', '安全', '现代化', '经济', ' network power ', '\r\n', '\n'];
const TRADITIONAL: Record<string, string> = { 网: '網', 络: '絡', 国: '國', 设: '設', 数: '數', 术: '術', 创: '創', 们: '們', 进: '進', 发: '發', 现: '現', 经: '經', 济: '濟', 强: '強', 字: '字', 展: '展', 代: '代' };

/** Legacy encodings: realistic Chinese text (10 words or more) comes back exactly. */
function encodings(r: Rand, failures: string[], round: number): void {
  let text = '';
  for (let n = 10 + r.int(60); n > 0; n--) text += r.pick(WORDS);
  const enc = r.pick(['gb18030', 'big5', 'utf-16le', 'utf-16be', 'utf-8']);
  const src = enc === 'big5' ? [...text].map((c) => TRADITIONAL[c] ?? c).join('') : text;
  const bom = enc.startsWith('utf-16') && r.next() < 0.5;
  const bytes = iconv.encode(src, enc, { addBOM: bom });
  const got = decodeText(bytes);
  if (!got.ok || got.text !== src) failures.push(`encoding ${round} (${enc}${bom ? ', BOM' : ''}): ${got.ok ? `read as ${got.encoding}: ${JSON.stringify(got.text.slice(0, 40))}` : got.reason}`);
  // Random bytes: never an exception, and never an "ok" with replacement characters.
  const noise = Buffer.from(Array.from({ length: r.int(200) }, () => r.int(256)));
  try {
    const n = decodeText(noise);
    if (n.ok && n.text.includes('\uFFFD')) failures.push(`encoding ${round}: random bytes decoded with U+FFFD as ${n.encoding}`);
  } catch (e) {
    failures.push(`encoding ${round}: random bytes threw ${(e as Error).message}`);
  }
}

/** Special files and paths, once per run: devices, pipes, folders, loops, huge and outside files. */
async function specialFiles(r: Rand, failures: string[], rounds: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tifa-fuzz-'));
  try {
    const ws = join(root, 'ws');
    const outside = join(root, 'outside');
    mkdirSync(join(ws, '.tifa'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.tifa.yaml'), 'MARKER: outside\n');
    const special: Array<[string, string]> = [];
    const add = (name: string, make: (p: string) => void, expected: string) => {
      try {
        make(join(ws, name));
        special.push([name, expected]);
      } catch {
        // not possible on this system (no mkfifo): the others still run
      }
    };
    add('.tifa/zero.yaml', (p) => symlinkSync('/dev/zero', p), 'outside'); // a device outside the folder
    add('.tifa/random.yaml', (p) => symlinkSync('/dev/urandom', p), 'outside');
    add('dev-in.md', (p) => spawnSync('mknod', [p, 'c', '1', '5']).status === 0 || (() => { throw new Error('no mknod'); })(), 'not-a-file'); // a device inside it
    add('pipe.zh.md', (p) => {
      if (spawnSync('mkfifo', [p]).status !== 0) throw new Error('no mkfifo');
    }, 'not-a-file');
    add('folder.md', (p) => mkdirSync(p), 'not-a-file');
    add('loop.md', (p) => symlinkSync(p, p), 'unreadable');
    add('out.tifa.yaml', (p) => symlinkSync(join(outside, 'secret.tifa.yaml'), p), 'outside');
    add('up', (p) => symlinkSync('..', p), 'outside');
    add('huge.md', (p) => {
      writeFileSync(p, '');
      truncateSync(p, 64 * 1024 * 1024);
    }, 'too-large');
    writeFileSync(join(ws, 'pipe.en.md'), 'A network power.\n');
    const within = [realpathSync(ws)];
    for (const [name, expected] of special) {
      const t = Date.now();
      const got = readTextFile(join(ws, name), { maxBytes: 10 * 1024 * 1024, within });
      if (got.ok || got.failure !== expected) failures.push(`special ${name}: expected ${expected}, got ${got.ok ? 'a text' : got.failure}`);
      if (Date.now() - t > 5000) failures.push(`special ${name}: took ${Date.now() - t} ms`);
    }
    // Random glob patterns: a refused one is never used; an accepted one never leads outside.
    const parts = ['..', '.', '*', '**', '.tifa', 'up', 'out.tifa.yaml', '*.yaml', '/', '~', 'C:', '\\', 'a'];
    for (let i = 0; i < rounds; i++) {
      const pattern = Array.from({ length: 1 + r.int(5) }, () => r.pick(parts)).join(r.pick(['/', '', '\\']));
      if (refusedPattern(pattern)) continue;
      // As the server globs it (glossaryManager.ts).
      const found = await glob([globPattern(pattern)], { cwd: ws, absolute: true, dot: true, followSymbolicLinks: false }).catch(() => [] as string[]);
      for (const f of found) {
        const read = readTextFile(f, { maxBytes: 1024 * 1024, within });
        if (read.ok && !isInside(read.realPath, within[0])) failures.push(`outside: pattern ${JSON.stringify(pattern)} read ${read.realPath}`);
        if (read.ok && read.text.includes('MARKER')) failures.push(`outside: pattern ${JSON.stringify(pattern)} read the outside file`);
      }
    }
    // The CLI over the whole folder: finishes, prints no stack, reads nothing outside.
    const run = spawnSync(process.execPath, [CLI, 'lint', ws], { encoding: 'utf8', timeout: 60000 });
    if (run.signal) failures.push(`special: tifa lint on the folder did not finish (${run.signal})`);
    if (/internal error|\n\s+at /.test(run.stderr)) failures.push(`special: tifa lint printed a stack: ${run.stderr.slice(0, 500)}`);
    if (run.stdout.includes('MARKER')) failures.push('special: tifa lint read the outside file');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Full runs only: each quadratic shape at n and 4n must cost less than 8 times as much. */
export function growth(engine: TifaEngine, failures: string[], log: (s: string) => void): void {
  const shapesToTime: Array<[string, (n: number) => () => unknown, number]> = [
    ['disable-next-line comments', (n) => () => engine.lint(shapes.disableComments(n).replace(/<!-- (.*) -->/g, '# $1')), 20000],
    ['inline glosses', (n) => () => engine.lint(shapes.inlineGlosses(n)), 20000],
    ['parallel paragraphs', (n) => { const p = shapes.parallelParagraphs(n); return () => engine.lint(p.en, { parallelSource: { text: p.zh, kind: 'plaintext' } }); }, 15000],
    ['XML constructs', (n) => () => engine.lint(shapes.xmlConstructs(n), { kind: 'xliff' }), 5000],
    ['flood', (n) => () => toDiagnostics(TextDocument.create('file:///f', 'plaintext', 1, shapes.flood(n)), engine.lint(shapes.flood(n)).findings, () => 'information', true), 100000],
  ];
  for (const [name, make, n] of shapesToTime) {
    const time = (size: number) => {
      const f = make(size);
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    time(n); // warm up
    const a = Math.min(time(n), time(n), time(n));
    const b = Math.min(time(4 * n), time(4 * n));
    log(`  growth ${name}: ${Math.round(a)} ms at ${n}, ${Math.round(b)} ms at ${4 * n} (×${(b / a).toFixed(1)})`);
    if (b > 8 * a && b > 200) failures.push(`growth: ${name} costs ×${(b / a).toFixed(1)} for ×4 the input`);
  }
}

export async function fuzzHostile(r: Rand, rounds: number, engine: TifaEngine, failures: string[]): Promise<void> {
  if (rounds === 0) return;
  for (let i = 0; i < rounds; i++) {
    xmlFixes(r, engine, failures, i);
    encodings(r, failures, i);
    if (i % 10 === 0) floods(r, engine, failures, i);
    if (i % 25 === 0) deepNesting(r, engine, failures, i);
  }
  await specialFiles(r, failures, Math.max(20, rounds));
}
