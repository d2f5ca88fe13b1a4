//===- NegativeApiTest.cpp - Misuse of the runtime API, one case a test ---===//
//
// Every test hands the runtime one thing that is wrong and checks that it
// answers with an error code and a message naming the problem (and the model,
// tensor or file), and that nothing crashes, blocks or leaks a buffer. These
// complete the kinds covered by ModelLoadTest, SessionTest and SignatureTest:
// unaligned buffers, extreme counts and dims, files that are not regular,
// ELF flavours and signature records at the API level, devices that are not
// available. docs/Security.md lists what is promised.
//
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

#include <cstdint>
#include <cstring>
#include <elf.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace onnxc::test;

namespace {

/// y = a + b over the `add` fixture: a, b, y are f32 [?,4].
struct Run : ::testing::Test {
  void SetUp() override {
    session = cpuSession("add", &model);
    ASSERT_TRUE(session);
    a.assign(2 * 4 + 8, 1.0f);
    b.assign(2 * 4 + 8, 2.0f);
    inputs[0] = makeTensor(ONNXC_TYPE_FLOAT, a, {2, 4});
    inputs[1] = makeTensor(ONNXC_TYPE_FLOAT, b, {2, 4});
  }
  void TearDown() override {
    // Whatever failed left no runtime buffer behind.
    EXPECT_EQ(output.flags & ONNXC_TENSOR_OWNED_BY_RUNTIME, 0u);
  }
  onnxc_status *run(size_t nIn = 2, size_t nOut = 1) {
    return onnxc_session_run(session.get(), inputs, nIn, &output, nOut);
  }

  ModelPtr model;
  SessionPtr session;
  std::vector<float> a, b;
  onnxc_tensor inputs[3] = {};
  onnxc_tensor output = {};
};

TEST_F(Run, ControlSucceeds) {
  ASSERT_TRUE(isOk(run()));
  EXPECT_EQ(static_cast<float *>(output.data)[7], 3.0f);
  onnxc_tensor_release(&output);
}

TEST_F(Run, UnalignedInput) {
  inputs[0].data = reinterpret_cast<char *>(a.data()) + 1;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"a\": data is not aligned to its element size "
                      "(4 bytes)"));
}

TEST_F(Run, UnalignedSecondInput) {
  inputs[1].data = reinterpret_cast<char *>(b.data()) + 2;
  EXPECT_TRUE(
      isError(run(), ONNXC_INVALID_ARGUMENT, "input \"b\": data is not aligned"));
}

TEST_F(Run, UnalignedCallerOutput) {
  std::vector<float> y(16);
  output.data = reinterpret_cast<char *>(y.data()) + 3;
  output.byte_size = 32;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "output \"y\": data is not aligned to its element size"));
}

TEST_F(Run, InputBufferOneByteShort) {
  inputs[1].byte_size = 31;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"b\": shape [2,4] of f32 needs 32 bytes, the "
                      "buffer holds 31"));
}

TEST_F(Run, InputBufferEmpty) {
  inputs[0].byte_size = 0;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "needs 32 bytes, the buffer holds 0"));
}

TEST_F(Run, InputDataNullWithElements) {
  inputs[0].data = nullptr;
  EXPECT_TRUE(
      isError(run(), ONNXC_INVALID_ARGUMENT, "input \"a\": data is null"));
}

TEST_F(Run, CallerOutputTooSmall) {
  std::vector<float> y(7);
  output = makeTensor(ONNXC_TYPE_FLOAT, y, {});
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "output \"y\": result shape [2,4] of f32 needs 32 bytes, "
                      "the buffer holds 28"));
}

TEST_F(Run, CallerOutputOfZeroBytes) {
  std::vector<float> y(1);
  output = makeTensor(ONNXC_TYPE_FLOAT, y, {});
  output.byte_size = 0;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT, "the buffer holds 0"));
}

TEST_F(Run, TooFewInputs) {
  EXPECT_TRUE(isError(run(1), ONNXC_INVALID_ARGUMENT,
                      "model \"fake-add\": expected 2 inputs, got 1"));
}

TEST_F(Run, NoInputsAtAll) {
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), nullptr, 0, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "expected 2 inputs, got 0"));
}

TEST_F(Run, TooManyInputs) {
  inputs[2] = inputs[1];
  EXPECT_TRUE(
      isError(run(3), ONNXC_INVALID_ARGUMENT, "expected 2 inputs, got 3"));
}

TEST_F(Run, AbsurdInputCount) {
  EXPECT_TRUE(isError(run(SIZE_MAX), ONNXC_INVALID_ARGUMENT,
                      "expected 2 inputs, got 18446744073709551615"));
}

