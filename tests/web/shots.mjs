// Screenshots of the browser kiosk for docs/: the first safety screen and the outcome "warm, pink
// skin" on a phone (360x640), a desktop (1920x1080) and at 400 % zoom of a 1280x800 tablet (320x200
// CSS px at 4 device pixels each); the tablet's outcome is e2e.mjs's docs/web-outcome.png. Run by
// `scripts/test-web.sh --shots docs`; each file is named web-<screen>-<size>.png. Then the same two
// screens in Spanish on the phone, reached as a person would (a tap on "Español" on the welcome
// screen, then taps): web-question-phone-es.png and web-outcome-phone-es.png.
import { chromium } from 'playwright-core';
import { SETTLE_MS, WORDS, tap, waitFor, waitLang, walkToOutcome } from './walk.mjs';

const [url, dir] = process.argv.slice(2);
if (!url || !dir) throw new Error('usage: node shots.mjs URL DIR');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const sizes = [
  ['phone', { width: 360, height: 640 }, 2],
  ['desktop', { width: 1920, height: 1080 }, 1],
  ['zoom400', { width: 320, height: 200 }, 4],
];
try {
  for (const [name, viewport, deviceScaleFactor] of sizes) {
    const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await waitFor(page, 'Check a symptom');
    await tap(page, 'Check a symptom');
    await waitFor(page, 'First, a safety check');
    await page.waitForTimeout(SETTLE_MS);
    await page.screenshot({ path: `${dir}/web-question-${name}.png` });
    await page.goto(url);
    await walkToOutcome(page);
    await page.waitForTimeout(SETTLE_MS);
    await page.screenshot({ path: `${dir}/web-outcome-${name}.png` });
    console.log(`     ${dir}/web-question-${name}.png, ${dir}/web-outcome-${name}.png`);
    await context.close();
  }
  // In Spanish, on the phone.
  const context = await browser.newContext({ viewport: sizes[0][1], deviceScaleFactor: sizes[0][2], hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const spanish = async () => {
    await page.goto(url);
    await waitFor(page, WORDS.en.start);
    await tap(page, WORDS.en.switch);
    await waitFor(page, WORDS.es.start);
    await waitLang(page, 'es');
  };
  await spanish();
  await tap(page, WORDS.es.start);
  await waitFor(page, WORDS.es.first);
  await page.waitForTimeout(SETTLE_MS);
  await page.screenshot({ path: `${dir}/web-question-phone-es.png` });
  await spanish();
  await walkToOutcome(page, 'es');
  await page.waitForTimeout(SETTLE_MS);
  await page.screenshot({ path: `${dir}/web-outcome-phone-es.png` });
  console.log(`     ${dir}/web-question-phone-es.png, ${dir}/web-outcome-phone-es.png`);
  await context.close();
} finally {
  await browser.close();
}
