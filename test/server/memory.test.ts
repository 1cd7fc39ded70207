import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { loadGlossaryYaml } from '../../server/src/core';
import type { MemorySuggestionsResult } from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { TestClient } from './lspClient';

/** Line and character of an offset. */
function at(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

// team.tmx in the workspace (5 × "cyber superpower", 2 × "cyber power" for 网络强国) and an open
// XLIFF whose one unit says "cyber power": with the open file counted, 5 of 8, a clear majority.
describe('translation memories in the editor (server)', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let flagged: Diagnostic[];
  const tmxPath = () => join(dir, 'team.tmx');
  const draft = readFileSync(join(ROOT, 'test', 'fixtures', 'memory', 'one.zh-en.xlf'), 'utf8');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-memory-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'memory', 'team.tmx'), tmxPath());
    client = new TestClient({ folders: [dir], capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } } });
    await client.initialize();
    uri = pathToFileURL(join(dir, 'one.zh-en.xlf')).href;
    writeFileSync(join(dir, 'one.zh-en.xlf'), draft);
    await client.open(uri, draft, 'xliff');
    flagged = (await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'memory-inconsistent'), 60000)).filter((d) => d.code === 'memory-inconsistent');
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('memory-inconsistent: the exact range, the message, and the majority\'s units in the memory file as related information', () => {
    const tmx = readFileSync(tmxPath(), 'utf8');
    const start = draft.indexOf('cyber power');
    assert.equal(flagged.length, 1);
    const d = flagged[0];
    assert.deepEqual([d.range, d.severity, d.message], [{ start: at(draft, start), end: at(draft, start + 11) }, 3, '网络强国 is rendered “cyber power” here, but your translations render it “cyber superpower” in 5 of 8 units. 与译文记忆的多数译法不一致。']);
    const targets = ['We must build a cyber superpower.', 'Speed up building a cyber superpower, with good fortune.', 'The “cyber superpower” strategy (2014)'].map((t) => tmx.indexOf(t));
    assert.deepEqual(d.relatedInformation, targets.map((s, i) => ({
      location: { uri: pathToFileURL(tmxPath()).href, range: { start: at(tmx, s), end: at(tmx, s + ['We must build a cyber superpower.', 'Speed up building a cyber superpower, with good fortune.', 'The “cyber superpower” strategy (2014)'][i].length) } },
      message: '“cyber superpower” here',
    })));
  });

  it('its fix replaces exactly the span with the majority\'s rendering', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: flagged[0].range, context: { diagnostics: flagged } })) as CodeAction[];
    assert.deepEqual(actions[0].title, 'Replace with “cyber superpower”, the rendering most of your translations use 替换为译文记忆的多数译法');
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: flagged[0].range, newText: 'cyber superpower' }] } });
  });

  it('the hover has "In your translations 译文", most frequent first, each with a link to an example unit', async () => {
    const source = draft.indexOf('网络强国');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(draft, source + 1) })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    const tmx = readFileSync(tmxPath(), 'utf8');
    const first = at(tmx, tmx.indexOf('We must build a cyber superpower.'));
    // Files in path order: the open draft's own unit is the first that says "cyber power".
    const mined = at(draft, draft.indexOf('Strive to build'));
    const section = value.slice(value.indexOf('**In your translations 译文**'));
    assert.ok(section.startsWith([
      '**In your translations 译文** · 8 units',
      '',
      `- **cyber superpower** ×5 (glossary, preferred) · [team.tmx:${first.line + 1}](${pathToFileURL(tmxPath()).href}#L${first.line + 1},${first.character + 1})`,
      `- **cyber power** ×3 (observed, not in the glossary; confidence 1.00) · [one.zh-en.xlf:${mined.line + 1}](${uri}#L${mined.line + 1},${mined.character + 1})`,
    ].join('\n')), section);
  });

  it('suggests the renderings the glossary lacks, and accepting one writes it as admitted with the authority and the file', async () => {
    const result = (await client.connection.sendRequest('tifa/memorySuggestions', {})) as MemorySuggestionsResult;
    assert.deepEqual(result.suggestions.map((s) => [s.zh, s.en, s.count, s.units, s.file, s.conceptId !== undefined]), [
      ['网络强国', 'cyber power', 3, 8, 'one.zh-en.xlf', true],
      ['自主创新', 'independent innovation', 2, 4, 'team.tmx', true],
    ]);
    const s = result.suggestions[1];
    const ok = await client.connection.sendRequest('workspace/executeCommand', { command: 'tifa.addToGlossary', arguments: [{ uri, text: s.en, conceptId: s.conceptId, status: 'admitted', authority: 'translation memory', source: s.file }] });
    assert.equal(ok, true);
    const written = readFileSync(join(dir, '.tifa', 'glossary.yaml'), 'utf8');
    assert.ok(written.includes(`- id: "${s.conceptId}"\n    en:\n      - { text: "independent innovation", status: admitted, authority: "translation memory", source: "team.tmx" }\n`), written);
    const loaded = loadGlossaryYaml(written);
    assert.deepEqual(loaded.problems, []);
  });

  it('the status says how many units the memories hold, once built', async () => {
    const status = await client.until(() => client.notifications.filter((n) => n.method === 'tifa/status').at(-1)?.params as { memory?: { units: number; files: number; building: boolean } } | undefined, (st) => st.memory?.building === false, 'a status with the memory built');
    assert.deepEqual(status.memory, { units: 12, files: 2, building: false });
  });

  it('picks up a memory changed on disk: with every unit saying "cyber power", the draft is the majority', async () => {
    writeFileSync(tmxPath(), readFileSync(tmxPath(), 'utf8').replace(/cyber superpower/g, 'cyber power'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(tmxPath()).href, type: 2 }] });
    const after = await client.diagnostics(uri, (ds) => !ds.some((d) => d.code === 'memory-inconsistent'), 30000);
    assert.deepEqual(after.filter((d) => d.code === 'memory-inconsistent'), []);
  });
});

