#!/usr/bin/env node
/**
 * UI check in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by headless Chromium:
 * installs the packaged tifa.vsix into a fresh code-server, opens the sample Chinese draft, waits
 * for Tifa's squiggle, hovers 网络强国, reads the hover text from the page, opens the Problems panel,
 * and saves screenshots (images/*.png, used by the README). Exits non-zero when any check fails.
 *
 *   node test/e2e/ui-check.cjs [--vsix tifa.vsix] [--shots images]
 *
 * Needs test/e2e/install-tools.sh (code-server, playwright-core, Debian chromium, CJK fonts).
 * Adapted from the project's real-client notes (drive-lsp-ui.js).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const http = require('node:http');

const root = path.join(__dirname, '..', '..');
const tools = process.env.TOOLS_DIR || path.join(root, '.tools');
const { chromium } = require(path.join(tools, 'node_modules', 'playwright-core'));
const CODE_SERVER = path.join(tools, 'node_modules', '.bin', 'code-server');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const vsix = path.resolve(arg('--vsix', path.join(root, 'tifa.vsix')));
const shots = path.resolve(arg('--shots', path.join(root, 'images')));
const t0 = Date.now();
const log = (...a) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const failures = [];
const check = (ok, what) => {
  log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const healthy = (port) => new Promise((r) => http.get(`http://127.0.0.1:${port}/healthz`, (res) => { res.resume(); r(res.statusCode === 200); }).on('error', () => r(false)));

/** Polls fn until it returns a truthy value or the deadline passes. */
async function poll(fn, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(async () => {
  if (!fs.existsSync(vsix)) throw new Error(`no ${vsix}: run npm run package first`);
  fs.mkdirSync(shots, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-ui-'));
  const udd = path.join(home, 'user');
  const ext = path.join(home, 'ext');
  const ws = path.join(home, 'workspace');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  // The examples with their .tifa/ (the example team's house style).
  fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
  fs.writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 15, 'editor.minimap.enabled': false,
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'chat.commandCenter.enabled': false, 'workbench.tips.enabled': false,
  }));
  const install = spawnSync(CODE_SERVER, ['--user-data-dir', udd, '--extensions-dir', ext, '--install-extension', vsix], { encoding: 'utf8' });
  check(install.status === 0 && /successfully installed/i.test(install.stdout), `the .vsix installs into a fresh code-server (${install.stdout.trim().split('\n').pop()})`);

  const port = await freePort();
  const cs = spawn(CODE_SERVER, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', udd, '--extensions-dir', ext,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
  { stdio: ['ignore', fs.openSync(path.join(home, 'cs.log'), 'w'), fs.openSync(path.join(home, 'cs.err'), 'w')], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' } });
  const stop = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch {} };
  process.on('exit', stop);
  await poll(() => healthy(port), 'code-server', 30000);
  log('code-server up on port', port);

  const bUdd = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-chromium-'));
  const ctx = await chromium.launchPersistentContext(bUdd, {
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'speech-excerpt.zh.md' }).first();
    await row.waitFor({ timeout: 60000 });
    await row.click();
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30000 });
    log('editor open');
    await page.waitForSelector('.editor-instance .monaco-editor .squiggly-info', { timeout: 60000 });
    check(true, 'Tifa marks formulations in the Chinese draft (information squiggles)');

    const rect = await page.evaluate((w) => {
      const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      let found = null; // the last occurrence: its hover opens above and leaves the text readable
      for (let n; (n = walker.nextNode());) {
        const i = n.data.indexOf(w);
        if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + w.length); const b = r.getBoundingClientRect(); found = { x: b.x, y: b.y, w: b.width, h: b.height }; }
      }
      return found;
    }, '网络强国');
    check(!!rect, '网络强国 is rendered in the editor');
    let hoverText = '';
    for (let attempt = 0; attempt < 6 && !hoverText; attempt++) {
      await page.mouse.move(rect.x + rect.w + 500, rect.y + rect.h / 2);
      await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2, { steps: 4 });
      try {
        // The card itself, not only the diagnostic above it (which also names the rendering while the card is "Loading...").
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Preferred 首选' }).first();
        await hover.waitFor({ timeout: 4000 });
        hoverText = (await hover.innerText()).trim();
      } catch {
        log('hover attempt', attempt, 'no hover yet');
      }
    }
    log('hover text:', JSON.stringify(hoverText.slice(0, 400)));
    const flat = hoverText.replace(/\s+/g, ' ');
    check(flat.includes("Preferred 首选: cyber superpower (DigiChina; source 来源: DigiChina, “Xi Jinping Puts 'Indigenous Innovation'"), 'the hover shows the preferred rendering, its authority and its source');
    check(flat.includes('Provenance 出处') && flat.includes('4.20 speech') && flat.includes('把我国建设成为网络强国'), 'the hover shows the provenance timeline with quotes');
    check(!flat.includes('\\'), 'the hover shows no stray escape characters');
    // The card fades in: picture it once it is fully opaque.
    await poll(() => page.evaluate(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].every((h) => {
      for (let e = h; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
      return true;
    })), 'the hover to finish fading in', 5000).catch(() => undefined);
    await page.screenshot({ path: path.join(shots, 'hover.png') });
    log('saved', path.join(shots, 'hover.png'));

    // Problems panel: every formulation listed with its message.
    await page.mouse.move(5, 700);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await problems.first().waitFor({ timeout: 20000 });
    const problemsText = await page.locator('.markers-panel').innerText();
    check(/网络强国 — cyber superpower \(Leading Group announcement, 2014\)/.test(problemsText), 'the Problems panel lists formulations with their messages');
    await page.screenshot({ path: path.join(shots, 'problems.png') });
    log('saved', path.join(shots, 'problems.png'));

    // Quick fix: the English draft quotes a deprecated rendering; Ctrl+. offers the glossary's.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'analyst-note.en.md' }).first().click();
    await page.waitForSelector('.editor-instance .monaco-editor .squiggly-warning', { timeout: 30000 });
    const target = await poll(() => page.evaluate((w) => {
      // A rendered line is split into many spans: search the line's text, then find the node.
      for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
        const i = line.textContent.replace(/\u00a0/g, ' ').indexOf(w); // Monaco renders spaces as no-break spaces
        if (i < 0) continue;
        let offset = i + 2;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode());) {
          if (offset < n.data.length) {
            const r = document.createRange(); r.setStart(n, offset); r.setEnd(n, offset + 1);
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
          offset -= n.data.length;
        }
      }
      return null;
    }, 'cyber power'), 'the English draft to render', 20000).catch(() => null);
    if (!target) await page.screenshot({ path: path.join(os.tmpdir(), 'tifa-ui-debug.png') });
    check(!!target, '"cyber power" is rendered in the English draft');
    await page.mouse.click(target.x, target.y);
    await page.keyboard.press('Control+.');
    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with “cyber superpower”' }).first();
    await fixRow.waitFor({ timeout: 15000 });
    const menu = (await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ');
    log('quick fix menu:', JSON.stringify(menu.slice(0, 300)));
    check(menu.includes('Ignore this occurrence') && menu.includes('Add “cyber power” to the workspace glossary as admitted'), 'the light-bulb menu offers replace, ignore and add-to-glossary');
    await page.screenshot({ path: path.join(shots, 'quickfix.png') });
    log('saved', path.join(shots, 'quickfix.png'));
    // The first entry, the preferred rendering, has the focus: accept it as a keyboard user would.
    check(/^\s*Quick Fix\s*Replace with “cyber superpower”/.test(menu), 'the preferred rendering comes first');
    await page.keyboard.press('Enter');
    const fixedLine = await poll(async () => {
      // Each visual line is its own element, reused out of order: look at them one by one.
      const lines = (await page.locator('.editor-instance .monaco-editor .view-line').allInnerTexts()).map((t) => t.replace(/[\s\u00a0]+/g, ' '));
      return lines.some((l) => l.includes('as "cyber superpower" or')) && !lines.some((l) => l.includes('"cyber power"')) ? lines : undefined;
    }, 'the fix to be applied', 15000).catch(() => undefined);
    if (!fixedLine) await page.screenshot({ path: path.join(os.tmpdir(), 'tifa-ui-debug.png') });
    check(!!fixedLine, 'applying the quick fix puts “cyber superpower” in the text');
    const warningGone = await poll(async () => {
      const t = await page.locator('.markers-panel').innerText();
      return !t.includes('“cyber power” is a deprecated rendering') && t.includes('网络强国 — cyber superpower');
    }, 'the warning to leave the Problems panel', 15000).catch(() => false);
    check(warningGone, 'the fixed warning leaves the Problems panel; the formulations stay');

    // Translation memories: the example team's TMX says "cyber superpower" five times; a draft
    // XLIFF that says "cyber power" gets memory-inconsistent (and, by the example house style,
    // deprecated-rendering), shown on hover and in the Problems panel with the TMX's units.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.keyboard.type('draft.zh-en.xlf');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'draft.zh-en.xlf' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    const xlfTab = page.locator('.tabs-container .tab', { hasText: 'draft.zh-en.xlf' }).first();
    await xlfTab.waitFor({ timeout: 30000 });
    let memoryText = '';
    // Until the settled message: the memory is built in the background, and again once the draft
    // is open (it counts as a memory of itself), so an early hover may show other counts.
    const expectedMemory = '网络强国 is rendered “cyber power” here, but your translations render it “cyber superpower” in 5 of 8 units.';
    for (let attempt = 0; attempt < 20 && !memoryText.includes(expectedMemory); attempt++) {
      const at = await page.evaluate((w) => {
        // Every editor's lines (the note opened earlier is still there, hidden): the visible match.
        for (const lines of document.querySelectorAll('.editor-instance .monaco-editor .view-lines')) {
          const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
          for (let n; (n = walker.nextNode());) {
            // Monaco draws spaces as no-break spaces.
            const i = n.data.replace(/\u00a0/g, ' ').indexOf(w);
            if (i < 0) continue;
            const r = document.createRange(); r.setStart(n, i + 6); r.setEnd(n, i + 11);
            const b = r.getBoundingClientRect();
            if (b.width > 0) return { x: b.x, y: b.y, w: b.width, h: b.height };
          }
        }
        return null;
      }, 'cyber power');
      if (!at) { await new Promise((r) => setTimeout(r, 1000)); continue; }
      await page.mouse.move(at.x + 400, at.y + 200);
      await page.mouse.move(at.x + at.w / 2, at.y + at.h / 2, { steps: 4 });
      try {
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'your translations' }).first();
        await hover.waitFor({ timeout: 3000 });
        memoryText = (await hover.innerText()).replace(/\s+/g, ' ');
        if (!memoryText.includes(expectedMemory)) {
          log('memory hover attempt', attempt, 'not settled yet:', memoryText.slice(0, 300));
          await page.keyboard.press('Escape');
          await new Promise((r) => setTimeout(r, 1000));
        }
      } catch {
        log('memory hover attempt', attempt, 'not yet (the memory is built in the background)');
      }
    }
    check(memoryText.includes(expectedMemory), 'an XLIFF draft that departs from the translation memory gets memory-inconsistent, on hover');
    await poll(() => page.evaluate(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].every((h) => {
      for (let e = h; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
      return true;
    })), 'the hover to finish fading in', 5000).catch(() => undefined);
    await page.screenshot({ path: path.join(shots, 'memory.png') });
    log('saved', path.join(shots, 'memory.png'));

    // The record: the Formulation timeline, run from the command palette as an analyst would,
    // with the editors and the panel closed so that the picture shows the chart.
    await page.keyboard.press('Escape');
    const palette = async (command) => {
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type(command);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: command.replace(/^.*?: /, '') }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    };
    await palette('View: Close All Editors');
    await page.keyboard.press('Control+J'); // hides the panel, open since the Problems check
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Tifa: Show Formulation Timeline');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Formulation Timeline' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 15000 });
    await page.keyboard.type('新发展理念 高质量发展 一带一路 网络强国');
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Timeline' }).first();
    await tab.waitFor({ timeout: 60000 }).catch(() => undefined);
    check(await tab.isVisible().catch(() => false), 'Show Formulation Timeline opens the timeline beside the editor');
    // The chart is drawn inside the webview's frames: wait until one of them holds the SVG.
    const drawn = await poll(async () => {
      for (const f of page.frames()) {
        const n = await f.locator('svg circle').count().catch(() => 0);
        if (n > 0) return f;
      }
      return undefined;
    }, 'the timeline chart', 60000).catch(() => undefined);
    check(!!drawn, 'the timeline draws its chart (one point per year per formulation)');
    if (drawn) {
      const legend = await drawn.locator('svg').innerHTML();
      check(['新发展理念', '高质量发展', '一带一路', '网络强国'].every((w) => legend.includes(w)), 'the chart names the four formulations');
    }
    await page.screenshot({ path: path.join(shots, 'timeline.png') });
    log('saved', path.join(shots, 'timeline.png'));
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(bUdd, { recursive: true, force: true });
    stop();
  }
  console.log(failures.length ? `ui-check: ${failures.length} failed: ${failures.join('; ')}` : 'ui-check: all checks passed');
  process.exit(failures.length ? 1 : 0);
})().catch((e) => {
  console.error('ui-check: ERROR', e);
  process.exit(2);
});
