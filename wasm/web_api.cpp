// The C API the page calls (see web/eventlens-page.js). Bytes arrive as
// malloc'ed slices whose ownership passes to C++.
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "wasm/web_platform.h"

#define EL_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE

// Announces a file; returns its id for el_push/el_end_file. `size` is a double
// because JS numbers beyond 2^31 do not fit an int parameter. `run`: a file
// opened on its own (not in a folder) is a run named after it; else "".
EL_EXPORT unsigned el_add_file(const char* path, double size, const char* run) {
  return el::web::shell().add_file(path ? path : "", static_cast<std::uint64_t>(size), run ? run : "");
}

// Announces a file that is not an event file (a projector config, TSV,
// checkpoint, sprite sheet): it is read only when the Projector asks.
EL_EXPORT void el_add_other_file(const char* path, double size) {
  el::web::shell().add_other_file(path ? path : "", static_cast<std::uint64_t>(size));
}

// The page's answer to el_js_read_file: a buffer of `size` bytes to write the
// file's bytes into, then el_file_read(ticket) when they are there.
EL_EXPORT char* el_file_buffer(double ticket, double size) {
  return el::web::shell().file_buffer(static_cast<std::uint64_t>(ticket), static_cast<std::size_t>(size));
}

EL_EXPORT void el_file_read(double ticket) {
  el::web::shell().file_buffer_done(static_cast<std::uint64_t>(ticket));
}

// ... or why it could not be read.
EL_EXPORT void el_file_read_failed(double ticket, const char* message) {
  el::web::shell().file_read_arrived(static_cast<std::uint64_t>(ticket), {},
                                     message && *message ? message : "cannot read");
}

// Takes ownership of `bytes` (from _malloc).
EL_EXPORT void el_push(unsigned file, std::uint8_t* bytes, unsigned size) {
  el::web::shell().push_bytes(file, bytes, size);
}

EL_EXPORT void el_end_file(unsigned file) { el::web::shell().end_file(file); }

// Whether the page should read file `file` now (0: its run is only listed,
// past the load limits; el_js_reads_changed says when that changes).
EL_EXPORT int el_file_wanted(unsigned file) { return el::web::shell().file_wanted(file) ? 1 : 0; }

// The size of file `file`, announced with 0 (the page lists many files before it knows their sizes).
EL_EXPORT void el_set_file_size(unsigned file, double size) {
  el::web::shell().set_file_size(file, static_cast<std::uint64_t>(size));
}

// window.eventlens.loadRuns(regex) / unloadRuns(regex): as the runs panel's
// buttons. Returns how many runs, or -1 for an invalid expression.
EL_EXPORT int el_load_runs(const char* regex) {
  return el::web::shell().load_runs_matching(regex ? regex : "");
}
EL_EXPORT int el_unload_runs(const char* regex) {
  return el::web::shell().unload_runs_matching(regex ? regex : "");
}

// Ingests queued bytes for up to `budget_ms` between frames: the bytes
// ingested (0 while the decoding threads have nothing ready).
EL_EXPORT double el_pump(double budget_ms) { return static_cast<double>(el::web::shell().pump(budget_ms)); }

// The shown dashboard's work between frames (the Projector's layouts): 1 if it did some.
EL_EXPORT int el_work_between_frames(double budget_ms) {
  return el::web::shell().work_between_frames(budget_ms) ? 1 : 0;
}

// Whole-file CRC-32s in state() (tests of the page's slicing; `?verify`).
EL_EXPORT void el_set_checksums(int on) { el::web::shell().set_checksums(on != 0); }

EL_EXPORT void el_close_all() { el::web::shell().close_all(); }

// The user opened another logdir on top of what is open.
EL_EXPORT void el_forget_logdir_state() { el::web::shell().forget_logdir_state(); }

// Settings in their text form (URL hash or localStorage), applied over the defaults.
EL_EXPORT void el_apply_settings(const char* text) { el::web::shell().apply_settings(text ? text : ""); }

// Settings saved by an earlier visit (localStorage): preferences, but not that logdir's step or searches.
EL_EXPORT void el_apply_saved_settings(const char* text) {
  el::web::shell().apply_saved_settings(text ? text : "");
}

// window.eventlens.show(name): switch dashboard.
EL_EXPORT void el_show(const char* dashboard) { el::web::shell().show(dashboard ? dashboard : "scalars"); }

