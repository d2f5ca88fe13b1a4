//===- NNExtraCommon.h - helpers of the NN-extra lowerings ------*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg: shared by the lowerings of the
// losses, attention, recurrent, normalization and loop ops.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_NNEXTRACOMMON_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_NNEXTRACOMMON_H

#include "Common.h"

// The helpers live in their own namespace: other lowering files define
// file-local helpers of the same names in onnxc::lowering.

namespace onnxc::lowering::nnx {

/// f16, bf16, f32 or f64.
bool isSupportedFloatType(mlir::Type type);

/// True when `v` is a ranked tensor of a supported float type.
bool isFloatTensor(mlir::Value v);

/// True when `v` is an absent optional operand.
inline bool isNone(mlir::Value v) {
  return llvm::isa<mlir::NoneType>(v.getType());
}

/// Float-to-float conversion of a scalar (identity when the types agree).
mlir::Value toFloat(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                    mlir::Type type);

/// `v` (of a wide float type) rounded to `storage` and widened back, to
/// reproduce the rounding of a computation done in `storage`; `v` itself
/// when `storage` is not narrower.
mlir::Value roundThrough(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                         mlir::Type storage);

/// A linalg.generic with `inits` as outputs; `body` gets the block arguments
/// (inputs, then outputs) and returns one value per output.
llvm::SmallVector<mlir::Value>
buildGeneric(mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange inputs,
             mlir::ValueRange inits, llvm::ArrayRef<mlir::AffineMap> maps,
             llvm::ArrayRef<mlir::utils::IteratorType> iterators,
             llvm::function_ref<llvm::SmallVector<mlir::Value>(
                 mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>
                 body);

/// The indices of the current iteration (linalg.index for dims 0..rank-1).
llvm::SmallVector<mlir::Value>
getIterationIndices(mlir::OpBuilder &b, mlir::Location loc, int64_t rank);

/// An index value clamped into [0, size - 1].
mlir::Value clampIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value idx,
                       mlir::Value size);

/// The logistic sigmoid 1 / (1 + exp(-x)).
mlir::Value createSigmoid(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value x);

/// tensor.extract_slice of `source` with unit strides; `sizes` give the
/// slice's sizes (dropped dims are those set in `dropDims`).
mlir::Value extractSlice(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value source,
                         llvm::ArrayRef<mlir::OpFoldResult> offsets,
                         llvm::ArrayRef<mlir::OpFoldResult> sizes,
                         llvm::ArrayRef<bool> dropDims = {});

/// tensor.insert_slice of `source` (whose rank may be lower: the missing
/// dims are those of size 1 in `sizes`) into `dest`.
mlir::Value insertSlice(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value source, mlir::Value dest,
                        llvm::ArrayRef<mlir::OpFoldResult> offsets,
                        llvm::ArrayRef<mlir::OpFoldResult> sizes);

/// Concatenation of `a` and `b` along `axis` (tensor.empty + two
/// insert_slices).
mlir::Value concatAlong(mlir::OpBuilder &b, mlir::Location loc, mlir::Value a,
                        mlir::Value c, int64_t axis);

/// The pattern sets of the other NN-extra files, added by
/// populateOnnxToLinalgNNExtraPatterns.
void populateAttentionPatterns(const mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
void populateRecurrentPatterns(const mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
void populateLoopPatterns(const mlir::TypeConverter &converter,
                          mlir::RewritePatternSet &patterns);
void populateOptimizerPatterns(const mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);

} // namespace onnxc::lowering::nnx

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_NNEXTRACOMMON_H
