// Reading: event files in slices (File slices, HTTP ranges) pushed into the
// engine round robin with back-pressure, and single records read back when
// the engine asks for an image, a clip or a graph.
//
// [SECTION] fetching with errors people can act on
// [SECTION] slices of a source (File slices in a worker, HTTP ranges)
// [SECTION] the read queue
// [SECTION] servers without Range support
// [SECTION] records read back

import { engine, page, pushBytes } from './engine.js';

const SLICE_BYTES = 32 << 20;       // read files in 32 MiB slices (fewer, larger reads are faster)
const FIRST_SLICE_BYTES = 4 << 20;  // but start each file small, so every run shows early
const MAX_QUEUED_BYTES = 64 << 20;  // wait for the engine beyond this backlog
// ... unless the memory budget allows less (engine.readAheadBytes(): a small
// wasm build, or a heap filling up): then the backlog is that, read in quarters.
function readSizes() {
  const ahead = engine.readAheadBytes();
  if (ahead >= MAX_QUEUED_BYTES) return { first: FIRST_SLICE_BYTES, slice: SLICE_BYTES, backlog: MAX_QUEUED_BYTES };
  const slice = Math.max(1 << 20, Math.floor(ahead / 4));
  return { first: Math.min(FIRST_SLICE_BYTES, slice), slice, backlog: ahead };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const messageOf = (err) => (err && err.message ? err.message : String(err));

// [SECTION] fetching with errors people can act on -------------------------------------------
function httpProblem(res) {
  const what = { 401: 'needs a login', 403: 'access denied', 404: 'no file at this address',
    410: 'gone', 500: 'server error', 503: 'server unavailable' }[res.status];
  return `HTTP ${res.status}${what ? ' (' + what + ')' : res.statusText ? ' (' + res.statusText + ')' : ''}`;
}

// fetch() whose errors say the HTTP status, or why the browser refused.
export async function fetchOrExplain(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    const cross = new URL(url, location.href).origin !== location.origin;
    throw new Error(cross
      ? 'cannot fetch it: the server is unreachable, or it does not let other sites read it (it must send ' +
        'Access-Control-Allow-Origin for this page; GitHub Pages does)'
      : 'cannot fetch it: the server is unreachable (' + messageOf(err) + ')');
  }
  if (!res.ok) throw new Error(httpProblem(res));
  return res;
}

// [SECTION] slices of a source (File slices in a worker, HTTP ranges) ------------------------
// A source is {file: File} or {url: string} (noRange: the server sends no
// size, so one plain download; fetch: a fetch whose errors are the bucket's, buckets.js).
//
// File slices are read in a worker: the browser hands file bytes over in many
// small pieces, and taking them on the main thread cost as much time as
// ingesting them. The worker's ArrayBuffers are transferred, not copied.
// Where workers cannot start (a strict page policy), files are read here.
function fileSliceWorkerMain() {
  self.onmessage = async (ev) => {
    const { n, file, at, end } = ev.data;
    try {
      const buf = await file.slice(at, end).arrayBuffer();
      self.postMessage({ n, buf }, [buf]);
    } catch (err) {
      self.postMessage({ n, error: String(err && err.message ? err.message : err), name: err && err.name });
    }
  };
}

let sliceWorker = null;
const sliceWaiting = new Map();  // request number -> {resolve, reject}
let sliceNext = 0;
try {
  const code = `(${fileSliceWorkerMain.toString()})();`;
  sliceWorker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  sliceWorker.onmessage = (ev) => {
    const w = sliceWaiting.get(ev.data.n);
    sliceWaiting.delete(ev.data.n);
    if (ev.data.error === undefined) {
      w.resolve(new Uint8Array(ev.data.buf));
    } else {
      const err = new Error(ev.data.error);
      if (ev.data.name) err.name = ev.data.name;  // e.g. NotReadableError: the file changed
      w.reject(err);
    }
  };
  sliceWorker.onerror = (ev) => {
    ev.preventDefault();
    console.log('[eventlens] reader worker failed (' + (ev.message || 'unknown') + '); reading on the page');
    sliceWorker = null;
    for (const w of sliceWaiting.values()) w.reject(new Error('reader worker failed'));
    sliceWaiting.clear();
  };
} catch (err) {
  sliceWorker = null;
}

