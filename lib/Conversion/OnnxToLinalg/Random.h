//===- Random.h - uniform random numbers for the random ops -----*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg. The random ops (RandomUniformLike,
// Bernoulli, Dropout in training mode) draw from a counter-based generator: a
// splitmix64 hash of a 64-bit seed and the element's linear position. It
// needs no state at run time, so results are the same in every run and from
// every thread, and a build is reproducible.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_RANDOM_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_RANDOM_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"

#include <optional>

namespace onnxc::lowering {

/// The 64-bit seed of `op`: the bits of its `seed` attribute when it has one,
/// else a hash of its location (the ONNX node name), so that two random
/// nodes of a model draw different values.
uint64_t getRandomSeed(mlir::Operation *op,
                       std::optional<double> seedAttribute);

/// A uniform random value in [0, 1) of float type `type` for the element at
/// `indices` of a tensor with dims `dims` (one entry each), drawn from
/// `seed`. Call it inside a linalg.generic body.
mlir::Value buildUniform01(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::ValueRange indices,
                           llvm::ArrayRef<mlir::OpFoldResult> dims,
                           uint64_t seed, mlir::Type type);

} // namespace onnxc::lowering

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_RANDOM_H
