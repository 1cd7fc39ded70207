import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const json = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));

/** What package.json promises VS Code: every command a walkthrough or menu names exists, every text in both languages, every file shipped. */
describe('the extension manifest', () => {
  const pkg = json('package.json');
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  const declared = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const shipped = (path: string) => (pkg.files as string[]).some((f) => path === f || (f.endsWith('/') && path.startsWith(f)));

  it('has every %placeholder% in English and Chinese', () => {
    const keys = [...JSON.stringify(pkg.contributes).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 30);
    for (const k of keys) {
      assert.ok(typeof en[k] === 'string' && en[k], `package.nls.json lacks ${k}`);
      assert.ok(typeof zh[k] === 'string' && zh[k], `package.nls.zh-cn.json lacks ${k}`);
    }
  });

  it('walkthrough: a sample, a hover, a fix, a glossary; its links run declared commands (or VS Code\'s own), its media ship', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['sample', 'hover', 'fix', 'glossary']);
    const builtIn = new Set(['editor.action.quickFix', 'workbench.action.openSettings']);
    for (const step of walkthrough.steps) {
      for (const nls of [en, zh]) {
        const text = nls[step.description.slice(1, -1)] as string;
        const links = [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id} has a button`);
        for (const c of links) assert.ok(declared.has(c) || builtIn.has(c), `${step.id} links to ${c}`);
      }
      for (const e of step.completionEvents as string[]) {
        const c = /^onCommand:(.+)$/.exec(e)?.[1];
        if (c) assert.ok(declared.has(c) || builtIn.has(c), e);
      }
      const media = step.media.markdown ?? step.media.image;
      assert.ok(existsSync(join(ROOT, media)) && shipped(media), `${media} exists and ships`);
    }
  });

  it('ships what its schemas and its config name', () => {
    for (const v of pkg.contributes.yamlValidation) assert.ok(shipped(v.url.replace(/^\.\//, '')), v.url);
    assert.ok(declared.has('tifa.openSample'));
  });
});
