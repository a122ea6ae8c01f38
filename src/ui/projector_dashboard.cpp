#include "ui/projector_dashboard.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "ui/format.h"
#include "ui/widgets.h"

// [SECTION] index
//   the embedding and its derived data
//   sidebar
//   toolbar
//   body: the view, labels and sprites
//   inspector: hovered point, selection, neighbours
//   bookmarks and downloads
//   state and link

namespace el::ui {

namespace {

const DashboardInfo kInfo{"projector", "Projector",
                          "Embeddings as points in 2-D or 3-D: PCA of every point or custom axes, coloured, "
                          "labelled and searched by their metadata, with nearest neighbours.",
                          events::Kind::kTensors, true};

ImU32 to_im(std::uint32_t rgb, float alpha = 1.0f) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, static_cast<int>(alpha * 255));
}

// `rgb` blended toward `bg` (both 0xRRGGBB): how points outside a selection fade.
std::uint32_t fade(std::uint32_t rgb, std::uint32_t bg, float keep) {
  std::uint32_t out = 0;
  for (int shift = 16; shift >= 0; shift -= 8) {
    const float a = (rgb >> shift) & 0xff, b = (bg >> shift) & 0xff;
    out |= static_cast<std::uint32_t>(std::lround(b + (a - b) * keep)) << shift;
  }
  return out;
}

