//===- Passes.td - onnx dialect passes --------------------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_TD
#define ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def OnnxInferShapes : Pass<"onnx-infer-shapes", "::mlir::func::FuncOp"> {
  let summary = "Infer result shapes of onnx ops and fold shape computations";
  let description = [{
    Visits the ops of a function in order, folds ops whose operands are
    constants (Shape of a static tensor, Gather/Concat/Unsqueeze of constant
    shape vectors, ...) and refines every result type from its operands with
    the ops' ShapeInferenceOpInterface. Dimensions that stay unknown are `?`.
    Finally the function's result types are updated from its return.
  }];
  let dependentDialects = ["::onnxc::onnx::OnnxDialect"];
}

#endif // ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_TD
