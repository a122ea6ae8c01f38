// [SECTION] event file writer
// [SECTION] value builders (one per summary kind, in the forms real writers use)
// [SECTION] synthetic content (curves, images, audio, graphs)
// [SECTION] the demo logdir
// [SECTION] the benchmark logdirs (--big, --million, --images)
// [SECTION] eventlens demo
//
// `eventlens demo OUTDIR [--big]` writes event files with our own writer, so a
// newcomer sees every dashboard at once and benchmarks have a known input. All
// content is deterministic (fixed seeds and times): the same command writes
// the same bytes on every machine.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_meshes.h"
#include "cli/demo_seeds.h"
#include "cli/synthetic_graph.h"
#include "events/media_encode.h"
#include "proto/event.pb.h"
#include "proto/graph.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"

namespace el::cli {
namespace {

namespace fs = std::filesystem;
constexpr double kStartTime = 1763800000.0;  // 2025-11-22, fixed so output is reproducible

// [SECTION] event file writer ---------------------------------------------------------
class EventFile {
 public:
  EventFile(const fs::path& dir, const std::string& host, double wall0) : wall0_(wall0) {
    fs::create_directories(dir);
    char name[128];
    std::snprintf(name, sizeof name, "events.out.tfevents.%lld.%s", static_cast<long long>(wall0),
                  host.c_str());
    path_ = dir / name;
    out_.open(path_, std::ios::binary | std::ios::trunc);
    pb::Event e;
    e.set_wall_time(wall0);
    e.set_file_version("brain.Event:2");
    write(e);
  }
  ~EventFile() { flush(); }
  bool ok() const { return static_cast<bool>(out_); }
  std::uint64_t bytes() const { return written_ + buf_.size(); }

  void write(const pb::Event& e) {
    e.SerializeToString(&scratch_);
    record::append_record(buf_, scratch_);
    if (buf_.size() > (8u << 20)) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    written_ += buf_.size();
    buf_.clear();
  }
  double wall0() const { return wall0_; }

 private:
  fs::path path_;
  std::ofstream out_;
  std::string buf_, scratch_;
  std::uint64_t written_ = 0;
  double wall0_;
};

// Deterministic pseudo-random numbers (splitmix64).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double normal() {  // Box-Muller
    const double u = uniform() + 1e-300, v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
  }

 private:
  std::uint64_t s_;
};

// [SECTION] value builders -------------------------------------------------------------
pb::Event at(std::int64_t step, double wall) {
  pb::Event e;
  e.set_step(step);
  e.set_wall_time(wall);
  return e;
}

pb::Summary::Value* add_value(pb::Event& e, const std::string& tag) {
  auto* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  return v;
}

// Plugin metadata, sent with a tag's first value only (as writers do).
void set_plugin(pb::Summary::Value* v, const char* plugin, const std::string& content = {},
                pb::DataClass data_class = pb::DATA_CLASS_UNKNOWN) {
  auto* m = v->mutable_metadata();
  m->mutable_plugin_data()->set_plugin_name(plugin);
  if (!content.empty()) m->mutable_plugin_data()->set_content(content);
  if (data_class != pb::DATA_CLASS_UNKNOWN) m->set_data_class(data_class);
}

// PyTorch / tensorboardX style: a legacy simple_value.
void legacy_scalar(pb::Event& e, const std::string& tag, double value) {
  add_value(e, tag)->set_simple_value(static_cast<float>(value));
}

// TF2 style: a rank-0 float tensor, plugin "scalars" on the first value.
void tensor_scalar(pb::Event& e, const std::string& tag, double value, bool first) {
  auto* v = add_value(e, tag);
  if (first) set_plugin(v, "scalars", {}, pb::DATA_CLASS_SCALAR);
  v->mutable_tensor()->set_dtype(pb::DT_FLOAT);
  v->mutable_tensor()->mutable_tensor_shape();
  v->mutable_tensor()->add_float_val(static_cast<float>(value));
}

