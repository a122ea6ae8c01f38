// Hparams columns as plot axes, on the corpus's PyTorch sweep (lr 0.001, 0.01
// and 0.1 in three sessions; tb_native has no lr): positions on each scale,
// categories, and the filters brushes stand for.
#include "ui/hparams_axis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "io/loader.h"
#include "support/test_files.h"

namespace el::ui {
namespace {

TEST(HparamsAxis, ScalesPlaceSessionsAndBrushesBecomeFilters) {
  store::Store store;
  ASSERT_TRUE(io::load_paths({testing::corpus_dir() + "/pytorch-small"}, store, nullptr));
  const aggregate::HparamsTable t = aggregate::build_hparams_table(store);
  ASSERT_EQ(t.sessions.size(), 4u);  // lr_0.001/hparams, lr_0.01/..., lr_0.1, tb_native
  ASSERT_EQ(t.hparams[0].name, "lr");
  const HparamsAxis lin = make_axis(t, false, 0, aggregate::MetricAggregate::kLast, AxisScale::kLinear);
  EXPECT_EQ(lin.key, "h:lr");
  EXPECT_EQ(lin.position[0], 0.0);
  EXPECT_DOUBLE_EQ(lin.position[1], (0.01 - 0.001) / (0.1 - 0.001));
  EXPECT_EQ(lin.position[2], 1.0);
  EXPECT_TRUE(std::isnan(lin.position[3]));
  const HparamsAxis log = make_axis(t, false, 0, aggregate::MetricAggregate::kLast, AxisScale::kLog);
  EXPECT_NEAR(log.position[1], 0.5, 1e-12);  // 0.01 is the geometric middle of 0.001 and 0.1
  const HparamsAxis q = make_axis(t, false, 0, aggregate::MetricAggregate::kLast, AxisScale::kQuantile);
  EXPECT_EQ(q.position[1], 0.5);
  // The upper 40% of the linear axis: lr >= 0.001 + 0.6 * 0.099 = 0.0604, rounded down to 3 digits.
  EXPECT_EQ(brush_filter_text(lin, {0.6, 1.0}), ">= 0.0604");
  EXPECT_EQ(brush_filter_text(log, {0.25, 0.75}), "0.00316 .. 0.0317");
  const HparamsAxis opt = make_axis(t, false, 2, aggregate::MetricAggregate::kLast, AxisScale::kLinear);
  ASSERT_TRUE(opt.categorical);
  EXPECT_EQ(opt.categories, (std::vector<std::string>{"adam", "adamw", "sgd"}));
  EXPECT_EQ(opt.position[2], 1.0);  // sgd
  EXPECT_EQ(brush_filter_text(opt, {0.4, 1.0}), "^(adamw|sgd)$");
}

// WCAG relative luminance of an 0xRRGGBB colour, and the contrast ratio of two.
double luminance(std::uint32_t rgb) {
  double l = 0;
  const double weight[3] = {0.2126, 0.7152, 0.0722};
  for (int c = 0; c < 3; ++c) {
    const double v = static_cast<double>((rgb >> (16 - 8 * c)) & 0xff) / 255;
    l += weight[c] * (v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
  }
  return l;
}
double contrast(std::uint32_t a, std::uint32_t b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(HparamsAxis, TheColourRampStaysReadableOnEitherThemeAndRisesInLightness) {
  // The plot card's background in each theme (ui/theme.cpp, ImGuiCol_ChildBg).
  for (const auto& [dark, card] : {std::pair{true, 0x1c1f24u}, std::pair{false, 0xffffffu}}) {
    SCOPED_TRACE(dark ? "dark" : "light");
    for (int i = 0; i <= 100; ++i)
      EXPECT_GE(contrast(ramp_color(i / 100.0, dark), card), 3.0) << i;  // WCAG's minimum for graphics
    // Higher values read as lighter, in twentieths (finer, 8-bit rounding makes flats).
    double last = -1;
    for (int i = 0; i <= 20; ++i) {
      EXPECT_GT(luminance(ramp_color(i / 20.0, dark)), last) << i;
      last = luminance(ramp_color(i / 20.0, dark));
    }
    EXPECT_GE(contrast(ramp_color(0, dark), ramp_color(1, dark)),
              2.5);  // the ends tell apart by lightness alone
  }
}

}  // namespace
}  // namespace el::ui
