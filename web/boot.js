// Starts the kiosk page: the font first (cells are measured with it), then the app, then the
// service worker that lets the page load again without the network.
import init from "./aftercare.js";

try {
  await document.fonts.load('20px "AftercareMono"');
} catch (e) {
  // The fallback monospace font is measured instead.
}
try {
  await init();
} catch (e) {
  // No WebAssembly, or the files did not load: say so instead of "Loading…" forever.
  console.error(e);
  const app = document.getElementById("app");
  app.replaceChildren(Object.assign(document.createElement("pre"), {
    className: "message",
    textContent: "This screen could not start. Please ask at the desk.\n\n" +
      "If you feel very unwell, call your emergency number now.",
  }));
}
// Secure contexts only (https or localhost); on plain http the page still runs, without the copy.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
