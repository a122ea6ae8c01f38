// The lines of a scalar chart showing several tags at once (a scalar card with
// tags overlaid, a custom scalars multiline chart): one line per (tag, shown
// run) holding scalars, tags in the given order. With one tag a line is
// labelled and coloured by its run; with several, by "run: tag".
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ui/line_chart.h"
#include "ui/ui_context.h"

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
  std::vector<Source> sources;  // per line
  // Changes when a line's data or a setting the fitted range depends on changes.
  std::uint64_t key = 0;
};

void collect_scalar_lines(const UiContext& ctx, std::span<const std::string> tags, ScalarLines& out);

// The options every scalar chart takes from the settings.
ChartOptions chart_options(const UiContext& ctx);
// A hash of the settings that change a chart's fitted range, to mix into data keys.
std::uint64_t chart_settings_key(const Settings& s);

}  // namespace el::ui
