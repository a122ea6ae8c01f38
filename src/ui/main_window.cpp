// [SECTION] helpers
// [SECTION] menu bar
// [SECTION] content: empty state, dashboards
// [SECTION] status bar
// [SECTION] about box
// [SECTION] frame
#include "ui/main_window.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/dashboards.h"
#include "ui/format.h"
#include "ui/help_window.h"
#include "ui/problems_panel.h"
#include "ui/tags_table.h"
#include "ui/widgets.h"

namespace el::ui {

// [SECTION] helpers -----------------------------------------------------------
MainWindow::MainWindow() : dashboards_(make_dashboards()) {}

void MainWindow::forget_logdir() {
  dashboards_ = make_dashboards();
  runs_panel_ = RunsPanel();
  media_cards_.clear();
  charts_drawn_ = 0;
}

// Labels and colours for the runs with data, in list order, when that set changed.
void MainWindow::update_run_looks(const store::Store& store, Settings& settings) {
  std::size_t nonempty = 0;
  for (const auto& [name, run] : store.runs()) nonempty += !run.tags.empty();
  if (store.generation() == looks_generation_ && store.runs().size() == looks_runs_ &&
      nonempty == looks_nonempty_)
    return;
  looks_generation_ = store.generation();
  looks_runs_ = store.runs().size();
  looks_nonempty_ = nonempty;
  std::vector<std::string> names, waiting;
  names.reserve(nonempty);
  for (const auto& [name, run] : store.runs()) (run.tags.empty() ? waiting : names).push_back(name);
  run_looks_.assign(names, settings.run_color_memory, waiting);
}

void MainWindow::update_hparams(const store::Store& store, double now) {
  const bool cleared = store.generation() != hparams_generation_;
  if (!cleared && (store.version() == hparams_version_ || (hparams_at_ >= 0 && now - hparams_at_ < 1.0)))
    return;
  hparams_ = aggregate::build_hparams_table(store);
  hparams_version_ = store.version();
  hparams_generation_ = store.generation();
  hparams_at_ = now;
}

// The dashboard whose settings the sidebar shows: the one open (the first
// frames of a link name it before its tab is selected), else Scalars.
Dashboard* MainWindow::sidebar_dashboard(std::string_view name) const {
  for (const auto& d : dashboards_)
    if (name == d->info().name) return d.get();
  return dashboards_.front().get();
}

namespace {

constexpr const char* kProductName = "EventLens";

void centered_text(const char* text, ImFont* font = nullptr) {
  if (font) ImGui::PushFont(font);
  float w = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX((ImGui::GetWindowWidth() - w) * 0.5f);
  ImGui::TextUnformatted(text);
  if (font) ImGui::PopFont();
}

float status_bar_height() { return ImGui::GetFrameHeight() + 6.0f; }

// How many threads read the files, after the loading line: "2 threads", or
// "one thread" when there could have been more (the tooltip says why not).
void threads_note(const LoadingView& ld) {
  if (ld.threads <= 1 && ld.why_one_thread.empty()) return;
  ImGui::SameLine();
  if (ld.threads > 1) {
    ImGui::TextDisabled("%u threads", ld.threads);
    char tip[160];
    std::snprintf(tip, sizeof tip,
                  "Files are framed, checked and decoded on %u worker threads, one run each at a time.",
                  ld.threads);
    tooltip(tip);
  } else {
    ImGui::TextDisabled("one thread");
    tooltip(ld.why_one_thread.c_str());
  }
}

constexpr float kDefaultSidebarWidth = 290, kMinSidebarWidth = 200, kSplitterWidth = 8;

}  // namespace

// The remembered width, kept within reach: at least the minimum, at most 60 % of the window.
float MainWindow::sidebar_width(const Settings& settings) const {
  const float w = settings.sidebar_width > 0 ? settings.sidebar_width : kDefaultSidebarWidth;
  const float most = std::max(kMinSidebarWidth, ImGui::GetContentRegionAvail().x * 0.6f);
  return std::clamp(w, kMinSidebarWidth, most);
}

// A handle between the sidebar and the dashboards: drag to resize (the width
// is remembered), double-click for the default.
void MainWindow::draw_sidebar_splitter(Settings& settings, float width, float height) {
  ImGui::InvisibleButton("##sidebar_splitter", ImVec2(kSplitterWidth, height));
  const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  if (hot) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive() && ImGui::GetIO().MouseDelta.x != 0)
    settings.sidebar_width = std::max(kMinSidebarWidth, width + ImGui::GetIO().MouseDelta.x);
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
    settings.sidebar_width = 0;
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
    ImGui::SetTooltip("Drag to widen or narrow the sidebar; double-click for the default width.");
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float x = (a.x + b.x) * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y + 4), ImVec2(x, b.y - 4),
                                      ImGui::GetColorU32(hot ? ImGuiCol_SeparatorActive : ImGuiCol_Separator),
                                      hot ? 2.0f : 1.0f);
}