// Bucket counts of a normal(mean, sd) sample of size n over `limits` (bucket i
// covers (limit[i-1], limit[i]]), computed from the CDF so steps are smooth.
std::vector<double> normal_counts(const std::vector<double>& limits, double mean, double sd, double n) {
  std::vector<double> counts(limits.size());
  auto cdf = [&](double x) { return 0.5 * std::erfc(-(x - mean) / (sd * std::numbers::sqrt2)); };
  double prev = 0;
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const double c = i + 1 == limits.size() ? 1.0 : cdf(limits[i]);
    counts[i] = std::round(n * (c - prev));
    prev = c;
  }
  return counts;
}

// TF1 / PyTorch style: a legacy HistogramProto.
void legacy_histogram(pb::Event& e, const std::string& tag, const std::vector<double>& limits,
                      const std::vector<double>& counts, double mean, double sd) {
  auto* h = add_value(e, tag)->mutable_histo();
  double num = 0, lo = 0, hi = 0;
  bool any = false;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    num += counts[i];
    if (counts[i] > 0) {
      if (!any) lo = i ? limits[i - 1] : limits[0] - 1;
      hi = limits[i];
      any = true;
    }
  }
  h->set_min(lo);
  h->set_max(hi);
  h->set_num(num);
  h->set_sum(mean * num);
  h->set_sum_squares((sd * sd + mean * mean) * num);
  for (double l : limits) h->add_bucket_limit(l);
  for (double c : counts) h->add_bucket(c);
}

// TF2 style: a [k,3] double tensor of (left, right, count), plugin "histograms".
void tensor_histogram(pb::Event& e, const std::string& tag, Rng& rng, double mean, double sd, int k,
                      bool first) {
  std::vector<double> xs(1000);
  for (double& x : xs) x = mean + sd * rng.normal();
  const auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
  const double width = (*hi - *lo) / k;
  std::vector<double> counts(k);
  for (double x : xs) counts[std::min(k - 1, static_cast<int>((x - *lo) / width))] += 1;
  auto* v = add_value(e, tag);
  if (first) set_plugin(v, "histograms", {}, pb::DATA_CLASS_TENSOR);
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_DOUBLE);
  t->mutable_tensor_shape()->add_dim()->set_size(k);
  t->mutable_tensor_shape()->add_dim()->set_size(3);
  for (int i = 0; i < k; ++i) {
    t->add_double_val(*lo + i * width);
    t->add_double_val(*lo + (i + 1) * width);
    t->add_double_val(counts[i]);
  }
}

// tensorboardX style: a legacy Image value.
void legacy_image(pb::Event& e, const std::string& tag, std::uint32_t w, std::uint32_t h, std::string png) {
  auto* img = add_value(e, tag)->mutable_image();
  img->set_width(static_cast<int>(w));
  img->set_height(static_cast<int>(h));
  img->set_colorspace(3);
  img->set_encoded_image_string(std::move(png));
}

// TF2 style: [w, h, png...] string tensor, plugin "images".
void tensor_images(pb::Event& e, const std::string& tag, std::uint32_t w, std::uint32_t h,
                   const std::vector<std::string>& pngs, bool first) {
  auto* v = add_value(e, tag);
  if (first) set_plugin(v, "images", {}, pb::DATA_CLASS_BLOB_SEQUENCE);
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_STRING);
  t->mutable_tensor_shape()->add_dim()->set_size(static_cast<std::int64_t>(pngs.size() + 2));
  t->add_string_val(std::to_string(w));
  t->add_string_val(std::to_string(h));
  for (const auto& p : pngs) t->add_string_val(p);
}

// TF2 style audio: [k, 2] (wav, label) string tensor.
void tensor_audio(pb::Event& e, const std::string& tag, const std::string& wav, const std::string& label,
                  bool first) {
  auto* v = add_value(e, tag);
  if (first) set_plugin(v, "audio", {}, pb::DATA_CLASS_BLOB_SEQUENCE);
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_STRING);
  t->mutable_tensor_shape()->add_dim()->set_size(1);
  t->mutable_tensor_shape()->add_dim()->set_size(2);
  t->add_string_val(wav);
  t->add_string_val(label);
}

void legacy_audio(pb::Event& e, const std::string& tag, const std::string& wav, float rate) {
  auto* a = add_value(e, tag)->mutable_audio();
  a->set_sample_rate(rate);
  a->set_num_channels(1);
  a->set_length_frames(static_cast<std::int64_t>((wav.size() - 44) / 2));
  a->set_encoded_audio_string(wav);
  a->set_content_type("audio/wav");
}

