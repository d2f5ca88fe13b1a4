//===- OnnxDataMovementOps.td - shape and layout ops ------*- tablegen -*-===//

#ifndef ONNXC_DIALECT_ONNX_ONNXDATAMOVEMENTOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXDATAMOVEMENTOPS_TD

include "OnnxBase.td"

class Onnx_SimpleOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Onnx_ReshapeOp : Onnx_SimpleOp<"Reshape"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$shape,
                   DefaultValuedAttr<I64Attr, "0">:$allowzero);
  let results = (outs Onnx_Tensor:$reshaped);
  let hasFolder = 1;
}

def Onnx_FlattenOp : Onnx_SimpleOp<"Flatten"> {
  let arguments = (ins Onnx_Tensor:$input, DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_TransposeOp : Onnx_SimpleOp<"Transpose"> {
  let summary = "permutes dimensions; an empty perm reverses them";
  let arguments = (ins Onnx_Tensor:$data,
                   DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$perm);
  let results = (outs Onnx_Tensor:$transposed);
}

def Onnx_SqueezeOp : Onnx_SimpleOp<"Squeeze"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_TensorOrNone:$axes);
  let results = (outs Onnx_Tensor:$squeezed);
  let hasFolder = 1;
}

def Onnx_UnsqueezeOp : Onnx_SimpleOp<"Unsqueeze"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$axes);
  let results = (outs Onnx_Tensor:$expanded);
  let hasFolder = 1;
}

def Onnx_ConcatOp : Onnx_SimpleOp<"Concat"> {
  let arguments = (ins Variadic<Onnx_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Onnx_Tensor:$concat_result);
  let hasFolder = 1;
}

def Onnx_SplitOp : Onnx_SimpleOp<"Split"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$split,
                   DefaultValuedAttr<I64Attr, "0">:$axis,
                   OptionalAttr<I64Attr>:$num_outputs);
  let results = (outs Variadic<Onnx_Tensor>:$outputs);
}

def Onnx_SliceOp : Onnx_SimpleOp<"Slice"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$starts, Onnx_Tensor:$ends,
                   Onnx_TensorOrNone:$axes, Onnx_TensorOrNone:$steps);
  let results = (outs Onnx_Tensor:$output);
  let hasFolder = 1;
}

def Onnx_GatherOp : Onnx_SimpleOp<"Gather"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Onnx_Tensor:$output);
  let hasFolder = 1;
}

def Onnx_ExpandOp : Onnx_SimpleOp<"Expand"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$shape);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_PadOp : Onnx_SimpleOp<"Pad"> {
  let arguments = (ins Onnx_Tensor:$data, Onnx_Tensor:$pads,
                   Onnx_TensorOrNone:$constant_value, Onnx_TensorOrNone:$axes,
                   DefaultValuedAttr<StrAttr, "\"constant\"">:$mode);
  let results = (outs Onnx_Tensor:$output);
  let hasVerifier = 1;
}

def Onnx_TileOp : Onnx_SimpleOp<"Tile"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_Tensor:$repeats);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_ShapeOp : Onnx_SimpleOp<"Shape"> {
  let arguments = (ins Onnx_Tensor:$data, OptionalAttr<I64Attr>:$start,
                   OptionalAttr<I64Attr>:$end);
  let results = (outs Onnx_Tensor:$shape);
  let hasFolder = 1;
}

def Onnx_SizeOp : Onnx_SimpleOp<"Size"> {
  let arguments = (ins Onnx_Tensor:$data);
  let results = (outs Onnx_Tensor:$size);
  let hasFolder = 1;
}

def Onnx_ConstantOfShapeOp : Onnx_SimpleOp<"ConstantOfShape"> {
  let arguments = (ins Onnx_Tensor:$input, OptionalAttr<ElementsAttr>:$value);
  let results = (outs Onnx_Tensor:$output);
}

def Onnx_RangeOp : Onnx_SimpleOp<"Range"> {
  let arguments = (ins Onnx_Tensor:$start, Onnx_Tensor:$limit, Onnx_Tensor:$delta);
  let results = (outs Onnx_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Constants and control flow
//===----------------------------------------------------------------------===//

def Onnx_ConstantOp : Onnx_Op<"Constant", [ConstantLike]> {
  let summary = "a constant tensor (ONNX Constant and graph initializers)";
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Onnx_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Onnx_NoValueOp : Onnx_Op<"NoValue", [ConstantLike]> {
  let summary = "stands for an absent optional input";
  let arguments = (ins UnitAttr:$value);
  let results = (outs NoneType:$none);
  let assemblyFormat = "attr-dict";
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferShapes() { return ::llvm::success(); }
  }];
}

def Onnx_YieldOp : Op<Onnx_Dialect, "Yield", [Pure, Terminator,
                                              ParentOneOf<["IfOp"]>]> {
  let summary = "returns the outputs of a subgraph";
  let arguments = (ins Variadic<Onnx_Tensor>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
}

def Onnx_IfOp : Onnx_Op<"If"> {
  let summary = "runs then_branch or else_branch on a boolean scalar";
  let arguments = (ins Onnx_Tensor:$cond);
  let results = (outs Variadic<Onnx_Tensor>:$outputs);
  let regions = (region SizedRegion<1>:$then_branch, SizedRegion<1>:$else_branch);
  let assemblyFormat = [{
    $cond `:` type($cond) attr-dict (`->` type($outputs)^)? `then` $then_branch `else` $else_branch
  }];
  let hasVerifier = 1;
}

#endif // ONNXC_DIALECT_ONNX_ONNXDATAMOVEMENTOPS_TD