// [SECTION] menu bar ----------------------------------------------------------
void MainWindow::draw_menu_bar(const MainWindowView& view, Settings& settings, MainWindowActions& act) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files...", nullptr, false, view.can_open_dialogs)) act.open_files = true;
    tooltip("Pick one or more event files (events.out.tfevents.*) to add to what is open.");
    if (ImGui::MenuItem("Open folder...", nullptr, false, view.can_open_dialogs)) act.open_folder = true;
    tooltip("Pick a log directory; every sub-folder holding event files becomes a run.");
    if (view.can_open_address) {
      if (menu_item(
              "Open address...",
              "Open runs by web address (a published logdir's manifest.json, an event file) or a\n"
              "public cloud bucket (s3://bucket/folder, gs://bucket/folder, other S3-compatible servers)."))
        open_address_.open();
    }
    ImGui::Separator();
    bool any = view.store && view.store->files().size() > 0;
    if (menu_item("Close all", "Forget every opened file. Nothing on disk is changed.", false, any))
      act.close_all = true;
    if (view.can_copy_link) {
      ImGui::Separator();
      if (ImGui::MenuItem("Copy link")) act.copy_link = true;
      tooltip(
          "Copy a link to this view: the dashboard, runs, filters and chart settings, and the\n"
          "URLs of data opened by address. Files opened from this computer are not part of it.");
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme", nullptr, settings.dark)) settings.dark = true;
    if (ImGui::MenuItem("Light theme", nullptr, !settings.dark)) settings.dark = false;
    ImGui::Separator();
    if (ImGui::MenuItem("Problems panel", nullptr, show_problems_)) show_problems_ = !show_problems_;
    tooltip("Files that could not be read completely, and why.");
    ImGui::Separator();
    if (ImGui::BeginMenu("Loading limits")) {
      ImGui::TextDisabled("Past either limit, runs are read only when picked in the runs panel.");
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      if (ImGui::InputInt("runs", &settings.load_limit_runs, 50, 500))
        settings.load_limit_runs = std::clamp(settings.load_limit_runs, 1, 1000000);
      tooltip("A logdir with more runs than this lists them all and reads only the ones you pick.");
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      if (ImGui::InputInt("MiB", &settings.load_limit_mb, 256, 1024))
        settings.load_limit_mb = std::clamp(settings.load_limit_mb, 1, 1000000);
      tooltip("A logdir with more bytes of event files than this, likewise.");
      ImGui::Separator();
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      if (ImGui::InputInt("MiB memory budget", &settings.memory_budget_mb, 256, 1024))
        settings.memory_budget_mb = std::clamp(settings.memory_budget_mb, 0, 1000000);
      tooltip(
          "How much memory the open logdirs may use (0: half of this computer's memory, or 2 GB;\n"
          "never more than the page can hold). As it fills: decoded images and audio are dropped,\n"
          "then histograms thinned to 500 records a series, then new runs are not read. Scalars\n"
          "are always kept exactly.");
      if (view.memory.budget > 0)
        ImGui::TextDisabled("%s now (%s in use)%s", format_bytes(view.memory.budget).c_str(),
                            format_bytes(view.memory.in_use).c_str(),
                            settings.memory_budget_mb == 0 ? ", chosen for this computer" : "");
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard and mouse", nullptr, show_help_)) show_help_ = !show_help_;
    tooltip("Every shortcut and mouse gesture, by dashboard.");
    if (ImGui::MenuItem("About EventLens")) open_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// [SECTION] content: empty state, dashboards -----------------------------------
void MainWindow::draw_empty_state(const MainWindowView& view, MainWindowActions& act) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float block_h = line * 7.0f;
  ImGui::SetCursorPosY(std::max(style.WindowPadding.y, (ImGui::GetWindowHeight() - block_h) * 0.45f));
  centered_text("Drop event files or a folder here, or open one", view.fonts ? view.fonts->heading : nullptr);
  ImGui::Dummy(ImVec2(0, line * 0.3f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  centered_text("EventLens shows TensorBoard logs (events.out.tfevents.*) right here in the page.");
  centered_text("Files are read on this computer; nothing is uploaded.");
  if (view.drop_hint) centered_text(view.drop_hint);
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, line * 0.6f));
  if (view.can_open_dialogs) {
    const char* a = "Open files...";
    const char* b = "Open folder...";
    float wa = ImGui::CalcTextSize(a).x + style.FramePadding.x * 4;
    float wb = ImGui::CalcTextSize(b).x + style.FramePadding.x * 4;
    float all = wa + wb + style.ItemSpacing.x;
    if (view.can_open_address)
      all += ImGui::CalcTextSize("Open address...").x + style.FramePadding.x * 4 + style.ItemSpacing.x;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - all) * 0.5f);
    if (ImGui::Button(a, ImVec2(wa, 0))) act.open_files = true;
    tooltip("Pick one or more event files.");
    ImGui::SameLine();
    if (ImGui::Button(b, ImVec2(wb, 0))) act.open_folder = true;
    tooltip("Pick a log directory; its sub-folders with event files become runs.");
    if (view.can_open_address) {
      const char* c = "Open address...";
      const float wc = ImGui::CalcTextSize(c).x + style.FramePadding.x * 4;
      ImGui::SameLine();
      if (ImGui::Button(c, ImVec2(wc, 0))) open_address_.open();
      tooltip("Open runs by web address, or a public cloud bucket (s3://, gs://).");
    }
  }
}

