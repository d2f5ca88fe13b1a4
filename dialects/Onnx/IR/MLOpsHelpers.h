//===- MLOpsHelpers.h - reading the tables of the ML ops --------*- C++ -*-===//
//
// The tree and label tables of the ai.onnx.ml ops are attributes that the
// importer may have stored as dense resources (over 4 KiB): these read both
// forms.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_IR_MLOPSHELPERS_H
#define ONNXC_DIALECT_ONNX_IR_MLOPSHELPERS_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace onnxc::onnx {

/// The elements of a float tensor attribute, or nullopt when it is not a
/// float tensor or its data cannot be read.
std::optional<llvm::SmallVector<double>>
readFloatElements(mlir::ElementsAttr attr);

/// The elements of an integer tensor attribute (unsigned types zero-extended),
/// or nullopt when it is not an integer tensor or its data cannot be read.
std::optional<llvm::SmallVector<int64_t>>
readIntElements(mlir::ElementsAttr attr);

} // namespace onnxc::onnx

#endif // ONNXC_DIALECT_ONNX_IR_MLOPSHELPERS_H