// A string tensor with plugin "text": rank 0 (markdown) or rank 2 (a table).
void text(pb::Event& e, const std::string& tag, const std::vector<std::string>& cells, int rows, int cols,
          bool first) {
  auto* v = add_value(e, tag);
  if (first) set_plugin(v, "text");
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_STRING);
  if (rows > 0) {
    t->mutable_tensor_shape()->add_dim()->set_size(rows);
    t->mutable_tensor_shape()->add_dim()->set_size(cols);
  }
  for (const auto& c : cells) t->add_string_val(c);
}

[[maybe_unused]] std::string serialized(const google::protobuf::MessageLite& m) {
  return m.SerializeAsString();
}

// [SECTION] synthetic content -------------------------------------------------------------
// A training curve: exponential decay to a floor, with noise that shrinks.
double loss_at(double step, double speed, double floor, Rng& rng) {
  const double clean = floor + 2.3 * std::exp(-step * speed);
  return clean * (1 + 0.08 * rng.normal() * std::exp(-step * speed * 0.5));
}

// A 64x64 RGB picture that changes with the step: a gradient with a moving disc.
std::string picture(int step, int variant) {
  constexpr std::uint32_t n = 64;
  std::vector<std::uint8_t> px(n * n * 3);
  const double cx = 32 + 20 * std::cos(step * 0.01 + variant),
               cy = 32 + 20 * std::sin(step * 0.013 + variant);
  for (std::uint32_t y = 0; y < n; ++y)
    for (std::uint32_t x = 0; x < n; ++x) {
      std::uint8_t* p = &px[(y * n + x) * 3];
      const double d = std::hypot(x - cx, y - cy);
      p[0] = static_cast<std::uint8_t>(40 + 3 * x);
      p[1] = static_cast<std::uint8_t>(60 + 2 * y + 30 * variant);
      p[2] = static_cast<std::uint8_t>(d < 10 ? 250 : 120);
      if (d < 10) p[0] = p[1] = static_cast<std::uint8_t>(250 - 8 * d);
    }
  return events::encode_png(n, n, 3, px);
}

// Half a second of a rising tone (8 kHz, 16-bit mono).
std::string chirp(int step) {
  constexpr std::uint32_t rate = 8000;
  std::vector<std::int16_t> s(rate / 2);
  const double f0 = 220 + step * 0.2;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    const double env = std::min(1.0, std::min(t, 0.5 - t) * 40);
    s[i] = static_cast<std::int16_t>(12000 * env * std::sin(2 * std::numbers::pi * (f0 * t + 200 * t * t)));
  }
  return events::encode_wav(rate, s);
}

const char* kKerasModel =
    R"({"class_name": "Sequential", "config": {"name": "demo_mlp", "layers": [)"
    R"({"class_name": "InputLayer", "config": {"batch_input_shape": [null, 784], "name": "input"}}, )"
    R"({"class_name": "Dense", "config": {"name": "dense_1", "units": 128, "activation": "relu"}}, )"
    R"({"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.2}}, )"
    R"({"class_name": "Dense", "config": {"name": "dense_2", "units": 10, "activation": "softmax"}}]}, )"
    R"("keras_version": "2.15.0", "backend": "tensorflow"})";

