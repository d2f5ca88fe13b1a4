//===- SequenceTest.cpp - Sequences and optionals in the C API ------------===//

#include "TestUtil.h"

#include "core/Signature.h"
#include "onnxc/runtime.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

std::string message(onnxc_status *status) {
  std::string text = onnxc_status_message(status);
  onnxc_status_free(status);
  return text;
}

onnxc_tensor hostTensor(std::vector<float> &data, std::vector<int64_t> shape) {
  onnxc_tensor t{};
  t.data = data.empty() ? nullptr : data.data();
  t.byte_size = data.size() * sizeof(float);
  t.dtype = ONNXC_TYPE_FLOAT;
  t.rank = static_cast<int32_t>(shape.size());
  for (size_t i = 0; i < shape.size(); ++i)
    t.shape[i] = shape[i];
  return t;
}

TEST(SequenceTest, CreateAppendReadRelease) {
  onnxc_sequence *seq = nullptr;
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_FLOAT, &seq), nullptr);
  EXPECT_EQ(onnxc_sequence_length(seq), 0u);
  EXPECT_EQ(onnxc_sequence_element_type(seq), ONNXC_TYPE_FLOAT);
  std::vector<float> a = {1, 2, 3, 4, 5, 6}, empty;
  onnxc_tensor ta = hostTensor(a, {2, 3});
  onnxc_tensor te = hostTensor(empty, {0, 3});
  ASSERT_EQ(onnxc_sequence_append(seq, &ta), nullptr);
  ASSERT_EQ(onnxc_sequence_append(seq, &te), nullptr);
  a[0] = 100; // the sequence holds a copy
  ASSERT_EQ(onnxc_sequence_length(seq), 2u);
  onnxc_tensor view{};
  ASSERT_EQ(onnxc_sequence_at(seq, 0, &view), nullptr);
  EXPECT_EQ(view.rank, 2);
  EXPECT_EQ(view.shape[0], 2);
  EXPECT_EQ(view.shape[1], 3);
  EXPECT_EQ(view.byte_size, 6 * sizeof(float));
  EXPECT_EQ(static_cast<const float *>(view.data)[0], 1.0f);
  EXPECT_EQ(view.flags, 0u);
  ASSERT_EQ(onnxc_sequence_at(seq, 1, &view), nullptr);
  EXPECT_EQ(view.shape[0], 0);
  EXPECT_EQ(view.byte_size, 0u);
  onnxc_sequence_release(seq);
}

TEST(SequenceTest, ErrorsAreReturned) {
  onnxc_sequence *seq = nullptr;
  EXPECT_NE(message(onnxc_sequence_create(ONNXC_TYPE_FLOAT, nullptr))
                .find("sequence is null"),
            std::string::npos);
  EXPECT_NE(message(onnxc_sequence_create(
                        static_cast<onnxc_element_type>(99), &seq))
                .find("unknown element type 99"),
            std::string::npos);
  EXPECT_EQ(seq, nullptr);
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_INT64, &seq), nullptr);
  std::vector<float> a = {1, 2};
  onnxc_tensor t = hostTensor(a, {2});
  onnxc_status *status = onnxc_sequence_append(seq, &t);
  EXPECT_EQ(onnxc_status_code(status), ONNXC_TYPE_MISMATCH);
  EXPECT_NE(message(status).find("the sequence holds i64"), std::string::npos);
  std::vector<int64_t> b = {1, 2};
  onnxc_tensor tb{};
  tb.data = b.data();
  tb.byte_size = 8; // too small for [2]
  tb.dtype = ONNXC_TYPE_INT64;
  tb.rank = 1;
  tb.shape[0] = 2;
  EXPECT_NE(message(onnxc_sequence_append(seq, &tb)).find("needs 16 bytes"),
            std::string::npos);
  tb.rank = ONNXC_MAX_RANK + 1;
  EXPECT_NE(message(onnxc_sequence_append(seq, &tb)).find("rank"),
            std::string::npos);
  tb.rank = 1;
  tb.data = nullptr;
  tb.byte_size = 16;
  EXPECT_NE(message(onnxc_sequence_append(seq, &tb)).find("data is null"),
            std::string::npos);
  EXPECT_NE(message(onnxc_sequence_append(nullptr, &tb)).find("null"),
            std::string::npos);
  EXPECT_NE(message(onnxc_sequence_append(seq, nullptr)).find("null"),
            std::string::npos);
  onnxc_tensor view{};
  EXPECT_NE(message(onnxc_sequence_at(seq, 0, &view)).find("out of range"),
            std::string::npos);
  EXPECT_NE(message(onnxc_sequence_at(nullptr, 0, &view)).find("null"),
            std::string::npos);
  EXPECT_NE(message(onnxc_sequence_at(seq, 0, nullptr)).find("null"),
            std::string::npos);
  EXPECT_EQ(onnxc_sequence_length(nullptr), 0u);
  EXPECT_EQ(onnxc_sequence_element_type(nullptr), ONNXC_TYPE_UNDEFINED);
  onnxc_sequence_release(nullptr);
  onnxc_sequence_release(seq);
}

