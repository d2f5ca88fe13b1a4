//===- QuantUtils.h - helpers of the quantization lowerings -----*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg (QuantOps.cpp, QuantConv.cpp).
// Scales and zero points are tensors read inside linalg.generic bodies
// through an indexing map: a constant map for one value, (d...) -> (d_k) for
// one value per index of dim k, or a blocked map.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_QUANTUTILS_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_QUANTUTILS_H

#include "Common.h"

namespace onnxc::lowering {

/// A scale or zero point (a converted tensor) and how an element of the
/// iteration space reads it.
struct QuantParam {
  mlir::Value value;
  mlir::AffineMap map;
  bool isUnsigned = false; // ONNX signedness of an integer zero point
  explicit operator bool() const { return static_cast<bool>(value); }
};

/// True when `type` holds exactly one element (rank 0 or all dims 1).
bool isSingleElement(mlir::RankedTensorType type);

/// Reads `param` (of ONNX value `onnxParam`) for an iteration space of rank
/// `rank`: one value, or one per index of dim `dim` when it is 1-D with
/// several elements. Reports on `op` and fails for other shapes and for a
/// 1-D parameter whose static size differs from `dimSize`.
mlir::FailureOr<QuantParam>
getScalarOrPerDimParam(mlir::Operation *op, llvm::StringRef name,
                       mlir::Value onnxParam, mlir::Value param, int64_t rank,
                       int64_t dim, int64_t dimSize);

/// The smallest and largest value of integer type `type` (ONNX signedness
/// `isUnsigned`).
std::pair<double, double> getIntegerRange(mlir::Type type, bool isUnsigned);

/// `x` (an integer tensor, ONNX signedness `xUnsigned`) minus the zero point
/// `zp` (when given) as an i32 tensor of x's shape.
mlir::Value subtractZeroPoint(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value x, bool xUnsigned, QuantParam zp);

/// Requantizes i32 `acc` into `resultType` (an 8-bit integer type of ONNX
/// signedness `resultUnsigned`): round(acc * (xScale * wScale / yScale)) +
/// yZeroPoint, saturated. The multiplier is rounded to the scales' type at
/// each step (as the ONNX reference computes it); the product is computed
/// in f32 and rounded half to even.
mlir::Value requantize(mlir::OpBuilder &b, mlir::Location loc, mlir::Value acc,
                       mlir::RankedTensorType resultType, bool resultUnsigned,
                       QuantParam xScale, QuantParam wScale, QuantParam yScale,
                       QuantParam yZeroPoint);

/// ConvInteger and QLinearConv (QuantConv.cpp).
void populateQuantConvPatterns(const mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);

} // namespace onnxc::lowering

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_QUANTUTILS_H
