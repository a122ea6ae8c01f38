#include "ui/run_looks.h"

#include <algorithm>

#include "ui/palette.h"

namespace el::ui {

std::string shared_run_prefix(const std::vector<std::string>& names) {
  if (names.size() < 2) return "";
  std::size_t common = names.front().size();
  for (const std::string& n : names) {
    std::size_t i = 0;
    while (i < common && i < n.size() && n[i] == names.front()[i]) ++i;
    common = i;
  }
  // Back to just after a '/', and further while some name would be left empty.
  std::size_t cut = names.front().rfind('/', common == 0 ? std::string::npos : common - 1);
  while (cut != std::string::npos) {
    const bool leaves_all =
        std::all_of(names.begin(), names.end(), [&](const std::string& n) { return n.size() > cut + 1; });
    if (leaves_all) return names.front().substr(0, cut + 1);
    cut = cut == 0 ? std::string::npos : names.front().rfind('/', cut - 1);
  }
  return "";
}

namespace {

bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

}  // namespace

std::string elide_middle(std::string_view text, float max_width,
                         const std::function<float(std::string_view)>& width) {
  if (width(text) <= max_width) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xe2\x80\xa6";  // …
  const float room = max_width - width(kEllipsis);
  if (room <= 0) return std::string(kEllipsis);
  // The end first, up to two thirds of the room, one character at a time.
  std::size_t tail = text.size();
  while (tail > 0) {
    std::size_t prev = tail - 1;
    while (prev > 0 && utf8_continuation(text[prev])) --prev;
    if (width(text.substr(prev)) > room * 2 / 3) break;
    tail = prev;
  }
  const float tail_w = width(text.substr(tail));
  std::size_t head = 0;
  while (head < tail) {
    std::size_t next = head + 1;
    while (next < tail && utf8_continuation(text[next])) ++next;
    if (width(text.substr(0, next)) + tail_w > room) break;
    head = next;
  }
  std::string out(text.substr(0, head));
  out += kEllipsis;
  out += text.substr(tail);
  return out;
}

void RunLooks::assign(const std::vector<std::string>& names, ColorMemory& memory,
                      const std::vector<std::string>& waiting) {
  looks_.clear();
  prefix_ = shared_run_prefix(names);
  std::vector<int> holders(kPaletteSize, 0);  // open runs per palette colour
  // Colours remembered by runs still waiting for data count as held by them.
  for (const std::string& w : waiting) {
    auto it = memory.find(w);
    if (it != memory.end() && it->second >= 0 && it->second < kPaletteSize)
      ++holders[static_cast<std::size_t>(it->second)];
  }
  const std::vector<int> reserved = holders;
  std::vector<int> index(names.size(), -1);
  // Remembered colours first, in list order: the first run to claim one keeps it.
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto it = memory.find(names[i]);
    if (it == memory.end() || it->second < 0 || it->second >= kPaletteSize) continue;
    const std::size_t k = static_cast<std::size_t>(it->second);
    if (holders[k] == reserved[k]) index[i] = it->second, ++holders[k];  // no listed run holds it yet
  }
  // The rest: the first colour held by the fewest open runs (none, until the palette runs out).
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (index[i] >= 0) continue;
    const auto least = std::min_element(holders.begin(), holders.end());
    index[i] = static_cast<int>(least - holders.begin());
    ++*least;
    memory[names[i]] = index[i];
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    Look& look = looks_[names[i]];
    look.label = names[i].substr(prefix_.size());
    look.rgb = palette_color(index[i]);
  }
  // Bounded memory: forget runs that are not open, until it fits.
  for (auto it = memory.begin(); memory.size() > kMaxRemembered && it != memory.end();)
    it = looks_.count(it->first) ? std::next(it) : memory.erase(it);
}

std::string RunLooks::label(const std::string& name) const {
  auto it = looks_.find(name);
  if (it != looks_.end()) return it->second.label;
  if (!prefix_.empty() && name.size() > prefix_.size() && name.compare(0, prefix_.size(), prefix_) == 0)
    return name.substr(prefix_.size());
  return name;
}

std::uint32_t RunLooks::color(const std::string& name) const {
  auto it = looks_.find(name);
  return it == looks_.end() ? run_color(name) : it->second.rgb;
}

}  // namespace el::ui
