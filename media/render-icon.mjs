// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with Debian's
// Chromium through playwright-core. Run again after editing the SVG: node media/render-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svg = readFileSync(fileURLToPath(new URL('icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.STARLINT_E2E_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: fileURLToPath(new URL('icon.png', import.meta.url)), omitBackground: true });
} finally {
  await browser.close();
}
