//===- OnnxNNOps.td - conv, matmul, pooling, normalization *- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXNNOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXNNOPS_TD

include "OnnxBase.td"

// Attributes shared by Conv, ConvTranspose and the pools. An empty array means
// "the ONNX default" (all ones / all zeros / from the weight shape).
defvar Onnx_WindowAttrs = (ins
    DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
    DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$dilations,
    DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$kernel_shape,
    DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$pads,
    DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$strides);

def Onnx_ConvOp : Onnx_Op<"Conv"> {
  let summary = "N-d convolution with groups, dilations, strides and padding";
  let arguments = !con((ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_TensorOrNone:$B,
                            DefaultValuedAttr<Onnx_I64Attr, "1">:$group),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_ConvTransposeOp : Onnx_Op<"ConvTranspose"> {
  let summary = "N-d transposed convolution";
  let arguments = !con((ins Onnx_Tensor:$X, Onnx_Tensor:$W, Onnx_TensorOrNone:$B,
                            DefaultValuedAttr<Onnx_I64Attr, "1">:$group,
                            DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$output_padding,
                            DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$output_shape),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_MaxPoolOp : Onnx_Op<"MaxPool"> {
  let arguments = !con((ins Onnx_Tensor:$X,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$ceil_mode,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$storage_order),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$Y, Onnx_TensorOrNone:$Indices);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_AveragePoolOp : Onnx_Op<"AveragePool"> {
  let arguments = !con((ins Onnx_Tensor:$X,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$ceil_mode,
                            DefaultValuedAttr<Onnx_I64Attr, "0">:$count_include_pad),
                       Onnx_WindowAttrs);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_GlobalAveragePoolOp : Onnx_Op<"GlobalAveragePool"> {
  let arguments = (ins Onnx_Tensor:$X);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_GlobalMaxPoolOp : Onnx_Op<"GlobalMaxPool"> {
  let arguments = (ins Onnx_Tensor:$X);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_GemmOp : Onnx_Op<"Gemm"> {
  let summary = "Y = alpha * op(A) * op(B) + beta * C";
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B, Onnx_TensorOrNone:$C,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha,
                   DefaultValuedAttr<F32Attr, "1.0">:$beta,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$transA,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$transB);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_MatMulOp : Onnx_Op<"MatMul"> {
  let summary = "numpy.matmul: batched, broadcasting, 1-D operands promoted";
  let arguments = (ins Onnx_Tensor:$A, Onnx_Tensor:$B);
  let results = (outs Onnx_Tensor:$Y);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_BatchNormalizationOp : Onnx_Op<"BatchNormalization"> {
  let summary = "batch normalization (running or, in training mode, batch statistics)";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$scale, Onnx_Tensor:$B,
                   Onnx_Tensor:$input_mean, Onnx_Tensor:$input_var,
                   DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                   DefaultValuedAttr<F32Attr, "0.9">:$momentum,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$training_mode);
  let results = (outs Onnx_Tensor:$Y, Onnx_TensorOrNone:$running_mean,
                 Onnx_TensorOrNone:$running_var);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Onnx_LayerNormalizationOp : Onnx_Op<"LayerNormalization"> {
  let summary = "normalization over the dimensions from `axis` on";
  let arguments = (ins Onnx_Tensor:$X, Onnx_Tensor:$Scale, Onnx_TensorOrNone:$B,
                   DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis,
                   DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$stash_type);
  let results = (outs Onnx_Tensor:$Y, Onnx_TensorOrNone:$Mean,
                 Onnx_TensorOrNone:$InvStdDev);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_SoftmaxOp : Onnx_Op<"Softmax"> {
  let summary = "softmax along one axis (opset 13 semantics)";
  let arguments = (ins Onnx_Tensor:$input, DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      if (::mlir::failed(::onnxc::onnx::verifyAxis(getOperation(), getInput(), getAxis())))
        return ::mlir::failure();
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}

def Onnx_LogSoftmaxOp : Onnx_Op<"LogSoftmax"> {
  let summary = "log of softmax along one axis (opset 13 semantics)";
  let arguments = (ins Onnx_Tensor:$input, DefaultValuedAttr<Onnx_I64Attr, "-1">:$axis);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      if (::mlir::failed(::onnxc::onnx::verifyAxis(getOperation(), getInput(), getAxis())))
        return ::mlir::failure();
      return ::onnxc::onnx::inferSameShapeOp(getOperation());
    }
  }];
}

def Onnx_DropoutOp : Onnx_Op<"Dropout"> {
  let summary = "identity at inference; the mask output is all true";
  let arguments = (ins Onnx_Tensor:$data, Onnx_TensorOrNone:$ratio,
                   Onnx_TensorOrNone:$training_mode,
                   OptionalAttr<Onnx_I64Attr>:$seed);
  let results = (outs Onnx_Tensor:$output, Onnx_TensorOrNone:$mask);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def Onnx_ReduceMeanOp : Onnx_ReduceOp<"ReduceMean">;
def Onnx_ReduceSumOp : Onnx_ReduceOp<"ReduceSum">;
def Onnx_ReduceMaxOp : Onnx_ReduceOp<"ReduceMax">;
def Onnx_ReduceMinOp : Onnx_ReduceOp<"ReduceMin">;
def Onnx_ReduceProdOp : Onnx_ReduceOp<"ReduceProd">;
def Onnx_ReduceL1Op : Onnx_ReduceOp<"ReduceL1">;
def Onnx_ReduceL2Op : Onnx_ReduceOp<"ReduceL2">;
def Onnx_ReduceSumSquareOp : Onnx_ReduceOp<"ReduceSumSquare">;
def Onnx_ReduceLogSumExpOp : Onnx_ReduceOp<"ReduceLogSumExp">;

class Onnx_ArgOp<string mnemonic> : Onnx_Op<mnemonic> {
  let arguments = (ins Onnx_Tensor:$data,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$keepdims,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$select_last_index);
  let results = (outs Onnx_Tensor:$reduced);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() {
      return ::onnxc::onnx::inferArgOp(getOperation(), getAxis(), getKeepdims());
    }
  }];
}
def Onnx_ArgMaxOp : Onnx_ArgOp<"ArgMax">;
def Onnx_ArgMinOp : Onnx_ArgOp<"ArgMin">;

#endif // ONNXC_DIALECT_ONNX_ONNXNNOPS_TD
