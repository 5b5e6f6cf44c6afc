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

// The words of one walk in each language the page speaks: the interface's (locales/) and the
// content's (data/, data/es/). `switch` is the welcome screen's button to the other language.
export const WORDS = {
  en: {
    lang: 'en',
    title: 'After your massage',
    start: 'Check a symptom',
    browse: 'Browse explanations',
    switch: 'Español',
    first: 'First, a safety check',
    none: 'No, none of these',
    help: 'Chest pain can feel like pressure',
    helpMore: 'More about this question',
    second: 'or did they happen since your massage?',
    notice: 'What are you noticing?',
    skin: 'Skin redness, warmth or flushing',
    look: 'Look at the skin that was massaged',
    more: 'One more safety check',
    when: 'When did the redness or warmth start',
    today: 'Not itchy or sore: it started today',
    outcome: 'Normal: warm, pink skin after massage',
    level: 'Expected',
    firstStep: 'Nothing is needed. Wear loose clothes.',
    emergency: 'Call 999 if your lips, tongue or throat swell',
    stillThere: 'Still there?',
  },
  es: {
    lang: 'es',
    title: 'Después de su masaje',
    start: 'Revisar un síntoma',
    browse: 'Ver explicaciones',
    switch: 'English',
    first: 'Primero, una comprobación de seguridad',
    none: 'No, ninguno de estos',
    help: 'El dolor de pecho puede sentirse como presión',
    helpMore: 'Más sobre esta pregunta',
    second: '¿Tiene ahora alguno de estos síntomas, o le han pasado desde su masaje?',
    notice: '¿Qué está notando?',
    skin: 'Piel roja, caliente o con rubor',
    look: 'Mire la piel que recibió el masaje',
    more: 'Una comprobación más de seguridad',
    when: '¿Cuándo empezó el enrojecimiento o el calor',
    today: 'No pica ni duele: empezó hoy',
    outcome: 'Normal: piel cálida y rosada tras el masaje',
    level: 'Normal',
    firstStep: 'No necesita hacer nada. Use ropa holgada.',
    emergency: 'Llame al 999 si se le hinchan los labios, la lengua o la garganta',
    stillThere: '¿Sigue ahí?',
  },
};

// From the welcome screen to the outcome "Normal: warm, pink skin after massage" (in `lang`),
// by taps.
export async function walkToOutcome(page, lang = 'en') {
  const w = WORDS[lang];
  await waitFor(page, w.start);
  await tap(page, w.start);
  await waitFor(page, w.first);
  await tap(page, w.none);
  await waitFor(page, w.second);
  await tap(page, w.none);
  await waitFor(page, w.notice);
  await tap(page, w.skin);
  await waitFor(page, w.look);
  await tap(page, w.none);
  await waitFor(page, w.more);
  await tap(page, w.none);
  await waitFor(page, w.when);
  await tap(page, w.today);
  return waitFor(page, w.outcome);
}

// The page's language, `<html lang>`.
export const pageLang = (page) => page.evaluate(() => document.documentElement.lang).catch(() => '');

// Waits until `<html lang>` is `lang` (the page sets it as it draws a screen in that language).
export async function waitLang(page, lang, timeout = 10000) {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout });
  return lang;
}

// The clinic's `clinic.toml` as served, with `top` (top-level keys such as `language = "es"`)
// before its first table, for `page.route`: the same clinic speaking another language.
export async function clinicWith(url, top) {
  const served = await fetch(`${url}clinic.toml`).then((r) => (r.ok ? r.text() : ''));
  return `${top}\n${served}`;
}