TEST_F(Run, TooManyOutputs) {
  onnxc_tensor outs[2] = {};
  EXPECT_TRUE(isError(onnxc_session_run(session.get(), inputs, 2, outs, 2),
                      ONNXC_INVALID_ARGUMENT, "expected 1 output, got 2"));
}

TEST_F(Run, RankZeroForRankTwo) {
  inputs[0].rank = 0;
  EXPECT_TRUE(isError(run(), ONNXC_SHAPE_MISMATCH,
                      "input \"a\": expected rank 2 [?,4], got rank 0 []"));
}

TEST_F(Run, RankAboveTheLimit) {
  inputs[1].rank = ONNXC_MAX_RANK + 1;
  EXPECT_TRUE(
      isError(run(), ONNXC_INVALID_ARGUMENT, "input \"b\": bad rank 17"));
}

TEST_F(Run, MostNegativeDim) {
  inputs[0].shape[0] = INT64_MIN;
  EXPECT_TRUE(isError(run(), ONNXC_SHAPE_MISMATCH,
                      "input \"a\": negative dimension in shape"));
}

TEST_F(Run, StaticDimOfADynamicShapeWrong) {
  inputs[1].shape[1] = 5;
  EXPECT_TRUE(isError(run(), ONNXC_SHAPE_MISMATCH,
                      "input \"b\": expected shape [?,4], got [2,5]"));
}

TEST_F(Run, DynamicDimThatOverflows) {
  inputs[0].shape[0] = INT64_MAX;
  inputs[0].byte_size = SIZE_MAX;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"a\": shape [9223372036854775807,4] is too "
                      "large"));
}

TEST_F(Run, DynamicDimBeyondTheBuffer) {
  inputs[0].shape[0] = int64_t(1) << 40;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"a\": shape [1099511627776,4] of f32 needs "
                      "17592186044416 bytes, the buffer holds 64"));
}

TEST_F(Run, UndefinedElementType) {
  inputs[0].dtype = ONNXC_TYPE_UNDEFINED;
  EXPECT_TRUE(isError(run(), ONNXC_TYPE_MISMATCH,
                      "input \"a\": expected element type f32, got"));
}

TEST_F(Run, BoolForFloat) {
  inputs[1].dtype = ONNXC_TYPE_BOOL;
  EXPECT_TRUE(isError(run(), ONNXC_TYPE_MISMATCH,
                      "input \"b\": expected element type f32, got bool"));
}

TEST_F(Run, NegativeElementTypeCode) {
  inputs[0].dtype = static_cast<onnxc_element_type>(-3);
  EXPECT_TRUE(isError(run(), ONNXC_TYPE_MISMATCH, "got unknown (-3)"));
}

TEST_F(Run, CallerOutputOfAnotherType) {
  std::vector<int64_t> y(8);
  output = makeTensor(ONNXC_TYPE_INT64, y, {});
  EXPECT_TRUE(isError(run(), ONNXC_TYPE_MISMATCH,
                      "output \"y\": expected element type f32, got i64"));
}

TEST_F(Run, InputOfUnknownMemoryKind) {
  inputs[1].memory = static_cast<onnxc_memory>(9);
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"b\": unknown memory kind 9"));
}

TEST_F(Run, DeviceMemoryInput) {
  inputs[0].memory = ONNXC_MEMORY_DEVICE;
  EXPECT_TRUE(isError(run(), ONNXC_INVALID_ARGUMENT,
                      "input \"a\": device memory cannot be used by a cpu "
                      "session"));
}

TEST(NegativeApiTest, RunWithoutSession) {
  onnxc_tensor output = {};
  EXPECT_TRUE(isError(onnxc_session_run(nullptr, nullptr, 0, &output, 1),
                      ONNXC_INVALID_ARGUMENT, "session is null"));
}

TEST(NegativeApiTest, SessionForAnUnknownDevice) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  onnxc_session *session = nullptr;
  EXPECT_TRUE(isError(onnxc_session_create(model.get(),
                                           static_cast<onnxc_device>(-1),
                                           nullptr, &session),
                      ONNXC_UNSUPPORTED_DEVICE, "unknown device -1"));
  EXPECT_EQ(session, nullptr);
}

TEST(NegativeApiTest, SystolicModelOnThisRuntime) {
  std::string path = patchedModel(
      "mnist", mnistSignature("target cpu", "target systolic"), "systolic");
  ModelPtr model = loadModel(path);
  ASSERT_TRUE(model);
  onnxc_session *session = nullptr;
  EXPECT_TRUE(isError(onnxc_session_create(model.get(), ONNXC_DEVICE_SYSTOLIC,
                                           nullptr, &session),
                      ONNXC_UNSUPPORTED_DEVICE,
                      "this runtime was built without systolic support"));
  EXPECT_EQ(session, nullptr);
}

