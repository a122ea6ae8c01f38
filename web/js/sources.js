// Where event files come from: the file and folder pickers, drag and drop,
// addresses (File > Open address, ?manifest=, #url=, eventlens.open): event
// files, manifests and cloud buckets; a served logdir's manifest.json; and the
// live re-checks of opened folders, manifests and buckets.
//
// [SECTION] event files in a folder
// [SECTION] pickers and drops
// [SECTION] addresses and manifests
// [SECTION] live re-checks

import { bucketAddress, bucketReader, isBucketAddress, listBucket, parseBucket } from './buckets.js';
import { engine, page } from './engine.js';
import { anythingOpen, enqueue, fetchOrExplain } from './reader.js';

// [SECTION] event files in a folder -------------------------------------------------------------
// In a log directory event files are read (TensorBoard's rule); files an
// embedding can be made of are announced to the Projector, which reads what it
// needs. The same rule as embed::is_embedding_file (src/embed/paths.cpp).
const isEventFile = (name) => name.includes('tfevents') && !name.endsWith('.profile-empty');
const EMBEDDING_EXTENSIONS = new Set(['pbtxt', 'tsv', 'index', 'png', 'jpg', 'jpeg', 'json', 'h5', 'bytes']);
export function isEmbeddingFile(name) {
  if (name === 'checkpoint' || name.includes('.data-')) return true;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && EMBEDDING_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
// Profiles are announced too (the Profile dashboard reads the one shown). The same
// rule as profile::is_profile_file (src/profile/discovery.cpp).
export function isProfileFile(name) {
  if (name.endsWith('.xplane.pb')) return true;
  const stem = name.endsWith('.gz') ? name.slice(0, -3) : name;
  return stem.endsWith('.json') && stem.toLowerCase().includes('trace');
}
// Whether a file is read as an event file, announced as another file, or left alone.
// Files picked one by one are event files unless their name says otherwise.
function classify(name, inFolder) {
  if (isEventFile(name)) return 'event';
  if (isEmbeddingFile(name) || isProfileFile(name)) return 'other';
  return inFolder ? null : 'event';
}

// Paths inside an opened folder are relative to it (run names as TensorBoard's logdir).
function relativeToFolder(entries) {
  const first = entries.length ? entries[0].path.split('/')[0] : '';
  if (entries.length && entries.every((e) => e.path.startsWith(first + '/'))) {
    for (const e of entries) e.path = e.path.slice(first.length + 1);
  }
  return entries;
}

function fromFileList(list, folder) {
  const entries = [];
  for (const f of Array.from(list)) {
    const kind = classify(f.name, folder);
    // A file picked on its own is a run of its own, named after it.
    if (kind) entries.push({ source: { file: f }, path: f.webkitRelativePath || f.name, other: kind === 'other',
      run: folder ? undefined : f.name });
  }
  return folder ? relativeToFolder(entries) : entries;
}

// Walks a directory handle (File System Access API) into file entries.
async function walkHandle(dir, prefix, out) {
  for await (const [name, handle] of dir.entries()) {
    if (handle.kind === 'file') {
      const kind = classify(name, true);
      if (kind) out.push({ source: { file: await handle.getFile() }, path: prefix + name, other: kind === 'other' });
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
    const kind = classify(entry.name, inFolder);
    if (kind) {
      const file = await new Promise((res, rej) => entry.file(res, rej));
      // A file dropped on its own (not inside a dropped folder) is a run of its own.
      out.push({ source: { file }, path: entry.fullPath.replace(/^\//, ''), other: kind === 'other',
        run: inFolder ? undefined : entry.name });
    }
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry.createReader())) await walkEntry(child, out, true);
  }
  return out;
}

// Files the user opened (picked, dropped, by address): when something is
// already open this is another logdir, and the view starts afresh for it
// (the step at the newest, no searches or zooms). Live re-checks use enqueue.
function openEntries(entries) {
  if (entries.length && anythingOpen()) engine.forgetLogdirState();
  enqueue(entries);
}

// [SECTION] pickers and drops ------------------------------------------------------------------
// Whether the user picked or dropped files (the page cannot open them again by itself).
let userOpened = false;
export function userOpenedFiles() { return userOpened; }
function openPicked(entries) {
  userOpened = true;
  openEntries(entries);
}

const filesInput = document.getElementById('open-files');
const folderInput = document.getElementById('open-folder');
filesInput.addEventListener('change', () => { openPicked(fromFileList(filesInput.files, false)); filesInput.value = ''; });
folderInput.addEventListener('change', () => { openPicked(fromFileList(folderInput.files, true)); folderInput.value = ''; });

export function pickFiles() { filesInput.click(); }

// A folder picked with the File System Access API is re-checked while the
// page is open; browsers without it get the classic folder input.
export async function pickFolder() {
  if (!window.showDirectoryPicker) {
    folderInput.click();
    return;
  }
  try {
    const dir = await window.showDirectoryPicker({ mode: 'read' });
    liveSources.push({ kind: 'handle', dir });
    openPicked(await walkHandle(dir, '', []));
    updateLive();
  } catch (err) {
    if (err && err.name !== 'AbortError') console.log('[eventlens] folder picker: ' + err);
  }
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
  openPicked(entries);
});

// [SECTION] addresses and manifests -------------------------------------------------------------
// scripts/serve (and a static site) lists its event files in manifest.json:
// {"files": [{"path": "train/events...", "url": "data/0/train/events...", "size": N}]}.
// `explain`: errors are thrown with their reason (an address the user gave);
// otherwise a missing manifest is simply no files.
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
  // Entries with "other": true are the Projector's files (configs, TSVs, checkpoints, sprites).
  return m.files.map((f) => ({ source: { url: new URL(f.url, res.url).href }, path: f.path, size: f.size,
                               other: !!f.other }));
}

