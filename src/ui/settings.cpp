#include "ui/settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace el::ui {
namespace {

// Percent-encoding of everything but unreserved characters (RFC 3986), so
// values survive URL hashes and the separators '&', '=', ','.
std::string escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      unsigned v = 0;
      auto r = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (r.ec == std::errc() && r.ptr == s.data() + i + 3) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i] == '+' ? ' ' : s[i];
  }
  return out;
}

template <typename Fn>
void split(std::string_view s, char sep, Fn fn) {
  while (!s.empty()) {
    const std::size_t at = s.find(sep);
    fn(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
}

bool parse_double(const std::string& v, double& out) {
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end) return false;
  out = d;
  return true;
}

}  // namespace

std::string encode_settings(const Settings& s) {
  char num[32];
  std::snprintf(num, sizeof num, "%g", s.smoothing);
  std::string out = "smoothing=" + std::string(num);
  out += std::string("&x=") + (s.x_axis == XAxis::kStep       ? "step"
                               : s.x_axis == XAxis::kRelative ? "relative"
                               : s.x_axis == XAxis::kTag      ? "tag"
                                                              : "wall");
  using Scale = aggregate::AxisScale::Kind;
  out += std::string("&y=") + aggregate::scale_name(s.y_scale);
  if (s.x_scale != Scale::kLinear) out += std::string("&xscale=") + aggregate::scale_name(s.x_scale);
  if (!s.x_tag.empty()) out += "&xtag=" + escape(s.x_tag);
  if (s.symlog_width != 1) {
    std::snprintf(num, sizeof num, "%g", s.symlog_width);
    out += "&symw=" + std::string(num);
  }
  out += std::string("&outliers=") + (s.ignore_outliers ? "ignore" : "show");
  out += std::string("&points=") + (s.all_points ? "all" : "latest");
  out += std::string("&sort=") + (s.tooltip_sort == TooltipSort::kNearest ? "nearest"
                                  : s.tooltip_sort == TooltipSort::kValue ? "value"
                                                                          : "name");
  out += std::string("&theme=") + (s.dark ? "dark" : "light");
  out += std::string("&live=") + (s.live_reload ? std::to_string(s.reload_seconds) : "off");
  out += "&dash=" + escape(s.dashboard);
  if (s.histogram_bins != 30) out += "&bins=" + std::to_string(s.histogram_bins);
  if (s.histogram_mode == HistogramMode::kOverlay) out += "&hist=overlay";
  if (s.image_brightness != 1.0) {
    std::snprintf(num, sizeof num, "%g", s.image_brightness);
    out += "&bright=" + std::string(num);
  }
  if (s.image_contrast != 1.0) {
    std::snprintf(num, sizeof num, "%g", s.image_contrast);
    out += "&contrast=" + std::string(num);
  }
  if (s.image_actual_size) out += "&actual=1";
  if (s.text_raw) out += "&raw=1";
  if (!s.mesh_smooth) out += "&mshade=flat";
  if (s.mesh_wireframe) out += "&mwire=1";
  if (s.mesh_point_px) out += "&mpoint=" + std::to_string(s.mesh_point_px);
  if (s.mesh_background) out += std::string("&mbg=") + (s.mesh_background == 1 ? "dark" : "light");
  if (s.mesh_link_cameras) out += "&mlink=1";
  if (s.link_steps && s.step >= 0) out += "&step=" + std::to_string(s.step);
  if (s.image_cache_mb != 256) out += "&imgmem=" + std::to_string(s.image_cache_mb);
  if (!s.graph_run.empty()) out += "&grun=" + escape(s.graph_run);
  if (!s.graph_tag.empty()) out += "&gtag=" + escape(s.graph_tag);
  if (!s.graph_function.empty()) out += "&gfn=" + escape(s.graph_function);
  if (s.graph_color_device) out += "&gcolor=device";
  if (!s.profile_file.empty()) out += "&prfile=" + escape(s.profile_file);
  if (s.profile_view != "timeline") out += "&prview=" + escape(s.profile_view);
  if (!s.profile_search.empty()) out += "&prsearch=" + escape(s.profile_search);
  if (!s.profile_op_filter.empty()) out += "&prfilter=" + escape(s.profile_op_filter);
  if (s.profile_range[1] > s.profile_range[0]) {
    char range[80];
    std::snprintf(range, sizeof range, "%.17g,%.17g", s.profile_range[0], s.profile_range[1]);
    out += "&prrange=" + std::string(range);
  }
  if (!s.projector_embedding.empty()) out += "&pemb=" + escape(s.projector_embedding);
  const int* pc = s.projector_components;
  if (pc[0] != 0 || pc[1] != 1 || pc[2] != 2)
    out += "&ppc=" + std::to_string(pc[0]) + "," + std::to_string(pc[1]) + "," + std::to_string(pc[2]);
  if (!s.projector_3d) out += "&pdim=2";
  if (s.projector_sphereize >= 0) out += s.projector_sphereize ? "&psphere=1" : "&psphere=0";
  if (!s.projector_colour.empty()) out += "&pcolor=" + escape(s.projector_colour);
  if (!s.projector_label.empty()) out += "&plabel=" + escape(s.projector_label);
  if (!s.projector_search.empty()) out += "&psearch=" + escape(s.projector_search);
  if (s.projector_search_regex) out += "&pregex=1";
  if (s.projector_neighbours != 10) out += "&pk=" + std::to_string(s.projector_neighbours);
  if (s.projector_euclidean) out += "&pdist=euclidean";
  if (s.projector_method == 1) out += "&pproj=tsne";
  if (s.projector_method == 2) out += "&pproj=custom";
  if (s.projector_method == 3) out += "&pproj=umap";
  if (s.projector_tsne_dims != 3) out += "&ptdim=2";
  if (s.projector_perplexity > 0) {
    std::snprintf(num, sizeof num, "%g", s.projector_perplexity);
    out += "&pperp=" + std::string(num);
  }
  if (s.projector_learning_rate > 0) {
    std::snprintf(num, sizeof num, "%g", s.projector_learning_rate);
    out += "&plr=" + std::string(num);
  }
  if (s.projector_seed != 1) out += "&pseed=" + std::to_string(s.projector_seed);
  if (s.projector_exaggeration != 250) out += "&pexag=" + std::to_string(s.projector_exaggeration);
  if (s.projector_iterations != 1000) out += "&piter=" + std::to_string(s.projector_iterations);
  if (s.projector_umap_neighbours != 15) out += "&pnn=" + std::to_string(s.projector_umap_neighbours);
  if (s.projector_umap_min_dist != 0.1) {
    std::snprintf(num, sizeof num, "%g", s.projector_umap_min_dist);
    out += "&pmd=" + std::string(num);
  }
  if (s.projector_umap_epochs != 0) out += "&pep=" + std::to_string(s.projector_umap_epochs);
  const char* custom_keys[4] = {"pxl", "pxr", "pyd", "pyu"};
  for (int i = 0; i < 4; ++i)
    if (!s.projector_custom[i].empty())
      out += std::string("&") + custom_keys[i] + "=" + escape(s.projector_custom[i]);
  if (s.projector_custom_regex) out += "&pcregex=1";
  if (!s.run_filter.empty()) out += "&runs=" + escape(s.run_filter);
  if (!s.tag_filter.empty()) out += "&tags=" + escape(s.tag_filter);
  if (!s.hidden_runs.empty()) {
    out += "&hide=";
    bool first = true;
    for (const auto& r : s.hidden_runs) {
      if (!first) out += ',';
      out += escape(r);
      first = false;
    }
  }
  if (!s.run_colors.empty()) {
    out += "&colors=";
    bool first = true;
    for (const auto& [run, rgb] : s.run_colors) {
      std::snprintf(num, sizeof num, "%06x", rgb & 0xffffffu);
      if (!first) out += ',';
      out += escape(run) + ":" + num;
      first = false;
    }
  }
  if (s.hparams_plot != HparamsPlot::kParallel)
    out += s.hparams_plot == HparamsPlot::kNone ? "&hplot=none" : "&hplot=scatter";
  if (!s.group_regex.empty())
    out += "&group=re:" + escape(s.group_regex);
  else if (!s.group_hparam.empty())
    out += "&group=hp:" + escape(s.group_hparam);
  if (s.group_line == GroupLine::kMedian) out += "&gline=median";
  if (s.group_band != GroupBand::kStd)
    out += std::string("&gband=") + (s.group_band == GroupBand::kNone  ? "none"
                                     : s.group_band == GroupBand::kSem ? "sem"
                                                                       : "minmax");
  if (s.group_members) out += "&gmembers=1";
  if (!s.group_smooth_first) out += "&gsmooth=after";
  if (s.link_steps) out += "&linksteps=1";
  if (!s.run_columns.empty()) {
    out += "&rcols=";
    for (std::size_t i = 0; i < s.run_columns.size(); ++i) out += (i ? "," : "") + escape(s.run_columns[i]);
  }
  if (!s.run_sort.empty())
    out += "&rsort=" + std::string(s.run_sort_descending ? "-" : "") + escape(s.run_sort);
  if (!s.pins.empty()) {
    out += "&pins=";
    for (std::size_t i = 0; i < s.pins.size(); ++i) out += (i ? "," : "") + escape(s.pins[i]);
  }
  if (!s.card_overlays.empty()) {  // card:extra:extra,card:extra
    out += "&overlay=";
    bool first = true;
    for (const auto& [card, extras] : s.card_overlays) {
      if (extras.empty()) continue;
      if (!first) out += ',';
      out += escape(card);
      for (const std::string& e : extras) {
        out += ':';
        out += escape(e);
      }
      first = false;
    }
  }
  return out;
}

