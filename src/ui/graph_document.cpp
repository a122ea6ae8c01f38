#include "ui/graph_document.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>

#include "events/event_decoder.h"
#include "ui/palette.h"

// [SECTION] index
//   choices
//   a decoded graph
//   selection, search and trace

namespace el::ui {
namespace {

using graph::ItemKind;
using graph::kNone;

// Which graph of a run to show first: the op graph, then a Keras model, then the rest.
int graph_rank(const store::Series& s) {
  if (s.tag == events::kRunGraphTag) return 0;
  if (s.metadata.plugin_name == "graph_keras_model") return 1;
  if (s.tag == events::kMetaGraphTag) return 2;
  return 3;
}

constexpr std::uint32_t kGroupGrey = 0xc3cede, kOpFill = 0x8fa3c0, kNoDeviceGrey = 0xc8c8c8;

}  // namespace

// [SECTION] choices ----------------------------------------------------------------------------
std::string graph_title(const store::Series& s) {
  const std::string tag(s.tag);
  if (tag == events::kRunGraphTag) return "Op graph";
  if (tag == events::kMetaGraphTag) return "Meta graph";
  if (s.metadata.plugin_name == "graph_keras_model") return "Keras model (" + tag + ")";
  return "Run metadata: " + tag;
}

std::vector<std::pair<std::string, std::string>> graph_choices(
    const store::Store& st, const std::function<bool(const std::string&)>& shown) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& [name, run] : st.runs()) {
    if (!shown(name)) continue;
    std::vector<const store::Series*> gs;
    for (const auto& [tag, s] : run.tags)
      if (s.kind == events::Kind::kGraphs && !s.blobs.empty()) gs.push_back(&s);
    std::stable_sort(gs.begin(), gs.end(), [](auto* a, auto* b) { return graph_rank(*a) < graph_rank(*b); });
    for (const store::Series* s : gs) choices.emplace_back(name, std::string(s->tag));
  }
  return choices;
}

const store::Series* find_graph_series(const store::Store& st, const std::string& run,
                                       const std::string& tag) {
  auto r = st.runs().find(run);
  if (r == st.runs().end()) return nullptr;
  auto t = r->second.tags.find(tag);
  return t == r->second.tags.end() || t->second.kind != events::Kind::kGraphs ? nullptr : &t->second;
}

// [SECTION] a decoded graph ------------------------------------------------------------------------
std::uint32_t device_fill_colour(const graph::DeviceColours& devices, std::size_t index) {
  return devices.devices[index].empty()
             ? kNoDeviceGrey
             : mix_rgb(palette_color(static_cast<int>(index % kPaletteSize)), 0xffffff, 0.3f);
}

std::unique_ptr<GraphDocument> make_graph_document(graph::OpGraph ops, const graph::LayoutOptions& layout) {
  const auto t0 = std::chrono::steady_clock::now();
  auto d = std::make_unique<GraphDocument>();
  d->ops = std::move(ops);
  d->tree = graph::build_hierarchy(d->ops);
  d->layout = std::make_unique<graph::LayoutCache>(d->tree, layout);
  d->devices = graph::device_colours(d->ops, d->tree);
  std::map<std::uint64_t, int> seen;  // groups per make-up
  for (const graph::Item& it : d->tree.items)
    if (it.kind != ItemKind::kOp) ++seen[it.structure];
  const std::size_t n = d->tree.items.size();
  d->structure_fill.assign(n, kGroupGrey);
  d->device_fill.assign(n, kGroupGrey);
  for (std::size_t i = 0; i < n; ++i) {
    const graph::Item& it = d->tree.items[i];
    if (it.kind == ItemKind::kOp) {
      d->structure_fill[i] = kOpFill;
    } else if (seen[it.structure] > 1) {
      d->structure_fill[i] =
          mix_rgb(palette_color(static_cast<int>(it.structure % kPaletteSize)), 0xffffff, 0.45f);
    }
    d->device_fill[i] = device_fill_colour(d->devices, d->devices.item_device[i]);
  }
  d->layout->scene();  // the top level, now, so the timing covers opening
  d->load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return d;
}

// [SECTION] selection, search and trace ------------------------------------------------------------
void GraphSelection::reset() {
  selected = kNone;
  trace_key_ = ~0ull;
  search_doc_ = nullptr;
}

void GraphSelection::update_search(const GraphDocument& d) {
  if (searched_ == search && search_doc_ == &d) return;
  searched_ = search;
  search_doc_ = &d;
  matches_.clear();
  match_total_ = match_cursor_ = 0;
  found_items_.clear();
  search_valid_ = true;
  if (search.empty()) return;
  try {
    const std::regex re(search, std::regex::ECMAScript | std::regex::icase);
    matches_ = graph::search_ops(d.ops, re, kMaxMatches, match_total_);
  } catch (const std::regex_error&) {
    search_valid_ = false;
    return;
  }
  std::vector<std::uint8_t> flags(d.ops.nodes.size(), 0);
  for (std::uint32_t op : matches_) flags[op] = 1;
  found_items_ = graph::items_holding(d.tree, flags);
}

void GraphSelection::update_trace(const GraphDocument& d) {
  const bool on = trace && selected != kNone && selected < d.tree.items.size();
  const std::uint64_t key = on ? (static_cast<std::uint64_t>(selected) << 1) | 1 : 0;
  if (key == trace_key_) return;
  trace_key_ = key;
  lit_items_.clear();
  if (!key) return;
  lit_items_ = graph::items_holding(d.tree, graph::upstream_ops(d.ops, graph::ops_under(d.tree, selected)));
}

std::uint32_t GraphSelection::next_match(const GraphDocument& d) {
  if (matches_.empty()) return kNone;
  return d.tree.item_of_op[matches_[match_cursor_++ % matches_.size()]];
}

}  // namespace el::ui
