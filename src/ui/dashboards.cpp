#include "ui/dashboards.h"

#include "ui/audio_dashboard.h"
#include "ui/custom_scalars_dashboard.h"
#include "ui/distributions_dashboard.h"
#include "ui/graph_dashboard.h"
#include "ui/histograms_dashboard.h"
#include "ui/hparams_dashboard.h"
#include "ui/images_dashboard.h"
#include "ui/mesh_dashboard.h"
#include "ui/pr_curves_dashboard.h"
#include "ui/profile_dashboard.h"
#include "ui/projector_dashboard.h"
#include "ui/scalars_dashboard.h"
#include "ui/tags_table.h"
#include "ui/text_dashboard.h"

namespace el::ui {

namespace {
// Kinds with no dashboard of their own yet: their tags are listed, so nothing is hidden.
const DashboardInfo kTensorsInfo{"tensors", "Tensors",
                                 "Tensors of other plugins (or none): listed so nothing is hidden.",
                                 events::Kind::kTensors};
}  // namespace

std::vector<std::unique_ptr<Dashboard>> make_dashboards() {
  std::vector<std::unique_ptr<Dashboard>> d;
  d.push_back(std::make_unique<ScalarsDashboard>());
  d.push_back(std::make_unique<HistogramsDashboard>());
  d.push_back(std::make_unique<DistributionsDashboard>());
  d.push_back(std::make_unique<ImagesDashboard>());
  d.push_back(std::make_unique<AudioDashboard>());
  d.push_back(std::make_unique<TextDashboard>());
  d.push_back(std::make_unique<GraphDashboard>());
  d.push_back(std::make_unique<HparamsDashboard>());
  d.push_back(std::make_unique<PrCurvesDashboard>());
  d.push_back(std::make_unique<CustomScalarsDashboard>());
  d.push_back(std::make_unique<ProjectorDashboard>());
  d.push_back(std::make_unique<MeshDashboard>());
  d.push_back(std::make_unique<ProfileDashboard>());
  d.push_back(std::make_unique<TagsTableDashboard>(kTensorsInfo));
  return d;
}

}  // namespace el::ui