TEST(NegativeApiTest, DeviceNamesThatDoNotExist) {
  onnxc_device device = ONNXC_DEVICE_CPU;
  EXPECT_TRUE(isError(onnxc_device_from_name("tpu", &device),
                      ONNXC_UNSUPPORTED_DEVICE, "tpu"));
  EXPECT_TRUE(isError(onnxc_device_from_name("", &device),
                      ONNXC_UNSUPPORTED_DEVICE, ""));
  EXPECT_TRUE(isError(onnxc_device_from_name(nullptr, &device),
                      ONNXC_INVALID_ARGUMENT, "null"));
}

TEST(NegativeApiTest, QueriesOfANullModel) {
  EXPECT_EQ(onnxc_model_input_count(nullptr), 0u);
  EXPECT_EQ(onnxc_model_output_count(nullptr), 0u);
  EXPECT_EQ(onnxc_model_metadata(nullptr, "target"), nullptr);
  EXPECT_EQ(onnxc_model_path(nullptr), nullptr);
  onnxc_value_info info;
  EXPECT_TRUE(isError(onnxc_model_input_info(nullptr, 0, &info),
                      ONNXC_INVALID_ARGUMENT, "model is null"));
}

TEST(NegativeApiTest, IndexFarOutOfRange) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  onnxc_value_info info;
  EXPECT_TRUE(isError(onnxc_model_input_info(model.get(), SIZE_MAX, &info),
                      ONNXC_INVALID_ARGUMENT, "input index"));
  EXPECT_EQ(onnxc_model_metadata(model.get(), nullptr), nullptr);
  size_t index = 0;
  EXPECT_TRUE(isError(onnxc_model_input_index(model.get(), "", &index),
                      ONNXC_INVALID_ARGUMENT,
                      "model \"fake-add\" has no input \"\""));
}

// ---------------------------------------------------------------------------
// Files

::testing::AssertionResult loadFails(const std::string &path,
                                     onnxc_error_code code,
                                     const std::string &fragment) {
  onnxc_model *model = reinterpret_cast<onnxc_model *>(0x1);
  auto result = isError(onnxc_model_load(path.c_str(), &model), code, fragment);
  if (result && model != nullptr)
    return ::testing::AssertionFailure() << "*model is not null after an error";
  return result;
}

TEST(NegativeApiTest, LoadAFifoDoesNotBlock) {
  std::string path = tempPath("fifo.so");
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  EXPECT_TRUE(loadFails(path, ONNXC_IO_ERROR, "not a regular file"));
  unlink(path.c_str());
}

TEST(NegativeApiTest, LoadACharacterDevice) {
  EXPECT_TRUE(loadFails("/dev/zero", ONNXC_IO_ERROR, "not a regular file"));
}

TEST(NegativeApiTest, LoadASymlinkToADirectory) {
  std::string path = tempPath("dirlink.so");
  ASSERT_EQ(symlink("/", path.c_str()), 0);
  EXPECT_TRUE(loadFails(path, ONNXC_IO_ERROR, "not a regular file"));
  unlink(path.c_str());
}

TEST(NegativeApiTest, LoadAFileOfZeros) {
  std::string path = tempPath("zeros.so");
  writeFile(path, std::vector<char>(65536, 0));
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "not an elf file"));
}

TEST(NegativeApiTest, LoadOnlyTheElfMagic) {
  std::string path = tempPath("magic.so");
  writeFile(path, {0x7f, 'E', 'L', 'F'});
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, path + ": "));
}

/// A copy of the mnist fixture with one ELF header field changed.
std::string patchedElf(const std::string &name,
                       void (*patch)(std::vector<char> &)) {
  std::vector<char> bytes = readFile(fixturePath("mnist"));
  patch(bytes);
  std::string path = tempPath(name);
  writeFile(path, bytes);
  return path;
}

Elf64_Ehdr *elfHeader(std::vector<char> &bytes) {
  return reinterpret_cast<Elf64_Ehdr *>(bytes.data());
}

TEST(NegativeApiTest, LoadA32BitElf) {
  std::string path = patchedElf(
      "elf32.so", [](std::vector<char> &b) { b[EI_CLASS] = ELFCLASS32; });
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "not a 64-bit"));
}

TEST(NegativeApiTest, LoadABigEndianElf) {
  std::string path = patchedElf(
      "msb.so", [](std::vector<char> &b) { b[EI_DATA] = ELFDATA2MSB; });
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "not a little-endian"));
}