// The dashboards as tabs: scalars always, the others when the logs hold
// their kind. A dashboard asked for by show() or a link is selected once.
void MainWindow::draw_dashboards(const UiContext& ctx) {
  bool present[events::kKindCount] = {};
  for (const auto& [name, run] : ctx.store->runs())
    for (const auto& [tag, s] : run.tags) present[static_cast<int>(s.kind)] = true;
  charts_drawn_ = 0;
  Settings& settings = *ctx.settings;
  // A dashboard asked for from outside (show(), a link, saved settings) takes
  // a frame to become the selected tab; until then the open tab must not
  // write itself back over the request.
  // Only embeddings were opened (no event files): the Projector is what there is to see.
  if (ctx.store->files().size() == 0 && settings.dashboard == "scalars" && ctx.embeddings &&
      !ctx.embeddings->discovery().embeddings.empty())
    settings.dashboard = "projector";
  if (settings.dashboard != written_dashboard_) {
    pending_dashboard_ = settings.dashboard;
    written_dashboard_ = settings.dashboard;
  }
  if (!std::any_of(dashboards_.begin(), dashboards_.end(),
                   [&](const auto& d) { return pending_dashboard_ == d->info().name; }))
    pending_dashboard_.clear();
  if (!ImGui::BeginTabBar("##dashboards")) return;
  for (const auto& dashboard : dashboards_) {
    const DashboardInfo& d = dashboard->info();
    const std::string_view name = d.name;
    const bool offered =
        (!d.own_data && (d.kind == events::Kind::kScalars || present[static_cast<int>(d.kind)])) ||
        dashboard->has_data(ctx);
    if (!offered && settings.dashboard != name && pending_dashboard_ != name) continue;
    const bool select = pending_dashboard_ == name;
    const bool open = ImGui::BeginTabItem(d.title, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.help);
    if (open) {
      shown_dashboard_ = d.name;
      if (pending_dashboard_.empty() || pending_dashboard_ == name) {
        pending_dashboard_.clear();
        settings.dashboard = d.name;
        written_dashboard_ = d.name;
      }
      ImGui::Spacing();
      draw_pick_runs_notice(ctx);
      dashboard->draw(ctx);
      charts_drawn_ = dashboard->charts_drawn();
      ImGui::EndTabItem();
    }
  }
  ImGui::EndTabBar();
}

