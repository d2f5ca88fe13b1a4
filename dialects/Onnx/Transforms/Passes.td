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

def OnnxFoldQDQ : Pass<"onnx-fold-qdq", "::mlir::func::FuncOp"> {
  let summary = "Fold DequantizeLinear -> op -> QuantizeLinear chains into "
                "integer ops";
  let description = [{
    Q(Conv(DQ, DQ, DQ(i32 bias))) becomes QLinearConv and Q(MatMul(DQ, DQ))
    QLinearMatMul, with the chain's scales and zero points (per tensor; the
    weight's per output channel or column). Reshape, Transpose, Flatten,
    Squeeze and Unsqueeze between a DQ and a Q of the same parameters, and
    such DQ -> Q pairs, move the quantized values directly (exact). The
    integer ops requantize once from an exact i32 accumulator: a result can
    differ by one quantization step from the float chain near a tie.
  }];
  let dependentDialects = ["::onnxc::onnx::OnnxDialect"];
}

#endif // ONNXC_DIALECT_ONNX_TRANSFORMS_PASSES_TD
