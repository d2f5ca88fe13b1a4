//===- ModelLoadTest.cpp - Loading models and querying signatures ---------===//

#include "TestUtil.h"

#include <cstdlib>
#include <dlfcn.h>
#include <link.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace onnxc::test;

namespace {

onnxc_status *tryLoad(const std::string &path, onnxc_model **model) {
  *model = reinterpret_cast<onnxc_model *>(0x1); // must be reset on error
  return onnxc_model_load(path.c_str(), model);
}

::testing::AssertionResult refused(const std::string &path,
                                   onnxc_error_code code,
                                   const std::string &fragment) {
  onnxc_model *model = nullptr;
  ::testing::AssertionResult result =
      isError(tryLoad(path, &model), code, fragment);
  if (model) {
    onnxc_model_release(model);
    return ::testing::AssertionFailure() << "model handle set on error";
  }
  if (!result)
    return result;
  return isError(onnxc_model_validate(path.c_str()), code, fragment);
}

TEST(ModelLoadTest, LoadsAndDescribesAModel) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  ASSERT_EQ(onnxc_model_input_count(model.get()), 2u);
  ASSERT_EQ(onnxc_model_output_count(model.get()), 1u);
  onnxc_value_info info{};
  ASSERT_TRUE(isOk(onnxc_model_input_info(model.get(), 1, &info)));
  EXPECT_STREQ(info.name, "b");
  EXPECT_EQ(info.dtype, ONNXC_TYPE_FLOAT);
  ASSERT_EQ(info.rank, 2);
  EXPECT_EQ(info.shape[0], -1);
  EXPECT_EQ(info.shape[1], 4);
  ASSERT_TRUE(isOk(onnxc_model_output_info(model.get(), 0, &info)));
  EXPECT_STREQ(info.name, "y");
  EXPECT_EQ(onnxc_model_target(model.get()), ONNXC_DEVICE_CPU);
  EXPECT_EQ(onnxc_model_path(model.get()), fixturePath("add"));
  EXPECT_TRUE(isOk(onnxc_model_validate(fixturePath("add").c_str())));
}

TEST(ModelLoadTest, ReportsMetadata) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  auto meta = [&](const char *key) {
    const char *value = onnxc_model_metadata(model.get(), key);
    return value ? std::string(value) : std::string("<null>");
  };
  EXPECT_EQ(meta("target"), "cpu");
  EXPECT_EQ(meta("compiler"), "0.1.0");
  EXPECT_EQ(meta("cpu"), "x86-64");
  EXPECT_EQ(meta("features"), "+sse2,+cx8,-avx512f,+fast-unknown-tuning");
  EXPECT_EQ(meta("model"), "fake-add");
  EXPECT_EQ(meta("producer"), "hand written");
  EXPECT_EQ(meta("opset"), "ai.onnx 17, com.microsoft 1");
  EXPECT_EQ(meta("triple"), "x86_64-unknown-linux-gnu");
  EXPECT_EQ(meta("entry"), "onnxc_main");
  EXPECT_EQ(meta("abi"), "1");
  EXPECT_EQ(meta("future-key"), "some value");
  EXPECT_EQ(meta("nonexistent"), "<null>");
  EXPECT_EQ(onnxc_model_metadata(model.get(), nullptr), nullptr);
  EXPECT_EQ(onnxc_model_metadata(nullptr, "target"), nullptr);
}

TEST(ModelLoadTest, FindsValuesByName) {
  ModelPtr model = loadModel(fixturePath("shared"));
  ASSERT_TRUE(model);
  size_t index = 99;
  ASSERT_TRUE(isOk(onnxc_model_output_index(model.get(), "square", &index)));
  EXPECT_EQ(index, 1u);
  ASSERT_TRUE(isOk(onnxc_model_input_index(model.get(), "x", &index)));
  EXPECT_EQ(index, 0u);
  EXPECT_TRUE(isError(onnxc_model_input_index(model.get(), "square", &index),
                      ONNXC_INVALID_ARGUMENT,
                      "model \"fake-shared\" has no input \"square\""));
  EXPECT_TRUE(isError(onnxc_model_output_index(model.get(), nullptr, &index),
                      ONNXC_INVALID_ARGUMENT, "name is null"));
  EXPECT_TRUE(isError(onnxc_model_output_index(model.get(), "x", nullptr),
                      ONNXC_INVALID_ARGUMENT, "index is null"));
  EXPECT_TRUE(isError(onnxc_model_input_index(nullptr, "x", &index),
                      ONNXC_INVALID_ARGUMENT, "model is null"));
}

