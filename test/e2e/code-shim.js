#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// VS Code cannot be downloaded on our CI machines; code-server (VS Code 1.100.3, from npm) can be
// installed. Tifa's copy of the shim from the project's real-client notes, adapted: it finds the
// tools installed by test/e2e/install-tools.sh in .tools/ unless told otherwise.
// It accepts the CLI args test-electron passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, [folder]) and runs the tests in code-server's Node remote
// extension host, driven by headless Debian chromium via playwright-core. Exit code = test result.
const { spawn } = require('child_process');
const fs = require('fs'), os = require('os'), path = require('path'), net = require('net'), http = require('http');
const TOOLS = process.env.TOOLS_DIR || path.join(__dirname, '..', '..', '.tools');
const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(TOOLS, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT_MS = +(process.env.SHIM_TIMEOUT_MS || 300000);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || path.join(TOOLS, 'node_modules', 'playwright-core'));

const argv = process.argv.slice(2);
const opt = (name) => argv.filter(a => a.startsWith(`--${name}=`)).map(a => a.slice(name.length + 3));
const devPaths = opt('extensionDevelopmentPath');
const testsPath = opt('extensionTestsPath')[0];
const udd = opt('user-data-dir')[0] || fs.mkdtempSync(path.join(os.tmpdir(), 'shim-udd-'));
const extDir = opt('extensions-dir')[0] || fs.mkdtempSync(path.join(os.tmpdir(), 'shim-ext-'));
const positional = argv.filter(a => !a.startsWith('-'));
const folder = positional[0] ? path.resolve(positional[0]) : undefined;
const log = (...a) => console.log('[code-shim]', ...a);

const freePort = () => new Promise(r => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const healthy = (port) => new Promise(r => http.get(`http://127.0.0.1:${port}/healthz`, res => { res.resume(); r(res.statusCode === 200); }).on('error', () => r(false)));

(async () => {
  if (!testsPath || !devPaths.length) { console.error('need --extensionTestsPath= and --extensionDevelopmentPath='); process.exit(2); }
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  const settings = path.join(udd, 'User', 'settings.json');
  // TIFA_E2E_MODE=restricted: workspace trust on, the folder never trusted (Restricted Mode, no prompt).
  // TIFA_E2E_MODE=zh: VS Code with the zh-cn locale (see below).
  const mode = process.env.TIFA_E2E_MODE || '';
  const restricted = mode === 'restricted';
  // Written every time: test-electron reuses its user data folder between runs, and each mode needs its own.
  fs.writeFileSync(settings, JSON.stringify({ 'security.workspace.trust.enabled': restricted, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false }));
  const localeArgs = [];
  if (mode === 'zh') {
    // VS Code runs in a locale only when a language pack for it is known (languagepacks.json in
    // the user data folder); none can be downloaded here, so the run declares an empty one: the
    // workbench's own texts stay English, but VS Code's language, what extensions and language
    // servers are told (vscode.env.language, initialize's locale), is zh-cn.
    const translations = path.join(udd, 'empty-zh-cn.i18n.json');
    fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(udd, 'languagepacks.json'), JSON.stringify({ 'zh-cn': { hash: 'tifa-e2e-empty', extensions: [{ extensionIdentifier: { id: 'tifa-e2e.empty-zh-cn' }, version: '0.0.0' }], translations: { vscode: translations }, label: '中文(简体)' } }));
    localeArgs.push('--locale', 'zh-cn');
  } else fs.rmSync(path.join(udd, 'languagepacks.json'), { force: true });
  const port = await freePort();
  const cs = spawn(CODE_SERVER, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', udd, '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', ...(restricted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened', ...localeArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{"serviceUrl":""}' } });
  const csLog = fs.createWriteStream(path.join(udd, 'code-server.log'));
  cs.stdout.pipe(csLog); cs.stderr.pipe(csLog);
  const stopCs = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch (e) {} };
  process.on('exit', stopCs);
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => { stopCs(); process.exit(130); });
  for (let i = 0; !(await healthy(port)); i++) { if (i > 120) { log('code-server did not start'); process.exit(3); } await new Promise(r => setTimeout(r, 250)); }
  log(`code-server pid ${cs.pid} on 127.0.0.1:${port}`);
  const remote = p => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [...devPaths.map(p => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
  const bUdd = fs.mkdtempSync(path.join(os.tmpdir(), 'shim-chromium-'));
  const ctx = await chromium.launchPersistentContext(bUdd, { executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = ctx.pages()[0] || await ctx.newPage();
  let done; const finished = new Promise(r => (done = r));
  // extension-host console output arrives here (mocha reporter output included)
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (!Array.isArray(args)) return;
    let [fmt, ...rest] = args.map(a => typeof a === 'string' ? a : JSON.stringify(a));
    if (typeof fmt === 'string') fmt = fmt.replace(/%[sdifoOj]/g, () => rest.length ? rest.shift() : '');
    const line = [fmt, ...rest].join(' ');
    if (process.env.SHIM_VERBOSE || !/^(Resolving|Resolved|Creating a socket|Creation of workbench|Updating additional|\[Service Worker\]|ChatSessionStore)/.test(line)) (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  // VS Code >= ~1.10x only honours extensionDevelopmentPath/extensionTestsPath from the URL payload in a
  // built product when developmentOptions.enableSmokeTestDriver is set (server flag --enable-smoke-test-driver,
  // which code-server's CLI rejects). Inject it into the workbench configuration <meta> of the HTML page.
  await page.addInitScript(() => {
    const patch = () => {
      const m = document.getElementById('vscode-workbench-web-configuration');
      if (!m || m.dataset.patched) return !!m;
      const cfg = JSON.parse(m.getAttribute('data-settings'));
      cfg.developmentOptions = Object.assign({}, cfg.developmentOptions, { enableSmokeTestDriver: true });
      m.setAttribute('data-settings', JSON.stringify(cfg));
      m.dataset.patched = '1';
      return true;
    };
    if (!patch()) { const mo = new MutationObserver(() => { if (patch()) mo.disconnect(); }); mo.observe(document, { childList: true, subtree: true }); }
  });
  const q = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (folder) q.set('folder', folder); else q.set('ew', 'true');
  await page.goto(`http://127.0.0.1:${port}/?${q}`, { waitUntil: 'domcontentloaded' });
  const code = await Promise.race([finished, new Promise(r => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  if (process.env.SHIM_SCREENSHOT) await page.screenshot({ path: process.env.SHIM_SCREENSHOT }).catch(() => {});
  await ctx.close().catch(() => {});
  fs.rmSync(bUdd, { recursive: true, force: true });
  stopCs();
  log('extension tests exit code:', code);
  process.exit(code === 0 ? 0 : (typeof code === 'number' ? code : 124));
})().catch(e => { console.error('[code-shim] ERROR', e); process.exit(2); });