TEST(NegativeApiTest, LoadAModelForAnotherMachine) {
  std::string path = patchedElf("aarch64.so", [](std::vector<char> &b) {
    elfHeader(b)->e_machine = EM_AARCH64;
  });
  EXPECT_TRUE(
      loadFails(path, ONNXC_INVALID_MODEL, "not an x86-64 elf file (machine 183)"));
}

TEST(NegativeApiTest, LoadAnExecutable) {
  std::string path = patchedElf("exec.so", [](std::vector<char> &b) {
    elfHeader(b)->e_type = ET_EXEC;
  });
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "not a shared object"));
}

TEST(NegativeApiTest, LoadSectionHeadersPastTheEnd) {
  std::string path = patchedElf("shoff.so", [](std::vector<char> &b) {
    elfHeader(b)->e_shoff = UINT64_MAX - 16;
  });
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "outside"));
}

// ---------------------------------------------------------------------------
// Signatures

::testing::AssertionResult signatureFails(const std::string &from,
                                          const std::string &to,
                                          const std::string &fragment) {
  std::string path = patchedModel("mnist", mnistSignature(from, to), "sig");
  return loadFails(path, ONNXC_INVALID_MODEL, fragment);
}

TEST(NegativeApiTest, SignatureRankAboveTheLimit) {
  EXPECT_TRUE(signatureFails("input Input3 f32 4 1 1 28 28",
                             "input Input3 f32 17 1 1 1 1 1 1 1 1 1 1 1 1 1 1 "
                             "1 1 1",
                             "signature line 11"));
}

TEST(NegativeApiTest, SignatureDimThatOverflows) {
  EXPECT_TRUE(signatureFails("input Input3 f32 4 1 1 28 28",
                             "input Input3 f32 4 1 1 28 99999999999999999999",
                             "signature line 11"));
}

TEST(NegativeApiTest, SignatureDimBelowMinusOne) {
  EXPECT_TRUE(signatureFails("input Input3 f32 4 1 1 28 28",
                             "input Input3 f32 4 1 1 28 -2",
                             "signature line 11"));
}

TEST(NegativeApiTest, SignatureUnknownElementType) {
  EXPECT_TRUE(signatureFails("output Plus214_Output_0 f32",
                             "output Plus214_Output_0 f8", "signature line 12"));
}

TEST(NegativeApiTest, SignatureDuplicateInputs) {
  EXPECT_TRUE(signatureFails("input Input3 f32 4 1 1 28 28",
                             "input Input3 f32 4 1 1 28 28\n"
                             "input Input3 f32 4 1 1 28 28",
                             "Input3"));
}

TEST(NegativeApiTest, SignatureBadPercentEncoding) {
  EXPECT_TRUE(signatureFails("model mnist-8", "model mnist%G1",
                             "signature line 7"));
}

TEST(NegativeApiTest, SignatureAbiVersionThatOverflows) {
  EXPECT_TRUE(signatureFails("ONNXC 1", "ONNXC 99999999999999999999",
                             "signature line 1"));
}

TEST(NegativeApiTest, SignatureEmpty) {
  std::string path = patchedModel("mnist", "", "empty-sig");
  EXPECT_TRUE(loadFails(path, ONNXC_INVALID_MODEL, "signature"));
}

TEST(NegativeApiTest, SignatureRankFieldLies) {
  EXPECT_TRUE(signatureFails("input Input3 f32 4 1 1 28 28",
                             "input Input3 f32 4 1 1 28", "signature line 11"));
}

TEST(NegativeApiTest, ModelForCpuFeaturesThisCpuLacks) {
  // The first of these that this CPU lacks (sorted from rarest).
  const char *candidates[] = {"avx10.2",   "amx-fp16", "avx512fp16",
                              "avx512vp2intersect", "avx512bf16", "avx512f",
                              "avx2"};
  const char *absent = nullptr;
  for (const char *feature : candidates)
    if (onnxc_cpu_has_feature(feature) == 0) {
      absent = feature;
      break;
    }
  if (!absent)
    GTEST_SKIP() << "this cpu has every candidate feature";
  std::string path = patchedModel(
      "mnist",
      mnistSignature("features +sse2", std::string("features +sse2,+") + absent),
      "features");
  EXPECT_TRUE(loadFails(path, ONNXC_CPU_FEATURES_MISSING,
                        std::string("model \"mnist-8\" (compiled for x86-64) "
                                    "needs cpu features this cpu lacks: ") +
                            absent));
}

} // namespace
