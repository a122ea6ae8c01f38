// [SECTION] derived numbers
// [SECTION] operators: filters, table, CSV
// [SECTION] overview: GPU busy, steps, devices
// [SECTION] memory
// [SECTION] state
#include "ui/profile_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

#include "profile/trace_summary.h"
#include "store/json_writer.h"
#include "ui/format.h"
#include "ui/search_regex.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

enum Column : int { kName, kKind, kCategory, kCount, kTotal, kSelf, kMean, kMin, kMax, kShare, kColumns };

const char* const kColumnNames[kColumns] = {"Name", "Kind", "Category", "Count", "Total",
                                            "Self", "Mean", "Min",      "Max",   "% of span"};
const char* const kColumnTips[kColumns] = {
    "The operator, kernel or function (click a row to find its slices on the timeline)",
    "What it is: CPU op, kernel, memcpy, memset, runtime (CUDA API), step, other",
    "The category the profiler gave it (cat), if any",
    "How many slices have this name and category",
    "Their durations added up",
    "Total less the time of the slices nested directly inside them",
    "Total / count",
    "The shortest one",
    "The longest one",
    "Total as a share of the profile's span (can pass 100 % when they overlap)",
};

constexpr profile::SliceKind kKinds[] = {profile::SliceKind::kCpuOp,   profile::SliceKind::kKernel,
                                         profile::SliceKind::kMemcpy,  profile::SliceKind::kMemset,
                                         profile::SliceKind::kRuntime, profile::SliceKind::kStep,
                                         profile::SliceKind::kOther};

// The step breakdown's parts: label, colour, what they mean.
struct Part {
  const char* label;
  ImU32 colour;
  const char* tip;
};
const Part kParts[] = {
    {"Kernel", IM_COL32(96, 186, 110, 255), "a GPU kernel was running"},
    {"Memcpy", IM_COL32(80, 150, 230, 255), "no kernel; a device copy or memset was"},
    {"Runtime", IM_COL32(235, 160, 60, 255), "no GPU work; a CUDA runtime call was"},
    {"CPU", IM_COL32(170, 120, 220, 255), "no GPU work or runtime call; a CPU op was"},
    {"Other", IM_COL32(130, 130, 130, 255), "nothing the profile recorded (waiting, Python, data loading)"},
};

}  // namespace

// [SECTION] derived numbers ------------------------------------------------------------------------
void ProfileTables::derive(const LoadedProfile& p) {
  if (generation_ == p.generation) return;
  generation_ = p.generation;
  kinds_ = profile::slice_kinds(p.trace);
  ops_ = profile::op_table(p.trace, *p.timeline);
  steps_ = profile::step_times(p.trace, kinds_);
  busy_ = profile::device_busy(p.trace, kinds_);
  devices_ = profile::device_properties(p.trace);
  span_ps_ = std::max(1.0, static_cast<double>(p.timeline->end_ps() - p.timeline->begin_ps()));
  sorted_ = false;
}

// Apart from the tables: the dashboard asks every frame whether there is a
// Memory tab, and the timeline alone must not cost building the operator table.
void ProfileTables::derive_memory(const LoadedProfile& p) {
  if (memory_generation_ == p.generation) return;
  memory_generation_ = p.generation;
  memory_ = profile::memory_series(p.trace);
}

bool ProfileTables::has_memory(const LoadedProfile& p) {
  derive_memory(p);
  return !memory_.empty();
}

