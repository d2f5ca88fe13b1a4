//===- SessionTest.cpp - Creating and running sessions --------------------===//

#include "TestUtil.h"

#include <cmath>
#include <cstring>

using namespace onnxc::test;

namespace {

onnxc_tensor emptyOutput() {
  onnxc_tensor tensor{};
  return tensor;
}

struct AddFixture : ::testing::Test {
  void SetUp() override {
    session = cpuSession("add", &model);
    ASSERT_TRUE(session);
  }

  /// Runs y = a + b with n rows; `outputs` gets one tensor.
  onnxc_status *run(int64_t n, onnxc_tensor &output) {
    a.assign(n * 4, 0);
    b.assign(n * 4, 0);
    for (int64_t i = 0; i < n * 4; ++i) {
      a[i] = static_cast<float>(i);
      b[i] = 0.5f * static_cast<float>(i);
    }
    inputs[0] = makeTensor(ONNXC_TYPE_FLOAT, a, {n, 4});
    inputs[1] = makeTensor(ONNXC_TYPE_FLOAT, b, {n, 4});
    return onnxc_session_run(session.get(), inputs, 2, &output, 1);
  }

  ModelPtr model;
  SessionPtr session;
  std::vector<float> a, b;
  onnxc_tensor inputs[2];
};

TEST(SessionCreateTest, CreatesWithOptions) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  onnxc_session_options *options = nullptr;
  ASSERT_TRUE(isOk(onnxc_session_options_create(&options)));
  ASSERT_TRUE(isOk(onnxc_session_options_set_thread_count(options, 3)));
  onnxc_session *session = nullptr;
  ASSERT_TRUE(isOk(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CPU, options, &session)));
  onnxc_session_options_release(options); // the session keeps a copy
  EXPECT_EQ(onnxc_session_thread_count(session), 3);
  EXPECT_EQ(onnxc_session_device(session), ONNXC_DEVICE_CPU);
  onnxc_session_release(session);

  ASSERT_TRUE(isOk(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CPU, nullptr, &session)));
  EXPECT_GE(onnxc_session_thread_count(session), 1);
  onnxc_session_release(session);
  onnxc_session_release(nullptr);
  EXPECT_EQ(onnxc_session_thread_count(nullptr), 0);
}

TEST(SessionCreateTest, RefusesBadArguments) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  onnxc_session *session = reinterpret_cast<onnxc_session *>(0x1);
  EXPECT_TRUE(isError(
      onnxc_session_create(nullptr, ONNXC_DEVICE_CPU, nullptr, &session),
      ONNXC_INVALID_ARGUMENT, "model is null"));
  EXPECT_EQ(session, nullptr);
  EXPECT_TRUE(isError(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CPU, nullptr, nullptr),
      ONNXC_INVALID_ARGUMENT, "session is null"));
  EXPECT_TRUE(
      isError(onnxc_session_create(model.get(), static_cast<onnxc_device>(7),
                                   nullptr, &session),
              ONNXC_UNSUPPORTED_DEVICE, "unknown device 7"));
  EXPECT_EQ(session, nullptr);
}

TEST(SessionCreateTest, RefusesDevicesTheModelWasNotCompiledFor) {
  ModelPtr model = loadModel(fixturePath("mnist"));
  ASSERT_TRUE(model);
  onnxc_session *session = nullptr;
  EXPECT_TRUE(isError(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CUDA, nullptr, &session),
      ONNXC_UNSUPPORTED_DEVICE,
      "model \"mnist-8\" was compiled for cpu, not for cuda"));
  EXPECT_TRUE(isError(onnxc_session_create(model.get(), ONNXC_DEVICE_SYSTOLIC,
                                           nullptr, &session),
                      ONNXC_UNSUPPORTED_DEVICE,
                      "model \"mnist-8\" was compiled for cpu, not for "
                      "systolic"));
  EXPECT_EQ(session, nullptr);
}

TEST(SessionCreateTest, RefusesCudaModelsOnTheCpu) {
  std::string path = patchedModel(
      "mnist", mnistSignature("target cpu", "target cuda"), "cuda");
  ModelPtr model = loadModel(path);
  ASSERT_TRUE(model);
  EXPECT_EQ(onnxc_model_target(model.get()), ONNXC_DEVICE_CUDA);
  onnxc_session *session = nullptr;
  EXPECT_TRUE(isError(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CPU, nullptr, &session),
      ONNXC_UNSUPPORTED_DEVICE,
      "model \"mnist-8\" was compiled for cuda, not for cpu"));
  EXPECT_TRUE(isError(
      onnxc_session_create(model.get(), ONNXC_DEVICE_CUDA, nullptr, &session),
      ONNXC_UNSUPPORTED_DEVICE, "this runtime was built without cuda support"));
  EXPECT_EQ(session, nullptr);
}

