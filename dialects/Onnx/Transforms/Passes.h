//===- Passes.h - onnx dialect passes ---------------------------*- C++ -*-===//

#ifndef ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_H
#define ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_H

#include "dialects/Onnx/IR/OnnxOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace onnxc::onnx {

#define GEN_PASS_DECL
#include "dialects/Onnx/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dialects/Onnx/Transforms/Passes.h.inc"

/// Folds `op` when all its operands are constants (replacing and erasing it),
/// otherwise refines its result types. Sets `op` to null when it was folded
/// away. Fails, with an error on the op, when its operands are inconsistent.
mlir::LogicalResult foldOrInferShapes(mlir::Operation *&op);

/// Sets the function's result types from the operands of its return.
void updateFunctionResultTypes(mlir::func::FuncOp func);

} // namespace onnxc::onnx

#endif // ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_H
