#include "ui/graph_dashboard.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "graph/svg_export.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/widgets.h"

// [SECTION] index
//   choices: runs, graphs, records, functions
//   decoding a graph into a document
//   toolbar
//   side panel: search results and details
//   draw
//   state for tests

namespace el::ui {
namespace {

using graph::ItemKind;
using graph::kNone;

// [SECTION] choices: runs, graphs, records, functions
std::string graph_title(const store::Series& s) {
  const std::string tag(s.tag);
  if (tag == events::kRunGraphTag) return "Op graph";
  if (tag == events::kMetaGraphTag) return "Meta graph";
  if (s.metadata.plugin_name == "graph_keras_model") return "Keras model (" + tag + ")";
  return "Run metadata: " + tag;
}

// Which graph of a run to show first: the op graph, then a Keras model, then the rest.
int graph_rank(const store::Series& s) {
  if (s.tag == events::kRunGraphTag) return 0;
  if (s.metadata.plugin_name == "graph_keras_model") return 1;
  if (s.tag == events::kMetaGraphTag) return 2;
  return 3;
}

const store::Series* find_series(const store::Store& st, const std::string& run, const std::string& tag) {
  auto r = st.runs().find(run);
  if (r == st.runs().end()) return nullptr;
  auto t = r->second.tags.find(tag);
  return t == r->second.tags.end() || t->second.kind != events::Kind::kGraphs ? nullptr : &t->second;
}

std::uint32_t lighten(std::uint32_t c, float k) {
  auto ch = [&](int shift) {
    const float v = static_cast<float>((c >> shift) & 0xff);
    return static_cast<std::uint32_t>(v + (255 - v) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

const char* kind_name(ItemKind k) {
  return k == ItemKind::kOp ? "op" : k == ItemKind::kGroup ? "group" : "series";
}

}  // namespace

// [SECTION] decoding a graph into a document --------------------------------------------------
std::unique_ptr<GraphDashboard::Doc> GraphDashboard::make_doc(graph::OpGraph ops) const {
  const auto t0 = std::chrono::steady_clock::now();
  auto d = std::make_unique<Doc>();
  d->ops = std::move(ops);
  d->tree = graph::build_hierarchy(d->ops);
  graph::LayoutOptions o;
  o.char_width = ImGui::CalcTextSize("abcdefghijklmnopqrstuvwxyz_0123").x / 31.0f;
  o.node_height = ImGui::GetFontSize() + 8;
  o.group_height = ImGui::GetFontSize() + 18;
  o.header = ImGui::GetFontSize() + 12;
  d->layout = std::make_unique<graph::LayoutCache>(d->tree, o);
  d->devices = graph::device_colours(d->ops, d->tree);
  // Structure: groups that share their make-up with another group share a colour.
  std::map<std::uint64_t, int> seen;
  for (const graph::Item& it : d->tree.items)
    if (it.kind != ItemKind::kOp) ++seen[it.structure];
  const std::size_t n = d->tree.items.size();
  d->structure_fill.assign(n, 0xc3cede);
  d->device_fill.assign(n, 0xc3cede);
  for (std::size_t i = 0; i < n; ++i) {
    const graph::Item& it = d->tree.items[i];
    if (it.kind == ItemKind::kOp) {
      d->structure_fill[i] = 0x8fa3c0;
    } else if (seen[it.structure] > 1) {
      d->structure_fill[i] = lighten(palette_color(static_cast<int>(it.structure % kPaletteSize)), 0.45f);
    }
    const std::uint32_t dev = d->devices.item_device[i];
    d->device_fill[i] = d->devices.devices[dev].empty()
                            ? 0xc8c8c8
                            : lighten(palette_color(static_cast<int>(dev % kPaletteSize)), 0.3f);
  }
  d->layout->scene();  // the top level, now, so the timing covers opening
  d->load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return d;
}

GraphDashboard::Doc* GraphDashboard::current() {
  if (!function_.empty()) return function_doc_.get();
  return main_.get();
}

void GraphDashboard::go_to(Doc& d, std::uint32_t item) {
  if (item == kNone || item >= d.tree.items.size()) return;
  d.layout->reveal(item);
  selected_ = item;
  canvas_.center_on(item);
}

void GraphDashboard::toggle(Doc& d, std::uint32_t item) {
  canvas_.anchor(*d.layout, item);
  d.layout->set_expanded(item, !d.layout->expanded(item));
}

void GraphDashboard::update_search(Doc& d) {
  if (searched_ == search_ && search_doc_ == &d) return;
  searched_ = search_;
  search_doc_ = &d;
  matches_.clear();
  match_total_ = match_cursor_ = 0;
  found_items_.clear();
  search_valid_ = true;
  if (search_.empty()) return;
  try {
    const std::regex re(search_, std::regex::ECMAScript | std::regex::icase);
    matches_ = graph::search_ops(d.ops, re, 500, match_total_);
  } catch (const std::regex_error&) {
    search_valid_ = false;
    return;
  }
  std::vector<std::uint8_t> flags(d.ops.nodes.size(), 0);
  for (std::uint32_t op : matches_) flags[op] = 1;
  found_items_ = graph::items_holding(d.tree, flags);
}

void GraphDashboard::update_trace(Doc& d) {
  const std::uint64_t key =
      trace_ && selected_ != kNone ? (static_cast<std::uint64_t>(selected_) << 1) | 1 : 0;
  if (key == trace_key_) return;
  trace_key_ = key;
  lit_items_.clear();
  if (!key) return;
  lit_items_ = graph::items_holding(d.tree, graph::upstream_ops(d.ops, graph::ops_under(d.tree, selected_)));
}

// [SECTION] toolbar --------------------------------------------------------------------------------
void GraphDashboard::note_control(const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectSize();
  info_.controls.push_back({name, "control", false, a.x, a.y, z.x, z.y});
}

void GraphDashboard::draw_toolbar(const UiContext& ctx,
                                  const std::vector<std::pair<std::string, std::string>>& choices) {
  // Run.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Run");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x * 0.22f));
  if (ImGui::BeginCombo("##graph_run", run_.c_str())) {
    std::string last;
    for (const auto& [run, tag] : choices) {
      if (run == last) continue;
      last = run;
      if (ImGui::Selectable(run.c_str(), run == run_)) {
        run_ = run;
        tag_.clear();
        ctx.settings->graph_run = run;
        ctx.settings->graph_tag.clear();
        function_.clear();
        ctx.settings->graph_function.clear();
        record_chosen_ = false;
      }
    }
    ImGui::EndCombo();
  }
  note_control("run");
  tooltip("The run whose graph is shown. Only runs with a graph are listed.");
  // Graph of the run.
  const store::Series* s = find_series(*ctx.store, run_, tag_);
  ImGui::SameLine();
  ImGui::TextUnformatted("Graph");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(230);
  if (ImGui::BeginCombo("##graph_tag", s ? graph_title(*s).c_str() : "")) {
    for (const auto& [run, tag] : choices) {
      if (run != run_) continue;
      const store::Series* c = find_series(*ctx.store, run, tag);
      if (c && ImGui::Selectable(graph_title(*c).c_str(), tag == tag_)) {
        tag_ = tag;
        ctx.settings->graph_run = run_;
        ctx.settings->graph_tag = tag;
        function_.clear();
        ctx.settings->graph_function.clear();
        record_chosen_ = false;
      }
    }
    ImGui::EndCombo();
  }
  note_control("graph");
  tooltip(
      "Which of the run's graphs: the op graph (graph_def), the meta graph, a Keras model's layers,\n"
      "or the graph of a traced step (run metadata).");
  // Record, when the tag was written more than once.
  if (s && s->blobs.size() > 1) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    char label[64];
    std::snprintf(label, sizeof label, "%zu of %zu (step %lld)", record_ + 1, s->blobs.size(),
                  static_cast<long long>(s->steps[record_]));
    if (ImGui::BeginCombo("##graph_record", label)) {
      for (std::size_t i = 0; i < s->blobs.size(); ++i) {
        std::snprintf(label, sizeof label, "%zu of %zu (step %lld)", i + 1, s->blobs.size(),
                      static_cast<long long>(s->steps[i]));
        if (ImGui::Selectable(label, i == record_)) {
          record_ = i;
          record_chosen_ = true;
          function_.clear();
          ctx.settings->graph_function.clear();
        }
      }
      ImGui::EndCombo();
    }
    tooltip("This graph was written several times; the last one is shown unless you pick another.");
  }
  // Function of the library.
  if (main_ && !main_->ops.functions.empty()) {
    ImGui::SameLine();
    ImGui::TextUnformatted("Function");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo("##graph_function", function_.empty() ? "(the main graph)" : function_.c_str())) {
      if (ImGui::Selectable("(the main graph)", function_.empty())) ctx.settings->graph_function.clear();
      for (const std::string& f : main_->ops.functions)
        if (ImGui::Selectable(f.c_str(), f == function_)) ctx.settings->graph_function = f;
      ImGui::EndCombo();
    }
    note_control("function");
    tooltip("The graph's function library: each function opens as a graph of its own.");
  }

  // View and export, at the right end of the first row.
  {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = 0;
    for (const char* b : {"Fit", "Collapse all", "Expand all", "PNG", "SVG"})
      w += ImGui::CalcTextSize(b).x + 2 * st.FramePadding.x + st.ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();  // a narrow window: a row of their own
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
  }
  if (ImGui::Button("Fit")) canvas_.fit();
  note_control("Fit");
  tooltip("Zoom and pan so the whole graph is in view.");
  ImGui::SameLine();
  if (ImGui::Button("Collapse all")) {
    if (Doc* d = current()) {
      for (std::uint32_t id :
           std::vector<std::uint32_t>(d->layout->expanded_set().begin(), d->layout->expanded_set().end()))
        d->layout->set_expanded(id, false);
      canvas_.fit();
    }
  }
  note_control("Collapse all");
  tooltip("Fold every group back to the top level.");
  ImGui::SameLine();
  if (ImGui::Button("Expand all")) {
    if (Doc* d = current()) {
      for (std::uint32_t id = 1; id < d->tree.items.size(); ++id)
        if (d->tree.items[id].kind != ItemKind::kOp) d->layout->set_expanded(id, true);
      canvas_.fit();
    }
  }
  note_control("Expand all");
  tooltip("Open every group and series (large graphs get very big).");
  ImGui::SameLine();
  const bool can_png = ctx.capture != nullptr;
  if (ImGui::Button("PNG") && can_png) {
    *ctx.capture = PngCapture{canvas_.canvas_min(), canvas_.canvas_max(), "graph-" + run_ + ".png"};
    std::replace(ctx.capture->value().filename.begin(), ctx.capture->value().filename.end(), '/', '_');
  }
  note_control("PNG");
  tooltip("Save what the canvas shows as a PNG image.");
  ImGui::SameLine();
  if (ImGui::Button("SVG")) {
    if (Doc* d = current(); d && ctx.downloads) {
      graph::SvgStyle style;
      style.item_fill = ctx.settings->graph_color_device ? d->device_fill : d->structure_fill;
      std::string name = "graph-" + run_ + (function_.empty() ? "" : "-" + function_) + ".svg";
      std::replace(name.begin(), name.end(), '/', '_');
      ctx.downloads->push_back({name, "image/svg+xml", graph::scene_svg(d->tree, d->layout->scene(), style)});
    }
  }
  note_control("SVG");
  tooltip("Save the graph as currently expanded as an SVG drawing (sharp at any size).");
  // Second row: search, colour, trace.
  ImGui::SetNextItemWidth(260);
  const bool invalid = !search_valid_;
  if (invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(140, 40, 40, 200));
  const bool enter = input_string("##graph_search", "Search nodes (name or op, regex)", search_,
                                  ImGuiInputTextFlags_EnterReturnsTrue);
  if (invalid) ImGui::PopStyleColor();
  note_control("search");
  tooltip(
      "A regular expression matched against node names and op types (case-insensitive).\n"
      "Enter goes to the next match: its groups open and the view centres on it.");
  if (Doc* d = current()) {
    update_search(*d);
    if (enter && !matches_.empty()) {
      go_to(*d, d->tree.item_of_op[matches_[match_cursor_ % matches_.size()]]);
      ++match_cursor_;
    }
  }
  ImGui::SameLine();
  if (!search_.empty()) {
    if (!search_valid_)
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "invalid pattern");
    else
      ImGui::TextDisabled("%s match%s", format_count(match_total_).c_str(), match_total_ == 1 ? "" : "es");
    ImGui::SameLine();
  }
  ImGui::TextUnformatted("Colour");
  ImGui::SameLine();
  bool& by_device = ctx.settings->graph_color_device;
  if (ImGui::RadioButton("structure", !by_device)) by_device = false;
  note_control("structure");
  tooltip("Groups with the same inner make-up share a colour; unique groups are grey.");
  ImGui::SameLine();
  if (ImGui::RadioButton("device", by_device)) by_device = true;
  note_control("device");
  tooltip("Colour by the device each node runs on (a group takes the device most of its nodes use).");
  ImGui::SameLine();
  ImGui::Checkbox("Trace inputs", &trace_);
  note_control("Trace inputs");
  tooltip("Highlight everything the selected node depends on; the rest fades.");
}

// [SECTION] side panel: search results and details ---------------------------------------------
void GraphDashboard::draw_details(const UiContext& ctx, Doc& d) {
  const graph::Item& it = d.tree.items[selected_];
  section_heading(ctx.fonts, it.kind == ItemKind::kOp      ? "Node"
                             : it.kind == ItemKind::kGroup ? "Group"
                                                           : "Series");
  if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(it.name.c_str());
  ImGui::PopTextWrapPos();
  if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
  if (ImGui::SmallButton("Copy name") && ctx.copy_text) *ctx.copy_text = it.name;
  tooltip("Copy the full name to the clipboard.");
  auto item_link = [&](std::uint32_t op, const char* suffix, int id) {
    ImGui::PushID(id);
    std::string label = d.ops.nodes[op].name;
    label += suffix;
    if (ImGui::Selectable(label.c_str(), false)) go_to(d, d.tree.item_of_op[op]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nClick to go there.", d.ops.nodes[op].op.c_str());
    ImGui::PopID();
  };
  if (it.kind != ItemKind::kOp) {
    ImGui::Text("%s ops inside, %zu children", format_count(it.ops).c_str(), it.children.size());
    if (ImGui::Button(d.layout->expanded(selected_) ? "Collapse" : "Expand")) toggle(d, selected_);
    // The op types inside, most frequent first.
    std::map<std::string, int> kinds;
    for (std::uint32_t op : graph::ops_under(d.tree, selected_)) ++kinds[d.ops.nodes[op].op];
    std::vector<std::pair<int, std::string>> sorted;
    for (auto& [k, n] : kinds) sorted.push_back({-n, k});
    std::sort(sorted.begin(), sorted.end());
    section_heading(ctx.fonts, "Op types inside");
    for (std::size_t i = 0; i < sorted.size() && i < 12; ++i)
      ImGui::BulletText("%s  \xC3\x97%d", sorted[i].second.c_str(), -sorted[i].first);
    if (sorted.size() > 12) ImGui::TextDisabled("and %zu more", sorted.size() - 12);
    return;
  }
  const graph::OpNode& n = d.ops.nodes[it.op];
  if (ImGui::BeginTable("##node_facts", 2, ImGuiTableFlags_SizingStretchProp)) {
    auto row = [](const char* k, const std::string& v) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", k);
      ImGui::TableSetColumnIndex(1);
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(v.empty() ? "\xE2\x80\x94" : v.c_str());
      ImGui::PopTextWrapPos();
    };
    row("op", n.op);
    row("device", n.device);
    for (std::size_t i = 0; i < n.output_shapes.size(); ++i)
      row(("output " + std::to_string(i)).c_str(), n.output_shapes[i].text());
    ImGui::EndTable();
  }
  if (!n.attrs.empty()) {
    section_heading(ctx.fonts, "Attributes");
    if (ImGui::BeginTable("##node_attrs", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
      for (const graph::Attr& a : n.attrs) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled("%s", a.key.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(a.value.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::EndTable();
    }
  }
  section_heading(ctx.fonts, "Inputs");
  int id = 0;
  for (const graph::OpInput& in : n.inputs) {
    const graph::OpNode& src = d.ops.nodes[in.node];
    std::string suffix;
    if (in.control)
      suffix = "  (control)";
    else if (in.slot < src.output_shapes.size())
      suffix = "  " + src.output_shapes[in.slot].text();
    if (!in.control && in.slot > 0) suffix = ":" + std::to_string(in.slot) + suffix;
    item_link(in.node, suffix.c_str(), id++);
  }
  for (const std::string& m : n.missing_inputs) ImGui::TextDisabled("%s  (not in the graph)", m.c_str());
  if (n.inputs.empty() && n.missing_inputs.empty()) ImGui::TextDisabled("none");
  section_heading(ctx.fonts, "Outputs");
  std::vector<std::uint32_t> outs = n.outputs;
  std::sort(outs.begin(), outs.end());
  outs.erase(std::unique(outs.begin(), outs.end()), outs.end());
  for (std::uint32_t o : outs) item_link(o, "", id++);
  if (outs.empty()) ImGui::TextDisabled("none");
}

void GraphDashboard::draw_side_panel(const UiContext& ctx, Doc& d, float width, float height) {
  ImGui::BeginChild("##graph_side", ImVec2(width, height), true);
  if (!search_.empty() && search_valid_) {
    section_heading(ctx.fonts, "Search results");
    if (matches_.empty()) ImGui::TextDisabled("No node's name or op matches.");
    for (std::size_t i = 0; i < matches_.size() && i < 100; ++i) {
      const graph::OpNode& n = d.ops.nodes[matches_[i]];
      ImGui::PushID(static_cast<int>(i));
      const std::uint32_t item = d.tree.item_of_op[matches_[i]];
      if (ImGui::Selectable(n.name.c_str(), item == selected_)) go_to(d, item);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\nClick to open its groups and centre it.", n.op.c_str());
      ImGui::PopID();
    }
    if (match_total_ > 100)
      ImGui::TextDisabled("%s more: refine the pattern", format_count(match_total_ - 100).c_str());
    ImGui::Separator();
  }
  if (selected_ != kNone && selected_ < d.tree.items.size()) {
    draw_details(ctx, d);
  } else {
    section_heading(ctx.fonts, "This graph");
    ImGui::Text("%s nodes, %s edges", format_count(d.ops.nodes.size()).c_str(),
                format_count(d.ops.data_edges + d.ops.control_edges).c_str());
    if (d.ops.control_edges)
      ImGui::TextDisabled("of which %s control edges (dashed)", format_count(d.ops.control_edges).c_str());
    if (d.ops.dangling_inputs)
      ImGui::TextDisabled("%s inputs name nodes not in the graph",
                          format_count(d.ops.dangling_inputs).c_str());
    if (!d.ops.functions.empty())
      ImGui::TextDisabled("%zu library function%s (see Function)", d.ops.functions.size(),
                          d.ops.functions.size() == 1 ? "" : "s");
    ImGui::TextDisabled("Decoded and laid out in %.0f ms", d.load_ms);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled(
        "Click a node for its details. Double-click a group to open or close it. "
        "Drag to pan, scroll to zoom; the minimap (bottom right) moves the view.");
    ImGui::PopTextWrapPos();
    if (ctx.settings->graph_color_device) {
      section_heading(ctx.fonts, "Devices");
      for (std::size_t i = 0; i < d.devices.devices.size(); ++i) {
        const std::uint32_t c = d.devices.devices[i].empty()
                                    ? 0xc8c8c8
                                    : lighten(palette_color(static_cast<int>(i % kPaletteSize)), 0.3f);
        ImGui::ColorButton(
            ("##dev" + std::to_string(i)).c_str(),
            ImVec4(((c >> 16) & 0xff) / 255.0f, ((c >> 8) & 0xff) / 255.0f, (c & 0xff) / 255.0f, 1),
            ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::TextUnformatted(d.devices.devices[i].empty() ? "(no device recorded)"
                                                            : d.devices.devices[i].c_str());
      }
    }
  }
  ImGui::EndChild();
}

// [SECTION] draw -------------------------------------------------------------------------------------
void GraphDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  info_ = GraphViewInfo();
  // Every (run, graph tag) of the shown runs, runs in name order, best graph first.
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!ctx.run_shown(name)) continue;
    std::vector<const store::Series*> gs;
    for (const auto& [tag, s] : run.tags)
      if (s.kind == events::Kind::kGraphs && !s.blobs.empty()) gs.push_back(&s);
    std::stable_sort(gs.begin(), gs.end(), [](auto* a, auto* b) { return graph_rank(*a) < graph_rank(*b); });
    for (const store::Series* s : gs) choices.emplace_back(name, std::string(s->tag));
  }
  if (choices.empty()) {
    ImGui::TextDisabled("No graphs in the shown runs.");
    return;
  }
  // A link's choice (grun=, gtag=) wins while it names a graph that is open.
  for (const auto& [run, tag] : choices)
    if (run == ctx.settings->graph_run &&
        (ctx.settings->graph_tag.empty() || tag == ctx.settings->graph_tag)) {
      if (run_ != run) tag_.clear();
      run_ = run;
      if (!ctx.settings->graph_tag.empty()) tag_ = tag;
      break;
    }
  bool run_ok = false, tag_ok = false;
  for (const auto& [run, tag] : choices) {
    run_ok |= run == run_;
    tag_ok |= run == run_ && tag == tag_;
  }
  if (!run_ok) {
    run_ = choices[0].first;
    tag_.clear();
  }
  if (!tag_ok) {
    for (const auto& [run, tag] : choices)
      if (run == run_) {
        tag_ = tag;
        break;
      }
    record_chosen_ = false;
    function_.clear();
  }
  const store::Series* s = find_series(*ctx.store, run_, tag_);
  if (!s) return;
  if (!record_chosen_ || record_ >= s->blobs.size()) record_ = s->blobs.size() - 1;

  // The document for (run, tag, record): decoded once the bytes arrive.
  const std::string key = run_ + '\n' + tag_ + '\n' + std::to_string(record_) + '\n' +
                          std::to_string(s->blobs[record_].file) + ':' +
                          std::to_string(s->blobs[record_].offset);
  if (key != loaded_key_) {
    main_.reset();
    function_doc_.reset();
    load_error_.clear();
    selected_ = kNone;
    trace_key_ = ~0ull;
    search_doc_ = nullptr;
    canvas_.fit();
    if (ctx.media) {
      const GraphBytesView v = ctx.media->graph(*s, record_);
      if (v.state == MediaState::kReady && announced_key_ != key) {
        // Big graphs take a moment to decode and lay out: say so first (one frame).
        announced_key_ = key;
        decoding_bytes_ = v.bytes->size();
        if (ctx.wants_frame) *ctx.wants_frame = true;
      } else if (v.state == MediaState::kReady) {
        graph::OpGraph ops;
        std::string error;
        if (graph::parse_graph(graph::source_for(tag_, s->metadata.plugin_name), *v.bytes, ops, error))
          main_ = make_doc(std::move(ops));
        else
          load_error_ = ctx.store->files().status(s->blobs[record_].file).path + ": " + error;
        loaded_key_ = key;
      } else if (v.state == MediaState::kError) {
        load_error_ = v.error;
        loaded_key_ = key;
      }
    }
  }
  // The function shown follows the settings (the combo and links write them).
  if (main_) {
    const std::string& want = ctx.settings->graph_function;
    const bool known = std::binary_search(main_->ops.functions.begin(), main_->ops.functions.end(), want);
    const std::string next = known ? want : std::string();
    if (next != function_) {
      function_ = next;
      function_doc_.reset();
      selected_ = kNone;
      trace_key_ = ~0ull;
      search_doc_ = nullptr;
      canvas_.fit();
    }
  }
  if (!function_.empty() && !function_doc_ && main_) {
    graph::OpGraph fg;
    std::string error;
    if (graph::function_graph(main_->ops, function_, fg, error)) {
      function_doc_ = make_doc(std::move(fg));
      selected_ = kNone;
      trace_key_ = ~0ull;
      canvas_.fit();
    } else {
      function_.clear();
      ctx.settings->graph_function.clear();
    }
  }

  draw_toolbar(ctx, choices);
  info_.run = run_;
  info_.tag = tag_;
  info_.function = function_;
  info_.records = s->blobs.size();
  info_.source = graph::source_name(graph::source_for(tag_, s->metadata.plugin_name));
  info_.search = search_;
  info_.tracing = trace_;
  info_.color_by = ctx.settings->graph_color_device ? "device" : "structure";
  Doc* d = current();
  if (!d) {
    if (!load_error_.empty()) {
      info_.error = load_error_;
      ImGui::Spacing();
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "This graph cannot be shown: %s", load_error_.c_str());
      ImGui::PopTextWrapPos();
    } else {
      info_.status = "loading";
      if (announced_key_ == key)
        ImGui::TextDisabled("Decoding and laying out the graph (%s)\xE2\x80\xA6",
                            format_bytes(decoding_bytes_).c_str());
      else
        ImGui::TextDisabled("Reading the graph from %s\xE2\x80\xA6",
                            ctx.store->files().status(s->blobs[record_].file).path.c_str());
    }
    return;
  }
  if (d->ops.nodes.empty()) {
    info_.note = d->ops.note;
    ImGui::Spacing();
    ImGui::TextDisabled("%s", d->ops.note.c_str());
    return;
  }
  update_trace(*d);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::clamp(avail.x * 0.28f, 240.0f, 380.0f);
  GraphPaint paint;
  paint.fill = ctx.settings->graph_color_device ? &d->device_fill : &d->structure_fill;
  paint.lit = lit_items_.empty() ? nullptr : &lit_items_;
  paint.found = found_items_.empty() ? nullptr : &found_items_;
  paint.selected = selected_;
  paint.dark = ctx.settings->dark;
  const GraphCanvasEvents ev = canvas_.draw(*d->layout, d->ops, paint, ctx.fonts,
                                            ImVec2(std::max(100.0f, avail.x - side - 8), avail.y));
  charts_drawn_ = 1;
  if (ev.double_clicked != kNone) toggle(*d, ev.double_clicked);
  if (ev.clicked != kNone) selected_ = ev.clicked;
  if (ev.background_clicked) selected_ = kNone;
  ImGui::SameLine();
  draw_side_panel(ctx, *d, side, avail.y);
  fill_info(*d);
}

// [SECTION] state for tests ---------------------------------------------------------------------------
void GraphDashboard::fill_info(const Doc& d) {
  info_.nodes = d.ops.nodes.size();
  info_.edges = d.ops.data_edges + d.ops.control_edges;
  info_.functions = d.ops.functions.size();
  info_.search_total = match_total_;
  info_.zoom = canvas_.zoom();
  info_.traced = static_cast<std::size_t>(std::count(lit_items_.begin(), lit_items_.end(), 1));
  if (selected_ != kNone && selected_ < d.tree.items.size()) {
    const graph::Item& it = d.tree.items[selected_];
    info_.selected = it.name;
    if (it.kind == ItemKind::kOp)
      for (const graph::OpInput& in : d.ops.nodes[it.op].inputs)
        info_.inputs.push_back(d.ops.nodes[in.node].name);
  }
  // Names of the open groups: the first 500 (a graph opened whole has tens of thousands).
  info_.expanded_count = d.layout->expanded_set().size();
  for (std::uint32_t id : d.layout->expanded_set()) {
    if (info_.expanded.size() >= 500) break;
    info_.expanded.push_back(d.tree.items[id].name);
  }
  std::sort(info_.expanded.begin(), info_.expanded.end());
  const graph::Scene& s = d.layout->scene();
  info_.items_visible = s.items.size();
  const ImVec2 a = canvas_.canvas_min(), b = canvas_.canvas_max();
  info_.canvas = {"canvas", "canvas", false, a.x, a.y, b.x - a.x, b.y - a.y};
  for (const graph::SceneItem& si : s.items) {
    if (info_.boxes.size() >= 400) break;
    const ImVec4 r = canvas_.to_screen(si.rect);
    if (r.z < a.x || r.x > b.x || r.w < a.y || r.y > b.y) continue;
    const graph::Item& it = d.tree.items[si.item];
    info_.boxes.push_back({it.name, kind_name(it.kind), si.expanded, r.x, r.y, r.z - r.x, r.w - r.y});
  }
}

const DashboardInfo& GraphDashboard::info() const {
  static const DashboardInfo kInfo{"graphs", "Graphs", "Model graphs: TensorFlow op graphs and Keras models.",
                                   events::Kind::kGraphs};
  return kInfo;
}

// The canvas has its controls in its toolbar; the sidebar says how to move about.
void GraphDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "Graphs");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Drag to pan, wheel to zoom. Double-click a group to open or close it; click a node for its "
      "details. Search by name or op with a regular expression; Enter goes to the next match.");
  ImGui::PopStyleColor();
}

std::vector<std::string_view> GraphDashboard::link_keys() const { return {"grun", "gtag", "gfn", "gcolor"}; }

}  // namespace el::ui
