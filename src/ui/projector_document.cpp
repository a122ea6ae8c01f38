#include "ui/projector_document.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <unordered_map>

#include "store/json_value.h"
#include "store/json_writer.h"
#include "ui/embedding_provider.h"
#include "ui/palette.h"

namespace el::ui {

// [SECTION] names of embeddings ------------------------------------------------------------------
std::string embedding_key(const embed::Embedding& e) {
  return e.run + "\t" + e.name + "\t" + std::to_string(e.step);
}

std::string embedding_title(const embed::Embedding& e) {
  std::string s = e.name;
  if (e.step >= 0) s += " · step " + std::to_string(e.step);
  return s;
}

std::string point_label(const embed::MetadataTable& metadata, int column, std::size_t point) {
  if (column < 0 || point >= metadata.rows.size() ||
      static_cast<std::size_t>(column) >= metadata.columns.size())
    return "#" + std::to_string(point);
  const auto& row = metadata.rows[point];
  return static_cast<std::size_t>(column) < row.size() ? row[column] : std::string();
}

// [SECTION] colours ---------------------------------------------------------------------------
namespace {

bool parse_number(const std::string& s, double& v) {
  // strtod (libc++ has no floating-point from_chars); the C locale is the only one here.
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(v);
}

}  // namespace

std::uint32_t gradient_rgb(double t) {
  // Stops of a dark-blue → teal → yellow ramp (perceptually ordered, readable
  // on both themes), interpolated linearly.
  static constexpr std::uint32_t kStops[] = {0x3b1c8c, 0x2c6f9e, 0x21a685, 0x7ad151, 0xfde725};
  constexpr int kLast = static_cast<int>(std::size(kStops)) - 1;
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * kLast;
  const int i = std::min(static_cast<int>(t), kLast - 1);
  const double f = t - i;
  std::uint32_t out = 0;
  for (int shift = 16; shift >= 0; shift -= 8) {
    const double a = (kStops[i] >> shift) & 0xff, b = (kStops[i + 1] >> shift) & 0xff;
    out |= static_cast<std::uint32_t>(std::lround(a + (b - a) * f)) << shift;
  }
  return out;
}

PointColours colour_by_column(const embed::MetadataTable& metadata, int column, std::size_t points) {
  PointColours out;
  out.rgb.assign(points, kUniformPointRgb);
  if (column < 0 || static_cast<std::size_t>(column) >= metadata.columns.size()) return out;
  // Distinct values by first appearance, with their counts.
  std::unordered_map<std::string, std::size_t> index_of;
  std::vector<LegendEntry> values;
  bool numeric = true;
  for (std::size_t i = 0; i < points; ++i) {
    std::string v = point_label(metadata, column, i);
    auto [it, added] = index_of.emplace(v, values.size());
    if (added) {
      double d;
      if (!v.empty() && !parse_number(v, d)) numeric = false;
      values.push_back({v, 0, 0});
    }
    ++values[it->second].count;
  }
  if (values.size() <= kMaxCategories) {
    // Most frequent first; palette colours in that order, so the largest groups differ most.
    std::vector<std::size_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a].count > values[b].count; });
    std::vector<std::uint32_t> colour(values.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      // Beyond the palette, evenly spaced hues of the gradient keep categories apart.
      colour[order[k]] = k < static_cast<std::size_t>(kPaletteSize)
                             ? palette_color(static_cast<int>(k))
                             : gradient_rgb(static_cast<double>(k - kPaletteSize) /
                                            std::max<std::size_t>(1, order.size() - kPaletteSize));
      values[order[k]].rgb = colour[order[k]];
      out.legend.push_back(values[order[k]]);
    }
    for (std::size_t i = 0; i < points; ++i) out.rgb[i] = colour[index_of[point_label(metadata, column, i)]];
    out.kind = PointColours::Kind::kCategorical;
    return out;
  }
  if (!numeric) {
    out.note = std::to_string(values.size()) + " distinct values: too many to colour by (at most " +
               std::to_string(kMaxCategories) + ", or numbers)";
    return out;
  }
  std::vector<double> v(points, std::nan(""));
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < points; ++i) {
    if (!parse_number(point_label(metadata, column, i), v[i])) continue;
    lo = std::min(lo, v[i]);
    hi = std::max(hi, v[i]);
  }
  for (std::size_t i = 0; i < points; ++i)
    out.rgb[i] = std::isnan(v[i]) ? 0x808080 : gradient_rgb(hi > lo ? (v[i] - lo) / (hi - lo) : 0.5);
  out.kind = PointColours::Kind::kGradient;
  out.low = lo;
  out.high = hi;
  return out;
}

// [SECTION] search ---------------------------------------------------------------------------
bool search_points(const embed::MetadataTable& metadata, int column, std::size_t points,
                   const std::string& pattern, bool regex, std::vector<std::uint32_t>& out,
                   std::string& error) {
  out.clear();
  if (pattern.empty()) return true;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  if (regex) {
    std::regex re;
    try {
      re = std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
      error = "not a valid regular expression";
      return false;
    }
    for (std::size_t i = 0; i < points; ++i)
      if (std::regex_search(point_label(metadata, column, i), re))
        out.push_back(static_cast<std::uint32_t>(i));
    return true;
  }
  const std::string needle = lower(pattern);
  for (std::size_t i = 0; i < points; ++i)
    if (lower(point_label(metadata, column, i)).find(needle) != std::string::npos)
      out.push_back(static_cast<std::uint32_t>(i));
  return true;
}

