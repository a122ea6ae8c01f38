#include "ui/graph_dashboard.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "graph/svg_export.h"
#include "ui/format.h"
#include "ui/widgets.h"

// [SECTION] index
//   a document sized by the UI font
//   toolbar
//   side panel: search results and details
//   draw
//   state for tests

namespace el::ui {
namespace {

using graph::ItemKind;
using graph::kNone;

const char* kind_name(ItemKind k) {
  return k == ItemKind::kOp ? "op" : k == ItemKind::kGroup ? "group" : "series";
}

}  // namespace

// [SECTION] a document sized by the UI font --------------------------------------------------
std::unique_ptr<GraphDashboard::Doc> GraphDashboard::make_doc(graph::OpGraph ops) const {
  graph::LayoutOptions o;
  o.char_width = ImGui::CalcTextSize("abcdefghijklmnopqrstuvwxyz_0123").x / 31.0f;
  o.node_height = ImGui::GetFontSize() + 8;
  o.group_height = ImGui::GetFontSize() + 18;
  o.header = ImGui::GetFontSize() + 12;
  return make_graph_document(std::move(ops), o);
}

GraphDashboard::Doc* GraphDashboard::current() {
  if (!function_.empty()) return function_doc_.get();
  return main_.get();
}

void GraphDashboard::go_to(Doc& d, std::uint32_t item) {
  if (item == kNone || item >= d.tree.items.size()) return;
  d.layout->reveal(item);
  sel_.selected = item;
  canvas_.center_on(item);
}

void GraphDashboard::toggle(Doc& d, std::uint32_t item) {
  canvas_.anchor(*d.layout, item);
  d.layout->set_expanded(item, !d.layout->expanded(item));
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
  const store::Series* s = find_graph_series(*ctx.store, run_, tag_);
  ImGui::SameLine();
  ImGui::TextUnformatted("Graph");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(230);
  if (ImGui::BeginCombo("##graph_tag", s ? graph_title(*s).c_str() : "")) {
    for (const auto& [run, tag] : choices) {
      if (run != run_) continue;
      const store::Series* c = find_graph_series(*ctx.store, run, tag);
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
  const bool invalid = !sel_.search_valid();
  if (invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(140, 40, 40, 200));
  const bool enter = input_string("##graph_search", "Search nodes (name or op, regex)", sel_.search,
                                  ImGuiInputTextFlags_EnterReturnsTrue);
  if (invalid) ImGui::PopStyleColor();
  note_control("search");
  tooltip(
      "A regular expression matched against node names and op types (case-insensitive).\n"
      "Enter goes to the next match: its groups open and the view centres on it.");
  if (Doc* d = current()) {
    sel_.update_search(*d);
    if (enter) go_to(*d, sel_.next_match(*d));
  }
  ImGui::SameLine();
  if (!sel_.search.empty()) {
    if (!sel_.search_valid())
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "invalid pattern");
    else
      ImGui::TextDisabled("%s match%s", format_count(sel_.match_total()).c_str(),
                          sel_.match_total() == 1 ? "" : "es");
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
  ImGui::Checkbox("Trace inputs", &sel_.trace);
  note_control("Trace inputs");
  tooltip("Highlight everything the selected node depends on; the rest fades.");
}

// [SECTION] side panel: search results and details ---------------------------------------------
void GraphDashboard::draw_details(const UiContext& ctx, Doc& d) {
  const graph::Item& it = d.tree.items[sel_.selected];
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
    if (ImGui::Button(d.layout->expanded(sel_.selected) ? "Collapse" : "Expand")) toggle(d, sel_.selected);
    // The op types inside, most frequent first.
    std::map<std::string, int> kinds;
    for (std::uint32_t op : graph::ops_under(d.tree, sel_.selected)) ++kinds[d.ops.nodes[op].op];
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
  const std::vector<std::uint32_t>& matches = sel_.matches();
  if (!sel_.search.empty() && sel_.search_valid()) {
    section_heading(ctx.fonts, "Search results");
    if (matches.empty()) ImGui::TextDisabled("No node's name or op matches.");
    for (std::size_t i = 0; i < matches.size() && i < 100; ++i) {
      const graph::OpNode& n = d.ops.nodes[matches[i]];
      ImGui::PushID(static_cast<int>(i));
      const std::uint32_t item = d.tree.item_of_op[matches[i]];
      if (ImGui::Selectable(n.name.c_str(), item == sel_.selected)) go_to(d, item);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\nClick to open its groups and centre it.", n.op.c_str());
      ImGui::PopID();
    }
    if (sel_.match_total() > 100)
      ImGui::TextDisabled("%s more: refine the pattern", format_count(sel_.match_total() - 100).c_str());
    ImGui::Separator();
  }
  if (sel_.selected != kNone && sel_.selected < d.tree.items.size()) {
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
        const std::uint32_t c = device_fill_colour(d.devices, i);
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
  const auto choices = graph_choices(*ctx.store, [&](const std::string& run) { return ctx.run_shown(run); });
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
  const store::Series* s = find_graph_series(*ctx.store, run_, tag_);
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
    sel_.reset();
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
      sel_.reset();
      canvas_.fit();
    }
  }
  if (!function_.empty() && !function_doc_ && main_) {
    graph::OpGraph fg;
    std::string error;
    if (graph::function_graph(main_->ops, function_, fg, error)) {
      function_doc_ = make_doc(std::move(fg));
      sel_.reset();
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
  info_.search = sel_.search;
  info_.tracing = sel_.trace;
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
  sel_.update_trace(*d);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::clamp(avail.x * 0.28f, 240.0f, 380.0f);
  GraphPaint paint;
  paint.fill = ctx.settings->graph_color_device ? &d->device_fill : &d->structure_fill;
  paint.lit = sel_.lit_items().empty() ? nullptr : &sel_.lit_items();
  paint.found = sel_.found_items().empty() ? nullptr : &sel_.found_items();
  paint.selected = sel_.selected;
  paint.dark = ctx.settings->dark;
  const GraphCanvasEvents ev = canvas_.draw(*d->layout, d->ops, paint, ctx.fonts,
                                            ImVec2(std::max(100.0f, avail.x - side - 8), avail.y));
  charts_drawn_ = 1;
  if (ev.double_clicked != kNone) toggle(*d, ev.double_clicked);
  if (ev.clicked != kNone) sel_.selected = ev.clicked;
  if (ev.background_clicked) sel_.selected = kNone;
  ImGui::SameLine();
  draw_side_panel(ctx, *d, side, avail.y);
  fill_info(*d);
}

// [SECTION] state for tests ---------------------------------------------------------------------------
void GraphDashboard::fill_info(const Doc& d) {
  info_.nodes = d.ops.nodes.size();
  info_.edges = d.ops.data_edges + d.ops.control_edges;
  info_.functions = d.ops.functions.size();
  info_.search_total = sel_.match_total();
  info_.zoom = canvas_.zoom();
  const std::vector<std::uint8_t>& lit = sel_.lit_items();
  info_.traced = static_cast<std::size_t>(std::count(lit.begin(), lit.end(), 1));
  if (sel_.selected != kNone && sel_.selected < d.tree.items.size()) {
    const graph::Item& it = d.tree.items[sel_.selected];
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
