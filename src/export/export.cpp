#include "export/export.h"

#include <cmath>
#include <cstdio>

#include "aggregate/distribution.h"
#include "aggregate/hparams.h"
#include "aggregate/meshes.h"
#include "events/blob_decoder.h"
#include "events/media.h"
#include "events/pr_curve.h"
#include "store/csv_writer.h"
#include "store/json_writer.h"
#include "store/sha256.h"

namespace el::exporting {
namespace {

using store::append_csv_field;
using store::append_csv_number;
using store::JsonWriter;
using store::Run;
using store::Series;
using store::Store;

std::vector<std::uint32_t> indices(const Series& s, bool all) {
  if (!all) return store::visible_indices(s.steps);
  std::vector<std::uint32_t> v(s.size());
  for (std::uint32_t i = 0; i < v.size(); ++i) v[i] = i;
  return v;
}

bool wanted(const std::regex& re, const std::string& s) { return std::regex_search(s, re); }

template <typename Fn>
void each_tag(const Run& run, events::Kind kind, const ExportOptions& o, JsonWriter& j, const char* key,
              Fn fn) {
  j.key(key).begin_object();
  for (const auto& [tag, s] : run.tags) {
    if (s.kind != kind || !wanted(o.tag_filter, tag)) continue;
    j.key(tag).begin_array();
    for (std::uint32_t i : indices(s, o.all_points)) fn(tag, s, i);
    j.end_array();
  }
  j.end_object();
}

// "meshes": {name: [{step, wall_time, sample, vertices, faces, colors, bounds, sha256, problems}]}:
// every sample of every step, put together as the Mesh dashboard draws it.
void export_meshes(const Store& store, const Run& run, const ExportOptions& o, JsonWriter& j) {
  events::BlobDecoder decoder;
  std::string record, error;
  // One part's tensor at `index`; false (with a problem) when it cannot be read.
  auto part = [&](const Series* s, std::uint32_t index, events::MeshContent c, events::MeshTensor& out) {
    if (!s || index == aggregate::kNoRecord) return false;
    pb::TensorProto t;
    if (!read_blob(store, *o.blobs, s->blobs[index], record, error) ||
        !decoder.tensor({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, s->tag, t) ||
        !events::decode_mesh_tensor(t, c, out, error)) {
      if (o.problems)
        o.problems->push_back(run.name + ": " + std::string(s->tag) + " at step " +
                              std::to_string(s->steps[index]) + ": " +
                              (error.empty() ? "the mesh record is not decodable" : error));
      error.clear();
      return false;
    }
    return true;
  };
  j.key("meshes").begin_object();
  for (const aggregate::MeshInfo& m : aggregate::find_meshes(run, o.all_points)) {
    if (!wanted(o.tag_filter, m.name)) continue;
    if (o.problems)
      for (const std::string& p : m.problems) o.problems->push_back(run.name + ": " + p);
    j.key(m.name).begin_array();
    for (const aggregate::MeshStep& st : m.steps) {
      events::MeshTensor v, f, c;
      if (!part(m.vertex, st.vertex, events::MeshContent::kVertex, v)) continue;
      const bool has_f = part(m.face, st.face, events::MeshContent::kFace, f);
      const bool has_c = part(m.color, st.color, events::MeshContent::kColor, c);
      for (std::uint32_t k = 0; k < v.batch; ++k) {
        const aggregate::MeshSample ms =
            aggregate::assemble_mesh(v, has_f ? &f : nullptr, has_c ? &c : nullptr, k);
        j.begin_object().key("step").value(st.step).key("wall_time").value(st.wall_time);
        j.key("sample").value(k).key("vertices").value(ms.vertices).key("faces").value(ms.faces);
        j.key("colors").value(!ms.rgba.empty()).key("bounds");
        if (ms.has_bounds) {
          j.begin_array();
          for (const auto* b : {&ms.lo, &ms.hi}) {
            j.begin_array();
            for (float x : *b) j.value(static_cast<double>(x));
            j.end_array();
          }
          j.end_array();
        } else {
          j.value(std::string_view("none"));
        }
        j.key("sha256").value(ms.vertex_sha256).key("problems").begin_array();
        for (const std::string& p : ms.problems) j.value(p);
        j.end_array().end_object();
      }
    }
    j.end_array();
  }
  j.end_object();
}

}  // namespace

std::string export_json(const Store& store, const ExportOptions& o) {
  JsonWriter j;
  events::BlobDecoder decoder;
  std::string record, error;
  std::vector<std::string> images;
  j.begin_object().key("runs").begin_array();
  for (const auto& [name, run] : store.runs()) {
    if (!wanted(o.run_filter, name)) continue;
    j.begin_object().key("run").value(name);
    if (o.scalars)
      each_tag(run, events::Kind::kScalars, o, j, "scalars",
               [&](const std::string&, const Series& s, std::uint32_t i) {
                 j.begin_array().value(s.steps[i]).value(s.wall_times[i]).value(s.values[i]).end_array();
               });
    if (o.histograms)
      each_tag(run, events::Kind::kHistograms, o, j, "histograms",
               [&](const std::string&, const Series& s, std::uint32_t i) {
                 j.begin_object().key("step").value(s.steps[i]).key("wall_time").value(s.wall_times[i]);
                 j.key("buckets").begin_array();
                 std::vector<double> rows;
                 s.histogram(i).rows(rows);
                 for (std::size_t r = 0; r + 2 < rows.size(); r += 3)
                   j.begin_array().value(rows[r]).value(rows[r + 1]).value(rows[r + 2]).end_array();
                 j.end_array().end_object();
               });
    if (o.distributions)
      each_tag(run, events::Kind::kHistograms, o, j, "distributions",
               [&](const std::string&, const Series& s, std::uint32_t i) {
                 j.begin_object().key("step").value(s.steps[i]).key("wall_time").value(s.wall_times[i]);
                 j.key("bps").begin_array();
                 std::vector<double> rows;
                 s.histogram(i).rows(rows);
                 for (double v : aggregate::compress_histogram(rows)) j.value(v);
                 j.end_array().end_object();
               });
    if (o.images && o.blobs)
      each_tag(run, events::Kind::kImages, o, j, "images",
               [&](const std::string& tag, const Series& s, std::uint32_t i) {
                 if (!read_blob(store, *o.blobs, s.blobs[i], record, error) ||
                     !decoder.images({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()},
                                     tag, images)) {
                   if (o.problems)
                     o.problems->push_back(error.empty() ? "image record not decodable" : error);
                   error.clear();
                   return;
                 }
                 for (std::size_t k = 0; k < images.size(); ++k) {
                   std::uint32_t w = s.widths[i], h = s.heights[i];
                   if (w == 0 || h == 0) {
                     const auto px = events::sniff_image_size(images[k]);
                     w = px.width;
                     h = px.height;
                   }
                   j.begin_object().key("step").value(s.steps[i]).key("wall_time").value(s.wall_times[i]);
                   j.key("index").value(static_cast<std::int64_t>(k)).key("width").value(std::int64_t{w});
                   j.key("height").value(std::int64_t{h}).key("mime").value(events::sniff_mime(images[k]));
                   j.key("bytes").value(static_cast<std::int64_t>(images[k].size()));
                   j.key("sha256").value(store::sha256_hex(images[k])).end_object();
                 }
               });
    if (o.pr_curves && o.blobs)
      each_tag(run, events::Kind::kPrCurves, o, j, "pr_curves",
               [&](const std::string& tag, const Series& s, std::uint32_t i) {
                 pb::TensorProto t;
                 events::PrCurve pr;
                 if (!read_blob(store, *o.blobs, s.blobs[i], record, error) ||
                     !decoder.tensor({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()},
                                     tag, t) ||
                     !events::pr_curve_from_tensor(t, pr, error)) {
                   if (o.problems)
                     o.problems->push_back(error.empty() ? "PR curve record not decodable" : error);
                   error.clear();
                   return;
                 }
                 j.begin_object().key("step").value(s.steps[i]).key("wall_time").value(s.wall_times[i]);
                 j.key("thresholds").value(static_cast<std::uint64_t>(pr.size()));
                 const std::pair<const char*, const std::vector<double>*> rows[] = {
                     {"tp", &pr.tp},
                     {"fp", &pr.fp},
                     {"tn", &pr.tn},
                     {"fn", &pr.fn},
                     {"precision", &pr.precision},
                     {"recall", &pr.recall}};
                 for (const auto& [name, row] : rows) {
                   j.key(name).begin_array();
                   for (double x : *row) j.value(x);
                   j.end_array();
                 }
                 j.end_object();
               });
    if (o.meshes && o.blobs) export_meshes(store, run, o, j);
    if (o.text)
      each_tag(run, events::Kind::kText, o, j, "text",
               [&](const std::string&, const Series& s, std::uint32_t i) {
                 j.begin_object().key("step").value(s.steps[i]).key("wall_time").value(s.wall_times[i]);
                 j.key("text").value(s.texts[i]).end_object();
               });
    j.end_object();
  }
  j.end_array();
  if (o.hparams) {
    const aggregate::HparamsTable table = aggregate::build_hparams_table(store);
    std::vector<std::uint32_t> rows;
    for (std::uint32_t i = 0; i < table.sessions.size(); ++i)
      if (wanted(o.run_filter, table.sessions[i].run)) rows.push_back(i);
    j.key("hparams");
    aggregate::write_hparams_json(j, table, rows);
    if (o.problems) o.problems->insert(o.problems->end(), table.problems.begin(), table.problems.end());
  }
  j.end_object();
  return j.take();
}

std::string export_csv(const Store& store, const ExportOptions& o) {
  std::string out = "run,tag,step,wall_time,value\n";
  for (const auto& [name, run] : store.runs()) {
    if (!wanted(o.run_filter, name)) continue;
    for (const auto& [tag, s] : run.tags) {
      if (s.kind != events::Kind::kScalars || !wanted(o.tag_filter, tag)) continue;
      for (std::uint32_t i : indices(s, o.all_points)) {
        append_csv_field(out, name);
        out += ',';
        append_csv_field(out, tag);
        out += ',' + std::to_string(s.steps[i]) + ',';
        append_csv_number(out, s.wall_times[i]);
        out += ',';
        append_csv_number(out, s.values[i]);
        out += '\n';
      }
    }
  }
  return out;
}

}  // namespace el::exporting
