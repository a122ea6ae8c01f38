// The test hook's JSON (window.eventlens.state() and series() in the page,
// --state on the desktop): what the shell knows (loading, files, problems,
// settings, the media cache), then the main window's and each dashboard's
// part (ui/main_window_state.cpp, Dashboard::write_state).
#include <algorithm>
#include <cstdio>
#include <set>

#include "app/shell.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "store/json_writer.h"

namespace el::app {

// The distinct code points of every run and tag name that the UI font lacks.
std::vector<std::uint32_t> Shell::missing_glyphs() const {
  std::set<std::uint32_t> missing;
  const ImFont* font = ImGui::GetIO().FontDefault;
  if (!font) return {};
  auto scan = [&](const std::string& s) {
    for (const char* p = s.c_str(); *p;) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, nullptr);
      if (c >= 0x20 && (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))) missing.insert(c);
    }
  };
  for (const auto& [name, run] : store_.runs()) {
    scan(name);
    for (const auto& [tag, series] : run.tags) scan(tag);
  }
  return {missing.begin(), missing.end()};
}

// What loading has done so far: the files' bytes, the runs read, the heads
// peeked for hparams (state_json's, and progress_json alone).
void Shell::write_progress(store::JsonWriter& j) const {
  j.key("hparamsPeek").begin_object().key("asked").value(static_cast<std::uint64_t>(peeks_asked_));
  j.key("done").value(static_cast<std::uint64_t>(peeks_done_));
  j.key("failures").value(static_cast<std::uint64_t>(peek_failures_)).end_object();
  const ui::LoadingView ld = loading();
  j.key("loading").begin_object();
  j.key("active").value(ld.active);
  j.key("bytesDone").value(ld.bytes_done);
  j.key("bytesTotal").value(ld.bytes_total);
  j.key("filesDone").value(ld.files_done);
  j.key("filesTotal").value(ld.files_total);
  j.key("currentFile").value(ld.current_file);
  // The last batch: from its first file's arrival to its last byte ingested
  // (page clock, performance.now()); finishedMs is -1 while it loads.
  j.key("startedMs").value(batch_started_ms_);
  j.key("finishedMs").value(batch_finished_ms_);
  j.end_object();
  // Which runs are read (app/run_loading.h); runs only listed are left out of "runs".
  const RunLoadCounts rl = count_run_loads(store_);
  j.key("runLoading").begin_object();
  j.key("selective").value(run_loading_.selective());
  j.key("runs").value(static_cast<std::uint64_t>(rl.runs));
  j.key("wanted").value(static_cast<std::uint64_t>(rl.wanted));
  j.key("read").value(static_cast<std::uint64_t>(rl.read));
  j.key("bytes").value(rl.bytes);
  j.key("wantedBytes").value(rl.wanted_bytes);
  j.end_object();
}

std::string Shell::progress_json() const {
  store::JsonWriter j;
  j.begin_object();
  write_progress(j);
  j.end_object();
  return j.take();
}

