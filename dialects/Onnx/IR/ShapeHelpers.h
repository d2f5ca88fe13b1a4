//===- ShapeHelpers.h - shape inference building blocks ---------*- C++ -*-===//
//
// Shared pieces of the onnx ops' shape inference. Dimensions use
// mlir::ShapedType::kDynamic for `?`. Errors are emitted on the op, whose
// location names the ONNX node.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_IR_SHAPEHELPERS_H
#define ONNXC_DIALECT_ONNX_IR_SHAPEHELPERS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace onnxc::onnx {

/// The shape of a ranked tensor value, or nullopt when unranked or none.
std::optional<llvm::SmallVector<int64_t>> getRankedShape(mlir::Value v);

/// The element type of a tensor value.
mlir::Type getElementType(mlir::Value v);

/// True when `v` is produced by onnx.NoValue.
bool isNoValue(mlir::Value v);

/// The integer contents of a constant operand (any integer element type), or
/// nullopt when it is not a constant.
std::optional<llvm::SmallVector<int64_t>> getConstantInts(mlir::Value v);

/// The largest rank shape inference derives from the length of a shape
/// operand (Reshape, Expand, ConstantOfShape): a shape of 2^40 values must not
/// become a rank (lib/Importer refuses larger tensors too).
constexpr int64_t kMaxInferredRank = 64;

/// Fails with an error on `op` when its 1-D shape operand of `length` values
/// would give a rank above kMaxInferredRank.
mlir::LogicalResult checkShapeLength(mlir::Operation *op, int64_t length);

/// Sets the type of `result` to `type` when that refines it. Returns failure
/// (with an error on the op) when the two are incompatible.
mlir::LogicalResult refineResultType(mlir::Operation *op, unsigned idx,
                                     mlir::Type type);

/// A ranked tensor type, or an unranked one when `shape` is nullopt.
mlir::TensorType makeTensorType(std::optional<llvm::ArrayRef<int64_t>> shape,
                                mlir::Type elementType);

/// Numpy broadcasting of two shapes; fails on static dims that differ and are
/// not 1. `?` against `n > 1` gives `n`; `?` against `?` or 1 gives `?`.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(mlir::Operation *op, llvm::ArrayRef<int64_t> a,
                llvm::ArrayRef<int64_t> b);

/// Normalizes `axis` into [0, rank); emits an error naming `what` when out of
/// range.
mlir::FailureOr<int64_t> normalizeAxis(mlir::Operation *op, int64_t axis,
                                       int64_t rank, llvm::StringRef what);

/// Fails with "input must have rank >= 1" when `input` is a ranked scalar:
/// for ops whose axis range [-r, r-1] is empty at rank 0 (normalizeAxis takes
/// axis 0 and -1 of a scalar, for the ops that treat it as a 1-element list).
mlir::LogicalResult verifyNotScalar(mlir::Operation *op, mlir::Value input);
/// Fails with "<name> must be 1-D" when `v` is ranked with another rank (a
/// list operand: Slice starts, Compress condition...); none passes.
mlir::LogicalResult verifyOneDim(mlir::Operation *op, mlir::Value v,
                                 llvm::StringRef name);
mlir::LogicalResult verifyAxis(mlir::Operation *op, mlir::Value input,
                               int64_t axis);

/// Result 0 gets the broadcast shape of all operands; the element type is the
/// first operand's, or i1.
mlir::LogicalResult inferBroadcastOp(mlir::Operation *op, bool boolResult);

/// Result 0 gets operand 0's shape, with `elementType` when given.
mlir::LogicalResult inferSameShapeOp(mlir::Operation *op,
                                     mlir::Type elementType = {});

mlir::LogicalResult inferReduceOp(mlir::Operation *op);
mlir::LogicalResult inferArgOp(mlir::Operation *op, int64_t axis,
                               int64_t keepdims);

/// Spatial output size of a window op (Conv, pools) for one dimension.
/// Returns kDynamic when `in` is dynamic.
int64_t windowOutputSize(int64_t in, int64_t kernel, int64_t stride,
                         int64_t dilation, int64_t padBegin, int64_t padEnd,
                         bool ceilMode);

/// Resolved window attributes of Conv/ConvTranspose/pools for `spatialRank`
/// spatial dims: defaults filled in and auto_pad turned into explicit pads
/// (which needs static input sizes for SAME_*).
struct WindowParams {
  llvm::SmallVector<int64_t> kernel, strides, dilations, padsBegin, padsEnd;
};
mlir::FailureOr<WindowParams>
resolveWindow(mlir::Operation *op, llvm::ArrayRef<int64_t> inputShape,
              llvm::ArrayRef<int64_t> kernelFromWeights,
              llvm::StringRef autoPad, llvm::ArrayRef<int64_t> kernelShape,
              llvm::ArrayRef<int64_t> strides, llvm::ArrayRef<int64_t> dilations,
              llvm::ArrayRef<int64_t> pads, bool ceilMode = false);

} // namespace onnxc::onnx

#endif // ONNXC_DIALECT_ONNX_IR_SHAPEHELPERS_H
