import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CONFIG_KEYS, layerSettings, parseProjectConfig } from '../../server/src/core';
import { ROOT } from '../helpers';

describe('project config (.tifa/config.yaml)', () => {
  it('reads dotted and nested keys alike, through a BOM and CRLF, into the settings\' shape', () => {
    const text = '\uFEFF# 項目設定（繁體）\r\nrules:\r\n  deprecated-rendering: error\r\nrules.number-mismatch: hint\r\nglossary:\r\n  files: [".tifa/*.yaml", "術語/**/*.tbx"]\r\n  profile: 𠀀team\r\nmaxFileSize: 0\r\nignore: ["vendor/**"]\r\n';
    const c = parseProjectConfig(text);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.settings, { rules: { 'deprecated-rendering': 'error', 'number-mismatch': 'hint' }, glossary: { files: ['.tifa/*.yaml', '術語/**/*.tbx'], profile: '𠀀team' }, maxFileSize: 0 });
    assert.deepEqual(c.ignore, ['vendor/**']);
  });

  it('puts each mistake at its place (UTF-16 offsets after the BOM) and keeps the rest', () => {
    const text = '\uFEFFtifa.inlayHints: false\nformulations.severity: error\nglossary:\n  builtin: "no"\n  filez: []\nignore: [""]\n';
    const c = parseProjectConfig(text);
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length];
    assert.deepEqual(c.problems.map((p) => [p.severity, p.start, p.end, p.line, p.column, p.message]), [
      ['warning', ...at('tifa.inlayHints'), 1, 1, 'Keys here go without "tifa." ("inlayHints"); read as such.'],
      ['warning', ...at('error'), 2, 24, '"formulations.severity" must be one of off, hint, information, warning (a formulation is not an error); it is ignored.'],
      ['warning', ...at('"no"'), 4, 12, '"glossary.builtin" must be true or false; it is ignored.'],
      ['warning', ...at('filez'), 5, 3, 'Unknown setting "glossary.filez"; it is ignored. Settings here: glossary.files, glossary.builtin, glossary.profile.'],
      ['warning', ...at('[""]'), 6, 9, '"ignore" must be a list of paths or globs; it is ignored.'],
    ]);
    assert.deepEqual([c.settings, c.ignore], [{ inlayHints: false }, []]);
  });

  it('refuses what is not a map of settings, and is empty when the file is', () => {
    assert.deepEqual(parseProjectConfig('- rules\n').problems.map((p) => [p.severity, p.message]), [['error', 'The config must be a map of settings, e.g. "rules.deprecated-rendering: error".']]);
    const dup = parseProjectConfig('ignore: [a]\nignore: [b]\n');
    assert.deepEqual([dup.problems.map((p) => [p.severity, p.line]), dup.ignore], [[['error', 2]], []]);
    assert.deepEqual(parseProjectConfig('# nothing yet\r\n'), { settings: {}, ignore: [], problems: [] });
  });

  it('says plainly that a 6,000-deep config is too deep, and reads nothing of it', () => {
    const c = parseProjectConfig(`rules: ${'['.repeat(6000)}${']'.repeat(6000)}\n`);
    assert.deepEqual([c.problems.map((p) => [p.severity, p.message]), c.settings], [[['error', 'This config is nested too deeply to be read.']], {}]);
  });

  it('lays the editor\'s settings over it, key by key', () => {
    const base = { rules: { 'deprecated-rendering': 'error', 'number-mismatch': 'hint' }, glossary: { files: ['a'] } };
    assert.deepEqual(layerSettings(base, { rules: { 'deprecated-rendering': 'off' }, glossary: { files: ['b'] }, inlayHints: null }), { rules: { 'deprecated-rendering': 'off', 'number-mismatch': 'hint' }, glossary: { files: ['b'] } });
    assert.deepEqual(layerSettings(base, undefined), base);
  });

  it('takes the settings package.json declares (but the client\'s tifa.languages) plus ignore, and its schema says so', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const declared = Object.keys(pkg.contributes.configuration.properties).filter((k) => k !== 'tifa.languages').map((k) => k.slice(5));
    assert.deepEqual(Object.keys(CONFIG_KEYS).sort(), [...declared, 'ignore'].sort());
    // The schema file is what scripts/config-schema.mjs writes from package.json (run it after changing a setting).
    const { configSchema } = await import(join(ROOT, 'scripts', 'config-schema.mjs'));
    const schema = JSON.parse(readFileSync(join(ROOT, 'glossary', 'config.schema.json'), 'utf8'));
    assert.deepEqual(schema, configSchema());
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.equal(validate(parseProjectConfig('rules:\n  deprecated-rendering: error\nglossary.files: [a.tbx]\n').settings), true);
    assert.equal(validate({ rules: { 'deprecated-rendering': 'fatal' } }), false);
    assert.equal(validate({ rulez: {} }), false);
    assert.deepEqual(pkg.contributes.yamlValidation.find((v: { url: string }) => v.url.endsWith('config.schema.json')).fileMatch, ['.tifa/config.yaml']);
  });
});
