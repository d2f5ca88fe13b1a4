//===- OnnxInterfaces.td - onnx dialect interfaces --------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXINTERFACES_TD
#define ONNXC_DIALECT_ONNX_ONNXINTERFACES_TD

include "mlir/IR/OpBase.td"

def Onnx_ShapeInferenceOpInterface : OpInterface<"ShapeInferenceOpInterface"> {
  let cppNamespace = "::onnxc::onnx";
  let description = [{
    Computes the result types of an op from its operand types, its attributes
    and the values of constant operands. Results keep `?` for dimensions that
    are only known at run time. Emits an error on the op (which names the
    ONNX node) when the operands are inconsistent.
  }];
  let methods = [
    InterfaceMethod<"Refine the result types from the operands.",
                    "::llvm::LogicalResult", "inferShapes">,
  ];
}

#endif // ONNXC_DIALECT_ONNX_ONNXINTERFACES_TD
