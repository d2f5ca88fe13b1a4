//===- OnnxBase.td - base classes of onnx ops -------------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXBASE_TD
#define ONNXC_DIALECT_ONNX_ONNXBASE_TD

include "OnnxDialect.td"
include "OnnxInterfaces.td"
include "OnnxTypes.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Signless 64-bit integer attributes read as int64_t (ONNX ints are signed;
// the upstream I64Attr reads them as uint64_t).
def Onnx_I64Attr : SignlessIntegerAttrBase<I64, "64-bit integer attribute"> {
  let returnType = "int64_t";
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

def Onnx_Tensor : AnyTypeOf<[AnyTensor], "tensor">;
def Onnx_TensorOrNone : AnyTypeOf<[AnyTensor, NoneType], "tensor or none">;
// Any ONNX value: a tensor, a sequence or an optional.
def Onnx_Value : AnyTypeOf<[AnyTensor, Onnx_Seq, Onnx_Opt], "tensor, sequence or optional">;
def Onnx_ValueOrNone : AnyTypeOf<[AnyTensor, Onnx_Seq, Onnx_Opt, NoneType],
                                 "tensor, sequence, optional or none">;

// Every onnx op infers its result shapes; most are pure.
class Onnx_Op<string mnemonic, list<Trait> traits = []>
    : Op<Onnx_Dialect, mnemonic,
         !listconcat([Pure, DeclareOpInterfaceMethods<Onnx_ShapeInferenceOpInterface>],
                     traits)>;

// Element-wise with numpy broadcasting; the result element type is that of the
// first operand, or i1 for comparisons.
class Onnx_BinaryOp<string mnemonic, bit isCompare = 0, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B);
  let results = (outs Onnx_Tensor:$C);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferBroadcastOp(getOperation(), }] #
      !if(isCompare, "/*boolResult=*/true", "/*boolResult=*/false") # [{);
    }
  }];
}

class Onnx_UnaryOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let arguments = (ins Onnx_Tensor:$X);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "$X attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}

class Onnx_UnaryOpWithAttrs<string mnemonic, dag attrs, list<Trait> traits = []>
    : Onnx_UnaryOp<mnemonic, traits> {
  let arguments = !con((ins Onnx_Tensor:$X), attrs);
}

class Onnx_VariadicOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let arguments = (ins Variadic<Onnx_Tensor>:$inputs);
  let results = (outs Onnx_Tensor:$result);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferBroadcastOp(getOperation(), false);
    }
    ::llvm::LogicalResult $cppClass::verify() {
      if (getInputs().empty())
        return emitOpError("needs at least one input");
      return ::llvm::success();
    }
  }];
}

// Reductions over `axes` (an input since opset 13/18; older forms normalized).
class Onnx_ReduceOp<string mnemonic> : Onnx_Op<mnemonic> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_TensorOrNone:$axes,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$keepdims,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs Onnx_Tensor:$reduced);
  let assemblyFormat = "$data `,` $axes attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferReduceOp(getOperation());
    }
  }];
}

#endif // ONNXC_DIALECT_ONNX_ONNXBASE_TD
