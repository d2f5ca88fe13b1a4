// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Sequences and optionals become pointers (!llvm.ptr) to run-time objects,
// their ops calls into the support code of every compiled model
// (runtime/src/core/Sequence.c). A function that uses them makes a context
// first, and before each return copies its sequence results out and
// releases the context. Tensors go to the support code as read-only
// unranked memrefs; tensors read from a sequence are allocated from the
// dims it reports.

// CHECK-LABEL: func.func @insert_at(
// CHECK-SAME: %[[S:.*]]: !llvm.ptr, %[[T:.*]]: tensor<2x?xf32>, %[[P:.*]]: tensor<i32>) -> (tensor<2x?xf32>, !llvm.ptr)
// CHECK: %[[CTX:.*]] = call @onnxc_seq_ctx_create() {onnxc.seq_context} : () -> !llvm.ptr
// CHECK: %[[B:.*]] = bufferization.to_buffer %[[T]] read_only : tensor<2x?xf32> to memref<2x?xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[U:.*]] = memref.cast %[[B]] : {{.*}} to memref<*xf32>
// CHECK: %[[INS:.*]] = call @onnxc_seq_insert_f32(%[[CTX]], %[[S]], %[[U]], %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, memref<*xf32>, i32, i64, i32) -> !llvm.ptr
// CHECK: %[[EMPTY:.*]] = call @onnxc_seq_empty(%[[CTX]], %{{.*}}) : (!llvm.ptr, i32) -> !llvm.ptr
// CHECK: %[[ONE:.*]] = call @onnxc_seq_insert_f32(%[[CTX]], %[[EMPTY]],
// CHECK: %[[E:.*]] = tensor.extract %[[P]][] : tensor<i32>
// CHECK: %[[POS:.*]] = arith.extsi %[[E]] : i32 to i64
// CHECK: %[[D:.*]] = call @onnxc_seq_dim(%[[ONE]], %[[POS]], %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64, i64) -> i64
// CHECK: %[[DI:.*]] = arith.index_cast %[[D]] : i64 to index
// CHECK: %[[ALLOC:.*]] = memref.alloc(%[[DI]]) : memref<2x?xf32>
// CHECK: %[[AU:.*]] = memref.cast %[[ALLOC]] : memref<2x?xf32> to memref<*xf32>
// CHECK: call @onnxc_seq_read_f32(%[[ONE]], %[[POS]], %[[AU]]) : (!llvm.ptr, i64, memref<*xf32>) -> ()
// CHECK: %[[AT:.*]] = bufferization.to_tensor %[[ALLOC]] restrict writable : memref<2x?xf32> to tensor<2x?xf32>
// CHECK: %[[OUT:.*]] = call @onnxc_seq_export(%[[CTX]], %[[INS]]) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK: call @onnxc_seq_ctx_release(%[[CTX]]) : (!llvm.ptr) -> ()
// CHECK: return %[[AT]], %[[OUT]]
func.func @insert_at(%s: !onnx.seq<tensor<*xf32>>, %t: tensor<2x?xf32>, %p: tensor<i32>) -> (tensor<2x?xf32>, !onnx.seq<tensor<*xf32>>) {
  %none = onnx.NoValue
  %r = onnx.SequenceInsert %s, %t, %none : (!onnx.seq<tensor<*xf32>>, tensor<2x?xf32>, none) -> !onnx.seq<tensor<*xf32>>
  %c = onnx.SequenceConstruct %t : (tensor<2x?xf32>) -> !onnx.seq<tensor<2x?xf32>>
  %a = onnx.SequenceAt %c, %p : (!onnx.seq<tensor<2x?xf32>>, tensor<i32>) -> tensor<2x?xf32>
  return %a, %r : tensor<2x?xf32>, !onnx.seq<tensor<*xf32>>
}

// -----

// CHECK-LABEL: func.func @length_erase(
// CHECK: %[[N:.*]] = call @onnxc_seq_length(%{{.*}}) : (!llvm.ptr) -> i64
// CHECK: tensor.from_elements %[[N]] : tensor<i64>
// CHECK: call @onnxc_seq_erase(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64, i32) -> !llvm.ptr
func.func @length_erase(%s: !onnx.seq<tensor<3xi64>>) -> (tensor<i64>, !onnx.seq<tensor<3xi64>>) {
  %none = onnx.NoValue
  %n = onnx.SequenceLength %s : (!onnx.seq<tensor<3xi64>>) -> tensor<i64>
  %r = onnx.SequenceErase %s, %none : (!onnx.seq<tensor<3xi64>>, none) -> !onnx.seq<tensor<3xi64>>
  return %n, %r : tensor<i64>, !onnx.seq<tensor<3xi64>>
}

// -----

// SplitToSequence passes the input and the split sizes (int64) to the
// support code; ConcatFromSequence asks it for the result's dims.
// CHECK-LABEL: func.func @split_concat(
// CHECK: %[[SPLIT:.*]] = call @onnxc_seq_split_f32(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, memref<*xf32>, memref<*xi64>, i32, i64, i32, i32) -> !llvm.ptr
// CHECK: call @onnxc_seq_concat_dim(%[[SPLIT]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64, i32, i64) -> i64
// CHECK: memref.alloc(%{{.*}}) : memref<3x?xf32>
// CHECK: call @onnxc_seq_concat_f32(%[[SPLIT]], %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, memref<*xf32>, i64, i32) -> ()
func.func @split_concat(%x: tensor<3x6xf32>, %n: tensor<i32>) -> tensor<3x?xf32> {
  %s = onnx.SplitToSequence %x, %n {axis = 1 : i64} : (tensor<3x6xf32>, tensor<i32>) -> !onnx.seq<tensor<3x?xf32>>
  %c = onnx.ConcatFromSequence %s {axis = 1 : i64} : (!onnx.seq<tensor<3x?xf32>>) -> tensor<3x?xf32>
  return %c : tensor<3x?xf32>
}

