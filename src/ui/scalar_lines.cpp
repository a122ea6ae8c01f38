#include "ui/scalar_lines.h"

#include "ui/palette.h"

namespace el::ui {

namespace {

// XAxis::kTag: every line becomes its pairs with the x tag of its run (a
// group's line, with the group's mean of the x tag); a run without the x tag
// draws nothing.
template <typename Mix>
void pair_with_x_tag(const UiContext& ctx, std::span<const std::string> tags, ScalarLines& out, Mix& mix) {
  static const PreparedSeries kNothing;
  const Settings& s = *ctx.settings;
  out.x_missing = 0;
  out.x_sorted = false;
  mix(std::hash<std::string>{}(s.x_tag));
  auto x_of_run = [&](const store::Run* run) -> const PreparedSeries* {
    if (!run) return nullptr;
    auto it = run->tags.find(s.x_tag);
    if (it == run->tags.end() || it->second.kind != events::Kind::kScalars) return nullptr;
    mix(reinterpret_cast<std::uintptr_t>(&it->second));
    mix(it->second.version);
    return &ctx.cache->get(it->second, s.all_points, s.smoothing, ctx.now);
  };
  const std::vector<std::uint32_t>* paired_counts = nullptr;  // of the last line paired
  auto paired = [&](const PreparedSeries* y, const PreparedSeries& x,
                    const std::vector<std::uint32_t>* counts = nullptr) -> const PreparedSeries* {
    paired_counts = nullptr;
    if (!y) return nullptr;
    const XTagSeriesCache::Entry& e = ctx.x_tag_series->get(*y, x, counts);
    out.x_sorted |= e.sorted;
    paired_counts = counts ? &e.counts : nullptr;
    return &e.paired;
  };
  std::vector<bool> is_group(out.lines.size(), false);
  for (const ScalarLines::GroupLineRef& g : out.groups) is_group[g.line] = true;
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    ChartLine& line = out.lines[i];
    const PreparedSeries* x = nullptr;
    if (!is_group[i]) {
      x = x_of_run(out.sources[i].run);
    } else {
      // The group's x: its members' mean of the x tag at each step.
      const ScalarLines::GroupLineRef* ref = nullptr;
      for (const ScalarLines::GroupLineRef& g : out.groups)
        if (g.line == i) ref = &g;
      const RunGrouping::Group& group = ctx.grouping->groups()[static_cast<std::size_t>(ref->group)];
      std::vector<const PreparedSeries*> members;
      for (const std::string& name : group.runs) {
        auto r = ctx.store->runs().find(name);
        if (!ctx.run_shown(name) || r == ctx.store->runs().end()) continue;
        if (const PreparedSeries* m = x_of_run(&r->second)) members.push_back(m);
      }
      if (!members.empty()) {
        Settings mean = s;
        mean.group_line = GroupLine::kMean;
        mean.group_band = GroupBand::kNone;
        x = &ctx.group_series->get(group.name + '\n' + s.x_tag + "\nx", members, mean, ctx.now).centre;
      }
    }
    if (!x) {
      ++out.x_missing;
      line.data = &kNothing;
      line.lower = line.upper = nullptr;
      continue;
    }
    line.data = paired(line.data, *x, line.counts);  // a group's n follows its points into x order
    line.counts = line.counts ? paired_counts : nullptr;
    line.lower = paired(line.lower, *x);
    line.upper = paired(line.upper, *x);
  }
  (void)tags;
}

}  // namespace