TEST_F(AddFixture, RunsIntoACallerBuffer) {
  std::vector<float> y(12, -1);
  onnxc_tensor output = makeTensor(ONNXC_TYPE_FLOAT, y, {});
  ASSERT_TRUE(isOk(run(3, output)));
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(y[i], 1.5f * static_cast<float>(i));
  EXPECT_EQ(output.data, y.data());
  EXPECT_EQ(output.flags, 0u);
  EXPECT_EQ(output.rank, 2);
  EXPECT_EQ(output.shape[0], 3);
  EXPECT_EQ(output.shape[1], 4);
  EXPECT_EQ(output.byte_size, 48u);
}

TEST_F(AddFixture, RunsIntoARuntimeBuffer) {
  for (int64_t n : {1, 2, 7, 100}) {
    onnxc_tensor output = emptyOutput();
    ASSERT_TRUE(isOk(run(n, output)));
    ASSERT_NE(output.data, nullptr);
    EXPECT_EQ(output.flags & ONNXC_TENSOR_OWNED_BY_RUNTIME,
              ONNXC_TENSOR_OWNED_BY_RUNTIME);
    EXPECT_EQ(output.dtype, ONNXC_TYPE_FLOAT);
    EXPECT_EQ(output.byte_size, static_cast<size_t>(n * 16));
    EXPECT_EQ(output.shape[0], n);
    const float *y = static_cast<const float *>(output.data);
    for (int64_t i = 0; i < n * 4; ++i)
      ASSERT_EQ(y[i], 1.5f * static_cast<float>(i));
    onnxc_tensor_release(&output);
    EXPECT_EQ(output.data, nullptr);
    EXPECT_EQ(output.byte_size, 0u);
    EXPECT_EQ(output.flags, 0u);
  }
}

TEST_F(AddFixture, RunsWithNoRows) {
  onnxc_tensor output = emptyOutput();
  a.clear();
  b.clear();
  inputs[0] = makeTensor(ONNXC_TYPE_FLOAT, a, {0, 4});
  inputs[1] = makeTensor(ONNXC_TYPE_FLOAT, b, {0, 4});
  inputs[0].data = inputs[1].data = nullptr;
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), inputs, 2, &output, 1)));
  EXPECT_EQ(output.data, nullptr);
  EXPECT_EQ(output.shape[0], 0);
  EXPECT_EQ(output.shape[1], 4);
  EXPECT_EQ(onnxc_tensor_element_count(&output), 0u);
  onnxc_tensor_release(&output);
}

TEST_F(AddFixture, RefusesNullsAndWrongCounts) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  EXPECT_TRUE(isError(onnxc_session_run(nullptr, inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "session is null"));
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), nullptr, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT,
                      "model \"fake-add\": inputs is null"));
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, nullptr, 1),
                      ONNXC_INVALID_ARGUMENT, "outputs is null"));
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 1, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "expected 2 inputs, got 1"));
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 3, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "expected 2 inputs, got 3"));
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 0),
                      ONNXC_INVALID_ARGUMENT, "expected 1 output, got 0"));
  inputs[1].data = nullptr;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "input \"b\": data is null"));
  EXPECT_EQ(output.data, nullptr);
}

TEST_F(AddFixture, RefusesWrongElementTypes) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  inputs[1].dtype = ONNXC_TYPE_DOUBLE;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_TYPE_MISMATCH,
                      "model \"fake-add\": input \"b\": expected element type "
                      "f32, got f64"));
  inputs[1].dtype = static_cast<onnxc_element_type>(42);
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_TYPE_MISMATCH, "got unknown (42)"));
  inputs[1].dtype = ONNXC_TYPE_FLOAT;
  output.dtype = ONNXC_TYPE_INT32;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_TYPE_MISMATCH,
                      "output \"y\": expected element type f32, got i32"));
}

