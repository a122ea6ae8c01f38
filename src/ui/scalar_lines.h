// The lines of a scalar chart showing several tags at once (a scalar card with
// tags overlaid, a custom scalars multiline chart): one line per (tag, shown
// run) holding scalars, tags in the given order. With one tag a line is
// labelled and coloured by its run; with several, by "run: tag".
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ui/group_series.h"
#include "ui/line_chart.h"
#include "ui/ui_context.h"
#include "ui/x_tag_series.h"

namespace el::ui {

struct ScalarLines {
  std::vector<std::string> labels;  // full names (state(), downloads); the lines point at these
  std::vector<std::string> shown;   // as displayed: the runs' shared prefix dropped
  std::vector<ChartLine> lines;
  struct Source {
    const store::Run* run;
    std::uint32_t tag;  // index into the tags asked for
    const store::Series* series;
  };
  std::vector<Source> sources;  // per line (a group's line: its first member's run and series)
  // The lines that are run groups' aggregates (run groups in use).
  struct GroupLineRef {
    std::size_t line;  // index into lines
    int group;         // index into the RunGrouping's groups
    std::uint32_t tag;
    const GroupSeries* series;
  };
  std::vector<GroupLineRef> groups;
  // XAxis::kTag: lines whose run lacks the x tag (drawn empty), and whether some line's x had to be sorted.
  std::size_t x_missing = 0;
  bool x_sorted = false;
  // Changes when a line's data or a setting the fitted range depends on changes.
  std::uint64_t key = 0;
};

// With run groups in use and `grouped`, each group holding a tag is one
// line (its aggregate, banded; its members faintly behind it when asked), and
// the runs in no group are lines of their own.
void collect_scalar_lines(const UiContext& ctx, std::span<const std::string> tags, ScalarLines& out,
                          bool grouped = true);

// The options every scalar chart takes from the settings.
ChartOptions chart_options(const UiContext& ctx);
// A hash of the settings that change a chart's fitted range, to mix into data keys.
std::uint64_t chart_settings_key(const Settings& s);

}  // namespace el::ui
