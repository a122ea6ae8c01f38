#include "cli/demo_seeds.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"

namespace el::cli {
namespace {

// `buf` becomes a new event file's first record: the file version, as writers start.
void start_file(std::string& buf, std::string& scratch, pb::Event& e) {
  buf.clear();
  e.Clear();
  e.set_wall_time(1700000000);
  e.set_file_version("brain.Event:2");
  e.SerializeToString(&scratch);
  record::append_record(buf, scratch);
}

// An hparams plugin value (TensorFlow's hp.hparams, PyTorch's add_hparams): `data` as the
// summary metadata's plugin content, under `tag`, appended to `buf` as one event.
void append_hparams(std::string& buf, std::string& scratch, pb::Event& e, const char* tag,
                    const pb::HParamsPluginData& data) {
  e.Clear();
  e.set_wall_time(1700000000);
  auto* value = e.mutable_summary()->add_value();
  value->set_tag(tag);
  auto* plugin = value->mutable_metadata()->mutable_plugin_data();
  plugin->set_plugin_name("hparams");
  plugin->set_content(data.SerializeAsString());
  e.SerializeToString(&scratch);
  record::append_record(buf, scratch);
}

}  // namespace

bool write_seeds(const std::filesystem::path& root) {
  bool ok = true;
  for (int c = 0; c < 3; ++c)
    for (int seed = 1; seed <= 5; ++seed) {
      const std::filesystem::path dir =
          root / ("cfg_" + std::string(1, static_cast<char>('a' + c))) / ("seed_" + std::to_string(seed));
      std::filesystem::create_directories(dir);
      std::ofstream out(dir / "events.out.tfevents.1700000000.seeds", std::ios::binary | std::ios::trunc);
      std::string buf, scratch;
      pb::Event e;
      e.set_wall_time(1700000000);
      e.set_file_version("brain.Event:2");
      e.SerializeToString(&scratch);
      record::append_record(buf, scratch);
      // Seed s logs every 5 + 5 * (s % 3) steps from step s - 1, up to 200 + 40 * s.
      std::uint64_t x = 0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(c * 10 + seed);
      auto noise = [&] {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        return static_cast<double>(x >> 11) / 9007199254740992.0 - 0.5;
      };
      const int every = 5 + 5 * (seed % 3), last = 200 + 40 * seed;
      for (int step = seed - 1; step <= last; step += every) {
        e.Clear();
        e.set_step(step);
        e.set_wall_time(1700000000 + step);
        // Seeds differ as real ones do: each learns a little faster or slower and settles a little
        // higher or lower, so a group's spread shows.
        const double spread = (seed - 3) / 2.0;  // -1 .. 1
        const double loss = 0.2 + 0.03 * spread +
                            (1.0 + 0.3 * c) * std::exp(-step / ((60.0 + 30 * c) * (1 + 0.2 * spread))) +
                            0.05 * noise();
        const double accuracy = 1 - loss / 2 + 0.02 * noise();
        for (const auto& [tag, v] : {std::pair<const char*, double>{"loss", loss}, {"accuracy", accuracy}}) {
          auto* value = e.mutable_summary()->add_value();
          value->set_tag(tag);
          value->set_simple_value(static_cast<float>(v));
        }
        e.SerializeToString(&scratch);
        record::append_record(buf, scratch);
      }
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      ok = ok && static_cast<bool>(out);
    }
  return ok;
}

bool write_group_bench(const std::filesystem::path& root) {
  constexpr int kConfigs = 10, kSeeds = 10, kTags = 50, kSteps = 10000;
  std::vector<std::string> tags;
  for (int t = 0; t < kTags; ++t) tags.push_back((t < 10 ? "metric_0" : "metric_") + std::to_string(t));
  bool ok = true;
  std::string buf, scratch;
  pb::Event e;
  for (int c = 0; c < kConfigs; ++c)
    for (int seed = 1; seed <= kSeeds; ++seed) {
      const std::filesystem::path dir =
          root / ((c < 10 ? "cfg_0" : "cfg_") + std::to_string(c)) / ("seed_" + std::to_string(seed));
      std::filesystem::create_directories(dir);
      std::ofstream out(dir / "events.out.tfevents.1700000000.groups", std::ios::binary | std::ios::trunc);
      start_file(buf, scratch, e);
      std::uint64_t x = 0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(c * 100 + seed);
      for (int step = 0; step < kSteps; ++step) {
        e.Clear();
        e.set_step(step);
        e.set_wall_time(1700000000 + step * 0.5);
        for (int t = 0; t < kTags; ++t) {
          x ^= x << 13, x ^= x >> 7, x ^= x << 17;
          const double noise = static_cast<double>(x >> 11) / 9007199254740992.0 - 0.5;
          auto* value = e.mutable_summary()->add_value();
          value->set_tag(tags[static_cast<std::size_t>(t)]);
          value->set_simple_value(static_cast<float>((1 + 0.1 * t) * std::exp(-step / (800.0 + 100 * c)) +
                                                     0.05 * seed + 0.1 * noise));
        }
        e.SerializeToString(&scratch);
        record::append_record(buf, scratch);
        if (buf.size() > (16u << 20)) {
          out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
          buf.clear();
        }
      }
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      ok = ok && static_cast<bool>(out);
    }
  return ok;
}

bool write_many_runs(const std::filesystem::path& root) {
  constexpr int kRuns = 10000, kSteps = 100;
  constexpr double kLearningRates[5] = {0.1, 0.03, 0.01, 0.003, 0.001};
  bool ok = true;
  std::string buf, scratch;
  pb::Event e;
  for (int r = 0; r < kRuns; ++r) {
    char name[16];
    std::snprintf(name, sizeof name, "trial_%05d", r);
    const std::filesystem::path dir = root / name;
    std::filesystem::create_directories(dir);
    start_file(buf, scratch, e);
    // A sweep: trial r's hparams, logged first as TensorFlow's hp.hparams() does.
    pb::HParamsPluginData start;
    auto add = [&](const char* key) {
      pb::HParamEntry* h = start.mutable_session_start_info()->add_hparams();
      h->set_key(key);
      return h->mutable_value();
    };
    add("lr")->set_number_value(kLearningRates[r % 5]);
    add("batch_size")->set_number_value(32 << ((r / 5) % 4));
    add("optimizer")->set_string_value((r / 20) % 2 ? "lamb" : "adam");  // one length: every file one size
    add("seed")->set_number_value(r / 40);
    append_hparams(buf, scratch, e, "_hparams_/session_start_info", start);
    // Each trial settles at its own loss: 0.1 + (r % 97) / 200.
    const double floor = 0.1 + (r % 97) / 200.0;
    for (int step = 0; step < kSteps; ++step) {
      e.Clear();
      e.set_step(step);
      e.set_wall_time(1700000000 + step);
      const double loss = floor + std::exp(-step / 20.0);
      for (const auto& [tag, v] :
           {std::pair<const char*, double>{"loss", loss}, {"accuracy", 1 - loss / 2}}) {
        auto* value = e.mutable_summary()->add_value();
        value->set_tag(tag);
        value->set_simple_value(static_cast<float>(v));
      }
      e.SerializeToString(&scratch);
      record::append_record(buf, scratch);
    }
    pb::HParamsPluginData end;
    end.mutable_session_end_info()->set_status(pb::STATUS_SUCCESS);
    append_hparams(buf, scratch, e, "_hparams_/session_end_info", end);
    std::ofstream out(dir / "events.out.tfevents.1700000000.many", std::ios::binary | std::ios::trunc);
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    ok = ok && static_cast<bool>(out);
  }
  return ok;
}

}  // namespace el::cli
