// What the browser kiosk costs, measured in Debian's headless Chromium (playwright-core) on the
// page scripts/bench-web.sh builds and serves; it prints the figures it measured and never fails
// on them (the machine may be busy).
//   node tests/web/bench.mjs BASE SECONDS
// BASE serves two builds of the same page: BASE/page/ (the default settings: 90 s idle timeout)
// and BASE/reset/ (tests/web/clinic.toml: 10 s idle timeout, 3 s countdown), each with the
// content as files beside it. BENCH_LOG is the static server's request log (python3 -m
// http.server's), BENCH_DIST the folder it serves.
//
// 1. Idle: the main thread's task time (CDP Performance metric `TaskDuration`, which includes
//    the two metric reads themselves; and of it `ScriptDuration`, `LayoutDuration` and
//    `RecalcStyleDuration`: the page's own work) and the CPU time of this browser's renderer processes
//    (/proc, in clock ticks), over SECONDS on a static page (the floor), the welcome screen just
//    after the load, an outcome and the welcome screen after "Finish and clear", with the times
//    the page changed (`data-frames`).
// 2. The first visit in a fresh browser context: every request the server answered (the page's
//    and the service worker's), by URL, until the service worker is ready and the requests stop.
// 3. A privacy reset (BASE/reset/): the requests the server answered from the idle timeout on a
//    question until the welcome screen is back and the requests stop.
// 4. The first usable screen: from the navigation's start (the page's performance.now()) to a
//    button in #app shown and the screen settled (a tap is taken), and to the welcome screen's
//    words in #app, in 5 cold loads (a fresh browser context each), then 5 more with the page's
//    CPU slowed 4 times (CDP `Emulation.setCPUThrottlingRate`). With BENCH_GRID (a folder under
//    BASE holding the grid page this one replaced), the same loads of that page (its words only)
//    and of this page built the same way, without content/ beside it (BASE/bare/).
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor, tap, walkToOutcome } from './walk.mjs';

const [base, secsArg = '30'] = process.argv.slice(2);
if (!base || !process.env.BENCH_LOG) throw new Error('usage: BENCH_LOG=FILE BENCH_DIST=DIR node bench.mjs BASE [SECONDS]');
const secs = Number(secsArg);
const ticks = Number(process.env.CLK_TCK || 100);
const LOADS = 5;

// This browser's processes only: the descendants of this node process (another browser on the
// machine is not counted).
function rendererCpu() {
  const parent = new Map();
  const stats = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, f[1]);
      stats.set(pid, Number(f[11]) + Number(f[12])); // utime + stime, in clock ticks
    } catch { /* gone */ }
  }
  const ours = (pid) => {
    for (let p = pid, n = 0; p && p !== '0' && n < 64; p = parent.get(p), n++) {
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid, t] of stats) {
    if (!ours(pid)) continue;
    let cmd = '';
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (cmd.includes('--type=renderer')) total += t;
  }
  return (total / ticks) * 1000; // ms
}

// The server's log: one line per request it answered.
const logLines = () => readFileSync(process.env.BENCH_LOG, 'utf8').split('\n')
  .map((l) => l.match(/"(GET|HEAD|POST) (\S+) HTTP\/[\d.]+" (\d{3})/))
  .filter(Boolean)
  .map((m) => ({ url: m[2], status: m[3] }));

// Waits until the server has answered nothing new for `quiet` ms (at most `max` ms).
async function untilQuiet(page, quiet = 3000, max = 30000) {
  const until = Date.now() + max;
  let n = logLines().length;
  let since = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(250);
    const m = logLines().length;
    if (m !== n) { n = m; since = Date.now(); } else if (Date.now() - since >= quiet) return;
  }
}

