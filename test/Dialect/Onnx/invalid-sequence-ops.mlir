// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes -verify-diagnostics

// Verifier errors of the ops of OnnxSequenceOps.td and of the sequence
// types, one per split.

func.func @construct_none() -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{needs at least one input}}
  %s = onnx.SequenceConstruct : () -> !onnx.seq<tensor<*xf32>>
  return %s : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @construct_mixed(%a: tensor<2xf32>, %b: tensor<2xi64>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{input #1 has element type 'i64', input #0 has 'f32'}}
  %s = onnx.SequenceConstruct %a, %b : (tensor<2xf32>, tensor<2xi64>) -> !onnx.seq<tensor<*xf32>>
  return %s : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @empty_bad_dtype() -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{dtype must be an element type, not 'tensor<2xf32>'}}
  %s = onnx.SequenceEmpty {dtype = tensor<2xf32>} : <tensor<*xf32>>
  return %s : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @insert_mixed(%s: !onnx.seq<tensor<*xf32>>, %t: tensor<2xi64>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{tensor has element type 'i64', the sequence holds 'f32'}}
  %r = onnx.SequenceInsert %s, %t, %none : (!onnx.seq<tensor<*xf32>>, tensor<2xi64>, none) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @position_float(%s: !onnx.seq<tensor<*xf32>>, %p: tensor<f32>) -> tensor<*xf32> {
  // expected-error @+1 {{position must be int32 or int64, not 'f32'}}
  %r = onnx.SequenceAt %s, %p : (!onnx.seq<tensor<*xf32>>, tensor<f32>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @position_rank(%s: !onnx.seq<tensor<*xf32>>, %p: tensor<1x1xi64>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{position must be a scalar, got rank 2}}
  %r = onnx.SequenceErase %s, %p : (!onnx.seq<tensor<*xf32>>, tensor<1x1xi64>) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @position_count(%s: !onnx.seq<tensor<*xf32>>, %p: tensor<2xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{position must hold one value, got 2}}
  %r = onnx.SequenceAt %s, %p : (!onnx.seq<tensor<*xf32>>, tensor<2xi64>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @concat_new_axis(%s: !onnx.seq<tensor<2xf32>>) -> tensor<*xf32> {
  // expected-error @+1 {{new_axis must be 0 or 1, got 2}}
  %r = onnx.ConcatFromSequence %s {axis = 0 : i64, new_axis = 2 : i64} : (!onnx.seq<tensor<2xf32>>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @concat_axis(%s: !onnx.seq<tensor<2xf32>>) -> tensor<*xf32> {
  // expected-error @+1 {{axis 1 is out of range for rank 1}}
  %r = onnx.ConcatFromSequence %s {axis = 1 : i64} : (!onnx.seq<tensor<2xf32>>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @concat_scalars(%s: !onnx.seq<tensor<f32>>) -> tensor<*xf32> {
  // expected-error @+1 {{axis 0 is out of range for rank 0}}
  %r = onnx.ConcatFromSequence %s {axis = 0 : i64} : (!onnx.seq<tensor<f32>>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

func.func @split_scalar(%x: tensor<f32>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot split a scalar}}
  %r = onnx.SplitToSequence %x, %none : (tensor<f32>, none) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @split_axis(%x: tensor<2x3xf32>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{axis -3 is out of range for rank 2}}
  %r = onnx.SplitToSequence %x, %none {axis = -3 : i64} : (tensor<2x3xf32>, none) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @split_keepdims(%x: tensor<2x3xf32>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{keepdims must be 0 or 1, got 3}}
  %r = onnx.SplitToSequence %x, %none {keepdims = 3 : i64} : (tensor<2x3xf32>, none) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @split_type(%x: tensor<2x3xf32>, %n: tensor<f32>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{split must be int32 or int64, not 'f32'}}
  %r = onnx.SplitToSequence %x, %n : (tensor<2x3xf32>, tensor<f32>) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @split_rank(%x: tensor<2x3xf32>, %n: tensor<1x2xi64>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{split must be a scalar or 1-D, got rank 2}}
  %r = onnx.SplitToSequence %x, %n : (tensor<2x3xf32>, tensor<1x2xi64>) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @split_negative(%x: tensor<2x3xf32>) -> !onnx.seq<tensor<*xf32>> {
  %n = onnx.Constant dense<[1, -1]> : tensor<2xi64>
  // expected-error @+1 {{split sizes must not be negative, got -1}}
  %r = onnx.SplitToSequence %x, %n : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.seq<tensor<*xf32>>
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @map_arity(%s: !onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{body has 2 inputs, expected 1}}
  %r = onnx.SequenceMap(%s) : (!onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xf32>, %f: tensor<?xf32>):
    onnx.Yield %e : tensor<?xf32>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @map_optional(%s: !onnx.seq<tensor<?xf32>>, %o: !onnx.opt<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{input #1 is an optional}}
  %r = onnx.SequenceMap(%s, %o) : (!onnx.seq<tensor<?xf32>>, !onnx.opt<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xf32>, %f: tensor<?xf32>):
    onnx.Yield %e : tensor<?xf32>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @map_arg_type(%s: !onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{body input #0 has type 'tensor<?xi64>', expected a tensor like 'tensor<?xf32>'}}
  %r = onnx.SequenceMap(%s) : (!onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xi64>):
    onnx.Yield %e : tensor<?xi64>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @map_outputs(%s: !onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{body has 2 outputs, the node has 1}}
  %r = onnx.SequenceMap(%s) : (!onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xf32>):
    onnx.Yield %e, %e : tensor<?xf32>, tensor<?xf32>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @map_output_kind(%s: !onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{body output #0 is not a tensor}}
  %r = onnx.SequenceMap(%s) : (!onnx.seq<tensor<?xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xf32>):
    onnx.Yield %s : !onnx.seq<tensor<?xf32>>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @optional_nothing() -> !onnx.opt<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{needs an input or a type}}
  %r = onnx.Optional %none : (none) -> !onnx.opt<tensor<*xf32>>
  return %r : !onnx.opt<tensor<*xf32>>
}

// -----

func.func @optional_nested(%o: !onnx.opt<tensor<2xf32>>) -> !onnx.opt<tensor<*xf32>> {
  // expected-error @+1 {{input cannot be an optional}}
  %r = onnx.Optional %o : (!onnx.opt<tensor<2xf32>>) -> !onnx.opt<tensor<*xf32>>
  return %r : !onnx.opt<tensor<*xf32>>
}

// -----

func.func @optional_type_kind() -> !onnx.opt<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{type must be a tensor or sequence type, not 'f32'}}
  %r = onnx.Optional %none {type = f32} : (none) -> !onnx.opt<tensor<*xf32>>
  return %r : !onnx.opt<tensor<*xf32>>
}

// -----

func.func @optional_type_mismatch(%x: tensor<2xf32>) -> !onnx.opt<tensor<*xf32>> {
  // expected-error @+1 {{input type 'tensor<2xf32>' does not match type 'tensor<2xi64>'}}
  %r = onnx.Optional %x {type = tensor<2xi64>} : (tensor<2xf32>) -> !onnx.opt<tensor<*xf32>>
  return %r : !onnx.opt<tensor<*xf32>>
}

// -----

func.func @get_element_kind(%o: !onnx.opt<!onnx.seq<tensor<2xf32>>>) -> tensor<*xf32> {
  // expected-error @+1 {{result type 'tensor<*xf32>' is not of the kind of the optional's '!onnx.seq<tensor<2xf32>>'}}
  %r = onnx.OptionalGetElement %o : (!onnx.opt<!onnx.seq<tensor<2xf32>>>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

// expected-error @+1 {{an optional holds a tensor or a sequence, not 'f32'}}
func.func @opt_of_scalar(%o: !onnx.opt<f32>) {
  return
}

// -----

func.func @loop_carried_kind(%m: tensor<i64>, %s: !onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{loop-carried value #0 is '!onnx.seq<tensor<2xf32>>' before the loop and 'tensor<2xf32>' after an iteration}}
  %r = onnx.Loop(%m, %none, %s) : (tensor<i64>, none, !onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: !onnx.seq<tensor<2xf32>>):
    %t = onnx.SequenceAt %v, %i : (!onnx.seq<tensor<2xf32>>, tensor<i64>) -> tensor<2xf32>
    onnx.Yield %c, %t : tensor<i1>, tensor<2xf32>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @loop_scan_sequence(%m: tensor<i64>, %s: !onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<*xf32>> {
  %none = onnx.NoValue
  // expected-error @+1 {{scan output #0 must be a tensor, got '!onnx.seq<tensor<2xf32>>'}}
  %r = onnx.Loop(%m, %none) : (tensor<i64>, none) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    onnx.Yield %c, %s : tensor<i1>, !onnx.seq<tensor<2xf32>>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

func.func @if_kinds(%c: tensor<i1>, %s: !onnx.seq<tensor<2xf32>>, %o: !onnx.opt<tensor<2xf32>>) -> !onnx.seq<tensor<*xf32>> {
  // expected-error @+1 {{branches give output 0 different types: '!onnx.seq<tensor<2xf32>>' and '!onnx.opt<tensor<2xf32>>'}}
  %r = onnx.If %c : tensor<i1> -> !onnx.seq<tensor<*xf32>> then {
    onnx.Yield %s : !onnx.seq<tensor<2xf32>>
  } else {
    onnx.Yield %o : !onnx.opt<tensor<2xf32>>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}