// [SECTION] the demo logdir -----------------------------------------------------------------
void write_train(const fs::path& dir) {
  Rng rng(1);
  const std::vector<double> limits = [] {
    std::vector<double> l;
    for (int i = -30; i <= 30; ++i) l.push_back(i * 0.1);
    return l;
  }();
  // First file: steps 0..1500. Second file: the job "restarted" from a
  // checkpoint at step 1200 and ran to 2000 (the restart rule hides 1200..1500
  // of the first file by default).
  for (int part = 0; part < 2; ++part) {
    const int from = part == 0 ? 0 : 1200, to = part == 0 ? 1500 : 2000;
    EventFile f(dir, part == 0 ? "demo-host.1000.0" : "demo-host.2000.0", kStartTime + part * 900);
    if (part == 0) {
      pb::Event g = at(0, kStartTime);
      g.set_graph_def(synthetic_graph_def(6));  // 163 nodes: scopes, a series, a library
      f.write(g);
      pb::Event k = at(0, kStartTime);
      auto* v = add_value(k, "keras");
      set_plugin(v, "graph_keras_model");
      v->mutable_tensor()->set_dtype(pb::DT_STRING);
      v->mutable_tensor()->add_string_val(kKerasModel);
      f.write(k);
      // custom_scalars: a layout in the run's config tag.
      pb::Layout layout;
      auto* cat = layout.add_category();
      cat->set_title("Training");
      auto* c1 = cat->add_chart();
      c1->set_title("losses");
      c1->mutable_multiline()->add_tag("loss.*");
      auto* c2 = cat->add_chart();
      c2->set_title("loss with band");
      auto* s = c2->mutable_margin()->add_series();
      s->set_value("loss");
      s->set_lower("loss_low");
      s->set_upper("loss_high");
      pb::Event l = at(0, kStartTime);
      auto* lv = add_value(l, "custom_scalars__config__");
      set_plugin(lv, "custom_scalars");
      lv->mutable_tensor()->set_dtype(pb::DT_STRING);
      lv->mutable_tensor()->add_string_val(layout.SerializeAsString());
      f.write(l);
    }
    for (int step = from; step <= to; step += 10) {
      const double wall = kStartTime + part * 900 + (step - from) * 0.5;
      pb::Event e = at(step, wall);
      const double loss = loss_at(step, 0.002, 0.15, rng) * (part == 1 ? 0.97 : 1.0);
      legacy_scalar(e, "loss", loss);
      legacy_scalar(e, "loss_low", loss * 0.9);
      legacy_scalar(e, "loss_high", loss * 1.1);
      legacy_scalar(e, "metrics/accuracy", 1 - 0.9 * std::exp(-step * 0.0025) + 0.01 * rng.normal());
      legacy_scalar(e, "metrics/top5", 1 - 0.5 * std::exp(-step * 0.004) + 0.005 * rng.normal());
      legacy_scalar(e, "optim/learning_rate", 1e-3 * 0.5 * (1 + std::cos(std::numbers::pi * step / 2000.0)));
      legacy_scalar(e, "optim/grad_norm", 5 * std::exp(-step * 0.001) + 0.3 * std::abs(rng.normal()));
      f.write(e);
      if (step % 100 == 0) {
        pb::Event h = at(step, wall);
        const double sd = 0.3 + step / 4000.0;
        legacy_histogram(h, "weights/dense_1", limits, normal_counts(limits, 0.0, sd, 4096), 0.0, sd);
        legacy_histogram(h, "weights/dense_2", limits, normal_counts(limits, step / 4000.0, 0.4, 2048),
                         step / 4000.0, 0.4);
        tensor_histogram(h, "activations/relu", rng, 0.5 + step / 2000.0, 0.3, 30, step == from);
        f.write(h);
      }
      if (step % 250 == 0) {
        pb::Event im = at(step, wall);
        legacy_image(im, "samples/input", 64, 64, picture(step, 0));
        tensor_images(im, "samples/augmented", 64, 64, {picture(step, 1), picture(step, 2), picture(step, 3)},
                      step == from);
        f.write(im);
      }
      if (step % 500 == 0) {
        pb::Event a = at(step, wall);
        tensor_audio(a, "audio/tone", chirp(step), "**step " + std::to_string(step) + "**: a rising tone",
                     step == from);
        legacy_audio(a, "audio/legacy_tone", chirp(step + 250), 8000);
        text(a, "notes", {"### Step " + std::to_string(step) + "\nLoss is *" + std::to_string(loss) + "*."},
             0, 0, step == from);
        text(a, "config_table", {"optimizer", "adam", "batch size", "64", "schedule", "cosine"}, 3, 2,
             step == from);
        f.write(a);
      }
      if (step % 1000 == 0) {
        // A mesh (a tetrahedron) as three tensors with MeshPluginData, and a
        // tensor with no plugin at all (kept as a generic tensor series).
        pb::Event m = at(step, wall);
        const float grow = 1.0f + step / 1000.0f;
        const float verts[] = {0, 0, 0, grow, 0, 0, 0, grow, 0, 0, 0, grow};
        const std::int32_t faces[] = {0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 3};
        const std::uint8_t colours[] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0};
        struct Part {
          const char* suffix;
          pb::MeshPluginData::ContentType type;
          pb::DataType dtype;
          std::string bytes;
          int per;
        } parts[] = {
            {"VERTEX", pb::MeshPluginData::VERTEX, pb::DT_FLOAT,
             std::string(reinterpret_cast<const char*>(verts), sizeof verts), 4},
            {"FACE", pb::MeshPluginData::FACE, pb::DT_INT32,
             std::string(reinterpret_cast<const char*>(faces), sizeof faces), 4},
            {"COLOR", pb::MeshPluginData::COLOR, pb::DT_UINT8,
             std::string(reinterpret_cast<const char*>(colours), sizeof colours), 4},
        };
        for (const auto& p : parts) {
          auto* v = add_value(m, std::string("mesh/tetra_") + p.suffix);
          if (step == 0) {
            pb::MeshPluginData d;
            d.set_version(1);
            d.set_name("mesh/tetra");
            d.set_content_type(p.type);
            d.add_shape(1);
            d.add_shape(4);
            d.add_shape(3);
            d.set_components(14);  // 1 << VERTEX | 1 << FACE | 1 << COLOR
            set_plugin(v, "mesh", d.SerializeAsString());
          }
          auto* t = v->mutable_tensor();
          t->set_dtype(p.dtype);
          for (int d : {1, 4, 3}) t->mutable_tensor_shape()->add_dim()->set_size(d);
          t->set_tensor_content(p.bytes);
        }
        add_demo_meshes(m, step / 1000, 3, step == 0);
        auto* g = add_value(m, "debug/embedding_norms");
        g->mutable_tensor()->set_dtype(pb::DT_DOUBLE);
        g->mutable_tensor()->mutable_tensor_shape()->add_dim()->set_size(4);
        for (int i = 0; i < 4; ++i) g->mutable_tensor()->add_double_val(1.0 + i + step / 1000.0);
        f.write(m);
      }
    }
  }
}

