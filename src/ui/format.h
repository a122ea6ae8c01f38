// Human-readable numbers for labels and the status bar.
#pragma once
#include <cstdint>
#include <string>

namespace el::ui {

std::string format_bytes(std::uint64_t bytes);  // "0 B", "812 B", "1.5 KB", "23.4 MB", "1.02 GB"
std::string format_count(std::uint64_t n);      // "1,234,567"

}  // namespace el::ui