TEST_F(AddFixture, RefusesWrongRanksAndDims) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  inputs[0].rank = 3;
  inputs[0].shape[2] = 1;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_SHAPE_MISMATCH,
                      "input \"a\": expected rank 2 [?,4], got rank 3 "
                      "[2,4,1]"));
  inputs[0].rank = 2;
  inputs[0].shape[1] = 2;
  inputs[0].shape[0] = 4;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_SHAPE_MISMATCH,
                      "input \"a\": expected shape [?,4], got [4,2]"));
  inputs[0].shape[0] = -2;
  inputs[0].shape[1] = 4;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_SHAPE_MISMATCH,
                      "input \"a\": negative dimension in shape [-2,4]"));
  inputs[0].rank = -1;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "input \"a\": bad rank -1"));
  inputs[0].rank = 99;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "input \"a\": bad rank 99"));
}

TEST_F(AddFixture, RefusesSmallOrOverflowingBuffers) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  inputs[0].byte_size = 31;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT,
                      "input \"a\": shape [2,4] of f32 needs 32 bytes, the "
                      "buffer holds 31"));
  inputs[0].byte_size = SIZE_MAX;
  inputs[0].shape[0] = INT64_MAX / 2;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT,
                      "input \"a\": shape [4611686018427387903,4] is too "
                      "large"));
}

TEST_F(AddFixture, RefusesDeviceMemoryOnTheCpu) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  inputs[0].memory = ONNXC_MEMORY_DEVICE;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT,
                      "input \"a\": device memory cannot be used by a cpu "
                      "session"));
  inputs[0].memory = ONNXC_MEMORY_HOST;
  output.memory = ONNXC_MEMORY_DEVICE;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "output \"y\": device memory"));
  output.memory = static_cast<onnxc_memory>(5);
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "unknown memory kind 5"));
}

TEST_F(AddFixture, DynamicOutputTooLargeForTheCallerBuffer) {
  std::vector<float> y(8);
  onnxc_tensor output = makeTensor(ONNXC_TYPE_FLOAT, y, {});
  EXPECT_TRUE(isError(run(3, output), ONNXC_INVALID_ARGUMENT,
                      "output \"y\": result shape [3,4] of f32 needs 48 bytes, "
                      "the buffer holds 32"));
  ASSERT_TRUE(isOk(run(2, output)));
  EXPECT_EQ(y[7], 10.5f);
}

TEST_F(AddFixture, ReportsAnErrorOfTheEntryPoint) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  onnxc_tensor_release(&output);
  inputs[1].shape[0] = 1; // the fake model returns 3 when the rows differ
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, &output, 1),
                      ONNXC_RUNTIME_ERROR,
                      "the model's entry point onnxc_main failed with code "
                      "3"));
  EXPECT_EQ(output.data, nullptr);
}

TEST_F(AddFixture, ReusesARuntimeBufferAsACallerBuffer) {
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(3, output)));
  void *first = output.data;
  ASSERT_TRUE(isOk(run(2, output))); // fits into the 48 bytes of run 1
  EXPECT_EQ(output.data, first);
  EXPECT_EQ(output.shape[0], 2);
  EXPECT_EQ(static_cast<float *>(output.data)[7], 10.5f);
  onnxc_tensor_release(&output);
  EXPECT_EQ(output.data, nullptr);
}

TEST_F(AddFixture, SessionKeepsTheModelAlive) {
  model.reset();
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(run(2, output)));
  EXPECT_EQ(static_cast<float *>(output.data)[1], 1.5f);
  onnxc_tensor_release(&output);
}

TEST(SessionRunTest, ChecksStaticShapesByName) {
  SessionPtr session = cpuSession("mnist");
  ASSERT_TRUE(session);
  std::vector<float> image(28 * 28, 1.0f);
  onnxc_tensor input = makeTensor(ONNXC_TYPE_FLOAT, image, {1, 1, 28, 27});
  onnxc_tensor output = emptyOutput();
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), &input, 1, &output, 1),
                      ONNXC_SHAPE_MISMATCH,
                      "model \"mnist-8\": input \"Input3\": expected shape "
                      "[1,1,28,28], got [1,1,28,27]"));
  input.shape[3] = 28;
  std::vector<float> small(9);
  onnxc_tensor tooSmall = makeTensor(ONNXC_TYPE_FLOAT, small, {});
  EXPECT_TRUE(isError(
      onnxc_session_run(session.get(), &input, 1, &tooSmall, 1),
      ONNXC_INVALID_ARGUMENT,
      "output \"Plus214_Output_0\": shape [1,10] of f32 needs 40 bytes, the "
      "buffer holds 36"));
  std::vector<float> scores(10);
  onnxc_tensor fits = makeTensor(ONNXC_TYPE_FLOAT, scores, {});
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, &fits, 1)));
  for (float score : scores)
    EXPECT_EQ(score, 78.0f);
}

