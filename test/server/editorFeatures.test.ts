import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, DocumentSymbol, InlayHint, Location } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf as at, TestClient, withHouseStyle } from './lspClient';


describe('editor features over JSON-RPC', function () {
  let dir: string;
  let client: TestClient;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  // Lines that start with Chinese text, a surrogate pair before a formulation, CRLF.
  const ZH = '网络强国要靠核心技术。\r\n𠀀网络强国\r\n核心技术是国之重器。\r\n';
  const EN = 'A cyber superpower needs core technologies.\n';

  before(async () => {
    dir = withHouseStyle(mkdtempSync(join(tmpdir(), 'tifa-features-')));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'speech.zh.txt'), ZH);
    writeFileSync(join(dir, 'drafts', 'note.en.md'), EN);
    writeFileSync(join(dir, 'drafts', 'other.md'), '# Other\n\n网络\n强国 again.\n');
    client = new TestClient({ folders: [dir], capabilities: { workspace: { configuration: true } }, settings: () => ({}) });
    const init = await client.initialize();
    assert.equal(init.capabilities.inlayHintProvider, true);
    assert.equal(init.capabilities.referencesProvider, true);
    await client.until(() => client.notifications.find((n) => n.method === 'tifa/status'), () => true, 'status');
    await client.open(uri('drafts/speech.zh.txt'), ZH, 'plaintext');
    await client.open(uri('drafts/note.en.md'), EN, 'markdown');
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes a Chinese formulation from its first characters, replacing exactly what was typed', async () => {
    const typing = '我们要建设网络';
    await client.open(uri('typing.md'), typing, 'markdown');
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('typing.md') }, position: { line: 0, character: typing.length } })) as CompletionItem[];
    assert.deepEqual(items.slice(0, 4).map((i) => [i.label, i.detail]), [
      ['网络强国', 'cyber superpower — Leading Group announcement, 2014'],
      ['网络安全', 'cybersecurity — Leading Group announcement, 2014'],
      ['网络空间', 'cyberspace — Wuzhen speech, 2015'],
      ['网络安全观', 'cybersecurity view — 4.20 speech, 2018'],
    ]);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: '网络强国' });
    const applied = TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, typing), [items[0].textEdit as { range: never; newText: string }]);
    assert.equal(applied, '我们要建设网络强国');
  });

  it('completes an English rendering from its first words', async () => {
    const typing = 'They want a Cyber sup';
    await client.open(uri('typing.en.md'), typing, 'markdown');
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('typing.en.md') }, position: { line: 0, character: typing.length } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => [i.label, i.textEdit]), [['cyber superpower', { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 21 } }, newText: 'cyber superpower' }]]);
    assert.equal(items[0].detail, '网络强国 — Leading Group announcement, 2014');
  });

  it('shows the preferred rendering after each Chinese formulation (inlay hints)', async () => {
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: uri('drafts/speech.zh.txt') },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(hints.map((h) => [h.position, h.label, h.tooltip]), [
      [at(ZH, '网络强国').end, 'cyber superpower', 'Leading Group announcement, 2014'],
      [at(ZH, '核心技术').end, 'core technology', '4.19 speech, 2016'],
      [at(ZH, '网络强国', 1).end, 'cyber superpower', 'Leading Group announcement, 2014'],
      [at(ZH, '核心技术是国之重器').end, 'core technologies are important instruments of the state', '4.20 speech, 2018'],
    ]);
    // None for English text: it already says it in English.
    assert.deepEqual(await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: uri('drafts/note.en.md') }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }), []);
  });

  it('lists the formulations in the outline, grouped by concept with counts', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('drafts/speech.zh.txt') } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.selectionRange, s.children?.map((c) => c.range)]),
      [
        ['网络强国 (2)', 'cyber superpower', at(ZH, '网络强国'), [at(ZH, '网络强国'), at(ZH, '网络强国', 1)]],
        ['核心技术 (1)', 'core technology', at(ZH, '核心技术'), [at(ZH, '核心技术')]],
        ['核心技术是国之重器 (1)', 'core technologies are important instruments of the state', at(ZH, '核心技术是国之重器'), [at(ZH, '核心技术是国之重器')]],
      ],
    );
    assert.deepEqual(symbols[0].range, { start: at(ZH, '网络强国').start, end: at(ZH, '网络强国', 1).end });
  });

  it('finds every occurrence across the workspace, in Chinese and English, open or not', async () => {
    const locations = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('drafts/note.en.md') },
      position: at(EN, 'cyber superpower').start,
      context: { includeDeclaration: true },
    })) as Location[];
    const other = '# Other\n\n网络\n强国 again.\n';
    const key = (l: Location) => `${l.uri.slice(pathToFileURL(dir).href.length)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
    assert.deepEqual(locations.map(key).sort(), [
      { uri: uri('drafts/note.en.md'), range: at(EN, 'cyber superpower') },
      { uri: uri('drafts/other.md'), range: at(other, '网络\n强国') },
      { uri: uri('drafts/speech.zh.txt'), range: at(ZH, '网络强国') },
      { uri: uri('drafts/speech.zh.txt'), range: at(ZH, '网络强国', 1) },
      { uri: uri('typing.md'), range: at('我们要建设网络强国', '网络强国') },
    ].map(key).sort().filter((k) => !k.startsWith('/typing.md')));
  });
});
