// Accessibility of the browser kiosk (issues 17 and 32), in Debian's headless Chromium. The page is
// the screen model in HTML, so what is seen is what is read. axe-core (pinned in package.json,
// injected from node_modules, never a CDN; WCAG 2.0-2.2 A and AA rules) runs on the welcome
// screen, the first question and an outcome at 360x640, 768x1024, 1280x800 and 1920x1080 and at
// 200 % and 400 % zoom of a 1280x800 window; at each the page must reflow (no sideways
// scrolling), no two buttons may overlap, every button is at least 48x48 CSS px and every word is
// reachable. On the outcome the level, the first step and the emergency line must be on the first
// screenful at 360x640, 1280x800 and 1920x1080; all nine answers of the first safety screen are
// there at 1920x1080. All of that in English and in Spanish (the clinic's `language = "es"`): the
// page says its language (`<html lang>`), and the welcome screen's switch names the other
// language in its own words with its own `lang`. Then a keyboard-only walk by Tab and Enter/Space to an outcome, "Still
// there?" and its live region, and focus back where it was after "I'm still here". Last, the
// page's own words (pageWords): "Loading…", boot.js's message and <noscript>, in the browser's
// language until the clinic's config says its own.
// scripts/test-web.sh runs it after e2e.mjs, on the same served page.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { SETTLE_MS, WORDS, clinicWith, pageLang, tap, text, waitFor, walkToOutcome } from './walk.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const url = process.argv[2];
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
const errors = [];
// The page's policy allows scripts from itself only; axe is injected by the test, so these
// contexts bypass the policy (e2e.mjs checks the policy itself).
// In a language other than English the clinic's clinic.toml says `language = "..."` (served by
// the test in place of the file: the same clinic, speaking that language).
async function open(viewport, deviceScaleFactor = 1, lang = 'en') {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch: true, bypassCSP: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (lang !== 'en') {
    const body = await clinicWith(url, `language = "${lang}"`);
    await page.route('**/clinic.toml', (r) => r.fulfill({ status: 200, body }));
  }
  await page.goto(url);
  await waitFor(page, WORDS[lang].start);
  return page;
}

const squash = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const heading = (page) => page.evaluate(() => document.querySelector('#app h1')?.textContent || '').catch(() => '');
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, text: el?.textContent || '' };
});
async function waitHeading(page, words, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const h = await heading(page);
    if (h.includes(words)) return h;
    if (Date.now() > until) throw new Error(`heading "${words}" did not appear (it is "${h}")`);
    await page.waitForTimeout(50);
  }
}

// axe-core with the WCAG 2.0-2.2 A and AA rules: no violation of any impact.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function axe(page, name) {
  await page.addScriptTag({ path: axePath }).catch(() => {});
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, TAGS);
  const all = result.map((v) => `${v.id}(${v.impact}, ${v.nodes})`).join(', ') || 'none';
  check(result.length === 0, `axe (WCAG 2.2 AA) on ${name}: 0 violations (${all})`);
}