// TF2 style eval run: tensor scalars, a PR curve, images.
void write_eval(const fs::path& dir) {
  Rng rng(2);
  EventFile f(dir, "demo-host.1001.0", kStartTime + 5);
  constexpr int kThresholds = 51;
  for (int step = 0; step <= 2000; step += 100) {
    const double wall = kStartTime + 5 + step * 0.5;
    pb::Event e = at(step, wall);
    tensor_scalar(e, "loss", loss_at(step, 0.0018, 0.22, rng), step == 0);
    tensor_scalar(e, "metrics/accuracy", 1 - 0.88 * std::exp(-step * 0.002) + 0.01 * rng.normal(), step == 0);
    // PR curve of a classifier that gets better with the step: scores of
    // positives ~ N(sep, 1), negatives ~ N(0, 1), 200 of each.
    const double sep = 0.2 + step / 700.0;
    std::vector<double> pos(200), neg(200);
    for (double& x : pos) x = 1 / (1 + std::exp(-(sep + rng.normal())));
    for (double& x : neg) x = 1 / (1 + std::exp(-(rng.normal() - sep)));
    auto* v = add_value(e, "pr/class_a");
    if (step == 0) {
      pb::PrCurvePluginData d;
      d.set_version(0);
      d.set_num_thresholds(kThresholds);
      set_plugin(v, "pr_curves", d.SerializeAsString());
    }
    auto* t = v->mutable_tensor();
    t->set_dtype(pb::DT_FLOAT);
    t->mutable_tensor_shape()->add_dim()->set_size(6);
    t->mutable_tensor_shape()->add_dim()->set_size(kThresholds);
    std::vector<float> rows(6 * kThresholds);
    for (int i = 0; i < kThresholds; ++i) {
      const double th = static_cast<double>(i) / (kThresholds - 1);
      double tp = 0, fp = 0;
      for (double x : pos) tp += x >= th;
      for (double x : neg) fp += x >= th;
      const double fn = 200 - tp, tn = 200 - fp;
      rows[i] = static_cast<float>(tp);
      rows[kThresholds + i] = static_cast<float>(fp);
      rows[2 * kThresholds + i] = static_cast<float>(tn);
      rows[3 * kThresholds + i] = static_cast<float>(fn);
      rows[4 * kThresholds + i] = static_cast<float>(tp + fp > 0 ? tp / (tp + fp) : 1.0);
      rows[5 * kThresholds + i] = static_cast<float>(tp / 200);
    }
    t->set_tensor_content(std::string(reinterpret_cast<const char*>(rows.data()), rows.size() * 4));
    f.write(e);
    if (step % 500 == 0) {
      pb::Event im = at(step, wall);
      tensor_images(im, "predictions", 64, 64, {picture(step, 4)}, step == 0);
      f.write(im);
    }
  }
}

