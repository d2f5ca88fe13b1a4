//===- OnnxElementwiseOps.td - element-wise onnx ops ------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXELEMENTWISEOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXELEMENTWISEOPS_TD

include "OnnxBase.td"

//===----------------------------------------------------------------------===//
// Binary, numpy broadcasting
//===----------------------------------------------------------------------===//

def Onnx_AddOp : Onnx_BinaryOp<"Add", 0, [Commutative]> { let hasFolder = 1; }
def Onnx_SubOp : Onnx_BinaryOp<"Sub"> { let hasFolder = 1; }
def Onnx_MulOp : Onnx_BinaryOp<"Mul", 0, [Commutative]> { let hasFolder = 1; }
def Onnx_DivOp : Onnx_BinaryOp<"Div"> { let hasFolder = 1; }
def Onnx_PowOp : Onnx_BinaryOp<"Pow">;
def Onnx_PReluOp : Onnx_BinaryOp<"PRelu">;
def Onnx_AndOp : Onnx_BinaryOp<"And", 0, [Commutative]>;
def Onnx_OrOp : Onnx_BinaryOp<"Or", 0, [Commutative]>;
def Onnx_XorOp : Onnx_BinaryOp<"Xor", 0, [Commutative]>;
def Onnx_EqualOp : Onnx_BinaryOp<"Equal", 1, [Commutative]> { let hasFolder = 1; }
def Onnx_LessOp : Onnx_BinaryOp<"Less", 1>;
def Onnx_LessOrEqualOp : Onnx_BinaryOp<"LessOrEqual", 1>;
def Onnx_GreaterOp : Onnx_BinaryOp<"Greater", 1>;
def Onnx_GreaterOrEqualOp : Onnx_BinaryOp<"GreaterOrEqual", 1>;

def Onnx_ModOp : Onnx_BinaryOp<"Mod"> {
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$fmod);
}

//===----------------------------------------------------------------------===//
// Unary
//===----------------------------------------------------------------------===//

def Onnx_AbsOp : Onnx_UnaryOp<"Abs">;
def Onnx_CeilOp : Onnx_UnaryOp<"Ceil">;
def Onnx_CosOp : Onnx_UnaryOp<"Cos">;
def Onnx_ErfOp : Onnx_UnaryOp<"Erf">;
def Onnx_ExpOp : Onnx_UnaryOp<"Exp">;
def Onnx_FloorOp : Onnx_UnaryOp<"Floor">;
def Onnx_HardSwishOp : Onnx_UnaryOp<"HardSwish">;
def Onnx_IdentityOp : Onnx_UnaryOp<"Identity"> {
  let hasFolder = 1;
  // Identity also passes sequences and optionals through.
  let arguments = (ins Onnx_Value:$X);
  let results = (outs Onnx_Value:$Y);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      if (!::mlir::isa<::mlir::TensorType>(getX().getType())) {
        getY().setType(getX().getType());
        return ::llvm::success();
      }
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}
def Onnx_LogOp : Onnx_UnaryOp<"Log">;
def Onnx_NegOp : Onnx_UnaryOp<"Neg"> { let hasFolder = 1; }
def Onnx_NotOp : Onnx_UnaryOp<"Not">;
def Onnx_ReciprocalOp : Onnx_UnaryOp<"Reciprocal">;
def Onnx_ReluOp : Onnx_UnaryOp<"Relu">;
def Onnx_RoundOp : Onnx_UnaryOp<"Round">;
def Onnx_SigmoidOp : Onnx_UnaryOp<"Sigmoid">;
def Onnx_SignOp : Onnx_UnaryOp<"Sign">;
def Onnx_SinOp : Onnx_UnaryOp<"Sin">;
def Onnx_SoftplusOp : Onnx_UnaryOp<"Softplus">;
def Onnx_SoftsignOp : Onnx_UnaryOp<"Softsign">;
def Onnx_SqrtOp : Onnx_UnaryOp<"Sqrt">;
def Onnx_TanhOp : Onnx_UnaryOp<"Tanh">;

def Onnx_IsNaNOp : Onnx_UnaryOp<"IsNaN"> {
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferSameShapeOp(getOperation(),
          ::mlir::IntegerType::get(getContext(), 1));
    }
  }];
}

def Onnx_EluOp : Onnx_UnaryOpWithAttrs<"Elu",
    (ins DefaultValuedAttr<F32Attr, "1.0">:$alpha)>;
def Onnx_LeakyReluOp : Onnx_UnaryOpWithAttrs<"LeakyRelu",
    (ins DefaultValuedAttr<F32Attr, "0.01">:$alpha)>;
def Onnx_HardSigmoidOp : Onnx_UnaryOpWithAttrs<"HardSigmoid",
    (ins DefaultValuedAttr<F32Attr, "0.2">:$alpha,
         DefaultValuedAttr<F32Attr, "0.5">:$beta)>;
def Onnx_SeluOp : Onnx_UnaryOpWithAttrs<"Selu",
    (ins DefaultValuedAttr<F32Attr, "1.67326319217681884765625">:$alpha,
         DefaultValuedAttr<F32Attr, "1.05070102214813232421875">:$gamma)>;
def Onnx_GeluOp : Onnx_UnaryOpWithAttrs<"Gelu",
    (ins DefaultValuedAttr<StrAttr, "\"none\"">:$approximate)> {
  let hasVerifier = 1;
}

def Onnx_CastOp : Onnx_Op<"Cast"> {
  let summary = "element type conversion; `to` is the target element type";
  let arguments = (ins Onnx_Tensor:$input, TypeAttr:$to,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$saturate);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Onnx_ClipOp : Onnx_Op<"Clip"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$min,
                   Onnx_TensorOrNone:$max);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}

def Onnx_WhereOp : Onnx_Op<"Where"> {
  let arguments = (ins Onnx_Tensor:$condition, Onnx_Tensor:$X, Onnx_Tensor:$Y);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Variadic
//===----------------------------------------------------------------------===//

def Onnx_SumOp : Onnx_VariadicOp<"Sum">;
def Onnx_MaxOp : Onnx_VariadicOp<"Max">;
def Onnx_MinOp : Onnx_VariadicOp<"Min">;
def Onnx_MeanOp : Onnx_VariadicOp<"Mean">;

#endif // ONNXC_DIALECT_ONNX_ONNXELEMENTWISEOPS_TD
