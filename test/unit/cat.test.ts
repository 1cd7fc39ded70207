import assert from 'node:assert/strict';
import { checkedFix, documentKind, memoryUnits, preferredFixEdits, sniffXml } from '../../server/src/core';
import { fixture, styledEngine } from '../helpers';

/**
 * CAT tools' XLIFF dialects, built to the vendors' published structure (test/fixtures/README.md):
 * Trados .sdlxliff (segments as <mrk mtype="seg" mid>, statuses in sdl:seg-defs), memoQ
 * .mqxliff (mq:status, mq:locked), Phrase .mxliff (m:confirmed, m:locked), Wordfast .txlf.
 */
describe('CAT tools\' files', () => {
  const engine = styledEngine(); // the built-in glossary and the tests' house style
  const lint = (name: string, skip: Array<'unconfirmed' | 'locked'> = []) => {
    const text = fixture(`cat/${name}`);
    return { text, findings: engine.lint(text, { kind: documentKind(undefined, name, text), skipSegments: skip }).findings };
  };
  /** [code, the text it covers, message] for each finding. */
  const shown = ({ text, findings }: ReturnType<typeof lint>) => findings.map((f) => [f.code, text.slice(f.start, f.end), f.message]);

  it('are recognised by extension, and by content under another name', () => {
    for (const name of ['a.sdlxliff', 'a.mqxliff', 'a.mxliff', 'a.txlf', 'A.XLF']) assert.equal(documentKind(undefined, name), 'xliff', name);
    const sdl = fixture('cat/speech.docx.sdlxliff');
    assert.equal(documentKind(undefined, 'export/speech.xml', sdl), 'xliff');
    assert.equal(documentKind('xml', 'untitled:Untitled-1', '<?xml version="1.0"?>\n<!-- 說明 -->\n<tmx version="1.4"><header/><body/></tmx>'), 'tmx');
    assert.equal(documentKind(undefined, 'pom.xml', '<?xml version="1.0"?><project xmlns="http://maven.apache.org/POM/4.0.0"/>'), 'plaintext');
    // <xliff> without the XLIFF namespace is not taken for one.
    assert.equal(sniffXml('<xliff version="1.2">'), undefined);
  });

  it('Trados: one pair check per segment (mid), the segment and its status named, the unsegmented <source> not read twice', () => {
    const r = lint('speech.docx.sdlxliff');
    assert.deepEqual(shown(r), [
      ['formulation', '把我国建设成为网络强国', '把我国建设成为网络强国 — building China into a cyber superpower (Leading Group announcement, 2014) (segment 1: Draft)'],
      ['formulation', '核心技术是国之重器', '核心技术是国之重器 — core technologies are important instruments of the state (4.20 speech, 2018) (segment 2: ApprovedTranslation, locked)'],
      // Segment 2's target has "cyber superpower", the whole unit's target has it: segment 1's does not.
      ['missing-rendering', 'We will build our country into a strong nation.', 'The source has 把我国建设成为网络强国 but the translation has none of its renderings: expected “building China into a cyber superpower” (DigiChina). (segment 1: Draft)'],
      ['formulation', 'Core technologies are important instruments of the state', '核心技术是国之重器 — core technologies are important instruments of the state (4.20 speech, 2018) (segment 2: ApprovedTranslation, locked)'],
      ['formulation', '網絡強國', '网络强国 — cyber superpower (Leading Group announcement, 2014) (segment 3: Translated)'],
      ['formulation', 'cyber power', '网络强国 — cyber superpower (Leading Group announcement, 2014) (segment 3: Translated)'],
      ['deprecated-rendering', 'cyber power', '“cyber power” is a deprecated rendering of 网络强国: use “cyber superpower” (DigiChina). (segment 3: Translated)'],
    ]);
    // Exact offsets, after a BOM and in CRLF: the missing rendering covers segment 1's <mrk> content only.
    const missing = r.findings.find((f) => f.code === 'missing-rendering')!;
    const at = r.text.indexOf('We will build');
    assert.deepEqual([missing.start, missing.end, r.text.slice(missing.end, missing.end + 6)], [at, at + 'We will build our country into a strong nation.'.length, '</mrk>']);
    // The fix edits the segment, and the file reads as before elsewhere.
    const fixed = checkedFix('xliff', r.text, preferredFixEdits(r.findings));
    assert.ok(fixed.ok && fixed.text === r.text.replace('Build a cyber power.', 'Build a cyber superpower.'));
  });

  it('skips unconfirmed or locked segments when told to', () => {
    const codes = (name: string, skip: Array<'unconfirmed' | 'locked'>) => shown(lint(name, skip)).map(([code, covered]) => `${code} ${covered}`);
    assert.deepEqual(codes('speech.docx.sdlxliff', ['unconfirmed', 'locked']), ['formulation 網絡強國', 'formulation cyber power', 'deprecated-rendering cyber power']);
    assert.deepEqual(codes('speech.docx.sdlxliff', ['locked']).filter((c) => c.startsWith('missing')), ['missing-rendering We will build our country into a strong nation.']);
    // memoQ: NotStarted is unconfirmed, mq:locked="locked" locked; the historical versions are never read.
    assert.deepEqual(codes('speech.mqxliff', []).filter((c) => c.startsWith('deprecated')), ['deprecated-rendering cyber power', 'deprecated-rendering cyberpower', 'deprecated-rendering strong cyber country']);
    assert.deepEqual(codes('speech.mqxliff', ['unconfirmed', 'locked']).filter((c) => c.startsWith('deprecated')), ['deprecated-rendering cyber power']);
    // Phrase: m:confirmed="0" is unconfirmed, m:locked="true" locked.
    assert.deepEqual(codes('speech.mxliff', ['unconfirmed']).filter((c) => c.startsWith('deprecated')), ['deprecated-rendering internet power']);
    assert.deepEqual(codes('speech.mxliff', ['locked']).filter((c) => c.startsWith('deprecated')), ['deprecated-rendering network power']);
    // Wordfast: XLIFF target@state, gs4tr:locked.
    assert.deepEqual(codes('speech.txlf', ['unconfirmed', 'locked']), []);
  });

  it('names each tool\'s status as the tool does', () => {
    const suffixes = (name: string) => [...new Set(lint(name).findings.map((f) => / \(([^()]*)\)$/.exec(f.message)?.[1]))];
    assert.deepEqual(suffixes('speech.mqxliff'), ['ManuallyConfirmed', 'NotStarted', 'PartiallyEdited, locked']);
    assert.deepEqual(suffixes('speech.mxliff'), ['not confirmed', 'confirmed at level 1, locked']);
    assert.deepEqual(suffixes('speech.txlf'), ['needs-translation', 'translated, locked']);
  });

  it('gives a translation memory one unit per segment', () => {
    const units = memoryUnits(fixture('cat/speech.docx.sdlxliff'), 'xliff');
    assert.deepEqual(units.map((u) => [u.zh, u.en]), [
      ['我们要把我国建设成为网络强国。', 'We will build our country into a strong nation.'],
      ['核心技术是国之重器。', 'Core technologies are important instruments of the state; a cyber superpower needs them.'],
      ['建設網絡強國。', 'Build a cyber power.'],
    ]);
  });
});
