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
// [SECTION] one thread or several: which build to load
// [SECTION] the Emscripten module and the browser check
// [SECTION] what the C++ shell asks of the page
// [SECTION] offline and isolated: the service worker

import { engine, fetchCjkFont, page, playAudio, startWorkBetweenFrames, stopAudio } from './engine.js';
import { cancelReads, fileReset, forgetFiles, peekFile, readBlob, readFile, readsChanged } from './reader.js';
import { applyLiveSetting, userOpenedFiles, openAddress, openServedManifest, openUrl, openedUrls, pickFiles, pickFolder, stopLive, whenOpenedUrlsChange } from './sources.js';
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

// [SECTION] one thread or several: which build to load --------------------------------------
// A staged site (scripts/stage_site.py) names its files, whose names carry
// their content hash, in meta tags: the engine built for one thread, and the
// one built with pthreads, which decodes files on worker threads. Threads
// share memory, which browsers allow only to a cross-origin isolated page:
// the server's headers, or this page's service worker (web/sw.js), make it so.
const metaContent = (name) => {
  const m = document.querySelector(`meta[name="${name}"]`);
  return m ? m.content : '';
};
const builds = {
  js: metaContent('eventlens-js'), wasm: metaContent('eventlens-wasm'),
  mtJs: metaContent('eventlens-mt-js'), mtWasm: metaContent('eventlens-mt-wasm'),
  mtWorker: metaContent('eventlens-mt-worker'),
};
// ?threads=N: that many decoding threads (1: the one-thread build).
const threadsAsked = parseInt(new URLSearchParams(location.search).get('threads'), 10) || 0;
const oneThreadAsked = threadsAsked === 1;
// Threads by default from 4 cores on. With 2, the workers and the page's own
// thread share them, and the threaded build measured no faster than one
// thread (scripts/bench, "the page in headless Chromium"); from 4 the
// workers have cores of their own.
const cores = navigator.hardwareConcurrency || 2;
const fewCores = cores < 4 && !threadsAsked;
const threaded = Boolean(builds.mtJs && self.crossOriginIsolated && !oneThreadAsked && !fewCores);
if (self.crossOriginIsolated) sessionStorage.removeItem('eventlens.isolating');
// Decoding threads: one per core but one, which the page's own thread keeps
// (it reads the files, applies what the workers decoded, and draws); at most
// 8. The threaded build starts workers with the page (PTHREAD_POOL_SIZE in
// CMakeLists.txt); more asked for start when first needed.
const ingestThreads = !threaded ? 1 : threadsAsked >= 2 ? Math.min(16, threadsAsked) : Math.min(8, cores - 1);
// Why there is only one, for the status bar's tooltip.
function whyOneThread() {
  if (threaded) return '';
  const one = 'Files are read on the page\'s own thread, between frames: ';
  if (oneThreadAsked) return one + 'the address asks for it (?threads=1).';
  if (fewCores) {
    return one + `this machine has ${cores} cores, too few for decoding threads to pay ` +
      '(add ?threads=2 to the address to use them anyway).';
  }
  if (!builds.mtJs) return one + 'this copy of EventLens has no threaded build (the single-file page has none).';
  if (!window.isSecureContext) return one + 'worker threads need a secure page (https or localhost).';
  if (!('serviceWorker' in navigator)) return one + 'this browser cannot isolate the page (no service workers).';
  if (sessionStorage.getItem('eventlens.isolating')) {
    return one + 'this browser did not isolate the page (it needs "Cross-Origin-Embedder-Policy: credentialless": ' +
      'Chrome or Edge 96+, Firefox 119+).';
  }
  return one + 'the page is not cross-origin isolated yet. Its service worker isolates it from the next load on.';
}
// The engine's script: the threaded build's where it can run.
if (builds.js) {
  const script = document.createElement('script');
  script.src = threaded ? builds.mtJs : builds.js;
  script.async = true;
  script.onerror = () => fail('EventLens could not load its engine (' + script.src + ').');
  document.body.appendChild(script);
}

// [SECTION] the Emscripten module and the browser check -------------------------------------
window.Module = {
  canvas: document.getElementById('canvas'),
  locateFile: (name) => {
    if (name.endsWith('.wasm')) return (threaded ? builds.mtWasm : builds.wasm) || name;
    if (name.endsWith('.worker.js')) return builds.mtWorker || name;
    return name;
  },
  // The pthread workers load the engine's script by this address.
  mainScriptUrlOrBlob: threaded ? new URL(builds.mtJs, document.baseURI).href : undefined,
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
    engine.setIngestThreads(ingestThreads, whyOneThread());
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
  peekFile,
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

// [SECTION] offline and isolated: the service worker -----------------------------------------
// Served pages keep their app files for offline use. A new version is
// fetched in the background and used from the next load on; a small note says so.
// The worker also sends the headers that isolate the page (web/sw.js): on a
// first visit, once it is active, the page loads again to be isolated, unless
// the user has opened files already (they would have to open them again).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && builds.js) {
  navigator.serviceWorker.register('sw.js').then((reg) => {
    if (builds.mtJs && !self.crossOriginIsolated && !oneThreadAsked && !fewCores &&
        !sessionStorage.getItem('eventlens.isolating')) {
      navigator.serviceWorker.ready.then(() => {
        if (userOpenedFiles()) return;
        sessionStorage.setItem('eventlens.isolating', '1');  // once: a browser that cannot isolate is not reloaded again
        location.reload();
      });
    }
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
