// ui/settings: the text form of the settings (the link, localStorage) round
// trips, and bad values leave the rest alone.
#include "ui/settings.h"

#include <gtest/gtest.h>

#include <vector>

namespace el::ui {
namespace {

TEST(Settings, RoundTripThroughText) {
  Settings s;
  s.smoothing = 0.85;
  s.x_axis = XAxis::kRelative;
  s.y_scale = aggregate::AxisScale::Kind::kLog;
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
  s.link_steps = true;  // a shared step is in the link only when steps are linked
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
  EXPECT_EQ(back.y_scale, aggregate::AxisScale::Kind::kLog);
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

TEST(Settings, TheProjectorsViewRoundTrips) {
  Settings s;
  s.projector_embedding = "runs/a\tword:0\t-1";
  s.projector_components[0] = 3;
  s.projector_components[1] = 0;
  s.projector_components[2] = 9;
  s.projector_3d = false;
  s.projector_sphereize = 0;
  s.projector_colour = "class & kind";
  s.projector_label = "word";
  s.projector_search = "^a.*b$";
  s.projector_search_regex = true;
  s.projector_neighbours = 250;
  s.projector_euclidean = true;
  s.projector_method = 2;
  s.projector_tsne_dims = 2;
  s.projector_perplexity = 30;
  s.projector_learning_rate = 500;
  s.projector_seed = 7;
  s.projector_iterations = 0;
  s.projector_exaggeration = 100;
  s.projector_custom[0] = "man";
  s.projector_custom[1] = "woman";
  s.projector_custom[3] = "big, bigger";
  s.projector_custom_regex = true;
  Settings back;
  decode_settings(encode_settings(s), back);
  EXPECT_EQ(back.projector_embedding, s.projector_embedding);
  EXPECT_EQ((std::vector<int>(back.projector_components, back.projector_components + 3)),
            (std::vector<int>{3, 0, 9}));
  EXPECT_FALSE(back.projector_3d);
  EXPECT_EQ(back.projector_sphereize, 0);
  EXPECT_EQ(back.projector_colour, "class & kind");
  EXPECT_EQ(back.projector_label, "word");
  EXPECT_EQ(back.projector_search, "^a.*b$");
  EXPECT_TRUE(back.projector_search_regex);
  EXPECT_EQ(back.projector_neighbours, 250);
  EXPECT_TRUE(back.projector_euclidean);
  EXPECT_EQ(back.projector_method, 2);
  EXPECT_EQ(back.projector_tsne_dims, 2);
  EXPECT_EQ(back.projector_perplexity, 30);
  EXPECT_EQ(back.projector_learning_rate, 500);
  EXPECT_EQ(back.projector_seed, 7);
  EXPECT_EQ(back.projector_iterations, 0);
  EXPECT_EQ(back.projector_exaggeration, 100);
  EXPECT_EQ(back.projector_custom[0], "man");
  EXPECT_EQ(back.projector_custom[1], "woman");
  EXPECT_EQ(back.projector_custom[2], "");
  EXPECT_EQ(back.projector_custom[3], "big, bigger");
  EXPECT_TRUE(back.projector_custom_regex);
  // UMAP's own settings.
  Settings umap;
  umap.projector_method = 3;
  umap.projector_umap_neighbours = 30;
  umap.projector_umap_min_dist = 0.5;
  umap.projector_umap_epochs = 120;
  const std::string umap_link = encode_settings(umap);
  EXPECT_NE(umap_link.find("&pproj=umap"), std::string::npos) << umap_link;
  EXPECT_NE(umap_link.find("&pnn=30&pmd=0.5&pep=120"), std::string::npos) << umap_link;
  Settings umap_back;
  decode_settings(umap_link, umap_back);
  EXPECT_EQ(umap_back.projector_method, 3);
  EXPECT_EQ(umap_back.projector_umap_neighbours, 30);
  EXPECT_EQ(umap_back.projector_umap_min_dist, 0.5);
  EXPECT_EQ(umap_back.projector_umap_epochs, 120);
  // Defaults write nothing; out-of-range values are ignored.
  const std::string defaults = encode_settings(Settings{});
  for (const char* k :
       {"pemb",  "ppc",   "pdim",  "psphere", "pcolor", "plabel", "psearch", "pregex", "pk",
        "pdist", "pproj", "pxl",   "pxr",     "pyd",    "pyu",    "pcregex", "ptdim",  "pperp",
        "plr",   "pseed", "piter", "pnn",     "pmd",    "pep",    "pexag"})
    EXPECT_EQ(defaults.find(std::string("&") + k + "="), std::string::npos) << k;
  Settings bad;
  decode_settings("ppc=1,2&pk=0&pk=5000&pdim=4&psphere=2&pnn=1&pmd=-1&pep=-3&pproj=lle", bad);
  EXPECT_EQ(bad.projector_umap_neighbours, 15);
  EXPECT_EQ(bad.projector_umap_min_dist, 0.1);
  EXPECT_EQ(bad.projector_umap_epochs, 0);
  EXPECT_EQ(bad.projector_method, 0);
  EXPECT_EQ((std::vector<int>(bad.projector_components, bad.projector_components + 3)),
            (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(bad.projector_neighbours, 10);
  EXPECT_TRUE(bad.projector_3d);
  EXPECT_EQ(bad.projector_sphereize, -1);
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
  EXPECT_EQ(s.y_scale, aggregate::AxisScale::Kind::kLog);
  EXPECT_TRUE(s.live_reload);
  EXPECT_EQ(s.reload_seconds, 5);
  EXPECT_TRUE(s.run_colors.empty());
}

TEST(Settings, TheLocalFormKeepsThisBrowsersPreferencesOutOfTheLink) {
  Settings s;
  s.sidebar_width = 412.4f;
  s.run_color_memory = {{"a/b:c", 3}, {"train", 0}};
  const std::string local = encode_local_settings(s);
  EXPECT_EQ(local, "sidebar=412&cmem=a%2Fb%3Ac:3,train:0");
  EXPECT_EQ(encode_settings(s).find("sidebar"), std::string::npos);
  EXPECT_EQ(encode_settings(s).find("cmem"), std::string::npos);
  Settings back;
  decode_settings(local, back);
  EXPECT_EQ(back.sidebar_width, 412.0f);
  EXPECT_EQ(back.run_color_memory, s.run_color_memory);
  decode_settings("sidebar=-5&cmem=x:-1,y:two,z:4", back);
  EXPECT_EQ(back.sidebar_width, 412.0f);
  EXPECT_EQ(back.run_color_memory, (std::map<std::string, int>{{"z", 4}}));
  EXPECT_EQ(encode_local_settings(Settings{}), "");
}

}  // namespace
}  // namespace el::ui

namespace el::ui {
namespace {

TEST(Settings, RunGroupsPinsAndLinkedStepsRoundTrip) {
  Settings s;
  s.group_regex = "(.*)/seed_\\d+&x";
  s.group_line = GroupLine::kMedian;
  s.group_band = GroupBand::kSem;
  s.group_members = true;
  s.group_smooth_first = false;
  s.link_steps = true;
  s.step = 40;
  s.pins = {"scalars\tloss,val", "images\tinput\ntrain\n0"};
  s.run_columns = {"h:lr", "m:val/loss,1"};
  s.run_sort = "m:val/loss,1";
  s.run_sort_descending = true;
  Settings back;
  decode_settings(encode_settings(s), back);
  EXPECT_EQ(back.group_regex, s.group_regex);
  EXPECT_EQ(back.group_line, GroupLine::kMedian);
  EXPECT_EQ(back.group_band, GroupBand::kSem);
  EXPECT_TRUE(back.group_members);
  EXPECT_FALSE(back.group_smooth_first);
  EXPECT_TRUE(back.link_steps);
  EXPECT_EQ(back.step, 40);
  EXPECT_EQ(back.pins, s.pins);
  EXPECT_EQ(back.run_columns, s.run_columns);
  EXPECT_EQ(back.run_sort, s.run_sort);
  EXPECT_TRUE(back.run_sort_descending);
  // Grouping by an hparam instead.
  s.group_regex.clear();
  s.group_hparam = "lr";
  Settings hp;
  decode_settings(encode_settings(s), hp);
  EXPECT_EQ(hp.group_hparam, "lr");
  EXPECT_TRUE(hp.group_regex.empty());
  // Unlinked steps keep no shared step in the link; an old link naming a step links them.
  s.link_steps = false;
  EXPECT_EQ(encode_settings(s).find("step="), std::string::npos);
  Settings old;
  decode_settings("step=12", old);
  EXPECT_TRUE(old.link_steps);
  EXPECT_EQ(old.step, 12);
  // A pin without a kind is ignored, and so is a repeated one.
  Settings bad;
  decode_settings("pins=loss,scalars%09a,scalars%09a", bad);
  EXPECT_EQ(bad.pins, (std::vector<std::string>{"scalars\ta"}));
}

}  // namespace
}  // namespace el::ui
