// Human-readable numbers for labels and the status bar.
#pragma once
#include <cstdint>
#include <string>

namespace el::ui {

std::string format_bytes(std::uint64_t bytes);  // "0 B", "812 B", "1.5 KB", "23.4 MB", "1.02 GB"
std::string format_count(std::uint64_t n);      // "1,234,567"
// A duration in picoseconds with 3 significant digits: "1.25 ms", "830 µs", "12 ns", "0 ps".
std::string format_duration_ps(double ps);

}  // namespace el::ui

namespace el::ui {
// A measured value with up to 6 significant digits: "0.123457", "1.5e-07", "NaN", "Infinity".
std::string format_value(double v);
}  // namespace el::ui
