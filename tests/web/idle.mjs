// Idle cost of the browser kiosk: CPU time used by Chromium's renderer processes while the page
// sits on a screen, read from /proc (Linux), and the frames the page drew meanwhile.
//   node tests/web/idle.mjs URL [SECONDS]      (scripts/bench-web.sh serves the page and runs it)
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';

const [url, secs = '30'] = process.argv.slice(2);
const ticks = Number(process.env.CLK_TCK || 100);

function rendererCpu() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd;
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (!cmd.includes('chromium') || !cmd.includes('--type=renderer')) continue;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks
  }
  return (total / ticks) * 1000; // ms
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const frames = () => page.evaluate(() => Number(document.getElementById('app')?.dataset.frames || 0));

async function measure(label) {
  await page.waitForTimeout(2000);
  const [c0, f0] = [rendererCpu(), await frames()];
  await page.waitForTimeout(Number(secs) * 1000);
  const [c1, f1] = [rendererCpu(), await frames()];
  console.log(`${label}: renderer CPU ${(c1 - c0).toFixed(0)} ms in ${secs} s (${((c1 - c0) / Number(secs) / 10).toFixed(3)} %), frames drawn ${f1 - f0}`);
}

// The floor: a static page of text in the same browser.
await page.setContent('<pre style="font-size:26px">a static page</pre>');
await measure('baseline: a static page');
await page.goto(url);
await page.waitForFunction(() => document.getElementById('app').innerText.includes('Check a symptom'));
await measure('welcome screen, idle');
// A first question open: the idle timer is pending (one setTimeout), nothing else.
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.getElementById('app').innerText.includes('First, a safety check'));
await measure('a question open, idle');
await browser.close();
