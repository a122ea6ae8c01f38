// EventLens service worker: keeps this version's app files (their names carry
// a content hash) so the page opens offline after the first visit. Only the
// app is cached; event files and manifests always come from the network (or
// from the user's disk). scripts/stage_site.py fills in VERSION and ASSETS.
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

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const url = new URL(req.url);
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (req.mode === 'navigate') {
    // The page: the network first (a new version shows on the next load), the
    // cached copy when offline.
    event.respondWith(fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('index.html'))));
  } else if (ASSETS.includes(name)) {
    // Hash-named files never change: the cache first.
    event.respondWith(caches.open(CACHE).then((c) => c.match(name).then((hit) => hit || fetch(req))));
  }
});
