// Starts the kiosk page: the app, then the service worker that lets the page load again without
// the network.
import init from "./aftercare.js";

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
  // No WebAssembly, or the files did not load: say so instead of "Loading…" forever.
  console.error(e);
  const app = document.getElementById("app");
  app.className = "message";
  app.replaceChildren(
    Object.assign(document.createElement("p"), {
      className: "alarm call",
      textContent: "If you feel very unwell, call your emergency number now.",
    }),
    Object.assign(document.createElement("h1"), {
      textContent: "This screen could not start. Please ask at the desk.",
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
