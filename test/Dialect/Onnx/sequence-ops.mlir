// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s
// RUN: onnx-opt %s -split-input-file | onnx-opt -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// Shape inference of the ops of OnnxSequenceOps.td: a sequence's element
// type is the join of the tensors put into it; SequenceAt gives that type.

// CHECK-LABEL: func.func @construct_at
// CHECK: onnx.SequenceConstruct %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<4x3xf32>) -> !onnx.seq<tensor<?x3xf32>>
// CHECK: onnx.SequenceAt %{{.*}}, %{{.*}} : (!onnx.seq<tensor<?x3xf32>>, tensor<i64>) -> tensor<?x3xf32>
// CHECK: onnx.SequenceLength %{{.*}} : (!onnx.seq<tensor<?x3xf32>>) -> tensor<i64>
// ROUNDTRIP-LABEL: func.func @construct_at
// ROUNDTRIP: onnx.SequenceConstruct
func.func @construct_at(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>, %i: tensor<i64>) -> (tensor<*xf32>, tensor<*xi64>) {
  %s = onnx.SequenceConstruct %a, %b : (tensor<2x3xf32>, tensor<4x3xf32>) -> !onnx.seq<tensor<*xf32>>
  %t = onnx.SequenceAt %s, %i : (!onnx.seq<tensor<*xf32>>, tensor<i64>) -> tensor<*xf32>
  %n = onnx.SequenceLength %s : (!onnx.seq<tensor<*xf32>>) -> tensor<*xi64>
  return %t, %n : tensor<*xf32>, tensor<*xi64>
}

// -----

// CHECK-LABEL: func.func @empty_insert_erase
// CHECK: onnx.SequenceEmpty {dtype = i64} : <tensor<*xi64>>
// CHECK: onnx.SequenceInsert {{.*}} -> !onnx.seq<tensor<*xi64>>
// CHECK: onnx.SequenceErase {{.*}} -> !onnx.seq<tensor<*xi64>>
// ROUNDTRIP-LABEL: func.func @empty_insert_erase
// ROUNDTRIP: onnx.SequenceEmpty {dtype = i64} : <tensor<*xi64>>
func.func @empty_insert_erase(%x: tensor<3xi64>, %p: tensor<i32>) -> !onnx.seq<tensor<*xi64>> {
  %none = onnx.NoValue
  %e = onnx.SequenceEmpty {dtype = i64} : <tensor<*xi64>>
  %s = onnx.SequenceInsert %e, %x, %p : (!onnx.seq<tensor<*xi64>>, tensor<3xi64>, tensor<i32>) -> !onnx.seq<tensor<*xi64>>
  %r = onnx.SequenceErase %s, %none : (!onnx.seq<tensor<*xi64>>, none) -> !onnx.seq<tensor<*xi64>>
  return %r : !onnx.seq<tensor<*xi64>>
}

// -----

