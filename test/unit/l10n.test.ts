import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { documentKind, inLocale, localeOf, localize, type MessageKey, MESSAGES } from '../../server/src/core';
import { fixture, ROOT, styledEngine } from '../helpers';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

/** The Trados test file's findings other than formulations: its two pair checks. */
const tradosPairFindings = () => styledEngine().lint(fixture('cat/speech.docx.sdlxliff'), { kind: documentKind(undefined, 'a.sdlxliff') }).findings.filter((f) => f.code !== 'formulation');

describe('the message catalogue (core/l10n.ts)', () => {
  it('has every message in English and Chinese, with the same placeholders', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      assert.ok(m.en.trim() && m.zh.trim(), key);
      assert.deepEqual(placeholders(m.zh), placeholders(m.en), key);
      // Chinese text in the Chinese message, unless the message is only its arguments.
      if (m.en.replace(/\{\w+\}/g, '').replace(/[\s—:()]/g, '') !== '') assert.ok(HAN.test(m.zh), `${key}: ${m.zh}`);
    }
  });

  it('has every key the code names, also those it builds (status.*, word.*)', () => {
    const keys = new Set(Object.keys(MESSAGES));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(ROOT, 'server', 'src'));
    const named = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:said|word|localize|counted)\((?:[\w.]+, |'(?:en|zh)', )?'([\w.-]+)'/g)) if (!['en', 'zh', 'zh-Hant'].includes(m[1])) named.add(m[1]);
    }
    assert.ok(named.size > 40, `found ${named.size} keys in the code`);
    for (const k of named) assert.ok(keys.has(k), `the code names "${k}", which the catalogue lacks`);
    for (const status of ['preferred', 'admitted', 'deprecated', 'superseded']) assert.ok(keys.has(`status.${status}`));
    for (const k of ['word.glossary-patterns', 'word.memory-patterns', 'word.corpus-paths', 'word.ignored', 'word.not-read']) assert.ok(keys.has(k), k);
  });

  it('speaks Chinese to zh, zh-CN, zh_CN.UTF-8, in traditional characters to zh-TW, zh-HK, zh-Hant, English to the rest', () => {
    assert.deepEqual(['zh', 'zh-cn', 'zh_CN.UTF-8', 'zh-TW', 'zh_HK.UTF-8', 'zh-Hant', 'zh-Hans', 'en', 'en-US', 'C.UTF-8', '', undefined, 'zhuang'].map(localeOf),
      ['zh', 'zh', 'zh', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'zh', 'en', 'en', 'en', 'en', 'en', 'en']);
  });

  it('in traditional characters converts Tifa\'s own words only: formulations and names stay as written', () => {
    const findings = tradosPairFindings();
    assert.deepEqual(findings.map((f) => inLocale('zh-Hant', f)), [
      '原文有把我国建设成为网络强国，但譯文中沒有它的任何譯法，應為“building China into a cyber superpower”（DigiChina）。（句段 1：Draft）',
      '“cyber power”是网络强国不推薦的譯法，宜用“cyber superpower”（DigiChina）。（句段 3：Translated）',
    ]);
    assert.equal(localize('zh-Hant', 'hover.record', { count: '3 次', documents: '2 份文件' }), '**文獻記錄** · 2 份文件中出現 3 次');
  });

  it('gives each finding in Chinese, the segment and its status too; English is unchanged', () => {
    const findings = tradosPairFindings();
    assert.deepEqual(findings.map((f) => inLocale('zh', f)), [
      '原文有把我国建设成为网络强国，但译文中没有它的任何译法，应为“building China into a cyber superpower”（DigiChina）。（句段 1：Draft）',
      '“cyber power”是网络强国不推荐的译法，宜用“cyber superpower”（DigiChina）。（句段 3：Translated）',
    ]);
    assert.deepEqual(findings.map((f) => inLocale('en', f)), findings.map((f) => f.message));
    const mq = fixture('cat/speech.mqxliff');
    const locked = styledEngine().lint(mq, { kind: 'xliff' }).findings.filter((f) => f.code === 'deprecated-rendering').at(-1)!;
    assert.equal(inLocale('zh', locked), '“strong cyber country”是网络强国不推荐的译法，宜用“cyber superpower”（DigiChina）。（PartiallyEdited，已锁定）');
    assert.equal(localize('zh', 'word.times' as MessageKey, { n: 3 }), '3 次');
  });
});
