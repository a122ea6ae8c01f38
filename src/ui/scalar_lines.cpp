#include "ui/scalar_lines.h"

#include "ui/palette.h"

namespace el::ui {

void collect_scalar_lines(const UiContext& ctx, std::span<const std::string> tags, ScalarLines& out) {
  const Settings& s = *ctx.settings;
  out.labels.clear();
  out.shown.clear();
  out.lines.clear();
  out.sources.clear();
  std::vector<std::uint32_t> colors;
  std::uint64_t key = 1469598103934665603ull;  // FNV-1a over what the lines show
  auto mix = [&](std::uint64_t v) { key = (key ^ v) * 1099511628211ull; };
  for (std::uint32_t t = 0; t < tags.size(); ++t)
    for (const auto& [name, run] : ctx.store->runs()) {
      const std::string& tag = tags[t];
      auto it = run.tags.find(tag);
      if (!ctx.run_shown(name) || it == run.tags.end() || it->second.kind != events::Kind::kScalars) continue;
      std::string label = name, shown = ctx.run_label(name);
      if (tags.size() > 1) label.append(": ").append(tag), shown.append(": ").append(tag);
      // The run's colour on every dashboard; a chart's further tags in lighter and darker shades of it.
      colors.push_back(family_color(ctx.run_rgb(name), static_cast<int>(t)));
      out.labels.push_back(std::move(label));
      out.shown.push_back(std::move(shown));
      out.sources.push_back({&run, t, &it->second});
      mix(reinterpret_cast<std::uintptr_t>(&it->second));
      mix(it->second.version);
    }
  // Pointers into `labels` are taken once it no longer grows.
  for (std::size_t i = 0; i < out.sources.size(); ++i)
    out.lines.push_back({&ctx.cache->get(*out.sources[i].series, s.all_points, s.smoothing, ctx.now),
                         colors[i], &out.labels[i], nullptr, nullptr, &out.shown[i]});
  mix(chart_settings_key(s));
  out.key = key;
}

ChartOptions chart_options(const UiContext& ctx) {
  const Settings& s = *ctx.settings;
  ChartOptions o;
  o.x_axis = s.x_axis;
  o.log_y = s.log_y;
  o.ignore_outliers = s.ignore_outliers;
  o.smoothing_on = s.smoothing > 0;
  o.sort = s.tooltip_sort;
  o.fonts = ctx.fonts;
  o.now = ctx.now;
  return o;
}

std::uint64_t chart_settings_key(const Settings& s) {
  return static_cast<std::uint64_t>(s.x_axis) | (s.log_y << 4) | (s.ignore_outliers << 5) |
         (s.all_points << 6);
}

}  // namespace el::ui