// CHECK-LABEL: func.func @split_concat
// CHECK: onnx.SplitToSequence {{.*}} -> !onnx.seq<tensor<3x?xf32>>
// CHECK: onnx.SplitToSequence {{.*}} {axis = 1 : i64, keepdims = 0 : i64} {{.*}} -> !onnx.seq<tensor<3xf32>>
// CHECK: onnx.ConcatFromSequence {{.*}} {axis = 0 : i64} {{.*}} -> tensor<?x?xf32>
// CHECK: onnx.ConcatFromSequence {{.*}} {axis = 0 : i64, new_axis = 1 : i64} {{.*}} -> tensor<?x3xf32>
func.func @split_concat(%x: tensor<3x6xf32>, %n: tensor<i64>) -> (tensor<*xf32>, tensor<*xf32>) {
  %none = onnx.NoValue
  %s = onnx.SplitToSequence %x, %n {axis = 1 : i64} : (tensor<3x6xf32>, tensor<i64>) -> !onnx.seq<tensor<*xf32>>
  %k = onnx.SplitToSequence %x, %none {axis = 1 : i64, keepdims = 0 : i64} : (tensor<3x6xf32>, none) -> !onnx.seq<tensor<*xf32>>
  %c = onnx.ConcatFromSequence %s {axis = 0 : i64} : (!onnx.seq<tensor<*xf32>>) -> tensor<*xf32>
  %d = onnx.ConcatFromSequence %k {axis = 0 : i64, new_axis = 1 : i64} : (!onnx.seq<tensor<*xf32>>) -> tensor<*xf32>
  return %c, %d : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @map
// CHECK: onnx.SequenceMap(%{{.*}}, %{{.*}}) : (!onnx.seq<tensor<?xf32>>, tensor<?xf32>) -> !onnx.seq<tensor<?xf32>>
// ROUNDTRIP-LABEL: func.func @map
// ROUNDTRIP: onnx.SequenceMap
func.func @map(%s: !onnx.seq<tensor<?xf32>>, %t: tensor<?xf32>) -> !onnx.seq<tensor<*xf32>> {
  %r = onnx.SequenceMap(%s, %t) : (!onnx.seq<tensor<?xf32>>, tensor<?xf32>) -> !onnx.seq<tensor<*xf32>> {
  ^bb0(%e: tensor<?xf32>, %u: tensor<?xf32>):
    %a = onnx.Add %e, %u : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    onnx.Yield %a : tensor<?xf32>
  }
  return %r : !onnx.seq<tensor<*xf32>>
}

// -----

// CHECK-LABEL: func.func @optionals
// CHECK: onnx.Optional %{{.*}} : (tensor<4xf32>) -> !onnx.opt<tensor<4xf32>>
// CHECK: onnx.Optional %{{.*}} {type = !onnx.seq<tensor<2xi32>>} : (none) -> !onnx.opt<!onnx.seq<tensor<2xi32>>>
// CHECK: onnx.OptionalHasElement %{{.*}} : (!onnx.opt<tensor<4xf32>>) -> tensor<i1>
// CHECK: onnx.OptionalGetElement %{{.*}} : (!onnx.opt<tensor<4xf32>>) -> tensor<4xf32>
// CHECK: onnx.OptionalGetElement %{{.*}} : (!onnx.opt<!onnx.seq<tensor<2xi32>>>) -> !onnx.seq<tensor<2xi32>>
// ROUNDTRIP-LABEL: func.func @optionals
// ROUNDTRIP: {type = !onnx.seq<tensor<2xi32>>} : (none) -> !onnx.opt<!onnx.seq<tensor<*xi32>>>
func.func @optionals(%x: tensor<4xf32>) -> (tensor<*xi1>, tensor<*xf32>, !onnx.seq<tensor<*xi32>>) {
  %none = onnx.NoValue
  %o = onnx.Optional %x : (tensor<4xf32>) -> !onnx.opt<tensor<*xf32>>
  %e = onnx.Optional %none {type = !onnx.seq<tensor<2xi32>>} : (none) -> !onnx.opt<!onnx.seq<tensor<*xi32>>>
  %h = onnx.OptionalHasElement %o : (!onnx.opt<tensor<*xf32>>) -> tensor<*xi1>
  %g = onnx.OptionalGetElement %o : (!onnx.opt<tensor<*xf32>>) -> tensor<*xf32>
  %s = onnx.OptionalGetElement %e : (!onnx.opt<!onnx.seq<tensor<*xi32>>>) -> !onnx.seq<tensor<*xi32>>
  return %h, %g, %s : tensor<*xi1>, tensor<*xf32>, !onnx.seq<tensor<*xi32>>
}

// -----

// Identity (folded away), If and Loop carry sequences; a Loop may carry an optional
// sequence whose body yields a sequence.
// CHECK-LABEL: func.func @control_flow
// CHECK: onnx.If %{{.*}} : tensor<i1> -> !onnx.seq<tensor<?xf32>>
// CHECK: onnx.Loop({{.*}}) : (tensor<i64>, none, !onnx.opt<!onnx.seq<tensor<?xf32>>>) -> !onnx.opt<!onnx.seq<tensor<?xf32>>>
func.func @control_flow(%c: tensor<i1>, %a: tensor<2xf32>, %b: tensor<3xf32>, %m: tensor<i64>, %o: !onnx.opt<!onnx.seq<tensor<?xf32>>>) -> (!onnx.seq<tensor<*xf32>>, !onnx.opt<!onnx.seq<tensor<*xf32>>>) {
  %none = onnx.NoValue
  %s = onnx.SequenceConstruct %a : (tensor<2xf32>) -> !onnx.seq<tensor<2xf32>>
  %i = onnx.Identity %s : (!onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<2xf32>>
  %r = onnx.If %c : tensor<i1> -> !onnx.seq<tensor<*xf32>> then {
    onnx.Yield %i : !onnx.seq<tensor<2xf32>>
  } else {
    %t = onnx.SequenceConstruct %b : (tensor<3xf32>) -> !onnx.seq<tensor<3xf32>>
    onnx.Yield %t : !onnx.seq<tensor<3xf32>>
  }
  %l = onnx.Loop(%m, %none, %o) : (tensor<i64>, none, !onnx.opt<!onnx.seq<tensor<?xf32>>>) -> !onnx.opt<!onnx.seq<tensor<*xf32>>> {
  ^bb0(%it: tensor<i64>, %cond: tensor<i1>, %v: !onnx.opt<!onnx.seq<tensor<?xf32>>>):
    %g = onnx.OptionalGetElement %v : (!onnx.opt<!onnx.seq<tensor<?xf32>>>) -> !onnx.seq<tensor<?xf32>>
    onnx.Yield %cond, %g : tensor<i1>, !onnx.seq<tensor<?xf32>>
  }
  return %r, %l : !onnx.seq<tensor<*xf32>>, !onnx.opt<!onnx.seq<tensor<*xf32>>>
}
