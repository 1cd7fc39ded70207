import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

describe('robustness over JSON-RPC', function () {
  this.timeout(120000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ capabilities: { workspace: { configuration: true } }, settings: () => ({}) });
    await client.initialize();
  });
  after(() => client.shutdown());

  const hover = (uri: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;

  it('answers InvalidParams for unknown documents and positions past the end, and keeps serving', async () => {
    await assert.rejects(hover('file:///nowhere.md', 0, 0), { code: -32602, message: 'Unknown document file:///nowhere.md: send textDocument/didOpen first.' });
    await client.open('file:///short.md', '网络强国\n');
    await assert.rejects(hover('file:///short.md', 5, 0), { code: -32602, message: 'Position {"line":5,"character":0} is outside the document (2 lines).' });
    await assert.rejects(hover('file:///short.md', 0, 9), { code: -32602 });
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///short.md' } }), { code: -32602 });
    assert.ok(((await hover('file:///short.md', 0, 1))!.contents as MarkupContent).value.startsWith('**网络强国**'));
  });

  it('does not check a document over tifa.maxFileSize, says so once, and answers hovers elsewhere meanwhile', async () => {
    // 50 MB (UTF-8) of real-looking Chinese text, and a single line of 500,000 characters.
    const line = '我们要加快建设网络强国，推进核心技术自主创新。'.repeat(Math.ceil(500000 / 23)).slice(0, 500000);
    const big = (line + '\n').repeat(Math.ceil((50 * 1048576) / (line.length * 3 + 1)));
    assert.ok(Buffer.byteLength(big) >= 50 * 1048576);
    await client.open('file:///small.md', '核心技术\n');
    const t0 = Date.now();
    await client.open('file:///huge.txt', big, 'plaintext');
    // Meanwhile, another document's hover is answered.
    const h = await hover('file:///small.md', 0, 1);
    const hoverMs = Date.now() - t0;
    assert.ok((h!.contents as MarkupContent).value.startsWith('**核心技术**'));
    const ds = await client.diagnostics('file:///huge.txt', (d) => d.length > 0, 60000);
    const diagMs = Date.now() - t0;
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.range.start, d.message]), [
      ['document-notice', 3, { line: 0, character: 0 }, `This file is ${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB, more than the 10.0 MB of the setting tifa.maxFileSize, so Tifa does not check it. 文件过大，未检查。`],
    ]);
    const status = await client.until(() => client.notifications.filter((n) => n.method === 'tifa/status').at(-1)?.params as { tooLarge: string[] } | undefined, (s) => s.tooLarge.length === 1, 'a status naming the large file');
    assert.deepEqual(status.tooLarge, ['file:///huge.txt']);
    console.log(`      (50 MB document: a hover on another document answered ${hoverMs} ms after the open was sent; its notice published after ${diagMs} ms)`);

    // The single 500,000-character line, under the limit, is checked.
    const t1 = Date.now();
    await client.open('file:///line.txt', line, 'plaintext');
    const lineDiagnostics = await client.diagnostics('file:///line.txt', (d) => d.length > 0, 60000);
    const h2 = await hover('file:///line.txt', 0, line.indexOf('网络强国') + 1);
    console.log(`      (500,000-character line: ${lineDiagnostics.length} diagnostics in ${Date.now() - t1} ms)`);
    // 65,217 findings, capped: 999 of them and a notice with the count (case 7 of the hardening issue).
    const total = line.split('网络强国').length - 1 + line.split('核心技术').length - 1 + line.split('自主创新').length - 1;
    assert.equal(lineDiagnostics.length, 1000);
    assert.deepEqual([lineDiagnostics[0].code, lineDiagnostics[0].range], ['document-notice', { start: { line: 0, character: 0 }, end: { line: 0, character: 200 } }]);
    assert.equal(lineDiagnostics[0].message, `Tifa shows 999 of the ${total.toLocaleString('en')} findings in this file (errors and warnings first); ${(total - 999).toLocaleString('en')} more are not shown. Run \`tifa lint <file>\` to list them all. 问题过多，仅显示部分。`);
    assert.deepEqual(lineDiagnostics.slice(1, 4).map((d) => [d.range.start.character, d.range.end.character]), ['网络强国', '核心技术', '自主创新'].map((w) => [line.indexOf(w), line.indexOf(w) + 4]));
    assert.ok((h2!.contents as MarkupContent).value.startsWith('**网络强国**'));

    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///huge.txt' } });
    await client.until(() => client.notifications.filter((n) => n.method === 'tifa/status').at(-1)?.params as { tooLarge: string[] } | undefined, (s) => s.tooLarge.length === 0, 'the status to drop the closed file');
  });

  it('keeps the notice of a document over the limit up to date as it is edited, without measuring it at each keystroke', async () => {
    // 3.6 million characters of Chinese (10.8 MB), after a first line of two.
    const uri = 'file:///edited-huge.txt';
    const body = '我们要加快建设网络强国。\n'.repeat(300000);
    await client.open(uri, `标题\n${body}`, 'plaintext');
    const first = await client.diagnostics(uri, (d) => d.length > 0, 60000);
    assert.deepEqual(first.map((d) => [d.code, d.range.end]), [['document-notice', { line: 0, character: 2 }]]);
    // Typing in the first line: the notice follows it, and the document stays unchecked.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: '（草稿）' }] });
    const typed = await client.diagnostics(uri, (_, p) => p.version === 2, 60000);
    assert.deepEqual(typed.map((d) => [d.code, d.range.end]), [['document-notice', { line: 0, character: 6 }]]);
    // Deleting two thirds of it: measured again, under the limit, and checked.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 200001, character: 0 } }, text: '' }] });
    const checked = await client.diagnostics(uri, (_, p) => p.version === 3, 60000);
    // (100,000 formulations: 999 shown and the notice that says so, no longer the size notice.)
    assert.deepEqual(checked.filter((d) => d.code === 'document-notice').map((d) => String(d.message).slice(0, 31)), ['Tifa shows 999 of the 100,000 f']);
    assert.equal(checked.filter((d) => d.code === 'formulation').length, 999);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.until(() => client.notifications.filter((n) => n.method === 'tifa/status').at(-1)?.params as { tooLarge: string[] } | undefined, (s) => s.tooLarge.length === 0, 'the status to drop the closed file');
  });
});
