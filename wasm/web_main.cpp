// Browser entry point: creates the shell on the page's #canvas and runs it
// from the browser's animation frames.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include "wasm/web_platform.h"

extern "C" {
void el_js_open_files();
void el_js_open_folder();
void el_js_cancel_loading();
void el_js_closed_all();
void el_js_settings_changed(const char* text);
void el_js_local_settings_changed(const char* text);
void el_js_request_cjk_font();
void el_js_download(const char* filename, const char* mime, const void* bytes, unsigned size);
void el_js_read_blob(double ticket, unsigned file, double offset, double length, const char* format);
void el_js_read_file(double ticket, const char* path, double offset, double size, int whole);
int el_js_play_audio(const float* samples, double frames, int channels, double rate, double from);
void el_js_stop_audio();
void el_js_copy_link();
void el_js_copy_text(const char* text);
void el_js_open_url(const char* url);
void el_js_open_address(const char* address, const char* endpoint);
void el_js_reads_changed();
void el_js_file_reset(unsigned file);
void el_js_peek_file(unsigned file, double bytes);
double el_js_device_memory();
}

namespace el::web {
namespace {

class WebPlatform final : public el::app::Platform {
 public:
  bool can_open_dialogs() const override { return true; }
  void open_files() override { el_js_open_files(); }
  void open_folder() override { el_js_open_folder(); }
  void cancel_loading() override { el_js_cancel_loading(); }
  void closed_all() override { el_js_closed_all(); }
  void settings_changed(const std::string& text) override { el_js_settings_changed(text.c_str()); }
  void local_settings_changed(const std::string& text) override {
    el_js_local_settings_changed(text.c_str());
  }
  bool request_cjk_font() override {
    el_js_request_cjk_font();
    return true;
  }
  void download(const std::string& filename, const std::string& mime, const std::string& bytes) override {
    el_js_download(filename.c_str(), mime.c_str(), bytes.data(), static_cast<unsigned>(bytes.size()));
  }
  // The page reads the slice from the File (or URL) and answers with
  // el_blob_arrived / el_blob_failed (wasm/web_api.cpp). A compressed file is
  // named by its DecompressionStream format, so the page knows no C++ enum.
  void read_blob(std::uint64_t ticket, el::store::FileId file, std::uint64_t offset, std::size_t length,
                 el::record::Compression compression) override {
    const char* format = compression == el::record::Compression::kGzip   ? "gzip"
                         : compression == el::record::Compression::kZlib ? "deflate"
                                                                         : "";
    el_js_read_blob(static_cast<double>(ticket), file, static_cast<double>(offset),
                    static_cast<double>(length), format);
  }
  // The Projector's files: the page reads them and answers with
  // el_file_read / el_file_read_failed.
  void read_file(std::uint64_t ticket, const std::string& path, std::uint64_t offset, std::uint64_t size,
                 bool whole) override {
    el_js_read_file(static_cast<double>(ticket), path.c_str(), static_cast<double>(offset),
                    static_cast<double>(size), whole ? 1 : 0);
  }
  bool play_audio(const el::events::DecodedAudio& a, double from, std::string& error) override {
    if (el_js_play_audio(a.samples.data(), static_cast<double>(a.frames()), a.channels, a.sample_rate, from))
      return true;
    error = "the browser could not play this clip";
    return false;
  }
  void stop_audio() override { el_js_stop_audio(); }
  void copy_link() override { el_js_copy_link(); }
  void copy_text(const std::string& text) override { el_js_copy_text(text.c_str()); }
  void open_url(const std::string& url) override { el_js_open_url(url.c_str()); }
  bool can_copy_link() const override { return true; }
  bool can_open_address() const override { return true; }
  void open_address(const std::string& address, const std::string& endpoint) override {
    el_js_open_address(address.c_str(), endpoint.c_str());
  }
  void reads_changed() override { el_js_reads_changed(); }
  void file_reset(el::store::FileId file) override { el_js_file_reset(file); }
  // el_peek_arrived / el_peek_failed (wasm/web_api.cpp).
  bool peek_file(el::store::FileId file, std::uint64_t bytes) override {
    el_js_peek_file(file, static_cast<double>(bytes));
    return true;
  }
  // dlmalloc's count of bytes in use (freed memory is reused, though the wasm
  // memory never shrinks), against the memory the wasm can grow to.
  el::app::HeapUse heap_use() const override {
    static const double device_gb = el_js_device_memory();
    const struct mallinfo m = mallinfo();
    return {static_cast<std::uint32_t>(m.uordblks), emscripten_get_heap_max(), device_gb};
  }
};

WebPlatform g_platform;  // the app shell's state: the one allowed global
el::app::Shell g_shell(g_platform);

// While a long parse runs (a profile), frames come from a 50 ms timer instead
// of the display: every animation frame makes the browser commit a picture,
// which with a software GPU blocks the main thread for ~60 ms (measured: 3.7 s
// of a 5.5 s load), even when nothing was drawn. Input is still read 20 times
// a second, and the progress bar drawn as the pacer allows.
void frame() {
  g_shell.frame();
  static bool on_timer = false;
  const bool long_work = g_shell.long_work();
  if (long_work != on_timer) {
    on_timer = long_work;
    if (long_work)
      emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 50);
    else
      emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
  }
}

}  // namespace

el::app::Shell& shell() { return g_shell; }

}  // namespace el::web

int main() {
  if (!el::web::g_shell.init("EventLens", 1280, 800)) return 1;
  EM_ASM(if (window.eventlensPage) window.eventlensPage.ready(););
  emscripten_set_main_loop(el::web::frame, 0, false);
  return 0;
}
