// Mesh parts as the three writers store them: TensorFlow (float32 / int32 /
// uint8 tensor_content, _VERTEX/_FACE/_COLOR), PyTorch (float_val for every
// part) and older tensorboardX (float_val, tags _1/_2/_3), and the malformed
// tensors a part can hold.
#include "events/mesh.h"

#include <gtest/gtest.h>

#include "proto/plugins.pb.h"

namespace el::events {
namespace {

pb::TensorProto shaped(pb::DataType dtype, std::vector<std::int64_t> shape) {
  pb::TensorProto t;
  t.set_dtype(dtype);
  for (std::int64_t d : shape) t.mutable_tensor_shape()->add_dim()->set_size(d);
  return t;
}

TEST(MeshMetadata, PluginDataNamesThePartAndTheTagSuffixFillsGaps) {
  pb::MeshPluginData d;
  d.set_name("scene/bunny");
  d.set_content_type(pb::MeshPluginData::FACE);
  d.set_json_config("null");
  for (int s : {2, 10, 3}) d.add_shape(s);
  d.set_components(14);
  MeshMetadata m;
  ASSERT_TRUE(mesh_metadata(d.SerializeAsString(), "scene/bunny_FACE", m));
  EXPECT_EQ(m.name, "scene/bunny");
  EXPECT_EQ(m.content, MeshContent::kFace);
  EXPECT_EQ(m.shape, (std::vector<std::int64_t>{2, 10, 3}));
  EXPECT_EQ(m.components, 14u);
  EXPECT_EQ(m.json_config, "");  // "null" means none

  // tensorboardX's numbered suffixes, with no name in the plugin data.
  ASSERT_TRUE(mesh_metadata("", "cloud_3", m));
  EXPECT_EQ(m.name, "cloud");
  EXPECT_EQ(m.content, MeshContent::kColor);
  ASSERT_TRUE(mesh_metadata("", "a_b_VERTEX", m));
  EXPECT_EQ(m.name, "a_b");
  EXPECT_EQ(m.content, MeshContent::kVertex);
  // Neither the plugin data nor the tag says which part it is.
  EXPECT_FALSE(mesh_metadata("", "mystery", m));
  EXPECT_EQ(m.name, "mystery");
  EXPECT_FALSE(mesh_metadata("", "_1", m));  // a suffix alone names no mesh
}

TEST(MeshTensor, TensorFlowDtypesFromTensorContent) {
  const float xyz[] = {0, 0, 0, 1, 0, 0, 0, 1, 0.5f};
  pb::TensorProto v = shaped(pb::DT_FLOAT, {1, 3, 3});
  v.set_tensor_content(std::string(reinterpret_cast<const char*>(xyz), sizeof xyz));
  MeshTensor out;
  std::string error;
  ASSERT_TRUE(decode_mesh_tensor(v, MeshContent::kVertex, out, error)) << error;
  EXPECT_EQ(out.batch, 1);
  EXPECT_EQ(out.rows, 3);
  EXPECT_EQ(out.xyz, (std::vector<float>{0, 0, 0, 1, 0, 0, 0, 1, 0.5f}));

  const std::int32_t faces[] = {0, 1, 2, 2, 1, 0};
  pb::TensorProto f = shaped(pb::DT_INT32, {1, 2, 3});
  f.set_tensor_content(std::string(reinterpret_cast<const char*>(faces), sizeof faces));
  ASSERT_TRUE(decode_mesh_tensor(f, MeshContent::kFace, out, error)) << error;
  EXPECT_EQ(out.indices, (std::vector<std::uint32_t>{0, 1, 2, 2, 1, 0}));

  pb::TensorProto c = shaped(pb::DT_UINT8, {1, 3, 3});
  c.set_tensor_content(std::string("\xff\x00\x00\x00\x80\x00\x01\x02\x03", 9));
  ASSERT_TRUE(decode_mesh_tensor(c, MeshContent::kColor, out, error)) << error;
  EXPECT_EQ(out.rgb, (std::vector<std::uint8_t>{255, 0, 0, 0, 128, 0, 1, 2, 3}));
  EXPECT_EQ(out.bytes(), 9u);
}

TEST(MeshTensor, PyTorchFloatValForEveryPart) {
  pb::TensorProto f = shaped(pb::DT_FLOAT, {1, 2, 3});
  for (float x : {0.f, 1.f, 2.f, -1.f, 2.5f, 3.f}) f.add_float_val(x);
  MeshTensor out;
  std::string error;
  ASSERT_TRUE(decode_mesh_tensor(f, MeshContent::kFace, out, error)) << error;
  // A negative or fractional index can name no vertex.
  EXPECT_EQ(out.indices, (std::vector<std::uint32_t>{0, 1, 2, kBadIndex, kBadIndex, 3}));

  pb::TensorProto c = shaped(pb::DT_FLOAT, {1, 1, 3});
  for (float x : {254.6f, -3.f, 300.f}) c.add_float_val(x);
  ASSERT_TRUE(decode_mesh_tensor(c, MeshContent::kColor, out, error)) << error;
  EXPECT_EQ(out.rgb, (std::vector<std::uint8_t>{255, 0, 255}));  // rounded, clamped to 0..255
}

TEST(MeshTensor, MalformedTensorsAreNamed) {
  MeshTensor out;
  std::string error;
  pb::TensorProto wide = shaped(pb::DT_FLOAT, {1, 2, 4});
  for (int i = 0; i < 8; ++i) wide.add_float_val(0);
  EXPECT_FALSE(decode_mesh_tensor(wide, MeshContent::kVertex, out, error));
  EXPECT_EQ(error, "the vertices tensor is not shaped [B, N, 3] (shape [1, 2, 4])");
  pb::TensorProto short_of_values = shaped(pb::DT_FLOAT, {1, 2, 3});
  short_of_values.add_float_val(1);
  short_of_values.add_float_val(2);
  EXPECT_FALSE(decode_mesh_tensor(short_of_values, MeshContent::kVertex, out, error));
  EXPECT_NE(error.find("do not match its shape"), std::string::npos) << error;
  pb::TensorProto text = shaped(pb::DT_STRING, {1, 1, 3});
  for (int i = 0; i < 3; ++i) text.add_string_val("x");
  EXPECT_FALSE(decode_mesh_tensor(text, MeshContent::kColor, out, error));
  // A single [N, 3] is one sample.
  pb::TensorProto flat = shaped(pb::DT_DOUBLE, {2, 3});
  for (double x : {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}) flat.add_double_val(x);
  ASSERT_TRUE(decode_mesh_tensor(flat, MeshContent::kVertex, out, error)) << error;
  EXPECT_EQ(out.batch, 1);
  EXPECT_EQ(out.rows, 2);
}

}  // namespace
}  // namespace el::events