std::uint32_t frame_bg_rgb() {
  const ImVec4 c = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
  const ImVec4 w = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  auto mix = [&](float a, float b) {
    return static_cast<std::uint32_t>(std::lround((b + (a - b) * c.w) * 255));
  };
  return mix(c.x, w.x) << 16 | mix(c.y, w.y) << 8 | mix(c.z, w.z);
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

const char* projection_name(int method) {
  return method == 1 ? "tsne" : method == 2 ? "custom" : method == 3 ? "umap" : "pca";
}

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// A metadata column by name; "" is `none` (an entry of its own when
// `none_entry`, else the name of the column it stands for).
bool combo_column(const char* label, const embed::MetadataTable& m, std::string& column, const char* none,
                  bool none_entry = true) {
  bool changed = false;
  if (ImGui::BeginCombo(label, column.empty() ? none : column.c_str())) {
    if (none_entry && ImGui::Selectable(none, column.empty())) {
      column.clear();
      changed = true;
    }
    for (const std::string& c : m.columns)
      if (ImGui::Selectable(c.c_str(), c == column || (!none_entry && column.empty() && c == none))) {
        column = c;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

ProjectorDashboard::~ProjectorDashboard() = default;

void ProjectorDashboard::note_control(std::string name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  info_.controls.push_back({std::move(name), a.x, a.y, b.x - a.x, b.y - a.y});
}

const DashboardInfo& ProjectorDashboard::info() const { return kInfo; }

bool ProjectorDashboard::has_data(const UiContext& ctx) const {
  return ctx.embeddings && !ctx.embeddings->discovery().embeddings.empty();
}

// [SECTION] the embedding and its derived data ---------------------------------------------------
int ProjectorDashboard::label_column(const LoadedEmbedding& e, const Settings& s) const {
  const int c = column_index(e, s.projector_label);
  return c >= 0 || e.metadata.columns.empty() ? c : 0;  // TensorBoard labels by the first column
}

int ProjectorDashboard::column_index(const LoadedEmbedding& e, const std::string& name) const {
  for (std::size_t i = 0; i < e.metadata.columns.size(); ++i)
    if (e.metadata.columns[i] == name) return static_cast<int>(i);
  return -1;
}

const LoadedEmbedding* ProjectorDashboard::current(const UiContext& ctx) {
  if (!ctx.embeddings) return nullptr;
  const auto& all = ctx.embeddings->discovery().embeddings;
  info_.embeddings = all.size();
  info_.keys.clear();
  for (const embed::Embedding& e : all) info_.keys.push_back(embedding_key(e));
  if (all.empty()) return nullptr;
  Settings& s = *ctx.settings;
  std::string key = s.projector_embedding;
  if (std::none_of(all.begin(), all.end(),
                   [&](const embed::Embedding& e) { return embedding_key(e) == key; }))
    key = embedding_key(all.front());
  const LoadedEmbedding& e = ctx.embeddings->load(key);
  info_.embedding = key;
  if (e.key != key || e.state != EmbeddingState::kReady) return &e;
  if (e.generation != generation_) reset_for(e);
  return &e;
}

void ProjectorDashboard::reset_for(const LoadedEmbedding& e) {
  generation_ = e.generation;
  pca_sphereize_ = -2;
  pca_error_.clear();
  projection_key_.clear();
  colour_key_.clear();
  colour_source_.clear();
  highlight_points_.clear();
  highlight_colours_.clear();
  search_key_.clear();
  neighbor_key_.clear();
  searched_.clear();
  selected_.clear();
  neighbors_.clear();
  isolate_ = false;
  norms_.clear();
  custom_xy_.clear();
  custom_error_.clear();
  custom_key_.clear();
  hovered_ = -1;
  bookmarks_.clear();
  bookmarks_error_.clear();
  if (!e.bookmarks.empty() && !parse_bookmarks(e.bookmarks, e.points.rows, bookmarks_, bookmarks_error_))
    bookmarks_.clear();
  fitted_once_ = false;
}

void ProjectorDashboard::update_projection(const UiContext& ctx, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  const embed::Matrix& m = e.points;
  const int sphere = s.projector_sphereize >= 0 ? s.projector_sphereize : embed::default_sphereize(m.dims);
  if (pca_sphereize_ != sphere) {
    const auto t = std::chrono::steady_clock::now();
    embed::PcaOptions options;
    options.sphereize = sphere != 0;
    pca_ = {};
    pca_error_.clear();
    if (!embed::compute_pca(m, options, pca_, pca_error_)) pca_ = {};
    pca_sphereize_ = sphere;
    pca_ms_ = ms_since(t);
    projection_key_.clear();
  }
  const int ncomp = static_cast<int>(pca_.components);
  for (int& c : s.projector_components) c = std::clamp(c, 0, std::max(0, ncomp - 1));
  const bool layout = s.projector_method == 1 || s.projector_method == 3, custom = s.projector_method == 2;
  if (layout) layout_.update(ctx, e.generation, m);
  if (custom) {
    // Axes between label centroids, recomputed when the patterns or the labels change.
    const int col = label_column(e, s);
    std::string ckey = std::to_string(col) + "/" + std::to_string(s.projector_custom_regex);
    for (const std::string& c : s.projector_custom) ckey += "\t" + c;
    if (ckey != custom_key_) {
      custom_key_ = ckey;
      custom_error_.clear();
      custom_xy_.clear();
      std::vector<std::string> labels(m.rows);
      for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = point_label(e.metadata, col, i);
      embed::CustomProjection out;
      const embed::CustomAxis x{s.projector_custom[0], s.projector_custom[1]};
      const embed::CustomAxis y{s.projector_custom[2], s.projector_custom[3]};
      if (std::all_of(std::begin(s.projector_custom), std::end(s.projector_custom),
                      [](const std::string& c) { return c.empty(); }))
        custom_error_ = "Type a label (or a pattern) for each end of both axes.";
      else if (embed::custom_projection(m, labels, x, y, s.projector_custom_regex, out, custom_error_))
        custom_xy_ = std::move(out.xy);
      projection_key_.clear();
    }
  }
  const bool three_d = layout ? s.projector_tsne_dims == 3 : s.projector_3d && !custom && ncomp >= 3;
  const embed::LayoutJob* job = layout ? layout_.job() : nullptr;
  std::string key = std::to_string(s.projector_method) + "/" + (layout ? layout_.version() : "") + "/" +
                    std::to_string(three_d) + "/" + std::to_string(s.projector_components[0]) + "," +
                    std::to_string(s.projector_components[1]) + "," +
                    std::to_string(s.projector_components[2]) + "/" + std::to_string(sphere) + "/" +
                    std::to_string(custom_xy_.size()) + "/" + std::to_string(isolate_ ? selected_.size() : 0);
  if (key == projection_key_) return;
  const bool dims_changed = view_.camera.three_d != three_d;
  projection_key_ = key;
  std::vector<float> fitted;
  if (layout) {
    coords_.clear();
    if (job && job->has_layout()) {
      const std::vector<double>& y = job->coordinates();
      coords_.assign(y.begin(), y.end());
      fitted = fit_positions(coords_, static_cast<std::size_t>(job->dims()));
    }
  } else if (custom && !custom_xy_.empty()) {
    coords_ = custom_xy_;
    fitted = fit_positions(coords_, 2);
  } else if (custom) {
    coords_.clear();
  } else if (ncomp >= 2) {
    std::vector<std::size_t> which{static_cast<std::size_t>(s.projector_components[0]),
                                   static_cast<std::size_t>(s.projector_components[1])};
    if (three_d) which.push_back(static_cast<std::size_t>(s.projector_components[2]));
    coords_ = embed::project(m, pca_, which);
    fitted = fit_positions(coords_, which.size());
  } else {
    coords_.clear();
  }
  view_.camera.three_d = three_d;
  const bool first = !fitted_once_;
  view_.set_points(*ctx.points, fitted, isolate_ ? selected_ : std::vector<std::uint32_t>{});
  if (dims_changed || first) view_.fit();
  fitted_once_ = true;
  // The highlighted points follow the new positions (colours stay on the GPU).
  view_.set_highlight(*ctx.points, highlight_points_, highlight_colours_);
}

void ProjectorDashboard::update_colours(const UiContext& ctx, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  const std::uint32_t bg = frame_bg_rgb();
  const std::string key = s.projector_colour + "/" + std::to_string(selected_.size()) + "/" +
                          std::to_string(neighbors_.size()) + "/" + std::to_string(bg) + "/" +
                          std::to_string(view_.drawn()) + "/" + std::to_string(isolate_) + "/" +
                          (selected_.empty() ? "" : std::to_string(selected_.front()));
  if (key == colour_key_) return;
  colour_key_ = key;
  const std::size_t n = e.points.rows;
  const std::string source = std::to_string(e.generation) + "/" + s.projector_colour;
  if (source != colour_source_) {
    colour_source_ = source;
    colours_ = colour_by_column(e.metadata, column_index(e, s.projector_colour), n);
  }
  // With a selection, everything else fades toward the background.
  const bool fading = !selected_.empty();
  std::vector<std::uint32_t> rgba(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t c = fading ? fade(colours_.rgb[i], bg, 0.25f) : colours_.rgb[i];
    rgba[i] = to_im(c);
  }
  view_.set_colours(*ctx.points, rgba);
  // Highlighted: the selection (at most 5000 drawn large), then the neighbours.
  std::vector<std::uint32_t> points, colours;
  for (std::size_t k = 0; k < selected_.size() && k < 5000; ++k) {
    points.push_back(selected_[k]);
    colours.push_back(to_im(colours_.rgb[selected_[k]]));
  }
  for (const embed::Neighbor& nb : neighbors_) {
    points.push_back(nb.index);
    colours.push_back(to_im(fade(colours_.rgb[nb.index], 0xffffff, 0.7f)));
  }
  highlight_points_ = std::move(points);
  highlight_colours_ = std::move(colours);
  view_.set_highlight(*ctx.points, highlight_points_, highlight_colours_);
}

void ProjectorDashboard::update_search(const UiContext& ctx, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  const std::string key =
      s.projector_search + "\t" + s.projector_label + "\t" + std::to_string(s.projector_search_regex);
  if (key == search_key_) return;
  const bool was_searching = !searched_.empty();
  search_key_ = key;
  searched_ = s.projector_search;
  search_error_.clear();
  if (!search_points(e.metadata, label_column(e, s), e.points.rows, s.projector_search,
                     s.projector_search_regex, matches_, search_error_))
    matches_.clear();
  // Searching selects what it finds (as TensorBoard does); clearing it clears them.
  if (!s.projector_search.empty() || was_searching) select(matches_);
}

void ProjectorDashboard::update_neighbors(const UiContext& ctx, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  if (selected_.size() != 1) {
    neighbors_.clear();
    neighbor_key_.clear();
    return;
  }
  const std::string key = std::to_string(selected_[0]) + "/" + std::to_string(s.projector_neighbours) + "/" +
                          std::to_string(s.projector_euclidean);
  if (key == neighbor_key_) return;
  neighbor_key_ = key;
  const auto distance = s.projector_euclidean ? embed::Distance::kEuclidean : embed::Distance::kCosine;
  if (distance == embed::Distance::kCosine && norms_.size() != e.points.rows)
    norms_ = embed::row_norms(e.points);
  neighbors_ = embed::nearest(e.points, selected_[0], static_cast<std::size_t>(s.projector_neighbours),
                              distance, norms_);
}

void ProjectorDashboard::select(std::vector<std::uint32_t> points) {
  selected_ = std::move(points);
  if (selected_.empty()) isolate_ = false;
}

// [SECTION] sidebar --------------------------------------------------------------------------
void ProjectorDashboard::draw_sidebar(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Embedding");
  if (!ctx.embeddings || ctx.embeddings->discovery().embeddings.empty()) {
    ImGui::TextDisabled(ctx.embeddings && ctx.embeddings->discovering() ? "Looking for embeddings..."
                                                                        : "No embeddings found.");
    return;
  }
  const auto& all = ctx.embeddings->discovery().embeddings;
  std::string shown = info_.embedding;
  const embed::Embedding* cur = nullptr;
  for (const auto& e : all)
    if (embedding_key(e) == shown) cur = &e;
  const std::string preview = cur ? (cur->run == "." ? "" : cur->run + " / ") + embedding_title(*cur) : "";
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##embedding", preview.c_str())) {
    std::string last_run;
    for (const auto& e : all) {
      if (e.run != last_run) {
        ImGui::TextDisabled("%s", e.run == "." ? "(top folder)" : e.run.c_str());
        last_run = e.run;
      }
      const std::string k = embedding_key(e);
      ImGui::PushID(k.c_str());
      if (ImGui::Selectable(("  " + embedding_title(e)).c_str(), k == shown)) {
        s.projector_embedding = k;
        s.projector_colour.clear();
        s.projector_label.clear();
        s.projector_search.clear();
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  tooltip("Which embedding to show: one per tensor, per run and step.");
  if (all.size() > 1) ImGui::TextDisabled("%zu embeddings", all.size());

  const LoadedEmbedding* e = current(ctx);
  if (!e || e->state != EmbeddingState::kReady) return;

  section_heading(ctx.fonts, "Projection");
  ImGui::RadioButton("PCA", &s.projector_method, 0);
  tooltip("Principal components of every point (no sampling).");
  ImGui::SameLine();
  ImGui::RadioButton("t-SNE", &s.projector_method, 1);
  tooltip(
      "t-SNE of every point (no sampling): neighbours stay together. It runs between frames; "
      "the view moves as the layout improves.");
  ImGui::SameLine();
  ImGui::RadioButton("UMAP", &s.projector_method, 3);
  tooltip(
      "UMAP of every point (no sampling): neighbourhoods kept, and more of the overall shape than t-SNE. It "
      "runs between frames; the view moves as the layout improves.");
  ImGui::RadioButton("Custom", &s.projector_method, 2);
  tooltip("Two axes, each from the centroid of the points whose label matches one text to that of another.");
  if (s.projector_method == 1 || s.projector_method == 3) {
    layout_.draw_settings(ctx);
  } else if (s.projector_method == 0) {
    const int ncomp = static_cast<int>(pca_.components);
    const std::vector<double> shares = pca_.shares();
    auto comp_combo = [&](const char* label, int& c) {
      char preview_text[64];
      std::snprintf(preview_text, sizeof preview_text, "Component %d (%.1f%%)", c + 1,
                    c < static_cast<int>(shares.size()) ? shares[c] * 100 : 0.0);
      ImGui::SetNextItemWidth(-40);
      if (ImGui::BeginCombo(label, preview_text)) {
        for (int k = 0; k < ncomp; ++k) {
          char item[64];
          std::snprintf(item, sizeof item, "Component %d (%.1f%%)", k + 1, shares[k] * 100);
          if (ImGui::Selectable(item, k == c)) c = k;
        }
        ImGui::EndCombo();
      }
    };
    comp_combo("X", s.projector_components[0]);
    comp_combo("Y", s.projector_components[1]);
    if (ncomp >= 3) {
      ImGui::Checkbox("3-D", &s.projector_3d);
      tooltip("Show a third component as depth (drag to orbit). Off: a flat 2-D map.");
      if (s.projector_3d) comp_combo("Z", s.projector_components[2]);
    }
    bool sphere = pca_sphereize_ == 1;
    if (ImGui::Checkbox("Sphereize data", &sphere)) s.projector_sphereize = sphere ? 1 : 0;
    tooltip(
        "Centre the points, then scale each to unit length, before the PCA (TensorBoard's option; "
        "on by default from 50 dimensions).");
    if (!pca_error_.empty()) ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.4f, 1), "%s", pca_error_.c_str());
    if (!shares.empty()) {
      double total = 0;
      for (double v : shares) total += v;
      ImGui::TextDisabled("%d components explain %.1f%%", ncomp, total * 100);
      tooltip("The share of the total variance along each principal component.");
      for (int k = 0; k < ncomp; ++k) {
        char overlay[32];
        std::snprintf(overlay, sizeof overlay, "%d: %.1f%%", k + 1, shares[k] * 100);
        ImGui::ProgressBar(static_cast<float>(shares[k]), ImVec2(-1, 0), overlay);
      }
    }
  } else {
    ImGui::TextDisabled("Horizontal axis: from  ->  to");
    ImGui::SetNextItemWidth(-1);
    input_string("##xl", "left: a label (text or regex)", s.projector_custom[0]);
    tooltip("The points whose label matches this are the axis' left end (their centroid).");
    ImGui::SetNextItemWidth(-1);
    input_string("##xr", "right", s.projector_custom[1]);
    ImGui::TextDisabled("Vertical axis: from  ->  to");
    ImGui::SetNextItemWidth(-1);
    input_string("##yd", "down", s.projector_custom[2]);
    ImGui::SetNextItemWidth(-1);
    input_string("##yu", "up", s.projector_custom[3]);
    ImGui::Checkbox("Regex##custom", &s.projector_custom_regex);
    tooltip("Match labels as regular expressions (case-insensitive); off: as text they contain.");
    if (!custom_error_.empty()) ImGui::TextWrapped("%s", custom_error_.c_str());
  }

  section_heading(ctx.fonts, "Points");
  ImGui::SetNextItemWidth(-90);
  combo_column("Colour by", e->metadata, s.projector_colour, "(one colour)");
  tooltip("A metadata column: up to 50 values get a colour each, more numbers a gradient.");
  if (colours_.kind == PointColours::Kind::kCategorical) {
    const std::size_t shown_entries = std::min<std::size_t>(colours_.legend.size(), 50);
    for (std::size_t k = 0; k < shown_entries; ++k) {
      const LegendEntry& l = colours_.legend[k];
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.32f,
                                                  to_im(l.rgb));
      ImGui::Dummy(ImVec2(h, h));
      ImGui::SameLine();
      ImGui::Text("%s", l.value.empty() ? "(empty)" : l.value.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s", format_count(l.count).c_str());
    }
  } else if (colours_.kind == PointColours::Kind::kGradient) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
    for (int k = 0; k < 32; ++k)
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + w * k / 32, p.y),
                                                ImVec2(p.x + w * (k + 1) / 32, p.y + h),
                                                to_im(gradient_rgb(k / 31.0)));
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Text("%s", number_text(colours_.low).c_str());
    ImGui::SameLine(std::max(0.0f, w - ImGui::CalcTextSize(number_text(colours_.high).c_str()).x));
    ImGui::Text("%s", number_text(colours_.high).c_str());
  } else if (!colours_.note.empty()) {
    ImGui::TextWrapped("%s", colours_.note.c_str());
  }
  ImGui::SetNextItemWidth(-90);
  combo_column("Label by", e->metadata, s.projector_label,
               e->metadata.columns.empty() ? "(point index)" : e->metadata.columns[0].c_str(), false);
  tooltip("The metadata column shown as each point's label, and searched.");
  ImGui::SetNextItemWidth(-90);
  ImGui::SliderFloat("Point size", &view_.style.size_px, 1.0f, 16.0f, "%.0f px");
  tooltip("The points' diameter on screen.");
  if (e->sprite_texture) {
    ImGui::Checkbox("Show images", &show_sprites_);
    tooltip("Draw each point as its thumbnail from the sprite sheet (off: coloured dots).");
  }
}

// [SECTION] toolbar --------------------------------------------------------------------------
void ProjectorDashboard::draw_toolbar(const UiContext& ctx, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Search");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(280.0f, ImGui::GetContentRegionAvail().x * 0.3f));
  const int search_col = label_column(e, s);
  input_string("##psearch", search_col < 0 ? "point index" : e.metadata.columns[search_col].c_str(),
               s.projector_search);
  tooltip(
      "Selects the points whose label (the 'Label by' column) contains this text, or matches it as a "
      "regular expression.");
  ImGui::SameLine();
  ImGui::Checkbox("Regex", &s.projector_search_regex);
  tooltip("Treat the search as a regular expression (case-insensitive).");
  ImGui::SameLine();
  if (!search_error_.empty())
    ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.4f, 1), "%s", search_error_.c_str());
  else if (!s.projector_search.empty())
    ImGui::TextDisabled("%s matches", format_count(matches_.size()).c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(selected_.empty());
  if (ImGui::Button(isolate_ ? "Show all" : "Isolate")) isolate_ = !isolate_;
  tooltip(isolate_ ? "Show every point again." : "Show only the selected points.");
  ImGui::SameLine();
  if (ImGui::Button("Clear selection")) {
    select({});
    s.projector_search.clear();
  }
  tooltip("Deselect every point (Esc).");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Fit")) view_.fit();
  note_control("fit");
  tooltip("Frame every point again, from the starting angle.");
  ImGui::SameLine();
  if (ImGui::Button("Download")) {
    ImGui::OpenPopup("##pdownload");
    if (ctx.wants_frame)
      *ctx.wants_frame = true;  // the menu appears a frame later: draw it without waiting for input
  }
  note_control("download");
  tooltip("Save the projected coordinates with the metadata (TSV), the selection, or a picture of the view.");
  if (ImGui::BeginPopup("##pdownload")) {
    std::string base = e.key;
    for (char& c : base)
      if (c == '\t' || c == '/' || c == ':' || c == ' ') c = '_';
    if (ImGui::MenuItem("Coordinates and metadata (TSV)") && ctx.downloads)
      ctx.downloads->push_back(
          {"projection-" + base + ".tsv", "text/tab-separated-values", coordinates_tsv(e, false)});
    note_control("download tsv");
    if (ImGui::MenuItem("Selected points (TSV)", nullptr, false, !selected_.empty()) && ctx.downloads)
      ctx.downloads->push_back(
          {"selection-" + base + ".tsv", "text/tab-separated-values", coordinates_tsv(e, true)});
    note_control("download selection");
    if (ImGui::MenuItem("Picture of the view (PNG)") && ctx.capture)
      *ctx.capture = PngCapture{view_.min(), view_.max(), "projector-" + base + ".png"};
    note_control("download png");
    ImGui::EndPopup();
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive() && !selected_.empty()) {
    select({});
    s.projector_search.clear();
  }
}

