// Accessibility of the browser kiosk (issue 17), in Debian's headless Chromium: axe-core (pinned in
// package.json, injected from node_modules, never a CDN) on the welcome, question, outcome and
// "Still there?" screens; a keyboard-only walk by Tab and Enter to an outcome; the accessible
// text of each screen against the drawn grid; and the size of every tap target at three window
// sizes. scripts/test-web.sh runs it after e2e.mjs, on the same served page.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const url = process.argv[2];
const shotDir = process.env.A11Y_SHOTS; // where to save screenshots (optional)
if (!url) throw new Error('usage: node a11y.mjs URL');

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// The page's policy allows scripts from itself only; axe is injected by the test, so this
// context bypasses the policy (e2e.mjs checks the policy itself).
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, bypassCSP: true });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));

const squash = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const grid = () => page.evaluate(() => {
  const g = document.getElementById('app_ratzilla_grid');
  return g ? [...g.querySelectorAll('pre')].map((p) => p.innerText.replace(/\u00a0/g, ' ')) : [];
}).catch(() => []);
const heading = () => page.evaluate(() => document.querySelector('#mirror h1')?.textContent || '').catch(() => '');
const focused = () => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, text: el?.textContent || '' };
});
async function waitHeading(words, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const h = await heading();
    if (h.includes(words)) return h;
    if (Date.now() > until) throw new Error(`heading "${words}" did not appear (it is "${h}")`);
    await page.waitForTimeout(50);
  }
}

// axe-core on the page as it is now: the count of violations by impact; none serious or critical.
async function axe(name) {
  await page.addScriptTag({ path: axePath }).catch(() => {});
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const all = result.map((v) => `${v.id}(${v.impact}, ${v.nodes})`).join(', ') || 'none';
  check(bad.length === 0, `axe on the ${name}: 0 serious or critical violations (all violations: ${all})`);
}

// The accessible text (what a screen reader gets, aria-hidden left out) holds the screen's
// heading and every answer the grid draws; the grid's characters are not in it one by one.
async function sameWords(name) {
  // Playwright's ARIA snapshot is YAML: a quote inside a single-quoted line is doubled.
  const aria = squash((await page.locator('body').ariaSnapshot()).replace(/''/g, "'"));
  const rows = await grid();
  const drawn = squash(rows.join(' '));
  const h = await heading();
  const answers = rows.map((r) => r.match(/^\s*(?:›\s)?(\d+\.\s.*\S)\s*$/)).filter(Boolean).map((m) => squash(m[1]));
  const missing = answers.filter((a) => !aria.includes(a));
  // An outcome's heading is its level and its title, drawn on rows of their own.
  const level = /^\S+ [A-Za-z ]+: /.exec(h)?.[0] && /^(✓|☎|✚|!|‼)/.test(h) ? h.indexOf(': ') : -1;
  const parts = level > 0 ? [h.slice(0, level), h.slice(level + 2)] : [h];
  check(h !== '' && parts.every((p) => drawn.includes(squash(p).slice(0, 60))) && aria.includes(squash(h)),
    `${name}: the heading "${h.slice(0, 50)}" is both drawn and in the accessible text`);
  check(missing.length === 0, `${name}: every answer drawn (${answers.length}) is in the accessible text${missing.length ? ` (missing: ${missing.join(' | ')})` : ''}`);
  check(!aria.includes('V e r y') && !aria.includes('u n w e l l'),
    `${name}: the grid's single characters are not in the accessible text`);
}

// Focus the mirror's button named `label` and press `key` on it: the keyboard path.
async function choose(label, key = 'Enter') {
  const b = page.locator('#mirror button', { hasText: label }).first();
  await b.focus();
  await page.waitForTimeout(1200); // past the new screen's settle time (src/app/settle.rs)
  await page.keyboard.press(key);
}

// The tap targets on screen in CSS pixels, from the runner's layout (the rectangles its hit test
// uses) and the measured cell size.
async function targets() {
  return page.evaluate(() => {
    const app = document.getElementById('app');
    const g = document.getElementById('app_ratzilla_grid');
    const span = g.querySelector('span').getBoundingClientRect();
    const rows = [...g.querySelectorAll('pre')];
    const cellH = rows.length > 1 ? rows[1].getBoundingClientRect().top - rows[0].getBoundingClientRect().top : span.height;
    const cellW = rows[0].getBoundingClientRect().width / rows[0].querySelectorAll('span').length;
    return JSON.parse(app.dataset.targets || '[]').map(([x, y, w, h]) => ({ x, y, w: w * cellW, h: h * cellH, cols: w, rows: h }));
  });
}

