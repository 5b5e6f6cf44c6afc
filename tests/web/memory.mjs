// Nothing of the last person in the page's memory (issue 32 item 5): a search typed in the
// explanations, then the idle reset; afterwards neither the page's HTML nor the WebAssembly
// memory holds the typed words. The test captures the module's memory as it is instantiated (an
// init script of the test's own; the page exposes nothing).
import { chromium } from 'playwright-core';
import { SETTLE_MS, tap, text, waitFor } from './walk.mjs';

const url = process.argv[2];
if (!url) throw new Error('usage: node memory.mjs URL');
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const WORDS = 'zqxwvjk';
// The explanations' search, opened and `words` typed into it as a person would.
async function search(page, words) {
  await tap(page, 'Browse explanations');
  await waitFor(page, 'Vasodilation');
  await page.waitForTimeout(SETTLE_MS);
  await page.keyboard.press('/');
  await page.keyboard.type(words, { delay: 50 });
}
// The idle reset: "Still there?", then the welcome screen, settled.
async function idleReset(page) {
  await waitFor(page, 'Still there?', 15000);
  await waitFor(page, 'Check a symptom', 10000);
  await page.waitForTimeout(500);
}
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const keep = (r) => {
      const inst = r.instance || r;
      for (const v of Object.values(inst.exports || {})) if (v instanceof WebAssembly.Memory) window.__memory = v;
      return r;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain(...a).then(keep);
  });
  const page = await context.newPage();
  await page.goto(url);
  await waitFor(page, 'Check a symptom');
  await search(page, WORDS);
  const typed = await text(page);
  // How many copies of `w` the wasm memory holds.
  const count = (w) => page.evaluate((w) => {
    const bytes = new Uint8Array(window.__memory.buffer);
    const needle = new TextEncoder().encode(w);
    let n = 0;
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      n += 1;
    }
    return n;
  }, w);
  const found = () => count(WORDS);
  const before = await found();
  check(typed.includes(WORDS) && before > 0, `the search "${WORDS}" is on screen and in the wasm memory (${before} copies): the probe finds it`);
  await idleReset(page);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  check(!html.includes(WORDS), 'after the reset the page\'s HTML does not hold the search');
  const after = await found();
  check(after === 0, `after the reset the wasm memory holds no copy of the search (${after} copies)`);

  // A longer search, corrected and cleared before the person walks away: letters erased with
  // Backspace and a search cleared with Escape stay in the search's buffer past its length, and a
  // buffer that grew would leave its first copy behind; the reset must leave none of them.
  const LONG = 'yfgqpzwxrtvbnmkjhdsl';
  const HEAD = LONG.slice(0, 8);
  await search(page, LONG);
  const typedLong = await count(HEAD);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  check(typedLong > 0 && !(await text(page)).includes(HEAD), `a ${LONG.length}-letter search, two letters erased and the search cleared (${typedLong} copies of its first 8 letters while typed)`);
  await idleReset(page);
  const afterLong = await count(HEAD);
  check(afterLong === 0, `after the reset the wasm memory holds no copy of the cleared search's first 8 letters (${afterLong} copies)`);
  await context.close();
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures += 1;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'web memory: all passed' : `web memory: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
