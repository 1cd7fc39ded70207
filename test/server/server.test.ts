import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixture } from '../helpers';
import { compact, SERVER, TestClient } from './lspClient';

const MSG = {
  superpower: '网络强国 — cyber superpower (Leading Group announcement, 2014)',
  core: '核心技术 — core technology (4.19 speech, 2016)',
  community: '网络空间命运共同体 — community of shared destiny in cyberspace (Wuzhen speech, 2015)',
  no2014: '没有网络安全就没有国家安全,没有信息化就没有现代化 — Without cybersecurity there is no national security; without informatization, there is no modernization (Leading Group announcement, 2014)',
};

// Each line starts with Chinese text: a column computed in bytes or code points would be wrong.
const DRAFT = [
  '网络强国是目标。建设网络', // 0: ends mid-formulation (wrapped)
  '强国，要靠自主创新以外的', // 1
  '網路強國與網絡強國', // 2: Taiwan and traditional forms
  '他说：没有网络安全就没有国家安全，没有信息化就没有现代化。', // 3: full-width comma
  '𠀀😀网络强国', // 4: surrogate pairs before the match
  'The Cyber-Superpower goal and core technologies.', // 5: English
].join('\n');

describe('language server over JSON-RPC (push diagnostics, as Neovim and Emacs use it)', function () {
  let client: TestClient;

  before(async function () {
    assert.ok(existsSync(SERVER), `build the server first: ${SERVER}`);
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('announces incremental sync and hover, and no pull diagnostics to a client without them', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.diagnosticProvider, undefined);
    assert.equal(client.initializeResult!.serverInfo?.name, 'tifa-language-server');
  });

  it('sends the glossary status', async () => {
    const status = await client.until(() => client.notifications.find((n) => n.method === 'tifa/status'), () => true, 'tifa/status');
    const p = status.params as { concepts: number; errors: number; glossaries: Array<{ label: string }> };
    assert.equal(p.errors, 0);
    assert.equal(p.concepts, 50);
    assert.deepEqual(p.glossaries.map((g) => g.label), ['built-in glossary']);
  });

  it('pushes a diagnostic for every formulation, with exact UTF-16 ranges', async () => {
    const uri = 'file:///draft.zh.md';
    await client.open(uri, DRAFT);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(compact(diagnostics), [
      [0, 0, 0, 4, MSG.superpower],
      [0, 10, 1, 2, MSG.superpower],
      [1, 5, 1, 9, '自主创新 — indigenous innovation (4.20 speech, 2018)'],
      [2, 0, 2, 4, MSG.superpower],
      [2, 5, 2, 9, MSG.superpower],
      [3, 3, 3, 28, MSG.no2014],
      [4, 4, 4, 8, MSG.superpower],
      [5, 4, 5, 20, MSG.superpower],
      [5, 30, 5, 47, MSG.core],
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'tifa');
      assert.equal(d.code, 'formulation');
    }
    // Information, but a hint for "core technologies": ordinary English outside a pair.
    assert.deepEqual(diagnostics.map((d) => d.severity), [3, 3, 3, 3, 3, 3, 3, 3, 4]);
    assert.deepEqual(diagnostics[0].data, { conceptId: 'cyber-superpower', language: 'zh', form: '网络强国' });
  });

  it('answers a hover with rendering and provenance, and the range of the formulation', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///draft.zh.md' },
      position: { line: 1, character: 1 }, // inside the wrapped 网络\n强国
    })) as Hover;
    assert.deepEqual(hover.range, { start: { line: 0, character: 10 }, end: { line: 1, character: 2 } });
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.ok(value.startsWith("**网络强国** · *wǎngluò qiángguó*\n\nPreferred 首选: **cyber superpower** (DigiChina; source 来源: DigiChina, “Xi Jinping Puts 'Indigenous Innovation' and 'Core Technologies' at the Center of Development Priorities”, 2018-05-01)"), value);
    assert.ok(value.includes('- **4.20 speech** · 2018-04-20 · Speech at the second Cybersecurity and Informatization Work Conference · Xi Jinping'), value);
    assert.ok(value.includes('  - 「把我国建设成为网络强国」'), value);
  });

  it('marks the appearance whose quotation fits the words around the hovered phrase, and the message cites it', async () => {
    const uri = 'file:///fits.zh.txt';
    const text = '他说：没有网络安全就没有国家安全，就没有经济社会稳定运行。\r\n';
    await client.open(uri, text, 'plaintext');
    const [d] = await client.diagnostics(uri);
    assert.equal(d.message, '没有网络安全就没有国家安全 — Without cybersecurity there is no national security (4.20 speech, 2018)');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*4\.20 speech\*\*[^\n]*← \*as here 与此处同\*/);
    assert.doesNotMatch(value, /Leading Group announcement\*\*[^\n]*as here/);
  });

  it('adds the record to the hover once it is indexed in the background: first and latest attestation, count, sparkline', async () => {
    const uri = 'file:///record.zh.txt';
    await client.open(uri, '推动构建人类命运共同体', 'plaintext');
    const hoverText = async () => ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } })) as Hover).contents as MarkupContent;
    // Polled with a deadline, one hover round trip at a time: the record is indexed a slice at a time in the server's event loop.
    const deadline = Date.now() + 20000;
    let value = (await hoverText()).value;
    while (!value.includes('In the record') && Date.now() < deadline) value = (await hoverText()).value;
    assert.ok(value.includes('**In the record 文献** · 31 times in 14 documents'), value);
    assert.ok(value.includes('- First 最早: **2007-10-15** · 高举中国特色社会主义伟大旗帜，为夺取全面建设小康社会新胜利而奋斗 (十七大)'), value);
    assert.ok(value.includes('- Latest 最近: **2025** · 2025年中华人民共和国国务院政府工作报告'), value);
    assert.ok(value.includes('  - 「十三亿大陆同胞和两千三百万台湾同胞是血脉相连的**命运共同体**。」'), value);
  });

  it('answers null where there is no formulation', async () => {
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///draft.zh.md' }, position: { line: 0, character: 5 } });
    assert.equal(hover, null);
  });

  it('follows incremental changes that add and remove formulations', async () => {
    const uri = 'file:///edit.md';
    await client.open(uri, '第一段：网络强国。\n第二段。');
    assert.deepEqual(compact(await client.diagnostics(uri, (_, p) => p.version === 1)), [[0, 4, 0, 8, MSG.superpower]]);
    // Add 核心技术 at the end of line 1, then remove 网络强国 from line 0.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '核心技术' }],
    });
    assert.deepEqual(compact(await client.diagnostics(uri, (_, p) => p.version === 2)), [
      [0, 4, 0, 8, MSG.superpower],
      [1, 3, 1, 7, MSG.core],
    ]);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 8 } }, text: '' }],
    });
    assert.deepEqual(compact(await client.diagnostics(uri, (_, p) => p.version === 3)), [[1, 3, 1, 7, MSG.core]]);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///edit.md';
    const before = client.publishedCount(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const after = await client.diagnostics(uri, (d) => d.length === 0 && client.publishedCount(uri) > before);
    assert.deepEqual(after, []);
  });

  it('finds 网络空间命运共同体 at the exact place in the Wuzhen speech (BOM + CRLF)', async () => {
    const text = fixture('wuzhen-2015-12-16-excerpt.txt');
    const lines = text.split('\r\n');
    const line = lines.findIndex((l) => l.includes('网络空间命运共同体'));
    const character = lines[line].indexOf('网络空间命运共同体');
    assert.ok(line > 0 && character > 0);
    const uri = 'file:///wuzhen.txt';
    await client.open(uri, text, 'plaintext');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      compact(diagnostics.filter((d) => d.message === MSG.community)),
      [[line, character, line, character + 9, MSG.community]],
    );
  });
});

