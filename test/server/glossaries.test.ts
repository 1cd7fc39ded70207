import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { rangeOf, TestClient, withHouseStyle } from './lspClient';

const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('workspace glossaries over JSON-RPC', function () {
  let a: string;
  let b: string;
  let client: TestClient;
  let settingsA: Record<string, unknown> = {};
  const uri = (p: string) => pathToFileURL(p).href;
  const statuses = () => client.notifications.filter((n) => n.method === 'tifa/status').map((n) => n.params as { concepts: number; stale: string[]; glossaries: Array<{ label: string }> });

  /** Writes a file and tells the server, as an editor's file watcher does after a save. */
  async function save(path: string, text: string, type: 1 | 2 = 2) {
    writeFileSync(path, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path), type }] });
  }

  before(async () => {
    const root = mkdtempSync(join(tmpdir(), 'tifa-glossaries-'));
    a = join(root, 'a');
    b = join(root, 'b');
    for (const d of [join(a, '.tifa'), join(a, 'terms'), join(b, '.tifa')]) mkdirSync(d, { recursive: true });
    // Folder a holds the tests' house style, which deprecates "cyber power" (the built-in glossary deprecates nothing).
    withHouseStyle(a);
    writeFileSync(join(b, '.tifa', 'b.yaml'), 'version: 1\nconcepts:\n  - id: b-only\n    zh: [数据安全]\n    en: [{ text: data security, status: preferred }]\n');
    client = new TestClient({
      folders: [a, b],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      settings: () => settingsA,
    });
    await client.initialize();
    await client.until(() => statuses().at(-1), () => true, 'the first status');
  });
  after(async () => {
    await client.shutdown();
    rmSync(join(a, '..'), { recursive: true, force: true });
  });

  it('a workspace glossary overrides another: diagnostics change after the save, without a restart', async () => {
    const draft = join(a, 'draft.md');
    const text = 'Beijing wants to be a cyber power.\n';
    await client.open(uri(draft), text, 'markdown');
    const before = await client.diagnostics(uri(draft), (d) => byCode(d, 'deprecated-rendering').length === 1);
    assert.equal(byCode(before, 'formulation')[0].message, '网络强国 — cyber superpower (Leading Group announcement, 2014)');

    const t0 = Date.now();
    await save(join(a, '.tifa', 'team.yaml'), '# Our house style\nversion: 1\nconcepts:\n  - id: cyber-superpower\n    en:\n      - { text: cyber power, status: preferred, authority: Our team }\n', 1);
    const after = await client.diagnostics(uri(draft), (d) => byCode(d, 'deprecated-rendering').length === 0);
    console.log(`      (re-checked ${Date.now() - t0} ms after the save)`);
    assert.deepEqual(after.map((d) => [d.code, d.range, d.message]), [['formulation', rangeOf(text, 'cyber power'), '网络强国 — cyber power (Leading Group announcement, 2014)']]);

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(draft) }, position: rangeOf(text, 'cyber power').start })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.includes('Preferred 首选: **cyber power** (Our team, from .tifa/team.yaml)'), value);
    assert.ok(value.includes("Admitted 可用: cyber superpower (DigiChina; source 来源: DigiChina, “Xi Jinping Puts 'Indigenous Innovation' and 'Core Technologies' at the Center of Development Priorities”, 2018-05-01)"), value);
  });

  it('shows a broken glossary’s mistake in the glossary file, and keeps the previous version in force', async () => {
    const path = join(a, '.tifa', 'team.yaml');
    const broken = '# Our house style\nversion: 1\nconcepts:\n  - id: cyber-superpower\n    en:\n      - { text: cyber power, status: prefered, authority: Our team }\n';
    await save(path, broken);
    const ds = await client.diagnostics(uri(path), (d) => d.length > 0);
    assert.deepEqual(ds.map((d) => [d.range, d.severity, d.source, d.message]), [
      [rangeOf(broken, 'prefered'), 1, 'tifa', 'Unknown status "prefered" in rendering "cyber power" of concept "cyber-superpower": use preferred, admitted, deprecated or superseded. (The previous version of this glossary stays in force until this is fixed.)'],
    ]);
    const status = await client.until(() => statuses().at(-1), (s) => s.stale.length > 0, 'a status saying the last good version is in force');
    assert.deepEqual(status.stale, ['.tifa/team.yaml']);
    // The draft still sees "cyber power" as preferred: the previous version is in force.
    const draft = uri(join(a, 'draft.md'));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draft, version: 2 }, contentChanges: [{ text: 'A cyber power.\n' }] });
    assert.deepEqual(byCode(await client.diagnostics(draft, (_d, p) => p.version === 2), 'deprecated-rendering'), []);

    await save(path, broken.replace('prefered', 'preferred'));
    assert.deepEqual(await client.diagnostics(uri(path), (d) => d.length === 0), []);
  });

  it('reads TBX and CSV glossaries found by the default globs (**/*.tbx, **/*.tifa.csv)', async () => {
    await save(join(a, 'terms', 'team.tbx'), '<?xml version="1.0"?>\n<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="digital-china"><langSec xml:lang="zh"><termSec><term>数字中国</term></termSec></langSec><langSec xml:lang="en"><termSec><term>Digital China</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry></body></text></tbx>\n', 1);
    await save(join(a, 'terms', 'more.tifa.csv'), '\uFEFFzh,en,status\r\n科技自立自强,scientific and technological self-reliance,preferred\r\n', 1);
    const draft = join(a, 'terms.md');
    const text = '建设数字中国，实现科技自立自强。\n';
    await client.open(uri(draft), text, 'markdown');
    const ds = await client.diagnostics(uri(draft), (d) => byCode(d, 'formulation').length === 2);
    assert.deepEqual(byCode(ds, 'formulation').map((d) => [d.range, d.message]), [
      [rangeOf(text, '数字中国'), '数字中国 — Digital China'],
      [rangeOf(text, '科技自立自强'), '科技自立自强 — scientific and technological self-reliance'],
    ]);
  });

  it('keeps each workspace folder’s glossaries to itself', async () => {
    const inA = join(a, 'security.md');
    const inB = join(b, 'security.md');
    await client.open(uri(inA), '数据安全\n', 'markdown');
    await client.open(uri(inB), '数据安全\n', 'markdown');
    assert.deepEqual(byCode(await client.diagnostics(uri(inB), (d) => d.length > 0), 'formulation').map((d) => d.message), ['数据安全 — data security']);
    assert.deepEqual(await client.diagnostics(uri(inA)), []);
  });

  it('follows tifa.glossary.profile and tifa.glossary.builtin', async () => {
    const draft = join(a, 'profile.md');
    const text = '网络强国\n';
    await client.open(uri(draft), text, 'markdown');
    settingsA = { glossary: { profile: 'DigiChina' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await client.diagnostics(uri(draft), (d) => d.some((x) => x.message === '网络强国 — cyber superpower (Leading Group announcement, 2014)'));
    assert.equal(ds.length, 1);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(draft) }, position: { line: 0, character: 1 } })) as Hover;
    const admitted = (hover.contents as MarkupContent).value.split('\n').find((l) => l.startsWith('Admitted 可用: ')) ?? '';
    assert.ok(admitted.includes('cyber power (Our team, preferred by Our team, from .tifa/team.yaml)'), admitted);

    settingsA = { glossary: { builtin: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Without the built-in glossary the workspace's are left: the house style gives 网络强国 its
    // Chinese form, the team its preferred rendering, and nothing gives it a provenance.
    const without = await client.diagnostics(uri(draft), (d) => d.length === 1 && d[0].message === '网络强国 — cyber power');
    assert.deepEqual(without.map((d) => [d.range, d.message]), [[rangeOf(text, '网络强国'), '网络强国 — cyber power']]);
    const status = await client.until(() => statuses().at(-1), (s) => !s.glossaries.some((g) => g.label === 'built-in glossary'), 'a status without the built-in glossary');
    assert.deepEqual(status.glossaries.map((g) => g.label), ['.tifa/a-house-style.yaml', '.tifa/team.yaml', 'terms/more.tifa.csv', 'terms/team.tbx', '.tifa/b.yaml']);
    settingsA = {};
  });
});
