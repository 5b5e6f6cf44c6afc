// The README's browser example, its last line: `chromium --kiosk URL` on the page the README's
// first two lines built and serve (scripts/test-web-readme.sh runs them as written). Here the
// same Chromium, headless, with --kiosk: the welcome screen is drawn, the example clinic's
// numbers are in the emergency line, and the page reports no error.
import { chromium } from 'playwright-core';

const url = process.argv[2];
if (!url) throw new Error('usage: node readme.mjs URL');

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--kiosk', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text()); });
await page.goto(url);
// All the text in the page (the grid holds one character per element).
const pageText = () => page.evaluate(() => document.body.textContent.replace(/\u00a0/g, ' '));
async function seen(words, timeout = 20000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if ((await pageText().catch(() => '')).includes(words)) return true;
    await page.waitForTimeout(100);
  }
  return false;
}
check(await seen('Check a symptom'), 'README example: the page built and served as written shows the welcome screen');
check(await seen('01632 960000'), "README example: the emergency line has the example clinic's phone (data/clinic.example.toml)");
check(errors.length === 0, `README example: no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
await browser.close();
process.exit(failures ? 1 : 0);
