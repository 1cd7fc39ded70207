import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, tifa } from '../helpers';
import { rangeOf, TestClient } from './lspClient';

const SDL = join(ROOT, 'test', 'fixtures', 'cat', 'speech.docx.sdlxliff');
const pairChecks = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-rendering' || d.code === 'deprecated-rendering');

/** A Trados file with two segments in one unit: one pair check per segment, in the server and the CLI alike. */
describe('a segmented SDLXLIFF in the server and the CLI', function () {
  let root: string;
  const text = readFileSync(SDL, 'utf8');
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tifa-cat-'));
    mkdirSync(join(root, '.tifa'));
    copyFileSync(SDL, join(root, 'speech.docx.sdlxliff'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'house-style.tifa.yaml'), join(root, '.tifa', 'house.yaml'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('over JSON-RPC: the missing rendering of segment 1 at its <mrk>, with its status; gone when unconfirmed segments are skipped', async () => {
    let settings: Record<string, unknown> = {};
    const client = new TestClient({ folders: [root], capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } }, settings: () => settings });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(root, 'speech.docx.sdlxliff')).href;
      // VS Code has no language for .sdlxliff: it opens as plain text, and the name decides.
      await client.open(uri, text, 'plaintext');
      const ds = await client.diagnostics(uri, (d) => pairChecks(d).length === 2);
      assert.deepEqual(pairChecks(ds).map((d) => [d.code, d.range, d.message]), [
        ['missing-rendering', rangeOf(text, 'We will build our country into a strong nation.'), 'The source has 把我国建设成为网络强国 but the translation has none of its renderings: expected “building China into a cyber superpower” (DigiChina). (segment 1: Draft)'],
        ['deprecated-rendering', rangeOf(text, 'cyber power'), '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina). (segment 3: Translated)'],
      ]);
      // The unsegmented <source> is not flagged: the formulation in segment 1's <mrk> (its second occurrence) is.
      const flagged = ds.filter((d) => d.code === 'formulation').map((d) => JSON.stringify(d.range));
      assert.deepEqual([flagged.includes(JSON.stringify(rangeOf(text, '把我国建设成为网络强国', 0))), flagged.includes(JSON.stringify(rangeOf(text, '把我国建设成为网络强国', 1)))], [false, true]);
      settings = { segments: { skip: ['unconfirmed'] } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const skipped = await client.diagnostics(uri, (d) => pairChecks(d).length === 1);
      assert.deepEqual(pairChecks(skipped).map((d) => d.code), ['deprecated-rendering']);
    } finally {
      await client.shutdown();
    }
  });

  it('any .xml: checked when its content is XLIFF, left alone otherwise', async () => {
    const client = new TestClient({ folders: [root], capabilities: { textDocument: { publishDiagnostics: {} } } });
    try {
      await client.initialize();
      const asXml = pathToFileURL(join(root, 'export.xml')).href;
      const pom = pathToFileURL(join(root, 'pom.xml')).href;
      await client.open(pom, '<?xml version="1.0"?>\n<project><description>建设网络强国</description></project>\n', 'xml');
      await client.open(asXml, text, 'xml');
      const ds = await client.diagnostics(asXml, (d) => pairChecks(d).length === 2);
      assert.deepEqual(pairChecks(ds).map((d) => d.code), ['missing-rendering', 'deprecated-rendering']);
      assert.deepEqual(await client.diagnostics(pom), []);
    } finally {
      await client.shutdown();
    }
  });

  it('in the CLI: the same two pair checks; segments.skip in .tifa/config.yaml leaves out segment 1', () => {
    const r = tifa(['lint', 'speech.docx.sdlxliff'], root);
    const lines = r.stdout.trimEnd().split('\n').filter((l) => / (missing|deprecated)-rendering /.test(l));
    const line = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    assert.deepEqual(lines, [
      `speech.docx.sdlxliff:${line('We will build')}:${text.indexOf('We will build') - text.lastIndexOf('\n', text.indexOf('We will build'))} information missing-rendering The source has 把我国建设成为网络强国 but the translation has none of its renderings: expected “building China into a cyber superpower” (DigiChina). (segment 1: Draft)`,
      `speech.docx.sdlxliff:${line('Build a cyber power')}:${text.indexOf('cyber power.</mrk>') - text.lastIndexOf('\n', text.indexOf('cyber power.</mrk>'))} warning deprecated-rendering “cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina). (segment 3: Translated)`,
    ]);
    writeFileSync(join(root, '.tifa', 'config.yaml'), 'segments:\n  skip: [unconfirmed]\n');
    const skipped = tifa(['lint', 'speech.docx.sdlxliff'], root).stdout.split('\n').filter((l) => / (missing|deprecated)-rendering /.test(l));
    assert.deepEqual(skipped.map((l) => l.split(' ')[2]), ['deprecated-rendering']);
  });
});