TEST(SessionRunTest, SharedOutputBuffer) {
  SessionPtr session = cpuSession("shared");
  ASSERT_TRUE(session);
  std::vector<float> x = {1, -2, 3, 0.5f};
  onnxc_tensor input = makeTensor(ONNXC_TYPE_FLOAT, x, {4});
  onnxc_tensor outputs[2] = {emptyOutput(), emptyOutput()};
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, outputs, 2)));
  ASSERT_NE(outputs[0].data, outputs[1].data);
  const float *twice = static_cast<const float *>(outputs[0].data);
  const float *square = static_cast<const float *>(outputs[1].data);
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(twice[i], 2 * x[i]);
    EXPECT_EQ(square[i], x[i] * x[i]);
  }
  onnxc_tensor_release(&outputs[0]);
  onnxc_tensor_release(&outputs[1]);

  // Mixed: one caller buffer, one runtime buffer.
  std::vector<float> twiceBuffer(4);
  outputs[0] = makeTensor(ONNXC_TYPE_FLOAT, twiceBuffer, {});
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, outputs, 2)));
  EXPECT_EQ(twiceBuffer[1], -4.0f);
  EXPECT_EQ(static_cast<float *>(outputs[1].data)[2], 9.0f);
  onnxc_tensor_release(&outputs[1]);
}

TEST(SessionRunTest, IntegerAndBoolOutputs) {
  SessionPtr session = cpuSession("intbool");
  ASSERT_TRUE(session);
  std::vector<int64_t> x = {-3, 0, 3000000000};
  onnxc_tensor input = makeTensor(ONNXC_TYPE_INT64, x, {3});
  std::vector<int64_t> sq(3);
  onnxc_tensor outputs[2] = {makeTensor(ONNXC_TYPE_INT64, sq, {}),
                             emptyOutput()};
  outputs[1].dtype = ONNXC_TYPE_BOOL; // a matching dtype set by the caller
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, outputs, 2)));
  EXPECT_EQ(sq, (std::vector<int64_t>{9, 0, INT64_C(9000000000000000000)}));
  EXPECT_EQ(outputs[0].dtype, ONNXC_TYPE_INT64);
  ASSERT_EQ(outputs[1].byte_size, 3u);
  const auto *positive = static_cast<const uint8_t *>(outputs[1].data);
  EXPECT_EQ(positive[0], 0);
  EXPECT_EQ(positive[1], 0);
  EXPECT_EQ(positive[2], 1);
  onnxc_tensor_release(&outputs[1]);

  input.dtype = ONNXC_TYPE_INT32;
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), &input, 1, outputs, 2),
                      ONNXC_TYPE_MISMATCH,
                      "input \"x\": expected element type i64, got i32"));
}

TEST(SessionRunTest, StridedOutputs) {
  SessionPtr session = cpuSession("strided");
  ASSERT_TRUE(session);
  std::vector<float> x = {1, 2, 3, 4, 5, 6};
  onnxc_tensor input = makeTensor(ONNXC_TYPE_FLOAT, x, {2, 3});
  for (bool callerBuffers : {false, true}) {
    SCOPED_TRACE(callerBuffers ? "caller buffers" : "runtime buffers");
    std::vector<float> t(6), bcast(12), total(1), rev(3);
    onnxc_tensor outputs[4] = {};
    if (callerBuffers) {
      outputs[0] = makeTensor(ONNXC_TYPE_FLOAT, t, {});
      outputs[1] = makeTensor(ONNXC_TYPE_FLOAT, bcast, {});
      outputs[2] = makeTensor(ONNXC_TYPE_FLOAT, total, {});
      outputs[3] = makeTensor(ONNXC_TYPE_FLOAT, rev, {});
    }
    ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, outputs, 4)));
    auto values = [&](int i) {
      const float *data = static_cast<const float *>(outputs[i].data);
      return std::vector<float>(data,
                                data + onnxc_tensor_element_count(&outputs[i]));
    };
    EXPECT_EQ(values(0), (std::vector<float>{1, 4, 2, 5, 3, 6}));
    EXPECT_EQ(outputs[0].shape[0], 3);
    EXPECT_EQ(outputs[0].shape[1], 2);
    EXPECT_EQ(values(1),
              (std::vector<float>{4, 5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6}));
    EXPECT_EQ(outputs[2].rank, 0);
    EXPECT_EQ(values(2), (std::vector<float>{21}));
    EXPECT_EQ(values(3), (std::vector<float>{3, 2, 1}));
    for (onnxc_tensor &output : outputs)
      onnxc_tensor_release(&output);
  }
}

