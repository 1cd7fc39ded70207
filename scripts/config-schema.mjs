// Writes glossary/config.schema.json, the JSON Schema of .tifa/config.yaml, from the settings
// package.json declares (their descriptions and values), so that the two cannot drift apart;
// test/unit/config.test.ts checks the file is what this writes. Run: node scripts/config-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function configSchema() {
  const props = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).contributes.configuration.properties;
  const nls = JSON.parse(readFileSync(`${root}package.nls.json`, 'utf8'));
  const text = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (_, k) => nls[k] ?? s) : s);
  const keyed = {};
  for (const [key, p] of Object.entries(props)) {
    if (key === 'tifa.languages') continue; // the client's, not the project's
    const { scope: _scope, order: _order, markdownDescription, description, enumDescriptions: _e, markdownEnumDescriptions: _m, ...rest } = p;
    keyed[key.slice('tifa.'.length)] = { ...rest, description: text(description ?? markdownDescription) };
  }
  keyed.ignore = { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs, relative to the project folder, of files neither the CLI nor the editor checks (node_modules and .git are never walked).' };
  // Each key may be written dotted ("rules.deprecated-rendering: error") or nested ("rules:" then "deprecated-rendering: error").
  const nested = {};
  for (const [key, schema] of Object.entries(keyed)) {
    const [head, ...tail] = key.split('.');
    if (!tail.length) continue;
    nested[head] ??= { type: 'object', additionalProperties: false, properties: {} };
    nested[head].properties[tail.join('.')] = schema;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://tifa.invalid/config.schema.json',
    title: 'Tifa project config (.tifa/config.yaml)',
    description: 'The project\'s Tifa settings, read by the editor and the tifa command alike: the settings\' keys without "tifa.", plus ignore. Settings made in the editor override them.',
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { ...keyed, ...nested },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${root}glossary/config.schema.json`, JSON.stringify(configSchema(), null, 2) + '\n');
}
