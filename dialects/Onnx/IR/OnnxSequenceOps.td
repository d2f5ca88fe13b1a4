//===- OnnxSequenceOps.td - sequence and optional ops -----*- tablegen -*-===//
//
// The ops that make, read and take apart `!onnx.seq` and `!onnx.opt` values.
// Results are inferred from the operands (element types must agree; a
// sequence's element type is the join of the tensors put into it).
//
//===----------------------------------------------------------------------===//

#ifndef ONNXC_DIALECT_ONNX_ONNXSEQUENCEOPS_TD
#define ONNXC_DIALECT_ONNX_ONNXSEQUENCEOPS_TD

include "OnnxBase.td"
include "mlir/IR/CommonTypeConstraints.td"

class Onnx_SeqOp<string mnemonic, list<Trait> traits = []>
    : Onnx_Op<mnemonic, traits> {
  let hasVerifier = 1;
}

def Onnx_SequenceConstructOp : Onnx_SeqOp<"SequenceConstruct"> {
  let summary = "a sequence of the input tensors, in order";
  let arguments = (ins Variadic<Onnx_Tensor>:$inputs);
  let results = (outs Onnx_Seq:$output_sequence);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
}

def Onnx_SequenceEmptyOp : Onnx_SeqOp<"SequenceEmpty"> {
  let summary = "an empty sequence of tensors of element type `dtype`";
  let arguments = (ins OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Onnx_Seq:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
}

def Onnx_SequenceInsertOp : Onnx_SeqOp<"SequenceInsert"> {
  let summary = "the sequence with `tensor` inserted at `position` (default: the end)";
  let arguments = (ins Onnx_Seq:$input_sequence, Onnx_Tensor:$tensor,
                   Onnx_TensorOrNone:$position);
  let results = (outs Onnx_Seq:$output_sequence);
  let assemblyFormat = [{
    $input_sequence `,` $tensor `,` $position attr-dict `:` functional-type(operands, results)
  }];
}

def Onnx_SequenceAtOp : Onnx_SeqOp<"SequenceAt"> {
  let summary = "the tensor at `position` (negative: from the end)";
  let arguments = (ins Onnx_Seq:$input_sequence, Onnx_Tensor:$position);
  let results = (outs Onnx_Tensor:$tensor);
  let assemblyFormat = [{
    $input_sequence `,` $position attr-dict `:` functional-type(operands, results)
  }];
}

def Onnx_SequenceEraseOp : Onnx_SeqOp<"SequenceErase"> {
  let summary = "the sequence without the tensor at `position` (default: the last)";
  let arguments = (ins Onnx_Seq:$input_sequence, Onnx_TensorOrNone:$position);
  let results = (outs Onnx_Seq:$output_sequence);
  let assemblyFormat = [{
    $input_sequence `,` $position attr-dict `:` functional-type(operands, results)
  }];
}

def Onnx_SequenceLengthOp : Onnx_SeqOp<"SequenceLength"> {
  let summary = "the number of tensors in the sequence (an int64 scalar)";
  let arguments = (ins Onnx_Seq:$input_sequence);
  let results = (outs Onnx_Tensor:$length);
  let assemblyFormat = "$input_sequence attr-dict `:` functional-type(operands, results)";
}

def Onnx_ConcatFromSequenceOp : Onnx_SeqOp<"ConcatFromSequence"> {
  let summary = "the tensors of the sequence concatenated (or stacked) along `axis`";
  let arguments = (ins Onnx_Seq:$input_sequence, Onnx_I64Attr:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$new_axis);
  let results = (outs Onnx_Tensor:$concat_result);
  let assemblyFormat = "$input_sequence attr-dict `:` functional-type(operands, results)";
}

def Onnx_SplitToSequenceOp : Onnx_SeqOp<"SplitToSequence"> {
  let summary = "the input split along `axis` into a sequence";
  let description = [{
    `split` is none (pieces of size 1, the axis removed when keepdims is 0),
    a scalar (pieces of that size, the last one smaller) or a 1-D tensor of
    piece sizes that add up to the axis' size.
  }];
  let arguments = (ins Onnx_Tensor:$input, Onnx_TensorOrNone:$split,
                   DefaultValuedAttr<Onnx_I64Attr, "0">:$axis,
                   DefaultValuedAttr<Onnx_I64Attr, "1">:$keepdims);
  let results = (outs Onnx_Seq:$output_sequence);
  let assemblyFormat = [{
    $input `,` $split attr-dict `:` functional-type(operands, results)
  }];
}

def Onnx_SequenceMapOp : Onnx_SeqOp<"SequenceMap"> {
  let summary = "runs body on each element of the input sequences";
  let description = [{
    Operands: the input sequence, then the additional inputs (sequences of
    the same length, or tensors passed to every iteration). The body block
    takes one argument per operand (the element of a sequence, a tensor as
    it is) and yields one tensor per result; result `i` is the sequence of
    the body's output `i`.
  }];
  let arguments = (ins Onnx_Seq:$input_sequence,
                   Variadic<Onnx_Value>:$additional_inputs);
  let results = (outs Variadic<Onnx_Seq>:$out_sequence);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $input_sequence (`,` $additional_inputs^)? `)` attr-dict `:` functional-type(operands, results) $body
  }];
}

def Onnx_OptionalOp : Onnx_SeqOp<"Optional"> {
  let summary = "an optional holding the input, or an empty one of `type`";
  let arguments = (ins Onnx_ValueOrNone:$input, OptionalAttr<TypeAttr>:$type);
  let results = (outs Onnx_Opt:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Onnx_OptionalHasElementOp : Onnx_SeqOp<"OptionalHasElement"> {
  let summary = "whether the optional holds a value (a bool scalar)";
  let description = [{
    The input may also be a tensor or a sequence (always true) or none (an
    absent input: false).
  }];
  let arguments = (ins Onnx_ValueOrNone:$input);
  let results = (outs Onnx_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Onnx_OptionalGetElementOp : Onnx_SeqOp<"OptionalGetElement"> {
  let summary = "the value of the optional (a tensor or sequence is returned as is)";
  let arguments = (ins Onnx_Value:$input);
  let results = (outs Onnx_Value:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // ONNXC_DIALECT_ONNX_ONNXSEQUENCEOPS_TD
