// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// onnx.If becomes scf.if on the condition's single element; the branches
// move into the scf.if and their ops are lowered in place; onnx.Yield becomes
// scf.yield.

// CHECK-LABEL: func.func @if_bool
// CHECK-SAME: (%[[C:.*]]: tensor<i1>, %[[X:.*]]: tensor<2xf32>) -> tensor<2xf32>
// CHECK: %[[FLAG:.*]] = tensor.extract %[[C]][] : tensor<i1>
// CHECK-NEXT: %[[R:.*]] = scf.if %[[FLAG]] -> (tensor<2xf32>) {
// CHECK: %[[NEG:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2xf32>)
// CHECK: arith.negf
// CHECK: scf.yield %[[NEG]] : tensor<2xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[X]] : tensor<2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
// CHECK-NOT: onnx.
func.func @if_bool(%c: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    %n = onnx.Neg %x : (tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %n : tensor<2xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return %0 : tensor<2xf32>
}

// -----

// A 1-element integer condition is compared with 0; branch values more
// precise than the joined result type are cast to it.
// CHECK-LABEL: func.func @if_join
// CHECK-SAME: (%[[C:.*]]: tensor<1xi8>, %[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x1xf32>) -> tensor<2x?xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[C]][%[[C0]]] : tensor<1xi8>
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK-NEXT: %[[FLAG:.*]] = arith.cmpi ne, %[[E]], %[[ZERO]] : i8
// CHECK-NEXT: %[[R:.*]] = scf.if %[[FLAG]] -> (tensor<2x?xf32>) {
// CHECK-NEXT: %[[CX:.*]] = tensor.cast %[[X]] : tensor<2x3xf32> to tensor<2x?xf32>
// CHECK-NEXT: scf.yield %[[CX]] : tensor<2x?xf32>
// CHECK-NEXT: } else {
// CHECK: %[[CAT:.*]] = tensor.insert_slice %[[Y]] into %{{.*}} : tensor<2x1xf32> into tensor<2x4xf32>
// CHECK: %[[CC:.*]] = tensor.cast %[[CAT]] : tensor<2x4xf32> to tensor<2x?xf32>
// CHECK-NEXT: scf.yield %[[CC]] : tensor<2x?xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
func.func @if_join(%c: tensor<1xui8>, %x: tensor<2x3xf32>, %y: tensor<2x1xf32>) -> tensor<2x?xf32> {
  %0 = onnx.If %c : tensor<1xui8> -> tensor<2x?xf32> then {
    onnx.Yield %x : tensor<2x3xf32>
  } else {
    %cat = onnx.Concat %x, %y {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
    onnx.Yield %cat : tensor<2x4xf32>
  }
  return %0 : tensor<2x?xf32>
}

// -----

// A float condition is true when not 0 (unordered: NaN is true); several
// results; constants inside a branch are lowered there.
// CHECK-LABEL: func.func @if_float_cond
// CHECK-SAME: (%[[C:.*]]: tensor<f32>, %[[X:.*]]: tensor<2xi64>) -> (tensor<2xi64>, tensor<2xi64>)
// CHECK: %[[E:.*]] = tensor.extract %[[C]][] : tensor<f32>
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[FLAG:.*]] = arith.cmpf une, %[[E]], %[[ZERO]] : f32
// CHECK-NEXT: %[[R:.*]]:2 = scf.if %[[FLAG]] -> (tensor<2xi64>, tensor<2xi64>) {
// CHECK-NEXT: scf.yield %[[X]], %[[X]] : tensor<2xi64>, tensor<2xi64>
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[K:.*]] = arith.constant dense<[7, 8]> : tensor<2xi64>
// CHECK-NEXT: scf.yield %[[K]], %[[X]] : tensor<2xi64>, tensor<2xi64>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]#0, %[[R]]#1
func.func @if_float_cond(%c: tensor<f32>, %x: tensor<2xi64>) -> (tensor<2xi64>, tensor<2xi64>) {
  %0:2 = onnx.If %c : tensor<f32> -> tensor<2xi64>, tensor<2xi64> then {
    onnx.Yield %x, %x : tensor<2xi64>, tensor<2xi64>
  } else {
    %k = onnx.Constant dense<[7, 8]> : tensor<2xi64>
    onnx.Yield %k, %x : tensor<2xi64>, tensor<2xi64>
  }
  return %0#0, %0#1 : tensor<2xi64>, tensor<2xi64>
}

// -----

// Nested Ifs.
// CHECK-LABEL: func.func @if_nested
// CHECK: scf.if %{{.*}} -> (tensor<2xf32>) {
// CHECK: scf.if %{{.*}} -> (tensor<2xf32>) {
// CHECK-NOT: onnx.
func.func @if_nested(%c: tensor<i1>, %d: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    %1 = onnx.If %d : tensor<i1> -> tensor<2xf32> then {
      %n = onnx.Neg %x : (tensor<2xf32>) -> tensor<2xf32>
      onnx.Yield %n : tensor<2xf32>
    } else {
      onnx.Yield %x : tensor<2xf32>
    }
    onnx.Yield %1 : tensor<2xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return %0 : tensor<2xf32>
}
