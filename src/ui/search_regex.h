// The regular expressions users type into the Profile dashboard's search and
// filter boxes: ECMAScript, case-insensitive. False for an invalid pattern.
#pragma once
#include <regex>
#include <string>

namespace el::ui {

inline bool compile_search_regex(const std::string& pattern, std::regex& out) {
  try {
    out = std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
    return true;
  } catch (const std::regex_error&) {
    return false;
  }
}

}  // namespace el::ui
