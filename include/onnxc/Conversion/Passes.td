//===- Passes.td - conversion passes ----------------------*- tablegen -*-===//

#ifndef ONNXC_CONVERSION_PASSES_TD
#define ONNXC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertOnnxToLinalg : Pass<"convert-onnx-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower onnx ops to linalg, tensor, arith and math";
  let description = [{
    Lowers every onnx op to linalg named ops and linalg.generic on tensors,
    tensor ops for data movement, scf.if for onnx.If, and arith/math for the
    scalar computations. Unsigned ONNX element types become signless integers
    (the unsigned semantics are chosen by the patterns). Dimensions only known
    at run time stay dynamic (tensor.dim). An op that cannot be lowered is an
    error naming the ONNX node.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect", "::mlir::memref::MemRefDialect",
    "::mlir::LLVM::LLVMDialect"
  ];
}

#endif // ONNXC_CONVERSION_PASSES_TD