bool ProjectorDashboard::work_between_frames(double budget_ms) {
  // Only on the embedding the layout was started for, still loaded (a read
  // answered between frames may have started loading another).
  if (!embeddings_) return false;
  const LoadedEmbedding& e = embeddings_->loaded();
  if (e.state != EmbeddingState::kReady || e.generation != layout_.generation()) return false;
  return layout_.work(budget_ms);
}

// [SECTION] body: the view, labels and sprites ------------------------------------------------
void ProjectorDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  embeddings_ = ctx.embeddings;
  info_.controls.clear();
  info_.status.clear();
  info_.error.clear();
  info_.drawn = 0;
  const LoadedEmbedding* e = current(ctx);
  if (!e) {
    ImGui::TextDisabled(ctx.embeddings && ctx.embeddings->discovering()
                            ? "Looking for embeddings..."
                            : "No embeddings in the opened files.");
    info_.status = "none";
    return;
  }
  if (e->state == EmbeddingState::kLoading || e->state == EmbeddingState::kNone) {
    info_.status = "loading";
    ImGui::TextUnformatted(e->reading.empty() ? "Loading..." : ("Reading " + e->reading + "...").c_str());
    if (e->bytes_to_read) {
      char overlay[64];
      std::snprintf(overlay, sizeof overlay, "%s of %s", format_bytes(e->bytes_read).c_str(),
                    format_bytes(e->bytes_to_read).c_str());
      ImGui::ProgressBar(static_cast<float>(static_cast<double>(e->bytes_read) / e->bytes_to_read),
                         ImVec2(300, 0), overlay);
    }
    if (ctx.wants_frame) *ctx.wants_frame = true;
    return;
  }
  if (e->state == EmbeddingState::kError) {
    info_.status = "error";
    info_.error = e->error;
    ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.4f, 1), "This embedding cannot be shown.");
    ImGui::TextWrapped("%s", e->error.c_str());
    return;
  }
  if (!ctx.points) return;
  info_.status = "ready";
  update_search(ctx, *e);
  update_projection(ctx, *e);
  update_neighbors(ctx, *e);
  update_colours(ctx, *e);

  draw_toolbar(ctx, *e);
  if (!e->note.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.35f, 1));
    ImGui::TextWrapped("Note: %s", e->note.c_str());
    ImGui::PopStyleColor();
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::clamp(avail.x * 0.28f, 220.0f, 360.0f);
  const ImVec2 view_size(std::max(100.0f, avail.x - side - ImGui::GetStyle().ItemSpacing.x), avail.y);
  PointViewEvents ev = view_.draw(*ctx.points, view_size);
  charts_drawn_ = 1;
  hovered_ = ev.hovered;
  if (ev.clicked >= 0) {
    const std::uint32_t p = static_cast<std::uint32_t>(ev.clicked);
    if (ImGui::GetIO().KeyCtrl) {
      auto it = std::find(selected_.begin(), selected_.end(), p);
      std::vector<std::uint32_t> next = selected_;
      if (it != selected_.end())
        next.erase(next.begin() + (it - selected_.begin()));
      else
        next.push_back(p);
      select(std::move(next));
    } else {
      select({p});
    }
  } else if (ev.clicked_empty && !isolate_) {
    select({});
  } else if (ev.boxed) {
    std::vector<std::uint32_t> next = ev.box_add ? selected_ : std::vector<std::uint32_t>{};
    for (std::uint32_t p : ev.box)
      if (std::find(next.begin(), next.end(), p) == next.end()) next.push_back(p);
    select(std::move(next));
  }

  // Labels and sprites, drawn by ImGui over the points.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(view_.min(), view_.max(), true);
  const int label_col = label_column(*e, *ctx.settings);
  auto label_at = [&](std::uint32_t i, ImU32 colour) {
    ImVec2 p;
    if (!view_.screen_of(i, p)) return;
    const std::string text = point_label(e->metadata, label_col, i);
    dl->AddText(ImVec2(p.x + 6, p.y - ImGui::GetTextLineHeight() * 0.5f), colour, text.c_str());
  };
  const bool sprites = e->sprite_texture != 0 && show_sprites_;
  const std::size_t drawn = view_.drawn();
  if (sprites && drawn <= 20000) {
    const std::vector<float>& sc = view_.screen_positions();
    const float tile = std::clamp(view_.style.size_px * 5.0f, 12.0f, 64.0f);
    const auto& g = e->sprite_grid;
    const float sw = static_cast<float>(e->sprite_width), sh = static_cast<float>(e->sprite_height);
    std::size_t shown_sprites = 0;
    // With a selection, the others fade and the selected (and neighbours) get a frame.
    const bool fading = !selected_.empty();
    const ImU32 faded = IM_COL32(255, 255, 255, 60);
    auto draw_sprite = [&](std::size_t i, ImVec2 p, ImU32 tint, ImU32 frame) {
      const ImVec2 uv0(g.x(i) / sw, g.y(i) / sh),
          uv1((g.x(i) + g.tile_width) / sw, (g.y(i) + g.tile_height) / sh);
      const ImVec2 a(p.x - tile / 2, p.y - tile / 2), b(p.x + tile / 2, p.y + tile / 2);
      dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(e->sprite_texture)), a, b, uv0,
                   uv1, tint);
      if (frame) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), frame, 0, 0, 2.0f);
    };
    for (std::size_t k = 0; k < drawn && shown_sprites < 5000; ++k) {
      const float x = sc[k * 2], y = sc[k * 2 + 1];
      if (!(x >= -tile && y >= -tile && x <= view_.max().x - view_.min().x + tile &&
            y <= view_.max().y - view_.min().y + tile))
        continue;
      const std::size_t i = view_.shown().empty() ? k : view_.shown()[k];
      draw_sprite(i, ImVec2(view_.min().x + x, view_.min().y + y), fading ? faded : IM_COL32_WHITE, 0);
      ++shown_sprites;
    }
    ImVec2 p;
    for (const embed::Neighbor& nb : neighbors_)
      if (view_.screen_of(nb.index, p)) draw_sprite(nb.index, p, IM_COL32_WHITE, IM_COL32(250, 200, 90, 255));
    for (std::size_t k = 0; k < selected_.size() && k < 5000; ++k)
      if (view_.screen_of(selected_[k], p))
        draw_sprite(selected_[k], p, IM_COL32_WHITE, IM_COL32(255, 120, 60, 255));
  } else if (drawn <= 300 && !e->metadata.columns.empty()) {
    const ImU32 c = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (std::size_t k = 0; k < drawn; ++k) label_at(view_.shown().empty() ? k : view_.shown()[k], c);
  }
  const ImU32 strong = ImGui::GetColorU32(ImGuiCol_Text);
  // Labels for a few selected points (a search selecting hundreds would bury the view in text; the
  // inspector lists them).
  if (selected_.size() <= 12)
    for (std::uint32_t p : selected_) label_at(p, strong);
  for (const embed::Neighbor& nb : neighbors_) label_at(nb.index, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  if (hovered_ >= 0) {
    ImVec2 p;
    if (view_.screen_of(static_cast<std::uint32_t>(hovered_), p))
      dl->AddCircle(p, std::max(6.0f, view_.style.size_px), strong, 0, 2.0f);
    label_at(static_cast<std::uint32_t>(hovered_), strong);
  }
  dl->PopClipRect();
  // The hovered point's metadata row, by the mouse.
  if (hovered_ >= 0) {
    ImGui::BeginTooltip();
    const std::size_t h = static_cast<std::size_t>(hovered_);
    ImGui::TextDisabled("Point %zu", h);
    for (std::size_t c = 0; c < e->metadata.columns.size() && c < 30; ++c)
      ImGui::Text("%s: %s", e->metadata.columns[c].c_str(),
                  point_label(e->metadata, static_cast<int>(c), h).c_str());
    ImGui::EndTooltip();
  }
  // How to drive the view, in its corner.
  const char* hint =
      view_.camera.three_d
          ? "drag: orbit · right-drag: pan · wheel: zoom · shift-drag: select a box · click: select"
          : "drag: pan · wheel: zoom · shift-drag: select a box · click: select";
  dl->AddText(ImVec2(view_.min().x + 8, view_.max().y - ImGui::GetTextLineHeight() - 6),
              ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);

  ImGui::SameLine();
  draw_inspector(ctx, *e, side, view_size.y);

  // What the tests read.
  info_.points = e->points.rows;
  info_.dims = e->points.dims;
  info_.drawn = drawn;
  info_.projection = projection_name(ctx.settings->projector_method);
  info_.layout = ctx.settings->projector_method == 1 || ctx.settings->projector_method == 3 ? layout_.info()
                                                                                            : LayoutInfo{};
  info_.custom_error = custom_error_;
  for (int k = 0; k < 3; ++k) info_.components[k] = ctx.settings->projector_components[k];
  info_.three_d = view_.camera.three_d;
  info_.sphereized = pca_sphereize_ == 1;
  info_.variance = pca_.shares();
  info_.colour_by = ctx.settings->projector_colour;
  info_.label_by = ctx.settings->projector_label;
  info_.search = ctx.settings->projector_search;
  info_.matches = matches_.size();
  info_.legend = colours_.legend.size();
  info_.selected = selected_;
  info_.neighbors = neighbors_;
  info_.hovered = hovered_;
  info_.hovered_row.clear();
  if (hovered_ >= 0)
    for (std::size_t c = 0; c < e->metadata.columns.size(); ++c)
      info_.hovered_row.emplace_back(e->metadata.columns[c], point_label(e->metadata, static_cast<int>(c),
                                                                         static_cast<std::size_t>(hovered_)));
  info_.bookmarks = bookmarks_.size();
  info_.note = e->note;
  info_.load_ms = e->load_ms;
  info_.parse_ms = e->parse_ms;
  info_.pca_ms = pca_ms_;
  info_.view[0] = view_.min().x;
  info_.view[1] = view_.min().y;
  info_.view[2] = view_.max().x - view_.min().x;
  info_.view[3] = view_.max().y - view_.min().y;
}

