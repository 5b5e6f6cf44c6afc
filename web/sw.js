// The browser kiosk's service worker: once the page has loaded, it loads again without the
// network (a reload after a crash or by staff, a power cut on the kiosk while the server is down).
// Network first, so staff edits to clinic.toml and content/ show at the next reload; the last
// copy when the network fails. Only the page's own files are kept: no answers ever reach here.
const CACHE = 'aftercare-v1';

// The page, its font, and the clinic's files as they are now (a 404 is kept too: it means
// "use the defaults").
async function precache() {
  const cache = await caches.open(CACHE);
  const names = ['./', 'index.html', 'boot.js', 'aftercare.js', 'aftercare_bg.wasm',
    'fonts/DejaVuSansMono.ttf', 'clinic.toml', 'content/files.txt'];
  const list = await fetch('content/files.txt', { cache: 'no-store' })
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '');
  for (const line of list.split('\n')) {
    const name = line.trim();
    if (name && !name.startsWith('#')) names.push(`content/${name}`);
  }
  await Promise.all(names.map((name) => fetch(name, { cache: 'no-store' })
    .then((r) => (r.ok || r.status === 404 ? cache.put(name, r) : undefined))
    .catch(() => {})));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
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
      .catch(() => caches.match(req).then((hit) => hit || Response.error())),
  );
});