TEST(ModelLoadTest, QueriesCheckTheirArguments) {
  ModelPtr model = loadModel(fixturePath("add"));
  ASSERT_TRUE(model);
  onnxc_value_info info{};
  EXPECT_TRUE(isError(onnxc_model_input_info(model.get(), 2, &info),
                      ONNXC_INVALID_ARGUMENT,
                      "input index 2 is out of range (model \"fake-add\" has "
                      "2)"));
  EXPECT_TRUE(isError(onnxc_model_output_info(model.get(), 1, &info),
                      ONNXC_INVALID_ARGUMENT, "output index 1"));
  EXPECT_TRUE(isError(onnxc_model_output_info(model.get(), 0, nullptr),
                      ONNXC_INVALID_ARGUMENT, "info is null"));
  EXPECT_TRUE(isError(onnxc_model_output_info(nullptr, 0, &info),
                      ONNXC_INVALID_ARGUMENT, "model is null"));
  EXPECT_EQ(onnxc_model_input_count(nullptr), 0u);
  EXPECT_EQ(onnxc_model_output_count(nullptr), 0u);
  EXPECT_EQ(onnxc_model_path(nullptr), nullptr);
  onnxc_model_release(nullptr);
}

TEST(ModelLoadTest, LoadChecksItsArguments) {
  onnxc_model *model = nullptr;
  EXPECT_TRUE(isError(tryLoad("", &model), ONNXC_IO_ERROR, "cannot open"));
  EXPECT_EQ(model, nullptr);
  EXPECT_TRUE(isError(onnxc_model_load(nullptr, &model), ONNXC_INVALID_ARGUMENT,
                      "path is null"));
  EXPECT_TRUE(isError(onnxc_model_load(fixturePath("add").c_str(), nullptr),
                      ONNXC_INVALID_ARGUMENT, "model is null"));
  EXPECT_TRUE(isError(onnxc_model_validate(nullptr), ONNXC_INVALID_ARGUMENT,
                      "path is null"));
}

TEST(ModelLoadTest, RefusesFilesThatCannotBeRead) {
  EXPECT_TRUE(refused("/nonexistent/libmodel.so", ONNXC_IO_ERROR,
                      "/nonexistent/libmodel.so: cannot open: No such file"));
  EXPECT_TRUE(refused(ONNXC_FIXTURE_DIR, ONNXC_IO_ERROR, "not a regular file"));
}