// The page's own words, before and without the app: "Loading…" in the browser's language until
// the clinic's config (from the last good copy, on a later visit) says its own, boot.js's message when the app cannot start, and the
// <noscript> message in both languages, each with its lang and no axe violation.
async function pageWords() {
  const state = (page) => page.evaluate(() => ({
    lang: document.documentElement.lang,
    loading: document.getElementById('loading')?.textContent || '',
    app: document.getElementById('app').innerText,
  }));
  const context = async (options) => browser.newContext({ bypassCSP: true, serviceWorkers: 'block', ...options });
  // The page fetches the clinic's config and content together, so on a first visit it knows the
  // clinic's language when the app speaks: until then, the browser's language. On the next visit
  // the last good copy (kept in the browser) says the clinic's language at once, files held back.
  for (const [locale, clinic, first, then] of [
    ['es-ES', 'en', ['es', 'Cargando…'], ['en', 'Loading…']],
    ['en-US', 'es', ['en', 'Loading…'], ['es', 'Cargando…']]]) {
    const c = await context({ locale });
    const page = await c.newPage();
    let release;
    let held = new Promise((r) => { release = r; });
    const body = await clinicWith(url, clinic === 'es' ? 'language = "es"' : '');
    await page.route('**/clinic.toml', async (r) => { await held; await r.fulfill({ status: 200, body }); });
    const settled = async (want) => {
      const soon = Date.now() + 10000;
      let s = await state(page);
      while ((s.lang !== want[0] || s.loading !== want[1]) && Date.now() < soon) {
        await page.waitForTimeout(50);
        s = await state(page);
      }
      return s;
    };
    await page.goto(url);
    const before = await settled(first);
    check(before.lang === first[0] && before.loading === first[1],
      `a ${locale} browser's first visit, before the clinic's files: lang="${before.lang}", "${before.loading}"`);
    await axe(page, `"${first[1]}" (${locale})`);
    release();
    await waitFor(page, WORDS[clinic].start);
    check(await pageLang(page) === clinic, `then the app speaks the clinic's language "${clinic}" (lang="${await pageLang(page)}")`);
    held = new Promise((r) => { release = r; });
    await page.reload();
    const again = await settled(then);
    check(again.lang === then[0] && again.loading === then[1],
      `the next visit, files held back: the clinic's language from the last good copy (lang="${again.lang}", "${again.loading}")`);
    await axe(page, `"${then[1]}" from the last good copy (${locale})`);
    release();
    await waitFor(page, WORDS[clinic].start);
    await c.close();
  }
  // A Spanish browser where the app cannot start (no WebAssembly file): boot.js says so in Spanish.
  {
    const c = await context({ locale: 'es-MX' });
    const page = await c.newPage();
    await page.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(url);
    await waitFor(page, 'Pregunte en el mostrador');
    const s = await state(page);
    check(s.lang === 'es' && s.app.includes('Si se encuentra muy mal') && s.app.includes('no pudo arrancar'),
      `a Spanish browser whose page cannot start says so in Spanish (lang="${s.lang}": ${s.app.replace(/\s+/g, ' ')})`);
    await axe(page, 'the Spanish "could not start" message');
    await c.close();
  }
  // No JavaScript: the message in both languages, the Spanish with its own lang.
  {
    const c = await context({ javaScriptEnabled: false });
    const page = await c.newPage();
    await page.goto(url);
    const ns = await page.evaluate(() => [...document.querySelectorAll('noscript p')]
      .map((p) => `${p.lang || document.documentElement.lang}:${p.textContent}`));
    const body = await text(page);
    check(ns.length === 2 && ns[0].startsWith('en:This screen needs JavaScript') && ns[1].startsWith('es:Esta pantalla necesita JavaScript')
      && body.includes('needs JavaScript') && body.includes('necesita JavaScript'),
      `without JavaScript the page says so in English and, with lang="es", in Spanish (${ns.join(' | ')})`);
    await c.close();
  }
}

