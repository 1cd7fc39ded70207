/**
 * Typing in a large document, over real JSON-RPC with a client that pulls diagnostics as VS Code
 * does: hovers are answered while the document changes, diagnostics once the typing pauses (or
 * the request is cancelled), and what they report is exact after many edits.
 */
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './lspClient';

const MSG = '网络强国 — cyber superpower (Leading Group announcement, 2014)';

describe('language server: typing in a large document (pull diagnostics)', function () {
  let client: TestClient;
  const uri = 'file:///typing/large.zh.txt';
  // 300,000 units: over the size from which diagnostics wait for a pause. CRLF, a BOM, traditional
  // characters, full-width punctuation and a surrogate pair on every line.
  const line = '發展數字經濟，推動𠀋高質量發展。\r\n';
  let doc = TextDocument.create(uri, 'plaintext', 1, '\uFEFF' + line.repeat(Math.ceil(300_000 / line.length)));

  before(async function () {
    client = new TestClient({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true } },
      settings: () => ({ formulations: { severity: 'hint' } }),
    });
    await client.initialize();
    await client.open(uri, doc.getText(), 'plaintext');
  });
  after(() => client.shutdown());

  const edit = async (line: number, character: number, text: string) => {
    const change = { range: { start: { line, character }, end: { line, character } }, text };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
  };
  type Report = { items: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }> };
  const pull = (source?: CancellationTokenSource) =>
    (source ? client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token) : client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as Promise<Report>;

  it('answers a hover before the diagnostics of a document still being typed in, and the diagnostics are exact', async () => {
    const order: string[] = [];
    await edit(5000, 7, '网络强');
    await edit(5000, 10, '国');
    const diagnostics = pull().then((r) => (order.push('diagnostics'), r));
    const hover = (client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5000, character: 8 } }) as Promise<{ contents: { value: string }; range: unknown }>).then((r) => (order.push('hover'), r));
    const [h, d] = await Promise.all([hover, diagnostics]);
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.deepEqual(h.range, { start: { line: 5000, character: 7 }, end: { line: 5000, character: 11 } });
    assert.match(h.contents.value, /cyber superpower/);
    assert.deepEqual(d.items.map((i) => [i.range.start.line, i.range.start.character, i.range.end.line, i.range.end.character, i.message]), [[5000, 7, 5000, 11, MSG]]);
  });

  it('answers ServerCancelled to a diagnostics request the client gives up while the typing goes on', async () => {
    const source = new CancellationTokenSource();
    const pending = pull(source);
    await edit(6000, 0, '网络强国');
    source.cancel();
    await assert.rejects(pending, { code: -32802, message: 'The document changed: ask again.' });
    const d = await pull();
    assert.deepEqual(d.items.map((i) => [i.range.start.line, i.range.start.character, i.range.end.line, i.range.end.character]), [[5000, 7, 5000, 11], [6000, 0, 6000, 4]]);
  });

  it('reports exactly what a fresh server reports after 200 edits across the document', async () => {
    for (let i = 0; i < 200; i++) {
      const at = doc.positionAt((i * 7919) % doc.getText().length);
      await edit(at.line, at.character, i % 3 === 0 ? '网络强国\r\n\r\n' : i % 3 === 1 ? '，' : '國');
    }
    const d = await pull();
    const fresh = new TestClient({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, settings: () => ({ formulations: { severity: 'hint' } }) });
    try {
      await fresh.initialize();
      await fresh.open(uri, doc.getText(), 'plaintext');
      const expected = (await fresh.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
      assert.equal(expected.items.length, 2 + 67); // the two before and one every third edit
      assert.deepEqual(d.items, expected.items);
    } finally {
      await fresh.shutdown();
    }
  });
});
