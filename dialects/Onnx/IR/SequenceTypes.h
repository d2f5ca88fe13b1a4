//===- SequenceTypes.h - helpers for !onnx.seq and !onnx.opt ----*- C++ -*-===//

#ifndef ONNXC_DIALECT_ONNX_IR_SEQUENCETYPES_H
#define ONNXC_DIALECT_ONNX_IR_SEQUENCETYPES_H

#include "dialects/Onnx/IR/OnnxOps.h"

namespace onnxc::onnx {

/// The join of two value types of the same kind (tensor, sequence, optional)
/// and element type: dims that differ become dynamic, ranks that differ
/// unranked. Null when the kinds or element types differ.
mlir::Type joinValueTypes(mlir::Type a, mlir::Type b);

/// Like joinValueTypes, but an optional joined with a value of its wrapped
/// kind is that optional (a Loop may carry an optional sequence whose body
/// yields a sequence: the value is the same at run time).
mlir::Type joinCarriedTypes(mlir::Type a, mlir::Type b);

/// Whether `type` is a sequence or an optional (a value the runtime passes
/// by pointer).
inline bool isSequenceOrOptional(mlir::Type type) {
  return mlir::isa<SeqType, OptType>(type);
}

} // namespace onnxc::onnx

#endif // ONNXC_DIALECT_ONNX_IR_SEQUENCETYPES_H