// [SECTION] operators: filters, table, CSV ---------------------------------------------------------
void ProfileTables::refilter(const UiContext& ctx, const LoadedProfile& p) {
  const std::string& pattern = ctx.settings->profile_op_filter;
  if (pattern == filtered_for_ && kind_filter_ == shown_kind_ && sorted_) return;
  filtered_for_ = pattern;
  shown_kind_ = kind_filter_;
  sorted_ = true;
  std::regex re;
  filter_valid_ = compile_search_regex(pattern, re);
  std::vector<std::int8_t> hit(p.trace.string_count(), -1);
  shown_.clear();
  for (std::uint32_t i = 0; i < ops_.size(); ++i) {
    const profile::OpRow& r = ops_[i];
    if (kind_filter_ >= 0 && static_cast<int>(r.kind) != kind_filter_) continue;
    if (!pattern.empty() && filter_valid_) {
      if (hit[r.name] < 0) hit[r.name] = std::regex_search(p.trace.text(r.name), re);
      if (!hit[r.name]) continue;
    }
    shown_.push_back(i);
  }
  auto key = [&](const profile::OpRow& r) -> double {
    switch (sort_column_) {
      case kCount: return static_cast<double>(r.count);
      case kSelf: return static_cast<double>(r.self_ps);
      case kMean: return static_cast<double>(r.total_ps) / static_cast<double>(r.count);
      case kMin: return static_cast<double>(r.min_ps);
      case kMax: return static_cast<double>(r.max_ps);
      default: return static_cast<double>(r.total_ps);
    }
  };
  std::stable_sort(shown_.begin(), shown_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const profile::OpRow &x = ops_[a], &y = ops_[b];
    if (sort_column_ == kName || sort_column_ == kCategory || sort_column_ == kKind) {
      const std::string_view sx = sort_column_ == kName       ? std::string_view(p.trace.text(x.name))
                                  : sort_column_ == kCategory ? std::string_view(p.trace.text(x.category))
                                                              : profile::kind_label(x.kind);
      const std::string_view sy = sort_column_ == kName       ? std::string_view(p.trace.text(y.name))
                                  : sort_column_ == kCategory ? std::string_view(p.trace.text(y.category))
                                                              : profile::kind_label(y.kind);
      if (sx != sy) return sort_descending_ ? sx > sy : sx < sy;
      return a < b;
    }
    const double kx = key(x), ky = key(y);
    if (kx != ky) return sort_descending_ ? kx > ky : kx < ky;
    return a < b;  // the table's own order (by total) breaks ties
  });
}

std::optional<std::string> ProfileTables::draw_ops(const UiContext& ctx, const LoadedProfile& p) {
  derive(p);
  std::optional<std::string> clicked;
  ImGui::SetNextItemWidth(280);
  if (!filter_valid_) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
  input_string("##prfilter", "filter names (regex)", ctx.settings->profile_op_filter);
  if (!filter_valid_) ImGui::PopStyleColor();
  tooltip("Show only the rows whose name matches this regular expression (case-insensitive)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(130);
  const char* kind_text = kind_filter_ < 0
                              ? "every kind"
                              : profile::kind_label(static_cast<profile::SliceKind>(kind_filter_)).data();
  if (ImGui::BeginCombo("##prkind", kind_text)) {
    if (ImGui::Selectable("every kind", kind_filter_ < 0)) kind_filter_ = -1;
    for (const profile::SliceKind k : kKinds)
      if (ImGui::Selectable(profile::kind_label(k).data(), kind_filter_ == static_cast<int>(k)))
        kind_filter_ = static_cast<int>(k);
    ImGui::EndCombo();
  }
  tooltip("Show one kind only: CPU ops, GPU kernels, copies, CUDA runtime calls...");
  refilter(ctx, p);
  ImGui::SameLine();
  if (ImGui::Button("Download CSV") && ctx.downloads)
    ctx.downloads->push_back(
        {"operators.csv", "text/csv", profile::ops_csv(p.trace, ops_, shown_, span_ps_)});
  tooltip("The rows shown, in this order, as CSV (times in microseconds, exact)");
  ImGui::SameLine();
  ImGui::TextDisabled("%s of %s rows", format_count(shown_.size()).c_str(),
                      format_count(ops_.size()).c_str());

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##ops", kColumns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return clicked;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (int c = 0; c < kColumns; ++c) {
    ImGuiTableColumnFlags f = c >= kCount ? ImGuiTableColumnFlags_PreferSortDescending : 0;
    if (c == kTotal) f |= ImGuiTableColumnFlags_DefaultSort;
    ImGui::TableSetupColumn(kColumnNames[c], f,
                            c == kName                      ? 5.0f
                            : c == kCategory || c == kShare ? 1.4f
                                                            : 1.0f,
                            static_cast<ImGuiID>(c));
  }
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < kColumns; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::TableHeader(kColumnNames[c]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kColumnTips[c]);
  }
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort_column_ = static_cast<int>(specs->Specs[0].ColumnUserID);
      sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    sorted_ = false;
    refilter(ctx, p);
  }
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(shown_.size()));
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const profile::OpRow& r = ops_[shown_[static_cast<std::size_t>(i)]];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      const std::string& name = p.trace.text(r.name);
      if (i == 0) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        first_row_[0] = at.x + 40, first_row_[1] = at.y + ImGui::GetTextLineHeight() / 2;
      }
      if (ImGui::Selectable(fit_middle(name, ImGui::GetContentRegionAvail().x).c_str(), false,
                            ImGuiSelectableFlags_SpanAllColumns))
        clicked = name;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nClick: find it on the timeline", name.c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(profile::kind_label(r.kind).data());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.trace.text(r.category).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_count(r.count).c_str());
      for (const double v : {static_cast<double>(r.total_ps), static_cast<double>(r.self_ps),
                             static_cast<double>(r.total_ps) / static_cast<double>(r.count),
                             static_cast<double>(r.min_ps), static_cast<double>(r.max_ps)}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_duration_ps(v).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::Text("%.2f %%", 100.0 * static_cast<double>(r.total_ps) / span_ps_);
    }
  }
  ImGui::EndTable();
  return clicked;
}