TEST(SequenceTest, SignatureRecords) {
  onnxc::Signature sig;
  std::string error;
  ASSERT_TRUE(onnxc::parseSignature("ONNXC 2\ntarget cpu\n"
                                    "input a seq f32 -1\n"
                                    "input b opt i64 1 -1\n"
                                    "input c opt seq f32 2 3 -1\n"
                                    "output d f32 0\nend\n",
                                    ONNXC_ABI_VERSION, sig, error))
      << error;
  ASSERT_EQ(sig.inputs.size(), 3u);
  EXPECT_EQ(sig.inputs[0].kind, ONNXC_VALUE_SEQUENCE);
  EXPECT_FALSE(sig.inputs[0].rankKnown);
  EXPECT_EQ(sig.inputs[1].kind, ONNXC_VALUE_OPTIONAL_TENSOR);
  EXPECT_EQ(sig.inputs[1].dtype, ONNXC_TYPE_INT64);
  EXPECT_EQ(sig.inputs[2].kind, ONNXC_VALUE_OPTIONAL_SEQUENCE);
  EXPECT_EQ(sig.inputs[2].shape, (std::vector<int64_t>{3, -1}));
  EXPECT_EQ(sig.outputs[0].kind, ONNXC_VALUE_TENSOR);
  // ABI 1 has no sequences; odd nestings and tensors of any rank are refused.
  EXPECT_FALSE(onnxc::parseSignature(
      "ONNXC 1\ntarget cpu\ninput a seq f32 -1\nend\n", 2, sig, error));
  EXPECT_NE(error.find("need abi version 2"), std::string::npos) << error;
  EXPECT_FALSE(onnxc::parseSignature(
      "ONNXC 2\ntarget cpu\ninput a seq opt f32 0\nend\n", 2, sig, error));
  EXPECT_NE(error.find("unsupported nesting"), std::string::npos) << error;
  EXPECT_FALSE(onnxc::parseSignature(
      "ONNXC 2\ntarget cpu\ninput a opt f32 -1\nend\n", 2, sig, error));
  EXPECT_FALSE(onnxc::parseSignature("ONNXC 2\ntarget cpu\ninput a seq\nend\n",
                                     2, sig, error));
}

struct Loaded {
  onnxc_model *model = nullptr;
  onnxc_session *session = nullptr;
  ~Loaded() {
    onnxc_session_release(session);
    onnxc_model_release(model);
  }
};

void load(Loaded &m) {
  ASSERT_EQ(onnxc_model_load(onnxc::test::fixturePath("seq").c_str(), &m.model),
            nullptr);
  ASSERT_EQ(onnxc_session_create(m.model, ONNXC_DEVICE_CPU, nullptr,
                                 &m.session),
            nullptr);
}

TEST(SequenceTest, ModelKindsAndInfo) {
  Loaded m;
  load(m);
  onnxc_value_kind kind = ONNXC_VALUE_TENSOR;
  ASSERT_EQ(onnxc_model_input_kind(m.model, 0, &kind), nullptr);
  EXPECT_EQ(kind, ONNXC_VALUE_SEQUENCE);
  ASSERT_EQ(onnxc_model_input_kind(m.model, 1, &kind), nullptr);
  EXPECT_EQ(kind, ONNXC_VALUE_OPTIONAL_TENSOR);
  ASSERT_EQ(onnxc_model_output_kind(m.model, 2, &kind), nullptr);
  EXPECT_EQ(kind, ONNXC_VALUE_TENSOR);
  onnxc_value_info info{};
  ASSERT_EQ(onnxc_model_input_info(m.model, 0, &info), nullptr);
  EXPECT_EQ(info.rank, 1);
  EXPECT_EQ(std::string(onnxc_model_metadata(m.model, "abi")), "2");
  EXPECT_NE(message(onnxc_model_input_kind(m.model, 9, &kind))
                .find("out of range"),
            std::string::npos);
  EXPECT_NE(message(onnxc_model_input_kind(nullptr, 0, &kind)).find("null"),
            std::string::npos);
  EXPECT_NE(message(onnxc_model_output_kind(m.model, 0, nullptr)).find("null"),
            std::string::npos);
}

