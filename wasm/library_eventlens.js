// JS functions the C++ shell calls in the page. Each forwards to the page
// script (web/js, bundled as eventlens-page.js), which owns pickers, reading and storage.
mergeInto(LibraryManager.library, {
  // Module.heapU8() and heapF32(): the heap as it is now. In the threaded
  // build a worker thread may grow the memory, and the page's view must
  // follow; the runtime rewrites these two reads to refresh the views first
  // (its growableHeap pass), as it does its own.
  $el_heap_views__postset: "Module['heapU8'] = function () { return HEAPU8; }; " +
                           "Module['heapF32'] = function () { return HEAPF32; };",
  $el_heap_views: function () {},
  el_js_open_files: function () { if (window.eventlensPage) window.eventlensPage.openFiles(); },
  el_js_open_folder: function () { if (window.eventlensPage) window.eventlensPage.openFolder(); },
  el_js_cancel_loading: function () { if (window.eventlensPage) window.eventlensPage.cancel(); },
  el_js_closed_all: function () { if (window.eventlensPage) window.eventlensPage.closedAll(); },
  el_js_settings_changed: function (text) {
    if (window.eventlensPage) window.eventlensPage.settingsChanged(UTF8ToString(text >>> 0));
  },
  el_js_local_settings_changed: function (text) {
    if (window.eventlensPage) window.eventlensPage.localSettingsChanged(UTF8ToString(text >>> 0));
  },
  el_js_request_cjk_font: function () {
    if (window.eventlensPage) window.eventlensPage.requestCjkFont();
    else Module.ccall('el_cjk_font_failed', null, ['string'], ['no page to fetch from']);
  },
  el_js_download: function (filename, mime, bytes, size) {
    // Copy out of the wasm heap: the Blob must not alias memory that can grow.
    // (Addresses are read unsigned: above 2 GiB a pointer arrives as a negative int.)
    const data = HEAPU8.slice(bytes >>> 0, (bytes >>> 0) + size);
    if (window.eventlensPage) window.eventlensPage.download(UTF8ToString(filename >>> 0), UTF8ToString(mime >>> 0), data);
  },
  el_js_read_blob: function (ticket, file, offset, length, format) {
    if (window.eventlensPage) window.eventlensPage.readBlob(ticket, file, offset, length, UTF8ToString(format >>> 0));
    else Module.ccall('el_blob_failed', null, ['number', 'string'], [ticket, 'no page to read from']);
  },
  el_js_read_file: function (ticket, path, offset, size, whole) {
    if (window.eventlensPage) window.eventlensPage.readFile(ticket, UTF8ToString(path >>> 0), offset, size, whole !== 0);
    else Module.ccall('el_file_read_failed', null, ['number', 'string'], [ticket, 'no page to read from']);
  },
  el_js_play_audio: function (samples, frames, channels, rate, from) {
    return window.eventlensPage ? window.eventlensPage.playAudio(samples, frames, channels, rate, from) : 0;
  },
  el_js_stop_audio: function () { if (window.eventlensPage) window.eventlensPage.stopAudio(); },
  el_js_copy_link: function () { if (window.eventlensPage) window.eventlensPage.copyLink(); },
  el_js_copy_text: function (text) { if (window.eventlensPage) window.eventlensPage.copyText(UTF8ToString(text >>> 0)); },
  el_js_open_url: function (url) { if (window.eventlensPage) window.eventlensPage.openLink(UTF8ToString(url >>> 0)); },
  el_js_open_address: function (address, endpoint) {
    if (window.eventlensPage) window.eventlensPage.openAddress(UTF8ToString(address >>> 0), UTF8ToString(endpoint >>> 0));
  },
  el_js_reads_changed: function () { if (window.eventlensPage) window.eventlensPage.readsChanged(); },
  el_js_file_reset: function (file) { if (window.eventlensPage) window.eventlensPage.fileReset(file); },
  el_js_peek_file: function (file, bytes) {
    if (window.eventlensPage) window.eventlensPage.peekFile(file, bytes);
    else Module.ccall('el_peek_failed', null, ['number', 'string'], [file, 'no page to read from']);
  },
  // The machine's memory in GB as the browser reports it (Chromium: 0.25 to 8); 0: not said.
  el_js_device_memory: function () { return Number(navigator.deviceMemory) || 0; },

  // [SECTION] GL state the renderer asks for every frame ---------------------------
  // ImGui's OpenGL backend saves and restores GL state around each frame. In
  // Chromium, reading the scissor box and the blend state is a synchronous
  // round trip to the GPU process, which first finishes all queued work: about
  // 3 ms a frame with a software GPU. Those values change only through the
  // setters below, so they are kept here, written by the setters and read back
  // without asking the context. Anything else goes to WebGL as before.
  $elGlState: {},
  glGetIntegerv__deps: ['$emscriptenWebGLGet', '$elGlState'],
  glGetIntegerv: function (name, p) {
    const v = elGlState[name];
    if (v !== undefined && p) {
      for (let i = 0; i < v.length; i++) HEAP32[(p >>> 2) + i] = v[i];
      return;
    }
    emscriptenWebGLGet(name, p, {{{ cDefine('EM_FUNC_SIG_PARAM_I') }}});
  },
  glScissor__deps: ['$elGlState'],
  glScissor: function (x, y, w, h) {
    GLctx.scissor(x, y, w, h);
    elGlState[0x0C10] = [x, y, w, h];  // SCISSOR_BOX
  },
  glBlendFunc__deps: ['$elGlState'],
  glBlendFunc: function (src, dst) {
    GLctx.blendFunc(src, dst);
    elGlState[0x80C9] = elGlState[0x80CB] = [src];  // BLEND_SRC_RGB, BLEND_SRC_ALPHA
    elGlState[0x80C8] = elGlState[0x80CA] = [dst];  // BLEND_DST_RGB, BLEND_DST_ALPHA
  },
  glBlendFuncSeparate__deps: ['$elGlState'],
  glBlendFuncSeparate: function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
    GLctx.blendFuncSeparate(srcRgb, dstRgb, srcAlpha, dstAlpha);
    elGlState[0x80C9] = [srcRgb];
    elGlState[0x80C8] = [dstRgb];
    elGlState[0x80CB] = [srcAlpha];
    elGlState[0x80CA] = [dstAlpha];
  },
  glBlendEquation__deps: ['$elGlState'],
  glBlendEquation: function (mode) {
    GLctx.blendEquation(mode);
    elGlState[0x8009] = elGlState[0x883D] = [mode];  // BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA
  },
  glBlendEquationSeparate__deps: ['$elGlState'],
  glBlendEquationSeparate: function (rgb, alpha) {
    GLctx.blendEquationSeparate(rgb, alpha);
    elGlState[0x8009] = [rgb];
    elGlState[0x883D] = [alpha];
  },
});