// [SECTION] overview: GPU busy, steps, devices -----------------------------------------------------
void ProfileTables::draw_overview(const UiContext& ctx, const LoadedProfile& p) {
  derive(p);
  const profile::Trace& trace = p.trace;
  ImGui::BeginChild("##overview");
  section_heading(ctx.fonts, "Summary");
  ImGui::Text("%s slices on %zu tracks, over %s (first slice start to last slice end)",
              format_count(trace.slices.size()).c_str(), trace.tracks.size(),
              format_duration_ps(span_ps_).c_str());

  section_heading(ctx.fonts, "GPU busy");
  if (busy_.empty()) ImGui::TextDisabled("No GPU kernels in this profile.");
  for (const profile::DeviceBusy& d : busy_) {
    const double share = static_cast<double>(d.busy_ps) / span_ps_;
    ImGui::Text("%-16s", profile::display_name(trace.processes[d.process]).c_str());
    ImGui::SameLine(200);
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%s of %s (%.1f %%), %s kernels",
                  format_duration_ps(static_cast<double>(d.busy_ps)).c_str(),
                  format_duration_ps(span_ps_).c_str(), 100 * share, format_count(d.kernels).c_str());
    ImGui::ProgressBar(static_cast<float>(share),
                       ImVec2(std::min(520.0f, ImGui::GetContentRegionAvail().x), 0), overlay);
    tooltip(
        "The time at least one kernel ran on this device (overlapping kernels count once), over the whole "
        "profile");
  }

  section_heading(ctx.fonts, "Step time");
  if (!steps_.empty()) ImGui::TextDisabled("%zu steps; the mean per step of each part:", steps_.size());
  if (steps_.empty()) {
    ImGui::TextDisabled("No step markers (ProfilerStep#N, or an xplane Steps line) in this profile.");
  } else {
    // A legend, then one stacked bar per step, its length the step's time.
    std::int64_t totals[5] = {0, 0, 0, 0, 0}, longest = 1;
    for (const profile::StepTime& s : steps_) {
      const std::int64_t parts[5] = {s.kernel_ps, s.memcpy_ps, s.runtime_ps, s.cpu_ps, s.other_ps};
      for (int k = 0; k < 5; ++k) totals[k] += parts[k];
      longest = std::max(longest, s.duration_ps);
    }
    const double n = static_cast<double>(steps_.size());
    for (int k = 0; k < 5; ++k) {
      const ImVec2 c = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + 2), ImVec2(c.x + h - 4, c.y + h - 2),
                                                kParts[k].colour);
      ImGui::Dummy(ImVec2(h, h));
      ImGui::SameLine();
      ImGui::Text("%s %s", kParts[k].label, format_duration_ps(static_cast<double>(totals[k]) / n).c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s: the time when %s (mean per step)", kParts[k].label, kParts[k].tip);
      if (k < 4) ImGui::SameLine(0, 18);
    }
    const float bar_w = std::min(900.0f, ImGui::GetContentRegionAvail().x - 150 - 90);  // name, bar, duration
    for (const profile::StepTime& s : steps_) {
      ImGui::TextUnformatted(fit_middle(trace.text(trace.slices[s.slice].name), 140).c_str());
      ImGui::SameLine(150);
      const ImVec2 c = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      const std::int64_t parts[5] = {s.kernel_ps, s.memcpy_ps, s.runtime_ps, s.cpu_ps, s.other_ps};
      float x = c.x;
      for (int k = 0; k < 5; ++k) {
        const float w =
            bar_w * static_cast<float>(static_cast<double>(parts[k]) / static_cast<double>(longest));
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, c.y + 1), ImVec2(x + w, c.y + h - 1),
                                                  kParts[k].colour);
        x += w;
      }
      ImGui::Dummy(ImVec2(bar_w, h));
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s", trace.text(trace.slices[s.slice].name).c_str(),
                    format_duration_ps(static_cast<double>(s.duration_ps)).c_str());
        for (int k = 0; k < 5; ++k)
          ImGui::Text("%-8s %s (%.1f %%)", kParts[k].label,
                      format_duration_ps(static_cast<double>(parts[k])).c_str(),
                      100.0 * static_cast<double>(parts[k]) /
                          static_cast<double>(std::max<std::int64_t>(1, s.duration_ps)));
        ImGui::EndTooltip();
      }
      ImGui::SameLine();
      ImGui::TextDisabled("%s", format_duration_ps(static_cast<double>(s.duration_ps)).c_str());
    }
  }

  if (!devices_.empty()) {
    section_heading(ctx.fonts, "Devices");
    for (std::size_t d = 0; d < devices_.size(); ++d) {
      std::string title = "Device " + std::to_string(d);
      for (const auto& [k, v] : devices_[d])
        if (k == "name") title += ": " + v;
      if (!ImGui::TreeNode(title.c_str())) continue;
      if (ImGui::BeginTable("##props", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& [k, v] : devices_[d]) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(k.c_str());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(v.c_str());
        }
        ImGui::EndTable();
      }
      ImGui::TreePop();
    }
  }
  ImGui::EndChild();
}

