//===- OnnxTypes.td - sequence and optional types ---------*- tablegen -*-===//
//
// ONNX's non-tensor values: `!onnx.seq<T>` is a sequence of tensors of type
// T (every element has T's element type; a ranked T also fixes the rank and
// the static dims of every element), `!onnx.opt<T>` is a tensor or sequence
// T that may be absent.
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXTYPES_TD
#define ONNXC_DIALECT_ONNX_ONNXTYPES_TD

include "OnnxDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypes.td"

class Onnx_Type<string name, string typeMnemonic>
    : TypeDef<Onnx_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Onnx_SeqType : Onnx_Type<"Seq", "seq"> {
  let summary = "a sequence of tensors";
  let description = [{
    `!onnx.seq<tensor<?x3xf32>>`: a sequence whose elements are tensors of
    that type. The number of elements is only known at run time.
  }];
  let parameters = (ins "::mlir::TensorType":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Onnx_OptType : Onnx_Type<"Opt", "opt"> {
  let summary = "an optional tensor or sequence";
  let description = [{
    `!onnx.opt<tensor<4xf32>>` or `!onnx.opt<!onnx.seq<tensor<*xf32>>>`: a
    value of the wrapped type, or no value.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
}

def Onnx_Seq : Type<CPred<"::mlir::isa<::onnxc::onnx::SeqType>($_self)">,
                    "sequence", "::onnxc::onnx::SeqType">;
def Onnx_Opt : Type<CPred<"::mlir::isa<::onnxc::onnx::OptType>($_self)">,
                    "optional", "::onnxc::onnx::OptType">;

#endif // ONNXC_DIALECT_ONNX_ONNXTYPES_TD
