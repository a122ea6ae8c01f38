#include "ui/ui_context.h"

#include "ui/palette.h"

namespace el::ui {

bool RegexFilter::set(const std::string& pattern) {
  if (pattern == pattern_) return valid_;
  pattern_ = pattern;
  try {
    re_ = std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
    valid_ = true;
  } catch (const std::regex_error&) {
    valid_ = false;
  }
  return valid_;
}

std::uint32_t UiContext::run_rgb(const std::string& run) const {
  const std::uint32_t own = own_rgb(run);
  return grouping && grouping->active() ? grouping->member_rgb(run, own) : own;
}

std::uint32_t UiContext::own_rgb(const std::string& run) const {
  auto it = settings->run_colors.find(run);
  if (it != settings->run_colors.end()) return it->second;
  return run_looks ? run_looks->color(run) : run_color(run);
}

}  // namespace el::ui