// The sizes of `files`, a slice at a time between frames: the first look at
// a picked file's size is a synchronous file system call (about 0.25 ms; in
// a worker too, as handing a File over reads it), so 10,000 at once would
// hold the page for seconds. `each(from, to)` is told as slices are done.
async function fileSizes(files, each) {
  const SLICE = 64;
  for (let from = 0; from < files.length; from += SLICE) {
    const to = Math.min(files.length, from + SLICE);
    for (let i = from; i < to; i++) files[i].size;  // eslint-disable-line no-unused-expressions
    each(from, to);
    await sleep(0);
  }
}

function fileSlice(file, at, end) {
  if (!sliceWorker) return file.slice(at, end).arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const n = sliceNext++;
    sliceWaiting.set(n, { resolve, reject });
    sliceWorker.postMessage({ n, file, at, end });
  });
}

const fetchFor = (source) => source.fetch || fetchOrExplain;

// Bytes [at, end) of a source, as a Uint8Array. URL sources ask for an HTTP
// Range; a server that ignores Range answers with the whole file, which is
// returned as {whole: response} for the caller to stream (at 0 only).
async function readSlice(source, at, end) {
  if (source.file) return fileSlice(source.file, at, end);
  const res = await fetchFor(source)(source.url, source.noRange ? { cache: 'no-store' }
    : { headers: { Range: `bytes=${at}-${end - 1}` }, cache: 'no-store' });
  if (res.status !== 206) {
    if (at === 0) return { whole: res };
    res.body && res.body.cancel();
    throw new Error('the server stopped answering byte ranges');
  }
  return new Uint8Array(await res.arrayBuffer());
}

// [SECTION] the read queue ------------------------------------------------------------------------
// Files are announced first (so progress knows the total), then read a slice
// at a time, round robin, so every run starts to show early instead of
// waiting behind the largest file.
let generation = 0;       // bumped by cancel/close: stale reads stop
let reading = false;
const pending = [];       // reads to do: {source, path, k, from, to}
// Reads of files whose runs are only listed (past the load limits): they wait
// here until the engine says the run was picked (readsChanged).
const parked = [];
// path -> {id, queued, read, size, epoch}: bytes asked for and bytes pushed,
// per file; epoch counts resets (an unloaded run), so reads begun before one are dropped.
const known = new Map();
const knownById = new Map();  // engine file id -> {path, k}
const sourceById = new Map();  // engine file id -> newest source: records are read back from it

// Files that are not event files (the Projector's): announced to the engine,
// read only when it asks (readFile), by path.
const otherSources = new Map();  // path -> {source, size}

// Reads what is new in `entries` ({source, path, size?, other?}): new files,
// and the grown part of files read before. `other` files are only announced.
// Whether any event file is open (a new logdir opened on top starts its view afresh).
export function anythingOpen() { return known.size > 0; }

// Many files not announced before, whose sizes are not known yet (picked
// files): listed first, sized between frames, then read.
const SIZE_LATER_FROM = 200;

export function enqueue(entries) {
  if (!page.ready || entries.length === 0) return;
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unsized = entries.filter((e) => !e.other && e.size === undefined && e.source.file && !known.has(e.path));
  if (unsized.length >= SIZE_LATER_FROM) {
    // The runs are listed at once (sizes unknown: 0); reading starts when the sizes are in.
    const ks = unsized.map((e) => {
      const k = { id: engine.addFile(e.path, 0, e.run), queued: 0, read: 0, size: 0, epoch: 0, unqueued: true };
      known.set(e.path, k);
      knownById.set(k.id, { path: e.path, k });
      return k;
    });
    const gen = generation;
    const rest = new Set(entries);
    unsized.forEach((e) => rest.delete(e));
    if (rest.size) enqueue([...rest]);
    const files = unsized.map((e) => e.source.file);
    if (!engine.fileWanted(ks[0].id)) {
      // Past the run limit: runs are read only when picked. A file's size is
      // asked when it is first read; the rest are sized for the listing meanwhile.
      unsized.forEach((e, i) => {
        sourceById.set(ks[i].id, e.source);
        pending.push({ source: e.source, path: e.path, k: ks[i], from: 0, to: undefined, epoch: 0 });
      });
      if (!reading) readLoop();
      fileSizes(files, (from, to) => {
        for (let i = from; i < to && gen === generation; i++) sizeKnown(ks[i], files[i]);
      });
    } else {
      // Within the run limit: the byte limit is decided on every size before anything is read.
      fileSizes(files, () => {}).then(() => {
        if (gen === generation) enqueue(unsized.map((e, i) => Object.assign(e, { size: files[i].size })));
      });
    }
    return;
  }
  for (const e of entries) {
    const size = e.size !== undefined ? e.size : e.source.file.size;
    if (e.other) {
      const o = otherSources.get(e.path);
      if (o && o.size === size) continue;
      otherSources.set(e.path, { source: e.source, size });
      engine.addOtherFile(e.path, size);
      continue;
    }
    let k = known.get(e.path);
    if (!k) {
      k = { id: engine.addFile(e.path, size, e.run), queued: 0, read: 0, size, epoch: 0 };
      known.set(e.path, k);
      knownById.set(k.id, { path: e.path, k });
    } else if (size <= k.queued && !k.unqueued) {
      continue;  // nothing new
    }
    if (k.unqueued) dropReads(k);  // a read waiting for its size: this one replaces it
    k.unqueued = false;
    k.size = size;
    sourceById.set(k.id, e.source);
    pending.push({ source: e.source, path: e.path, k, from: k.queued, to: size, epoch: k.epoch });
    k.queued = size;
  }
  if (!reading) readLoop();
}

