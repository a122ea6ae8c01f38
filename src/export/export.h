// The stable JSON and CSV export of `eventlens export` (tests and tools rely
// on its shape): runs and tags sorted by name, points in read order, the
// restart rule applied unless all_points.
#pragma once
#include <regex>
#include <string>
#include <vector>

#include "store/blob_source.h"
#include "store/store.h"

namespace el::exporting {

using store::BlobSource;
using store::Store;

struct ExportOptions {
  bool scalars = true, histograms = true, distributions = true, text = true;
  // Images need their bytes read back (for mime and sha256): without a
  // source they are left out.
  bool images = true;
  bool pr_curves = true;  // (read back like images)
  bool meshes = true;     // (read back like images): counts, bounds and a sha256 per sample
  bool hparams = true;    // the sessions table (aggregate/hparams.h), a top-level "hparams" key
  BlobSource* blobs = nullptr;
  std::vector<std::string>* problems = nullptr;  // blobs that could not be read back
  bool all_points = false;                       // false: TensorBoard's restart rule hides superseded records
  std::regex run_filter{""};
  std::regex tag_filter{""};
};

std::string export_json(const Store& store, const ExportOptions& options);
// Scalars only: header "run,tag,step,wall_time,value".
std::string export_csv(const Store& store, const ExportOptions& options);

}  // namespace el::exporting