void forget_logdir_state(Settings& s) {
  s.step = -1;
  s.projector_search.clear();
  s.projector_embedding.clear();
  s.profile_file.clear();
  s.profile_search.clear();
  s.profile_op_filter.clear();
  s.profile_range[0] = s.profile_range[1] = 0;
  s.graph_run.clear();
  s.graph_tag.clear();
  s.graph_function.clear();
}

std::string encode_local_settings(const Settings& s) {
  std::string out;
  if (s.sidebar_width > 0) out += "sidebar=" + std::to_string(static_cast<int>(s.sidebar_width + 0.5f));
  auto add = [&](const char* key, const std::string& v) {
    out += (out.empty() ? "" : "&") + std::string(key) + "=" + v;
  };
  if (s.load_limit_runs != 200) add("ldruns", std::to_string(s.load_limit_runs));
  if (s.load_limit_mb != 2048) add("ldmb", std::to_string(s.load_limit_mb));
  if (s.memory_budget_mb != 0) add("memmb", std::to_string(s.memory_budget_mb));
  if (!s.run_color_memory.empty()) {
    out += out.empty() ? "cmem=" : "&cmem=";
    bool first = true;
    for (const auto& [run, index] : s.run_color_memory) {
      if (!first) out += ',';
      out += escape(run) + ":" + std::to_string(index);
      first = false;
    }
  }
  return out;
}