// [SECTION] positions ---------------------------------------------------------------------------
std::vector<float> fit_positions(std::span<const float> coords, std::size_t dims_in) {
  const std::size_t n = dims_in ? coords.size() / dims_in : 0;
  std::vector<float> out(n * 3, 0.0f);
  if (!n) return out;
  float lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t d = 0; d < dims_in; ++d) {
      const float v = coords[i * dims_in + d];
      if (!std::isfinite(v)) continue;
      lo[d] = std::min(lo[d], v);
      hi[d] = std::max(hi[d], v);
    }
  double half = 0, mid[3] = {0, 0, 0};
  for (std::size_t d = 0; d < dims_in; ++d) {
    if (lo[d] > hi[d]) continue;  // no finite value
    mid[d] = (static_cast<double>(lo[d]) + hi[d]) / 2;
    half = std::max(half, (static_cast<double>(hi[d]) - lo[d]) / 2);
  }
  const double scale = half > 0 ? 1.0 / half : 1.0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t d = 0; d < dims_in; ++d) {
      const float v = coords[i * dims_in + d];
      out[i * 3 + d] = std::isfinite(v) ? static_cast<float>((v - mid[d]) * scale) : 0.0f;
    }
  return out;
}

// [SECTION] bookmarks ---------------------------------------------------------------------------
bool parse_bookmarks(std::string_view json, std::size_t points, std::vector<Bookmark>& out,
                     std::string& error) {
  store::JsonValue doc;
  if (!store::parse_json(json, doc, error)) {
    error = "not a bookmark file: " + error;
    return false;
  }
  // TensorBoard writes an array of states; one state alone is accepted too.
  std::vector<const store::JsonValue*> states;
  if (doc.is_array()) {
    for (const auto& s : doc.items) states.push_back(&s);
  } else if (doc.is_object()) {
    states.push_back(&doc);
  }
  if (states.empty() || !std::all_of(states.begin(), states.end(), [](auto* s) { return s->is_object(); })) {
    error = "not a bookmark file: expected a list of saved states (objects)";
    return false;
  }
  out.clear();
  for (const store::JsonValue* s : states) {
    Bookmark b;
    b.label = std::string(s->str("label"));
    const std::string projection(s->str("selectedProjection"));
    b.projection = projection == "custom" ? "custom" : "pca";
    if (const auto* dims = s->get("pcaComponentDimensions"); dims && dims->is_array())
      for (const auto& d : dims->items)
        if (d.type == store::JsonValue::Type::kNumber && d.number >= 0 && d.number < 1000 &&
            b.pca_components.size() < 3)
          b.pca_components.push_back(static_cast<int>(d.number));
    if (const auto* sel = s->get("selectedPoints"); sel && sel->is_array())
      for (const auto& p : sel->items)
        if (p.type == store::JsonValue::Type::kNumber && p.number >= 0 &&
            p.number < static_cast<double>(points))
          b.selected.push_back(static_cast<std::uint32_t>(p.number));
    b.colour_by = std::string(s->str("selectedColorOptionName"));
    b.label_by = std::string(s->str("selectedLabelOption"));
    b.custom_x_left = std::string(s->str("customXLeftText"));
    b.custom_x_right = std::string(s->str("customXRightText"));
    b.custom_y_up = std::string(s->str("customYUpText"));
    b.custom_y_down = std::string(s->str("customYDownText"));
    if (const auto* r = s->get("customXLeftRegex"); r && r->type == store::JsonValue::Type::kBool)
      b.custom_regex = r->boolean;
    out.push_back(std::move(b));
  }
  return true;
}

std::string write_bookmarks(const std::vector<Bookmark>& bookmarks,
                            const std::vector<std::vector<float>>& coords, std::size_t points) {
  store::JsonWriter j;
  j.begin_array();
  for (std::size_t k = 0; k < bookmarks.size(); ++k) {
    const Bookmark& b = bookmarks[k];
    const bool custom = b.projection == "custom";
    std::vector<std::string> keys;
    if (custom) {
      keys = {"x", "y"};
    } else {
      for (int c : b.pca_components) keys.push_back("pca-" + std::to_string(c));
    }
    j.begin_object();
    j.key("label").value(b.label);
    j.key("isSelected").value(false);
    j.key("selectedProjection").value(custom ? "custom" : "pca");
    j.key("pcaComponentDimensions").begin_array();
    for (int c : b.pca_components) j.value(c);
    j.end_array();
    j.key("tSNEIteration").value(0);
    j.key("selectedPoints").begin_array();
    for (std::uint32_t p : b.selected) j.value(p);
    j.end_array();
    if (!b.colour_by.empty()) j.key("selectedColorOptionName").value(b.colour_by);
    if (!b.label_by.empty()) j.key("selectedLabelOption").value(b.label_by);
    if (custom) {
      j.key("customXLeftText").value(b.custom_x_left).key("customXLeftRegex").value(b.custom_regex);
      j.key("customXRightText").value(b.custom_x_right).key("customXRightRegex").value(b.custom_regex);
      j.key("customYUpText").value(b.custom_y_up).key("customYUpRegex").value(b.custom_regex);
      j.key("customYDownText").value(b.custom_y_down).key("customYDownRegex").value(b.custom_regex);
    }
    // TensorBoard places the points from these when it loads the state.
    j.key("projections").begin_array();
    const std::vector<float>* c = k < coords.size() ? &coords[k] : nullptr;
    for (std::size_t i = 0; i < points; ++i) {
      j.begin_object();
      for (std::size_t d = 0; d < keys.size(); ++d) {
        const std::size_t at = i * keys.size() + d;
        j.key(keys[d]).value(c && at < c->size() ? static_cast<double>((*c)[at]) : 0.0);
      }
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  return j.take();
}

}  // namespace el::ui
