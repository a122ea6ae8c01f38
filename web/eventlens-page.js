// EventLens page glue: pickers, drag and drop, and the slice reader that
// pushes file bytes into the wasm engine. Never parses anything itself.
'use strict';
(function () {
  const SLICE_BYTES = 16 << 20;       // read files in 16 MiB slices
  const MAX_QUEUED_BYTES = 48 << 20;  // wait for the engine beyond this backlog

  const splashText = document.getElementById('splash-text');
  const filesInput = document.getElementById('open-files');
  const folderInput = document.getElementById('open-folder');
  let ready = false;
  let generation = 0;       // bumped by cancel/close: stale reads stop
  let reading = false;
  const pending = [];       // [{file: File|FileSystemFileHandle, path, id}]

  function fail(message) {
    const s = document.getElementById('splash');
    s.classList.add('error');
    splashText.textContent = message;
    document.body.classList.remove('ready');
  }

  // ---- Emscripten module --------------------------------------------------------
  window.Module = {
    canvas: document.getElementById('canvas'),
    print: (t) => console.log(t),
    printErr: (t) => console.log('[eventlens] ' + t),
    onAbort: (what) => fail('EventLens stopped: ' + what),
  };
  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('EventLens needs WebGL 2, which this browser does not offer.');
  }

  const api = {
    addFile: (path, size) => Module.ccall('el_add_file', 'number', ['string', 'number'], [path, size]),
    push: (id, ptr, n) => Module._el_push(id, ptr, n),
    endFile: (id) => Module._el_end_file(id),
    queued: () => Module._el_queued_bytes(),
    state: () => JSON.parse(Module.UTF8ToString(Module._el_state_json())),
  };

  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

  // ---- reading ------------------------------------------------------------------
  // Announces every file first (so progress knows the total), then reads them
  // one after another, slice by slice, never holding a whole file.
  function enqueue(entries) {
    if (!ready || entries.length === 0) return;
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of entries) {
      e.id = api.addFile(e.path, e.file.size || 0);
      pending.push(e);
    }
    if (!reading) readLoop();
  }

  async function readLoop() {
    reading = true;
    const gen = generation;
    try {
      while (pending.length && gen === generation) {
        const e = pending.shift();
        const file = e.file;
        for (let at = 0; at < file.size && gen === generation;) {
          while (api.queued() > MAX_QUEUED_BYTES && gen === generation) await nextFrame();
          if (gen !== generation) break;
          const end = Math.min(file.size, at + SLICE_BYTES);
          let buf;
          try {
            buf = new Uint8Array(await file.slice(at, end).arrayBuffer());
          } catch (err) {
            console.log('[eventlens] cannot read ' + e.path + ': ' + err);
            break;
          }
          if (gen !== generation) break;
          const ptr = Module._malloc(buf.length);
          Module.HEAPU8.set(buf, ptr);  // HEAPU8 read after malloc: memory may have grown
          api.push(e.id, ptr, buf.length);
          at = end;
        }
        if (gen === generation) api.endFile(e.id);
      }
    } finally {
      reading = false;
      if (gen !== generation && pending.length) readLoop();
    }
  }

  function fromFileList(list) {
    return Array.from(list).map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
  }

  filesInput.addEventListener('change', () => { enqueue(fromFileList(filesInput.files)); filesInput.value = ''; });
  folderInput.addEventListener('change', () => { enqueue(fromFileList(folderInput.files)); folderInput.value = ''; });

  // Walks a directory handle (File System Access API) into file entries.
  async function walkHandle(dir, prefix, out) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'file') out.push({ file: await handle.getFile(), path: prefix + name });
      else await walkHandle(handle, prefix + name + '/', out);
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
  async function walkEntry(entry, out) {
    if (entry.isFile) {
      const file = await new Promise((res, rej) => entry.file(res, rej));
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      for (const child of await readAllEntries(entry.createReader())) await walkEntry(child, out);
    }
    return out;
  }

  // ---- drag and drop --------------------------------------------------------------
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
    const entries = [];
    const items = dt.items ? Array.from(dt.items).filter((i) => i.kind === 'file') : [];
    const fsEntries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    if (fsEntries.length && fsEntries.every((e) => e)) {
      for (const e of fsEntries) await walkEntry(e, entries);
    } else {
      entries.push(...fromFileList(dt.files));
    }
    enqueue(entries);
  });

  // ---- what the C++ shell asks of the page ---------------------------------------------
  window.eventlensPage = {
    ready() {
      ready = true;
      document.body.classList.add('ready');
      const theme = localStorage.getItem('eventlens.theme');
      if (theme === 'light') Module._el_set_theme(0);
      if (new URLSearchParams(location.search).has('verify')) Module._el_set_checksums(1);
    },
    openFiles() { filesInput.click(); },
    async openFolder() {
      if (window.showDirectoryPicker) {
        try {
          const dir = await window.showDirectoryPicker({ mode: 'read' });
          enqueue(await walkHandle(dir, dir.name + '/', []));
        } catch (err) {
          if (err && err.name !== 'AbortError') console.log('[eventlens] folder picker: ' + err);
        }
      } else {
        folderInput.click();
      }
    },
    cancel() { generation++; pending.length = 0; },
    themeChanged(dark) {
      document.body.classList.toggle('light', !dark);
      localStorage.setItem('eventlens.theme', dark ? 'dark' : 'light');
    },
  };

  // ---- test and automation hook (architecture.md, "Test hook") ---------------------------
  window.eventlens = {
    state: () => api.state(),
    isReady: () => ready,
    frame: () => (ready ? Module._el_frame_count() : 0),
  };
})();
