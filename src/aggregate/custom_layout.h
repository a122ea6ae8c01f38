// The custom scalars layout: every run's `custom_scalars__config__` Layout
// (its newest record), merged as TensorBoard's custom_scalars plugin does:
// categories with the same title become one, their charts concatenated in run
// order (a chart repeated by several runs is kept once).
#pragma once
#include <string>
#include <vector>

#include "store/store.h"

namespace el::aggregate {

inline constexpr std::string_view kLayoutTag = "custom_scalars__config__";

struct MarginSeries {
  std::string value, lower, upper;  // scalar tags (exact names)
  bool operator==(const MarginSeries&) const = default;
};

struct LayoutChart {
  std::string title;
  bool margin = false;
  std::vector<std::string> tag_patterns;  // multiline: regular expressions over scalar tags
  std::vector<MarginSeries> series;       // margin: value with its lower and upper bounds
  bool operator==(const LayoutChart&) const = default;
};

struct LayoutCategory {
  std::string title;
  bool closed = false;  // collapsed at first
  std::vector<LayoutChart> charts;
};

struct CustomLayout {
  std::vector<LayoutCategory> categories;
  std::vector<std::string> problems;  // runs whose layout could not be decoded
};

CustomLayout merged_layout(const store::Store& store);

// The scalar tags a multiline chart shows: every tag of the store's scalar
// series matching one of its patterns (search semantics, like the
// TensorBoard front end's RegExp.test), sorted. Invalid patterns match
// nothing and are named in `bad` if given.
std::vector<std::string> matching_tags(const std::vector<std::string>& all_scalar_tags,
                                       const LayoutChart& chart, std::vector<std::string>* bad = nullptr);

}  // namespace el::aggregate
