/**
 * Entry point that @vscode/test-electron loads in the extension host (extensionTestsPath):
 * runs the bundled mocha suite and rejects when a test fails.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  // The test files are bundled into this file: define describe/it before loading them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./extension.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve()));
  });
}
