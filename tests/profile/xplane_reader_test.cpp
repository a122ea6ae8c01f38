// XSpace to timeline: conversion rules on a hand-built profile, damage kept
// to what comes after it, the summary's order, discovery, and the tf.keras
// corpus profile against the facts of the independent decoder
// (tests/tools/profile_facts.py) and of TensorFlow's own trace.json.gz.
#include "profile/xplane_reader.h"

#include <gtest/gtest.h>

#include "profile/discovery.h"
#include "profile/trace_summary.h"
#include "proto/xplane.pb.h"
#include "support/test_files.h"

namespace el::profile {
namespace {

void read(const std::string& bytes, Trace& t) {
  read_xplane("host.xplane.pb", {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, t);
}

// A host plane (one line, three events), a metadata plane, a GPU plane.
pb::XSpace sample_space() {
  pb::XSpace space;
  pb::XPlane* host = space.add_planes();
  host->set_name("/host:CPU");
  (*host->mutable_event_metadata())[1].set_name("model/dense/MatMul");
  (*host->mutable_event_metadata())[1].set_display_name("MatMul");
  (*host->mutable_event_metadata())[2].set_name("train_step");
  (*host->mutable_stat_metadata())[7].set_name("step_name");
  pb::XLine* line = host->add_lines();
  line->set_id(11);
  line->set_name("tf_Compute/11");
  line->set_display_name("main");
  line->set_timestamp_ns(5);
  pb::XEvent* e = line->add_events();  // 5 ns + 250 ps, for 1 ns
  e->set_metadata_id(1);
  e->set_offset_ps(250);
  e->set_duration_ps(1000);
  e = line->add_events();  // a step: named after its step_name stat
  e->set_metadata_id(2);
  e->set_offset_ps(2000);
  e->set_duration_ps(3000);
  pb::XStat* st = e->add_stats();
  st->set_metadata_id(7);
  st->set_str_value("42");
  e = line->add_events();  // aggregated: no place on a timeline
  e->set_metadata_id(1);
  e->set_num_occurrences(9);
  e->set_duration_ps(77);
  pb::XPlane* meta = space.add_planes();
  meta->set_name("/host:metadata");
  meta->add_lines()->add_events()->set_duration_ps(5);
  pb::XPlane* gpu = space.add_planes();
  gpu->set_name("/device:GPU:0");
  (*gpu->mutable_event_metadata())[3].set_name("volta_sgemm");
  pb::XLine* stream = gpu->add_lines();
  stream->set_id(34);
  stream->set_display_id(9);
  stream->set_name("Stream #34(Compute)");
  stream->set_timestamp_ns(1);
  e = stream->add_events();
  e->set_metadata_id(3);
  e->set_offset_ps(0);
  e->set_duration_ps(8000);
  return space;
}

TEST(XPlaneReader, PlanesBecomeProcessesAndEventsSlicesInPicoseconds) {
  Trace t;
  read(sample_space().SerializeAsString(), t);
  EXPECT_TRUE(t.problems.empty());
  ASSERT_EQ(t.processes.size(), 2u);  // the metadata plane is left out
  EXPECT_EQ(t.processes[0].name, "/host:CPU");
  EXPECT_EQ(t.processes[1].name, "/device:GPU:0");
  ASSERT_EQ(t.tracks.size(), 2u);
  EXPECT_EQ(t.tracks[0].name, "main");
  EXPECT_EQ(t.tracks[0].tid, 11);
  EXPECT_EQ(t.tracks[1].name, "Stream #34(Compute)");
  EXPECT_EQ(t.tracks[1].tid, 9);  // the display id
  ASSERT_EQ(t.slices.size(), 3u);
  // 5 ns * 1000 + 250 ps.
  EXPECT_EQ(t.slices[0].start_ps, 5250);
  EXPECT_EQ(t.slices[0].duration_ps, 1000);
  EXPECT_EQ(t.text(t.slices[0].name), "MatMul");
  EXPECT_EQ(t.args_json(t.slices[0].args), R"({"long_name":"model/dense/MatMul"})");
  EXPECT_EQ(t.text(t.slices[1].name), "42");
  EXPECT_EQ(t.args_json(t.slices[1].args), R"({"long_name":"train_step"})");
  EXPECT_EQ(t.slices[1].start_ps, 7000);
  EXPECT_EQ(t.text(t.slices[2].name), "volta_sgemm");
  EXPECT_EQ(t.slices[2].args, 0u);  // no display name: no long name
  EXPECT_EQ(t.slices[2].start_ps, 1000);
  EXPECT_EQ(t.slices[2].track, 1u);
}

TEST(XPlaneReader, ATruncatedFileKeepsThePlanesBeforeTheDamage) {
  const std::string whole = sample_space().SerializeAsString();
  pb::XSpace first;
  *first.add_planes() = sample_space().planes(0);
  const std::size_t first_size = first.SerializeAsString().size();
  Trace t;
  read(whole.substr(0, first_size + 5), t);  // 5 bytes into the second plane
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0], "host.xplane.pb: truncated plane at byte " + std::to_string(first_size) + " of " +
                               std::to_string(first_size + 5) + "; the 1 plane(s) before it are kept");
  EXPECT_EQ(t.processes.size(), 1u);
  EXPECT_EQ(t.slices.size(), 2u);
  Trace junk;
  read("\x0a\x03\xff\xff\xff", junk);  // a plane of three bytes that are no XPlane
  ASSERT_EQ(junk.problems.size(), 1u);
  EXPECT_NE(junk.problems[0].find("corrupt plane at byte 0"), std::string::npos);
}

TEST(TraceSummary, TotalsPerNameLongestFirstTiesByName) {
  Trace t;
  t.processes.emplace_back().name = "p";
  t.tracks.push_back({0, 1, "t"});
  const std::uint32_t a = t.intern("a"), b = t.intern("b"), c = t.intern("c");
  t.slices = {{10, 5, b, 0, 0, 0}, {0, 3, a, 0, 0, 0}, {20, 2, a, 0, 0, 0}, {30, 1, c, 0, 0, 0}};
  const TraceSummary s = summarize(t, 2);
  EXPECT_EQ(s.slices, 4u);
  EXPECT_EQ(s.begin_ps, 0);
  EXPECT_EQ(s.end_ps, 31);
  ASSERT_EQ(s.top.size(), 2u);  // a: 5 in 2, b: 5 in 1 (a first by name); c cut
  EXPECT_EQ(s.top[0].name, "a");
  EXPECT_EQ(s.top[0].count, 2u);
  EXPECT_EQ(s.top[1].name, "b");
  EXPECT_EQ(s.per_process.at("p"), 4u);
}

TEST(ProfileDiscovery, RunsAreTheFolderAndSession) {
  const std::vector<ProfileFile> f =
      find_profiles({"train/plugins/profile/2020_10_02/ws5.xplane.pb", "plugins/profile/s1/h.xplane.pb",
                     "train/plugins/profile/x.xplane.pb", "myplugins/profile/s/h.xplane.pb",
                     "train/events.out.tfevents.1"});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].run, "s1");
  EXPECT_EQ(f[0].host, "h");
  EXPECT_EQ(f[1].run, "train/2020_10_02");
  EXPECT_EQ(f[1].host, "ws5");
}