// -----

// An optional tensor is a sequence of 0 or 1 tensors; an optional sequence
// the sequence pointer, null when absent.
// CHECK-LABEL: func.func @optionals(
// CHECK: %[[E:.*]] = call @onnxc_seq_empty(
// CHECK: %[[O:.*]] = call @onnxc_seq_insert_f32(%{{.*}}, %[[E]],
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: %[[H:.*]] = call @onnxc_opt_has_element(%[[O]], %{{.*}}) : (!llvm.ptr, i32) -> i32
// CHECK: %[[B:.*]] = arith.cmpi ne, %[[H]], %{{.*}} : i32
// CHECK: tensor.from_elements %[[B]] : tensor<i1>
// CHECK: call @onnxc_seq_read_f32(%[[O]],
// CHECK: call @onnxc_seq_export(%{{.*}}, %[[NULL]])
func.func @optionals(%x: tensor<4xf32>) -> (tensor<i1>, tensor<4xf32>, !onnx.opt<!onnx.seq<tensor<4xf32>>>) {
  %none = onnx.NoValue
  %o = onnx.Optional %x : (tensor<4xf32>) -> !onnx.opt<tensor<4xf32>>
  %e = onnx.Optional %none {type = !onnx.seq<tensor<4xf32>>} : (none) -> !onnx.opt<!onnx.seq<tensor<4xf32>>>
  %h = onnx.OptionalHasElement %o : (!onnx.opt<tensor<4xf32>>) -> tensor<i1>
  %g = onnx.OptionalGetElement %o : (!onnx.opt<tensor<4xf32>>) -> tensor<4xf32>
  return %h, %g, %e : tensor<i1>, tensor<4xf32>, !onnx.opt<!onnx.seq<tensor<4xf32>>>
}

// -----

// OptionalHasElement of an absent input is false, without a context.
// CHECK-LABEL: func.func @has_none(
// CHECK-NOT: onnxc_seq_ctx_create
// CHECK: %[[F:.*]] = arith.constant false
// CHECK: tensor.from_elements %[[F]] : tensor<i1>
func.func @has_none() -> tensor<i1> {
  %none = onnx.NoValue
  %h = onnx.OptionalHasElement %none : (none) -> tensor<i1>
  return %h : tensor<i1>
}

// -----

// SequenceMap becomes a Loop over the elements (an scf.while) that reads
// each element, runs the body and appends its outputs.
// CHECK-LABEL: func.func @map(
// CHECK: %[[N:.*]] = call @onnxc_seq_length(
// CHECK: %[[INIT:.*]] = call @onnxc_seq_empty(
// CHECK: scf.while ({{.*}}%{{.*}} = %[[INIT]]) : (i64, i1, !llvm.ptr) -> (i64, i1, !llvm.ptr)
// CHECK: call @onnxc_seq_read_f32(
// CHECK: linalg.generic
// CHECK: call @onnxc_seq_insert_f32(
// CHECK: scf.yield
// CHECK: call @onnxc_seq_export(
func.func @map(%s: !onnx.seq<tensor<?xf32>>, %t: tensor<?xf32>) -> !onnx.seq<tensor<?xf32>> {
  %r = onnx.SequenceMap(%s, %t) : (!onnx.seq<tensor<?xf32>>, tensor<?xf32>) -> !onnx.seq<tensor<?xf32>> {
  ^bb0(%e: tensor<?xf32>, %u: tensor<?xf32>):
    %a = onnx.Add %e, %u : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
    onnx.Yield %a : tensor<?xf32>
  }
  return %r : !onnx.seq<tensor<?xf32>>
}

// -----

// If and Loop carry the pointers; Identity is the same pointer.
// CHECK-LABEL: func.func @control_flow(
// CHECK: scf.if %{{.*}} -> (!llvm.ptr)
// CHECK: scf.yield %{{.*}} : !llvm.ptr
// CHECK: scf.while ({{.*}}) : (i64, i1, !llvm.ptr) -> (i64, i1, !llvm.ptr)
func.func @control_flow(%c: tensor<i1>, %a: !onnx.seq<tensor<2xf32>>, %b: !onnx.seq<tensor<2xf32>>, %m: tensor<i64>) -> !onnx.seq<tensor<2xf32>> {
  %none = onnx.NoValue
  %r = onnx.If %c : tensor<i1> -> !onnx.seq<tensor<2xf32>> then {
    onnx.Yield %a : !onnx.seq<tensor<2xf32>>
  } else {
    %i = onnx.Identity %b : (!onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<2xf32>>
    onnx.Yield %i : !onnx.seq<tensor<2xf32>>
  }
  %l = onnx.Loop(%m, %none, %r) : (tensor<i64>, none, !onnx.seq<tensor<2xf32>>) -> !onnx.seq<tensor<2xf32>> {
  ^bb0(%it: tensor<i64>, %cond: tensor<i1>, %v: !onnx.seq<tensor<2xf32>>):
    %e = onnx.SequenceErase %v, %none : (!onnx.seq<tensor<2xf32>>, none) -> !onnx.seq<tensor<2xf32>>
    onnx.Yield %cond, %e : tensor<i1>, !onnx.seq<tensor<2xf32>>
  }
  return %l : !onnx.seq<tensor<2xf32>>
}
