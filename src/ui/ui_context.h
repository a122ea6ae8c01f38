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
#include "ui/embedding_provider.h"
#include "ui/geometry_renderer.h"
#include "ui/group_series.h"
#include "ui/media_provider.h"
#include "ui/memory_view.h"
#include "ui/mesh_renderer.h"
#include "ui/point_renderer.h"
#include "ui/profile_provider.h"
#include "ui/run_grouping.h"
#include "ui/run_looks.h"
#include "ui/series_cache.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/x_tag_series.h"

namespace el::ui {

struct Download {
  std::string filename, mime, bytes;
};

// What an image or audio card showed in the last frame (for state() and tests).
struct MediaCardInfo {
  std::string kind, run, tag;  // kind: "images" or "audio"
  std::uint32_t sample = 0;
  std::size_t position = 0, count = 0;  // the slider: shown record `position` of `count`
  std::int64_t step = 0;
  MediaState state = MediaState::kLoading;
  std::uint32_t width = 0, height = 0;  // images
  double seconds = 0;                   // audio
  std::string error;
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

// Reading the hparams of runs not read yet (app/shell_peek.cpp), for the HParams dashboard.
struct HparamsPeekView {
  std::size_t asked = 0, done = 0;  // heads asked for this round, and answered
  std::size_t failures = 0;         // heads that could not be read
  std::string failure;              // the first one: its file and why
  bool active() const { return done < asked; }
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
  MediaProvider* media = nullptr;           // images and audio, read lazily
  EmbeddingProvider* embeddings = nullptr;  // the Projector's files (null: none)
  PointRenderer* points = nullptr;          // GPU point clouds (null: cannot draw them)
  MeshRenderer* meshes = nullptr;           // GPU triangle meshes (null: cannot draw them)
  GeometryRenderer* geometry = nullptr;     // charts' lines kept on the GPU (null: drawn each frame)
  ProfileProvider* profiles = nullptr;      // the Profile dashboard's files (null: none)
  std::vector<MediaCardInfo>* media_cards = nullptr;  // filled by the media dashboards
  std::vector<std::string>* open_urls = nullptr;      // links clicked (opened in a new tab by the app)
  std::string* copy_text = nullptr;                   // text to put on the clipboard
  bool* wants_frame = nullptr;                        // set: draw another frame soon (work is pending)
  const RunLooks* run_looks = nullptr;                // labels and colours of the open runs
  const RunGrouping* grouping = nullptr;              // run groups (null or inactive: none)
  GroupSeriesCache* group_series = nullptr;           // groups' aggregate lines on scalar charts
  const aggregate::HparamsTable* hparams = nullptr;   // the hparams of the open runs (null: not built)
  XTagSeriesCache* x_tag_series = nullptr;            // scalar lines paired with an x tag
  std::vector<std::string>* load_runs = nullptr;      // runs the user picked to read
  std::vector<std::string>* unload_runs = nullptr;    // runs whose data the user freed
  const MemoryView* memory = nullptr;                 // the memory budget (null: none applies)
  const HparamsPeekView* hparams_peek = nullptr;      // unread runs' hparams being read
  bool* peek_hparams = nullptr;                       // set: read the hparams of the unread runs

  bool run_shown(const std::string& run) const {
    return !settings->hidden_runs.count(run) && run_filter->matches(run);
  }
  // A run's colour: in a run group, its shade of the group's colour; else the
  // user's pick, else its distinct colour (RunLooks).
  std::uint32_t run_rgb(const std::string& run) const;
  // The colour before grouping (what a group takes from its first member).
  std::uint32_t own_rgb(const std::string& run) const;
  // A run's name as shown: the prefix every open run shares dropped.
  std::string run_label(const std::string& run) const { return run_looks ? run_looks->label(run) : run; }
};

}  // namespace el::ui
