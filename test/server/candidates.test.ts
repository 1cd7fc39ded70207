import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { loadGlossaryYaml } from '../../server/src/core';
import { TestClient } from './lspClient';

// The record is analysed in the background after start (discovery, then attestations): the first
// test waits for its candidates with a deadline; the others use them.
describe('candidates from the record in a draft (server)', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let candidates: Diagnostic[];
  const text = '\uFEFF加快构建新发展格局，扎实推进“一带一路”。\r\n坚持“一国两制”。\r\n';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-candidates-'));
    client = new TestClient({ folders: [dir], capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } } });
    await client.initialize();
    uri = pathToFileURL(join(dir, 'draft.zh.txt')).href;
    await client.open(uri, text, 'plaintext');
    const all = await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'candidate-formulation'), 60000);
    candidates = all.filter((d) => d.code === 'candidate-formulation');
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hints each candidate the glossary lacks, with what the record says (BOM, CRLF, full-width quotes)', () => {
    assert.deepEqual(candidates.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]), [
      [0, 5, 10, 4, '新发展格局 is not in the glossary; the record has it 19 times in 6 documents, first in 2021 (2021年中华人民共和国国务院政府工作报告). 候选提法，未收入词表。'],
      [0, 16, 20, 4, '一带一路 is not in the glossary; the record has it 47 times in 12 documents, first in 2015 (2015年中华人民共和国国务院政府工作报告). 候选提法，未收入词表。'],
      [1, 3, 7, 4, '一国两制 is not in the glossary; the record has it 106 times in 42 documents, first in 1985 (1985年中华人民共和国国务院政府工作报告). 候选提法，未收入词表。'],
    ]);
  });

  it('the hover says it is not in the glossary, why it is a candidate, and gives its first attestation', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.startsWith('**一国两制**: a candidate formulation, not in the glossary 候选提法（未收入词表）. Found in the record as quoted in 38 documents; a numbered formulation.'), value);
    assert.ok(value.includes('- First 最早: **1985** · 1985年中华人民共和国国务院政府工作报告\n  - 「“**一国两制**”的构思和香港问题的圆满解决，对台湾回归祖国的统一大业也必将产生重大的推动作用。」'), value);
    assert.deepEqual(hover.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 7 } });
  });

  it('“Add to glossary” writes the Chinese form and its earliest attestations to .tifa/glossary.yaml, and the hint goes', async () => {
    const d = candidates[0];
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [
      ['Add “新发展格局” to the workspace glossary, with its first attestations 将此提法加入工作区词表', 'tifa.addCandidateToGlossary', [{ uri, zh: '新发展格局' }]],
    ]);
    const applied = await client.connection.sendRequest('workspace/executeCommand', actions[0].command);
    assert.equal(applied, true);
    const written = readFileSync(join(dir, '.tifa', 'glossary.yaml'), 'utf8');
    const loaded = loadGlossaryYaml(written);
    assert.deepEqual(loaded.problems, []);
    const concept = loaded.glossary.concepts[0];
    assert.deepEqual([concept.zh, concept.en, concept.appearances.length], [['新发展格局'], [], 3]);
    const first = loaded.glossary.speeches.get(concept.appearances[0].speech)!;
    assert.deepEqual([first.date, first.short.zh, concept.appearances[0].zh], ['2021-03-05', '2021年中华人民共和国国务院政府工作报告', '要准确把握新发展阶段，深入贯彻新发展理念，加快构建新发展格局，推动高质量发展，为全面建设社会主义现代化国家开好局起好步。']);
    assert.match(first.source ?? '', /^https:\/\/zh\.wikisource\.org\//);
    // Now a glossary formulation (with no English yet): no longer a candidate.
    const after = await client.diagnostics(uri, (ds) => ds.some((x) => x.code === 'formulation' && x.range.start.character === 5), 60000);
    assert.deepEqual(after.filter((x) => x.range.start.line === 0 && x.range.start.character === 5).map((x) => x.code), ['formulation']);
  });
});

describe('tifa.corpus.paths: the user’s texts in the record (server)', () => {
  let dir: string;
  let client: TestClient;
  let paths: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-corpus-'));
    mkdirSync(join(dir, 'speeches'));
    // Dated by its file name; BOM and CRLF; and one undated text.
    writeFileSync(join(dir, 'speeches', '2014-02-27_讲话.txt'), '\uFEFF中央网络安全和信息化领导小组第一次会议讲话\r\n努力把我国建设成为网络强国。\r\n');
    writeFileSync(join(dir, 'speeches', 'notes.txt'), '网络强国\n');
    paths = ['speeches', '../outside', '/etc'];
    client = new TestClient({ folders: [dir], capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, settings: () => ({ corpus: { paths } }) });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const hoverUntil = async (uri: string, predicate: (v: string) => boolean): Promise<string> => {
    const get = async () => ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })) as Hover | null)?.contents as MarkupContent | undefined;
    const deadline = Date.now() + 60000;
    let value = (await get())?.value ?? '';
    while (!predicate(value) && Date.now() < deadline) value = (await get())?.value ?? '';
    return value;
  };

  it('a corpus text dated earlier becomes the first attestation; paths outside the folder are refused, once, by name', async () => {
    const uri = pathToFileURL(join(dir, 'draft.zh.md')).href;
    await client.open(uri, '建设网络强国。\n', 'markdown');
    const value = await hoverUntil(uri, (v) => v.includes('In the record'));
    assert.ok(value.includes('**In the record 文献** · 6 times in 6 documents'), value);
    assert.ok(value.includes('- First 最早: **2014-02-27** · 中央网络安全和信息化领导小组第一次会议讲话\n  - 「努力把我国建设成为**网络强国**。」'), value);
    assert.deepEqual(client.shown.map((m) => m.message).filter((m) => m.includes('corpus')).sort(), [
      'Tifa: tifa.corpus.paths: "../outside" leads outside the workspace folder; not read',
      'Tifa: tifa.corpus.paths: "/etc" is an absolute path: corpus paths are relative to the workspace folder; not read',
    ]);
  });

  it('picks up a text changed on disk while the server runs', async () => {
    const uri = pathToFileURL(join(dir, 'draft.zh.md')).href;
    writeFileSync(join(dir, 'speeches', '2014-02-27_讲话.txt'), '中央网络安全和信息化领导小组第一次会议讲话\r\n没有网络安全就没有国家安全。\r\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'speeches', '2014-02-27_讲话.txt')).href, type: 2 }] });
    const value = await hoverUntil(uri, (v) => v.includes('5 times in 5 documents'));
    assert.ok(value.includes('**In the record 文献** · 5 times in 5 documents'), value);
    assert.ok(value.includes('- First 最早: **2017-10-18**'), value);
  });
});
