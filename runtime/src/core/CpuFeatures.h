//===- CpuFeatures.h - Host CPU feature detection --------------*- C++ -*-===//
//
// Maps LLVM x86 target feature names ("avx2", "avx512f", "fma") to cpuid
// bits and the OS support (XCR0) they need, so that a model compiled for
// features this CPU lacks is refused before it runs an illegal instruction.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_RUNTIME_CORE_CPUFEATURES_H
#define ONNXC_RUNTIME_CORE_CPUFEATURES_H

#include <string>
#include <string_view>
#include <vector>

namespace onnxc {

/// 1 if the host supports the feature (a leading '+' is ignored), 0 if not,
/// -1 if the name is not one the runtime knows.
int hostHasFeature(std::string_view name) noexcept;

/// Answers the same question as hostHasFeature; tests substitute their own.
using FeatureOracle = int (*)(std::string_view name, void *context);

/// The oracle that asks the host CPU.
int hostFeatureOracle(std::string_view name, void *context);

/// The `+feature` entries of `features` that the oracle reports absent
/// (names without the '+'). Unknown features and `-feature` entries are not
/// checked.
std::vector<std::string>
missingFeatures(const std::vector<std::string> &features, FeatureOracle oracle,
                void *context);

} // namespace onnxc

#endif // ONNXC_RUNTIME_CORE_CPUFEATURES_H
