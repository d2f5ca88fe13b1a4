//===- NarrowTypes.h - float8/float4 and sub-byte integers ------*- C++ -*-===//
//
// Internal to lib/Conversion/OnnxToLinalg. LLVM has no arithmetic on the
// float8 (f8E4M3FN, f8E4M3FNUZ, f8E5M2, f8E5M2FNUZ, f8E8M0FNU) and float4
// (f4E2M1FN) types: it only stores them, as i8/i4. Conversions to and from
// them are therefore built here from integer bit manipulation, with the
// rounding and saturation of ONNX Cast (round to nearest even; saturate to
// the largest finite value or not; f8E8M0 rounds up by default).
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_LIB_CONVERSION_ONNXTOLINALG_NARROWTYPES_H
#define ONNXC_LIB_CONVERSION_ONNXTOLINALG_NARROWTYPES_H

#include "mlir/IR/Builders.h"

namespace onnxc::lowering {

/// True for the float types LLVM cannot compute in: the float8 and float4
/// types above.
bool isNarrowFloat(mlir::Type type);

/// True for integer types narrower than a byte other than i1 (i4, i2).
bool isSubByteInteger(mlir::Type type);

/// True when a conversion between `from` and `to` needs the helpers here.
bool needsNarrowConversion(mlir::Type from, mlir::Type to);

/// How f8E8M0 rounds the dropped mantissa (ONNX Cast's round_mode).
enum class E8M0Rounding { Up, Down, Nearest };

/// Converts scalar `v` to `to` with ONNX Cast semantics where one side is a
/// narrow float or a sub-byte integer. `saturate` applies to float8 results:
/// values beyond the largest finite value (infinities included) become it
/// instead of infinity or NaN.
mlir::Value convertNarrowScalar(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value v, mlir::Type to, bool fromUnsigned,
                                bool toUnsigned, bool saturate = true,
                                E8M0Rounding rounding = E8M0Rounding::Up);

/// The value of narrow float scalar `v` as f32 (exact).
mlir::Value extendNarrowFloat(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value v);

/// Rounds f32 or f64 scalar `v` to narrow float type `to`.
mlir::Value truncateToNarrowFloat(mlir::OpBuilder &b, mlir::Location loc,
                                  mlir::Value v, mlir::FloatType to,
                                  bool saturate,
                                  E8M0Rounding rounding = E8M0Rounding::Up);

} // namespace onnxc::lowering

#endif // ONNXC_LIB_CONVERSION_ONNXTOLINALG_NARROWTYPES_H
