// EventLens page glue, the entry module: sets up the Emscripten module on
// the page's canvas, checks the browser can run it, and answers what the C++
// shell asks of the page (wasm/library_eventlens.js calls window.eventlensPage).
// The page never parses event files: it reads bytes and pushes them into the
// engine. Its parts:
//   engine.js     calls into the wasm engine, ingesting between frames, audio
//   reader.js     File slices and HTTP ranges, the read queue, records read back
//   sources.js    pickers, drops, addresses, manifests, live re-checks
//   test_hook.js  window.eventlens for tests and automation
// The build bundles these into one classic script (cmake/bundle_page_js.py),
// which index.html loads and the single-file page inlines.
//
// [SECTION] the Emscripten module and the browser check
// [SECTION] what the C++ shell asks of the page
// [SECTION] offline: the service worker

import { engine, fetchCjkFont, page, playAudio, startWorkBetweenFrames, stopAudio } from './engine.js';
import { cancelReads, fileReset, forgetFiles, readBlob, readFile, readsChanged } from './reader.js';
import { applyLiveSetting, openAddress, openServedManifest, openUrl, openedUrls, pickFiles, pickFolder, stopLive, whenOpenedUrlsChange } from './sources.js';
import { installTestHook } from './test_hook.js';

// [SECTION] the Emscripten module and the browser check -------------------------------------
const splashText = document.getElementById('splash-text');

function fail(message) {
  const s = document.getElementById('splash');
  s.classList.add('error');
  splashText.textContent = message;
  document.body.classList.remove('ready');
}

// Right-drag pans charts: no browser menu on the canvas.
document.getElementById('canvas').addEventListener('contextmenu', (ev) => ev.preventDefault());

// The wasm file's name carries its content hash on a staged site (see scripts/stage_site.py).
const wasmMeta = document.querySelector('meta[name="eventlens-wasm"]');
window.Module = {
  canvas: document.getElementById('canvas'),
  locateFile: (name) => (wasmMeta && name.endsWith('.wasm') ? wasmMeta.content : name),
  print: (t) => console.log(t),
  printErr: (t) => console.log('[eventlens] ' + t),
  onAbort: (what) => fail('EventLens stopped: ' + what),
};
if (!document.createElement('canvas').getContext('webgl2')) {
  fail('EventLens needs WebGL 2, which this browser does not offer.');
}
// The engine is built with WebAssembly exception handling: probe it with a
// one-function module whose body is an empty `try` block.
const wasmTry = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
  10, 7, 1, 5, 0, 6, 64, 11, 11]);
if (typeof WebAssembly !== 'object' || !WebAssembly.validate(wasmTry)) {
  fail('EventLens needs a newer browser (WebAssembly exception handling: Chrome or Edge 95+, ' +
    'Firefox 100+, Safari 15.2+).');
}

// [SECTION] what the C++ shell asks of the page ---------------------------------------------
function copyText(text, what) {
  const done = () => console.log('[eventlens] ' + what + ' copied');
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, () => window.prompt('Copy this ' + what + ':', text));
  } else {
    window.prompt('Copy this ' + what + ':', text);
  }
}

function download(filename, mime, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The address bar: the settings' link form, then every address opened
// (&url=...), so a copied link opens the same view of the same data.
let linkSettings = location.hash.slice(1).replace(/(^|&)url=[^&]*/g, '').replace(/^&/, '');
function writeLink() {
  const fromQuery = new URLSearchParams(location.search).getAll('manifest');
  const urls = openedUrls.filter((u) => !fromQuery.includes(u));
  history.replaceState(null, '', '#' + linkSettings + urls.map((u) => '&url=' + encodeURIComponent(u)).join(''));
}
whenOpenedUrlsChange(writeLink);

window.eventlensPage = {
  // The engine started: saved settings, then the link's (the link wins), then the data the link names.
  ready() {
    page.ready = true;
    startWorkBetweenFrames();
    document.body.classList.add('ready');
    if (new URLSearchParams(location.search).has('verify')) engine.setChecksums(true);
    const local = localStorage.getItem('eventlens.local');
    if (local) engine.applySettings(local);
    const stored = localStorage.getItem('eventlens.settings');
    if (stored) engine.applySavedSettings(stored);
    // As it is: the settings' values are percent-escaped, and decoded once, by the engine
    // (decoding here first would turn an escaped '+', '&' or '%' into a separator).
    if (location.hash.length > 1) engine.applySettings(location.hash.slice(1));
    // ?manifest=URL and #...&url=URL (several allowed); otherwise the served manifest, if any.
    const named = new URLSearchParams(location.search).getAll('manifest');
    for (const m of location.hash.matchAll(/[#&]url=([^&]*)/g)) named.push(decodeURIComponent(m[1]));
    if (named.length) named.forEach(openUrl); else openServedManifest();
  },
  openFiles: pickFiles,
  openAddress,
  openFolder: pickFolder,
  // Stop reading, and re-checking (it would resume what was cancelled).
  cancel() {
    cancelReads();
    stopLive();
  },
  // The engine forgot every file.
  closedAll() {
    forgetFiles();
    stopLive();
    openedUrls.length = 0;
    writeLink();
    stopAudio();
  },
  settingsChanged(text) {
    document.body.classList.toggle('light', /(?:^|&)theme=light/.test(text));
    localStorage.setItem('eventlens.settings', text);
    linkSettings = text;
    writeLink();
    applyLiveSetting(text);
  },
  // The sidebar's width and remembered run colours: this browser's, never in the link.
  localSettingsChanged(text) {
    localStorage.setItem('eventlens.local', text);
  },
  requestCjkFont: fetchCjkFont,
  readBlob,
  readFile,
  readsChanged,
  fileReset,
  playAudio,
  stopAudio,
  copyLink: () => copyText(location.href, 'link'),
  copyText: (text) => copyText(text, 'text'),
  // A link in a text summary: web and mail addresses only, in a new tab that
  // cannot reach back into this page.
  openLink(url) {
    if (/^(https?:|mailto:)/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },
  download,
};

installTestHook();

// [SECTION] offline: the service worker -----------------------------------------------------
// Served pages keep their app files for offline use. A new version is
// fetched in the background and used from the next load on; a small note says so.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && wasmMeta) {
  navigator.serviceWorker.register('sw.js').then((reg) => {
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      if (!next || !navigator.serviceWorker.controller) return;  // the first install: nothing to announce
      next.addEventListener('statechange', () => {
        if (next.state !== 'installed') return;
        const note = document.getElementById('update-note');
        note.textContent = 'A new version of EventLens is ready: it will be used the next time this page opens.';
        note.classList.add('shown');
        setTimeout(() => note.classList.remove('shown'), 12000);
      });
    });
  }, (err) => console.log('[eventlens] no offline copy: ' + err));
}