// Stops reading; a later enqueue() continues where each file stopped.
export function cancelReads() {
  generation++;
  pending.length = 0;
  parked.length = 0;
  readingOfRun.clear();
  for (const k of known.values()) k.queued = k.read;
}

// Forgets the reads waiting for file `k`.
function dropReads(k) {
  for (const list of [pending, parked])
    for (let i = list.length - 1; i >= 0; i--) if (list[i].k === k) list.splice(i, 1);
}

// A file announced before its size was known (enqueue): its size, now.
function sizeKnown(k, file) {
  if (!k.unqueued) return;
  k.unqueued = false;
  k.size = k.queued = file.size;
  engine.setFileSize(k.id, k.size);
}

// The engine picked runs to read: their waiting reads go to the queue.
export function readsChanged() {
  if (!page.ready) return;
  let moved = false;
  for (let i = 0; i < parked.length;) {
    if (engine.fileWanted(parked[i].k.id)) {
      pending.push(parked.splice(i, 1)[0]);
      moved = true;
    } else {
      i++;
    }
  }
  if (moved && !reading) readLoop();
}

// The engine unloaded file `id`'s run: what was read of it is forgotten, and
// it waits to be read again from byte 0 (if the run is picked again).
export function fileReset(id) {
  const f = knownById.get(id);
  if (!f) return;
  const k = f.k;
  k.epoch++;
  dropReads(k);
  releaseRun(k);
  k.read = 0;
  k.queued = k.size;
  parked.push({ source: sourceById.get(id), path: f.path, k, from: 0, to: k.unqueued ? undefined : k.size,
    epoch: k.epoch });
}

// The engine forgot every file: so does the reader.
export function forgetFiles() {
  cancelReads();
  peekGeneration++;
  peekQueue.length = 0;
  known.clear();
  knownById.clear();
  otherSources.clear();
  sourceById.clear();
}

function fileFailed(e, err) {
  const why = messageOf(err);
  console.log('[eventlens] cannot read ' + e.path + ': ' + why);
  e.k.queued = e.k.read;
  engine.fileFailed(e.k.id, 'cannot read it: ' + why);
  releaseRun(e.k);
}

// Several reads at once, of different files (a file's slices are read one
// after another, so they arrive in order): a logdir of thousands of small
// files is bound by each read's latency, not by bytes.
const READS_IN_FLIGHT = 4;

// A run's files are read one after another, in name order, as TensorBoard
// reads them: two files of one run read side by side would interleave their
// values (a restarted run's steps out of order). Different runs are read at once.
const readingOfRun = new Map();  // run key (engine.runKey) -> the file being read
const runOf = (k) => (k.runKey === undefined ? (k.runKey = engine.runKey(k.id)) : k.runKey);
function mayRead(k) {
  const r = readingOfRun.get(runOf(k));
  return r === undefined || r === k;
}
function releaseRun(k) {
  if (k.runKey !== undefined && readingOfRun.get(k.runKey) === k) readingOfRun.delete(k.runKey);
}
// The file is read to its end (for now): the run's next file may start.
function fileEnded(k) {
  engine.endFile(k.id);
  releaseRun(k);
}

