// The browser kiosk's service worker: once the page has loaded, it loads again without the network
// (a reload after a crash or by staff, a power cut on the kiosk while the server is down).
// Network first, so staff edits to clinic.toml and content/ show at the next reload; the last
// copy when the network fails. Only the page's own files are kept: no answers ever reach here.
//
// Nothing is fetched twice: at install the worker fetches only the files the page has not already
// fetched (on the first visit the page loads before the worker controls it: the page puts the
// clinic's files it read in this cache itself, and the worker takes its own files from the
// browser's HTTP cache where it can), and afterwards it keeps each answer the page itself gets.
const CACHE = 'aftercare-v2';

// The page and the clinic's files as they are now (a 404 is kept too: it means "use the
// defaults"), with the content's sign-off record, which files.txt does not list (without it a
// kiosk that requires sign-off could not check its content offline). A file already in the cache
// (the page puts the clinic's files there on a first visit) is not fetched again; for the rest,
// `cache: 'force-cache'` takes the HTTP cache's copy of the page's own files. The clinic's files
// the page read with `no-store`, so if the page could not copy them they are fetched again here.
// The checker (check.js, check_bg.wasm) is not fetched here: the page loads it only for files it
// has no verdict for, and this worker keeps it then, as it passes.
async function precache() {
  const cache = await caches.open(CACHE);
  const names = ['./', 'boot.js', 'aftercare.js', 'aftercare_bg.wasm', 'clinic.toml',
    'content/files.txt', 'content/signoff.toml'];
  // The page has usually put the clinic's files in this cache already (src/web/files.rs).
  const kept = await cache.match('content/files.txt');
  const list = kept
    ? await (kept.ok ? kept.text() : '')
    : await fetch('content/files.txt', { cache: 'force-cache' })
      .then((r) => (r.ok ? r.clone().text().then((t) => { cache.put('content/files.txt', r); return t; }) : ''))
      .catch(() => '');
  for (const line of list.split('\n')) {
    const name = line.trim();
    if (name && !name.startsWith('#')) names.push(`content/${name}`);
  }
  await Promise.all(names.map(async (name) => {
    if (await cache.match(name)) return;
    const r = await fetch(name, { cache: 'force-cache' }).catch(() => null);
    if (r && (r.ok || r.status === 404)) await cache.put(name, r);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(req, { cache: 'no-store' })
      .then((res) => {
        // Keep good copies and "not there" answers (a missing clinic.toml means the defaults).
        if (res.ok || res.status === 404) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
