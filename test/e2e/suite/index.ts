/**
 * Entry point that @vscode/test-electron loads in the extension host (extensionTestsPath):
 * runs the bundled mocha suite and rejects when a test fails.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  // The test files are bundled into this file: define describe/it before loading them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // One VS Code per mode (test/e2e/run.cjs): as usual, in Restricted Mode, in Chinese.
  const mode = process.env.TIFA_E2E_MODE || '';
  console.log(`e2e suite: mode ${mode || 'default'}`);
  if (mode === 'restricted') require('./restricted.test');
  else if (mode === 'zh') require('./zh.test');
  else require('./extension.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve()));
  });
}
