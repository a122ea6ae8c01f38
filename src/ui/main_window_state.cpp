// The main window's part of the test hook's state() and the link keys it
// owns; each dashboard adds its own part (Dashboard::write_state).
#include "store/json_writer.h"
#include "ui/main_window.h"

namespace el::ui {

void MainWindow::write_state(store::JsonWriter& j, const store::Store& store) const {
  // The image and audio cards drawn last frame.
  static const char* kStates[] = {"loading", "ready", "error"};
  j.key("mediaCards").begin_array();
  for (const MediaCardInfo& c : media_cards_) {
    j.begin_object();
    j.key("kind").value(c.kind).key("run").value(c.run).key("tag").value(c.tag);
    j.key("sample").value(static_cast<std::uint64_t>(c.sample));
    j.key("position").value(static_cast<std::uint64_t>(c.position));
    j.key("count").value(static_cast<std::uint64_t>(c.count));
    j.key("step").value(c.step);
    j.key("state").value(kStates[static_cast<int>(c.state)]);
    if (c.kind == "images")
      j.key("width")
          .value(static_cast<std::uint64_t>(c.width))
          .key("height")
          .value(static_cast<std::uint64_t>(c.height));
    else
      j.key("seconds").value(c.seconds);
    if (!c.error.empty()) j.key("error").value(c.error);
    j.end_object();
  }
  j.end_array();
  for (const auto& d : dashboards_) d->write_state(j, store);
}

std::vector<std::string_view> MainWindow::link_keys() {
  return {"theme", "live", "dash", "runs", "tags", "hide", "colors"};
}

}  // namespace el::ui
