// The Profile dashboard's other views of a loaded profile:
//   - Operators: every (name, category) with its count, total, self, mean,
//     min and max time and share of the span; sortable, filtered by a regex
//     and a kind, downloadable as CSV; a click finds the row's slices on the
//     timeline;
//   - Overview: each step's time split into kernel, memcpy, runtime, CPU and
//     other; each GPU's busy time; the devices' properties;
//   - Memory: the memory allocated over time per device ([memory] events).
// The numbers come from profile/op_table and profile/trace_overview, worked
// out once per profile; this file draws.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "profile/op_table.h"
#include "profile/trace_overview.h"
#include "ui/profile_provider.h"
#include "ui/ui_context.h"

namespace el::store {
class JsonWriter;
}

namespace el::ui {

class ProfileTables {
 public:
  // Returns the name of the row clicked (to find on the timeline), if one was.
  std::optional<std::string> draw_ops(const UiContext& ctx, const LoadedProfile& p);
  void draw_overview(const UiContext& ctx, const LoadedProfile& p);
  void draw_memory(const UiContext& ctx, const LoadedProfile& p);
  bool has_memory(const LoadedProfile& p);
  void write_state(store::JsonWriter& j, const LoadedProfile* p) const;

 private:
  void derive(const LoadedProfile& p);         // the tables and overview, once per profile
  void derive_memory(const LoadedProfile& p);  // the memory series, once per profile
  void refilter(const UiContext& ctx, const LoadedProfile& p);

  std::uint64_t generation_ = ~0ull, memory_generation_ = ~0ull;  // the profile each was derived for
  std::vector<profile::SliceKind> kinds_;
  std::vector<profile::OpRow> ops_;
  std::vector<profile::StepTime> steps_;
  std::vector<profile::DeviceBusy> busy_;
  std::vector<profile::MemorySeries> memory_;
  std::vector<std::vector<std::pair<std::string, std::string>>> devices_;
  double span_ps_ = 1;

  // The operator table as shown: rows of ops_ passing the filters, in the sort order.
  std::vector<std::uint32_t> shown_;
  std::string filtered_for_;
  int kind_filter_ = -1;  // a SliceKind, or -1: every kind
  int shown_kind_ = -2;
  bool filter_valid_ = true;
  int sort_column_ = 4;  // Total
  bool sort_descending_ = true;
  bool sorted_ = false;          // false: filter and sort again (a new profile, a new sort order)
  float first_row_[2] = {0, 0};  // the first row's centre, as last drawn (state(): tests click it)
};

}  // namespace el::ui
