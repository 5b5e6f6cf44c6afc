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