TEST(SequenceTest, RunsWithSequencesAndOptionals) {
  Loaded m;
  load(m);
  onnxc_sequence *xs = nullptr;
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_FLOAT, &xs), nullptr);
  std::vector<float> a = {1, 2}, b = {3, 4, 5};
  onnxc_tensor ta = hostTensor(a, {2}), tb = hostTensor(b, {3});
  ASSERT_EQ(onnxc_sequence_append(xs, &ta), nullptr);
  ASSERT_EQ(onnxc_sequence_append(xs, &tb), nullptr);
  std::vector<float> o = {7, 8};
  onnxc_tensor inputs[2] = {};
  inputs[0].data = xs;
  inputs[0].dtype = ONNXC_TYPE_FLOAT;
  inputs[0].flags = ONNXC_TENSOR_SEQUENCE;
  inputs[1] = hostTensor(o, {2});
  onnxc_tensor outputs[3] = {};
  ASSERT_EQ(onnxc_session_run(m.session, inputs, 2, outputs, 3), nullptr);
  ASSERT_TRUE(outputs[0].flags & ONNXC_TENSOR_SEQUENCE);
  const auto *ys = static_cast<const onnxc_sequence *>(outputs[0].data);
  ASSERT_EQ(onnxc_sequence_length(ys), 2u);
  onnxc_tensor first{};
  ASSERT_EQ(onnxc_sequence_at(ys, 0, &first), nullptr);
  EXPECT_EQ(first.shape[0], 3);
  EXPECT_EQ(static_cast<const float *>(first.data)[2], 5.0f);
  EXPECT_FALSE(outputs[1].flags & ONNXC_TENSOR_NONE);
  ASSERT_EQ(outputs[1].rank, 1);
  EXPECT_EQ(static_cast<const float *>(outputs[1].data)[1], 8.0f);
  EXPECT_EQ(*static_cast<const int64_t *>(outputs[2].data), 2);
  for (onnxc_tensor &t : outputs)
    onnxc_tensor_release(&t);
  EXPECT_EQ(outputs[0].data, nullptr);

  // An absent optional in, an absent optional out.
  inputs[1] = onnxc_tensor{};
  inputs[1].flags = ONNXC_TENSOR_NONE;
  ASSERT_EQ(onnxc_session_run(m.session, inputs, 2, outputs, 3), nullptr);
  EXPECT_TRUE(outputs[1].flags & ONNXC_TENSOR_NONE);
  EXPECT_EQ(outputs[1].data, nullptr);
  for (onnxc_tensor &t : outputs)
    onnxc_tensor_release(&t);
  onnxc_sequence_release(xs);
}

TEST(SequenceTest, BadInputsAreRefused) {
  Loaded m;
  load(m);
  onnxc_tensor outputs[3] = {};
  std::vector<float> o = {7, 8};
  onnxc_tensor inputs[2] = {};
  inputs[1] = hostTensor(o, {2});
  // A plain tensor where a sequence is expected.
  std::vector<float> a = {1, 2};
  inputs[0] = hostTensor(a, {2});
  EXPECT_NE(message(onnxc_session_run(m.session, inputs, 2, outputs, 3))
                .find("expected a sequence"),
            std::string::npos);
  // None for a sequence.
  inputs[0] = onnxc_tensor{};
  inputs[0].flags = ONNXC_TENSOR_NONE;
  EXPECT_NE(message(onnxc_session_run(m.session, inputs, 2, outputs, 3))
                .find("a sequence is required"),
            std::string::npos);
  // A sequence of the wrong element type, and one of the wrong rank.
  onnxc_sequence *ints = nullptr;
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_INT64, &ints), nullptr);
  inputs[0] = onnxc_tensor{};
  inputs[0].data = ints;
  inputs[0].flags = ONNXC_TENSOR_SEQUENCE;
  EXPECT_TRUE(
      onnxc::test::isError(onnxc_session_run(m.session, inputs, 2, outputs, 3),
                           ONNXC_TYPE_MISMATCH));
  onnxc_sequence *matrices = nullptr;
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_FLOAT, &matrices), nullptr);
  onnxc_tensor tm = hostTensor(a, {1, 2});
  ASSERT_EQ(onnxc_sequence_append(matrices, &tm), nullptr);
  inputs[0].data = matrices;
  EXPECT_NE(message(onnxc_session_run(m.session, inputs, 2, outputs, 3))
                .find("tensor 0: rank 2"),
            std::string::npos);
  // The optional tensor must match its declared shape.
  onnxc_sequence *ok = nullptr;
  ASSERT_EQ(onnxc_sequence_create(ONNXC_TYPE_FLOAT, &ok), nullptr);
  inputs[0].data = ok;
  std::vector<float> three = {1, 2, 3};
  inputs[1] = hostTensor(three, {3});
  EXPECT_TRUE(
      onnxc::test::isError(onnxc_session_run(m.session, inputs, 2, outputs, 3),
                           ONNXC_SHAPE_MISMATCH));
  for (onnxc_tensor &t : outputs)
    EXPECT_EQ(t.data, nullptr);
  onnxc_sequence_release(ints);
  onnxc_sequence_release(matrices);
  onnxc_sequence_release(ok);
}

} // namespace
