// JS functions the C++ shell calls in the page. Each forwards to the page
// script (web/eventlens-page.js), which owns pickers, reading and storage.
mergeInto(LibraryManager.library, {
  el_js_open_files: function () { if (window.eventlensPage) window.eventlensPage.openFiles(); },
  el_js_open_folder: function () { if (window.eventlensPage) window.eventlensPage.openFolder(); },
  el_js_cancel_loading: function () { if (window.eventlensPage) window.eventlensPage.cancel(); },
  el_js_closed_all: function () { if (window.eventlensPage) window.eventlensPage.closedAll(); },
  el_js_settings_changed: function (text) {
    if (window.eventlensPage) window.eventlensPage.settingsChanged(UTF8ToString(text));
  },
  el_js_download: function (filename, mime, bytes, size) {
    // Copy out of the wasm heap: the Blob must not alias memory that can grow.
    const data = HEAPU8.slice(bytes, bytes + size);
    if (window.eventlensPage) window.eventlensPage.download(UTF8ToString(filename), UTF8ToString(mime), data);
  },
  el_js_read_blob: function (ticket, file, offset, length, compression) {
    if (window.eventlensPage) window.eventlensPage.readBlob(ticket, file, offset, length, compression);
    else Module.ccall('el_blob_failed', null, ['number', 'string'], [ticket, 'no page to read from']);
  },
  el_js_play_audio: function (samples, frames, channels, rate, from) {
    return window.eventlensPage ? window.eventlensPage.playAudio(samples, frames, channels, rate, from) : 0;
  },
  el_js_stop_audio: function () { if (window.eventlensPage) window.eventlensPage.stopAudio(); },
  el_js_copy_link: function () { if (window.eventlensPage) window.eventlensPage.copyLink(); },
  el_js_copy_text: function (text) { if (window.eventlensPage) window.eventlensPage.copyText(UTF8ToString(text)); },
  el_js_open_url: function (url) { if (window.eventlensPage) window.eventlensPage.openLink(UTF8ToString(url)); },
});
