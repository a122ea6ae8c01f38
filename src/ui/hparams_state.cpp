// The HParams dashboard's part of the test hook's state(): every session with
// exact values (as `eventlens export --kind hparams` writes them), and what the
// dashboard drew last frame (rows, hover, axes, the table page).
#include "store/json_writer.h"
#include "ui/hparams_dashboard.h"

namespace el::ui {

void HparamsDashboard::write_state(store::JsonWriter& j, const store::Store& store) const {
  if (store.version() != state_table_version_ || store.generation() != state_table_generation_) {
    state_table_ = aggregate::build_hparams_table(store);
    state_table_version_ = store.version();
    state_table_generation_ = store.generation();
  }
  const aggregate::HparamsTable& table = state_table_;
  if (!table.sessions.empty()) {
    std::vector<std::uint32_t> all(table.sessions.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    j.key("hparams");
    aggregate::write_hparams_json(j, table, all);
    const HparamsViewInfo& v = info_;
    j.key("hparamsView").begin_object().key("plot").value(v.plot);
    j.key("hovered").value(v.hovered).key("selected").value(v.selected);
    j.key("unreadRuns").value(static_cast<std::uint64_t>(v.unread_runs));
    j.key("unreadSessions").value(static_cast<std::uint64_t>(v.unread_sessions));
    j.key("readButton")
        .begin_array()
        .value(static_cast<double>(v.read_x))
        .value(static_cast<double>(v.read_y));
    j.end_array().key("rows").begin_array();
    for (const std::string& r : v.rows) j.value(r);
    j.end_array().key("axes").begin_array();
    for (const auto& a : v.axes)
      j.begin_object()
          .key("key")
          .value(a.key)
          .key("x")
          .value(static_cast<double>(a.x))
          .key("top")
          .value(static_cast<double>(a.top))
          .key("bottom")
          .value(static_cast<double>(a.bottom))
          .end_object();
    j.end_array().key("filters").begin_array();
    for (const auto& f : v.filters)
      j.begin_object()
          .key("key")
          .value(f.key)
          .key("x")
          .value(static_cast<double>(f.x))
          .key("y")
          .value(static_cast<double>(f.y))
          .end_object();
    j.end_array().key("page").begin_array();
    for (const auto& r : v.page)
      j.begin_object()
          .key("run")
          .value(r.run)
          .key("x")
          .value(static_cast<double>(r.x))
          .key("y")
          .value(static_cast<double>(r.y))
          .end_object();
    j.end_array().end_object();
  }
}

}  // namespace el::ui
