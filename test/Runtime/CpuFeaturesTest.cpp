//===- CpuFeaturesTest.cpp - Host CPU feature detection -------------------===//

#include "onnxc/runtime.h"

#include "core/CpuFeatures.h"

#include <gtest/gtest.h>

namespace {

TEST(CpuFeaturesTest, BaselineFeaturesArePresent) {
  for (const char *name :
       {"sse", "sse2", "64bit", "cx8", "cmov", "fxsr", "+sse2", "x87"})
    EXPECT_EQ(onnxc_cpu_has_feature(name), 1) << name;
}

TEST(CpuFeaturesTest, UnknownFeaturesAreReported) {
  EXPECT_EQ(onnxc_cpu_has_feature("made-up-feature"), -1);
  EXPECT_EQ(onnxc_cpu_has_feature("fast-gather"), -1);
  EXPECT_EQ(onnxc_cpu_has_feature(""), -1);
  EXPECT_EQ(onnxc_cpu_has_feature(nullptr), -1);
  EXPECT_EQ(onnxc_cpu_has_feature("avx10.x"), -1);
}

// The cpuid table agrees with the compiler's own detection.
TEST(CpuFeaturesTest, AgreesWithBuiltinCpuSupports) {
  __builtin_cpu_init();
  struct {
    const char *name;
    bool present;
  } checks[] = {
      {"sse3", __builtin_cpu_supports("sse3") != 0},
      {"ssse3", __builtin_cpu_supports("ssse3") != 0},
      {"sse4.1", __builtin_cpu_supports("sse4.1") != 0},
      {"sse4.2", __builtin_cpu_supports("sse4.2") != 0},
      {"popcnt", __builtin_cpu_supports("popcnt") != 0},
      {"avx", __builtin_cpu_supports("avx") != 0},
      {"avx2", __builtin_cpu_supports("avx2") != 0},
      {"fma", __builtin_cpu_supports("fma") != 0},
      {"bmi", __builtin_cpu_supports("bmi") != 0},
      {"bmi2", __builtin_cpu_supports("bmi2") != 0},
      {"avx512f", __builtin_cpu_supports("avx512f") != 0},
      {"avx512bw", __builtin_cpu_supports("avx512bw") != 0},
      {"avx512vl", __builtin_cpu_supports("avx512vl") != 0},
      {"avx512dq", __builtin_cpu_supports("avx512dq") != 0},
      {"avx512cd", __builtin_cpu_supports("avx512cd") != 0},
      {"avx512vnni", __builtin_cpu_supports("avx512vnni") != 0},
  };
  for (const auto &check : checks)
    EXPECT_EQ(onnxc_cpu_has_feature(check.name), check.present ? 1 : 0)
        << check.name;
}

TEST(CpuFeaturesTest, MissingFeaturesAsksTheOracle) {
  std::vector<std::string> features = {"+sse2", "+avx512fp16", "-avx2",
                                       "+unknown", "+amx-tile"};
  auto oracle = [](std::string_view name, void *context) {
    ++*static_cast<int *>(context);
    if (name == "sse2")
      return 1;
    if (name == "unknown")
      return -1;
    return 0;
  };
  int calls = 0;
  std::vector<std::string> missing =
      onnxc::missingFeatures(features, oracle, &calls);
  EXPECT_EQ(missing, (std::vector<std::string>{"avx512fp16", "amx-tile"}));
  EXPECT_EQ(calls, 4); // "-avx2" is not asked about
}

} // namespace