// The page re-checks an opened folder (File System Access handle or served manifest).
EL_EXPORT void el_set_live(int supported, int active) {
  el::web::shell().set_live(supported != 0, active != 0);
}

// Bytes pushed but not yet ingested: the page keeps this bounded.
EL_EXPORT double el_queued_bytes() { return static_cast<double>(el::web::shell().queue().queued_bytes()); }
// How many bytes the page may hold read but not yet ingested (the memory budget's share for reading).
EL_EXPORT double el_read_ahead_bytes() { return static_cast<double>(el::web::shell().read_ahead_bytes()); }

EL_EXPORT void el_reset_frame_stats() { el::web::shell().reset_frame_stats(); }

EL_EXPORT double el_frame_count() { return static_cast<double>(el::web::shell().frame_count()); }

// Valid until the next call.
EL_EXPORT const char* el_state_json() {
  static std::string json;
  json = el::web::shell().state_json();
  return json.c_str();
}

// window.eventlens.progress(): the loading counts of the state alone. Valid until the next call.
EL_EXPORT const char* el_progress_json() {
  static std::string json;
  json = el::web::shell().progress_json();
  return json.c_str();
}

// window.eventlens.series(run, tag). Valid until the next call.
EL_EXPORT const char* el_series_json(const char* run, const char* tag) {
  static std::string json;
  json = el::web::shell().series_json(run ? run : "", tag ? tag : "");
  return json.c_str();
}

// The page's answer to el_js_read_blob: the bytes (from _malloc; freed here).
EL_EXPORT void el_blob_arrived(double ticket, std::uint8_t* bytes, unsigned size) {
  el::web::shell().blob_arrived(static_cast<std::uint64_t>(ticket),
                                std::string_view(reinterpret_cast<const char*>(bytes), size), "");
  std::free(bytes);
}

// The page's answer to el_js_peek_file: the head of a file (from _malloc; freed here), or why not.
EL_EXPORT void el_peek_arrived(unsigned file, std::uint8_t* bytes, unsigned size) {
  el::web::shell().peek_arrived(file, {bytes, size});
  std::free(bytes);
}
EL_EXPORT void el_peek_failed(unsigned file, const char* message) {
  el::web::shell().peek_failed(file, message);
}

// The CJK font the shell asked for (Platform::request_cjk_font), in a malloc'd
// buffer the engine frees; or why it could not be fetched.
EL_EXPORT void el_cjk_font_arrived(char* bytes, unsigned size) {
  el::web::shell().cjk_font_arrived(std::string(bytes, size));
  std::free(bytes);
}
EL_EXPORT void el_cjk_font_failed(const char* message) {
  el::web::shell().cjk_font_failed(message && *message ? message : "cannot fetch the CJK font");
}

// ... or why the bytes could not be read.
EL_EXPORT void el_blob_failed(double ticket, const char* message) {
  el::web::shell().blob_arrived(static_cast<std::uint64_t>(ticket), {},
                                message && *message ? message : "cannot read");
}

// The page could not read (more of) file `file`: HTTP error, network, CORS...
EL_EXPORT void el_file_failed(unsigned file, const char* message) {
  el::web::shell().file_problem(file, message ? message : "cannot read", true);
}

// Something worth knowing about how file `file` is read (it goes on).
EL_EXPORT void el_file_note(unsigned file, const char* message) {
  el::web::shell().file_problem(file, message ? message : "", false);
}

// Files are decoded on `threads` worker threads (the page's threaded build,
// cross-origin isolated), or on the page's own thread, for the reason `why_one`.
EL_EXPORT void el_set_ingest_threads(int threads, const char* why_one) {
  el::web::shell().set_ingest_threads(threads > 0 ? static_cast<unsigned>(threads) : 1u,
                                      why_one ? why_one : "");
}

// The run file `file` is of, as the first file of that run (`file` itself
// if it is in no run): the page reads a run's files one after another.
EL_EXPORT unsigned el_file_run_key(unsigned file) { return el::web::shell().run_key(file); }

// What the page is doing before files are read (a bucket's listing); "" when done.
EL_EXPORT void el_set_activity(const char* text) { el::web::shell().set_activity(text ? text : ""); }

// ... or could not open `path` at all (a URL or manifest the user named).
EL_EXPORT void el_path_failed(const char* path, const char* message) {
  el::web::shell().path_unreadable(path ? path : "", message ? message : "cannot read");
}