// [SECTION] memory ---------------------------------------------------------------------------------
void ProfileTables::draw_memory(const UiContext& ctx, const LoadedProfile& p) {
  derive_memory(p);
  const double span_ps = std::max(1.0, static_cast<double>(p.timeline->end_ps() - p.timeline->begin_ps()));
  ImGui::BeginChild("##memory");
  if (memory_.empty())
    ImGui::TextDisabled("No [memory] events in this profile (profile with profile_memory=True).");
  const double begin = static_cast<double>(p.timeline->begin_ps());
  for (const profile::MemorySeries& m : memory_) {
    section_heading(ctx.fonts, m.device.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("peak %s, %s events", format_bytes(static_cast<std::uint64_t>(m.peak_bytes)).c_str(),
                        format_count(m.ts_ps.size()).c_str());
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float w = std::max(100.0f, ImGui::GetContentRegionAvail().x - 8), h = 150;
    ImGui::InvisibleButton(m.device.c_str(), ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
    const double top = std::max<double>(1, static_cast<double>(m.peak_bytes));
    auto y_of = [&](double bytes) { return o.y + h - 4 - static_cast<float>(bytes / top) * (h - 20); };
    // Per pixel column: the area under the value at its end, and a stroke over
    // every value inside it (joined to the column before), so spikes narrower
    // than a pixel still show.
    const ImU32 stroke = IM_COL32(110, 200, 140, 255), fill = IM_COL32(110, 200, 140, 60);
    const float base_y = y_of(0);
    std::size_t k = 0;
    double now = 0;
    bool started = false;
    for (float x = 0; x < w; x += 1) {
      const double t_end = begin + (x + 1) / w * span_ps;
      double lo = now, hi = now;
      const double before = now;
      while (k < m.ts_ps.size() && static_cast<double>(m.ts_ps[k]) < t_end) {
        now = static_cast<double>(m.bytes[k++]);
        if (!started) lo = hi = now, started = true;
        lo = std::min(lo, now), hi = std::max(hi, now);
      }
      if (!started) continue;
      lo = std::min(lo, before), hi = std::max(hi, before);
      dl->AddRectFilled(ImVec2(o.x + x, y_of(now)), ImVec2(o.x + x + 1, base_y), fill);
      dl->AddRectFilled(ImVec2(o.x + x, y_of(hi) - 1), ImVec2(o.x + x + 1, y_of(lo) + 1), stroke);
    }
    dl->AddText(ImVec2(o.x + 4, o.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                ("peak " + format_bytes(static_cast<std::uint64_t>(m.peak_bytes))).c_str());
    if (ImGui::IsItemHovered()) {
      const double t = begin + (ImGui::GetIO().MousePos.x - o.x) / w * span_ps;
      const auto it = std::upper_bound(m.ts_ps.begin(), m.ts_ps.end(), static_cast<std::int64_t>(t));
      if (it != m.ts_ps.begin()) {
        const std::size_t i = static_cast<std::size_t>(it - m.ts_ps.begin()) - 1;
        ImGui::SetTooltip(
            "%s allocated at %s",
            format_bytes(static_cast<std::uint64_t>(std::max<std::int64_t>(0, m.bytes[i]))).c_str(),
            format_duration_ps(static_cast<double>(m.ts_ps[i]) - begin).c_str());
      }
    }
  }
  ImGui::EndChild();
}

// [SECTION] state ----------------------------------------------------------------------------------
void ProfileTables::write_state(store::JsonWriter& j, const LoadedProfile* p) const {
  if (!p) return;
  if (memory_generation_ == p->generation) {
    j.key("memory").begin_array();
    for (const profile::MemorySeries& m : memory_)
      j.begin_object().key("device").value(m.device).key("peak_bytes").value(m.peak_bytes).end_object();
    j.end_array();
  }
  if (generation_ != p->generation) return;  // no table view shown yet
  j.key("ops").begin_object().key("rows").value(static_cast<std::uint64_t>(ops_.size()));
  j.key("shown").value(static_cast<std::uint64_t>(shown_.size()));
  j.key("sortColumn").value(kColumnNames[sort_column_]).key("descending").value(sort_descending_);
  j.key("firstRow")
      .begin_array()
      .value(static_cast<double>(first_row_[0]))
      .value(static_cast<double>(first_row_[1]))
      .end_array();
  j.key("top").begin_array();
  for (std::size_t i = 0; i < shown_.size() && i < 20; ++i) {
    const profile::OpRow& r = ops_[shown_[i]];
    j.begin_object()
        .key("name")
        .value(p->trace.text(r.name))
        .key("category")
        .value(p->trace.text(r.category));
    j.key("kind").value(profile::kind_label(r.kind)).key("count").value(r.count);
    j.key("total_ps").value(r.total_ps).key("self_ps").value(r.self_ps);
    j.key("min_ps").value(r.min_ps).key("max_ps").value(r.max_ps).end_object();
  }
  j.end_array().end_object();
  j.key("steps").value(static_cast<std::uint64_t>(steps_.size()));
  j.key("gpuBusy").begin_object();
  for (const profile::DeviceBusy& d : busy_)
    j.key(profile::display_name(p->trace.processes[d.process])).value(d.busy_ps);
  j.end_object().key("devices").value(static_cast<std::uint64_t>(devices_.size()));
}

}  // namespace el::ui
