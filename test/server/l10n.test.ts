import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { tifa } from '../helpers';
import { rangeOf, TestClient, withHouseStyle } from './lspClient';

/** A Chinese client (initialize's locale zh-cn) and a Chinese shell (LANG=zh_CN.UTF-8, or --lang zh). */
describe('Tifa in Chinese', function () {
  let root: string;
  before(() => {
    root = withHouseStyle(mkdtempSync(join(tmpdir(), 'tifa-zh-')));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the server: diagnostics, hover and code-action titles in Chinese for locale zh-cn', async () => {
    const client = new TestClient({ folders: [root], locale: 'zh-cn', capabilities: { textDocument: { publishDiagnostics: {} } } });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(root, 'draft.md')).href;
      const text = '\uFEFF建设網絡強國。\r\nA cyber power 𠀀.\r\n';
      await client.open(uri, text);
      const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'deprecated-rendering'));
      const deprecated = ds.find((d) => d.code === 'deprecated-rendering')!;
      assert.deepEqual([deprecated.range, deprecated.message], [rangeOf(text, 'cyber power'), '“cyber power”是网络强国不推荐的译法，宜用“cyber superpower”（DigiChina）。']);
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, '網絡強國').start })) as Hover;
      const value = (hover.contents as MarkupContent).value;
      assert.ok(value.startsWith('**网络强国** · *wǎngluò qiángguó*\n\n首选: **cyber superpower** (DigiChina; 来源: DigiChina'), value);
      assert.ok(value.includes('\n\n**出处**\n\n') && !value.includes('Preferred') && !value.includes('Provenance'), value);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: deprecated.range, context: { diagnostics: [deprecated] } })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), ['替换为“cyber superpower”（首选，DigiChina）', '替换为“cyber great power”（可用）', '忽略此处', '将“cyber power”作为可用译法加入工作区词表']);
    } finally {
      await client.shutdown();
    }
  });

  it('the server in traditional characters for locale zh-tw', async () => {
    const client = new TestClient({ folders: [root], locale: 'zh-tw', capabilities: { textDocument: { publishDiagnostics: {} } } });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(root, 'tw.md')).href;
      await client.open(uri, 'A cyber power.\n');
      const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'deprecated-rendering'));
      assert.equal(ds.find((d) => d.code === 'deprecated-rendering')!.message, '“cyber power”是网络强国不推薦的譯法，宜用“cyber superpower”（DigiChina）。');
    } finally {
      await client.shutdown();
    }
  });

  it('the CLI: --lang zh, or the environment\'s locale', () => {
    const expected = 'draft.md:2:3 warning deprecated-rendering “cyber power”是网络强国不推荐的译法，宜用“cyber superpower”（DigiChina）。';
    writeFileSync(join(root, 'draft.md'), '建设网络强国。\nA cyber power.\n');
    for (const r of [tifa(['lint', 'draft.md', '--lang', 'zh'], root), tifa(['lint', 'draft.md'], root, { LANG: 'zh_CN.UTF-8' })]) {
      assert.equal(r.stdout.trimEnd().split('\n').find((l) => l.includes('deprecated-rendering')), expected);
    }
    // --lang en wins over a Chinese environment.
    assert.match(tifa(['lint', 'draft.md', '--lang', 'en'], root, { LANG: 'zh_CN.UTF-8' }).stdout, /“cyber power” is a deprecated rendering of 网络强国/);
    assert.equal(tifa(['lint', 'draft.md', '--lang', 'fr'], root).stderr.split('\n')[0], 'tifa: --lang must be en or zh, not "fr"');
  });
});
