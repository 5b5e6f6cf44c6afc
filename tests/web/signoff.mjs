// Content sign-off in the browser kiosk (issue 33), in Debian's headless Chromium. scripts/test-web.sh
// builds the page, copies it with a clinic.toml that says `require_signoff = true` and content
// signed by the real binary (`aftercare sign`), serves that copy on 127.0.0.1 and runs this with
// its URL:
//
//   WEB_DIST=served-folder AFTERCARE=target/release/aftercare node signoff.mjs URL
//
// (a) the signed content is taken and a tap reaches a question; (b) a content file edited on the
// server without a new sign-off is refused: the page keeps serving the last signed copy (also
// after a reload, with a staff notice), with the emergency number, and takes taps; (d) a first
// visit to unsigned or changed content shows the refusal with the emergency number, never a
// half-drawn kiosk; (c) signed again, the refusing page takes it when tapped, and the page on its
// last good copy once the welcome screen sits untouched (or by its 30 s retry); (e) with the server gone after a first visit, a reload runs the signed
// content (the service worker's copy) with no staff notice; (f) a copy kept while no sign-off was
// required is not run once the clinic requires one.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTLE_MS, tap as tap0, text as pageText0, waitFor as waitFor0 } from './walk.mjs';

const url = process.argv[2];
const served = process.env.WEB_DIST;
const aftercare = process.env.AFTERCARE;
if (!url || !served || !aftercare) {
  throw new Error('usage: WEB_DIST=DIR AFTERCARE=BINARY node signoff.mjs URL');
}

let failures = 0;
// The test's own server for (e), stopped at the end whatever happens.
let own = null;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  ignoreDefaultArgs: ['--disable-back-forward-cache'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text()); });

const text = () => pageText0(page);
const waitFor = (words, timeout = 10000) => waitFor0(page, words, timeout);
const seen = (words, timeout = 10000) => waitFor(words, timeout).then(() => true, () => false);
const tap = (words) => tap0(page, words);
const notice = (p = page) => p.evaluate(() => document.getElementById('staff-notice')?.textContent ?? null);

// The content file the test edits, and a title in it a person sees in the explanations.
const topics = `${served}/content/topics.toml`;
const TITLE = 'Vasodilation: why your skin goes warm and red';
const EDITED = `${TITLE} (edited)`;
const original = readFileSync(topics, 'utf8');
if (!original.includes(TITLE)) throw new Error(`${topics} has no "${TITLE}"`);
const sign = () => execFileSync(aftercare, ['sign', '--by', 'Test Clinician', `${served}/content`], { stdio: 'pipe' });

// Browse the explanations and come back to the welcome screen (the end of a session); returns
// the explanations' words. The page looks at the server's files only once the welcome screen has
// sat untouched for the idle timeout (10 s here), never at the end of the session itself.
async function browseAndBack(p = page) {
  await tap0(p, 'Browse explanations');
  const t = await waitFor0(p, 'Vasodilation');
  await p.waitForTimeout(SETTLE_MS);
  await p.keyboard.press('Escape');
  await waitFor0(p, 'Check a symptom');
  return t;
}

// A first visit in a browser that never kept a good copy: what the page shows once it has drawn
// anything at all (the kiosk, or a message in its place).
async function firstVisit(how) {
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, serviceWorkers: 'block' });
  const p = await fresh.newPage();
  if (how) await how(p);
  await p.goto(url);
  await p.waitForFunction(() => document.querySelector('#app.message, #app button'));
  const shown = await p.evaluate(() => ({
    text: document.getElementById('app').innerText.replace(/\u00a0/g, ' '),
    all: document.body.innerText,
    message: document.getElementById('app').classList.contains('message'),
    heading: document.querySelector('#app h1')?.textContent ?? '',
    tel: [...document.querySelectorAll('#app a[href^="tel:"]')].map((a) => a.getAttribute('href')),
    buttons: [...document.querySelectorAll('#app button')].map((b) => b.textContent.trim()),
  }));
  return { fresh, page: p, shown };
}