TEST(XPlaneReader, TheKerasCorpusProfile) {
  const std::vector<std::uint8_t> bytes = testing::read_file(
      testing::corpus_dir() +
      "/keras-embedding-and-profile/train/plugins/profile/2020_10_02_22_17_04/imlab-ws5.xplane.pb");
  ASSERT_FALSE(bytes.empty());
  Trace t;
  read_xplane("imlab-ws5.xplane.pb", bytes, t);
  EXPECT_TRUE(t.problems.empty());
  const TraceSummary s = summarize(t);
  // profile_facts.py: 579 host slices, 470 on GPU:0 (GPU:1 has no lines).
  EXPECT_EQ(s.slices, 1049u);
  EXPECT_EQ(s.per_process.at("/host:CPU"), 579u);
  EXPECT_EQ(s.per_process.at("/device:GPU:0"), 470u);
  EXPECT_EQ(s.per_process.at("/device:GPU:1"), 0u);
  // TensorFlow's own trace.json.gz beside it spans 606.553 .. 44995.268 us and
  // gives ExecutorState::Process 80014.501 us over its 33 slices.
  EXPECT_EQ(s.begin_ps, 606'553'000);
  EXPECT_EQ(s.end_ps, 44'995'268'000);
  ASSERT_GE(s.top.size(), 2u);
  EXPECT_EQ(s.top[1].name, "ExecutorState::Process");
  EXPECT_EQ(s.top[1].count, 33u);
  EXPECT_EQ(s.top[1].total_ps, 80'014'501'000);
}

}  // namespace
}  // namespace el::profile