TEST(ModelLoadTest, RefusesFilesThatAreNotElf) {
  std::string empty = tempPath("empty.so");
  writeFile(empty, {});
  EXPECT_TRUE(refused(empty, ONNXC_INVALID_MODEL, "not an elf file (0 bytes)"));
  std::string text = tempPath("text.so");
  std::string words = "this is a text file, not a shared object\n";
  writeFile(text, std::vector<char>(words.begin(), words.end()));
  EXPECT_TRUE(refused(text, ONNXC_INVALID_MODEL, text + ": not an elf file"));
  std::string binary = tempPath("binary.so");
  std::vector<char> bytes(4096);
  for (size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(i * 7919 % 251);
  writeFile(binary, bytes);
  EXPECT_TRUE(refused(binary, ONNXC_INVALID_MODEL, "not an elf file"));
}

TEST(ModelLoadTest, RefusesTruncatedCopies) {
  const std::vector<char> good = readFile(fixturePath("mnist"));
  std::vector<size_t> cuts = {1,   4,    16,   63,   64,   65,
                              200, 1000, 4096, 8192, 12000};
  for (size_t step = 1; step < 16; ++step)
    cuts.push_back(good.size() * step / 16);
  cuts.push_back(good.size() - 64);
  cuts.push_back(good.size() - 1);
  std::string path = tempPath("truncated.so");
  for (size_t cut : cuts) {
    if (cut >= good.size())
      continue;
    writeFile(path, std::vector<char>(good.begin(), good.begin() + cut));
    EXPECT_TRUE(refused(path, ONNXC_INVALID_MODEL, path + ": "))
        << "cut at " << cut << " of " << good.size();
  }
}

std::string systemLibm() {
  void *handle = dlopen("libm.so.6", RTLD_NOW | RTLD_NOLOAD);
  if (!handle)
    handle = dlopen("libm.so.6", RTLD_NOW);
  struct link_map *map = nullptr;
  std::string path;
  if (handle && dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map)
    path = map->l_name;
  return path;
}

TEST(ModelLoadTest, RefusesSharedObjectsThatAreNotModels) {
  std::string libm = systemLibm();
  ASSERT_FALSE(libm.empty()) << "cannot find libm";
  EXPECT_TRUE(refused(libm, ONNXC_INVALID_MODEL,
                      "no .onnxc_sig section: not a model compiled by "
                      "onnx-compile"));
  EXPECT_TRUE(refused(fixturePath("nosig"), ONNXC_INVALID_MODEL,
                      "no .onnxc_sig section"));
}

TEST(ModelLoadTest, RefusesOtherAbiVersionsWithoutRunningCode) {
  unsetenv("ONNXC_FIXTURE_CONSTRUCTOR_RAN");
  EXPECT_TRUE(refused(fixturePath("badabi"), ONNXC_INVALID_MODEL,
                      "signature line 1: abi version 3 is not supported by "
                      "this runtime (it loads versions 1 to 2)"));
  EXPECT_EQ(getenv("ONNXC_FIXTURE_CONSTRUCTOR_RAN"), nullptr)
      << "the file's constructor ran";
}

TEST(ModelLoadTest, RefusesGarbageSignatures) {
  EXPECT_TRUE(refused(fixturePath("garbage"), ONNXC_INVALID_MODEL,
                      "signature line 1: expected 'ONNXC <abi version>'"));
  std::string path = patchedModel("mnist",
                                  mnistSignature("input Input3 f32 4 1 1 28 28",
                                                 "input Input3 f32 4 1 1 28"),
                                  "shortdims");
  EXPECT_TRUE(refused(path, ONNXC_INVALID_MODEL,
                      "signature line 11: input \"Input3\": rank 4 but 3 "
                      "dims"));
  path = patchedModel("mnist", mnistSignature("end\n", ""), "noend");
  EXPECT_TRUE(refused(path, ONNXC_INVALID_MODEL, "no 'end' record"));
}

TEST(ModelLoadTest, RefusesFeaturesThisCpuLacks) {
  // Pick features this CPU really lacks.
  std::vector<std::string> absent;
  for (const char *name :
       {"sse4a", "fma4", "xop", "tbm", "avx512fp16", "amx-fp16", "amx-complex",
        "avx10.2-512", "avxvnniint16", "usermsr", "clzero"})
    if (onnxc_cpu_has_feature(name) == 0)
      absent.push_back(name);
  if (absent.empty())
    GTEST_SKIP() << "this cpu has every candidate feature";
  std::string path = patchedModel(
      "mnist", mnistSignature("features +sse2", "features +sse2,+" + absent[0]),
      "features");
  EXPECT_TRUE(refused(path, ONNXC_CPU_FEATURES_MISSING,
                      "model \"mnist-8\" (compiled for x86-64) needs cpu "
                      "features this cpu lacks: " +
                          absent[0]));
  // Unknown and disabled features are not checked.
  path = patchedModel(
      "mnist",
      mnistSignature("features +sse2",
                     "features +sse2,-" + absent[0] + ",+made-up-tuning"),
      "features2");
  ModelPtr model = loadModel(path);
  EXPECT_TRUE(model);
}

TEST(ModelLoadTest, RefusesUnknownTargets) {
  std::string path =
      patchedModel("mnist", mnistSignature("target cpu", "target tpu"), "tpu");
  EXPECT_TRUE(refused(path, ONNXC_UNSUPPORTED_DEVICE,
                      "model \"mnist-8\" was compiled for unknown target "
                      "\"tpu\""));
}

TEST(ModelLoadTest, RefusesAMissingEntryPoint) {
  onnxc_model *model = nullptr;
  EXPECT_TRUE(isError(tryLoad(fixturePath("noentry"), &model),
                      ONNXC_INVALID_MODEL,
                      "entry point 'onnxc_missing_entry' not found"));
  EXPECT_EQ(model, nullptr);
}

TEST(ModelLoadTest, LoadsARelativePath) {
  char previous[4096];
  ASSERT_NE(getcwd(previous, sizeof(previous)), nullptr);
  ASSERT_EQ(chdir(ONNXC_FIXTURE_DIR), 0);
  onnxc_model *model = nullptr;
  onnxc_status *status = onnxc_model_load("fake_intbool.so", &model);
  ASSERT_EQ(chdir(previous), 0);
  ASSERT_TRUE(isOk(status));
  EXPECT_EQ(onnxc_model_output_count(model), 2u);
  onnxc_model_release(model);
}

TEST(ModelLoadTest, LoadsTheSameFileTwice) {
  ModelPtr first = loadModel(fixturePath("add"));
  ModelPtr second = loadModel(fixturePath("add"));
  ASSERT_TRUE(first && second);
  EXPECT_NE(first.get(), second.get());
  first.reset();
  // The second handle still works after the first is released.
  onnxc_value_info info{};
  EXPECT_TRUE(isOk(onnxc_model_input_info(second.get(), 0, &info)));
  EXPECT_STREQ(info.name, "a");
}

} // namespace

namespace {

// A model using AMX gets the tile state from the kernel when loaded (Linux
// grants it per process on request).
TEST(ModelLoadTest, RequestsAmxStateForAmxModels) {
  if (onnxc_cpu_has_feature("amx-tile") != 1)
    GTEST_SKIP() << "this cpu has no amx";
  std::string path = patchedModel(
      "mnist",
      mnistSignature("features +sse2", "features +sse2,+amx-tile,+amx-int8"),
      "amx");
  ModelPtr model = loadModel(path);
  EXPECT_TRUE(model);
  // ARCH_GET_XCOMP_PERM: the tile data state (bit 18) is now permitted.
  uint64_t permitted = 0;
  ASSERT_EQ(syscall(SYS_arch_prctl, 0x1022, &permitted), 0);
  EXPECT_TRUE(permitted & (uint64_t(1) << 18)) << std::hex << permitted;
}

} // namespace
