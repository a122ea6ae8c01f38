// Brightness and contrast applied to decoded pixels before they are uploaded,
// in the order of CSS filters: brightness multiplies, then contrast stretches
// around mid-grey. Alpha is left alone.
#pragma once
#include <cstdint>
#include <vector>

#include "ui/media_provider.h"

namespace el::app {

// `rgba` with `adjust` applied (a copy: the decoded pixels stay as stored).
std::vector<std::uint8_t> adjusted_rgba(const std::vector<std::uint8_t>& rgba, const ui::ImageAdjust& adjust);

}  // namespace el::app
