// End-to-end test of the browser kiosk in Debian's headless Chromium, driven by playwright-core.
// scripts/test-web.sh builds the page, serves it on 127.0.0.1 and runs this with the page's URL.
//
// A person walks one full triage by taps and keys to an outcome; the page must then sit still
// (no frames drawn while nothing changes), show "Still there?" after the idle timeout and clear
// every answer after the countdown. Then: a resize keeps taps working, and a clinic file with a
// mistake is refused with its file, line and column. Then the same in Spanish, as a person would
// use it: the switch on the welcome screen, a walk by taps to an outcome, the privacy reset back to
// the clinic's language; a clinic whose `language` is Spanish; one that offers Spanish alone.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  SETTLE_MS, WORDS, clinicWith, pageLang, tap as tap0, text as pageText0, waitFor as waitFor0, waitLang,
  walkToOutcome,
} from './walk.mjs';

const url = process.argv[2];
const shotPath = process.argv[3];
// The folder the server serves (to change the clinic's files under the running page).
const served = process.env.WEB_DIST;
if (!url) throw new Error('usage: node e2e.mjs URL [SCREENSHOT.png]');

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Playwright turns the back/forward cache off; a kiosk's Chromium has it on.
  ignoreDefaultArgs: ['--disable-back-forward-cache'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text()); });

// All the words in the page as shown: the banner, the screen, the key hints when shown. (While
// the page reloads its context goes away: that is "nothing on screen yet", not a failure.)
const text = () => pageText0(page);
const frames = () => page.evaluate(() => Number(document.getElementById('app').dataset.frames || 0));

async function waitFor(words, timeout = 10000) {
  return waitFor0(page, words, timeout);
}

// Whether `words` appear within `timeout` ms (a check that fails, not a throw that skips the rest).
const seen = (words, timeout = 10000) => waitFor(words, timeout).then(() => true, () => false);
// All the text in the page's HTML, shown or not.
const pageText = () => page.evaluate(() => document.body.textContent.replace(/\u00a0/g, ' '));

// A new screen takes no tap or key for a short settle time (src/app/settle.rs): a person reads
// before answering, so the walk waits longer than that (and than the 1 s a kiosk ignores the
// key that changed the screen, a held key's first repeat) before each tap or key.
const settle = () => page.waitForTimeout(SETTLE_MS);
const press = async (key) => { await settle(); await page.keyboard.press(key); };

// Taps the middle of the button holding `words`, as a finger would.
const tap = (words) => tap0(page, words);