// A small hyperparameter sweep: one run per session, PyTorch add_hparams style.
void write_sweep(const fs::path& root) {
  struct Trial {
    const char* run;
    double lr;
    double dropout;
    const char* optimizer;
    double speed;
  } trials[] = {{"lr=0.1", 0.1, 0.0, "sgd", 0.004},
                {"lr=0.01", 0.01, 0.1, "adam", 0.003},
                {"lr=0.001", 0.001, 0.2, "adamw", 0.0012}};
  Rng rng(3);
  int seed = 0;
  for (const Trial& tr : trials) {
    EventFile f(root / "sweep" / tr.run, "demo-host.3000." + std::to_string(seed), kStartTime + 100 + seed);
    const double wall0 = kStartTime + 100 + seed++;
    pb::Event ex = at(0, wall0);
    pb::HParamsPluginData exp;
    exp.set_version(0);
    for (const char* name : {"lr", "dropout", "optimizer"})
      exp.mutable_experiment()->add_hparam_infos()->set_name(name);
    for (const char* tag : {"metrics/loss", "metrics/accuracy"})
      exp.mutable_experiment()->add_metric_infos()->mutable_name()->set_tag(tag);
    set_plugin(add_value(ex, "_hparams_/experiment"), "hparams", exp.SerializeAsString());
    f.write(ex);
    pb::Event st = at(0, wall0);
    pb::HParamsPluginData start;
    start.set_version(0);
    auto* info = start.mutable_session_start_info();
    auto put = [&](const char* key) {
      auto* e = info->add_hparams();
      e->set_key(key);
      return e->mutable_value();
    };
    put("lr")->set_number_value(tr.lr);
    put("dropout")->set_number_value(tr.dropout);
    put("optimizer")->set_string_value(tr.optimizer);
    info->set_start_time_secs(wall0);
    set_plugin(add_value(st, "_hparams_/session_start_info"), "hparams", start.SerializeAsString());
    f.write(st);
    double loss = 0, acc = 0;
    for (int step = 0; step <= 1000; step += 20) {
      pb::Event e = at(step, wall0 + step * 0.3);
      loss = loss_at(step, tr.speed, 0.1 + tr.dropout * 0.2, rng);
      acc = 1 - 0.9 * std::exp(-step * tr.speed * 1.2) - tr.dropout * 0.1;
      legacy_scalar(e, "metrics/loss", loss);
      legacy_scalar(e, "metrics/accuracy", acc);
      f.write(e);
    }
    pb::Event end = at(1000, wall0 + 300);
    pb::HParamsPluginData fin;
    fin.set_version(0);
    fin.mutable_session_end_info()->set_status(pb::STATUS_SUCCESS);
    fin.mutable_session_end_info()->set_end_time_secs(wall0 + 300);
    set_plugin(add_value(end, "_hparams_/session_end_info"), "hparams", fin.SerializeAsString());
    f.write(end);
  }
}

