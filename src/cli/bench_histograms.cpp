// `eventlens bench --histograms [STEPS BUCKETS]`: how long the histogram and
// distribution dashboards' aggregation of one series takes (re-binning every
// shown record over the common range, and nine percentiles each), on a
// synthetic series of STEPS records of BUCKETS buckets (default 2,000 x 1,000).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "aggregate/histogram_series.h"
#include "aggregate/rebin.h"
#include "cli/commands.h"
#include "proto/event.pb.h"
#include "record/record_writer.h"
#include "store/json_writer.h"
#include "store/store.h"

namespace el::cli {

int cmd_bench_histograms(const std::vector<std::string>& args) {
  const int steps = args.size() > 0 ? std::atoi(args[0].c_str()) : 2000;
  const int buckets = args.size() > 1 ? std::atoi(args[1].c_str()) : 1000;
  if (steps < 1 || buckets < 1) {
    std::fprintf(stderr, "usage: eventlens bench --histograms [STEPS BUCKETS]\n");
    return 2;
  }
  // A widening bell curve drifting right: every record has its own range, so
  // the common range and every overlap are real work.
  std::string file;
  for (int s = 0; s < steps; ++s) {
    pb::Event e;
    e.set_step(s);
    e.set_wall_time(1.7e9 + s);
    auto* v = e.mutable_summary()->add_value();
    v->set_tag("weights");
    if (s == 0) v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("histograms");
    auto* t = v->mutable_tensor();
    t->set_dtype(pb::DT_DOUBLE);
    t->mutable_tensor_shape()->add_dim()->set_size(buckets);
    t->mutable_tensor_shape()->add_dim()->set_size(3);
    const double sd = 1.0 + s * 0.001, mean = s * 0.0005;
    const double lo = mean - 4 * sd, width = 8 * sd / buckets;
    for (int b = 0; b < buckets; ++b) {
      const double x = lo + (b + 0.5) * width;
      t->add_double_val(lo + b * width);
      t->add_double_val(lo + (b + 1) * width);
      t->add_double_val(std::round(1000 * std::exp(-0.5 * (x - mean) * (x - mean) / (sd * sd))));
    }
    record::append_record(file, e.SerializeAsString());
  }
  store::Store store;
  const auto id = store.add_file("bench/events.out.tfevents.0", file.size());
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  store.finish(id);
  const store::Series& series = store.runs().begin()->second.tags.at("weights");

  std::vector<double> ms;
  for (int rep = 0; rep < 7; ++rep) {
    aggregate::HistogramSeries out;  // cold each time: no reuse from the last run
    const auto t0 = std::chrono::steady_clock::now();
    aggregate::aggregate_histograms(series, aggregate::kDefaultHistogramBins, false, out);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (out.size() != static_cast<std::size_t>(steps)) return 1;
  }
  std::sort(ms.begin(), ms.end());
  store::JsonWriter j;
  j.begin_object()
      .key("steps")
      .value(static_cast<std::int64_t>(steps))
      .key("buckets")
      .value(static_cast<std::int64_t>(buckets))
      .key("bins")
      .value(static_cast<std::int64_t>(aggregate::kDefaultHistogramBins))
      .key("ms_best")
      .value(ms.front())
      .key("ms_median")
      .value(ms[ms.size() / 2])
      .end_object();
  std::printf("%s\n", j.take().c_str());
  return 0;
}

}  // namespace el::cli