void collect_scalar_lines(const UiContext& ctx, std::span<const std::string> tags, ScalarLines& out,
                          bool grouped) {
  const Settings& s = *ctx.settings;
  out.labels.clear();
  out.shown.clear();
  out.lines.clear();
  out.sources.clear();
  out.groups.clear();
  const RunGrouping* grouping =
      grouped && ctx.grouping && ctx.grouping->active() && ctx.group_series ? ctx.grouping : nullptr;
  struct Pending {
    std::uint32_t rgb;
    bool faint = false;
    int group = -1;
  };
  std::vector<Pending> pending;
  std::uint64_t key = 1469598103934665603ull;  // FNV-1a over what the lines show
  auto mix = [&](std::uint64_t v) { key = (key ^ v) * 1099511628211ull; };
  auto scalars = [&](const store::Run& run, const std::string& tag) -> const store::Series* {
    auto it = run.tags.find(tag);
    return it == run.tags.end() || it->second.kind != events::Kind::kScalars ? nullptr : &it->second;
  };
  auto add = [&](const std::string& name, std::string shown, const std::string& tag, std::uint32_t t,
                 const store::Run* run, const store::Series* series, Pending p) {
    std::string label = name;
    if (tags.size() > 1) label.append(": ").append(tag), shown.append(": ").append(tag);
    out.labels.push_back(std::move(label));
    out.shown.push_back(std::move(shown));
    out.sources.push_back({run, t, series});
    pending.push_back(p);
    mix(reinterpret_cast<std::uintptr_t>(series));
    mix(series->version);
  };
  std::vector<const PreparedSeries*> members;
  std::vector<std::pair<const store::Run*, const store::Series*>> member_series;
  for (std::uint32_t t = 0; t < tags.size(); ++t) {
    const std::string& tag = tags[t];
    if (grouping) {
      for (std::size_t g = 0; g < grouping->groups().size(); ++g) {
        const RunGrouping::Group& group = grouping->groups()[g];
        member_series.clear();
        for (const std::string& name : group.runs) {
          if (!ctx.run_shown(name)) continue;
          auto r = ctx.store->runs().find(name);
          if (r == ctx.store->runs().end()) continue;
          if (const store::Series* series = scalars(r->second, tag))
            member_series.emplace_back(&r->second, series);
        }
        if (member_series.empty()) continue;
        if (s.group_members)
          for (const auto& [run, series] : member_series)
            add(run->name, ctx.run_label(run->name), tag, t, run, series,
                {family_color(ctx.run_rgb(run->name), static_cast<int>(t)), true});
        // The group's own line, after its members so it draws over them.
        add(group.name, group.name, tag, t, member_series.front().first, member_series.front().second,
            {family_color(group.rgb, static_cast<int>(t)), false, static_cast<int>(g)});
      }
    }
    for (const auto& [name, run] : ctx.store->runs()) {
      if (!ctx.run_shown(name) || (grouping && grouping->group_of(name) >= 0)) continue;
      if (const store::Series* series = scalars(run, tag))
        // The run's colour on every dashboard; a chart's further tags in lighter and darker shades of it.
        add(name, ctx.run_label(name), tag, t, &run, series,
            {family_color(ctx.run_rgb(name), static_cast<int>(t))});
    }
  }
  // Pointers into `labels` are taken once it no longer grows.
  for (std::size_t i = 0; i < out.sources.size(); ++i) {
    const Pending& p = pending[i];
    if (p.group < 0) {
      ChartLine line{&ctx.cache->get(*out.sources[i].series, s.all_points, s.smoothing, ctx.now),
                     p.rgb,
                     &out.labels[i],
                     nullptr,
                     nullptr,
                     &out.shown[i]};
      line.faint = p.faint;
      out.lines.push_back(line);
      continue;
    }
    // A group: its shown members holding the tag, prepared as their own lines are.
    const RunGrouping::Group& group = grouping->groups()[static_cast<std::size_t>(p.group)];
    const std::string& tag = tags[out.sources[i].tag];
    members.clear();
    for (const std::string& name : group.runs) {
      if (!ctx.run_shown(name)) continue;
      auto r = ctx.store->runs().find(name);
      if (r == ctx.store->runs().end()) continue;
      if (const store::Series* series = scalars(r->second, tag)) {
        members.push_back(&ctx.cache->get(*series, s.all_points, s.smoothing, ctx.now));
        mix(reinterpret_cast<std::uintptr_t>(series));
        mix(series->version);
      }
    }
    const GroupSeries& gs = ctx.group_series->get(group.name + '\n' + tag, members, s, ctx.now);
    ChartLine line{&gs.centre, p.rgb, &out.labels[i], nullptr, nullptr, &out.shown[i]};
    if (s.group_band != GroupBand::kNone) line.lower = &gs.lower, line.upper = &gs.upper;
    line.counts = &gs.counts;
    out.groups.push_back({out.lines.size(), p.group, out.sources[i].tag, &gs});
    out.lines.push_back(line);
  }
  if (s.x_axis == XAxis::kTag && !s.x_tag.empty() && ctx.x_tag_series) pair_with_x_tag(ctx, tags, out, mix);
  mix(chart_settings_key(s));
  if (grouping) {
    mix(grouping->key());
    mix(static_cast<std::uint64_t>(s.group_line) | (static_cast<std::uint64_t>(s.group_band) << 4) |
        (static_cast<std::uint64_t>(s.group_members) << 8) |
        (static_cast<std::uint64_t>(s.group_smooth_first) << 9));
  }
  out.key = key;
}

ChartOptions chart_options(const UiContext& ctx) {
  const Settings& s = *ctx.settings;
  ChartOptions o;
  o.x_axis = s.x_axis;
  if (s.x_axis == XAxis::kTag && (s.x_tag.empty() || !ctx.x_tag_series)) o.x_axis = XAxis::kStep;
  // Time axes stay linear; step and tag axes take the chosen scale.
  if (o.x_axis == XAxis::kStep || o.x_axis == XAxis::kTag) o.x_scale = {s.x_scale, s.symlog_width};
  o.y_scale = {s.y_scale, s.symlog_width};
  o.x_tag = &s.x_tag;
  o.ignore_outliers = s.ignore_outliers;
  o.smoothing_on = s.smoothing > 0;
  o.sort = s.tooltip_sort;
  o.fonts = ctx.fonts;
  o.now = ctx.now;
  o.geometry = ctx.geometry;
  return o;
}

std::uint64_t chart_settings_key(const Settings& s) {
  return (static_cast<std::uint64_t>(s.x_axis) | (static_cast<std::uint64_t>(s.y_scale) << 4) |
          (s.ignore_outliers << 7) | (s.all_points << 8) | (static_cast<std::uint64_t>(s.x_scale) << 9)) ^
         (std::hash<double>{}(s.symlog_width) << 12);
}

}  // namespace el::ui