// The refusal screen of a first visit: the emergency number as a tel: link, a heading, the
// reason, only "Try again" to tap, nothing of the kiosk.
function checkRefusal(shown, reason, what) {
  check(shown.message && shown.tel.includes('tel:999') && shown.text.split('\n')[0].includes('999'),
    `${what}: the refusal leads with the emergency number as a tel: link (${shown.tel.join(' ')})`);
  check(shown.heading.includes('cannot start'), `${what}: the refusal has a heading (${shown.heading.slice(0, 60)})`);
  check(shown.text.includes(reason), `${what}: the refusal says why ("${reason}")`);
  check(shown.buttons.length === 1 && shown.buttons[0] === 'Try again' && !shown.all.includes('Check a symptom'),
    `${what}: nothing of the kiosk is drawn, only "Try again" (${shown.buttons.join(', ')})`);
}

try {
  // (a) Signed content: taken, and the kiosk works.
  await page.goto(url);
  let t = await waitFor('Check a symptom');
  check(t.includes('999') && t.includes('01632 960000') && (await notice()) === null,
    'signed content under require_signoff: the kiosk starts with both numbers and no staff notice');
  await tap('Check a symptom');
  check(await seen('First, a safety check'), 'signed content: a tap reaches the first question');
  // The idle reset (10 s, then a 3 s countdown) brings the welcome screen back.
  check(await seen('Check a symptom', 25000), 'signed content: the idle reset brings the welcome screen back');
  t = await browseAndBack();
  check(t.includes(TITLE) && !t.includes(EDITED), 'signed content: the explanations show the signed title');

  // (b) An edit put on the server without a new sign-off: refused when the page next looks at
  // the server's files (while the welcome screen sits untouched for the idle timeout, 10 s).
  let reloads = 0;
  const count = () => { reloads += 1; };
  page.on('load', count);
  writeFileSync(topics, original.replace(TITLE, EDITED));
  const warned = page.waitForEvent('console', {
    predicate: (m) => m.text().includes('were refused'), timeout: 30000,
  }).then((m) => m.text(), () => '');
  await browseAndBack();
  const warning = await warned;
  check(warning.includes('content/: the content changed since its last sign-off'),
    `an unsigned edit on the server is refused while the kiosk sits idle (console: ${warning.split('\n').find((l) => l.startsWith('content/')) || warning.slice(0, 80)})`);
  t = await browseAndBack();
  check(reloads === 0 && t.includes(TITLE) && !t.includes(EDITED),
    'after the refusal the page keeps serving the signed content (no reload, the signed title)');

  // Then the page loads again (a power cut, a staff reload) with the edit still unsigned: it runs
  // on the last signed copy, tells staff why, and a person still has the number and the taps.
  await page.reload();
  t = await waitFor('Check a symptom');
  reloads = 0;
  check(t.includes('999') && t.includes('01632 960000'),
    'reloaded with the unsigned edit on the server, the kiosk runs with the emergency number and the clinic phone');
  const n = await notice();
  check(n !== null && n.includes('last good copy') && n.includes('changed since its last sign-off'),
    `staff see a notice that the content on the server is not signed off (${(n ?? 'none').slice(0, 160)})`);
  t = await browseAndBack();
  check(t.includes(TITLE) && !t.includes(EDITED), 'on the last good copy the explanations are the signed ones');
  await tap('Check a symptom');
  check(await seen('First, a safety check'), 'on the last good copy a tap reaches the first question');
  check(await seen('Check a symptom', 25000), 'on the last good copy the idle reset brings the welcome screen back');

  // (d) First visits, no good copy kept: the refusal, never a half-drawn kiosk.
  const changed = await firstVisit();
  checkRefusal(changed.shown, 'content/: the content changed since its last sign-off', 'first visit, changed content');
  const unsigned = await firstVisit((p) => p.route('**/content/signoff.toml', (r) => r.fulfill({ status: 404, body: '' })));
  checkRefusal(unsigned.shown, 'content/: the content is not signed off', 'first visit, no signoff.toml');
  await unsigned.fresh.close();

  // (c) Signed again. The refusing first visit takes it at once when "Try again" is tapped (its
  // own 30 s retry is still far off: it started a moment ago).
  // (The main page's reload is watched for from now: its retry may come at any moment.)
  const reloaded = page.waitForEvent('load', { timeout: 60000 }).then(() => true, () => false);
  sign();
  const retried = changed.page.waitForEvent('load', { timeout: 15000 }).then(() => true, () => false);
  await changed.page.locator('#try-again').click();
  check(await retried && await waitFor0(changed.page, 'Check a symptom').then(() => true, () => false),
    'signed again: the refusal page, "Try again" tapped, starts the kiosk');
  await changed.fresh.close();
  // The page on its last good copy reloads onto it once the welcome screen sits untouched for
  // the idle timeout, or by its 30 s retry if that comes first (then the session in hand is cut
  // short by the reload).
  await browseAndBack().catch(() => {});
  check(await reloaded, 'signed again: the page on its last good copy reloads onto it (idle check or 30 s retry)');
  await waitFor('Check a symptom');
  t = await browseAndBack();
  check(t.includes(EDITED) && (await notice()) === null, 'the newly signed edit is taken and the staff notice is gone');
  page.off('load', count);

  // (e) The server gone after a first visit (a power cut on the server, the kiosk reloads): the
  // service worker's copy runs the signed content, with no notice, since the sign-off record is
  // kept with the content. A server of the test's own, stopped for real: Playwright's
  // setOffline does not reach the service worker's requests after a reload.
  own = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', served],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  const ownPort = await new Promise((resolve, reject) => {
    own.stdout.on('data', (d) => { const m = /port (\d+)/.exec(String(d)); if (m) resolve(m[1]); });
    own.on('exit', () => reject(new Error('the test\'s own server did not start')));
  });
  const off = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const op = await off.newPage();
  await op.goto(url.replace(/:\d+\//, `:${ownPort}/`));
  await waitFor0(op, 'Check a symptom');
  await op.evaluate(() => navigator.serviceWorker.ready);
  own.kill();
  await new Promise((resolve) => own.on('exit', resolve));
  await op.reload();
  t = await waitFor0(op, 'Check a symptom');
  const on = await notice(op);
  check(t.includes('01632 960000') && on === null,
    `with the server gone after a first visit, a reload runs the signed content with no staff notice (${(on ?? 'none').slice(0, 160)})`);
  await off.close();

  // (f) A browser that kept a good copy while the clinic did not require a sign-off; then the
  // clinic requires one before it has signed: the unsigned copy kept before is not run.
  const clinic = `${served}/clinic.toml`;
  const strict = readFileSync(clinic, 'utf8');
  const lax = strict.replace(/^require_signoff = true$/m, 'require_signoff = false');
  if (lax === strict) throw new Error(`${clinic} has no "require_signoff = true" line`);
  const signedNow = readFileSync(topics, 'utf8');
  const UNSIGNED = `${TITLE} (never signed)`;
  writeFileSync(clinic, lax);
  writeFileSync(topics, original.replace(TITLE, UNSIGNED));
  const before = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, serviceWorkers: 'block' });
  const bp = await before.newPage();
  await bp.goto(url);
  t = await browseAndBack(bp);
  check(t.includes(UNSIGNED), 'sign-off not required: the unsigned content runs (and is kept as the last good copy)');
  writeFileSync(clinic, strict);
  await bp.reload();
  await bp.waitForFunction(() => document.querySelector('#app.message, #app button'));
  const then = await bp.evaluate(() => ({
    message: document.getElementById('app').classList.contains('message'),
    all: document.body.innerText,
  }));
  check(then.message && !then.all.includes('Check a symptom') && then.all.includes('999'),
    `sign-off now required: the unsigned copy kept before is not run; the refusal shows the emergency number (${then.all.split('\n').slice(0, 2).join(' / ')})`);
  await before.close();
  writeFileSync(topics, signedNow);

  check(errors.length === 0, `no errors in the page (${errors.join('; ')})`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures += 1;
} finally {
  if (own && own.exitCode === null) own.kill();
  // (The served folder is a copy, made afresh by each run of scripts/test-web.sh.)
  await browser.close();
}
console.log(failures === 0 ? 'web sign-off: all passed' : `web sign-off: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