describe('translation memories that cannot be read (server)', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-memory-bad-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'memory', 'team.tmx'), join(dir, 'good.tmx'));
    writeFileSync(join(dir, 'broken.tmx'), '<tmx><body><tu><tuv xml:lang="zh-CN"><seg>网络强国</seg></tuv><tuv xml:lang="en"><seg>cyber');
    writeFileSync(join(dir, 'binary.tmx'), Buffer.from([0x3c, 0x74, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'deep.xlf'), `<xliff>${'<g>'.repeat(6000)}${'</g>'.repeat(6000)}</xliff>`);
    writeFileSync(join(dir, 'one-column.csv'), 'zh\n网络强国\n自主创新\n');
    client = new TestClient({ folders: [dir], capabilities: { workspace: { configuration: true } }, settings: () => ({ memory: { files: ['*.tmx', '*.xlf', '*.csv', '../outside/*.tmx', '/etc/*.tmx'] } }) });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads what can be read, says why the rest is not, refuses paths outside the workspace, and keeps answering', async () => {
    await client.until(() => client.log, (log) => log.includes('Tifa: translation memory: '), 'the memory built', 60000);
    // The truncated file's one unit is read as far as it goes ("cyber"); the others have none.
    assert.ok(client.log.includes('Tifa: translation memory: 12 units in 2 files, 2 formulations with renderings.'), client.log);
    assert.ok(client.log.includes('Tifa: memory binary.tmx: it is a binary file\n'), client.log);
    assert.ok(/Tifa: memory deep\.xlf: .*nest.*\n/.test(client.log), client.log);
    assert.ok(client.log.includes('Tifa: memory one-column.csv: no Chinese–English units\n'), client.log);
    const refused = client.shown.map((m) => m.message).filter((m) => m.startsWith('Tifa: tifa.memory.files'));
    assert.deepEqual(refused, [
      'Tifa: tifa.memory.files: "../outside/*.tmx" leads outside the workspace folder; not read',
      'Tifa: tifa.memory.files: "/etc/*.tmx" is an absolute path: memory patterns are relative to the workspace folder; not read',
    ]);
    const result = (await client.connection.sendRequest('tifa/memorySuggestions', {})) as MemorySuggestionsResult;
    assert.deepEqual(result.suggestions.map((s) => [s.zh, s.en, s.file]), [['网络强国', 'cyber power', 'good.tmx'], ['自主创新', 'independent innovation', 'good.tmx']]);
    assert.equal(client.exitCode, undefined);
  });
});

describe('translation memories that are links to devices, pipes, or in GB18030 (server)', () => {
  let dir: string;
  let client: TestClient;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'tifa-memory-hostile-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'memory', 'team.tmx'), join(dir, 'good.tmx'));
    symlinkSync('/dev/zero', join(dir, 'zero.tmx'));
    execFileSync('mkfifo', [join(dir, 'fifo.tmx')]);
    // GB18030, with traditional characters: read as what its bytes are, 網絡強國 found as 网络强国.
    const units = [0, 1, 2].map((i) => `<tu><tuv xml:lang="zh-CN"><seg>建设網絡強國${i}</seg></tuv><tuv xml:lang="en"><seg>toward a cyber superpower ${i}</seg></tuv></tu>`).join('');
    writeFileSync(join(dir, 'gb.tmx'), iconv.encode(`<?xml version="1.0" encoding="GB18030"?><tmx version="1.4"><body>${units}</body></tmx>`, 'gb18030'));
    client = new TestClient({ folders: [dir] });
    await client.initialize();
  });
  after(async () => {
    await client?.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never reads the link to /dev/zero or the FIFO (the walk of tifa.memory.files passes them by), reads the GB18030 file, and keeps answering', async () => {
    await client.until(() => client.log, (log) => log.includes('Tifa: translation memory: '), 'the memory built', 60000);
    assert.ok(client.log.includes('Tifa: translation memory: 14 units in 2 files, 2 formulations with renderings.'), client.log);
    const result = (await client.connection.sendRequest('tifa/memorySuggestions', {})) as MemorySuggestionsResult;
    assert.deepEqual([result.memoryUnits, result.memoryFiles], [14, 2]);
    assert.equal(client.exitCode, undefined);
  });
});
