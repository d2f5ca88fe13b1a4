//===- TensorOpsCommon.h - helpers of the tensor-op lowerings ---*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg: shared by TensorOps.cpp,
// GatherScatter.cpp, Selection.cpp, Resize.cpp, RegionOps.cpp,
// TensorMath.cpp and Signal.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_TENSOROPSCOMMON_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_TENSOROPSCOMMON_H

#include "Common.h"

namespace onnxc::lowering {

mlir::Value cIndex(mlir::OpBuilder &b, mlir::Location loc, int64_t v);

/// `v` clamped into [0, size).
mlir::Value clampIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                       mlir::Value size);

/// `v + size` when `v` is negative (ONNX negative indices), else `v`.
mlir::Value wrapNegative(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                         mlir::Value size);

/// A scalar of any integer or float type as an `index` (floats truncate).
mlir::Value scalarToIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                          bool isUnsigned);

/// Element 0 of a tensor that holds one element (rank 0 or all dims 1).
mlir::Value extractFirst(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value tensor);

/// The size of dim `dim` of `tensor` as an `index` value.
mlir::Value dimValue(mlir::OpBuilder &b, mlir::Location loc, mlir::Value tensor,
                     int64_t dim);

/// A linalg.generic over `type` (dims `dims`) with `inputs` read through
/// `maps`; `body` gets the output indices and the input scalars and returns
/// the output element.
mlir::Value buildIndexedGeneric(
    mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType type,
    llvm::ArrayRef<mlir::OpFoldResult> dims, mlir::ValueRange inputs,
    llvm::ArrayRef<mlir::AffineMap> maps,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange, mlir::ValueRange)>
        body);

/// A fresh tensor holding a copy of `tensor` (bufferization.alloc_tensor), so
/// that in-place updates never write into an input.
mlir::Value copyTensor(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value tensor);

/// Loops (scf.for, step 1) from 0 to each of `ubs` carrying `iterArgs`;
/// their results (the body's, when `ubs` is empty).
llvm::SmallVector<mlir::Value> buildLoops(
    mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange ubs,
    mlir::ValueRange iterArgs,
    llvm::function_ref<llvm::SmallVector<mlir::Value>(
        mlir::OpBuilder &, mlir::Location, mlir::ValueRange, mlir::ValueRange)>
        body);

/// True for f16, bf16, f32 and f64.
bool isSupportedFloat(mlir::Type type);

void populateTensorGatherScatterPatterns(const mlir::TypeConverter &converter,
                                         mlir::RewritePatternSet &patterns);
void populateTensorSelectionPatterns(const mlir::TypeConverter &converter,
                                     mlir::RewritePatternSet &patterns);
void populateTensorResizePatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateTensorRegionPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateTensorSignalPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateTensorMathPatterns(const mlir::TypeConverter &converter,
                                mlir::RewritePatternSet &patterns);

} // namespace onnxc::lowering

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_TENSOROPSCOMMON_H