// Addresses opened so far: kept in the address bar's hash, so a copied link opens them again.
export const openedUrls = [];
let openedUrlsChanged = () => {};
export function whenOpenedUrlsChange(fn) { openedUrlsChanged = fn; }
function addOpenedUrl(raw) {
  if (openedUrls.includes(raw)) return;
  openedUrls.push(raw);
  openedUrlsChanged();
}

// A bucket's event files (and the Projector's files and profiles), named
// relative to its prefix as a folder's are.
// `shown`: the listing's progress is shown in the status bar (opening it; re-checks are quiet).
async function bucketEntries(bucket, shown) {
  const read = bucketReader(bucket);
  const entries = [];
  const progress = shown ? (n) => engine.setActivity(`Listing ${bucket.display}: ${n.toLocaleString('en-US')} objects…`)
    : null;
  let objects;
  try {
    if (progress) progress(0);
    objects = await listBucket(bucket, progress);
  } finally {
    if (progress) engine.setActivity('');
  }
  for (const o of objects) {
    const path = o.key.slice(bucket.prefix.length);
    const kind = classify(path.slice(path.lastIndexOf('/') + 1), true);
    if (kind) entries.push({ source: { url: bucket.objectUrl(o.key), fetch: read }, path, size: o.size,
      other: kind === 'other' });
  }
  return entries;
}

// s3://bucket/prefix or gs://bucket/prefix, with ?endpoint=URL for other S3-compatible servers.
async function openBucket(raw) {
  let bucket;
  try {
    bucket = parseBucket(raw);
  } catch (err) {
    engine.pathFailed(String(raw), err.message);
    return;
  }
  addOpenedUrl(raw);
  try {
    const entries = await bucketEntries(bucket, true);
    if (!entries.length) throw new Error('no event files under ' + bucket.display);
    liveSources.push({ kind: 'bucket', bucket });
    openEntries(entries);
    updateLive();
  } catch (err) {
    engine.pathFailed(bucket.display, err && err.message ? err.message : String(err));
  }
}

// What File > Open address gives: an address, and for a bucket on a server
// other than AWS's or Google's, the server's endpoint.
export function openAddress(address, endpoint) {
  const a = String(address).trim();
  if (!a) return;
  openUrl(bucketAddress(a, endpoint));
}

// A manifest (.json, as `eventlens publish` writes), one event file, or a
// bucket: relative to this page or absolute (another origin needs CORS).
export async function openUrl(raw) {
  if (isBucketAddress(raw)) return openBucket(String(raw).trim());
  let url;
  try {
    url = new URL(raw, location.href).href;
  } catch (err) {
    engine.pathFailed(String(raw), 'not a valid address');
    return;
  }
  addOpenedUrl(raw);
  try {
    const path = new URL(url).pathname;
    if (/\.json$/i.test(path)) {
      const entries = await manifestEntries(url, true);
      liveSources.push({ kind: 'manifest', url });
      openEntries(entries);
      updateLive();
      return;
    }
    // One event file: its size first (HEAD; Content-Length is readable across origins).
    const head = await fetchOrExplain(url, { method: 'HEAD', cache: 'no-store' });
    const size = +(head.headers.get('content-length') || 0);
    const name = decodeURIComponent(path.split('/').pop() || 'events');
    // Without a size (compressed transfer), one plain download.
    openEntries([{ source: size ? { url } : { url, noRange: true }, path: name, size: size || 1, run: name }]);
  } catch (err) {
    engine.pathFailed(url, err && err.message ? err.message : String(err));
  }
}

// The page's own manifest.json, if it is served with one (scripts/serve, a published site).
export async function openServedManifest() {
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

// [SECTION] live re-checks ----------------------------------------------------------------------
// Opened directory handles, served manifests and buckets are re-read every
// few seconds: grown files continue where they stopped, new files are added.
const liveSources = [];  // {kind: 'handle', dir} | {kind: 'manifest', url} | {kind: 'bucket', bucket}
let live = { on: true, seconds: 5 };
let liveTimer = null;

function updateLive() {
  const supported = liveSources.length > 0;
  if (page.ready) engine.setLive(supported, supported && live.on);
  if (liveTimer) clearTimeout(liveTimer);
  liveTimer = null;
  if (supported && live.on) liveTimer = setTimeout(recheck, live.seconds * 1000);
}

export async function recheck() {
  liveTimer = null;
  try {
    for (const src of liveSources) {
      if (src.kind === 'handle') enqueue(await walkHandle(src.dir, '', []));
      else if (src.kind === 'bucket') enqueue(await bucketEntries(src.bucket, false));  // grown objects continue
      else enqueue(await manifestEntries(src.url, false));
    }
  } catch (err) {
    console.log('[eventlens] re-check failed: ' + err);
  }
  updateLive();
}

// Nothing is re-checked any more (loading was cancelled, or everything closed).
export function stopLive() {
  liveSources.length = 0;
  updateLive();
}

// The settings text's live=off|N (seconds) switches and paces the re-checks.
export function applyLiveSetting(text) {
  const m = /(?:^|&)live=([^&]*)/.exec(text);
  if (!m) return;
  live = m[1] === 'off' ? { on: false, seconds: live.seconds } : { on: true, seconds: Math.max(1, +m[1] || 5) };
  updateLive();
}