describe('language server over JSON-RPC (pull diagnostics and settings, as VS Code uses it)', function () {
  let client: TestClient;
  let severity = 'off';

  before(async function () {
    client = new TestClient({
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false } },
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      },
      settings: () => ({ formulations: { severity } }),
    });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('announces pull diagnostics', () => {
    assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, { identifier: 'tifa', interFileDependencies: true, workspaceDiagnostics: false });
  });

  const pull = async (uri: string) =>
    (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Parameters<typeof compact>[0] };

  it('honours tifa.formulations.severity = off', async () => {
    await client.open('file:///pull.md', '建设网络强国');
    const report = await pull('file:///pull.md');
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items, []);
  });

  it('asks the client to re-pull after a settings change, and uses the new severity', async () => {
    severity = 'hint';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.notifications.find((n) => n.method === 'workspace/diagnostic/refresh'), () => true, 'a diagnostic refresh request');
    const report = await pull('file:///pull.md');
    assert.deepEqual(compact(report.items), [[0, 2, 0, 6, MSG.superpower]]);
    assert.equal(report.items[0].severity, 4);
  });

  it('answers an InvalidParams error for a document it does not know', async () => {
    await assert.rejects(pull('file:///never-opened.md'), { code: -32602, message: 'Unknown document file:///never-opened.md: send textDocument/didOpen first.' });
  });
});
