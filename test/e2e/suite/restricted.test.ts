/**
 * Tifa in Restricted Mode (TIFA_E2E_MODE=restricted: workspace trust on, the folder untrusted):
 * the built-in glossary and the glossaries inside the folder work; a glossary outside it is refused.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, file, folder, waitFor } from './util';

describe('Tifa in Restricted Mode', () => {
  const outside = path.join(path.dirname(folder().fsPath), `outside-${process.pid}`);
  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is not trusted');
    const ext = vscode.extensions.getExtension('tifa.tifa');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    // A glossary beside the workspace, not in it: were it read, 数字中国 would be a formulation.
    fs.mkdirSync(outside, { recursive: true });
    // The folder's own settings name no glossary: VS Code does not apply a restricted setting from an untrusted folder.
    fs.mkdirSync(path.join(folder().fsPath, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder().fsPath, '.vscode', 'settings.json'), JSON.stringify({ 'tifa.glossary.files': ['nothing-here/*.yaml'] }));
    fs.writeFileSync(path.join(outside, 'evil.tifa.yaml'), 'version: 1\nconcepts:\n  - id: digital-china\n    zh: [数字中国]\n    en:\n      - { text: Digital China, status: preferred }\n');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('tifa').update('glossary.files', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('checks with the built-in glossary and the folder\'s own glossary', async () => {
    const note = file('note.en.md');
    await vscode.window.showTextDocument(note);
    assert.deepEqual(vscode.workspace.getConfiguration('tifa').inspect('glossary.files')?.workspaceValue, undefined, 'the folder\'s tifa.glossary.files is not applied');
    // The folder's house style deprecates "cyber power": its glossary is read in Restricted Mode
    // (by the default tifa.glossary.files: the folder's own setting, which would leave it out, is not taken).
    const [warning] = await waitFor(() => vscode.languages.getDiagnostics(note).filter((d) => codeOf(d) === 'deprecated-rendering'), (d) => d.length === 1, 'the house style\'s warning');
    assert.equal(warning.message, '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).');
    const digital = file('digital.md');
    await vscode.window.showTextDocument(digital);
    const ds = await waitFor(() => vscode.languages.getDiagnostics(digital).filter((d) => codeOf(d) === 'formulation'), (d) => d.length === 1, 'the built-in formulation');
    assert.equal(ds[0].message, '网络强国 — cyber superpower (Leading Group announcement, 2014)');
  });

  it('refuses a glossary outside the folder, whatever the settings say', async () => {
    // Two glossaries named by one user setting (workspace settings that name files are not applied
    // in Restricted Mode at all): one inside the folder (智慧社会), one outside it (数字中国).
    fs.mkdirSync(path.join(folder().fsPath, 'inside'), { recursive: true });
    fs.writeFileSync(path.join(folder().fsPath, 'inside', 'more.tifa.yaml'), 'version: 1\nconcepts:\n  - id: smart-society\n    zh: [智慧社会]\n    en:\n      - { text: smart society, status: preferred }\n');
    fs.writeFileSync(path.join(folder().fsPath, 'restricted.md'), '数字中国，智慧社会。\n');
    const rel = path.relative(folder().fsPath, outside).split(path.sep).join('/');
    await vscode.workspace.getConfiguration('tifa').update('glossary.files', ['inside/*.tifa.yaml', `${rel}/*.tifa.yaml`], vscode.ConfigurationTarget.Global);
    const uri = file('restricted.md');
    await vscode.window.showTextDocument(uri);
    // Both are read in the same reload: once 智慧社会 is marked, 数字中国 would be too had the outside one been read.
    const ds = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'formulation'), (d) => d.some((x) => x.message.startsWith('智慧社会')), 'the glossary inside the folder');
    assert.deepEqual(ds.map((d) => d.message), ['智慧社会 — smart society']);
  });
});
