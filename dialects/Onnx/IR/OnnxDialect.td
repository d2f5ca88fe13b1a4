//===- OnnxDialect.td - The onnx dialect ------------------*- tablegen -*-===//
//
// One op per ONNX operator, in the form of the newest opset the importer
// normalizes to. Absent optional inputs are `none` values from onnx.NoValue.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXDIALECT_TD
#define ONNXC_DIALECT_ONNX_ONNXDIALECT_TD

include "mlir/IR/OpBase.td"

def Onnx_Dialect : Dialect {
  let name = "onnx";
  let cppNamespace = "::onnxc::onnx";
  let summary = "ONNX operators, one op per ONNX operator";
  let description = [{
    The `onnx` dialect is the import form of an ONNX graph. Each op mirrors one
    ONNX operator in its newest supported opset form; older forms are
    normalized by the importer (attributes that later became inputs become
    constant inputs). Tensor types carry the ONNX element type: signless
    integers for signed ONNX types, `ui*` for unsigned ones, `i1` for bool.
    Dimensions that are only known at run time are `?`. Sequences and
    optionals have their own types, `!onnx.seq<T>` and `!onnx.opt<T>`.
  }];
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Registers !onnx.seq and !onnx.opt (SequenceOps.cpp).
    void registerTypes();
  }];
  let useDefaultAttributePrinterParser = 0;
  let useDefaultTypePrinterParser = 1;
}

#endif // ONNXC_DIALECT_ONNX_ONNXDIALECT_TD