// Past the load limits nothing is read until runs are picked: say so where
// the charts would be, or the page looks broken.
void MainWindow::draw_pick_runs_notice(const UiContext& ctx) {
  std::size_t listed = 0, with_data = 0;
  std::uint64_t bytes = 0;
  for (const auto& [name, run] : ctx.store->runs()) {
    listed += !run.wanted;
    with_data += !run.tags.empty();
    bytes += run.announced_bytes;
  }
  if (listed == 0 || with_data > 0) return;
  ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 40));
  ImGui::Text("%s runs (%s) are listed but not read yet.", format_count(ctx.store->runs().size()).c_str(),
              format_bytes(bytes).c_str());
  ImGui::TextDisabled(
      "A logdir past the load limits (%s runs or %s MiB) is read run by run, as you pick them. In the runs "
      "panel, tick the runs to see, or filter the list with a regular expression and press Read matching. "
      "The HParams tab picks runs by their hyperparameters.",
      format_count(ctx.settings->load_limit_runs).c_str(), format_count(ctx.settings->load_limit_mb).c_str());
  ImGui::PopTextWrapPos();
  if (ctx.settings->dashboard != "hparams") {
    if (ImGui::Button("Pick runs by hparams")) ctx.settings->dashboard = "hparams";
    tooltip(
        "Read each run's hyperparameters (the first 64 KB of its first file), filter them on the\n"
        "HParams tab, and read the runs that match.");
  }
  ImGui::Spacing();
}

