// The dashboard table (ui/dashboards.cpp) against what the rest of the app
// relies on: unique names, the tab order TensorBoard users know, every kind
// of data reachable from a tab, and every key of the link owned by someone.
#include "ui/dashboards.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "ui/main_window.h"
#include "ui/settings.h"

namespace el::ui {
namespace {

TEST(Dashboards, TabsAreTheKnownOnesInOrderWithUniqueNames) {
  const auto dashboards = make_dashboards();
  std::vector<std::string> names;
  for (const auto& d : dashboards) names.push_back(d->info().name);
  EXPECT_EQ(names, (std::vector<std::string>{"scalars", "histograms", "distributions", "images", "audio",
                                             "text", "graphs", "hparams", "pr_curves", "custom_scalars",
                                             "projector", "mesh", "profile", "tensors"}));
  for (const auto& d : dashboards) {
    EXPECT_GT(std::string_view(d->info().title).size(), 0u) << d->info().name;
    // A newcomer's tooltip: a sentence, not a word.
    EXPECT_GT(std::string_view(d->info().help).size(), 20u) << d->info().name;
  }
}

TEST(Dashboards, EveryKindOfDataHasATab) {
  std::set<events::Kind> shown;
  for (const auto& d : make_dashboards()) shown.insert(d->info().kind);
  for (int k = 0; k < events::kKindCount; ++k)
    EXPECT_TRUE(shown.count(static_cast<events::Kind>(k))) << events::kind_name(static_cast<events::Kind>(k));
}

// Every key the settings' text form can hold belongs to the main window or to
// a dashboard, so a new setting cannot be added without saying whose it is.
TEST(Dashboards, EveryLinkKeyHasAnOwner) {
  Settings s;  // every value away from its default, so every key is written
  s.smoothing = 0.2;
  s.x_axis = XAxis::kWallTime;
  s.y_scale = aggregate::AxisScale::Kind::kSymlog;
  s.x_scale = aggregate::AxisScale::Kind::kLog;
  s.x_tag = "epoch";
  s.symlog_width = 0.5;
  s.ignore_outliers = false;
  s.all_points = true;
  s.tooltip_sort = TooltipSort::kName;
  s.dark = false;
  s.live_reload = false;
  s.dashboard = "graphs";
  s.histogram_bins = 50;
  s.histogram_mode = HistogramMode::kOverlay;
  s.image_brightness = 1.5;
  s.image_contrast = 2;
  s.image_actual_size = true;
  s.text_raw = true;
  s.step = 7;
  s.image_cache_mb = 512;
  s.graph_run = "train";
  s.graph_tag = "g";
  s.graph_function = "f";
  s.graph_color_device = true;
  s.run_filter = "a";
  s.tag_filter = "b";
  s.hidden_runs = {"eval"};
  s.run_colors = {{"train", 0x123456}};
  s.hparams_plot = HparamsPlot::kScatter;
  s.card_overlays = {{"loss", {"acc"}}};
  s.group_regex = "(.*)/seed";
  s.group_line = GroupLine::kMedian;
  s.group_band = GroupBand::kMinMax;
  s.group_members = true;
  s.group_smooth_first = false;
  s.link_steps = true;
  s.pins = {"scalars\tloss"};
  s.run_columns = {"h:lr"};
  s.run_sort = "h:lr";
  std::set<std::string> owned;
  for (std::string_view k : MainWindow::link_keys()) owned.insert(std::string(k));
  for (const auto& d : make_dashboards())
    for (std::string_view k : d->link_keys()) owned.insert(std::string(k));
  const std::string text = encode_settings(s);
  std::size_t keys = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t amp = std::min(text.find('&', at), text.size());
    const std::string pair = text.substr(at, amp - at);
    const std::string key = pair.substr(0, pair.find('='));
    EXPECT_TRUE(owned.count(key)) << "no dashboard owns the link key '" << key << "'";
    ++keys;
    at = amp + 1;
  }
  EXPECT_EQ(keys, 39u);  // the keys Settings has (settings.h), each written once
}

}  // namespace
}  // namespace el::ui
