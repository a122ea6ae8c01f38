// EventLens page glue: pickers, drag and drop, served logdirs (manifest.json),
// live re-checks, settings storage and downloads. Reads files in slices and
// pushes the bytes into the wasm engine; never parses anything itself.
//
// [SECTION] module and engine calls
// [SECTION] reading (File slices and HTTP ranges)
// [SECTION] records read back (images, audio)
// [SECTION] opening by URL (?manifest=, #url=, eventlens.open)
// [SECTION] folders: pickers, drops, handles
// [SECTION] live re-checks
// [SECTION] served logdir (manifest.json)
// [SECTION] what the C++ shell asks of the page
// [SECTION] offline: the service worker
// [SECTION] test and automation hook
'use strict';
(function () {
  const SLICE_BYTES = 32 << 20;       // read files in 32 MiB slices (fewer, larger reads are faster)
  const FIRST_SLICE_BYTES = 4 << 20;  // but start each file small, so every run shows early
  const MAX_QUEUED_BYTES = 64 << 20;  // wait for the engine beyond this backlog

  const splashText = document.getElementById('splash-text');
  // Right-drag pans charts: no browser menu on the canvas.
  document.getElementById('canvas').addEventListener('contextmenu', (ev) => ev.preventDefault());
  const filesInput = document.getElementById('open-files');
  const folderInput = document.getElementById('open-folder');
  let ready = false;
  let generation = 0;       // bumped by cancel/close: stale reads stop
  let reading = false;
  const pending = [];       // reads to do: {source, path, id, from, to}
  const known = new Map();  // path -> {id, queued, read}: bytes asked for and bytes pushed, per file
  const sourceById = new Map();  // engine file id -> newest source: images and audio are read back from it

  function fail(message) {
    const s = document.getElementById('splash');
    s.classList.add('error');
    splashText.textContent = message;
    document.body.classList.remove('ready');
  }

  // [SECTION] module and engine calls -----------------------------------------------
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

  const api = {
    addFile: (path, size) => Module.ccall('el_add_file', 'number', ['string', 'number'], [path, size]),
    push: (id, ptr, n) => Module._el_push(id, ptr, n),
    endFile: (id) => Module._el_end_file(id),
    queued: () => Module._el_queued_bytes(),
    state: () => JSON.parse(Module.UTF8ToString(Module._el_state_json())),
    series: (run, tag) => JSON.parse(Module.UTF8ToString(
      Module.ccall('el_series_json', 'number', ['string', 'string'], [run, tag]))),
    applySettings: (text) => Module.ccall('el_apply_settings', null, ['string'], [text]),
    show: (name) => Module.ccall('el_show', null, ['string'], [name]),
  };

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // Copies bytes into the wasm heap and hands them to the engine.
  function pushBytes(id, bytes) {
    const ptr = Module._malloc(bytes.length);
    Module.HEAPU8.set(bytes, ptr);  // HEAPU8 read after malloc: memory may have grown
    api.push(id, ptr, bytes.length);
    pumpSoon();
  }

  // Each frame ingests for ~8 ms; between frames the page ingests too, in
  // 12 ms pieces, so a slow renderer does not slow loading and input and
  // animation frames still get their turn. A MessageChannel schedules the
  // pieces without setTimeout's 4 ms clamp.
  const PUMP_MS = 12;
  const pumpChannel = new MessageChannel();
  let pumping = false;
  pumpChannel.port1.onmessage = () => {
    Module._el_pump(PUMP_MS);
    if (api.queued() > 0) pumpChannel.port2.postMessage(0); else pumping = false;
  };
  function pumpSoon() {
    if (pumping) return;
    pumping = true;
    pumpChannel.port2.postMessage(0);
  }

  // [SECTION] reading (File slices and HTTP ranges) -------------------------------------
  // A source is {file: File} or {url: string}. Files are announced first (so
  // progress knows the total), then read one after another, slice by slice.
  function enqueue(entries) {
    if (!ready || entries.length === 0) return;
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of entries) {
      const size = e.size !== undefined ? e.size : e.source.file.size;
      let k = known.get(e.path);
      if (!k) {
        k = { id: api.addFile(e.path, size), queued: 0, read: 0 };
        known.set(e.path, k);
      } else if (size <= k.queued) {
        continue;  // nothing new
      }
      sourceById.set(k.id, e.source);
      pending.push({ source: e.source, path: e.path, k, from: k.queued, to: size });
      k.queued = size;
    }
    if (!reading) readLoop();
  }

  // A slice of a source, as a Uint8Array. File sources: [at, end) of the
  // File. URL sources: an HTTP Range request (a server that ignores Range
  // sends the whole file; the slice is cut from it).
  async function readSliceHere(source, at, end) {
    if (source.file) return new Uint8Array(await source.file.slice(at, end).arrayBuffer());
    const res = await fetchOrExplain(source.url, source.noRange ? { cache: 'no-store' }
      : { headers: { Range: `bytes=${at}-${end - 1}` }, cache: 'no-store' });
    if (res.status !== 206) {
      // The server ignores Range: this one response is the whole file; the
      // caller streams it instead of asking again for every slice.
      if (at === 0) return { whole: res };
      res.body && res.body.cancel();
      throw new Error('the server stopped answering byte ranges');
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  // fetch() with errors people can act on: HTTP status, or why the browser refused.
  function httpProblem(res) {
    const what = { 401: 'needs a login', 403: 'access denied', 404: 'no file at this address',
      410: 'gone', 500: 'server error', 503: 'server unavailable' }[res.status];
    return `HTTP ${res.status}${what ? ' (' + what + ')' : res.statusText ? ' (' + res.statusText + ')' : ''}`;
  }
  async function fetchOrExplain(url, init) {
    let res;
    try {
      res = await fetch(url, init);
    } catch (err) {
      const cross = new URL(url, location.href).origin !== location.origin;
      throw new Error(cross
        ? 'cannot fetch it: the server is unreachable, or it does not let other sites read it (it must send ' +
          'Access-Control-Allow-Origin for this page; GitHub Pages does)'
        : 'cannot fetch it: the server is unreachable (' + (err && err.message ? err.message : err) + ')');
    }
    if (!res.ok) throw new Error(httpProblem(res));
    return res;
  }

  // Reading runs in a worker: the browser hands file and network bytes over
  // in many small pieces, and doing that on the main thread took as long as
  // ingesting them. The worker's ArrayBuffers are transferred, not copied.
  // Where workers cannot start (a strict page policy), reads stay here.
  function readerWorkerMain() {
    self.onmessage = async (ev) => {
      const { n, source, at, end } = ev.data;
      try {
        let buf;
        if (source.file) {
          buf = await source.file.slice(at, end).arrayBuffer();
        } else {
          const res = await fetch(source.url, { headers: { Range: `bytes=${at}-${end - 1}` }, cache: 'no-store' });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          buf = await res.arrayBuffer();
          if (res.status !== 206) buf = buf.slice(at, end);
        }
        self.postMessage({ n, buf }, [buf]);
      } catch (err) {
        self.postMessage({ n, error: String(err && err.message ? err.message : err), name: err && err.name });
      }
    };
  }
  let readerWorker = null;
  const readerWaiting = new Map();  // request number -> {resolve, reject}
  let readerNext = 0;
  try {
    const url = URL.createObjectURL(new Blob([`(${readerWorkerMain.toString()})();`], { type: 'text/javascript' }));
    readerWorker = new Worker(url);
    readerWorker.onmessage = (ev) => {
      const w = readerWaiting.get(ev.data.n);
      readerWaiting.delete(ev.data.n);
      if (ev.data.error === undefined) {
        w.resolve(new Uint8Array(ev.data.buf));
      } else {
        const err = new Error(ev.data.error);
        if (ev.data.name) err.name = ev.data.name;  // e.g. NotReadableError: the file changed
        w.reject(err);
      }
    };
    readerWorker.onerror = (ev) => {
      ev.preventDefault();
      console.log('[eventlens] reader worker failed (' + (ev.message || 'unknown') + '); reading on the page');
      readerWorker = null;
      for (const w of readerWaiting.values()) w.reject(new Error('reader worker failed'));
      readerWaiting.clear();
    };
  } catch (err) {
    readerWorker = null;
  }

  function readSlice(source, at, end) {
    if (!readerWorker || source.url) return readSliceHere(source, at, end);
    return new Promise((resolve, reject) => {
      const n = readerNext++;
      readerWaiting.set(n, { resolve, reject });
      readerWorker.postMessage({ n, source, at, end });
    });
  }

  // Files are read a slice at a time, round robin, so every run starts to
  // show early instead of waiting behind the largest file.
  async function readLoop() {
    reading = true;
    const gen = generation;
    try {
      while (pending.length && gen === generation) {
        const e = pending.shift();
        // Back-pressure: wait for the engine (ingesting between frames) to catch up.
        while (api.queued() > MAX_QUEUED_BYTES && gen === generation) await sleep(2);
        if (gen !== generation) break;
        const at = e.from, end = Math.min(e.to, at + (at === 0 ? FIRST_SLICE_BYTES : SLICE_BYTES));
        let buf = null;
        try {
          if (end > at) buf = await readSlice(e.source, at, end);
          if (buf && buf.whole) {
            await streamWhole(e, buf.whole, gen);
            continue;
          }
        } catch (err) {
          if (gen === generation) fileFailed(e, err);
          continue;
        }
        if (gen !== generation) break;
        if (buf && buf.length) pushBytes(e.k.id, buf);
        e.k.read = at + (buf ? buf.length : 0);
        e.from = e.k.read;
        if (buf && buf.length === end - at && end < e.to) {
          pending.push(e);  // more to read: back of the line
        } else {
          if (e.from < e.to) e.k.queued = e.k.read;  // shorter than announced, or unreadable
          api.endFile(e.k.id);
        }
      }
    } finally {
      reading = false;
      if (gen !== generation && pending.length) readLoop();
    }
  }

  // [SECTION] records read back (images, audio) -------------------------------------------
  // The engine keeps only (file, offset, length) of images and audio and asks
  // for a record's bytes when a card shows it. Compressed files are inflated
  // from the start up to the record (rare: TensorFlow writes plain files).
  async function readInflated(source, compression, at, end) {
    const raw = source.file ? source.file.stream() : (await fetch(source.url, { cache: 'no-store' })).body;
    const reader = raw.pipeThrough(new DecompressionStream(compression === 2 ? 'gzip' : 'deflate')).getReader();
    const out = new Uint8Array(end - at);
    let pos = 0, got = 0;
    while (got < out.length) {
      const { value, done } = await reader.read();
      if (done) break;
      const from = Math.max(at, pos), to = Math.min(end, pos + value.length);
      if (to > from) {
        out.set(value.subarray(from - pos, to - pos), from - at);
        got += to - from;
      }
      pos += value.length;
    }
    reader.cancel().catch(() => {});
    return out.subarray(0, got);
  }

  async function readBlob(ticket, id, offset, length, compression) {
    const source = sourceById.get(id);
    try {
      if (!source) throw new Error('the file is no longer open');
      const bytes = compression === 2 || compression === 3
        ? await readInflated(source, compression, offset, offset + length)
        : await readSlice(source, offset, offset + length);
      const ptr = Module._malloc(Math.max(1, bytes.length));
      Module.HEAPU8.set(bytes, ptr);
      Module._el_blob_arrived(ticket, ptr, bytes.length);
    } catch (err) {
      const why = err && err.name === 'NotReadableError'
        ? 'the file changed or went away since it was opened; open it again to see this'
        : 'cannot read it again: ' + (err && err.message ? err.message : err);
      Module.ccall('el_blob_failed', null, ['number', 'string'], [ticket, why]);
    }
  }

  // Audio: the engine decodes the WAV (the same way natively), the page plays
  // the samples through Web Audio.
  let audioContext = null, audioSource = null;
  function stopAudio() {
    if (audioSource) {
      try { audioSource.stop(); } catch (err) { /* already ended */ }
      audioSource.disconnect();
    }
    audioSource = null;
  }
  function playAudio(ptr, frames, channels, rate, from) {
    try {
      if (!audioContext) audioContext = new AudioContext();
      if (audioContext.state === 'suspended') audioContext.resume();
      const buffer = audioContext.createBuffer(channels, Math.max(1, frames), rate);
      const samples = Module.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + frames * channels);
      for (let c = 0; c < channels; c++) {
        const out = buffer.getChannelData(c);
        for (let i = 0; i < frames; i++) out[i] = samples[i * channels + c];
      }
      stopAudio();
      audioSource = audioContext.createBufferSource();
      audioSource.buffer = buffer;
      audioSource.connect(audioContext.destination);
      audioSource.start(0, from);
      return 1;
    } catch (err) {
      console.log('[eventlens] cannot play audio: ' + err);
      return 0;
    }
  }

  function fileFailed(e, err) {
    const why = err && err.message ? err.message : String(err);
    console.log('[eventlens] cannot read ' + e.path + ': ' + why);
    e.k.queued = e.k.read;
    Module.ccall('el_file_failed', null, ['number', 'string'], [e.k.id, 'cannot read it: ' + why]);
  }

  // A server without Range support: read its one response as it streams in,
  // pushing ~4 MiB at a time (with the same back-pressure as slices).
  async function streamWhole(e, res, gen) {
    if (!e.source.noRange) {
      Module.ccall('el_file_note', null, ['number', 'string'], [e.k.id,
        'the server ignores HTTP Range requests, so this file is read in one download (no resuming)']);
    }
    const reader = res.body.getReader();
    let pending = [], pendingBytes = 0, pos = 0;
    const flush = () => {
      if (!pendingBytes) return;
      const all = new Uint8Array(pendingBytes);
      let o = 0;
      for (const p of pending) { all.set(p, o); o += p.length; }
      pushBytes(e.k.id, all);
      pending = [];
      pendingBytes = 0;
    };
    for (;;) {
      const { value, done } = await reader.read();
      if (gen !== generation) { reader.cancel(); return; }
      if (done) break;
      // Skip what was read before (a re-check of a grown file).
      const skip = Math.max(0, Math.min(value.length, e.from - pos));
      pos += value.length;
      if (skip < value.length) { pending.push(value.subarray(skip)); pendingBytes += value.length - skip; }
      if (pendingBytes >= FIRST_SLICE_BYTES) {
        flush();
        while (api.queued() > MAX_QUEUED_BYTES && gen === generation) await sleep(2);
      }
    }
    flush();
    e.k.read = e.k.queued = Math.max(pos, e.from);
    api.endFile(e.k.id);
  }

  // [SECTION] opening by URL (?manifest=, #url=, eventlens.open) ---------------------------
  // A manifest (JSON listing event files, as `eventlens publish` writes) or one
  // event file, relative to this page or absolute (cross-origin needs CORS).
  const openedUrls = [];  // kept in the address bar's hash, so a copied link opens them again
  async function openUrl(raw) {
    let url;
    try {
      url = new URL(raw, location.href).href;
    } catch (err) {
      Module.ccall('el_path_failed', null, ['string', 'string'], [String(raw), 'not a valid address']);
      return;
    }
    if (!openedUrls.includes(raw)) openedUrls.push(raw);
    try {
      const path = new URL(url).pathname;
      if (/\.json$/i.test(path)) {
        const entries = await manifestEntries(url, true);
        liveSources.push({ kind: 'manifest', url });
        enqueue(entries);
        updateLive();
        return;
      }
      // One event file: its size first (HEAD; Content-Length is readable across origins).
      const head = await fetchOrExplain(url, { method: 'HEAD', cache: 'no-store' });
      const size = +(head.headers.get('content-length') || 0);
      const name = decodeURIComponent(path.split('/').pop() || 'events');
      // Without a size (compressed transfer), one plain download.
      enqueue([{ source: size ? { url } : { url, noRange: true }, path: name, size: size || 1 }]);
    } catch (err) {
      Module.ccall('el_path_failed', null, ['string', 'string'], [url, err && err.message ? err.message : String(err)]);
    }
  }

  function copyText(text, what) {
    const done = () => console.log('[eventlens] ' + what + ' copied');
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, () => window.prompt('Copy this ' + what + ':', text));
    } else {
      window.prompt('Copy this ' + what + ':', text);
    }
  }
  const copyLink = () => copyText(location.href, 'link');

  // A link in a text summary: web and mail addresses only, in a new tab that
  // cannot reach back into this page.
  function openLink(url) {
    if (/^(https?:|mailto:)/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  }

  // [SECTION] folders: pickers, drops, handles --------------------------------------------
  // In a log directory only event files count (TensorBoard's rule).
  const isEventFile = (name) => name.includes('tfevents') && !name.endsWith('.profile-empty');

  // Paths inside an opened folder are relative to it (run names as TensorBoard's logdir).
  function relativeToFolder(entries) {
    const first = entries.length ? entries[0].path.split('/')[0] : '';
    if (entries.length && entries.every((e) => e.path.startsWith(first + '/'))) {
      for (const e of entries) e.path = e.path.slice(first.length + 1);
    }
    return entries;
  }

  function fromFileList(list, folder) {
    const entries = Array.from(list).map((f) => ({ source: { file: f }, path: f.webkitRelativePath || f.name }));
    if (!folder) return entries;
    return relativeToFolder(entries.filter((e) => isEventFile(e.path.split('/').pop())));
  }

  filesInput.addEventListener('change', () => { enqueue(fromFileList(filesInput.files, false)); filesInput.value = ''; });
  folderInput.addEventListener('change', () => { enqueue(fromFileList(folderInput.files, true)); folderInput.value = ''; });

  // Walks a directory handle (File System Access API) into file entries.
  async function walkHandle(dir, prefix, out) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'file') {
        if (isEventFile(name)) out.push({ source: { file: await handle.getFile() }, path: prefix + name });
      } else {
        await walkHandle(handle, prefix + name + '/', out);
      }
    }
    return out;
  }

  // Walks a dropped folder (webkitGetAsEntry) into file entries.
  function readAllEntries(reader) {
    return new Promise((resolve, reject) => {
      const all = [];
      const more = () => reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all); else { all.push(...batch); more(); }
      }, reject);
      more();
    });
  }
  async function walkEntry(entry, out, inFolder) {
    if (entry.isFile) {
      if (!inFolder || isEventFile(entry.name)) {
        const file = await new Promise((res, rej) => entry.file(res, rej));
        out.push({ source: { file }, path: entry.fullPath.replace(/^\//, '') });
      }
    } else if (entry.isDirectory) {
      for (const child of await readAllEntries(entry.createReader())) await walkEntry(child, out, true);
    }
    return out;
  }

  let dragDepth = 0;
  document.addEventListener('dragenter', (ev) => { ev.preventDefault(); dragDepth++; document.body.classList.add('dragging'); });
  document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; document.body.classList.remove('dragging'); } });
  document.addEventListener('dragover', (ev) => { ev.preventDefault(); if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy'; });
  document.addEventListener('drop', async (ev) => {
    ev.preventDefault();
    dragDepth = 0;
    document.body.classList.remove('dragging');
    const dt = ev.dataTransfer;
    if (!dt) return;
    let entries = [];
    const items = dt.items ? Array.from(dt.items).filter((i) => i.kind === 'file') : [];
    const fsEntries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    if (fsEntries.length && fsEntries.every((e) => e)) {
      for (const e of fsEntries) await walkEntry(e, entries, false);
      // One dropped folder is a logdir: its runs are named relative to it.
      if (fsEntries.length === 1 && fsEntries[0].isDirectory) entries = relativeToFolder(entries);
    } else {
      entries.push(...fromFileList(dt.files, false));
    }
    enqueue(entries);
  });

  // [SECTION] live re-checks ----------------------------------------------------------------
  // Opened directory handles and served manifests are re-read every few
  // seconds: grown files continue where they stopped, new files are added.
  const liveSources = [];  // {kind: 'handle', dir} | {kind: 'manifest', url}
  let live = { on: true, seconds: 5 };
  let liveTimer = null;

  function updateLive() {
    const supported = liveSources.length > 0;
    if (ready) Module._el_set_live(supported ? 1 : 0, supported && live.on ? 1 : 0);
    if (liveTimer) clearTimeout(liveTimer);
    liveTimer = null;
    if (supported && live.on) liveTimer = setTimeout(recheck, live.seconds * 1000);
  }

  async function recheck() {
    liveTimer = null;
    try {
      for (const src of liveSources) {
        if (src.kind === 'handle') enqueue(await walkHandle(src.dir, '', []));
        else enqueue(await manifestEntries(src.url, false));
      }
    } catch (err) {
      console.log('[eventlens] re-check failed: ' + err);
    }
    updateLive();
  }

  // [SECTION] served logdir (manifest.json) ----------------------------------------------------
  // scripts/serve (and a static site) lists its event files in manifest.json:
  // {"files": [{"path": "train/events...", "url": "data/0/train/events...", "size": N}]}.
  async function manifestEntries(url, explain) {
    let res;
    if (explain) {
      res = await fetchOrExplain(url, { cache: 'no-store' });
    } else {
      res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) return [];
    }
    let m;
    try {
      m = await res.json();
    } catch (err) {
      throw new Error('not a manifest: the response is not JSON');
    }
    if (!m || !Array.isArray(m.files)) throw new Error('not a manifest: it has no "files" list');
    return m.files.map((f) => ({ source: { url: new URL(f.url, res.url).href }, path: f.path, size: f.size }));
  }

  async function openManifest() {
    if (location.protocol === 'file:') return;
    try {
      const entries = await manifestEntries('manifest.json', false);
      if (!entries.length) return;
      liveSources.push({ kind: 'manifest', url: 'manifest.json' });
      enqueue(entries);
      updateLive();
    } catch (err) {
      // No manifest: a plain page waiting for files.
    }
  }

  // [SECTION] what the C++ shell asks of the page ---------------------------------------------
  function applyLiveSetting(text) {
    const m = /(?:^|&)live=([^&]*)/.exec(text);
    if (!m) return;
    live = m[1] === 'off' ? { on: false, seconds: live.seconds } : { on: true, seconds: Math.max(1, +m[1] || 5) };
    updateLive();
  }

  window.eventlensPage = {
    ready() {
      ready = true;
      document.body.classList.add('ready');
      if (new URLSearchParams(location.search).has('verify')) Module._el_set_checksums(1);
      // Saved settings, then the link's (the link wins).
      const stored = localStorage.getItem('eventlens.settings');
      if (stored) api.applySettings(stored);
      if (location.hash.length > 1) api.applySettings(decodeURIComponent(location.hash.slice(1)));
      // Data named by the link: ?manifest=URL and #...&url=URL (several allowed).
      const named = new URLSearchParams(location.search).getAll('manifest');
      for (const m of location.hash.matchAll(/[#&]url=([^&]*)/g)) named.push(decodeURIComponent(m[1]));
      if (named.length) named.forEach(openUrl); else openManifest();
    },
    openFiles() { filesInput.click(); },
    async openFolder() {
      if (window.showDirectoryPicker) {
        try {
          const dir = await window.showDirectoryPicker({ mode: 'read' });
          liveSources.push({ kind: 'handle', dir });
          enqueue(await walkHandle(dir, '', []));
          updateLive();
        } catch (err) {
          if (err && err.name !== 'AbortError') console.log('[eventlens] folder picker: ' + err);
        }
      } else {
        folderInput.click();
      }
    },
    // Stop reading (and re-checking: it would resume what was cancelled).
    cancel() {
      generation++;
      pending.length = 0;
      for (const k of known.values()) k.queued = k.read;
      liveSources.length = 0;
      updateLive();
    },
    // The engine forgot every file.
    closedAll() {
      this.cancel();
      known.clear();
      sourceById.clear();
      openedUrls.length = 0;
      stopAudio();
    },
    settingsChanged(text) {
      document.body.classList.toggle('light', /(?:^|&)theme=light/.test(text));
      localStorage.setItem('eventlens.settings', text);
      const urls = openedUrls.filter((u) => !new URLSearchParams(location.search).getAll('manifest').includes(u));
      history.replaceState(null, '', '#' + text + urls.map((u) => '&url=' + encodeURIComponent(u)).join(''));
      applyLiveSetting(text);
    },
    readBlob,
    playAudio,
    copyLink,
    copyText: (text) => copyText(text, 'text'),
    openLink,
    stopAudio,
    download(filename, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };

  // [SECTION] offline: the service worker ----------------------------------------------------
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

  // [SECTION] test and automation hook (architecture.md, "Test hook") ---------------------------
  window.eventlens = {
    state: () => api.state(),
    series: (run, tag) => api.series(run, tag),
    show: (name) => api.show(name),
    // Opens a manifest (.json) or an event file by URL, relative or absolute.
    open: (url) => openUrl(url),
    isReady: () => ready,
    frame: () => (ready ? Module._el_frame_count() : 0),
    // For benchmarks: frame-time statistics in state() start over.
    resetFrameStats: () => Module._el_reset_frame_stats(),
    // For tests: re-check opened folders and served manifests now.
    recheck: () => recheck(),
  };
})();
