// Browser entry point: creates the shell on the page's #canvas and runs it
// from the browser's animation frames.
#include <emscripten.h>

#include "wasm/web_platform.h"

extern "C" {
void el_js_open_files();
void el_js_open_folder();
void el_js_cancel_loading();
void el_js_closed_all();
void el_js_settings_changed(const char* text);
void el_js_download(const char* filename, const char* mime, const void* bytes, unsigned size);
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
  void download(const std::string& filename, const std::string& mime, const std::string& bytes) override {
    el_js_download(filename.c_str(), mime.c_str(), bytes.data(), static_cast<unsigned>(bytes.size()));
  }
};

WebPlatform g_platform;  // the app shell's state: the one allowed global
el::app::Shell g_shell(g_platform);

void frame() { g_shell.frame(); }

}  // namespace

el::app::Shell& shell() { return g_shell; }

}  // namespace el::web

int main() {
  if (!el::web::g_shell.init("EventLens", 1280, 800)) return 1;
  EM_ASM(if (window.eventlensPage) window.eventlensPage.ready(););
  emscripten_set_main_loop(el::web::frame, 0, false);
  return 0;
}