try {
  // The welcome screen.
  await page.goto(url);
  await waitHeading('After your massage');
  const tree = await page.evaluate(() => document.querySelectorAll('#app_ratzilla_grid span').length);
  const cdp = await context.newCDPSession(page);
  const ax = (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored).length;
  console.log(`     accessibility tree: ${ax} nodes (the grid has ${tree} cells, hidden from it)`);
  check(ax < 200, `the accessibility tree is small (${ax} nodes)`);
  await axe('welcome screen');
  await sameWords('welcome screen');
  const links = await page.evaluate(() => [...document.querySelectorAll('#mirror a[href^="tel:"]')].map((a) => a.getAttribute('href')));
  check(links.includes('tel:999') && links.includes('tel:01632960000'), `the emergency number and clinic phone are tel: links (${links.join(', ')})`);
  const welcomeGrid = (await grid()).join('\n');
  check(welcomeGrid.split('999').length - 1 === 1, 'the welcome screen says the emergency number once');
  check(!(await page.evaluate(() => document.querySelector('meta[name=viewport]').content)).includes('user-scalable=no'), 'zoom is not disabled');

  // A keyboard-only walk: Tab to each answer, Enter (or Space) on it.
  const walk = ['Check a symptom', 'No, none of these', 'No, none of these',
    'Skin redness, warmth or flushing', 'No, none of these', 'No, none of these', 'It started today and is not itchy'];
  let h = await heading();
  let tabbed = true;
  for (const [i, label] of walk.entries()) {
    let found = false;
    for (let n = 0; n < 40 && !found; n++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      found = f.tag === 'BUTTON' && f.text.includes(label);
    }
    tabbed &&= found;
    if (!found) break;
    await page.waitForTimeout(1200); // past the new screen's settle time (src/app/settle.rs)
    await page.keyboard.press(i === 2 ? ' ' : 'Enter');
    const before = h;
    const until = Date.now() + 5000;
    while ((h = await heading()) === before && Date.now() < until) await page.waitForTimeout(50);
    const f = await focused();
    check(f.tag === 'H1' && f.text === h, `after "${label}" focus is on the new heading "${h.slice(0, 50)}"`);
    if (i === 1) {
      await axe('question screen');
      await sameWords('first question');
    }
  }
  check(tabbed && h.includes('Normal: warm, pink skin'), `Tab and Enter/Space alone reach the outcome (${h})`);

  // The outcome at 1280x800: the level, the first thing to do and the emergency line are drawn
  // without scrolling.
  const drawn = squash((await grid()).join(' '));
  check(drawn.includes('Expected') && drawn.includes('Nothing is needed. Wear loose clothes.')
    && drawn.includes('Call 999 if your lips, tongue or throat swell'),
  'at 1280x800 the outcome shows its level, first step and emergency line unscrolled');
  if (shotDir) await page.screenshot({ path: `${shotDir}/outcome-1280x800.png` });
  await axe('outcome screen');
  await sameWords('outcome');

  // "Still there?" (idle 10 s in the test config), said by the live region with its countdown.
  await waitHeading('Still there?', 15000);
  const live = await page.evaluate(() => document.getElementById('live').textContent);
  check(live.includes('Still there?') && /cleared in \d+ second/.test(live), `the live region says "${live.slice(0, 70)}…"`);
  check(await page.evaluate(() => document.getElementById('live').getAttribute('aria-live')) === 'assertive', 'the live region is assertive');
  await axe('"Still there?" screen');
  await choose("I'm still here");
  await waitHeading('Normal: warm, pink skin');
  check(true, 'the "I\'m still here" button keeps the session');
  await choose('Finish and clear');
  await waitHeading('After your massage');

  // Tap targets at three sizes: welcome, the first question, an outcome.
  const sizes = [[1280, 800, 'landscape tablet'], [800, 1280, 'portrait tablet'], [360, 640, 'phone']];
  for (const [w, hgt, what] of sizes) {
    const frames = await page.evaluate(() => Number(document.getElementById('app').dataset.frames));
    await page.setViewportSize({ width: w, height: hgt });
    if (w !== 1280) await page.waitForFunction((n) => Number(document.getElementById('app').dataset.frames) > n, frames);
    let min = { w: Infinity, h: Infinity };
    let gaps = true;
    const measure = async (name) => {
      const t = await targets();
      for (const r of t) min = { w: Math.min(min.w, r.w), h: Math.min(min.h, r.h) };
      // Answers (targets as wide as the column) end in a blank row: the space between them.
      const rows = await grid();
      for (const r of t.filter((r) => r.cols >= 30 && r.rows >= 2)) {
        // The blank row that parts two answers: the target's own last row, or (since a tap there
        // chooses nothing, src/app/settle.rs) the row just below the target.
        const last = (rows[r.y + r.rows - 1] || '').slice(r.x, r.x + r.cols);
        const below = (rows[r.y + r.rows] || '').slice(r.x, r.x + r.cols);
        if (last.trim() !== '' && below.trim() !== '') gaps = false;
      }
      if (shotDir) await page.screenshot({ path: `${shotDir}/${name}-${w}x${hgt}.png` });
    };
    await measure('welcome');
    await choose('Check a symptom');
    await waitHeading('safety check');
    await measure('question');
    for (const label of ['No, none of these', 'No, none of these', 'Skin redness, warmth or flushing', 'No, none of these', 'No, none of these']) {
      const before = await heading();
      await choose(label);
      await page.waitForFunction((b) => document.querySelector('#mirror h1')?.textContent !== b, before);
    }
    await choose('It started today and is not itchy');
    await waitHeading('Normal: warm, pink skin');
    await measure('outcome');
    console.log(`     --min-target ${w}x${hgt} (${what}): ${min.w.toFixed(1)} x ${min.h.toFixed(1)} CSS px`);
    check(min.w >= 44 && min.h >= 44, `every tap target at ${w}x${hgt} is at least 44x44 CSS px (smallest ${min.w.toFixed(1)} x ${min.h.toFixed(1)})`);
    check(gaps, `answers at ${w}x${hgt} have space between them`);
    await choose('Finish and clear');
    await waitHeading('After your massage');
  }
  check(errors.length === 0, `no errors in the page (${errors.join('; ')})`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures += 1;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'web a11y: all passed' : `web a11y: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
