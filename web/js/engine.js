// The engine bridge: every call from the page into the wasm engine, and the
// pump that ingests queued bytes between animation frames. The page never
// parses event files; it hands bytes over here.
//
// [SECTION] state shared by the page's modules
// [SECTION] engine calls
// [SECTION] ingesting between frames
// [SECTION] audio (the engine decodes, the page plays)

// [SECTION] state shared by the page's modules ----------------------------------------
// `ready`: the engine has started (main() ran); nothing is pushed before.
export const page = { ready: false };

// [SECTION] engine calls ------------------------------------------------------------------
// Heap addresses from C++ are 32-bit ints: above 2 GiB they arrive negative,
// so every one is read unsigned (>>> 0) before it indexes the heap.
const cstr = (ptr) => Module.UTF8ToString(ptr >>> 0);
// The heap's bytes now (another thread may have grown it: wasm/library_eventlens.js).
const heapU8 = () => Module.heapU8();

// A copy of `bytes` in a new block of the wasm heap (at least `min` bytes):
// its address, or 0 when the heap cannot grow that far (malloc says so by
// returning 0 with memory growth on; nothing may be written then).
function heapCopy(bytes, min = 0) {
  const ptr = Module._malloc(Math.max(min, bytes.length)) >>> 0;
  if (ptr) heapU8().set(bytes, ptr);  // read after malloc: memory may have grown
  return ptr;
}

// Why a copy into the heap failed, in words.
export function outOfMemory(bytes) {
  const mb = (n) => Math.round(n / 1048576);
  return `out of memory: the page could not hold ${mb(bytes)} MB more (it uses ${mb(heapU8().length)} MB; ` +
    'a page may use at most 4096 MB). What was read before is kept; close other runs or open fewer files.';
}

export const engine = {
  addFile: (path, size, run) => Module.ccall('el_add_file', 'number', ['string', 'number', 'string'], [path, size, run || '']),
  endFile: (id) => Module._el_end_file(id),
  // False while the file's run is only listed (past the load limits): its reads wait.
  fileWanted: (id) => Module._el_file_wanted(id) !== 0,
  setFileSize: (id, size) => Module._el_set_file_size(id, size),
  loadRuns: (regex) => Module.ccall('el_load_runs', 'number', ['string'], [regex]),
  unloadRuns: (regex) => Module.ccall('el_unload_runs', 'number', ['string'], [regex]),
  queuedBytes: () => Module._el_queued_bytes(),
  readAheadBytes: () => Module._el_read_ahead_bytes(),
  state: () => JSON.parse(cstr(Module._el_state_json())),
  progress: () => JSON.parse(cstr(Module._el_progress_json())),
  series: (run, tag) => JSON.parse(cstr(Module.ccall('el_series_json', 'number', ['string', 'string'], [run, tag]))),
  applySettings: (text) => Module.ccall('el_apply_settings', null, ['string'], [text]),
  applySavedSettings: (text) => Module.ccall('el_apply_saved_settings', null, ['string'], [text]),
  // Another logdir is opened on top of what is open: its view starts afresh.
  forgetLogdirState: () => Module._el_forget_logdir_state(),
  show: (name) => Module.ccall('el_show', null, ['string'], [name]),
  setLive: (supported, on) => Module._el_set_live(supported ? 1 : 0, on ? 1 : 0),
  setChecksums: (on) => Module._el_set_checksums(on ? 1 : 0),
  frameCount: () => Module._el_frame_count(),
  resetFrameStats: () => Module._el_reset_frame_stats(),
  // Problems, each shown in the Problems panel under the file or address they concern.
  fileFailed: (id, why) => Module.ccall('el_file_failed', null, ['number', 'string'], [id, why]),
  fileNote: (id, note) => Module.ccall('el_file_note', null, ['number', 'string'], [id, note]),
  setActivity: (text) => Module.ccall('el_set_activity', null, ['string'], [text]),
  // Files are decoded on `threads` worker threads, or on this one for the reason `whyOne`.
  setIngestThreads: (threads, whyOne) => Module.ccall('el_set_ingest_threads', null, ['number', 'string'], [threads, whyOne]),
  // The run file `id` is of, as that run's first file (the reader reads a run's files in turn).
  runKey: (id) => Module._el_file_run_key(id) >>> 0,
  pathFailed: (path, why) => Module.ccall('el_path_failed', null, ['string', 'string'], [path, why]),
  // The answer to a read the engine asked for (el_js_read_blob).
  blobArrived(ticket, bytes) {
    const ptr = heapCopy(bytes, 1);  // the engine frees it
    if (ptr) Module._el_blob_arrived(ticket, ptr, bytes.length);
    else engine.blobFailed(ticket, outOfMemory(bytes.length));
  },
  blobFailed: (ticket, why) => Module.ccall('el_blob_failed', null, ['number', 'string'], [ticket, why]),
  // The head of an unread run's file (el_js_peek_file), or why it could not be read.
  peekArrived(file, bytes) {
    const ptr = heapCopy(bytes, 1);  // the engine frees it
    if (ptr || !bytes.length) Module._el_peek_arrived(file, ptr, bytes.length);
    else engine.peekFailed(file, outOfMemory(bytes.length));
  },
  peekFailed: (file, why) => Module.ccall('el_peek_failed', null, ['number', 'string'], [file, why]),
  // Files that are not event files (the Projector's), and the answers to its reads (el_js_read_file).
  addOtherFile: (path, size) => Module.ccall('el_add_other_file', null, ['string', 'number'], [path, size]),
  fileRead(ticket, bytes) {
    const ptr = Module._el_file_buffer(ticket, bytes.length) >>> 0;  // the engine's own buffer: one copy
    if (!ptr) {
      engine.fileReadFailed(ticket, outOfMemory(bytes.length));
      return;
    }
    heapU8().set(bytes, ptr);  // read after the call: memory may have grown
    Module._el_file_read(ticket);
    wakeWorkBetweenFrames();
  },
  fileReadFailed: (ticket, why) => Module.ccall('el_file_read_failed', null, ['number', 'string'], [ticket, why]),
};