// Taps a key of the staff PIN pad: the button whose name is exactly `label`.
async function tapKey(label) {
  const b = page.locator('#app button').filter({ hasText: new RegExp(`^${label}$`) }).first();
  await b.scrollIntoViewIfNeeded();
  const box = await b.boundingBox();
  if (!box) throw new Error(`no pad key "${label}" on screen:\n${await text()}`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function idleCost(ms) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const [task0, script0, f0] = [await metric('TaskDuration'), await metric('ScriptDuration'), await frames()];
  await page.waitForTimeout(ms);
  const [task1, script1, f1] = [await metric('TaskDuration'), await metric('ScriptDuration'), await frames()];
  await cdp.detach();
  return { busyMsPerSec: ((task1 - task0) * 1000) / (ms / 1000), scriptMs: (script1 - script0) * 1000, frames: f1 - f0 };
}

try {
  const t0 = Date.now();
  await page.goto(url);
  let t = await waitFor('Check a symptom');
  console.log(`     first screen after ${Date.now() - t0} ms`);
  check(t.includes('999') && t.includes('01632 960000'), 'the emergency number and the clinic phone are on the welcome screen');
  check(!t.toLowerCase().includes('quit'), 'a kiosk offers no way to quit');

  // The walk: taps and keys, as a person would.
  await tap('Check a symptom');
  await waitFor('First, a safety check');
  // The keys' hints ("Enter choose") are for a keyboard: a finger never sees them (a tap on the
  // grid's "Enter choose" once chose the highlighted first answer, a red flag).
  t = await text();
  check(!t.includes('Enter choose') && !(await page.isVisible('#keys')),
    'after a tap the key hints ("Enter choose") are not shown');
  await press('8'); // "No, none of these", by its number
  await waitFor('Choose the first one that fits');
  check(await page.isVisible('#keys') && (await text()).includes('Enter choose'),
    'after a key the key hints are shown');
  await press('8'); // "No, none of these", by its number
  await waitFor('What are you noticing?');
  await tap('Skin redness, warmth or flushing');
  await waitFor('Look at the skin that was massaged');
  await settle();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter'); // the eighth answer, "No, none of these"
  await waitFor('One more safety check');
  await press('8'); // "No, none of these" of the general danger signs
  await waitFor('When did the redness or warmth start');
  await tap('Not itchy or sore: it started today');
  t = await waitFor('Normal: warm, pink skin after massage');
  check(t.includes('Expected'), 'the walk reaches the expected outcome');
  check(t.includes('999') && t.includes('01632 960000'), 'the outcome shows the emergency number and the clinic phone');
  check(t.includes('Get help if'), 'the outcome says when to get more help');
  if (shotPath) {
    await page.screenshot({ path: shotPath });
    console.log(`     screenshot: ${shotPath}`);
  }

  // The take-home QR code, read from a screenshot as a phone camera would read the screen, at
  // two window sizes (the cells' seams depend on the size).
  await press('t');
  await waitFor('Take this with you');
  for (const [w, h] of [[1280, 800], [1024, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => document.querySelector('#app .code').scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(200);
    const png = PNG.sync.read(await page.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    check(code !== null && code.data.startsWith('After your massage') && code.data.includes('Expected'),
      `the take-home QR code on screen can be read at ${w}x${h} (${code ? code.data.split('\n')[1] : 'not read'})`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await press('Escape');
  await waitFor('Normal: warm, pink skin after massage');

  // Nothing changes on screen for 5 s (the idle timeout is 10 s): nothing may be drawn. (The
  // screen's settle time ends with one redraw; the quiet time starts after it.)
  await settle();
  const busy = await idleCost(5000);
  check(busy.frames === 0, `no frames drawn while the outcome sits still (${busy.frames})`);
  console.log(`     idle on the outcome: main thread busy ${busy.busyMsPerSec.toFixed(2)} ms/s, script ${busy.scriptMs.toFixed(2)} ms in 5 s`);

  // The privacy reset: "Still there?" after 10 s without a touch, the welcome screen 3 s later.
  // The reset asks the server for nothing (staff edits reach the kiosk while it sits idle
  // instead: see the live-update checks below).
  const resetRequests = [];
  const onRequest = (r) => resetRequests.push(`${r.method()} ${new URL(r.url()).pathname}`);
  page.on('request', onRequest);
  check((await pageText()).includes('warm, pink skin'), 'before the reset the outcome is in the page');
  check(await seen('Still there?', 10000), '"Still there?" appears after the idle timeout');
  check(await seen('Check a symptom', 8000), 'the welcome screen is back after the countdown');
  await page.waitForTimeout(2000);
  page.off('request', onRequest);
  check(resetRequests.length === 0,
    `the privacy reset makes no request (${resetRequests.length}: ${resetRequests.slice(0, 4).join(', ')})`);
  const after = await pageText();
  check(!after.includes('warm, pink skin') && !after.includes('skin that was massaged'),
    'after the reset no answer or outcome is left anywhere in the page');

  // An idle welcome screen: no timers, no frames (after the settle time's one redraw).
  await settle();
  const idleRequests = [];
  const onIdleRequest = (r) => idleRequests.push(`${r.method()} ${new URL(r.url()).pathname}`);
  page.on('request', onIdleRequest);
  const idle = await idleCost(10000);
  check(idle.frames === 0, `no frames drawn on the idle welcome screen in 10 s (${idle.frames})`);
  // Sitting untouched for the idle timeout, the page asks the server whether the clinic's files
  // changed: HEAD requests only (no file's text), as none did.
  await page.waitForTimeout(1000);
  page.off('request', onIdleRequest);
  check(idleRequests.length > 0 && idleRequests.every((r) => r.startsWith('HEAD ')),
    `the idle welcome screen asks about the clinic's files with HEAD requests only (${idleRequests.length}: ${[...new Set(idleRequests)].slice(0, 3).join(', ')}…)`);
  console.log(`     idle on the welcome screen: main thread busy ${idle.busyMsPerSec.toFixed(2)} ms/s, script ${idle.scriptMs.toFixed(2)} ms in 10 s`);

  // A key pressed the moment the window shrinks (a tablet turned): no crash, no garbled screen.
  await page.setViewportSize({ width: 500, height: 300 });
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  check(!(await pageText()).includes('Something went wrong') && errors.length === 0,
    'a key during a resize does not crash the page');

  // After a resize the page (reflowed) takes taps and keys.
  await page.setViewportSize({ width: 800, height: 600 });
  await tap('Browse explanations');
  check(await seen('Vasodilation: why your skin goes warm and red'), 'a tap after a resize opens the explanations');
  await press('Escape');
  check(await seen('Check a symptom'), 'a key after a resize goes back');

  // Staff without a keyboard: five taps on the emergency banner open the PIN pad; a wrong PIN is
  // refused; the right one reloads the page (which reads the clinic's files again).
  // (On the banner's right end, past its words: its phone links are links.)
  const banner = await page.locator('#banner').boundingBox();
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(banner.x + banner.width - 4, banner.y + banner.height / 2);
  t = await waitFor('Staff exit');
  check(await page.locator('#app button', { hasText: /^OK$/ }).count() === 1
    && await page.locator('#app button', { hasText: /^5$/ }).count() === 1, 'five taps on the banner open the staff PIN pad');
  for (const k of ['1', '3', '5', '7', 'OK']) await tapKey(k);
  check(await seen('Wrong PIN'), 'a wrong PIN tapped on the pad is refused');
  await page.waitForTimeout(1100); // the one-second backoff after a wrong PIN
  for (const k of ['2', '4', '6', '8']) await tapKey(k);
  const reload = page.waitForEvent('load', { timeout: 8000 }).then(() => true, () => false);
  await tapKey('OK');
  check(await reload, 'the right PIN tapped on the pad reloads the page');
  await waitFor('Check a symptom');

  // Once loaded, the page loads again with the server gone (the service worker's copy).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);
  await context.setOffline(true);
  await page.reload();
  t = await waitFor('Check a symptom');
  check(t.includes('01632 960000'), 'offline, a reload still shows the kiosk with the clinic\'s settings');
  await context.setOffline(false);

  // A clinic file with a mistake: refused with file, line and column, and the way out. (A new
  // context without the service worker, so the test's copy of clinic.toml is the one read.)
  const plain = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const bad = await plain.newPage();
  await bad.route('**/clinic.toml', (r) => r.fulfill({ status: 200, body: '[clinic]\nemergency = "999"\n\n[kiosk]\nidle_timeout_secs = 1\n' }));
  await bad.goto(url);
  await bad.waitForFunction(() => document.getElementById('app').innerText.includes('cannot start'));
  t = await bad.evaluate(() => document.getElementById('app').innerText);
  check(/clinic\.toml:5:21: error: kiosk\.idle_timeout_secs/.test(t), 'a bad clinic.toml names its file, line and column');
  check(t.includes('999'), 'the refusal still shows the emergency number');
  check(t.includes('Tap to try again'), 'the refusal says a tap tries again (and it retries by itself)');
  // A good clinic.toml with broken content: the refusal shows the clinic's own numbers.
  const bad2 = await plain.newPage();
  await bad2.route('**/content/flags.toml', (r) => r.fulfill({ status: 200, body: '[flag.broken\n' }));
  await bad2.goto(url);
  await bad2.waitForFunction(() => document.getElementById('app').innerText.includes('cannot start'));
  t = await bad2.evaluate(() => document.getElementById('app').innerText);
  check(t.split('\n')[0].includes('01632 960000') && /content\/flags\.toml:1:/.test(t),
    'broken content with a good clinic.toml: the refusal leads with the clinic\'s own numbers');
  await plain.close();

  // In Spanish. (Contexts without the service worker, so that the test's clinic.toml is the one
  // read.)
  {
    const es = WORDS.es;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, serviceWorkers: 'block' });
    const open = async (top) => {
      const p = await ctx.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      if (top) {
        const body = await clinicWith(url, top);
        await p.route('**/clinic.toml', (r) => r.fulfill({ status: 200, body }));
      }
      await p.goto(url);
      return p;
    };
    const seenOn = (p, words, timeout = 10000) => waitFor0(p, words, timeout).then(() => true, () => false);

    // The clinic speaks English; a person taps "Español" on the welcome screen.
    let p = await open();
    await waitFor0(p, 'Check a symptom');
    check(await pageLang(p) === 'en', `the English page says lang="${await pageLang(p)}"`);
    await tap0(p, WORDS.en.switch);
    t = await waitFor0(p, es.start);
    check(await waitLang(p, 'es').then(() => true, () => false), `after "Español" the page says lang="${await pageLang(p)}"`);
    check(t.includes('¿Se encuentra muy mal? Llame al 999 ahora.') && t.includes('01632 960000'),
      `the emergency banner speaks Spanish, with the clinic's numbers (${t.split('\n')[0]})`);
    check(await p.title() === es.title, `the window's title is the Spanish content's ("${await p.title()}")`);
    t = await walkToOutcome(p, 'es');
    check(t.includes(es.level) && t.includes(es.emergency) && t.includes('Pida ayuda si'),
      'the walk by taps in Spanish reaches the outcome, with its level, emergency line and when to get help');
    const english = ['Very unwell', 'Check another symptom', 'Finish and clear', 'Get help if', 'warm, pink skin', 'help']
      .filter((words) => t.includes(words));
    check(english.length === 0, `no English words on the Spanish outcome (${english.join(', ') || 'none'})`);
    check(await pageLang(p) === 'es', `the Spanish outcome says lang="${await pageLang(p)}"`);
    // The privacy reset: the next person starts in the clinic's language, English.
    check(await seenOn(p, es.stillThere, 15000), `"${es.stillThere}" appears after the idle timeout`);
    check(await seenOn(p, 'Check a symptom', 8000), 'after the reset the welcome screen is back in the clinic\'s language, English');
    check(await waitLang(p, 'en').then(() => true, () => false), `after the reset the page says lang="${await pageLang(p)}"`);
    const left = await p.evaluate(() => document.body.textContent);
    check(!left.includes('piel cálida') && !left.includes('Revisar un síntoma'),
      'after the reset nothing Spanish (no answer, no outcome) is left in the page');
    await p.close();

    // The clinic's language is Spanish: the page starts in it, offers English, and a reset
    // returns to Spanish.
    p = await open('language = "es"');
    t = await waitFor0(p, es.start);
    check(await pageLang(p) === 'es' && t.includes('English'),
      `with language = "es" the page starts in Spanish (lang="${await pageLang(p)}") and offers "English"`);
    await tap0(p, 'English');
    await waitFor0(p, 'Check a symptom');
    await tap0(p, 'Check a symptom');
    await waitFor0(p, 'First, a safety check');
    check(await pageLang(p) === 'en', 'after "English" the walk is in English');
    check(await seenOn(p, 'Still there?', 15000), '"Still there?" (in English) after the idle timeout');
    check(await seenOn(p, es.start, 8000) && await waitLang(p, 'es').then(() => true, () => false),
      `after the reset the page is back in the clinic's language, Spanish (lang="${await pageLang(p)}")`);
    await p.close();

    // A clinic that offers Spanish alone: no switch.
    p = await open('language = "es"\nlanguages = ["es"]');
    t = await waitFor0(p, es.start);
    check(!t.includes('English') && await p.locator('#app button[lang]').count() === 0,
      'with languages = ["es"] the welcome screen offers no switch');
    await p.close();

    await ctx.close();

    // Refused content in a Spanish clinic: the refusal speaks Spanish, with the emergency number.
    // (A context of its own: no last good copy to run on.)
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    p = await fresh.newPage();
    const body = await clinicWith(url, 'language = "es"');
    await p.route('**/clinic.toml', (r) => r.fulfill({ status: 200, body }));
    await p.route('**/content/es/flags.toml', (r) => r.fulfill({ status: 200, body: '[flag.roto\n' }));
    await p.goto(url);
    const refusedEs = await p.waitForFunction(() => document.getElementById('app').innerText.includes('no puede arrancar'), null, { timeout: 10000 })
      .then(() => true, () => false);
    t = await p.evaluate(() => document.getElementById('app').innerText);
    check(refusedEs && t.split('\n')[0].includes('999') && /content\/es\/flags\.toml:1:/.test(t) && await pageLang(p) === 'es',
      `broken Spanish content in a Spanish clinic: the refusal speaks Spanish (lang="${await pageLang(p)}"), leads with the emergency number and names the file`);
    await fresh.close();
  }

  // Nothing leaves the device: the page's policy refuses any other server.
  const probe = await browser.newPage();
  await probe.goto(url);
  await probe.waitForFunction(() => document.getElementById('app').innerText.includes('Check a symptom'));
  const refused = await probe.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
    fetch('https://collector.example/answers', { method: 'POST', body: 'x' }).catch(() => {});
    setTimeout(() => resolve('not refused'), 3000);
  }));
  check(refused === 'connect-src', `a request to another server is refused by the page's policy (${refused})`);
  await probe.close();

  // A panic would freeze a wasm page: it shows the emergency number, then reloads itself.
  const crash = await browser.newPage();
  await crash.goto(`${url}?test-panic`);
  await crash.waitForFunction(() => document.getElementById('app').innerText.includes('Something went wrong'));
  t = await crash.evaluate(() => document.getElementById('app').innerText);
  check(t.includes('999'), 'after a panic the page shows the emergency number');
  const reloaded = await crash.waitForEvent('load', { timeout: 6000 }).then(() => true, () => false);
  check(reloaded, 'after a panic the page reloads itself');
  await crash.close();

  // Staff edit clinic.toml on the server: a broken edit is ignored (the page keeps serving), a good
  // one is taken by reloading; either is found while the welcome screen sits untouched for the
  // idle timeout (10 s here), with a HEAD request per file, and never during a session.
  if (served) {
    const configPath = `${served}/clinic.toml`;
    const original = readFileSync(configPath, 'utf8');
    const browseAndBack = async () => {
      await tap('Browse explanations');
      await waitFor('Vasodilation');
      await press('Escape');
      await waitFor('Check a symptom');
    };
    writeFileSync(configPath, original.replace('idle_timeout_secs = 10', 'idle_timeout_secs = 1'));
    let reloads = 0;
    const count = () => { reloads += 1; };
    page.on('load', count);
    const refused = page.waitForEvent('console', {
      predicate: (m) => m.text().includes('were refused'), timeout: 25000,
    }).then((m) => m.text(), () => '');
    await browseAndBack();
    const warning = await refused;
    check(reloads === 0 && (await text()).includes('01632 960000') && /clinic\.toml:\d+:\d+/.test(warning),
      `a broken clinic.toml put on the server is found while the kiosk sits idle and not taken: the page keeps serving (console: ${warning.split('\n').find((l) => l.startsWith('clinic.toml')) || warning.slice(0, 60)})`);

    // Then the page loads again (a power cut, a crash, a staff reload) while the server's file is
    // still broken: it runs on the last good copy, with the clinic's number, and tells staff.
    await page.reload();
    t = await waitFor('Check a symptom');
    check(t.includes('01632 960000') && t.includes('999'),
      'reloaded with a broken clinic.toml on the server, the kiosk runs on the last good copy');
    const notice = await page.evaluate(() => document.getElementById('staff-notice')?.textContent || '');
    check(/clinic\.toml:\d+:\d+: error: kiosk\.idle_timeout_secs/.test(notice) && notice.includes('last good copy'),
      `staff see a notice naming the refused file's line and column (${notice.slice(0, 80)}…)`);
    await tap('Browse explanations');
    check(await seen('Vasodilation'), 'the kiosk on the last good copy takes taps');
    await press('Escape');
    await waitFor('Check a symptom');

    // Fixed on the server, with nobody touching the kiosk: it finds out by itself and reloads.
    reloads = 0;
    writeFileSync(configPath, original.replace('01632 960000', '01632 960999'));
    const fixed = await seen('01632 960999', 45000);
    const gone = await page.evaluate(() => !document.getElementById('staff-notice'));
    check(fixed && gone, `a fixed clinic.toml is taken within the retry period, untouched (reloads: ${reloads})`);

    // And a good edit is taken while the welcome screen sits untouched (the idle timeout), not
    // during a session: a session begun before the edit is not cut short.
    await waitFor('Check a symptom');
    reloads = 0;
    writeFileSync(configPath, original);
    await tap('Check a symptom');
    await waitFor('First, a safety check');
    await page.waitForTimeout(6000);
    check(reloads === 0 && (await text()).includes('First, a safety check'),
      'a good clinic.toml put on the server mid-session does not interrupt the session');
    // The idle reset ends the session; the welcome screen then sits untouched.
    await waitFor('Check a symptom', 20000);
    const fresh = await seen('01632 960000', 30000);
    check(fresh && reloads === 1, `a good clinic.toml put on the server is taken once the welcome screen sits untouched (reloads: ${reloads})`);
    page.off('load', count);
  } else {
    console.log('     (WEB_DIST not set: the live-update checks are skipped)');
  }

  // Back then forward within a second (the browser's back/forward cache keeps whole pages):
  // the page restored must not show the last person's answers.
  const hist = await context.newPage();
  // A page on another host first, so the kiosk page is cached whole when the browser goes back.
  await hist.goto(`${url.replace('127.0.0.1', 'localhost')}aftercare.js`);
  await hist.goto(url);
  await hist.waitForFunction(() => document.getElementById('app').innerText.includes('Check a symptom'));
  await hist.waitForTimeout(SETTLE_MS);
  await hist.keyboard.press('Enter');
  await hist.waitForFunction(() => document.getElementById('app').innerText.includes('First, a safety check'));
  await hist.waitForTimeout(SETTLE_MS);
  await hist.keyboard.press('1');
  await hist.waitForFunction(() => document.getElementById('app').innerText.includes('EMERGENCY'));
  // A page restored from the cache fires no "load": wait only for the navigation itself.
  await hist.goBack({ waitUntil: 'commit' });
  await hist.goForward({ waitUntil: 'commit' });
  await hist.waitForTimeout(500);
  await hist.waitForFunction(() => document.getElementById('app').innerText.includes('Check a symptom'), null, { timeout: 10000 })
    .catch(() => {});
  const restored = await hist.evaluate(() => document.body.textContent);
  // "navigate": restored from the cache (the page starts afresh itself); "back_forward": no cache.
  const how = await hist.evaluate(() => performance.getEntriesByType('navigation')[0]?.type);
  console.log(`     forward navigation: ${how}`);
  check(!restored.includes('EMERGENCY') && restored.includes('Check a symptom'),
    'back then forward shows the welcome screen, nothing of the last person');
  await hist.close();

  check(errors.length === 0, `no errors in the page (${errors.join('; ')})`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures += 1;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'web e2e: all passed' : `web e2e: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