TEST(SessionRunTest, OutputsOfRuntimeSize) {
  SessionPtr session = cpuSession("nonzero");
  ASSERT_TRUE(session);
  std::vector<float> x = {0, 1.5f, 0, -2, 0, 0, 7};
  onnxc_tensor input = makeTensor(ONNXC_TYPE_FLOAT, x, {7});
  onnxc_tensor output = emptyOutput();
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, &output, 1)));
  ASSERT_EQ(output.shape[0], 3);
  const auto *idx = static_cast<const int64_t *>(output.data);
  EXPECT_EQ(idx[0], 1);
  EXPECT_EQ(idx[1], 3);
  EXPECT_EQ(idx[2], 6);
  onnxc_tensor_release(&output);

  std::vector<int64_t> small(2);
  onnxc_tensor caller = makeTensor(ONNXC_TYPE_INT64, small, {});
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), &input, 1, &caller, 1),
                      ONNXC_INVALID_ARGUMENT,
                      "output \"idx\": result shape [3] of i64 needs 24 bytes, "
                      "the buffer holds 16"));
  std::vector<float> zeros(5, 0.0f);
  input = makeTensor(ONNXC_TYPE_FLOAT, zeros, {5});
  ASSERT_TRUE(isOk(onnxc_session_run(session.get(), &input, 1, &output, 1)));
  EXPECT_EQ(output.shape[0], 0);
  EXPECT_EQ(output.data, nullptr);
  EXPECT_EQ(output.flags, 0u);
}

// Every buffer the model allocates is freed exactly once, on success and on
// error, and runtime buffers are freed by onnxc_tensor_release. (Double
// frees are caught by glibc or ASan; leaks are caught here and by LSan.)
TEST(SessionRunTest, FreesEveryModelBufferOnce) {
  if (underAsan())
    GTEST_SKIP() << "mallinfo2 does not see the ASan heap (LSan checks leaks)";
  SessionPtr shared = cpuSession("shared");
  SessionPtr strided = cpuSession("strided");
  SessionPtr nonzero = cpuSession("nonzero");
  ASSERT_TRUE(shared && strided && nonzero);
  std::vector<float> x(64, 1.0f);
  std::vector<float> x6 = {1, 2, 3, 4, 5, 6};
  std::vector<int64_t> tiny(1);
  auto runAll = [&] {
    onnxc_tensor input = makeTensor(ONNXC_TYPE_FLOAT, x, {64});
    onnxc_tensor two[2] = {};
    EXPECT_TRUE(isOk(onnxc_session_run(shared.get(), &input, 1, two, 2)));
    onnxc_tensor_release(&two[0]);
    onnxc_tensor_release(&two[1]);
    onnxc_tensor four[4] = {};
    onnxc_tensor input6 = makeTensor(ONNXC_TYPE_FLOAT, x6, {2, 3});
    EXPECT_TRUE(isOk(onnxc_session_run(strided.get(), &input6, 1, four, 4)));
    for (onnxc_tensor &output : four)
      onnxc_tensor_release(&output);
    onnxc_tensor small = makeTensor(ONNXC_TYPE_INT64, tiny, {});
    onnxc_tensor one[1] = {small};
    EXPECT_TRUE(isError(onnxc_session_run(nonzero.get(), &input, 1, one, 1),
                        ONNXC_INVALID_ARGUMENT, "needs 512 bytes"));
    // An error after a runtime buffer was handed out releases it too.
    onnxc_tensor mixed[2] = {};
    std::vector<float> smallTwice(1);
    mixed[1] = makeTensor(ONNXC_TYPE_FLOAT, smallTwice, {});
    EXPECT_TRUE(isError(onnxc_session_run(shared.get(), &input, 1, mixed, 2),
                        ONNXC_INVALID_ARGUMENT, "output \"square\""));
    EXPECT_EQ(mixed[0].data, nullptr);
  };
  runAll(); // warm up lazily allocated state
  size_t before = heapInUse();
  for (int i = 0; i < 500; ++i)
    runAll();
  size_t after = heapInUse();
  EXPECT_LT(after, before + 4096) << "before " << before << ", after " << after;
}

} // namespace
