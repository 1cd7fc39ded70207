// Renders images/icon.png (128×128) in headless Chromium: the character 提 on a red seal.
// Run once after changing the design: node scripts/make-icon.cjs (needs test/e2e/install-tools.sh).
const path = require('node:path');
const { chromium } = require(path.join(__dirname, '..', '.tools', 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:128px;height:128px;border-radius:22px;background:#b3261e;display:flex;align-items:center;justify-content:center;
      box-sizing:border-box;border:6px solid #f6e7c1;font:bold 84px 'WenQuanYi Zen Hei';color:#fdf6e3">提</div></body></html>`);
  await page.screenshot({ path: path.join(__dirname, '..', 'images', 'icon.png'), omitBackground: true });
  await browser.close();
})();
