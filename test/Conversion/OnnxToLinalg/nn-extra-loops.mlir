// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Loop: an scf.while on (i, cond, carried..., buffers...). The before region
// tests i < M && cond; the body runs in the after region and appends its
// scan output to the buffer, doubling the buffer when it is full. The first
// capacity is M (at most 65536); the result is cut to the iterations run.
// CHECK-LABEL: func.func @loop
// CHECK-SAME: (%[[M:.*]]: tensor<i64>, %[[C:.*]]: tensor<i1>, %[[Y:.*]]: tensor<1xf32>)
// CHECK: %[[TRIPS:.*]] = tensor.extract %[[M]][] : tensor<i64>
// CHECK: %[[C0:.*]] = tensor.extract %[[C]][] : tensor<i1>
// CHECK: %[[CAP:.*]] = arith.minsi
// CHECK: %[[CAPI:.*]] = arith.index_cast %[[CAP]] : i64 to index
// CHECK: %[[BUF:.*]] = tensor.empty(%[[CAPI]]) : tensor<?x1xf32>
// CHECK: %[[W:.*]]:4 = scf.while (%[[I:.*]] = %{{.*}}, %[[CI:.*]] = %[[C0]], %[[V:.*]] = %[[Y]], %[[B:.*]] = %[[BUF]]) : (i64, i1, tensor<1xf32>, tensor<?x1xf32>)
// CHECK: %[[LT:.*]] = arith.cmpi slt, %[[I]], %[[TRIPS]] : i64
// CHECK: %[[GO:.*]] = arith.andi %[[LT]], %[[CI]] : i1
// CHECK: scf.condition(%[[GO]])
// CHECK: } do {
// CHECK: ^bb0(%[[AI:.*]]: i64, %[[AC:.*]]: i1, %[[AV:.*]]: tensor<1xf32>, %[[AB:.*]]: tensor<?x1xf32>):
// CHECK: %[[ITER:.*]] = tensor.from_elements %[[AI]] : tensor<i64>
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[AV]], %[[AV]]
// CHECK: %[[NEXT:.*]] = arith.addi %[[AI]], %{{.*}} : i64
// CHECK: %[[IDX:.*]] = arith.index_cast %[[AI]] : i64 to index
// CHECK: %[[SIZE:.*]] = tensor.dim %[[AB]], %{{.*}} : tensor<?x1xf32>
// CHECK: %[[FULL:.*]] = arith.cmpi sge, %[[IDX]], %[[SIZE]] : index
// CHECK: %[[GROWN:.*]] = scf.if %[[FULL]] -> (tensor<?x1xf32>) {
// CHECK: arith.muli
// CHECK: tensor.insert_slice %[[AB]] into
// CHECK: } else {
// CHECK: scf.yield %[[AB]] : tensor<?x1xf32>
// CHECK: %[[ADDED:.*]] = tensor.insert_slice %[[SUM]] into %[[GROWN]][%[[IDX]], 0] [1, 1] [1, 1] : tensor<1xf32> into tensor<?x1xf32>
// CHECK: scf.yield %[[NEXT]], %{{.*}}, %[[SUM]], %[[ADDED]] : i64, i1, tensor<1xf32>, tensor<?x1xf32>
// CHECK: %[[COUNT:.*]] = arith.index_cast %[[W]]#0 : i64 to index
// CHECK: %[[OUT:.*]] = tensor.extract_slice %[[W]]#3[0, 0] [%[[COUNT]], 1] [1, 1]
// CHECK: return %[[W]]#2, %[[OUT]]
func.func @loop(%m: tensor<i64>, %c: tensor<i1>, %y: tensor<1xf32>) -> (tensor<1xf32>, tensor<?x1xf32>) {
  %0:2 = onnx.Loop(%m, %c, %y) : (tensor<i64>, tensor<i1>, tensor<1xf32>) -> (tensor<1xf32>, tensor<?x1xf32>) {
  ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %v: tensor<1xf32>):
    %1 = onnx.Add %v, %v : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
    onnx.Yield %ci, %1, %1 : tensor<i1>, tensor<1xf32>, tensor<1xf32>
  }
  return %0#0, %0#1 : tensor<1xf32>, tensor<?x1xf32>
}

// -----

// Without M the loop only tests the condition, and without a condition input
// the body's condition output is ignored.
// CHECK-LABEL: func.func @loop_while
// CHECK: scf.while
// CHECK-NOT: arith.cmpi slt
// CHECK: scf.condition
func.func @loop_while(%c: tensor<i1>, %y: tensor<f32>, %none: none) -> tensor<f32> {
  %0 = onnx.Loop(%none, %c, %y) : (none, tensor<i1>, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %v: tensor<f32>):
    %1 = onnx.Add %v, %v : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %2 = onnx.Less %1, %v : (tensor<f32>, tensor<f32>) -> tensor<i1>
    onnx.Yield %2, %1 : tensor<i1>, tensor<f32>
  }
  return %0 : tensor<f32>
}

// -----

// Scan: an scf.for over the scanned axis; a reverse input is read at
// length - 1 - step, and the output slices are written along output axis 1.
// CHECK-LABEL: func.func @scan
// CHECK-SAME: (%[[INIT:.*]]: tensor<2xf32>, %[[X:.*]]: tensor<3x2xf32>)
// CHECK: %[[BUF:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[F:.*]]:2 = scf.for %[[IV:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[S:.*]] = %[[INIT]], %[[B:.*]] = %[[BUF]]) -> (tensor<2xf32>, tensor<2x3xf32>)
// CHECK: %[[REV:.*]] = arith.subi %{{.*}}, %[[IV]] : index
// CHECK: %[[E:.*]] = tensor.extract_slice %[[X]][%[[REV]], 0] [1, 2] [1, 1] : tensor<3x2xf32> to tensor<2xf32>
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[S]], %[[E]]
// CHECK: %[[W:.*]] = tensor.insert_slice %[[SUM]] into %[[B]][0, %[[IV]]] [2, 1] [1, 1] : tensor<2xf32> into tensor<2x3xf32>
// CHECK: scf.yield %[[SUM]], %[[W]]
// CHECK: return %[[F]]#0, %[[F]]#1
func.func @scan(%init: tensor<2xf32>, %x: tensor<3x2xf32>) -> (tensor<2xf32>, tensor<2x3xf32>) {
  %0:2 = onnx.Scan(%init, %x) {num_scan_inputs = 1 : i64, scan_input_directions = array<i64: 1>, scan_output_axes = array<i64: 1>} : (tensor<2xf32>, tensor<3x2xf32>) -> (tensor<2xf32>, tensor<2x3xf32>) {
  ^bb0(%s: tensor<2xf32>, %e: tensor<2xf32>):
    %1 = onnx.Add %s, %e : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %1, %1 : tensor<2xf32>, tensor<2xf32>
  }
  return %0#0, %0#1 : tensor<2xf32>, tensor<2x3xf32>
}