// [SECTION] inspector: hovered point, selection, neighbours ------------------------------------
void ProjectorDashboard::draw_inspector(const UiContext& ctx, const LoadedEmbedding& e, float width,
                                        float height) {
  Settings& s = *ctx.settings;
  ImGui::BeginChild("##pinspector", ImVec2(width, height), true);
  ImGui::TextDisabled("%s points x %zu dimensions", format_count(e.points.rows).c_str(), e.points.dims);
  ImGui::TextDisabled("Loaded in %.0f ms, PCA %.0f ms", e.load_ms, pca_ms_);
  const int label_col = label_column(e, s);
  auto row_table = [&](std::size_t i) {
    if (e.metadata.columns.empty()) {
      ImGui::Text("Point %zu (no metadata)", i);
      return;
    }
    if (ImGui::BeginTable("##row", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
      for (std::size_t c = 0; c < e.metadata.columns.size(); ++c) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", e.metadata.columns[c].c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", point_label(e.metadata, static_cast<int>(c), i).c_str());
      }
      ImGui::EndTable();
    }
  };
  section_heading(ctx.fonts, "Selection");
  if (selected_.empty()) {
    ImGui::TextWrapped("Click a point, shift-drag a box, or search to select.");
  } else if (selected_.size() == 1) {
    const std::size_t p = selected_[0];
    ImGui::Text("Point %zu: %s", p, point_label(e.metadata, label_col, p).c_str());
    row_table(p);
    section_heading(ctx.fonts, "Nearest neighbours");
    ImGui::SetNextItemWidth(130);
    ImGui::InputInt("neighbours", &s.projector_neighbours, 1, 10);
    s.projector_neighbours = std::clamp(s.projector_neighbours, 1, 1000);
    tooltip("How many of the nearest points to list, measured in the original space (not the projection).");
    int dist = s.projector_euclidean ? 1 : 0;
    ImGui::RadioButton("cosine", &dist, 0);
    tooltip("1 - cos(angle) between the two vectors.");
    ImGui::SameLine();
    ImGui::RadioButton("euclidean", &dist, 1);
    tooltip("The length of the difference of the two vectors.");
    s.projector_euclidean = dist == 1;
    if (ImGui::BeginTable("##neighbors", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
      for (const embed::Neighbor& nb : neighbors_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(nb.index));
        const std::string text = point_label(e.metadata, label_col, nb.index);
        if (ImGui::Selectable(text.empty() ? "(empty)" : text.c_str(), false,
                              ImGuiSelectableFlags_SpanAllColumns))
          select({nb.index});
        note_control("neighbor " + std::to_string(nb.index));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Point %u: click to select it", nb.index);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%.3f", nb.distance);
      }
      ImGui::EndTable();
    }
  } else {
    ImGui::Text("%s points selected", format_count(selected_.size()).c_str());
    for (std::size_t k = 0; k < selected_.size() && k < 200; ++k) {
      ImGui::PushID(static_cast<int>(k));
      char index[24];
      std::snprintf(index, sizeof index, "#%u  ", selected_[k]);
      std::string text = index;
      text += point_label(e.metadata, label_col, selected_[k]);
      if (ImGui::Selectable(text.c_str())) select({selected_[k]});
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select only this point (and list its neighbours)");
      ImGui::PopID();
    }
    if (selected_.size() > 200) ImGui::TextDisabled("... and %zu more", selected_.size() - 200);
  }
  draw_bookmarks(ctx, e);
  ImGui::EndChild();
}