// [SECTION] the benchmark logdir -------------------------------------------------------------
// 50 scalar tags x 40,000 steps (one event per value, as PyTorch writes them)
// and 20 histogram tags x 2,000 steps x 450 buckets: about 400 MB.
// An embedding for the Projector, as PyTorch's add_embedding writes one: a
// projector_config.pbtxt in the run's folder naming 00000/<tag>/tensors.tsv
// and its metadata.tsv (a header, as there are two columns): 600 points in 32
// dimensions around six group centres.
void write_embedding(const fs::path& run_dir) {
  static const char* kGroups[] = {"animal", "colour", "number", "fruit", "city", "verb"};
  const fs::path dir = run_dir / "00000" / "word_vectors";
  fs::create_directories(dir);
  Rng rng(23);
  std::vector<std::vector<double>> centres(6, std::vector<double>(32));
  for (auto& c : centres)
    for (double& v : c) v = rng.normal() * 3;
  std::ofstream tensors(dir / "tensors.tsv"), meta(dir / "metadata.tsv");
  meta << "word\tgroup\n";
  char num[32];
  for (int i = 0; i < 600; ++i) {
    const int g = i % 6;
    for (int d = 0; d < 32; ++d) {
      std::snprintf(num, sizeof num, "%s%.5g", d ? "\t" : "", centres[g][d] + rng.normal());
      tensors << num;
    }
    tensors << '\n';
    meta << kGroups[g] << '_' << i / 6 << '\t' << kGroups[g] << '\n';
  }
  std::ofstream(run_dir / "projector_config.pbtxt")
      << "embeddings {\n  tensor_name: \"word_vectors:00000\"\n  tensor_path: "
         "\"00000/word_vectors/tensors.tsv\"\n"
         "  metadata_path: \"00000/word_vectors/metadata.tsv\"\n}\n";
  if (!tensors || !meta) throw std::runtime_error("cannot write the demo embedding");
}

bool write_big(const fs::path& root) {
  constexpr int kScalarTags = 50, kScalarSteps = 40000, kHistTags = 20, kHistSteps = 2000, kBuckets = 450;
  Rng rng(4);
  std::uint64_t total = 0;
  {
    EventFile f(root / "scalars", "bench-host.1.0", kStartTime);
    std::vector<std::string> tags;
    for (int t = 0; t < kScalarTags; ++t)
      tags.push_back("group" + std::to_string(t / 10) + "/series_" + std::to_string(t));
    pb::Event e;
    for (int step = 0; step < kScalarSteps; ++step) {
      for (int t = 0; t < kScalarTags; ++t) {
        e.Clear();
        e.set_step(step);
        e.set_wall_time(kStartTime + step * 0.05 + t * 1e-4);
        legacy_scalar(e, tags[t], loss_at(step, 0.0001 * (1 + t % 7), 0.05 * (t % 5), rng));
        f.write(e);
      }
      if (step % 4000 == 0) std::fprintf(stderr, "\rscalars: %d%%", step * 100 / kScalarSteps);
    }
    if (!f.ok()) return false;
    total += f.bytes();
  }
  {
    EventFile f(root / "histograms", "bench-host.2.0", kStartTime);
    std::vector<double> limits(kBuckets);
    for (int i = 0; i < kBuckets; ++i) limits[i] = -4.5 + i * (9.0 / (kBuckets - 1));
    pb::Event e;
    for (int step = 0; step < kHistSteps; ++step) {
      for (int t = 0; t < kHistTags; ++t) {
        e.Clear();
        e.set_step(step);
        e.set_wall_time(kStartTime + step + t * 1e-3);
        const double mean = 0.3 * std::sin(step * 0.002 + t), sd = 0.5 + 0.4 * step / kHistSteps;
        legacy_histogram(e, "layer_" + std::to_string(t) + "/weights", limits,
                         normal_counts(limits, mean, sd, 100000), mean, sd);
        f.write(e);
      }
      if (step % 200 == 0) std::fprintf(stderr, "\rhistograms: %d%%  ", step * 100 / kHistSteps);
    }
    if (!f.ok()) return false;
    total += f.bytes();
  }
  std::fprintf(stderr, "\rwrote %.1f MB\n", total / 1e6);
  return true;
}

// One series of 1,000,000 points (with spikes and a few NaN), for the chart
// level-of-detail benchmark: panning it must stay smooth.
bool write_million(const fs::path& root) {
  Rng rng(5);
  EventFile f(root / "million", "bench-host.3.0", kStartTime);
  pb::Event e;
  for (int step = 0; step < 1000000; ++step) {
    e.Clear();
    e.set_step(step);
    e.set_wall_time(kStartTime + step * 0.01);
    double v = loss_at(step, 0.000004, 0.1, rng);
    if (step % 99991 == 0) v *= 8;                                         // rare spikes
    if (step % 250007 == 7) v = std::numeric_limits<double>::quiet_NaN();  // and NaN
    legacy_scalar(e, "long/series", v);
    f.write(e);
  }
  return f.ok();
}