// [SECTION] status bar --------------------------------------------------------
void MainWindow::draw_status_bar(const MainWindowView& view, MainWindowActions& act) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = status_bar_height();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##status", nullptr, flags);
  ImGui::AlignTextToFramePadding();
  const LoadingView& ld = view.loading;
  const std::size_t nfiles = view.store ? view.store->files().size() : 0;
  if (!view.activity.empty()) {  // the page finding files (a bucket's listing), before any is read
    ImGui::TextUnformatted(view.activity.c_str());
    ImGui::SameLine();
  }
  if (ld.active) {
    float frac =
        ld.bytes_total ? static_cast<float>(static_cast<double>(ld.bytes_done) / ld.bytes_total) : 0.0f;
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%s of %s", format_bytes(ld.bytes_done).c_str(),
                  format_bytes(ld.bytes_total).c_str());
    ImGui::ProgressBar(frac, ImVec2(220, 0), overlay);
    ImGui::SameLine();
    ImGui::Text("File %u of %u: %s", std::min(ld.files_done + 1, ld.files_total), ld.files_total,
                ld.current_file.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) act.cancel_loading = true;
    tooltip("Stop reading; what has arrived so far stays open.");
    threads_note(ld);
  } else if (nfiles == 0 && !(view.embeddings && view.embeddings->files())) {
    ImGui::TextDisabled("Ready. No files open.");
  } else if (nfiles == 0) {
    const std::size_t n = view.embeddings->discovery().embeddings.size();
    const std::size_t profiles = view.profiles ? view.profiles->profiles().size() : 0;
    ImGui::Text("%zu embedding%s and %zu profile%s in %zu other files (no event files)", n, n == 1 ? "" : "s",
                profiles, profiles == 1 ? "" : "s", view.embeddings->files());
  } else {
    std::uint64_t records = 0;
    for (std::size_t i = 0; i < nfiles; ++i)
      records += view.store->files().status(static_cast<store::FileId>(i)).records;
    const std::size_t runs = looks_nonempty_;  // runs with data, as the runs list shows them
    std::size_t listed = 0;                    // runs not read (past the load limits, app/run_loading.h)
    for (const auto& [name, run] : view.store->runs()) listed += !run.wanted && run.tags.empty();
    if (listed > 0)
      ImGui::Text("%zu of %s runs read, %s files, %s read, %s records", runs,
                  format_count(view.store->runs().size()).c_str(), format_count(nfiles).c_str(),
                  format_bytes(view.store->files().total_bytes_read()).c_str(),
                  format_count(records).c_str());
    else
      ImGui::Text("%zu run%s, %zu file%s, %s read, %s records", runs, runs == 1 ? "" : "s", nfiles,
                  nfiles == 1 ? "" : "s", format_bytes(view.store->files().total_bytes_read()).c_str(),
                  format_count(records).c_str());
    if (ld.last_seconds > 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("(last load: %s in %.2f s)", format_bytes(ld.last_bytes).c_str(), ld.last_seconds);
      tooltip("How long the last files opened took to read, from the first file's arrival to the last byte.");
      threads_note(ld);
    }
  }
  if (view.live_active) {
    ImGui::SameLine();
    ImGui::Dummy(ImVec2(8, 0));
    ImGui::SameLine();
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const float r = ImGui::GetTextLineHeight() * 0.28f;
    // A green dot: the folder is being watched.
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + r, c.y + ImGui::GetFrameHeight() * 0.5f), r,
                                                ImGui::GetColorU32(ImVec4(0.35f, 0.8f, 0.45f, 1.0f)));
    ImGui::Dummy(ImVec2(r * 2 + 4, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.35f, 0.8f, 0.45f, 1.0f), "Live");
    tooltip("The opened folder is re-checked for new data (see Live reload in the sidebar).");
  }
  draw_memory_note(view.memory);
  // Problems: a quiet badge with the count and the most severe kind; the panel opens on a click.
  problems_badge_ = {};
  const ProblemSummary problems =
      view.store ? summarize_problems(*view.store, view.embeddings, &view.memory) : ProblemSummary{};
  if (problems.count) {
    ImGui::SameLine(0, 14);
    char label[96];
    std::snprintf(label, sizeof label, "%llu problem%s: %s%s",
                  static_cast<unsigned long long>(problems.count), problems.count == 1 ? "" : "s",
                  problems.worst_words,
                  problems.count > problems.by_severity[static_cast<int>(problems.worst)] ? ", ..." : "");
    const ImVec4 col = severity_color(problems.worst);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(col.x, col.y, col.z, 0.14f));
    if (ImGui::SmallButton(label)) show_problems_ = !show_problems_;
    ImGui::PopStyleColor(2);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    problems_badge_ = {a.x, a.y, b.x - a.x, b.y - a.y};
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "%llu unreadable, %llu with damaged parts skipped, %llu notices (a tail still being\n"
          "written, an empty file). Click to show or hide the Problems panel.",
          static_cast<unsigned long long>(problems.by_severity[0]),
          static_cast<unsigned long long>(problems.by_severity[1]),
          static_cast<unsigned long long>(problems.by_severity[2]));
  }
  // The version at the right, when the line leaves room for it.
  char version[32];
  std::snprintf(version, sizeof version, "%s %s", kProductName, EL_VERSION);
  const float version_x = ImGui::GetWindowWidth() - ImGui::CalcTextSize(version).x - 12;
  ImGui::SameLine(0, 20);
  if (ImGui::GetCursorPosX() <= version_x) {
    ImGui::SameLine(version_x);
    ImGui::TextDisabled("%s", version);
  } else {
    ImGui::NewLine();
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

// [SECTION] about box ---------------------------------------------------------
void MainWindow::draw_about(const MainWindowView& view) {
  if (open_about_) {
    ImGui::OpenPopup("About EventLens");
    open_about_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("About EventLens", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (view.fonts && view.fonts->heading) ImGui::PushFont(view.fonts->heading);
  ImGui::Text("%s %s", kProductName, EL_VERSION);
  if (view.fonts && view.fonts->heading) ImGui::PopFont();
  ImGui::TextUnformatted("A viewer for TensorBoard event files that runs in your browser,");
  ImGui::TextUnformatted("with no server: files are read locally and never uploaded.");
  ImGui::Spacing();
  ImGui::TextDisabled("Built with Dear ImGui %s, SDL2, protobuf-lite and zlib.", IMGUI_VERSION);
  ImGui::Spacing();
  if (ImGui::Button("Close", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// [SECTION] frame -------------------------------------------------------------
MainWindowActions MainWindow::draw(const MainWindowView& view, Settings& settings) {
  MainWindowActions act;
  draw_menu_bar(view, settings, act);
  open_address_.draw(act.open_address, act.open_endpoint);
  const ImGuiViewport* vp = ImGui::GetMainViewport();  // WorkPos/WorkSize exclude the menu bar
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_bar_height()));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##content", nullptr, flags);
  ImGui::PopStyleVar();
  const bool other_files = view.embeddings && view.embeddings->files() > 0;
  if (!view.store || (view.store->files().size() == 0 && !other_files)) {
    draw_empty_state(view, act);
  } else {
    UiContext ctx;
    ctx.store = view.store;
    ctx.memory = &view.memory;
    ctx.settings = &settings;
    ctx.cache = &cache_;
    ctx.histograms = &histogram_cache_;
    ctx.fonts = view.fonts;
    ctx.now = view.now;
    run_filter_.set(settings.run_filter);
    ctx.run_filter = &run_filter_;
    ctx.downloads = &act.downloads;
    ctx.load_runs = &act.load_runs;
    ctx.unload_runs = &act.unload_runs;
    ctx.hparams_peek = &view.hparams_peek;
    ctx.peek_hparams = &act.peek_hparams;
    ctx.capture = &act.capture;
    ctx.media = view.media;
    ctx.embeddings = view.embeddings;
    ctx.points = view.points;
    ctx.meshes = view.meshes;
    ctx.geometry = view.geometry;
    ctx.profiles = view.profiles;
    media_cards_.clear();
    ctx.media_cards = &media_cards_;
    ctx.open_urls = &act.open_urls;
    ctx.copy_text = &act.copy_text;
    ctx.wants_frame = &act.wants_frame;
    update_run_looks(*view.store, settings);
    ctx.run_looks = &run_looks_;
    cache_.sync(*view.store);
    update_hparams(*view.store, view.now);
    ctx.hparams = &hparams_;
    grouping_.update(*view.store, settings, &hparams_,
                     [&](const std::string& run) { return ctx.own_rgb(run); });
    ctx.grouping = &grouping_;
    group_series_.sync(view.store->generation());
    ctx.group_series = &group_series_;
    x_tag_series_.sync(view.store->generation());
    ctx.x_tag_series = &x_tag_series_;
    // The panel opens by itself only when the whole load failed: files were
    // read, and none of them gave any data.
    const bool nothing_read =
        !view.loading.active && view.store->files().size() > 0 && run_looks_nonempty() == 0 && !other_files;
    const std::uint64_t problems = problem_count(*view.store, view.embeddings, &view.memory);
    if (nothing_read && problems > problems_seen_) show_problems_ = true;
    problems_seen_ = problems;
    const float problems_h =
        show_problems_ ? std::min(220.0f, ImGui::GetContentRegionAvail().y * 0.35f) : 0.0f;
    const float body_h = ImGui::GetContentRegionAvail().y - problems_h;
    const float sidebar_w = sidebar_width(settings);
    ImGui::BeginChild("##sidebar", ImVec2(sidebar_w, body_h), true);
    if (Dashboard* d = sidebar_dashboard(settings.dashboard)) d->draw_sidebar(ctx);
    runs_panel_.draw(ctx, view.live_supported);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    draw_sidebar_splitter(settings, sidebar_w, body_h);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##main", ImVec2(0, body_h), false);
    draw_dashboards(ctx);
    group_series_.evict(view.now);
    // Group lines' wall times, a few lines a frame after a regroup (only tooltips read them).
    if (group_series_.fill_walls(16)) act.wants_frame = true;
    ImGui::EndChild();
    if (show_problems_) {
      ImGui::BeginChild("##problems", ImVec2(0, 0), true);
      show_problems_ = draw_problems_panel(ctx);
      ImGui::EndChild();
    }
  }
  ImGui::End();
  draw_status_bar(view, act);
  draw_about(view);
  draw_keyboard_and_mouse_help(show_help_, view.fonts);
  return act;
}

}  // namespace el::ui