void decode_settings(std::string_view text, Settings& s) {
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  split(text, '&', [&](std::string_view pair) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return;
    const std::string_view key = pair.substr(0, eq), raw = pair.substr(eq + 1);
    const std::string v = unescape(raw);
    double d;
    if (key == "smoothing" && parse_double(v, d) && d >= 0 && d <= 1)
      s.smoothing = std::min(d, 0.999);
    else if (key == "x" && v == "step")
      s.x_axis = XAxis::kStep;
    else if (key == "x" && v == "relative")
      s.x_axis = XAxis::kRelative;
    else if (key == "x" && v == "wall")
      s.x_axis = XAxis::kWallTime;
    else if (key == "x" && v == "tag")
      s.x_axis = XAxis::kTag;
    else if ((key == "y" || key == "xscale") && (v == "log" || v == "linear" || v == "symlog"))
      (key == "y" ? s.y_scale : s.x_scale) = v == "log"      ? aggregate::AxisScale::Kind::kLog
                                             : v == "symlog" ? aggregate::AxisScale::Kind::kSymlog
                                                             : aggregate::AxisScale::Kind::kLinear;
    else if (key == "xtag")
      s.x_tag = v;
    else if (key == "symw" && parse_double(v, d) && d > 0 && d <= 1e12)
      s.symlog_width = d;
    else if (key == "outliers" && (v == "ignore" || v == "show"))
      s.ignore_outliers = v == "ignore";
    else if (key == "points" && (v == "all" || v == "latest"))
      s.all_points = v == "all";
    else if (key == "sort" && v == "nearest")
      s.tooltip_sort = TooltipSort::kNearest;
    else if (key == "sort" && v == "value")
      s.tooltip_sort = TooltipSort::kValue;
    else if (key == "sort" && v == "name")
      s.tooltip_sort = TooltipSort::kName;
    else if (key == "theme" && (v == "dark" || v == "light"))
      s.dark = v == "dark";
    else if (key == "live" && v == "off")
      s.live_reload = false;
    else if (key == "live" && parse_double(v, d) && d >= 1 && d <= 3600) {
      s.live_reload = true;
      s.reload_seconds = static_cast<int>(d);
    } else if (key == "bins" && parse_double(v, d) && d >= 10 && d <= 200)
      s.histogram_bins = static_cast<int>(d);
    else if (key == "hist" && (v == "offset" || v == "overlay"))
      s.histogram_mode = v == "overlay" ? HistogramMode::kOverlay : HistogramMode::kOffset;
    else if (key == "bright" && parse_double(v, d) && d >= 0 && d <= 2)
      s.image_brightness = d;
    else if (key == "contrast" && parse_double(v, d) && d >= 0 && d <= 5)
      s.image_contrast = d;
    else if (key == "raw" && (v == "1" || v == "0"))
      s.text_raw = v == "1";
    else if (key == "mshade" && (v == "flat" || v == "smooth"))
      s.mesh_smooth = v == "smooth";
    else if (key == "mwire" && (v == "1" || v == "0"))
      s.mesh_wireframe = v == "1";
    else if (key == "mpoint" && parse_double(v, d) && d >= 0 && d <= 32)
      s.mesh_point_px = static_cast<int>(d);
    else if (key == "mbg" && (v == "theme" || v == "dark" || v == "light"))
      s.mesh_background = v == "dark" ? 1 : v == "light" ? 2 : 0;
    else if (key == "mlink" && (v == "1" || v == "0"))
      s.mesh_link_cameras = v == "1";
    else if (key == "step" && parse_double(v, d) && d >= 0 && d < 9.2e18) {
      s.step = static_cast<std::int64_t>(d);
      s.link_steps = true;  // one step for every card is what a link naming a step means
    } else if (key == "imgmem" && parse_double(v, d) && d >= 64 && d <= 4096)
      s.image_cache_mb = static_cast<int>(d);
    else if (key == "actual" && (v == "1" || v == "0"))
      s.image_actual_size = v == "1";
    else if (key == "hplot" && (v == "none" || v == "parallel" || v == "scatter"))
      s.hparams_plot = v == "none"      ? HparamsPlot::kNone
                       : v == "scatter" ? HparamsPlot::kScatter
                                        : HparamsPlot::kParallel;
    else if (key == "dash" && !v.empty())
      s.dashboard = v;
    else if (key == "grun")
      s.graph_run = v;
    else if (key == "gtag")
      s.graph_tag = v;
    else if (key == "gfn")
      s.graph_function = v;
    else if (key == "gcolor" && (v == "device" || v == "structure"))
      s.graph_color_device = v == "device";
    else if (key == "pemb")
      s.projector_embedding = v;
    else if (key == "ppc") {
      int c[3] = {-1, -1, -1}, k = 0;
      split(raw, ',', [&](std::string_view part) {
        double x;
        if (k < 3 && parse_double(std::string(part), x) && x >= 0 && x < 10) c[k] = static_cast<int>(x);
        ++k;
      });
      if (k == 3 && c[0] >= 0 && c[1] >= 0 && c[2] >= 0)
        for (int i = 0; i < 3; ++i) s.projector_components[i] = c[i];
    } else if (key == "pdim" && (v == "2" || v == "3"))
      s.projector_3d = v == "3";
    else if (key == "psphere" && (v == "0" || v == "1"))
      s.projector_sphereize = v == "1";
    else if (key == "pcolor")
      s.projector_colour = v;
    else if (key == "plabel")
      s.projector_label = v;
    else if (key == "psearch")
      s.projector_search = v;
    else if (key == "prfile")
      s.profile_file = v;
    else if (key == "prview" && (v == "timeline" || v == "ops" || v == "overview" || v == "memory"))
      s.profile_view = v;
    else if (key == "prsearch")
      s.profile_search = v;
    else if (key == "prfilter")
      s.profile_op_filter = v;
    else if (key == "prrange") {
      double r[2] = {0, 0};
      int k = 0;
      split(raw, ',', [&](std::string_view part) {
        double x;
        if (k < 2 && parse_double(std::string(part), x) && std::isfinite(x)) r[k] = x;
        ++k;
      });
      if (k == 2) s.profile_range[0] = r[0], s.profile_range[1] = r[1];
    } else if (key == "pregex" && (v == "1" || v == "0"))
      s.projector_search_regex = v == "1";
    else if (key == "pk" && parse_double(v, d) && d >= 1 && d <= 1000)
      s.projector_neighbours = static_cast<int>(d);
    else if (key == "pdist" && (v == "cosine" || v == "euclidean"))
      s.projector_euclidean = v == "euclidean";
    else if (key == "pproj" && (v == "custom" || v == "pca" || v == "tsne" || v == "umap"))
      s.projector_method = v == "tsne" ? 1 : v == "custom" ? 2 : v == "umap" ? 3 : 0;
    else if (key == "ptdim" && (v == "2" || v == "3"))
      s.projector_tsne_dims = v == "2" ? 2 : 3;
    else if (key == "pperp" && parse_double(v, d) && d >= 1 && d <= 1000)
      s.projector_perplexity = d;
    else if (key == "plr" && parse_double(v, d) && d > 0 && d <= 1e6)
      s.projector_learning_rate = d;
    else if (key == "pseed" && parse_double(v, d) && d >= 0 && d <= 2e9)
      s.projector_seed = static_cast<int>(d);
    else if (key == "piter" && parse_double(v, d) && d >= 0 && d <= 1e6)
      s.projector_iterations = static_cast<int>(d);
    else if (key == "pexag" && parse_double(v, d) && d >= 0 && d <= 1e5)
      s.projector_exaggeration = static_cast<int>(d);
    else if (key == "pnn" && parse_double(v, d) && d >= 2 && d <= 200)
      s.projector_umap_neighbours = static_cast<int>(d);
    else if (key == "pmd" && parse_double(v, d) && d >= 0 && d <= 10)
      s.projector_umap_min_dist = d;
    else if (key == "pep" && parse_double(v, d) && d >= 0 && d <= 1e5)
      s.projector_umap_epochs = static_cast<int>(d);
    else if (key == "pxl")
      s.projector_custom[0] = v;
    else if (key == "pxr")
      s.projector_custom[1] = v;
    else if (key == "pyd")
      s.projector_custom[2] = v;
    else if (key == "pyu")
      s.projector_custom[3] = v;
    else if (key == "pcregex" && (v == "1" || v == "0"))
      s.projector_custom_regex = v == "1";
    else if (key == "runs")
      s.run_filter = v;
    else if (key == "tags")
      s.tag_filter = v;
    else if (key == "hide") {
      s.hidden_runs.clear();
      split(raw, ',', [&](std::string_view r) {
        if (!r.empty()) s.hidden_runs.insert(unescape(r));
      });
    } else if (key == "group" && (v.starts_with("re:") || v.starts_with("hp:"))) {
      s.group_regex.clear();
      s.group_hparam.clear();
      (v[0] == 'r' ? s.group_regex : s.group_hparam) = v.substr(3);
    } else if (key == "gline" && (v == "mean" || v == "median")) {
      s.group_line = v == "median" ? GroupLine::kMedian : GroupLine::kMean;
    } else if (key == "gband" && (v == "none" || v == "std" || v == "sem" || v == "minmax")) {
      s.group_band = v == "none"  ? GroupBand::kNone
                     : v == "sem" ? GroupBand::kSem
                     : v == "std" ? GroupBand::kStd
                                  : GroupBand::kMinMax;
    } else if (key == "gmembers" && (v == "1" || v == "0")) {
      s.group_members = v == "1";
    } else if (key == "gsmooth" && (v == "first" || v == "after")) {
      s.group_smooth_first = v == "first";
    } else if (key == "rcols") {
      s.run_columns.clear();
      split(raw, ',', [&](std::string_view c) {
        std::string col = unescape(c);
        if (col.starts_with("h:") || col.starts_with("m:")) s.run_columns.push_back(std::move(col));
      });
    } else if (key == "rsort") {
      s.run_sort_descending = v.starts_with("-");
      s.run_sort = v.substr(s.run_sort_descending ? 1 : 0);
    } else if (key == "linksteps" && (v == "1" || v == "0")) {
      s.link_steps = v == "1";
    } else if (key == "pins") {
      s.pins.clear();
      split(raw, ',', [&](std::string_view p) {
        std::string pin = unescape(p);
        if (pin.find('\t') != std::string::npos &&
            std::find(s.pins.begin(), s.pins.end(), pin) == s.pins.end())
          s.pins.push_back(std::move(pin));
      });
    } else if (key == "overlay") {
      s.card_overlays.clear();
      split(raw, ',', [&](std::string_view entry) {
        std::vector<std::string> parts;
        split(entry, ':', [&](std::string_view p) { parts.push_back(unescape(p)); });
        if (parts.size() >= 2 && !parts[0].empty())
          s.card_overlays[parts[0]].assign(parts.begin() + 1, parts.end());
      });
    } else if (key == "colors") {
      s.run_colors.clear();
      split(raw, ',', [&](std::string_view e) {
        const std::size_t colon = e.rfind(':');
        if (colon == std::string_view::npos || e.size() - colon - 1 != 6) return;
        unsigned rgb = 0;
        auto r = std::from_chars(e.data() + colon + 1, e.data() + e.size(), rgb, 16);
        if (r.ec == std::errc()) s.run_colors[unescape(e.substr(0, colon))] = rgb;
      });
    } else if (key == "sidebar" && parse_double(v, d) && d >= 0 && d <= 4000) {
      s.sidebar_width = static_cast<float>(d);
    } else if (key == "ldruns" && parse_double(v, d) && d >= 1 && d <= 1e6) {
      s.load_limit_runs = static_cast<int>(d);
    } else if (key == "ldmb" && parse_double(v, d) && d >= 1 && d <= 1e6) {
      s.load_limit_mb = static_cast<int>(d);
    } else if (key == "memmb" && parse_double(v, d) && d >= 0 && d <= 1e6) {
      s.memory_budget_mb = static_cast<int>(d);
    } else if (key == "cmem") {
      s.run_color_memory.clear();
      split(raw, ',', [&](std::string_view e) {
        const std::size_t colon = e.rfind(':');
        if (colon == std::string_view::npos) return;
        int index = -1;
        auto r = std::from_chars(e.data() + colon + 1, e.data() + e.size(), index);
        if (r.ec == std::errc() && r.ptr == e.data() + e.size() && index >= 0)
          s.run_color_memory[unescape(e.substr(0, colon))] = index;
      });
    }
  });
}

}  // namespace el::ui
