import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadGlossaryYaml } from '../../server/src/core/formats/yaml';
import { rangeOf, TestClient, withHouseStyle } from './lspClient';

const DEPRECATED = '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).';
const DEPRECATED_NETWORK = '“network power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).';
const WARNINGS = new Set(['deprecated-rendering', 'inconsistent-rendering', 'missing-rendering', 'variant-rendering', 'number-mismatch']);


describe('translation consistency over JSON-RPC', function () {
  let dir: string;
  let client: TestClient;
  let version = 1;

  before(async () => {
    dir = withHouseStyle(mkdtempSync(join(tmpdir(), 'tifa-consistency-')));
    mkdirSync(join(dir, ".tifa"), { recursive: true });
    writeFileSync(
      join(dir, '.tifa', 'glossary.yaml'),
      '# Our team glossary.\n# Keep this comment.\nversion: 1\n\nconcepts:\n  # Digital China, our own entry\n  - id: digital-china\n    zh: [数字中国]\n    en:\n      - { text: Digital China, status: preferred }   # agreed 2026\n\n# end of file\n',
    );
    client = new TestClient({
      folders: [dir],
      capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const warnings = (ds: Diagnostic[]) => ds.filter((d) => WARNINGS.has(String(d.code)));

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  }

  function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    return edit?.changes?.[uri] ?? [];
  }

  /** Opens the draft, checks the warning's exact range, applies the preferred fix, re-lints clean. */
  async function fixesCleanly(name: string, languageId: string, text: string, needle: string, expected: { code: string; message: string; fixed: string }) {
    const uri = uriOf(name);
    await client.open(uri, text, languageId, version);
    const ds = warnings(await client.diagnostics(uri, (_d, p) => p.version === version));
    assert.deepEqual(ds.map((d) => [d.code, d.range, d.message]), [[expected.code, rangeOf(text, needle), expected.message]]);
    assert.equal(ds[0].severity, expected.code === 'missing-rendering' || expected.code === 'variant-rendering' ? 3 : 2);
    assert.match(ds[0].codeDescription?.href ?? '', new RegExp(`README\\.md#${expected.code}$`));

    const actions = await actionsFor(uri, ds[0]);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    const edits = editsOf(preferred.edit, uri);
    assert.deepEqual(edits, [{ range: rangeOf(text, needle), newText: expected.fixed }]);
    const fixedText = TextDocument.applyEdits(TextDocument.create(uri, languageId, version, text), edits);

    version++;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: fixedText }] });
    assert.deepEqual(warnings(await client.diagnostics(uri, (_d, p) => p.version === version)), []);
    return fixedText;
  }

  it('inline gloss in Markdown: EN (ZH)', async () => {
    await fixesCleanly('gloss.md', 'markdown', '# 摘要\n\nChina aims to be a cyber power (网络强国).\n', 'cyber power', { code: 'deprecated-rendering', message: DEPRECATED, fixed: 'cyber superpower' });
  });

  it('inline gloss in plain text: ZH（EN）, keeping the capital and the plural', async () => {
    await fixesCleanly('gloss.txt', 'plaintext', '网络强国（Cyber Powers）\r\n', 'Cyber Powers', {
      code: 'deprecated-rendering',
      message: '“Cyber Powers” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).',
      fixed: 'Cyber superpowers',
    });
  });

  it('XLIFF 1.2', async () => {
    const xlf = readFileSync(join(__dirname, '..', 'fixtures', 'pairs', 'report.zh-en.xlf'), 'utf8');
    // Ordinary English, in a unit whose source has 网络强国: there it renders it.
    const fixed = await fixesCleanly('report.xlf', 'xliff', xlf, 'network power', { code: 'deprecated-rendering', message: DEPRECATED_NETWORK, fixed: 'cyber superpower' });
    assert.ok(fixed.includes('<target>We must build a <g id="1">cyber superpower</g> through indigenous innovation.</target>'));
  });

  it('XLIFF 1.2: a variant of the rendering, fixed to the exact form', async () => {
    const xlf = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>\n<trans-unit id="1"><source>共建網絡空間命運共同體</source><target>Build a Community with a Shared Destiny in Cyberspace</target></trans-unit>\n</body></file></xliff>\n';
    const fixed = await fixesCleanly('variant.xlf', 'xliff', xlf, 'Community with a Shared Destiny in Cyberspace', {
      code: 'variant-rendering',
      message: '“Community with a Shared Destiny in Cyberspace” is a variant of “community of shared destiny in cyberspace”, the glossary rendering of 网络空间命运共同体 (DigiChina).',
      fixed: 'Community of shared destiny in cyberspace',
    });
    assert.ok(fixed.includes('<target>Build a Community of shared destiny in cyberspace</target>'));
  });

  it('TMX: a numbered formulation with another number, fixed', async () => {
    const tmx = '<?xml version="1.0"?>\r\n<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>两弹一星精神</seg></tuv><tuv xml:lang="en"><seg>the spirit of three bombs, one satellite</seg></tuv></tu></body></tmx>\r\n';
    await fixesCleanly('numbers.tmx', 'tmx', tmx, 'three bombs, one satellite', {
      code: 'number-mismatch',
      message: 'The source has 两弹一星, rendered “two bombs, one satellite” (DigiChina), but the translation says “three bombs, one satellite”: 3, 1 where the rendering has 2, 1.',
      fixed: 'two bombs, one satellite',
    });
  });

  it('XLIFF 2.0: deprecated rendering, fixed', async () => {
    const xlf = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">\n <file id="f1">\n  <unit id="u1"><segment><source>建设<pc id="1">网络强国</pc></source><target>Build a <pc id="1">Cyber Power</pc></target></segment></unit>\n </file>\n</xliff>\n';
    const fixed = await fixesCleanly('plan.xlf', 'xliff', xlf, 'Cyber Power', {
      code: 'deprecated-rendering',
      message: '“Cyber Power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).',
      fixed: 'Cyber superpower',
    });
    assert.ok(fixed.includes('<target>Build a <pc id="1">Cyber superpower</pc></target>'));
  });

  it('XLIFF 2.0: missing rendering', async () => {
    const xlf = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">\n <file id="f1">\n  <unit id="u1"><segment><source>核心技术是国之重器</source><target>Core technologies are important tools of the state</target></segment></unit>\n </file>\n</xliff>\n';
    const uri = uriOf('speech.xliff');
    await client.open(uri, xlf, 'xliff', version);
    const ds = warnings(await client.diagnostics(uri, (_d, p) => p.version === version));
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['missing-rendering', rangeOf(xlf, 'Core technologies are important tools of the state')]]);
    // "Core technologies" renders 核心技术, a part: the other part is what is missing.
    assert.equal(ds[0].message, 'The source has 国之重器 (in 核心技术是国之重器) but the translation has none of its renderings: expected “important instruments of the state” (DigiChina).');
  });

  it('TMX 1.4', async () => {
    const tmx = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n<tu><tuv xml:lang="zh-CN"><seg>建设网络强国</seg></tuv><tuv xml:lang="en-GB"><seg>build a cyber power</seg></tuv></tu>\n</body></tmx>\n';
    await fixesCleanly('memory.tmx', 'tmx', tmx, 'cyber power', { code: 'deprecated-rendering', message: DEPRECATED, fixed: 'cyber superpower' });
  });

  it('parallel files: name.zh.md beside name.en.md', async () => {
    writeFileSync(join(dir, 'brief.zh-CN.md'), '# 简报\n\n我们要建设网络强国。\n\n没有问题。\n');
    await fixesCleanly('brief.en.md', 'markdown', '# Brief\n\nWe will build a cyber power.\n\nNo problem.\n', 'cyber power', { code: 'deprecated-rendering', message: DEPRECATED, fixed: 'cyber superpower' });
  });

  it('fixes every occurrence in one edit (source.fixAll.tifa)', async () => {
    const uri = uriOf('many.md');
    const text = 'A cyber power.\n\nCyber powers and a cyber power.\n\n`cyber power` stays in code.\n';
    await client.open(uri, text, 'markdown', version);
    await client.diagnostics(uri, (d, p) => p.version === version && warnings(d).length === 3);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all glossary renderings in this file 修正本文件所有译法', 'source.fixAll.tifa']]);
    const edits = editsOf(actions[0].edit, uri);
    assert.equal(edits.length, 3);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits),
      'A cyber superpower.\n\nCyber superpowers and a cyber superpower.\n\n`cyber power` stays in code.\n',
    );
  });

  it('offers "ignore this occurrence" as a suppression comment that silences the warning', async () => {
    const uri = uriOf('ignore.md');
    const text = 'Intro.\n\n  - a cyber power\n';
    await client.open(uri, text, 'markdown', version);
    const [d] = warnings(await client.diagnostics(uri, (_ds, p) => p.version === version));
    const ignore = (await actionsFor(uri, d)).find((a) => a.title.startsWith('Ignore this occurrence'));
    const edits = editsOf(ignore?.edit, uri);
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  <!-- tifa-disable-next-line deprecated-rendering -->\n' }]);
    version++;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits) }] });
    assert.deepEqual(warnings(await client.diagnostics(uri, (_ds, p) => p.version === version)), []);
  });

  it('adds the rendering to the workspace glossary, keeping the file’s comments, and the warning goes', async () => {
    const path = join(dir, '.tifa', 'glossary.yaml');
    const before = readFileSync(path, 'utf8');
    const uri = uriOf('add.md');
    await client.open(uri, 'They say cyber power.\n', 'markdown', version);
    const [d] = warnings(await client.diagnostics(uri, (_ds, p) => p.version === version));
    const add = (await actionsFor(uri, d)).find((a) => a.command?.command === 'tifa.addToGlossary');
    assert.equal(add?.title, 'Add “cyber power” to the workspace glossary as admitted 将此译法加入工作区词表');
    const published = client.publishedCount(uri);
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', add!.command), true);

    const after = readFileSync(path, 'utf8');
    assert.equal(
      after,
      before.replace('   # agreed 2026\n', '   # agreed 2026\n  - id: "cyber-superpower"\n    en:\n      - { text: "cyber power", status: admitted }\n'),
    );
    assert.deepEqual(loadGlossaryYaml(after).problems, []);
    // The server reloads the glossary it wrote and re-checks: the rendering is admitted now.
    const ds = await client.diagnostics(uri, () => client.publishedCount(uri) > published);
    assert.deepEqual(warnings(ds), []);
    assert.equal(ds.filter((x) => x.code === 'formulation').length, 1);
  });
});
