// What the user chose, as one value: chart options, run selection and filters.
// It round-trips through a short text form ("smoothing=0.6&x=step&...") that
// the page keeps in localStorage and in the URL hash, so a link reproduces the
// view. Plain C++ (no ImGui).
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/axis_scale.h"

namespace el::ui {

// kTag: another scalar tag of the same run (Settings::x_tag), paired by step.
enum class XAxis : std::uint8_t { kStep, kRelative, kWallTime, kTag };
enum class TooltipSort : std::uint8_t { kNearest, kValue, kName };
// The plot above the HParams table.
enum class HparamsPlot : std::uint8_t { kNone, kParallel, kScatter };
// Histogram cards: a ridgeline of steps (offset) or all steps on one baseline (overlay).
enum class HistogramMode : std::uint8_t { kOffset, kOverlay };
// A run group's line on scalar charts, and the band around it.
enum class GroupLine : std::uint8_t { kMean, kMedian };
enum class GroupBand : std::uint8_t { kNone, kStd, kSem, kMinMax };  // as aggregate::GroupSpread

struct Settings {
  double smoothing = 0.6;  // 0 .. 0.999, TensorBoard's default
  XAxis x_axis = XAxis::kStep;
  std::string x_tag;  // XAxis::kTag: the scalar tag whose value is x
  // Scalar charts' scales: linear, log or symlog (x: on step and tag axes);
  // symlog's linear region is ±symlog_width around zero.
  aggregate::AxisScale::Kind x_scale = aggregate::AxisScale::Kind::kLinear;
  aggregate::AxisScale::Kind y_scale = aggregate::AxisScale::Kind::kLinear;
  double symlog_width = 1;
  bool ignore_outliers = true;  // y range from the 5th to 95th percentile
  bool all_points = false;      // true: show records hidden by restarts
  TooltipSort tooltip_sort = TooltipSort::kNearest;
  bool dark = true;                                 // theme
  std::string run_filter, tag_filter;               // regular expressions (ECMAScript)
  std::set<std::string> hidden_runs;                // unchecked runs; new runs start checked
  std::map<std::string, std::uint32_t> run_colors;  // user overrides, 0xRRGGBB
  bool live_reload = true;
  int reload_seconds = 5;
  std::string dashboard = "scalars";
  int histogram_bins = 30;  // 10 .. 200; TensorBoard's widget uses 30
  HistogramMode histogram_mode = HistogramMode::kOffset;
  // Image cards (CSS filter semantics: 1 and 1 show the image as stored).
  double image_brightness = 1.0;   // 0 .. 2
  double image_contrast = 1.0;     // 0 .. 5
  bool image_actual_size = false;  // one image pixel per screen pixel instead of fitting the card
  bool text_raw = false;           // text cards: the strings as stored instead of rendered Markdown
  // Mesh cards.
  bool mesh_smooth = true;         // per-vertex normals (off: flat faces)
  bool mesh_wireframe = false;     // edges over the faces
  int mesh_point_px = 0;           // point clouds: diameter in pixels, 1 .. 32; 0: the config's size, else 4
  int mesh_background = 0;         // 0: the theme's, 1: dark, 2: light
  bool mesh_link_cameras = false;  // every card shows the mesh from one camera
  // The step image, audio and text cards show (their last record at or before it); -1: the newest.
  std::int64_t step = -1;
  int image_cache_mb = 256;
  HparamsPlot hparams_plot = HparamsPlot::kParallel;
  // The graph shown on the Graphs dashboard (empty: the first run's op graph), and its colouring.
  std::string graph_run, graph_tag, graph_function;  // graph_function: of the graph's library
  bool graph_color_device = false;
  // The Projector: the embedding (ui::embedding_key, empty: the first), the
  // PCA components on x, y (and z), 2-D or 3-D, sphereize (-1: TensorBoard's
  // default, on from 50 dims), the metadata columns to colour, label and search
  // by (names; empty: none / the first), the search, and neighbours.
  std::string projector_embedding;
  int projector_components[3] = {0, 1, 2};
  bool projector_3d = true;
  int projector_sphereize = -1;
  std::string projector_colour, projector_label, projector_search;
  bool projector_search_regex = false;
  int projector_neighbours = 10;     // 1 .. 1000
  bool projector_euclidean = false;  // neighbours by euclidean distance (else cosine)
  // How points are placed: 0 PCA, 1 t-SNE, 2 the custom projection, 3 UMAP.
  int projector_method = 0;
  // t-SNE and UMAP: 2-D or 3-D (TensorBoard's default), and the seed.
  int projector_tsne_dims = 3;
  int projector_seed = 1;
  // t-SNE: perplexity and learning rate (0: the defaults of embed/tsne.h), the
  // early exaggeration's length, and iterations to run (0: until paused).
  double projector_perplexity = 0, projector_learning_rate = 0;
  int projector_exaggeration = 250;
  int projector_iterations = 1000;
  // UMAP: neighbours (counting the point), min_dist, and epochs (0: umap-js's by size).
  int projector_umap_neighbours = 15;
  double projector_umap_min_dist = 0.1;
  int projector_umap_epochs = 0;
  // The custom projection's axes' ends: left, right, down, up (labels).
  std::string projector_custom[4];
  bool projector_custom_regex = false;
  // The Profile dashboard: the profile file (empty: the first), the view
  // (timeline, ops, overview, memory), the timeline's search (an ECMAScript
  // regex over slice names), the range selected (ps after the timeline's
  // start; none when the end is not after the start), and the operator
  // table's filter (a regex over names).
  std::string profile_file, profile_view = "timeline", profile_search, profile_op_filter;
  double profile_range[2] = {0, 0};
  // Scalar cards showing more tags than their own (multi-tag overlay): card tag -> extra tags.
  std::map<std::string, std::vector<std::string>> card_overlays;
  // Run groups (aggregate/run_groups): runs grouped by a regex's captures, or
  // by an hparam's value; neither set: no groups. Scalar cards then draw one
  // line per group (mean or median) with a band, and the runs panel lists groups.
  std::string group_regex;   // ECMAScript; takes precedence over group_hparam
  std::string group_hparam;  // an hparam's name
  GroupLine group_line = GroupLine::kMean;
  GroupBand group_band = GroupBand::kStd;
  bool group_members = false;      // also draw every member faintly
  bool group_smooth_first = true;  // smooth each member, then aggregate (off: aggregate, then smooth)
  // Columns beside each run in the runs panel: "h:<hparam>" or "m:<metric>"
  // (a metric's label, "tag" or "group/tag": its last value), and the column
  // the runs are sorted by (empty: name order), descending or not.
  std::vector<std::string> run_columns;
  std::string run_sort;
  bool run_sort_descending = false;
  // Pinned cards, in their order: "<dashboard>\t<card key>" (scalars: the tag;
  // per-run cards: tag, '\n', run, '\n', sample). Shown first on their dashboard.
  std::vector<std::string> pins;
  // Image, audio, text, PR-curve and mesh cards share one step (`step`) when
  // on; off (TensorBoard's default), each card has its own slider.
  bool link_steps = false;

  // This browser's own, kept in localStorage but never in a link:
  float sidebar_width = 0;                      // px; 0: the default
  std::map<std::string, int> run_color_memory;  // run name -> palette index (ui/run_looks.h)
  // Past these, runs are read only when picked (app/run_loading.h).
  int load_limit_runs = 200;
  int load_limit_mb = 2048;
  // The memory budget (app/memory_budget.h), MB; 0: automatic (half the device's memory, or 2 GB).
  int memory_budget_mb = 0;
};

// What belongs to one logdir's view and must not carry over to the next one
// (after Close all, or from a previous visit's saved settings): the chosen
// step goes back to the newest, searches are emptied, and the graph and
// embedding chosen are forgotten. A link keeps them (it names its data).
void forget_logdir_state(Settings& s);

// The link form: what reproduces the view elsewhere.
std::string encode_settings(const Settings& s);
// The local form: this browser's preferences (sidebar width, remembered run
// colours). decode_settings reads both forms.
std::string encode_local_settings(const Settings& s);
// Applies the keys found in `text` to `s`; unknown keys and malformed values
// are ignored (an old or hand-edited link must not break the page).
void decode_settings(std::string_view text, Settings& s);

}  // namespace el::ui