// [SECTION] bookmarks and downloads ------------------------------------------------------------
Bookmark ProjectorDashboard::bookmark_now(const UiContext& ctx, const LoadedEmbedding& e) const {
  const Settings& s = *ctx.settings;
  Bookmark b;
  b.label = "Bookmark " + std::to_string(bookmarks_.size() + 1);
  b.projection = projection_name(s.projector_method);
  b.pca_components = {s.projector_components[0], s.projector_components[1]};
  if (view_.camera.three_d) b.pca_components.push_back(s.projector_components[2]);
  b.selected = selected_;
  b.colour_by = s.projector_colour;
  b.label_by = s.projector_label;
  b.custom_x_left = s.projector_custom[0];
  b.custom_x_right = s.projector_custom[1];
  b.custom_y_down = s.projector_custom[2];
  b.custom_y_up = s.projector_custom[3];
  b.custom_regex = s.projector_custom_regex;
  return b;
}

void ProjectorDashboard::apply_bookmark(const UiContext& ctx, const Bookmark& b, const LoadedEmbedding& e) {
  Settings& s = *ctx.settings;
  s.projector_method = b.projection == "custom" ? 2 : 0;
  if (s.projector_method == 2) {
    s.projector_custom[0] = b.custom_x_left;
    s.projector_custom[1] = b.custom_x_right;
    s.projector_custom[2] = b.custom_y_down;
    s.projector_custom[3] = b.custom_y_up;
    s.projector_custom_regex = b.custom_regex;
  }
  if (b.pca_components.size() >= 2) {
    for (std::size_t k = 0; k < b.pca_components.size() && k < 3; ++k)
      s.projector_components[k] = b.pca_components[k];
    s.projector_3d = b.pca_components.size() >= 3;
  }
  if (b.colour_by.empty() || column_index(e, b.colour_by) >= 0) s.projector_colour = b.colour_by;
  if (b.label_by.empty() || column_index(e, b.label_by) >= 0) s.projector_label = b.label_by;
  s.projector_search.clear();
  search_key_.clear();
  update_search(ctx, e);
  select(b.selected);
}

