// ui/settings: the text form of the settings (the link, localStorage) round
// trips, and bad values leave the rest alone.
#include "ui/settings.h"

#include <gtest/gtest.h>

namespace el::ui {
namespace {

TEST(Settings, RoundTripThroughText) {
  Settings s;
  s.smoothing = 0.85;
  s.x_axis = XAxis::kRelative;
  s.log_y = true;
  s.ignore_outliers = false;
  s.all_points = true;
  s.tooltip_sort = TooltipSort::kName;
  s.dark = false;
  s.run_filter = "lr=0\\.(1|01)";
  s.tag_filter = "loss & acc, 100%";
  s.hidden_runs = {"eval", "sweep/lr=0.1", "a,b"};
  s.run_colors = {{"train", 0x12ab34}, {"x:y", 0xffffff}};
  s.live_reload = false;
  s.dashboard = "histograms";
  s.histogram_bins = 75;
  s.histogram_mode = HistogramMode::kOverlay;
  s.image_brightness = 1.25;
  s.image_contrast = 0.5;
  s.image_actual_size = true;
  s.image_cache_mb = 1024;
  s.step = 123456789012;
  s.text_raw = true;
  s.hparams_plot = HparamsPlot::kScatter;
  s.card_overlays = {{"loss", {"val/loss", "a:b,c"}}, {"acc", {"acc_top5"}}};
  const std::string text = encode_settings(s);
  EXPECT_EQ(text.find(' '), std::string::npos) << text;
  Settings back;
  decode_settings(text, back);
  EXPECT_EQ(back.smoothing, 0.85);
  EXPECT_EQ(back.x_axis, XAxis::kRelative);
  EXPECT_TRUE(back.log_y);
  EXPECT_FALSE(back.ignore_outliers);
  EXPECT_TRUE(back.all_points);
  EXPECT_EQ(back.tooltip_sort, TooltipSort::kName);
  EXPECT_FALSE(back.dark);
  EXPECT_EQ(back.run_filter, s.run_filter);
  EXPECT_EQ(back.tag_filter, s.tag_filter);
  EXPECT_EQ(back.hidden_runs, s.hidden_runs);
  EXPECT_EQ(back.run_colors, s.run_colors);
  EXPECT_FALSE(back.live_reload);
  EXPECT_EQ(back.dashboard, "histograms");
  EXPECT_EQ(back.histogram_bins, 75);
  EXPECT_EQ(back.histogram_mode, HistogramMode::kOverlay);
  EXPECT_EQ(back.image_brightness, 1.25);
  EXPECT_EQ(back.image_contrast, 0.5);
  EXPECT_TRUE(back.image_actual_size);
  EXPECT_EQ(back.image_cache_mb, 1024);
  EXPECT_EQ(back.step, 123456789012);
  EXPECT_TRUE(back.text_raw);
  EXPECT_EQ(back.card_overlays, s.card_overlays);
  EXPECT_EQ(back.hparams_plot, HparamsPlot::kScatter);
}

TEST(Settings, BadValuesAreIgnored) {
  Settings s;
  decode_settings(
      "#smoothing=7&x=sideways&y=log&live=0&unknown=1&colors=run:zzzzzz&bins=5&hist=3d&bright=3&contrast=-1&"
      "actual=yes&imgmem=9&step=-4&raw=yes",
      s);
  EXPECT_EQ(s.step, -1);
  EXPECT_FALSE(s.text_raw);
  EXPECT_EQ(s.image_cache_mb, 256);
  EXPECT_EQ(s.image_brightness, 1.0);
  EXPECT_EQ(s.image_contrast, 1.0);
  EXPECT_FALSE(s.image_actual_size);
  EXPECT_EQ(s.histogram_bins, 30);
  EXPECT_EQ(s.histogram_mode, HistogramMode::kOffset);
  EXPECT_EQ(s.smoothing, 0.6);
  EXPECT_EQ(s.x_axis, XAxis::kStep);
  EXPECT_TRUE(s.log_y);
  EXPECT_TRUE(s.live_reload);
  EXPECT_EQ(s.reload_seconds, 5);
  EXPECT_TRUE(s.run_colors.empty());
}

}  // namespace
}  // namespace el::ui