// [SECTION] ingesting between frames ----------------------------------------------------
// Each frame ingests for ~8 ms; between frames the page ingests too, in
// 12 ms pieces, so a slow renderer does not slow loading and input and
// animation frames still get their turn. A MessageChannel schedules the
// pieces without setTimeout's 4 ms clamp.
const PUMP_MS = 12;
const pumpChannel = new MessageChannel();
let pumping = false;
pumpChannel.port1.onmessage = () => {
  const ingested = Module._el_pump(PUMP_MS);
  if (engine.queuedBytes() <= 0) {
    pumping = false;
  } else if (ingested > 0) {
    pumpChannel.port2.postMessage(0);
  } else {
    // The decoding threads have nothing ready yet: look again in a moment,
    // leaving the core to them (asking at once would spin this thread).
    setTimeout(() => pumpChannel.port2.postMessage(0), 1);
  }
};
function pumpSoon() {
  if (pumping) return;
  pumping = true;
  pumpChannel.port2.postMessage(0);
}

// [SECTION] work between frames -------------------------------------------------------
// The Projector's t-SNE and UMAP run ~10 ms inside each frame, and also in the
// page's idle time between frames, in 8 ms pieces (so input and animation
// frames wait at most that long). When there is none, it looks again 10 times
// a second.
const WORK_MS = 8;
const workChannel = new MessageChannel();
let workTimer = 0;  // the look 100 ms later, while there is no work
workChannel.port1.onmessage = () => {
  workTimer = 0;
  if (Module._el_work_between_frames(WORK_MS)) workChannel.port2.postMessage(0);
  else workTimer = setTimeout(() => workChannel.port2.postMessage(0), 100);
};
export function startWorkBetweenFrames() { workChannel.port2.postMessage(0); }
// Work that waited for bytes (a profile's next chunk) goes on as soon as they come.
function wakeWorkBetweenFrames() {
  if (!workTimer) return;  // (working already, or not started)
  clearTimeout(workTimer);
  workTimer = 0;
  workChannel.port2.postMessage(0);
}

// Copies bytes of file `id` into the wasm heap and queues them for ingestion.
// False when memory is exhausted: the file's problem says so, and the caller
// reads no further of it.
export function pushBytes(id, bytes) {
  const ptr = heapCopy(bytes);
  if (!ptr) {
    engine.fileFailed(id, outOfMemory(bytes.length));
    return false;
  }
  Module._el_push(id, ptr, bytes.length);
  pumpSoon();
  return true;
}

// The CJK font, fetched the first time a run or tag name needs it (it is not
// part of the page: most logs never use it). Beside the app on the site;
// a file:// page cannot fetch it and draws those characters as boxes.
export async function fetchCjkFont() {
  try {
    const res = await fetch(new URL('eventlens-cjk.ttf', document.baseURI));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const ptr = heapCopy(bytes, 1);
    if (!ptr) throw new Error(outOfMemory(bytes.length));
    Module._el_cjk_font_arrived(ptr, bytes.length);  // the engine frees it
  } catch (err) {
    console.log('[eventlens] CJK font: ' + err);
    Module.ccall('el_cjk_font_failed', null, ['string'], [String(err)]);
  }
}

// [SECTION] audio (the engine decodes, the page plays) --------------------------------
// The engine decodes the WAV (the same way natively); the page plays the
// interleaved samples through Web Audio.
let audioContext = null, audioSource = null;

export function stopAudio() {
  if (audioSource) {
    try { audioSource.stop(); } catch (err) { /* already ended */ }
    audioSource.disconnect();
  }
  audioSource = null;
}

// Plays `frames` frames of `channels` interleaved floats at heap address `ptr`
// from `from` seconds; 1 if it started, 0 if the browser refused.
export function playAudio(ptr, frames, channels, rate, from) {
  try {
    if (!audioContext) audioContext = new AudioContext();
    if (audioContext.state === 'suspended') audioContext.resume();
    const buffer = audioContext.createBuffer(channels, Math.max(1, frames), rate);
    const samples = Module.heapF32().subarray(ptr >>> 2, (ptr >>> 2) + frames * channels);
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