void ProjectorDashboard::draw_bookmarks(const UiContext& ctx, const LoadedEmbedding& e) {
  section_heading(ctx.fonts, "Bookmarks");
  if (!bookmarks_error_.empty())
    ImGui::TextWrapped("The bookmark file cannot be read: %s", bookmarks_error_.c_str());
  for (std::size_t k = 0; k < bookmarks_.size(); ++k) {
    ImGui::PushID(static_cast<int>(k));
    if (ImGui::Selectable(bookmarks_[k].label.empty() ? "(no name)" : bookmarks_[k].label.c_str()))
      apply_bookmark(ctx, bookmarks_[k], e);
    note_control("bookmark " + std::to_string(k));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s projection, %zu selected: click to restore it", bookmarks_[k].projection.c_str(),
                        bookmarks_[k].selected.size());
    ImGui::PopID();
  }
  if (ImGui::Button("Add")) {
    bookmarks_.push_back(bookmark_now(ctx, e));
    if (ctx.wants_frame) *ctx.wants_frame = true;  // its row is drawn above, next frame
  }
  note_control("add bookmark");
  tooltip("Keep this view (projection, selection, colours and labels) as a bookmark.");
  ImGui::SameLine();
  ImGui::BeginDisabled(bookmarks_.empty());
  if (ImGui::Button("Save...") && ctx.downloads) {
    // Each state carries the coordinates TensorBoard places the points from.
    std::vector<std::vector<float>> coords;
    for (const Bookmark& b : bookmarks_) {
      if (b.projection == "custom" && !custom_xy_.empty()) {
        coords.push_back(custom_xy_);
      } else {
        std::vector<std::size_t> which;
        for (int c : b.pca_components)
          if (c >= 0 && static_cast<std::size_t>(c) < pca_.components)
            which.push_back(static_cast<std::size_t>(c));
        coords.push_back(which.size() >= 2 ? embed::project(e.points, pca_, which) : std::vector<float>{});
      }
    }
    ctx.downloads->push_back(
        {"bookmarks.json", "application/json", write_bookmarks(bookmarks_, coords, e.points.rows)});
  }
  note_control("save bookmarks");
  tooltip("Download the bookmarks as a JSON file TensorBoard's projector also loads.");
  ImGui::EndDisabled();
}

