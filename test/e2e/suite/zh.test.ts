/**
 * Tifa in a Chinese VS Code (TIFA_E2E_MODE=zh: VS Code's locale zh-cn): messages and hovers in Chinese.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, file, waitFor } from './util';

describe('Tifa in a Chinese VS Code (zh-cn)', () => {
  before(async () => {
    assert.equal(vscode.env.language, 'zh-cn');
    const ext = vscode.extensions.getExtension('tifa.tifa');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
  });

  it('reads a Chinese message and a Chinese hover', async () => {
    const note = file('note.en.md');
    const doc = await vscode.workspace.openTextDocument(note);
    await vscode.window.showTextDocument(doc);
    const [warning] = await waitFor(() => vscode.languages.getDiagnostics(note).filter((d) => codeOf(d) === 'deprecated-rendering'), (d) => d.length === 1, 'the deprecated rendering');
    assert.equal(warning.message, '“cyber power”是网络强国不推荐的译法，宜用“cyber superpower”（DigiChina）。');
    const zh = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', zh.uri, zh.positionAt(zh.getText().indexOf('网络强国') + 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('首选: **cyber superpower** (DigiChina; 来源: DigiChina, '), text);
    assert.ok(text.includes('**出处**') && !text.includes('Preferred'), text);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', note, warning.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === '替换为“cyber superpower”（首选，DigiChina）'), JSON.stringify(actions.map((a) => a.title)));
  });
});
