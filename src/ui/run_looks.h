// How runs look wherever they are named: a label that tells them apart (the
// path prefix every open run shares dropped) and a colour that no other open
// run has and that stays with the run's name across reloads and dashboards.
// Plain C++ (no ImGui), so it is unit-tested with the engine.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace el::ui {

// The leading path segments ("a/b/") every name shares, when there are at
// least two names and no name would be left empty; else "".
std::string shared_run_prefix(const std::vector<std::string>& names);

// `text` if it fits in `max_width`, else its start, "…" and its end (the end
// gets twice the room: run names differ most at their end). Cuts only
// between UTF-8 characters; `width` measures a string.
std::string elide_middle(std::string_view text, float max_width,
                         const std::function<float(std::string_view)>& width);

// Remembered colours: run name -> palette index. Bounded (see kMaxRemembered).
using ColorMemory = std::map<std::string, int>;

class RunLooks {
 public:
  static constexpr std::size_t kMaxRemembered = 1000;
  // Labels and colours for `names`, in the order the runs are listed. A run
  // keeps its remembered colour unless an earlier run holds it; otherwise it
  // takes the first colour no open run has, and `memory` remembers it. Only
  // with more runs than colours do colours repeat.
  // `waiting`: open runs not listed yet (no data so far); a new run does not
  // take a colour one of them remembers, so a run whose data arrives later
  // still gets its own.
  void assign(const std::vector<std::string>& names, ColorMemory& memory,
              const std::vector<std::string>& waiting = {});
  // The label shown for a run; a name that is not an open run (an HParams
  // session's folder) loses the shared prefix too when it has it.
  std::string label(const std::string& name) const;
  // 0xRRGGBB (the name's hash colour when not assigned).
  std::uint32_t color(const std::string& name) const;
  const std::string& prefix() const { return prefix_; }

 private:
  struct Look {
    std::string label;
    std::uint32_t rgb = 0;
  };
  std::map<std::string, Look, std::less<>> looks_;
  std::string prefix_;
};

}  // namespace el::ui
