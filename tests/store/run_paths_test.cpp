// store/run_paths: TensorBoard's rule for which files hold events and which run
// they belong to.
#include "store/run_paths.h"

#include <gtest/gtest.h>

namespace el::store {
namespace {

TEST(RunPaths, EventFilesAreNamedWithTfevents) {
  EXPECT_TRUE(is_event_file_path("events.out.tfevents.1626280018.host.122873.3.v2"));
  EXPECT_TRUE(is_event_file_path("train/events.out.tfevents.1"));
  EXPECT_TRUE(is_event_file_path("a/b/my.tfevents.file"));
  EXPECT_FALSE(is_event_file_path("train/checkpoint"));
  EXPECT_FALSE(is_event_file_path("tfevents/notes.txt"));  // the folder's name does not count
  EXPECT_FALSE(is_event_file_path(""));
}

TEST(RunPaths, ProfilerMarkersAreNotEventFiles) {
  EXPECT_FALSE(is_event_file_path("train/events.out.tfevents.1.profile-empty"));
  EXPECT_TRUE(is_event_file_path("train/events.out.tfevents.1.profile-empty.v2"));
}

TEST(RunPaths, TheRunIsTheFoldersPathOrDotAtTheRoot) {
  EXPECT_EQ(run_name_for("events.out.tfevents.1"), ".");
  EXPECT_EQ(run_name_for("/events.out.tfevents.1"), ".");
  EXPECT_EQ(run_name_for("train/events.out.tfevents.1"), "train");
  EXPECT_EQ(run_name_for("lr=0.1/seed 3/eval/events.out.tfevents.1"), "lr=0.1/seed 3/eval");
}

}  // namespace
}  // namespace el::store