async function readLoop() {
  reading = true;
  const gen = generation;
  const inFlight = [];  // reads started, taken in the order they started: {e, at, end, result}
  try {
    while (gen === generation) {
      // Start reads while the engine's backlog allows (back-pressure), one per file.
      const sizes = readSizes();
      while (pending.length && inFlight.length < READS_IN_FLIGHT && engine.queuedBytes() <= sizes.backlog) {
        const i = pending.findIndex((p) => !inFlight.some((x) => x.e.k === p.k) && mayRead(p.k));
        if (i < 0) break;
        const e = pending.splice(i, 1)[0];
        if (e.epoch !== e.k.epoch) continue;  // its run was unloaded since
        if (!engine.fileWanted(e.k.id)) {  // its run is only listed: wait until it is picked
          releaseRun(e.k);
          parked.push(e);
          continue;
        }
        readingOfRun.set(runOf(e.k), e.k);
        if (e.to === undefined) {  // announced before its size was known (enqueue)
          sizeKnown(e.k, e.source.file);
          e.to = e.k.size;
        }
        const at = e.from, end = Math.min(e.to, at + (at === 0 ? sizes.first : sizes.slice));
        const result = end > at ? readSlice(e.source, at, end).then((buf) => ({ buf }), (err) => ({ err }))
          : Promise.resolve({ buf: null });
        inFlight.push({ e, at, end, result });
      }
      if (!inFlight.length) {
        if (!pending.length) break;
        await sleep(2);  // the engine (ingesting between frames) catches up
        continue;
      }
      const { e, at, end, result } = inFlight.shift();
      const { buf, err } = await result;
      if (gen !== generation) break;
      if (err) {
        fileFailed(e, err);
        continue;
      }
      if (buf && buf.whole) {
        await streamWhole(e, buf.whole, gen);
        continue;
      }
      if (e.epoch !== e.k.epoch) continue;  // unloaded while it was read
      if (!engine.fileWanted(e.k.id)) {  // ... or set aside: read it again when it is picked
        releaseRun(e.k);
        parked.push(e);
        continue;
      }
      if (buf && buf.length && !pushBytes(e.k.id, buf)) {  // out of memory (named): this file stops here
        e.k.queued = e.k.read;
        fileEnded(e.k);
        continue;
      }
      e.k.read = at + (buf ? buf.length : 0);
      e.from = e.k.read;
      if (buf && buf.length === end - at && end < e.to) {
        pending.push(e);  // more to read: back of the line
      } else {
        if (e.from < e.to) e.k.queued = e.k.read;  // shorter than announced, or unreadable
        fileEnded(e.k);
      }
    }
  } finally {
    reading = false;
    if (gen !== generation && pending.length) readLoop();
  }
}

// [SECTION] servers without Range support -------------------------------------------------------
// The one response is read as it streams in and pushed ~4 MiB at a time, with
// the same back-pressure as slices.
async function streamWhole(e, res, gen) {
  if (!e.source.noRange) {
    engine.fileNote(e.k.id, 'the server ignores HTTP Range requests, so this file is read in one download (no resuming)');
  }
  const reader = res.body.getReader();
  let parts = [], partBytes = 0, pos = 0;
  // False when memory ran out (named by pushBytes): the download stops there.
  const flush = () => {
    if (!partBytes) return true;
    const all = new Uint8Array(partBytes);
    let o = 0;
    for (const p of parts) { all.set(p, o); o += p.length; }
    parts = [];
    partBytes = 0;
    return pushBytes(e.k.id, all);
  };
  const stop = () => {
    reader.cancel();
    e.k.queued = e.k.read;
    fileEnded(e.k);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (gen !== generation) { reader.cancel(); return; }
    if (done) break;
    // Skip what was read before (a re-check of a grown file).
    const skip = Math.max(0, Math.min(value.length, e.from - pos));
    pos += value.length;
    if (skip < value.length) { parts.push(value.subarray(skip)); partBytes += value.length - skip; }
    if (partBytes >= FIRST_SLICE_BYTES) {
      if (!flush()) return stop();
      while (engine.queuedBytes() > readSizes().backlog && gen === generation) await sleep(2);
    }
  }
  if (!flush()) return stop();
  e.k.read = e.k.queued = Math.max(pos, e.from);
  fileEnded(e.k);
}

