// What the Projector decides apart from drawing, for the embedding being
// looked at: the PCA (every point), the projected and fitted positions, the
// colours by a metadata column with their legend, search, selection and
// isolation, nearest neighbours, and TensorBoard's bookmark files. Plain C++
// (no ImGui): tested with the engine.
//
// [SECTION] names of embeddings
// [SECTION] colours
// [SECTION] search
// [SECTION] positions
// [SECTION] bookmarks
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "embed/discovery.h"
#include "embed/neighbors.h"
#include "embed/pca.h"
#include "embed/tsv.h"

namespace el::ui {

// [SECTION] names of embeddings
// The picker's text: "name · step 3 · 100 × 128" (run apart).
std::string embedding_title(const embed::Embedding& e);
// A point's label by `column` (its index when there is no metadata or column is -1).
std::string point_label(const embed::MetadataTable& metadata, int column, std::size_t point);

// [SECTION] colours
struct LegendEntry {
  std::string value;
  std::uint32_t rgb = 0;  // 0xRRGGBB
  std::size_t count = 0;
};
struct PointColours {
  std::vector<std::uint32_t> rgb;  // per point, 0xRRGGBB
  enum class Kind : std::uint8_t { kUniform, kCategorical, kGradient } kind = Kind::kUniform;
  std::vector<LegendEntry> legend;  // kCategorical: most frequent first
  double low = 0, high = 0;         // kGradient: the values at its ends
  std::string note;                 // why a column is not coloured (too many distinct texts)
};
inline constexpr std::size_t kMaxCategories = 50;
inline constexpr std::uint32_t kUniformPointRgb = 0x5b8ff9;
// Colours by metadata column `column` (-1: one colour). Up to kMaxCategories
// distinct values are categories (palette colours, a legend); more values that
// are all numbers get a gradient from low to high; anything else is uniform,
// with a note.
PointColours colour_by_column(const embed::MetadataTable& metadata, int column, std::size_t points);
// The gradient's colour at t in [0, 1] (a perceptual dark-blue → yellow ramp).
std::uint32_t gradient_rgb(double t);

// [SECTION] search
// The points whose label by `column` matches `pattern`: case-insensitive, a
// substring, or an ECMAScript regex when `regex`. An empty pattern matches
// nothing. False with `error` for an invalid regex.
[[nodiscard]] bool search_points(const embed::MetadataTable& metadata, int column, std::size_t points,
                                 const std::string& pattern, bool regex, std::vector<std::uint32_t>& out,
                                 std::string& error);

// [SECTION] positions
// n points of `dims_in` (2 or 3) coordinates as n x 3 floats (z = 0 for 2-D),
// centred on the middle of their bounding box and scaled by one factor so the
// widest axis spans [-1, 1] (shapes are not stretched).
std::vector<float> fit_positions(std::span<const float> coords, std::size_t dims_in);

// [SECTION] bookmarks
// One saved view in TensorBoard's bookmark file (a JSON array of these
// "State" objects); the fields EventLens reads and writes.
struct Bookmark {
  std::string label;
  std::string projection = "pca";       // selectedProjection: "pca", "custom" ("tsne", "umap" read as pca)
  std::vector<int> pca_components;      // pcaComponentDimensions (2 or 3 of them)
  std::vector<std::uint32_t> selected;  // selectedPoints
  std::string colour_by, label_by;      // selectedColorOptionName, selectedLabelOption
  std::string custom_x_left, custom_x_right, custom_y_up, custom_y_down;
  bool custom_regex = false;
};
// Parses a bookmark file; false with `error` when it is not one. Points
// beyond `points` are dropped from selections.
[[nodiscard]] bool parse_bookmarks(std::string_view json, std::size_t points, std::vector<Bookmark>& out,
                                   std::string& error);
// A bookmark file TensorBoard can load: each state with its projected
// coordinates (`coords[i]`: n x components of bookmark i, named "pca-K" or "x"/"y").
std::string write_bookmarks(const std::vector<Bookmark>& bookmarks,
                            const std::vector<std::vector<float>>& coords, std::size_t points);

}  // namespace el::ui