// The requests since log line `from`, by URL: "URL xN (statuses)", and whether each was once.
function requestsSince(from, prefix) {
  const seen = new Map();
  for (const { url, status } of logLines().slice(from)) {
    const u = url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url;
    if (!seen.has(u)) seen.set(u, []);
    seen.get(u).push(status);
  }
  const total = [...seen.values()].reduce((a, s) => a + s.length, 0);
  const bytes = [...seen.entries()].reduce((a, [u, s]) => {
    const file = join(process.env.BENCH_DIST || '.', prefix, u === '/' ? 'index.html' : u);
    let size = 0;
    try { size = statSync(file).size; } catch { /* a 404 */ }
    return a + s.filter((x) => x === '200').length * size;
  }, 0);
  const lines = [...seen.entries()].map(([u, s]) => `${u} x${s.length} (${s.join(', ')})`);
  return { total, urls: seen.size, once: [...seen.values()].every((s) => s.length === 1), bytes, lines };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const newContext = () => browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
const page0 = `${base}page/`;

// 1. Idle.
{
  const context = await newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // In ms: all the main thread's tasks, and of them the page's script (JS and wasm), layout and
  // style.
  const metrics = async () => {
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return [m.TaskDuration, m.ScriptDuration, m.LayoutDuration, m.RecalcStyleDuration].map((v) => v * 1000);
  };
  const frames = () => page.evaluate(() => Number(document.getElementById('app')?.dataset.frames || 0));
  const measure = async (label) => {
    await page.waitForTimeout(2000);
    const f0 = await frames();
    const [m0, c0] = [await metrics(), rendererCpu()];
    await page.waitForTimeout(secs * 1000);
    const [m1, c1] = [await metrics(), rendererCpu()];
    const f1 = await frames();
    const [task, script, layout, style] = m1.map((v, i) => (v - m0[i]).toFixed(1));
    console.log(`idle, ${label}: main thread ${task} ms of tasks in ${secs} s (script ${script} ms, layout ${layout} ms, style ${style} ms), renderer CPU ${(c1 - c0).toFixed(0)} ms in ${secs} s, page changed ${f1 - f0} times`);
  };
  await page.setContent('<pre style="font-size:26px">a static page</pre>');
  await measure('a static page (the floor)');
  await page.goto(page0);
  await waitFor(page, 'Check a symptom');
  await measure('the welcome screen, 2 s after the load');
  await walkToOutcome(page);
  await measure('the outcome "warm, pink skin"');
  // The kiosk's usual state: the welcome screen after a person has finished.
  await tap(page, 'Finish and clear');
  for (let until = Date.now() + 10000; Date.now() < until; await page.waitForTimeout(100)) {
    const t = await page.evaluate(() => document.body.innerText);
    if (t.includes('Check a symptom') && !t.includes('warm, pink skin')) break;
  }
  await measure('the welcome screen after "Finish and clear"');
  await context.close();
}

// 2. The first visit.
{
  const context = await newContext();
  const page = await context.newPage();
  const from = logLines().length;
  await page.goto(page0);
  await waitFor(page, 'Check a symptom');
  const sw = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => 'ready'),
    new Promise((r) => setTimeout(() => r('not ready after 20 s'), 20000)),
  ]));
  await untilQuiet(page);
  const r = requestsSince(from, '/page/');
  console.log(`first visit: ${r.total} requests for ${r.urls} URLs, ${r.once ? 'each URL once' : 'some URL more than once'} (service worker ${sw}; ${r.bytes} bytes in 200 answers)`);
  for (const l of r.lines) console.log(`  ${l}`);
  await context.close();
}

// 3. A privacy reset.
{
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${base}reset/`);
  await waitFor(page, 'Check a symptom');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await untilQuiet(page);
  await tap(page, 'Check a symptom');
  await waitFor(page, 'First, a safety check');
  const from = logLines().length;
  await waitFor(page, 'Still there?', 30000);
  for (let until = Date.now() + 30000; Date.now() < until; await page.waitForTimeout(100)) {
    const t = await page.evaluate(() => document.body.innerText);
    if (t.includes('Check a symptom') && !t.includes('Still there?') && !t.includes('First, a safety check')) break;
  }
  await untilQuiet(page);
  const r = requestsSince(from, '/reset/');
  console.log(`privacy reset (idle timeout 10 s, countdown 3 s, then the welcome screen): ${r.total} requests for ${r.urls} URLs (${r.bytes} bytes in 200 answers)`);
  for (const l of r.lines) console.log(`  ${l}`);
  await context.close();
}

// 4. The first usable screen, cold. Each load records, in the page, when the welcome screen's
// words ("Check a symptom") are in #app and when a button there is shown and the screen settled
// (the grid page, BENCH_GRID, has no buttons: only its words are timed).
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function coldLoad(url, rate) {
  const context = await newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const look = () => {
      const app = document.getElementById('app');
      if (!app) return;
      const now = performance.now();
      if (app.textContent.includes('Check a symptom')) window.__words ??= now;
      const b = [...app.querySelectorAll('button')].find((x) => x.getClientRects().length > 0 && !x.disabled);
      if (b && !app.classList.contains('settling')) window.__usable ??= now;
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // A page of the same server first (a 404), so the throttled renderer is the one that loads
  // the page; the page's files are not in this context's cache.
  await page.goto(`${url}bench-blank`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url);
  await page.waitForFunction(() => window.__words !== undefined, null, { timeout: 120000 });
  await page.waitForTimeout(100);
  const times = await page.evaluate(() => [window.__words, window.__usable]);
  await context.close();
  return times;
}
const ms = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
const pages = [['this page', page0]];
if (process.env.BENCH_GRID) {
  pages.push(['this page without content/ beside it', `${base}bare/`]);
  pages.push([`the grid page (${process.env.BENCH_GRID_NAME || 'BENCH_GRID'}) without content/ beside it`, `${base}${process.env.BENCH_GRID}`]);
}
for (const rate of [1, 4]) {
  for (const [name, url] of pages) {
    const words = [];
    const usable = [];
    for (let i = 0; i < LOADS; i++) {
      const [w, u] = await coldLoad(url, rate);
      words.push(w);
      if (u !== undefined && u !== null) usable.push(u);
    }
    const slowed = rate === 1 ? '' : `, CPU slowed ${rate}x`;
    if (usable.length) console.log(`first usable screen, ${name}${slowed}: median ${median(usable).toFixed(0)} ms of ${LOADS} cold loads (${ms(usable)} ms)`);
    console.log(`welcome words shown, ${name}${slowed}: median ${median(words).toFixed(0)} ms of ${LOADS} cold loads (${ms(words)} ms)`);
  }
}
await browser.close();
