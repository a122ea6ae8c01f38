// What every panel of the main window gets: the store to read, the settings
// to read and change, shared caches, and a place to leave requests that only
// the platform can carry out (downloads, PNG captures).
#pragma once
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "aggregate/histogram_series.h"
#include "imgui.h"
#include "store/store.h"
#include "ui/series_cache.h"
#include "ui/settings.h"
#include "ui/theme.h"

namespace el::ui {

struct Download {
  std::string filename, mime, bytes;
};

struct PngCapture {
  ImVec2 min, max;  // screen rectangle, in ImGui coordinates
  std::string filename;
};

// A regular expression typed by the user: compiled once per change, with
// invalid patterns reported instead of applied.
class RegexFilter {
 public:
  // Returns whether `pattern` is valid (an invalid one matches everything).
  bool set(const std::string& pattern);
  bool valid() const { return valid_; }
  bool matches(const std::string& s) const {
    return pattern_.empty() || !valid_ || std::regex_search(s, re_);
  }

 private:
  std::string pattern_;
  std::regex re_;
  bool valid_ = true;
};

struct UiContext {
  const store::Store* store = nullptr;
  Settings* settings = nullptr;
  SeriesCache* cache = nullptr;
  aggregate::HistogramCache* histograms = nullptr;
  const Fonts* fonts = nullptr;
  double now = 0;  // seconds
  RegexFilter* run_filter = nullptr;
  std::vector<Download>* downloads = nullptr;
  std::optional<PngCapture>* capture = nullptr;

  bool run_shown(const std::string& run) const {
    return !settings->hidden_runs.count(run) && run_filter->matches(run);
  }
  std::uint32_t run_rgb(const std::string& run) const;
};

}  // namespace el::ui