// [SECTION] records read back ---------------------------------------------------------------------
// The engine keeps only (file, offset, length) of images, audio and graphs
// and asks for a record's bytes when a card shows it. A compressed file is
// inflated from its start up to the record (rare: TensorFlow writes plain files).
async function readInflated(source, format, at, end) {
  const raw = source.file ? source.file.stream() : (await fetchFor(source)(source.url, { cache: 'no-store' })).body;
  const reader = raw.pipeThrough(new DecompressionStream(format)).getReader();
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

// Reads bytes [offset, offset + length) of file `id`'s stream; `format` is
// the DecompressionStream format of a compressed file ('gzip', 'deflate') or ''.
export async function readBlob(ticket, id, offset, length, format) {
  const source = sourceById.get(id);
  try {
    if (!source) throw new Error('the file is no longer open');
    let bytes;
    if (format) {
      bytes = await readInflated(source, format, offset, offset + length);
    } else if (source.noRange) {  // no ranges from this server: the whole file, cut
      const res = await fetchFor(source)(source.url, { cache: 'no-store' });
      bytes = new Uint8Array(await res.arrayBuffer()).subarray(offset, offset + length);
    } else {
      bytes = await readSlice(source, offset, offset + length);
      if (bytes.whole) bytes = new Uint8Array(await bytes.whole.arrayBuffer()).subarray(offset, offset + length);
    }
    engine.blobArrived(ticket, bytes);
  } catch (err) {
    const why = err && err.name === 'NotReadableError'
      ? 'the file changed or went away since it was opened; open it again to see this'
      : 'cannot read it again: ' + messageOf(err);
    engine.blobFailed(ticket, why);
  }
}

// Bytes [offset, offset + size) of a file announced with `other` (whole: all of it).
export async function readFile(ticket, path, offset, size, whole) {
  const o = otherSources.get(path);
  try {
    if (!o) throw new Error('the file is no longer open');
    const at = whole ? 0 : offset, end = at + size;
    let bytes = new Uint8Array(0);
    if (end > at) {
      bytes = await readSlice(o.source, at, end);
      if (bytes.whole) bytes = new Uint8Array(await bytes.whole.arrayBuffer()).subarray(at, end);
    }
    engine.fileRead(ticket, bytes);
  } catch (err) {
    const why = err && err.name === 'NotReadableError'
      ? 'the file changed or went away since it was opened; open it again'
      : 'cannot read it: ' + messageOf(err);
    engine.fileReadFailed(ticket, why);
  }
}

// [SECTION] peeks ---------------------------------------------------------------------------------
// The head of a run not read yet (its first file's first bytes), for its
// hparams (app/shell_peek.cpp). Thousands may be asked at once: a few are in
// flight at a time (bucket requests), beside the reads of picked runs.
const PEEKS_IN_FLIGHT = 16;
const peekQueue = [];
let peeking = 0;
let peekGeneration = 0;  // bumped when every file is forgotten: file ids start over

export function peekFile(id, bytes) {
  peekQueue.push({ id, bytes, gen: peekGeneration });
  pumpPeeks();
}

function pumpPeeks() {
  while (peeking < PEEKS_IN_FLIGHT && peekQueue.length) {
    const p = peekQueue.shift();
    peeking++;
    peekOne(p).finally(() => {
      peeking--;
      pumpPeeks();
    });
  }
}

// The first `n` bytes of a response's body (a server that ignored Range sends all of it).
async function firstBytes(res, n) {
  const reader = res.body.getReader();
  const out = new Uint8Array(n);
  let got = 0;
  while (got < n) {
    const { value, done } = await reader.read();
    if (done) break;
    const take = Math.min(value.length, n - got);
    out.set(value.subarray(0, take), got);
    got += take;
  }
  reader.cancel().catch(() => {});
  return out.subarray(0, got);
}

async function peekOne({ id, bytes, gen }) {
  const source = sourceById.get(id);
  try {
    if (!source) throw new Error('the file is no longer open');
    let head = bytes > 0 ? await readSlice(source, 0, bytes) : new Uint8Array(0);
    if (head.whole) head = await firstBytes(head.whole, bytes);
    if (gen === peekGeneration) engine.peekArrived(id, head);
  } catch (err) {
    if (gen === peekGeneration) engine.peekFailed(id, messageOf(err));
  }
}
