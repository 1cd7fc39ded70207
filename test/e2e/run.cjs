#!/usr/bin/env node
/**
 * Runs the VS Code integration suite (test/e2e/suite) with @vscode/test-electron.
 * Where VS Code can be downloaded, that is what runs. On machines that cannot download it, but
 * have code-server installed by test/e2e/install-tools.sh, the same suite runs in VS Code 1.100.3
 * served by code-server, through the stand-in executable test/e2e/code-shim.js.
 *   npm run test:e2e
 */
const { runTests } = require('@vscode/test-electron');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const tools = process.env.TOOLS_DIR || path.join(root, '.tools');

(async () => {
  // Three VS Codes, each on a scratch copy of the workspace (the suite changes settings and files):
  // as usual, in Restricted Mode (an untrusted folder), and with the zh-cn locale.
  const haveCodeServer = fs.existsSync(path.join(tools, 'node_modules', '.bin', 'code-server'));
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || (haveCodeServer ? path.join(__dirname, 'code-shim.js') : undefined);
  console.log(vscodeExecutablePath ? `e2e: VS Code via ${vscodeExecutablePath}` : 'e2e: VS Code downloaded by @vscode/test-electron');
  const modes = (process.env.TIFA_E2E_MODES || 'default,restricted,zh').split(',');
  for (const mode of modes) {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-e2e-'));
    fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
    console.log(`e2e: ${mode}`);
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'out', 'e2e', 'index.js'),
        extensionTestsEnv: { TIFA_E2E_MODE: mode === 'default' ? '' : mode },
        // The shim sets up trust and the locale itself; a downloaded VS Code is told the locale.
        launchArgs: [workspace, '--disable-extensions', ...(mode === 'zh' && !vscodeExecutablePath ? ['--locale', 'zh-cn'] : [])],
      });
    } catch (e) {
      console.error(`e2e: VS Code tests (${mode}) failed:`, e.message ?? e);
      process.exitCode = 1;
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
})();