// 1,000 steps of one 512 x 512 camera-like image (a moving scene with
// noise, so it does not compress to nothing): about 2.7 GB once decoded with
// textures, for the image cache's memory benchmark (the cap is 256 MB).
bool write_images(const fs::path& root) {
  constexpr std::uint32_t n = 512;
  constexpr int kSteps = 1000;
  Rng rng(6);
  EventFile f(root / "images", "bench-host.4.0", kStartTime);
  pb::Event e;
  std::vector<std::uint8_t> px(n * n * 3);
  for (int step = 0; step < kSteps; ++step) {
    const double cx = n / 2 + 180 * std::cos(step * 0.02), cy = n / 2 + 180 * std::sin(step * 0.031);
    for (std::uint32_t y = 0; y < n; ++y)
      for (std::uint32_t x = 0; x < n; ++x) {
        std::uint8_t* p = &px[(y * n + x) * 3];
        const double d = std::hypot(x - cx, y - cy);
        const int noise = static_cast<int>(rng.normal() * 6);
        p[0] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(x / 2) + noise, 0, 255));
        p[1] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(y / 2) + noise, 0, 255));
        p[2] = static_cast<std::uint8_t>(d < 60 ? 240 : 90);
      }
    e.Clear();
    e.set_step(step);
    e.set_wall_time(kStartTime + step * 2.0);
    legacy_image(e, "camera/frame", n, n, events::encode_png(n, n, 3, px));
    f.write(e);
    if (step % 100 == 0) std::fprintf(stderr, "\rimages: %d%%", step * 100 / kSteps);
  }
  std::fprintf(stderr, "\rwrote %.1f MB of images\n", f.bytes() / 1e6);
  return f.ok();
}

// A 20,012-node training graph (869 residual layers), for the graph
// dashboard's benchmark: opening, expanding and panning must stay fast.
bool write_big_graph(const fs::path& root) {
  EventFile f(root / "big_graph", "bench-host.5.0", kStartTime);
  pb::Event e = at(0, kStartTime);
  e.set_graph_def(synthetic_graph_def(869));
  f.write(e);
  return f.ok();
}

}  // namespace

// [SECTION] eventlens demo ---------------------------------------------------------------------
int cmd_demo(const std::vector<std::string>& args) {
  std::string out;
  bool big = false, million = false, images = false, big_graph = false, meshes = false, seeds = false,
       group_bench = false, many_runs = false;
  for (const auto& a : args) {
    if (a == "--big")
      big = true;
    else if (a == "--graph")
      big_graph = true;
    else if (a == "--images")
      images = true;
    else if (a == "--million")
      million = true;
    else if (a == "--meshes")
      meshes = true;
    else if (a == "--seeds")
      seeds = true;
    else if (a == "--group-bench")
      group_bench = true;
    else if (a == "--many-runs")
      many_runs = true;
    else if (a.rfind("--", 0) == 0 || !out.empty()) {
      out.clear();
      break;
    } else
      out = a;
  }
  if (out.empty()) {
    std::fprintf(
        stderr,
        "usage: eventlens demo OUTDIR [--big] [--million] [--images] [--graph] [--meshes] [--seeds]\n"
        "                     [--group-bench] [--many-runs]\n");
    return 2;
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "eventlens demo: %s: %s\n", out.c_str(), ec.message().c_str());
    return 2;
  }
  try {
    if (big || million || images || big_graph || meshes || seeds || group_bench || many_runs)
      return (!big || write_big(out)) && (!million || write_million(out)) && (!images || write_images(out)) &&
                     (!big_graph || write_big_graph(out)) && (!meshes || write_mesh_bench(out)) &&
                     (!seeds || write_seeds(out)) && (!group_bench || write_group_bench(out)) &&
                     (!many_runs || write_many_runs(out))
                 ? 0
                 : 2;
    write_train(fs::path(out) / "train");
    write_embedding(fs::path(out) / "train");
    write_eval(fs::path(out) / "eval");
    write_sweep(out);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eventlens demo: %s: %s\n", out.c_str(), e.what());
    return 2;
  }
  return 0;
}

}  // namespace el::cli
