//===- TensorOpsHelpers.h - shape inference helpers of the tensor ops -*- C++
//-*-===//
//
// Internal to dialects/Onnx/IR: shared by TensorOps.cpp and SamplingOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_IR_TENSOROPSHELPERS_H
#define ONNXC_DIALECT_ONNX_IR_TENSOROPSHELPERS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace onnxc::onnx::tensorops {

constexpr int64_t kDyn = mlir::ShapedType::kDynamic;

/// Static sizes beyond this are refused (they come from malformed models).
constexpr int64_t kMaxDim = int64_t(1) << 40;

/// Sets result `idx` to a tensor of `dims`, after checking that the static
/// ones are sizes: in [0, kMaxDim].
mlir::LogicalResult refineDims(mlir::Operation *op, unsigned idx,
                               llvm::ArrayRef<int64_t> dims,
                               mlir::Type elementType);

/// `v` truncated to a size, or failure (with an error) for values that are
/// not finite sizes.
mlir::FailureOr<int64_t> toSize(mlir::Operation *op, double v);

/// The values of a constant operand of any numeric element type.
std::optional<llvm::SmallVector<double>> getConstantValues(mlir::Value v);

/// A scalar or one-element constant integer operand.
std::optional<int64_t> getConstantScalar(mlir::Value v);

/// Element type of an ONNX TensorProto data type code, or null.
mlir::Type dataTypeFromCode(mlir::MLIRContext *ctx, int64_t code);

/// Fails with "'op' <name> "<value>" is not one of a, b" unless `value` is
/// in `allowed`.
mlir::LogicalResult verifyOneOf(mlir::Operation *op, llvm::StringRef name,
                                llvm::StringRef value,
                                llvm::ArrayRef<llvm::StringRef> allowed);

/// Result 0 gets the shape of `input` with the dims at `axes` replaced by
/// `sizes` (`?` for unknown).
mlir::LogicalResult refineWithDims(mlir::Operation *op, mlir::Value input,
                                   mlir::Type elementType,
                                   llvm::ArrayRef<int64_t> axes,
                                   llvm::ArrayRef<int64_t> sizes);

/// Fails unless `shape` has at least `minRank` dims.
mlir::LogicalResult inferSpatialRank(mlir::Operation *op,
                                     llvm::ArrayRef<int64_t> shape,
                                     int64_t minRank);

} // namespace onnxc::onnx::tensorops

#endif // ONNXC_DIALECT_ONNX_IR_TENSOROPSHELPERS_H
