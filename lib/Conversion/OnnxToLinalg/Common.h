//===- Common.h - shared helpers of the onnx to linalg patterns -*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_COMMON_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_COMMON_H

#include "dialects/Onnx/IR/OnnxOps.h"
#include "onnxc/Conversion/OnnxToLinalg/OnnxToLinalg.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"

namespace onnxc::lowering {

/// Emits "cannot lower: <reason>" on `op` (its location names the ONNX node)
/// once, marks the op as reported, and returns failure. Use it for
/// configurations the lowering does not support; the pass fails afterwards.
llvm::LogicalResult reportUnsupported(mlir::Operation *op,
                                      const llvm::Twine &reason);

/// True when reportUnsupported was called for `op`.
bool wasReported(mlir::Operation *op);

/// Forgets the ops reported on this thread. A conversion calls it before it
/// starts: an op of an earlier module (another -split-input-file chunk, in a
/// context since destroyed) can share the address of an op of this one.
void resetReported();

/// The converted (signless, ranked) type of result `idx` of `op`, or null
/// when it is not a ranked tensor.
mlir::RankedTensorType getConvertedResultType(const mlir::TypeConverter *tc,
                                              mlir::Operation *op,
                                              unsigned idx = 0);

/// True when the ONNX element type of `v` is an unsigned integer.
bool isUnsignedElement(mlir::Value onnxValue);

/// The size of dimension `dim` of `tensor` as an OpFoldResult (an index
/// attribute when static, a tensor.dim otherwise).
mlir::OpFoldResult getDim(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value tensor, int64_t dim);
llvm::SmallVector<mlir::OpFoldResult> getDims(mlir::OpBuilder &b,
                                              mlir::Location loc,
                                              mlir::Value tensor);

/// tensor.empty of `type`; `dims` holds one entry per dimension (only the
/// dynamic ones are used).
mlir::Value createEmpty(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::RankedTensorType type,
                        llvm::ArrayRef<mlir::OpFoldResult> dims);

/// tensor.empty + linalg.fill with `value`.
mlir::Value createFilled(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::RankedTensorType type,
                         llvm::ArrayRef<mlir::OpFoldResult> dims,
                         mlir::Value value);

/// Result dims of numpy broadcasting of `operands` (converted tensors) into
/// `resultType`: static dims from the type, dynamic ones from the first
/// operand whose aligned dim is not a static 1.
llvm::SmallVector<mlir::OpFoldResult>
getBroadcastDims(mlir::OpBuilder &b, mlir::Location loc,
                 mlir::ValueRange operands, mlir::RankedTensorType resultType);

/// The indexing map of an operand of type `operandType` broadcast (numpy
/// rules, aligned at the right) into an iteration space of rank `outRank`:
/// static size-1 dims that the result does not have as 1 read index 0.
mlir::AffineMap getBroadcastMap(mlir::MLIRContext *ctx,
                                mlir::RankedTensorType operandType,
                                mlir::RankedTensorType resultType);

/// True when `operandType` can be broadcast (numpy rules, aligned at the
/// right) into `resultType` as far as static sizes tell: its rank is not
/// larger and each static dim is 1 or matches a dynamic or equal result dim.
/// Check it before using getBroadcastMap on shapes nothing has verified.
bool isBroadcastableTo(mlir::RankedTensorType operandType,
                       mlir::RankedTensorType resultType);

/// A scalar arith.constant of `type` (float, integer or index) holding `v`.
mlir::Value createScalar(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type type, double v);

/// Converts scalar `v` from element type `from` to `to` with ONNX Cast
/// semantics; `fromUnsigned`/`toUnsigned` give the ONNX signedness of
/// integer types (the values themselves are signless).
mlir::Value convertScalar(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value v, mlir::Type to, bool fromUnsigned,
                          bool toUnsigned);

/// An element-wise linalg.generic over `resultType` whose inputs are
/// broadcast with getBroadcastMap; `body` gets the scalar arguments and
/// returns the scalar result.
mlir::Value buildElementwise(
    mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType resultType,
    mlir::ValueRange inputs,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>
        body);

/// The values of a constant integer operand (through onnx.Constant or an
/// arith.constant after conversion).
std::optional<llvm::SmallVector<int64_t>> getConstantIntValues(mlir::Value v);

/// The index (as `index` type) held by element `i` of a 1-D integer tensor
/// that is only known at run time.
mlir::Value extractIndex(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value tensor, int64_t i);


/// The map (d0, ..., dn) -> (the di not set in `reduced`), from the iteration
/// space of a reduction over a tensor of rank reduced.size() to its result.
mlir::AffineMap getReducedMap(mlir::MLIRContext *ctx,
                              llvm::ArrayRef<bool> reduced);

/// A linalg.generic that reduces `input` over the dims set in `reduced` into a
/// tensor of the remaining dims (in order, dynamic sizes from `input`) filled
/// with `init` first; its element type is that of `init`. `extraInputs` are
/// tensors of the result's shape read at the accumulator's position. `body`
/// gets (input element, extra elements..., accumulator) and returns the new
/// accumulator.
mlir::Value buildReduction(
    mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
    llvm::ArrayRef<bool> reduced, mlir::Value init,
    mlir::ValueRange extraInputs,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>
        body);

/// `value`, a reduction result without the reduced dims, with the dims set in
/// `reduced` put back as size 1 (tensor.expand_shape; keepdims=1).
mlir::Value expandReducedDims(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value value, llvm::ArrayRef<bool> reduced);

/// Index arithmetic on OpFoldResults: static operands give an index
/// attribute, dynamic ones arith ops on `index` values.
mlir::OpFoldResult addIndex(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::OpFoldResult lhs, mlir::OpFoldResult rhs);
mlir::OpFoldResult subIndex(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::OpFoldResult lhs, mlir::OpFoldResult rhs);
mlir::OpFoldResult mulIndex(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::OpFoldResult lhs, mlir::OpFoldResult rhs);
/// Rounds towards negative infinity.
mlir::OpFoldResult floorDivIndex(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::OpFoldResult lhs,
                                 mlir::OpFoldResult rhs);

/// tensor.pad of `tensor` with the scalar `value`; `low` and `high` hold one
/// entry per dimension. Returns `tensor` itself when no pad is needed.
mlir::Value padTensor(mlir::OpBuilder &b, mlir::Location loc,
                      mlir::Value tensor,
                      llvm::ArrayRef<mlir::OpFoldResult> low,
                      llvm::ArrayRef<mlir::OpFoldResult> high,
                      mlir::Value value);

/// tensor.expand_shape of `tensor` into `resultType` with `outputShape` (one
/// entry per result dim). A reassociation group with more than one dynamic
/// dim becomes a tensor.reshape instead: LLVM 22's expand-strided-metadata
/// crashes on such memref.expand_shapes (llvm-project#186830).
mlir::Value
expandShape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value tensor,
            mlir::RankedTensorType resultType,
            llvm::ArrayRef<mlir::ReassociationIndices> reassociation,
            llvm::ArrayRef<mlir::OpFoldResult> outputShape);

/// `tensor` (accumulated in a wider float type, see getComputeType) with its
/// elements truncated to the element type of `type`; `tensor` itself when
/// the element types agree.
mlir::Value truncateToType(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value tensor, mlir::RankedTensorType type);

/// `v` as a value of tensor type `type`: itself, or a tensor.cast when the
/// two differ only in static sizes.
mlir::Value castTo(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                   mlir::Type type);

/// The type float math on `type` is computed in: f32 for f16/bf16, `type`
/// otherwise.
mlir::Type getComputeType(mlir::Type type);

/// `type` as printed, for diagnostics.
std::string typeToString(mlir::Type type);

/// NaN-propagating maximum/minimum of two scalars: arith.maximumf/minimumf
/// for floats, signed or unsigned integer max/min otherwise.
mlir::Value createMax(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                      mlir::Value y, bool isUnsigned);
mlir::Value createMin(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                      mlir::Value y, bool isUnsigned);

} // namespace onnxc::lowering

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_COMMON_H
