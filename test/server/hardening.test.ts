/**
 * Regression tests for the hardening issue, over real JSON-RPC and the real CLI, with real files:
 * symbolic links, named pipes, devices, read-only files, legacy encodings. Each `case N` is that
 * issue's numbered case; the core side is in test/unit/hardening.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { glob } from 'tinyglobby';
import { globPattern } from '../../server/src/files';
import * as shapes from '../fuzz/shapes';
import { ROOT } from '../helpers';
import { TestClient, withHouseStyle } from './lspClient';

const CLI = join(ROOT, 'dist', 'cli.js');
/** The tests' house style: it deprecates renderings of 网络强国 (the built-in glossary deprecates none). */
const HOUSE = join(ROOT, 'test', 'fixtures', 'house-style.tifa.yaml');
const tifa = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
};
const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

const cdataXliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>
  <trans-unit id="1">
    <source>建设网络强国</source>
    <target><![CDATA[build a cyber power]]></target>
  </trans-unit>
</body></file></xliff>
`;

describe('hardening: server and command line', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = withHouseStyle(mkdtempSync(join(tmpdir(), 'tifa-hard-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = async (settings: () => unknown = () => ({}), capabilities = {}) => {
    const client = new TestClient({ folders: [dir], settings, capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, ...capabilities } });
    await client.initialize();
    return client;
  };
  const hover = (client: TestClient, uri: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
  const status = (client: TestClient, predicate: (s: { glossaries: Array<{ label: string; errors: number; firstProblem?: string }> }) => boolean) =>
    client.until(() => client.notifications.filter((n) => n.method === 'tifa/status').at(-1)?.params as { glossaries: Array<{ label: string; errors: number; firstProblem?: string }> } | undefined, predicate, 'a status');

  it('case 1: tifa lint --fix on a CDATA target writes well-formed XML with the right words', () => {
    writeFileSync(join(dir, 'a.xlf'), cdataXliff);
    const r = tifa(['lint', '--glossary', HOUSE, '--fix', 'a.xlf'], dir);
    assert.equal(readFileSync(join(dir, 'a.xlf'), 'utf8'), cdataXliff.replace('cyber power', 'cyber superpower'));
    assert.equal(r.stderr, 'tifa: fixed 1 rendering\n');
    assert.equal(r.code, 0);
  });

  it('case 1: the quick fix and fix-all over a CDATA target edit exactly "cyber power"', async () => {
    const client = await start();
    try {
      const uri = pathToFileURL(join(dir, 'a.xlf')).href;
      await client.open(uri, cdataXliff, 'xliff');
      const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'deprecated-rendering'));
      const d = ds.find((x) => x.code === 'deprecated-rendering')!;
      assert.deepEqual(d.range, { start: { line: 4, character: 29 }, end: { line: 4, character: 40 } }); // after '    <target><![CDATA[build a '
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: d.range, newText: 'cyber superpower' }] } });
      const fixAll = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll.tifa'] } })) as CodeAction[];
      assert.deepEqual(fixAll[0].edit, { changes: { [uri]: [{ range: d.range, newText: 'cyber superpower' }] } });
      // "Ignore this occurrence" goes on a line of its own before <trans-unit>, not into <target>.
      const ignore = actions.find((a) => a.title.startsWith('Ignore'))!;
      assert.deepEqual(ignore.edit, { changes: { [uri]: [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: '<!-- tifa-disable-next-line deprecated-rendering -->\n  ' }] } });
    } finally {
      await client.shutdown();
    }
  });

  it('case 3: add to glossary edits the open glossary as the editor has it, with its version', async () => {
    mkdirSync(join(dir, '.tifa'), { recursive: true });
    const path = join(dir, '.tifa', 'glossary.yaml');
    const onDisk = 'version: 1\nconcepts:\n  - id: a\n    zh: [数字中国]\n    en: [{ text: Digital China, status: preferred }]\n';
    writeFileSync(path, onDisk);
    const edits: WorkspaceEdit[] = [];
    const client = new TestClient({ folders: [dir], capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } }, applyEdit: (e) => (edits.push(e), true) });
    await client.initialize();
    try {
      // Unsaved in the editor: two lines added at the top.
      const open = '# unsaved note\n# another\n' + onDisk;
      const gUri = pathToFileURL(path).href;
      await client.open(gUri, open, 'yaml', 7);
      const docUri = pathToFileURL(join(dir, 'd.md')).href;
      await client.open(docUri, 'A cyber power (网络强国).\n');
      // Not checked as a draft: the glossary file has no formulation findings.
      assert.deepEqual(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: gUri }, position: { line: 3, character: 9 } }), null);
      const applied = await client.connection.sendRequest('workspace/executeCommand', { command: 'tifa.addToGlossary', arguments: [{ uri: docUri, conceptId: 'cyber-superpower', text: 'cyber power' }] });
      assert.equal(applied, true);
      assert.deepEqual(edits, [{
        documentChanges: [{
          textDocument: { uri: gUri, version: 7 },
          edits: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, newText: '  - id: "cyber-superpower"\n    en:\n      - { text: "cyber power", status: admitted }\n' }],
        }],
      }]);
    } finally {
      await client.shutdown();
    }
  });

  it('case 5: --fix reports a read-only file, fixes the others and finishes the run', () => {
    writeFileSync(join(dir, 'a.md'), 'A cyber power.\n');
    writeFileSync(join(dir, 'b.md'), 'Another cyber power.\n');
    chmodSync(join(dir, 'a.md'), 0o444);
    const r = tifa(['lint', '--glossary', HOUSE, '--fix', 'a.md', 'b.md'], dir);
    assert.equal(r.stderr, 'tifa: cannot fix a.md: it is read-only; nothing was written\ntifa: fixed 1 rendering\n');
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), 'A cyber power.\n');
    assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), 'Another cyber superpower.\n');
    assert.equal(r.code, 2);
  });

  it('case 6: a deeply nested TBX in the workspace is reported in itself; the server keeps serving', async () => {
    writeFileSync(join(dir, 'deep.tbx'), shapes.deepXml(5000, 'tbx'));
    const client = await start();
    try {
      const s = await status(client, (x) => x.glossaries.some((g) => g.label === 'deep.tbx'));
      const deep = s.glossaries.find((g) => g.label === 'deep.tbx')!;
      assert.equal(deep.errors, 1);
      assert.match(deep.firstProblem!, /^deep\.tbx:1:\d+: The XML nests elements more than 256 deep/);
      await client.open('file:///x.md', '网络强国\n');
      assert.ok(((await hover(client, 'file:///x.md', 0, 1))!.contents as MarkupContent).value.startsWith('**网络强国**'));
      assert.equal(client.exitCode, undefined);
    } finally {
      await client.shutdown();
    }
  });

  it('case 8: links to devices and named pipes are never read, by the server or the CLI', async () => {
    mkdirSync(join(dir, '.tifa'), { recursive: true });
    symlinkSync('/dev/zero', join(dir, '.tifa', 'zero.yaml'));
    mkfifo(join(dir, '.tifa', 'pipe.yaml'));
    writeFileSync(join(dir, '.tifa', 'real.yaml'), 'version: 1\nconcepts:\n  - id: a\n    zh: [数字中国]\n');
    mkfifo(join(dir, 'a.zh.md'));
    writeFileSync(join(dir, 'a.en.md'), 'A cyber power.\n');
    mkfifo(join(dir, 'b.md'));
    const client = await start();
    try {
      // Globs list regular files only and do not follow links: the device and the pipe are not
      // glossaries; the real one beside them loads.
      const s = await status(client, (x) => x.glossaries.some((g) => g.label === '.tifa/real.yaml'));
      assert.deepEqual(s.glossaries.map((g) => [g.label, g.errors]), [['built-in glossary', 0], ['.tifa/a-house-style.yaml', 0], ['.tifa/real.yaml', 0]]);
      const uri = pathToFileURL(join(dir, 'a.en.md')).href;
      await client.open(uri, 'A cyber power.\n');
      assert.ok(await hover(client, uri, 0, 4)); // answered: the pipe beside it was not opened
      const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 4 }, context: { includeDeclaration: true } })) as Location[];
      assert.deepEqual(refs.map((l) => l.uri), [uri]);
    } finally {
      await client.shutdown();
    }
    // A folder lists regular files only; the pipe beside a.en.md is not opened as its source.
    const r = tifa(['lint', '--glossary', HOUSE, '.'], dir);
    assert.deepEqual([r.signal, r.stderr, r.stdout.trimEnd().split('\n')], [null, '', ['./a.en.md:1:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)', './a.en.md:1:3 warning deprecated-rendering “cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina).']]);
    assert.equal(tifa(['lint', 'b.md'], dir).stderr, 'tifa: skipped b.md: it is a named pipe, not a regular file\n');
    assert.equal(tifa(['lint', '--glossary', '.tifa/zero.yaml', 'a.en.md'], dir).stderr, 'tifa: cannot read glossary .tifa/zero.yaml: it is a device, not a regular file\n');
  });

  it('case 9b: a glossary pattern with backslashes is globbed with them as separators, and answers', async () => {
    // tinyglobby 0.2.17 never returns on this pattern as written; the fuzzer drew it.
    const found = await glob([globPattern('*\\.\\\\\\\\')], { cwd: dir, absolute: true, dot: true, followSymbolicLinks: false });
    assert.ok(found.every((f) => f.startsWith(dir + '/')), found.join(', '));
    assert.equal(globPattern('.tifa\\team.yaml'), '.tifa/team.yaml');
  });

  it('case 9: glossary paths outside the workspace are refused with a notice, and nothing of theirs is shown', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'tifa-outside-'));
    try {
      writeFileSync(join(outside, 'secret.yaml'), 'user: admin\npassword: hunter2\n');
      symlinkSync(join(outside, 'secret.yaml'), join(dir, 'linked.tifa.yaml'));
      const client = await start(() => ({ glossary: { files: ['../' + outside.split('/').pop() + '/*.yaml', '/etc/*', '/**/*.yaml', '**/*.tifa.yaml'] } }));
      try {
        await client.until(() => client.shown, (m) => m.length >= 3, 'three notices');
        assert.deepEqual(client.shown.map((m) => [m.type, m.message.replace(outside, 'OUTSIDE')]), [
          [2, `Tifa: tifa.glossary.files: "../${outside.split('/').pop()}/*.yaml" leads outside the workspace folder; it is ignored.`],
          [2, 'Tifa: tifa.glossary.files: "/etc/*" is an absolute path: glossary patterns are relative to the workspace folder; it is ignored.'],
          [2, 'Tifa: tifa.glossary.files: "/**/*.yaml" is an absolute path: glossary patterns are relative to the workspace folder; it is ignored.'],
        ]);
        // The link inside the workspace is not followed (globs never follow links), so the file it
        // points to is neither read nor shown.
        const s = await status(client, () => true);
        assert.deepEqual(s.glossaries.map((g) => g.label), ['built-in glossary']);
        assert.ok(!JSON.stringify(s).includes('password') && !client.log.includes('hunter2'));
      } finally {
        await client.shutdown();
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('case 10: a glossary over the size limit is refused before it is read; a link loop is walked once', async () => {
    mkdirSync(join(dir, '.tifa'), { recursive: true });
    writeFileSync(join(dir, '.tifa', 'huge.yaml'), '');
    truncateSync(join(dir, '.tifa', 'huge.yaml'), 33 * 1024 * 1024); // sparse: no 33 MB written
    const client = await start();
    try {
      const s = await status(client, (x) => x.glossaries.some((g) => g.label === '.tifa/huge.yaml'));
      assert.equal(s.glossaries.find((g) => g.label === '.tifa/huge.yaml')!.firstProblem, '.tifa/huge.yaml:1:1: This glossary is not read: it is 33.0 MB, more than the limit of 32.0 MB.');
    } finally {
      await client.shutdown();
    }
    assert.equal(tifa(['lint', '--glossary', '.tifa/huge.yaml', 'x.md'], dir).stderr, 'tifa: cannot read glossary .tifa/huge.yaml: it is 33.0 MB, more than the limit of 32.0 MB\n');
    // The same glossary found as the project's (the folder has .tifa/), as the editor finds it.
    assert.equal(tifa(['lint', 'x.md'], dir).stderr, 'tifa: cannot read glossary .tifa/huge.yaml: it is 33.0 MB, more than the limit of 32.0 MB\n');
    rmSync(join(dir, '.tifa', 'huge.yaml'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), '网络强国\n');
    symlinkSync('.', join(dir, 'docs', 'loop'));
    symlinkSync(join(dir, 'docs', 'a.md'), join(dir, 'docs', 'same.md'));
    const r = tifa(['lint', 'docs'], dir);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), ['docs/a.md:1:1 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)']);
  });

  it('case 12: GB18030 and UTF-16 files are decoded; undecodable ones fail the run; binary ones are skipped', () => {
    writeFileSync(join(dir, 'gb.txt'), Buffer.from([0xbd, 0xa8, 0xc9, 0xe8, 0xcd, 0xf8, 0xc2, 0xe7, 0xc7, 0xbf, 0xb9, 0xfa, 0xa1, 0xa3, 0x0a]));
    writeFileSync(join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('第一行\r\n网络强国\r\n', 'utf16le')]));
    let r = tifa(['lint', 'gb.txt', 'u16.txt'], dir);
    assert.deepEqual([r.code, r.stderr, r.stdout.trimEnd().split('\n')], [0, '', [
      'gb.txt:1:3 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
      'u16.txt:2:1 information formulation 网络强国 — cyber superpower (Leading Group announcement, 2014)',
    ]]);
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x30, 0x0a]));
    writeFileSync(join(dir, 'pic.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    r = tifa(['lint', 'bad.txt', 'pic.txt', 'gb.txt'], dir);
    assert.deepEqual([r.code, r.stderr], [2, 'tifa: cannot read bad.txt: its encoding is not UTF-8, UTF-16, GB18030 or Big5\ntifa: skipped pic.txt: it is a binary file\n']);
    // --fix never rewrites a GB18030 file as UTF-8.
    writeFileSync(join(dir, 'gb-en.txt'), Buffer.concat([Buffer.from('cyber power ', 'ascii'), Buffer.from([0xcd, 0xf8, 0xc2, 0xe7, 0x0a])]));
    const before = readFileSync(join(dir, 'gb-en.txt'));
    r = tifa(['lint', '--glossary', HOUSE, '--fix', 'gb-en.txt'], dir);
    assert.equal(r.stderr, 'tifa: cannot fix gb-en.txt: it is GB18030, and Tifa writes only UTF-8; nothing was written\ntifa: fixed 0 renderings\n');
    assert.deepEqual(readFileSync(join(dir, 'gb-en.txt')), before);
    assert.equal(r.code, 2);
  });

  it('case 13: invisible and bidirectional characters from a glossary are shown as visible markers', async () => {
    mkdirSync(join(dir, '.tifa'), { recursive: true });
    writeFileSync(join(dir, '.tifa', 'g.yaml'), 'version: 1\nconcepts:\n  - id: cyber-superpower\n    zh: [网络强国]\n    note: "see \u202Eevil\u202C and zero\u200Bwidth"\n    en:\n      - { text: "cyber\u200Bsuperpower", status: preferred }\n');
    const client = await start();
    try {
      await status(client, (x) => x.glossaries.some((g) => g.label === '.tifa/g.yaml'));
      const uri = pathToFileURL(join(dir, 'a.md')).href;
      await client.open(uri, 'A cyber power.\n');
      const ds: Diagnostic[] = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'deprecated-rendering'));
      const message = ds.find((x) => x.code === 'deprecated-rendering')!.message as string;
      assert.equal(message, '“cyber power” is a deprecated rendering of 网络强国: use “cyber<U+200B>superpower”.');
      const h = ((await hover(client, uri, 0, 4))!.contents as MarkupContent).value;
      assert.ok(h.includes('see <U+202E>evil<U+202C> and zero<U+200B>width') && !/[\u202E\u200B]/.test(h), h);
    } finally {
      await client.shutdown();
    }
  });

  it('case 14: a request before initialize gets -32002; a broken header ends the server with a message', async () => {
    const client = new TestClient();
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///a.md' }, position: { line: 0, character: 0 } }), { code: -32002 });
    await client.initialize();
    client.writeRaw('Content-Length: banana\r\n\r\n{}');
    await client.until(() => client.exitCode, (c) => c !== null, 'the server to exit');
    assert.equal(client.exitCode, 1);
    assert.match(client.stderr, /tifa-language-server: the client sent a malformed message header \(Content-Length value must be a number\. Got banana\); exiting so that the client can restart the server\./);
    await client.shutdown();
  });
});