// The page's shape at this size: no sideways scrolling, no two buttons overlapping, no button
// under 48x48 CSS px, and the page scrolls to its last word.
async function shape(page, name) {
  const s = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    const boxes = [...document.querySelectorAll('#app button')].map((b) => b.getBoundingClientRect());
    let overlap = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlap += 1;
      }
    }
    const small = boxes.filter((b) => b.width < 48 || b.height < 48).length;
    const minH = Math.min(...boxes.map((b) => b.height));
    const minW = Math.min(...boxes.map((b) => b.width));
    // Every text block is inside the page's width.
    const cut = [...document.querySelectorAll('#app h1, #app h2, #app p, #app li, #app button, #banner p')]
      .filter((e) => e.getBoundingClientRect().right > vw + 1).length;
    return { vw, wide, overlap, small, minH, minW, cut, n: boxes.length };
  });
  check(s.wide <= s.vw && s.cut === 0 && s.overlap === 0 && s.small === 0,
    `${name}: reflows in ${s.vw} CSS px (page ${s.wide} wide, ${s.cut} blocks cut), ${s.overlap} buttons overlap, `
    + `${s.n} buttons, smallest ${s.minW.toFixed(0)}x${s.minH.toFixed(0)} CSS px`);
  // The last button, scrolled to, is in the window below the banner.
  const last = page.locator('#app button').last();
  await last.scrollIntoViewIfNeeded();
  const seen = await page.evaluate(() => {
    const b = [...document.querySelectorAll('#app button')].pop().getBoundingClientRect();
    const top = document.getElementById('banner').getBoundingClientRect().bottom;
    return b.top >= top - 0.5 && b.bottom <= window.innerHeight + 0.5;
  });
  check(seen, `${name}: the last button scrolls into view clear of the banner`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

// Whether each of `words` is shown in the first screenful (without scrolling).
const unscrolled = (page, words) => page.evaluate((ws) => ws.map((w) => {
  const el = [...document.querySelectorAll('#app h1, #app h2, #app p, #app li')].find((e) => e.textContent.includes(w));
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
}), words);

try {
  // Every size: axe, reflow, overlap, button sizes on the welcome screen, the first question and
  // the outcome.
  const sizes = [
    ['360x640 (phone)', { width: 360, height: 640 }, 1, true],
    ['768x1024 (portrait tablet)', { width: 768, height: 1024 }, 1, true],
    ['1280x800 (landscape tablet)', { width: 1280, height: 800 }, 1, true],
    ['1920x1080', { width: 1920, height: 1080 }, 1, true],
    ['200 % zoom of 1280x800', { width: 640, height: 400 }, 2, false],
    ['400 % zoom of 1280x800', { width: 320, height: 200 }, 4, false],
  ];
  for (const lang of ['en', 'es']) {
    const w = WORDS[lang];
    for (const [size0, viewport, dsf, lead] of sizes) {
      const size = `${size0} [${lang}]`;
      const page = await open(viewport, dsf, lang);
      const here = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        name: document.getElementById('app').getAttribute('aria-label'),
        switch: [...document.querySelectorAll('#app button[lang]')].map((b) => `${b.lang}:${b.textContent}`),
        named: [...document.querySelectorAll('#app button')].map((b) => b.textContent),
      }));
      const twice = here.named.filter((n) => n.endsWith(w.switch)).length;
      check(twice === 1, `the welcome screen at ${size}: one button "${w.switch}" (${twice})`);
      check(here.lang === lang && here.title === w.title && here.name === w.title,
        `the welcome screen at ${size}: lang="${here.lang}", title and name "${here.title}"`);
      check(here.switch.length === 1 && here.switch[0].endsWith(w.switch)
        && here.switch[0].startsWith(`${lang === 'en' ? 'es' : 'en'}:`),
        `the welcome screen at ${size}: the switch names the other language in its own words and lang (${here.switch})`);
      await axe(page, `the welcome screen at ${size}`);
      await shape(page, `the welcome screen at ${size}`);
      await tap(page, w.start);
      await waitFor(page, w.first);
      await page.waitForTimeout(SETTLE_MS);
      await axe(page, `the first question at ${size}`);
      await shape(page, `the first question at ${size}`);
      if (size0 === '1920x1080') {
        const nine = await page.evaluate(() => [...document.querySelectorAll('#app button')]
          .filter((b) => /^\d\./.test(b.textContent) && b.getBoundingClientRect().bottom <= window.innerHeight).length);
        check(nine === 9, `at ${size} all nine answers of the first safety screen are on the first screenful (${nine})`);
      }
      if (size0.startsWith('360x640')) {
        // On a phone the question's help is folded under one line, so answers show at once; one
        // tap unfolds it, and it stays clear of axe.
        const first = await page.evaluate(() => [...document.querySelectorAll('#app button')]
          .filter((b) => /^\d\./.test(b.textContent) && b.getBoundingClientRect().bottom <= window.innerHeight).length);
        check(first >= 2, `at ${size} the first safety screen shows its first answers on the first screenful (${first})`);
        const folded = !(await text(page)).includes(w.help);
        await page.getByText(w.helpMore).click();
        const unfolded = await waitFor(page, w.help, 3000).then(() => true, () => false);
        check(folded && unfolded, `at ${size} the question's help is folded under "${w.helpMore}" and one tap shows it (${folded}, ${unfolded})`);
        await axe(page, `the first question with its help unfolded at ${size}`);
      }
      await page.goto(url);
      await walkToOutcome(page, lang);
      await page.waitForTimeout(SETTLE_MS);
      check(await pageLang(page) === lang, `the outcome at ${size} says its language (lang="${await pageLang(page)}")`);
      await axe(page, `the outcome at ${size}`);
      const shown = await unscrolled(page, [w.level, w.firstStep, w.emergency]);
      if (lead) {
        check(shown.every(Boolean), `the outcome at ${size}: level, first step and emergency line on the first screenful (${shown})`);
      } else {
        console.log(`     the outcome at ${size}: level, first step, emergency line on the first screenful: ${shown}`);
      }
      await shape(page, `the outcome at ${size}`);
      await page.context().close();
    }
  }

  // The welcome screen: a small accessibility tree, the banner's phone links, zoom allowed.
  const page = await open({ width: 1280, height: 800 });
  const cdp = await page.context().newCDPSession(page);
  const ax = (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored).length;
  console.log(`     accessibility tree of the welcome screen: ${ax} nodes`);
  check(ax < 200, `the accessibility tree is small (${ax} nodes)`);
  const links = await page.evaluate(() => [...document.querySelectorAll('#banner a[href^="tel:"]')].map((a) => a.getAttribute('href')));
  check(links.includes('tel:999') && links.includes('tel:01632960000'), `the emergency number and clinic phone are tel: links (${links.join(', ')})`);
  check((await text(page)).split('999').length - 1 === 1, 'the welcome screen says the emergency number once');
  const page0 = await page.evaluate(() => ({
    viewport: document.querySelector('meta[name=viewport]').content,
    lang: document.documentElement.lang,
    touch: [document.documentElement, document.body, document.getElementById('app')].map((e) => getComputedStyle(e).touchAction),
    banner: getComputedStyle(document.getElementById('banner')).position,
  }));
  check(!page0.viewport.includes('user-scalable=no') && !page0.viewport.includes('maximum-scale')
    && page0.touch.every((t) => t === 'auto'), `zoom is allowed: no user-scalable=no, touch-action ${page0.touch.join('/')}`);
  check(page0.lang === 'en', `the page says its language (lang="${page0.lang}")`);
  check(page0.banner === 'sticky' || page0.banner === 'fixed', `the banner stays at the top (${page0.banner})`);

  // A keyboard-only walk: Tab to each answer, Enter (or Space) on it.
  const walk = ['Check a symptom', 'No, none of these', 'No, none of these',
    'Skin redness, warmth or flushing', 'No, none of these', 'No, none of these', 'Not itchy or sore: it started today'];
  let h = await heading(page);
  let tabbed = true;
  for (const [i, label] of walk.entries()) {
    let found = false;
    for (let n = 0; n < 40 && !found; n++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      found = f.tag === 'BUTTON' && f.text.includes(label);
    }
    tabbed &&= found;
    if (!found) break;
    await page.waitForTimeout(SETTLE_MS);
    await page.keyboard.press(i === 2 ? ' ' : 'Enter');
    const before = h;
    const until = Date.now() + 5000;
    while ((h = await heading(page)) === before && Date.now() < until) await page.waitForTimeout(50);
    const f = await focused(page);
    check(f.tag === 'H1' && f.text === h, `after "${label}" focus is on the new heading "${h.slice(0, 50)}"`);
  }
  check(tabbed && h.includes('Normal: warm, pink skin'), `Tab and Enter/Space alone reach the outcome (${h})`);
  check(await page.isVisible('#keys'), 'with a keyboard the key hints are shown');

  // Names without key letters, symbols hidden where the words say the same.
  const aria = squash((await page.locator('#app').ariaSnapshot()).replace(/''/g, "'"));
  check(!/\[[a-z]\]/.test(aria) && aria.includes('button "Check another symptom"'),
    'the outcome\'s buttons are named without key letters ("Check another symptom")');
  const symbol = /.{0,40}[✓‼☎✚].{0,20}/.exec(aria)?.[0];
  check(!symbol && aria.includes('Expected'),
    `the level and emergency symbols are hidden from the reader (the words say the same)${symbol ? `: "${symbol}"` : ''}`);

  // "Still there?" (idle 10 s in the test config), said by the live region with its countdown;
  // Tab counts as activity, and after "I'm still here" focus is back where it was.
  let finish = false;
  for (let n = 0; n < 40 && !finish; n++) {
    await page.keyboard.press('Tab');
    finish = (await focused(page)).text.includes('Finish and clear');
  }
  await page.waitForTimeout(7000);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(5000);
  check(!(await heading(page)).includes('Still there?'), 'Tab counts as activity: 12 s after the last tap, Tab 5 s ago, no "Still there?"');
  await waitHeading(page, 'Still there?', 15000);
  const live = await page.evaluate(() => document.getElementById('live').textContent);
  check(live.includes('Still there?') && /cleared in \d+ second/.test(live), `the live region says "${live.slice(0, 70)}…"`);
  check(await page.evaluate(() => document.getElementById('live').getAttribute('aria-live')) === 'assertive', 'the live region is assertive');
  await page.addScriptTag({ path: axePath }).catch(() => {});
  await axe(page, 'the "Still there?" screen');
  await page.locator('#app button', { hasText: "I'm still here" }).focus();
  await page.keyboard.press('Enter');
  await waitHeading(page, 'Normal: warm, pink skin');
  const back = await focused(page);
  check(finish && back.text.includes('Finish and clear'), `after "I'm still here" focus is back on "${back.text}"`);
  check(errors.length === 0, `no errors in the page (${errors.join('; ')})`);
  await pageWords();
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failures += 1;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'web a11y: all passed' : `web a11y: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
