// Shared steps of the browser tests on the HTML page: the page's words, waiting for them, and a
// person's walk to the "warm, pink skin" outcome by taps on the answers' buttons.
export const SETTLE_MS = 1200;

// All the words in the page, as shown (the banner, the screen, the key hints when shown).
export const text = (page) => page.evaluate(() => document.body.innerText.replace(/\u00a0/g, ' '))
  .catch(() => '');

export async function waitFor(page, words, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const t = await text(page);
    if (t.includes(words)) return t;
    if (Date.now() > until) throw new Error(`"${words}" did not appear; the page:\n${t}`);
    await page.waitForTimeout(50);
  }
}

// The button whose words include `words`, scrolled into view, and its box.
export async function buttonBox(page, words) {
  const b = page.locator('#app button', { hasText: words }).first();
  await b.scrollIntoViewIfNeeded();
  return b.boundingBox();
}

// Taps the middle of the button holding `words`, as a finger would (after the screen settled).
export async function tap(page, words) {
  await page.waitForTimeout(SETTLE_MS);
  const box = await buttonBox(page, words);
  if (!box) throw new Error(`cannot tap "${words}": no such button`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

// From the welcome screen to the outcome "Normal: warm, pink skin after massage", by taps.
export async function walkToOutcome(page) {
  await waitFor(page, 'Check a symptom');
  await tap(page, 'Check a symptom');
  await waitFor(page, 'First, a safety check');
  await tap(page, 'No, none of these');
  await waitFor(page, 'Choose the first one that fits');
  await tap(page, 'No, none of these');
  await waitFor(page, 'What are you noticing?');
  await tap(page, 'Skin redness, warmth or flushing');
  await waitFor(page, 'Look at the skin that was massaged');
  await tap(page, 'No, none of these');
  await waitFor(page, 'One more safety check');
  await tap(page, 'No, none of these');
  await waitFor(page, 'When did the redness or warmth start');
  await tap(page, 'It started today and is not itchy');
  return waitFor(page, 'Normal: warm, pink skin after massage');
}
