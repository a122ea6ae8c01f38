// EventLens service worker: keeps this version's app files (their names carry
// a content hash) so the page opens offline after the first visit. Only the
// app is cached; event files and manifests always come from the network (or
// from the user's disk). scripts/stage_site.py fills in VERSION and ASSETS.
//
// It also isolates the page: static hosts (GitHub Pages) cannot send the
// headers that let a page share memory with worker threads, so the worker
// adds them to the page and app files it serves (web/js/main.js loads the
// threaded build when the page is isolated).
'use strict';
const VERSION = '@VERSION@';
const ASSETS = @ASSETS@;
const CACHE = 'eventlens-' + VERSION;

self.addEventListener('install', (event) => {
  // The new version waits: the open page keeps the files it started with.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((k) => k.startsWith('eventlens-') && k !== CACHE).map((k) => caches.delete(k)))));
});

// Cross-origin isolation. "credentialless" (not "require-corp") keeps
// fetches from other origins working as before: CORS reads are unchanged,
// and no-cors requests go without cookies instead of being blocked.
function isolated(res) {
  if (!res || res.status === 0) return res;  // opaque or an error: as it is
  const headers = new Headers(res.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'credentialless');
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const url = new URL(req.url);
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (req.mode === 'navigate') {
    // The page: the network first (a new version shows on the next load), the
    // cached copy when offline.
    event.respondWith(fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('index.html'))).then(isolated));
  } else if (ASSETS.includes(name)) {
    // Hash-named files never change: the cache first.
    event.respondWith(caches.open(CACHE).then((c) => c.match(name).then((hit) => hit || fetch(req))).then(isolated));
  }
});
