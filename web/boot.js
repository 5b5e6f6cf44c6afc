// Starts the kiosk page: the app, then the service worker that lets the page load again without
// the network.
import init from "./aftercare.js";

// The page's own words before the app speaks. Until the app has read the clinic's config (it then
// sets <html lang> and "Loading…" in the clinic's language), the browser's language is the guess.
const WORDS = {
  en: {
    loading: "Loading…",
    call: "If you feel very unwell, call your emergency number now.",
    failed: "This screen could not start. Please ask at the desk.",
  },
  es: {
    loading: "Cargando…",
    call: "Si se encuentra muy mal, llame ahora a su número de emergencias.",
    failed: "Esta pantalla no pudo arrancar. Pregunte en el mostrador.",
  },
};
const html = document.documentElement;
const guess = (navigator.languages?.[0] || navigator.language || "").slice(0, 2).toLowerCase();
if (guess in WORDS) {
  html.lang = guess;
  const loading = document.getElementById("loading");
  if (loading) loading.textContent = WORDS[guess].loading;
}

// The check of the clinic's files that `aftercare check` runs is a wasm of its own (check.js),
// loaded only when the page has no verdict for the files on the server (a staff edit in place;
// src/web_pack.rs): the page itself stays small.
let checker = null;
window.aftercareCheck = async (lang, files) => {
  checker ??= import("./check.js").then(async (m) => {
    await m.default();
    return m;
  });
  return (await checker).check(lang, files);
};

try {
  await init();
} catch (e) {
  // No WebAssembly, or the files did not load: say so instead of "Loading…" forever, in the
  // page's language (the clinic's if the app got that far, else the browser's).
  console.error(e);
  const words = WORDS[html.lang] || WORDS.en;
  const app = document.getElementById("app");
  app.className = "message";
  app.replaceChildren(
    Object.assign(document.createElement("p"), {
      className: "alarm call",
      textContent: words.call,
    }),
    Object.assign(document.createElement("h1"), {
      textContent: words.failed,
    }),
  );
}
// Secure contexts only (https or localhost); on plain http the page still runs, without the copy.
// The worker is registered once the page has put the clinic's files it fetched in the worker's
// cache ("aftercare-files"), so its install fetches none of them again; or after 15 s if the page
// never fetched them (the server away).
if ("serviceWorker" in navigator) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register("sw.js").catch(() => {});
  };
  window.addEventListener("aftercare-files", register, { once: true });
  setTimeout(register, 15000);
}
