/**
 * Tifa in a real VS Code, through the VS Code API only: activation, diagnostics with exact
 * ranges, hover, settings and commands. Waits are events or polls with a deadline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { codeOf, file, folder, waitFor } from './util';

/** Tifa's formulation diagnostics (rendering warnings are checked separately). */
const tifaDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tifa' && codeOf(d) === 'formulation');
const warningsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tifa' && codeOf(d) === 'deprecated-rendering');
const compact = (ds: vscode.Diagnostic[]) =>
  ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

const SUPERPOWER = '网络强国 — cyber superpower (Leading Group announcement, 2014)';
const CORE = '核心技术 — core technology (4.19 speech, 2016)';
const INNOVATION = '自主创新 — indigenous innovation (4.20 speech, 2018)';

/** Offset → [line, character], counted independently of Tifa. */
function position(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length - 1, before[before.length - 1].length];
}
/** The expected diagnostic for the nth occurrence of needle (which may span lines). */
function span(text: string, needle: string, nth: number, message: string) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${JSON.stringify(needle)} #${nth} in the fixture`);
  return [...position(text, i), ...position(text, i + needle.length), message] as const;
}

let EXPECTED_ZH: ReadonlyArray<readonly [number, number, number, number, string]> = [];

describe('Tifa in VS Code', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension('tifa.tifa');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('tifa').update('formulations.severity', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('marks every formulation with exact ranges, on lines that start with Chinese text', async () => {
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const t = doc.getText();
    EXPECTED_ZH = [
      span(t, '网络强国', 0, SUPERPOWER), // line 2 starts with it
      span(t, '核心技术', 0, CORE),
      span(t, '网络\n强国', 0, SUPERPOWER), // wrapped: ends on the next line
      span(t, '自主创新', 0, INNOVATION),
      span(t, '網路強國', 0, SUPERPOWER), // Taiwan form, line 4 starts with it
    ];
    assert.deepEqual([EXPECTED_ZH[0][1], EXPECTED_ZH[4][1]], [0, 0]); // both start their line
    const ds = await waitFor(() => tifaDiagnostics(doc.uri), (d) => d.length === EXPECTED_ZH.length, 'diagnostics in draft.zh.md');
    assert.deepEqual(compact(ds), EXPECTED_ZH);
    for (const d of ds) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(codeOf(d), 'formulation');
      assert.equal(typeof d.code === 'object' && d.code.target.fragment, 'formulation'); // links to the README's section
    }
  });

  it('marks English renderings, deprecated ones included', async () => {
    const doc = await vscode.workspace.openTextDocument(file('note.en.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitFor(() => tifaDiagnostics(doc.uri), (d) => d.length === 2, 'diagnostics in note.en.md');
    const t = doc.getText();
    assert.deepEqual(compact(ds), [span(t, 'cyber superpower', 0, SUPERPOWER), span(t, 'cyber power', 0, SUPERPOWER)]);
  });

  it('shows rendering and provenance on hover', async () => {
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    const t = doc.getText();
    const [line, character] = position(t, t.indexOf('网络\n强国') + 3); // the second half of the wrapped 网络\n强国
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.ok(text.includes('**网络强国** · *wǎngluò qiángguó*'), text);
    assert.ok(text.includes('Preferred 首选: **cyber superpower** (DigiChina; source 来源: DigiChina, '), text);
    assert.ok(text.includes('- **4.20 speech** · 2018-04-20'), text);
    assert.ok(text.includes('「把我国建设成为网络强国」'), text);
  });

  it('follows tifa.formulations.severity: off removes the marks, warning brings them back', async () => {
    const uri = file('draft.zh.md');
    await vscode.window.showTextDocument(uri, { preview: false });
    const config = vscode.workspace.getConfiguration('tifa');
    await config.update('formulations.severity', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => tifaDiagnostics(uri), (d) => d.length === 0, 'no diagnostics with severity off');
    await config.update('formulations.severity', 'warning', vscode.ConfigurationTarget.Workspace);
    const ds = await waitFor(() => tifaDiagnostics(uri), (d) => d.length === EXPECTED_ZH.length && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning), 'warnings');
    assert.deepEqual(compact(ds), EXPECTED_ZH);
  });

  it('follows edits: a formulation typed in is marked', async () => {
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.edit((e) => e.insert(new vscode.Position(5, 0), '正确的网络安全观\n'));
    const ds = await waitFor(() => tifaDiagnostics(doc.uri), (d) => d.some((x) => x.range.start.line === 5), 'a diagnostic on the new line');
    assert.deepEqual(compact(ds.filter((d) => d.range.start.line === 5)), [[5, 0, 5, 8, '正确的网络安全观 — correct cybersecurity view (4.20 speech, 2018)']]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers the preferred rendering as a quick fix, and applying it removes the warning', async () => {
    const doc = await vscode.workspace.openTextDocument(file('note.en.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const warning = (await waitFor(() => warningsOf(doc.uri), (d) => d.length === 1, 'the deprecated-rendering warning'))[0];
    assert.equal(warning.message, '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Replace') || t.startsWith('Ignore') || t.startsWith('Add')), [
      'Replace with “cyber superpower” (preferred, DigiChina) 替换为首选译法',
      'Replace with “cyber great power” (admitted) 替换为可用译法', // the house style admits it
      'Ignore this occurrence 忽略此处',
      'Add “cyber power” to the workspace glossary as admitted 将此译法加入工作区词表',
    ]);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(doc.lineAt(warning.range.start.line).text.slice(warning.range.start.character, warning.range.start.character + 16), 'cyber superpower');
    await waitFor(() => warningsOf(doc.uri), (d) => d.length === 0, 'the warning to disappear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('takes a workspace glossary edit into account without a restart', async () => {
    const doc = await vscode.workspace.openTextDocument(file('digital.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const initially = await waitFor(() => tifaDiagnostics(doc.uri), (d) => d.length === 1, 'the built-in formulation only');
    assert.deepEqual(compact(initially).map((d) => d[4]), [SUPERPOWER]);
    const glossary = vscode.Uri.joinPath(folder(), '.tifa', 'glossary.yaml');
    const yaml = 'version: 1\nconcepts:\n  - id: digital-china\n    zh: [数字中国]\n    en:\n      - { text: Digital China, status: preferred, authority: Our team }\n';
    await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(yaml));
    const ds = await waitFor(() => tifaDiagnostics(doc.uri), (d) => d.length === 2, 'the workspace formulation');
    const t = doc.getText();
    assert.deepEqual(compact(ds), [span(t, '数字中国', 0, '数字中国 — Digital China'), span(t, '网络强国', 0, SUPERPOWER)]);
  });

  it('adds a rendering to the open workspace glossary, unsaved edits and all', async () => {
    const glossaryUri = vscode.Uri.joinPath(folder(), '.tifa', 'glossary.yaml');
    const glossary = await vscode.workspace.openTextDocument(glossaryUri);
    const editor = await vscode.window.showTextDocument(glossary, { preview: false });
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# unsaved: our team, 2026\n'));
    assert.ok(glossary.isDirty);
    const doc = await vscode.workspace.openTextDocument(file('note.en.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const warning = (await waitFor(() => warningsOf(doc.uri), (d) => d.length === 1, 'the deprecated-rendering warning'))[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title.startsWith('Add “cyber power”'))!;
    assert.equal(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
    // The edit landed in the open document, after its unsaved line, quoted.
    assert.ok(glossary.getText().startsWith('# unsaved: our team, 2026\nversion: 1\n'), glossary.getText());
    assert.ok(glossary.getText().endsWith('  - id: "cyber-superpower"\n    en:\n      - { text: "cyber power", status: admitted }\n'), glossary.getText());
    await vscode.window.showTextDocument(glossary);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('completes, hints and outlines formulations through the VS Code API', async () => {
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    const t = doc.getText();
    const [line, character] = position(t, t.indexOf('核心技术') + 2); // after 核心
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(labels.filter((l) => l.startsWith('核心')).slice(0, 2), ['核心技术', '核心技术是国之重器']);

    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const first = span(t, '网络强国', 0, '');
    assert.deepEqual(
      hints.slice(0, 2).map((h) => [h.position.line, h.position.character, typeof h.label === 'string' ? h.label : '']),
      [[first[2], first[3], 'cyber superpower'], [...position(t, t.indexOf('核心技术') + 4), 'core technology']],
    );

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    // VS Code merges in the Markdown extension's headings: keep Tifa's ("name (count)").
    assert.deepEqual(symbols.map((s) => s.name).filter((n) => / \(\d+\)$/.test(n)), ['网络强国 (3)', '核心技术 (1)', '自主创新 (1)']);
  });

  it('runs the palette commands: Show Formulations in This File, Reload Glossaries', async () => {
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'untitled') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand('tifa.showFormulations');
    const summary = (await opened).getText();
    assert.ok(summary.startsWith('# Formulations 提法\n\n5 occurrences of 3 formulations.'), summary);
    assert.ok(summary.includes('| 网络强国 | cyber superpower | 3 | 3, 5 | Leading Group announcement, 2014 |'), summary);
    assert.equal(await vscode.commands.executeCommand('tifa.reloadGlossaries'), true);
  });

  it('the Formulations view: in this file, in the record, candidates; a click opens the attestation', async () => {
    const api = vscode.extensions.getExtension('tifa.tifa')!.exports as { formulations: vscode.TreeDataProvider<unknown> & { refresh(): void } };
    const doc = await vscode.workspace.openTextDocument(file('draft.zh.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const label = (n: unknown) => {
      const item = api.formulations.getTreeItem(n) as vscode.TreeItem;
      return `${typeof item.label === 'string' ? item.label : item.label?.label} (${item.description})`;
    };
    // The record is analysed in the background: poll the view, with a deadline, until the candidates are in.
    const read = async () => {
      api.formulations.refresh();
      const roots = (await api.formulations.getChildren()) ?? [];
      return { roots, kids: await Promise.all(roots.map(async (r) => (await api.formulations.getChildren(r)) ?? [])) };
    };
    const deadline = Date.now() + 60000;
    let sections = await read();
    while (Date.now() < deadline && !(sections.kids[2]?.length && !label(sections.kids[2][0]).startsWith('Reading the record'))) {
      await new Promise((r) => setTimeout(r, 250));
      sections = await read();
    }
    assert.deepEqual(sections.roots.map(label).map((l) => l.replace(/\(\d+\)$/, '(n)')), ['In this file (n)', 'In the record (n)', 'Candidates not in the glossary (n)']);
    assert.deepEqual(sections.kids[0].map(label).slice(0, 3), ['网络强国 (3)', '核心技术 (1)', '自主创新 (1)']);
    assert.equal(label(sections.kids[2][0]), '一国两制 (106 in 42 documents · since 1985)');
    // Its first attestation opens the record document, read-only, with the phrase selected.
    const item = api.formulations.getTreeItem(sections.kids[2][0]) as vscode.TreeItem;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor, (e) => e?.document.uri.scheme === 'tifa-record', 'the record document');
    assert.equal(editor!.document.getText(editor!.selection), '一国两制');
    assert.equal(editor!.document.uri.path, '/gwr1985');
  });

  it('Show Formulation Timeline opens the chart for the formulations asked for', async () => {
    const api = vscode.extensions.getExtension('tifa.tifa')!.exports as { lastTimeline(): { series: Array<{ zh: string; points: Array<{ date: string | null; count: number }> }>; svg: string } | undefined };
    await vscode.commands.executeCommand('tifa.showTimeline', '新发展理念', ['碳达峰']);
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('Timeline')), (t) => !!t, 'the timeline tab');
    assert.equal(tab!.label, 'Timeline: 新发展理念, 碳达峰');
    const shown = api.lastTimeline()!;
    assert.deepEqual(shown.series.map((s) => [s.zh, s.points.filter((p) => p.count > 0).map((p) => p.date!.slice(0, 4))[0]]), [['新发展理念', '2016'], ['碳达峰', '2021']]);
    assert.match(shown.svg, /^<svg /);
  });

  it('Compare Formulations of Two Documents lists what was added and dropped', async () => {
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'untitled') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand('tifa.compareFormulations', file('reports/2019-03-05_政府工作报告摘录.txt'), file('reports/2021-03-05_政府工作报告摘录.txt'));
    const text = (await opened).getText();
    assert.ok(text.startsWith('## Formulations: reports/2019-03-05_政府工作报告摘录.txt → reports/2021-03-05_政府工作报告摘录.txt\n'), text);
    for (const zh of ['新发展格局', '碳达峰', '碳中和']) assert.ok(text.includes(`| added 新增 | ${zh} | 0 | 1 |`), `${zh} added: ${text}`);
    assert.ok(text.includes('| dropped 删除 | 一带一路 | 1 | 0 |'), text);
  });

  it('restarts the server with "Tifa: Restart Language Server" and marks again', async () => {
    const uri = file('draft.zh.md');
    await vscode.commands.executeCommand('tifa.restartServer');
    await waitFor(() => tifaDiagnostics(uri), (d) => d.length === EXPECTED_ZH.length, 'diagnostics after a restart');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tifa.showOutput'));
  });
  it('translation memories: the hover section, memory-inconsistent and its fix, Suggest Glossary Entries from Translations', async () => {
    const doc = await vscode.workspace.openTextDocument(file('memory/one.zh-en.xlf'));
    await vscode.window.showTextDocument(doc);
    // An XLIFF file stays XML (VS Code's language for it), and Tifa checks it all the same.
    assert.equal(doc.languageId, 'xml');
    const memoryFindings = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'tifa' && codeOf(d) === 'memory-inconsistent');
    const [flagged] = await waitFor(memoryFindings, (ds) => ds.length === 1, 'memory-inconsistent', 90000);
    assert.deepEqual([flagged.range.start.line, flagged.range.start.character, flagged.range.end.line, flagged.range.end.character, flagged.severity, flagged.message],
      [6, 34, 6, 45, vscode.DiagnosticSeverity.Information, '网络强国 is rendered “cyber power” here, but your translations render it “cyber superpower” in 5 of 8 units. 与译文记忆的多数译法不一致。']);
    assert.deepEqual(flagged.relatedInformation?.map((r) => [vscode.workspace.asRelativePath(r.location.uri), r.location.range.start.line, r.message]),
      [['memory/team.tmx', 6, '“cyber superpower” here'], ['memory/team.tmx', 10, '“cyber superpower” here'], ['memory/team.tmx', 14, '“cyber superpower” here']]);

    const text = doc.getText();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf('网络强国') + 1));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(markdown.includes('**In your translations 译文** · 8 units\n\n- **cyber superpower** ×5 (glossary, preferred) · [memory/team.tmx:7]('), markdown);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, flagged.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Replace with “cyber superpower”, the rendering most of your translations use 替换为译文记忆的多数译法');
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(6).text.trim(), '<target>Strive to build a cyber superpower!</target>');
    await waitFor(memoryFindings, (ds) => ds.length === 0, 'no memory-inconsistent once fixed', 30000);

    const written = await vscode.commands.executeCommand<number>('tifa.suggestGlossaryEntries', { accept: ['自主创新 → independent innovation'] });
    assert.equal(written, 1);
    // The glossary is open in an editor (an earlier test): the addition is in its text, saved or not.
    const glossary = (await vscode.workspace.openTextDocument(file('.tifa/glossary.yaml'))).getText();
    assert.ok(glossary.includes('{ text: "independent innovation", status: admitted, authority: "translation memory", source: "memory/team.tmx" }'), glossary);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the walkthrough\'s sample: a variant rendering with its fix, in an untitled draft', async () => {
    await vscode.commands.executeCommand('tifa.openSample');
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.scheme, 'untitled');
    const variants = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'tifa' && codeOf(d) === 'variant-rendering');
    const [variant] = await waitFor(variants, (ds) => ds.length === 1, 'the sample\'s variant rendering');
    assert.equal(doc.getText(variant.range), 'important instrument of state');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, variant.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await waitFor(variants, (ds) => ds.length === 0, 'the variant fixed');
    assert.ok(doc.getText().includes('"important instruments of the state" (国之重器)'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('.tifa/config.yaml sets a level; a VS Code setting overrides it, a default does not', async () => {
    const uri = file('note.en.md');
    await vscode.window.showTextDocument(uri, { preview: false });
    const level = async (severity: vscode.DiagnosticSeverity, what: string) => waitFor(() => warningsOf(uri), (d) => d.length === 1 && d[0].severity === severity, what);
    await level(vscode.DiagnosticSeverity.Warning, 'the default level first');
    const config = vscode.Uri.joinPath(folder(), '.tifa', 'config.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('# 项目设置\nrules:\n  deprecated-rendering: error\n'));
    await level(vscode.DiagnosticSeverity.Error, 'error, from the config');
    await vscode.workspace.getConfiguration('tifa').update('rules.deprecated-rendering', 'hint', vscode.ConfigurationTarget.Workspace);
    await level(vscode.DiagnosticSeverity.Hint, 'hint, from the workspace setting');
    await vscode.workspace.getConfiguration('tifa').update('rules.deprecated-rendering', undefined, vscode.ConfigurationTarget.Workspace);
    await level(vscode.DiagnosticSeverity.Error, 'error again once the setting is removed');
    await vscode.workspace.fs.delete(config);
    await level(vscode.DiagnosticSeverity.Warning, 'the default once the config is gone');
  });
});