std::string ProjectorDashboard::coordinates_tsv(const LoadedEmbedding& e, bool selection_only) const {
  const std::size_t dims = coords_.empty() || !e.points.rows ? 0 : coords_.size() / e.points.rows;
  std::string out;
  for (std::size_t d = 0; d < dims; ++d) {
    if (d) out += '\t';
    out += static_cast<char>('x' + d);
  }
  out += "\tindex";
  for (const std::string& c : e.metadata.columns) {
    out += '\t';
    out += c;
  }
  out += '\n';
  auto row = [&](std::size_t i) {
    char num[32];
    for (std::size_t d = 0; d < dims; ++d) {
      std::snprintf(num, sizeof num, "%s%.9g", d ? "\t" : "", coords_[i * dims + d]);
      out += num;
    }
    out += '\t';
    out += std::to_string(i);
    for (std::size_t c = 0; c < e.metadata.columns.size(); ++c) {
      out += '\t';
      out += point_label(e.metadata, static_cast<int>(c), i);
    }
    out += '\n';
  };
  if (selection_only) {
    for (std::uint32_t i : selected_) row(i);
  } else {
    for (std::size_t i = 0; i < e.points.rows; ++i) row(i);
  }
  return out;
}

// [SECTION] state and link --------------------------------------------------------------------
std::vector<std::string_view> ProjectorDashboard::link_keys() const {
  return {"pemb",  "ppc",   "pdim",  "psphere", "pcolor", "plabel", "psearch", "pregex", "pk",
          "pdist", "pproj", "pxl",   "pxr",     "pyd",    "pyu",    "pcregex", "ptdim",  "pperp",
          "plr",   "pseed", "piter", "pnn",     "pmd",    "pep",    "pexag"};
}

void ProjectorDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  const ProjectorViewInfo& v = info_;
  j.key("projector").begin_object();
  j.key("status").value(v.status);
  j.key("embeddings").value(static_cast<std::uint64_t>(v.embeddings));
  j.key("embedding").value(v.embedding);
  j.key("list").begin_array();
  for (const std::string& k : v.keys) j.value(k);
  j.end_array();
  j.key("error").value(v.error);
  j.key("note").value(v.note);
  j.key("points").value(static_cast<std::uint64_t>(v.points));
  j.key("dims").value(static_cast<std::uint64_t>(v.dims));
  j.key("drawn").value(static_cast<std::uint64_t>(v.drawn));
  j.key("projection").value(v.projection);
  j.key("customError").value(v.custom_error);
  // t-SNE's or UMAP's progress (the same under "tsne", as earlier tests read it).
  const LayoutInfo& l = v.layout;
  const bool tsne = l.method == "tsne";
  j.key("tsne").begin_object();
  j.key("iteration").value(static_cast<std::int64_t>(tsne ? l.iteration : -1));
  j.key("kl").value(tsne ? l.kl : 0.0);
  j.key("prepared").value(tsne && l.iteration >= 0 ? 1.0 : 0.0);
  j.key("running").value(tsne && l.running);
  j.end_object();
  j.key("layout").begin_object();
  j.key("method").value(l.method);
  j.key("phase").value(l.phase);
  j.key("progress").value(l.progress);
  j.key("iteration").value(static_cast<std::int64_t>(l.iteration));
  j.key("total").value(static_cast<std::int64_t>(l.total));
  j.key("kl").value(l.kl);
  j.key("running").value(l.running);
  j.key("paused").value(l.paused);
  j.key("exactNeighbours").value(l.exact_neighbours);
  j.key("neighbours").value(static_cast<std::uint64_t>(l.neighbours));
  j.key("neighboursMs").value(l.neighbours_ms);
  j.key("error").value(l.error);
  j.key("controls").begin_array();
  for (const LayoutInfo::Control& c : l.controls) {
    j.begin_object();
    j.key("name").value(c.name);
    j.key("x").value(c.x);
    j.key("y").value(c.y);
    j.key("w").value(c.w);
    j.key("h").value(c.h);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  j.key("components").begin_array();
  for (int c : v.components) j.value(c);
  j.end_array();
  j.key("threeD").value(v.three_d);
  j.key("sphereized").value(v.sphereized);
  j.key("variance").begin_array();
  for (double d : v.variance) j.value(d);
  j.end_array();
  j.key("colorBy").value(v.colour_by);
  j.key("legend").value(static_cast<std::uint64_t>(v.legend));
  j.key("labelBy").value(v.label_by);
  j.key("search").value(v.search);
  j.key("matches").value(static_cast<std::uint64_t>(v.matches));
  j.key("selected").begin_array();
  for (std::size_t k = 0; k < v.selected.size() && k < 1000; ++k) j.value(v.selected[k]);
  j.end_array();
  j.key("neighbors").begin_array();
  for (const embed::Neighbor& nb : v.neighbors) {
    j.begin_object();
    j.key("index").value(nb.index);
    j.key("distance").value(static_cast<double>(nb.distance));
    j.end_object();
  }
  j.end_array();
  j.key("hovered").value(v.hovered);
  j.key("hoveredRow").begin_object();
  for (const auto& [c, val] : v.hovered_row) j.key(c).value(val);
  j.end_object();
  j.key("bookmarks").value(static_cast<std::uint64_t>(v.bookmarks));
  j.key("controls").begin_array();
  for (const auto& c : v.controls) {
    j.begin_object();
    j.key("name").value(c.name);
    j.key("x").value(static_cast<double>(c.x)).key("y").value(static_cast<double>(c.y));
    j.key("w").value(static_cast<double>(c.w)).key("h").value(static_cast<double>(c.h));
    j.end_object();
  }
  j.end_array();
  j.key("view").begin_array();
  for (float f : v.view) j.value(static_cast<double>(f));
  j.end_array();
  // Where the first points are on screen (-1: off it): projected when asked, not every frame.
  j.key("screen").begin_array();
  for (std::uint32_t i = 0; i < v.points && i < 2000; ++i) {
    ImVec2 p;
    const bool on = view_.screen_of(i, p);
    j.value(static_cast<double>(on ? p.x : -1)).value(static_cast<double>(on ? p.y : -1));
  }
  j.end_array();
  j.key("loadMs").value(v.load_ms);
  j.key("parseMs").value(v.parse_ms);
  j.key("pcaMs").value(v.pca_ms);
  j.end_object();
}

}  // namespace el::ui