std::string Shell::state_json() const {
  const store::FileTable& files = store_.files();
  store::JsonWriter j;
  j.begin_object();
  j.key("version").value(EL_VERSION);
  j.key("frame").value(frame_);
  j.key("dashboard").value(settings_.dashboard);
  j.key("theme").value(settings_.dark ? "dark" : "light");
  j.key("pixelRatio").value(static_cast<double>(pixel_ratio_));
  j.key("activity").value(activity_);
  j.key("ingestThreads").value(static_cast<std::uint64_t>(queue_.threads()));
  j.key("whyOneThread").value(why_one_thread_);
  if (const store::DecodePool* pool = queue_.pool()) {  // where the time went (benchmarks)
    j.key("decodeMs").value(pool->decode_ms()).key("applyMs").value(pool->apply_ms());
    j.key("redecoded").value(pool->redecoded());  // speculative pieces decoded again (a wrong guess)
  }
  write_progress(j);
  // The memory budget (app/memory_budget.h): the steps taken and what they reduced.
  j.key("memory").begin_object();
  j.key("inUse").value(memory_.in_use());
  j.key("budget").value(memory_.budget());
  j.key("peak").value(memory_.peak());
  j.key("storeBytes").value(store_.memory_use().total());  // the store's columns, of inUse
  j.key("step").value(static_cast<std::int64_t>(memory_.step()));
  j.key("full").value(memory_.full());
  j.key("histogramKeep").value(static_cast<std::uint64_t>(store_.histogram_keep()));
  j.key("histogramsDropped").value(store_.histogram_records_dropped());
  j.key("filesStopped").value(static_cast<std::uint64_t>(stopped_files_.size()));
  j.key("reductions").value(ui::memory_reductions(memory_view()));
  j.end_object();
  j.key("live").value(live_active_ && settings_.live_reload);
  j.key("problemsPanel").value(main_window_.problems_panel_open());
  j.key("keyboardHelp").value(main_window_.help_open());
  j.key("problemsBadge").begin_array();
  for (float f : main_window_.problems_badge()) j.value(static_cast<double>(f));
  j.end_array();
  j.key("chartsDrawn").value(static_cast<std::int64_t>(main_window_.charts_drawn()));
  {  // The image and audio cache (bytes under the cap) and the clip playing.
    const MediaStats m = media_.stats();
    j.key("media").begin_object();
    j.key("bytes").value(static_cast<std::uint64_t>(m.bytes));
    j.key("peakBytes").value(static_cast<std::uint64_t>(m.peak_bytes));
    j.key("budget").value(static_cast<std::uint64_t>(m.budget));
    j.key("entries").value(static_cast<std::uint64_t>(m.entries));
    j.key("textures").value(static_cast<std::uint64_t>(m.textures));
    j.key("reads").value(m.reads);
    j.key("decodes").value(m.decodes);
    j.key("evictions").value(m.evictions);
    j.key("waiting").value(static_cast<std::uint64_t>(m.reads_waiting));
    j.end_object();
    const ui::Playback pb = media_.playback();
    j.key("playback").begin_object();
    j.key("tag").value(pb.series ? std::string(pb.series->tag) : std::string());
    j.key("playing").value(pb.playing).key("position").value(pb.position);
    if (!pb.error.empty()) j.key("error").value(pb.error);
    j.end_object();
  }
  {  // CPU time per frame over the last frames (up to 240)
    const std::uint64_t n = std::min<std::uint64_t>(frame_ - frame_stats_from_, frame_ms_.size());
    std::vector<float> ms;
    for (std::uint64_t f = frame_ - n; f < frame_; ++f) ms.push_back(frame_ms_[f % frame_ms_.size()]);
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double q) {
      return ms.empty() ? 0.0 : static_cast<double>(ms[static_cast<std::size_t>(q * (ms.size() - 1))]);
    };
    j.key("frameMs").begin_object().key("p50").value(pct(0.5)).key("p95").value(pct(0.95));
    j.key("max").value(pct(1.0)).key("n").value(static_cast<std::uint64_t>(ms.size())).end_object();
  }
  main_window_.write_state(j, store_);
  // Per run, per kind, per tag: the number of points the UI shows.
  j.key("runs").begin_array();
  for (const auto& [name, run] : store_.runs()) {
    if (!run.wanted && run.tags.empty()) continue;  // listed only (runLoading counts them)
    // What the user sees: the label as displayed, the colour (the user's pick or
    // the run's distinct one), and whether it has data (empty runs are not listed).
    const auto picked = settings_.run_colors.find(name);
    const std::uint32_t rgb =
        picked != settings_.run_colors.end() ? picked->second : main_window_.run_looks().color(name);
    char color[8];
    std::snprintf(color, sizeof color, "#%06x", rgb & 0xffffffu);
    j.begin_object().key("name").value(name).key("label").value(main_window_.run_looks().label(name));
    j.key("color").value(color).key("empty").value(run.tags.empty());
    j.key("tags").begin_object();
    for (int k = 0; k < events::kKindCount; ++k) {
      const auto kind = static_cast<events::Kind>(k);
      bool open = false;
      for (const auto& [tag, s] : run.tags) {
        if (s.kind != kind) continue;
        if (!open) j.key(events::kind_name(kind)).begin_object();
        open = true;
        j.key(tag).value(static_cast<std::uint64_t>(shown_count(s)));
      }
      if (open) j.end_object();
    }
    j.end_object();
    // Histogram series thinned by the memory budget: records read ("kept N of M": N is in tags).
    j.key("recordsSeen").begin_object();
    for (const auto& [tag, s] : run.tags)
      if (s.records_seen() > s.size()) j.key(tag).value(s.records_seen());
    j.end_object().end_object();
  }
  j.end_array();
  j.key("files").begin_array();
  for (store::FileId id = 0; id < files.size(); ++id) {
    const store::FileStatus& f = files.status(id);
    j.begin_object();
    j.key("path").value(f.path);
    j.key("size").value(f.size);
    j.key("bytesRead").value(f.bytes_read);
    j.key("crc32").value(static_cast<std::uint64_t>(f.crc32));
    j.key("records").value(f.records);
    j.key("finished").value(f.finished);
    j.end_object();
  }
  j.end_array();
  j.key("problems").begin_array();
  for (store::FileId id = 0; id < files.size(); ++id) {
    for (const record::Problem& p : files.status(id).problems) {
      j.begin_object();
      j.key("file").value(files.status(id).path);
      j.key("offset").value(p.offset);
      j.key("kind").value(record::problem_kind_name(p.kind));
      j.key("message").value(p.message);
      j.end_object();
    }
  }
  if (!embeddings_.discovering()) {
    for (const embed::EmbeddingProblem& p : embeddings_.discovery().problems) {
      j.begin_object();
      j.key("file").value(p.path);
      j.key("offset").value(std::uint64_t{0});
      j.key("kind").value("embedding");
      j.key("message").value(p.problem);
      j.end_object();
    }
  }
  j.end_array();
  const ui::Settings& s = settings_;
  j.key("settings").begin_object();
  j.key("smoothing").value(s.smoothing);
  j.key("xAxis").value(s.x_axis == ui::XAxis::kStep       ? "step"
                       : s.x_axis == ui::XAxis::kRelative ? "relative"
                       : s.x_axis == ui::XAxis::kTag      ? "tag"
                                                          : "wall");
  j.key("logY").value(s.y_scale == aggregate::AxisScale::Kind::kLog);
  j.key("yScale").value(aggregate::scale_name(s.y_scale));
  j.key("xScale").value(aggregate::scale_name(s.x_scale));
  j.key("xTag").value(s.x_tag);
  j.key("symlogWidth").value(s.symlog_width);
  j.key("ignoreOutliers").value(s.ignore_outliers);
  j.key("allPoints").value(s.all_points);
  j.key("runFilter").value(s.run_filter);
  j.key("tagFilter").value(s.tag_filter);
  j.key("hiddenRuns").begin_array();
  for (const auto& r : s.hidden_runs) j.value(r);
  j.end_array();
  j.key("liveReload").value(s.live_reload);
  j.key("reloadSeconds").value(static_cast<std::int64_t>(s.reload_seconds));
  j.key("histogramBins").value(static_cast<std::int64_t>(s.histogram_bins));
  j.key("histogramMode").value(s.histogram_mode == ui::HistogramMode::kOverlay ? "overlay" : "offset");
  j.key("imageBrightness").value(s.image_brightness);
  j.key("imageContrast").value(s.image_contrast);
  j.key("imageActualSize").value(s.image_actual_size);
  j.key("step").value(s.step);
  j.key("linkSteps").value(s.link_steps);
  j.key("groupRegex").value(s.group_regex);
  j.key("groupHparam").value(s.group_hparam);
  j.key("groupLine").value(s.group_line == ui::GroupLine::kMedian ? "median" : "mean");
  j.key("groupBand")
      .value(s.group_band == ui::GroupBand::kNone  ? "none"
             : s.group_band == ui::GroupBand::kStd ? "std"
             : s.group_band == ui::GroupBand::kSem ? "sem"
                                                   : "minmax");
  j.key("groupMembers").value(s.group_members);
  j.key("groupSmoothFirst").value(s.group_smooth_first);
  j.key("runColumns").begin_array();
  for (const std::string& c : s.run_columns) j.value(c);
  j.end_array();
  j.key("runSort").value(s.run_sort).key("runSortDescending").value(s.run_sort_descending);
  j.key("pins").begin_array();
  for (const std::string& p : s.pins) j.value(p);
  j.end_array();
  j.key("textRaw").value(s.text_raw);
  j.key("cardOverlays").begin_object();
  for (const auto& [card, extras] : s.card_overlays) {
    j.key(card).begin_array();
    for (const std::string& e : extras) j.value(e);
    j.end_array();
  }
  j.end_object();
  j.key("imageCacheMb").value(static_cast<std::int64_t>(s.image_cache_mb));
  j.key("text").value(settings_text_);
  j.key("local").value(local_text_);
  j.end_object();
  // Characters of run and tag names that no loaded font has (they draw as a
  // box): what a user would see as missing glyphs.
  static const char* kFontLoad[] = {"none", "loading", "loaded", "failed"};
  j.key("cjkFont").begin_object().key("state").value(kFontLoad[static_cast<int>(cjk_state_)]);
  j.key("chars")
      .value(static_cast<std::uint64_t>(cjk_chars_.size()))
      .key("error")
      .value(cjk_error_)
      .end_object();
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;  // the glyph texture, in device pixels
  j.key("fontAtlas").begin_array().value(static_cast<std::int64_t>(atlas->TexWidth));
  j.value(static_cast<std::int64_t>(atlas->TexHeight)).end_array();
  j.key("missingGlyphs").begin_array();
  for (std::uint32_t c : missing_glyphs()) j.value(static_cast<std::uint64_t>(c));
  j.end_array();
  j.end_object();
  return j.take();
}

