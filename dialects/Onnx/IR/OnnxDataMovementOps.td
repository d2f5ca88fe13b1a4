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
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$allowzero);
  let results = (outs Onnx_Tensor:$reshaped);
  let hasFolder = 1;
}

def Onnx_FlattenOp : Onnx_SimpleOp<"Flatten"> {
  let arguments = (ins Onnx_Tensor:$input, DefaultValuedAttr<Onnx_I64Attr, "1">:$axis);
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
  let arguments = (ins Variadic<Onnx_Tensor>:$inputs, Onnx_I64Attr:$axis);
  let results = (outs Onnx_Tensor:$concat_result);
  let hasFolder = 1;
}

def Onnx_SplitOp : Onnx_SimpleOp<"Split"> {
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$split,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis,
                   OptionalAttr<Onnx_I64Attr>:$num_outputs);
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
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis);
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
  let arguments = (ins Onnx_Tensor:$data, OptionalAttr<Onnx_I64Attr>:$start,
                   OptionalAttr<Onnx_I64Attr>:$end);
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
                                              ParentOneOf<["IfOp", "LoopOp", "ScanOp",
                                                          "FlexAttentionOp",
                                                          "SequenceMapOp"]>]> {
  let summary = "returns the outputs of a subgraph";
  let arguments = (ins Variadic<Onnx_Value>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
}

def Onnx_IfOp : Onnx_Op<"If"> {
  let summary = "runs then_branch or else_branch on a boolean scalar";
  let arguments = (ins Onnx_Tensor:$cond);
  let results = (outs Variadic<Onnx_Value>:$outputs);
  let regions = (region SizedRegion<1>:$then_branch, SizedRegion<1>:$else_branch);
  let assemblyFormat = [{
    $cond `:` type($cond) attr-dict (`->` type($outputs)^)? `then` $then_branch `else` $else_branch
  }];
  let hasVerifier = 1;
}

def Onnx_LoopOp : Onnx_Op<"Loop"> {
  let summary = "runs body while cond holds, at most M times";
  let description = [{
    Operands: the trip count `M` and the condition `cond` (each possibly
    none), then the initial values of the loop-carried variables. The body
    block's arguments are the iteration number (tensor<i64>), the condition
    (tensor<i1>) and the loop-carried values; it yields the condition, the
    next loop-carried values and the scan outputs. Results: the final
    loop-carried values, then the scan outputs stacked along a new first
    dimension.
  }];
  let arguments = (ins Onnx_TensorOrNone:$M, Onnx_TensorOrNone:$cond,
                   Variadic<Onnx_Value>:$v_initial);
  let results = (outs Variadic<Onnx_Value>:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $M `,` $cond (`,` $v_initial^)? `)` attr-dict `:` functional-type(operands, results) $body
  }];
  let hasVerifier = 1;
}

def Onnx_ScanOp : Onnx_Op<"Scan"> {
  let summary = "iterates body over slices of the scan inputs";
  let description = [{
    Operands: the initial states, then the `num_scan_inputs` scan inputs.
    The body block's arguments are the states and one slice of each scan
    input; it yields the next states and one slice of each scan output.
  }];
  let arguments = (ins Variadic<Onnx_Tensor>:$initial_state_and_scan_inputs,
                   Onnx_I64Attr:$num_scan_inputs,
                   OptionalAttr<DenseI64ArrayAttr>:$scan_input_axes,
                   OptionalAttr<DenseI64ArrayAttr>:$scan_input_directions,
                   OptionalAttr<DenseI64ArrayAttr>:$scan_output_axes,
                   OptionalAttr<DenseI64ArrayAttr>:$scan_output_directions);
  let results = (outs Variadic<Onnx_Tensor>:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $initial_state_and_scan_inputs `)` attr-dict `:` functional-type(operands, results) $body
  }];
  let hasVerifier = 1;
}

#endif // ONNXC_DIALECT_ONNX_ONNXDATAMOVEMENTOPS_TD
