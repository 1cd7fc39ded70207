import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { rangeOf, TestClient, withHouseStyle } from './lspClient';

const uri = (p: string) => pathToFileURL(p).href;
const levels = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.severity]);

/** The project config (.tifa/config.yaml) in the editor: it sets levels, the client's explicit settings win, ignore, its problems shown in it. */
describe('the project config over JSON-RPC', function () {
  let root: string;
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const configFile = () => join(root, '.tifa', 'config.yaml');
  const statuses = () => client.notifications.filter((n) => n.method === 'tifa/status').map((n) => n.params as { glossaries: Array<{ label: string }> });

  async function saveConfig(text: string) {
    writeFileSync(configFile(), text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(configFile()), type: 2 }] });
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tifa-config-'));
    withHouseStyle(root); // deprecates "cyber power"
    mkdirSync(join(root, 'vendor'));
    // BOM, CRLF and a Chinese comment, as a Windows editor saves it.
    writeFileSync(configFile(), '\uFEFF# 项目设置\r\nrules:\r\n  deprecated-rendering: error\r\nformulations.severity: hint\r\nignore:\r\n  - "vendor/**"\r\n');
    client = new TestClient({
      folders: [root],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
      settings: () => settings,
    });
    await client.initialize();
    await client.until(() => statuses().at(-1), () => true, 'the first status');
  });
  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('sets the levels; is not read as a glossary', async () => {
    const text = '北京要建设網絡強國。Beijing wants to be a cyber power.\n';
    await client.open(uri(join(root, 'draft.md')), text);
    const ds = await client.diagnostics(uri(join(root, 'draft.md')), (d) => d.some((x) => x.code === 'deprecated-rendering'));
    assert.deepEqual(levels(ds), [['formulation', 4], ['formulation', 4], ['deprecated-rendering', 1]]);
    assert.deepEqual(ds[2].range, rangeOf(text, 'cyber power'));
    assert.deepEqual(statuses().at(-1)?.glossaries.map((g) => g.label), ['built-in glossary', '.tifa/a-house-style.yaml']);
  });

  it('gives way to the settings the client sends', async () => {
    settings = { rules: { 'deprecated-rendering': 'information' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const text = 'A cyber power.\n';
    await client.open(uri(join(root, 'second.md')), text);
    const ds = await client.diagnostics(uri(join(root, 'second.md')), (d) => d.some((x) => x.code === 'deprecated-rendering'));
    // information from the client; hint for formulations still from the config.
    assert.deepEqual(levels(ds), [['formulation', 4], ['deprecated-rendering', 3]]);
    settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('leaves the ignored files unchecked', async () => {
    const draft = uri(join(root, 'vendor', 'third-party.md'));
    await client.open(draft, 'A cyber power.\n');
    // Published empty, where the same text elsewhere gets two findings.
    assert.deepEqual(await client.diagnostics(draft), []);
  });

  it('changes the results when it changes on disk, and shows its mistakes in itself', async () => {
    const broken = 'rules:\n  deprecated-rendering: fatal\nrulez: {}\nformulations.severity: warning\n';
    await saveConfig(broken);
    const problems = await client.diagnostics(uri(configFile()), (d) => d.length > 0);
    assert.deepEqual(problems.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['config', 2, rangeOf(broken, 'fatal'), '"rules.deprecated-rendering" must be one of off, hint, information, warning, error; it is ignored.'],
      ['config', 2, rangeOf(broken, 'rulez'), 'Unknown setting "rulez"; it is ignored. Settings: formulations.severity, rules.deprecated-rendering, rules.inconsistent-rendering, rules.missing-rendering, rules.variant-rendering, rules.number-mismatch, rules.candidate-formulation, rules.memory-inconsistent, rules.document-notice, glossary.files, glossary.builtin, glossary.profile, inlayHints, maxFileSize, corpus.paths, memory.files, segments.skip, ignore.'],
    ]);
    const draft = uri(join(root, 'draft.md'));
    // The valid key applies (warning), the invalid one falls back to the default (warning, not error).
    const ds = await client.diagnostics(draft, (d) => d.some((x) => x.code === 'formulation' && x.severity === 2));
    assert.deepEqual(levels(ds), [['formulation', 2], ['formulation', 2], ['deprecated-rendering', 2]]);

    await saveConfig('rules.deprecated-rendering: "off"\n');
    assert.deepEqual(await client.diagnostics(uri(configFile()), (d) => d.length === 0), []);
    const after = await client.diagnostics(draft, (d) => !d.some((x) => x.code === 'deprecated-rendering'));
    assert.deepEqual(levels(after), [['formulation', 3], ['formulation', 3]]);
  });
});