std::size_t Shell::shown_count(const store::Series& s) const {
  ShownCount& c = shown_counts_[&s];
  if (c.version != s.version || c.generation != store_.generation() || c.all_points != settings_.all_points) {
    c.count = settings_.all_points ? s.size() : store::visible_indices(s.steps).size();
    c.version = s.version;
    c.generation = store_.generation();
    c.all_points = settings_.all_points;
  }
  return c.count;
}

std::string Shell::series_json(const std::string& run, const std::string& tag) {
  store::JsonWriter j;
  auto r = store_.runs().find(run);
  const store::Series* s = nullptr;
  if (r != store_.runs().end()) {
    auto t = r->second.tags.find(tag);
    if (t != r->second.tags.end() &&
        (t->second.kind == events::Kind::kScalars || t->second.kind == events::Kind::kHistograms ||
         t->second.kind == events::Kind::kText || t->second.kind == events::Kind::kPrCurves))
      s = &t->second;
  }
  if (!s) return "null";
  const double now = static_cast<double>(SDL_GetTicks64()) / 1000.0;
  if (s->kind == events::Kind::kPrCurves) {
    // [step, wall_time, thresholds, [tp], [fp], [tn], [fn], [precision], [recall]] per shown
    // record whose curve a card has read (the page reads them lazily), else [step, wall_time, null].
    j.begin_array();
    std::vector<std::uint32_t> shown = store::visible_indices(s->steps);
    if (settings_.all_points) {
      shown.resize(s->size());
      for (std::uint32_t k = 0; k < shown.size(); ++k) shown[k] = k;
    }
    for (std::uint32_t i : shown) {
      j.begin_array().value(s->steps[i]).value(s->wall_times[i]);
      if (const events::PrCurve* pr = media_.cached_pr_curve(*s, i)) {
        j.value(static_cast<std::uint64_t>(pr->size()));
        for (const auto* row : {&pr->tp, &pr->fp, &pr->tn, &pr->fn, &pr->precision, &pr->recall}) {
          j.begin_array();
          for (double x : *row) j.value(x);
          j.end_array();
        }
      } else {
        j.null();
      }
      j.end_array();
    }
    j.end_array();
    return j.take();
  }
  if (s->kind == events::Kind::kText) {
    // [step, wall_time, [shape], [strings]] per shown record.
    const auto shown = settings_.all_points ? std::vector<std::uint32_t>() : store::visible_indices(s->steps);
    j.begin_array();
    for (std::size_t k = 0; k < (settings_.all_points ? s->size() : shown.size()); ++k) {
      const std::size_t i = settings_.all_points ? k : shown[k];
      j.begin_array().value(s->steps[i]).value(s->wall_times[i]).begin_array();
      if (i < s->text_shapes.size())
        for (std::int64_t d : s->text_shapes[i]) j.value(d);
      j.end_array().begin_array();
      for (std::string_view str : s->text_strings(i)) j.value(str);
      j.end_array().end_array();
    }
    j.end_array();
    return j.take();
  }
  if (s->kind == events::Kind::kHistograms) {
    // [step, wall_time, [nine percentiles], [re-binned counts]] per shown
    // record, as the histogram and distribution cards compute them (fresh:
    // the cards' cache may lag a growing series by a fraction of a second).
    aggregate::HistogramSeries h;
    aggregate::aggregate_histograms(*s, settings_.histogram_bins, settings_.all_points, h);
    j.begin_array();
    for (std::size_t i = 0; i < h.size(); ++i) {
      j.begin_array().value(h.steps[i]).value(h.walls[i]).begin_array();
      for (double p : h.percentiles[i]) j.value(p);
      j.end_array().begin_array();
      for (int b = 0; b < h.bins && h.has_range; ++b) j.value(h.row(i)[b]);
      j.end_array().end_array();
    }
    j.end_array();
    return j.take();
  }
  main_window_.cache().sync(store_);
  const ui::PreparedSeries& p = main_window_.cache().get(*s, settings_.all_points, settings_.smoothing, now);
  // [step, wall_time, value, smoothed] per point, as the charts hold them.
  j.begin_array();
  for (std::size_t i = 0; i < p.values.size(); ++i)
    j.begin_array()
        .value(static_cast<std::int64_t>(p.steps[i]))
        .value(p.walls[i])
        .value(p.values[i])
        .value(p.smooth_values()[i])
        .end_array();
  j.end_array();
  return j.take();
}

}  // namespace el::app
