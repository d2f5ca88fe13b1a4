// RUN: onnx-opt %s -split-input-file --onnxc-prepare-entry-point | FileCheck %s

// Each result of a public function must bufferize into a buffer of its own:
// arguments, constants and values returned more than once are copied into a
// fresh tensor; results of an op whose init is (a fill of) tensor.empty are
// returned as they are. The function gets llvm.emit_c_interface and loses
// its onnx.name attributes.

// CHECK-LABEL: func.func @main_graph
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x4xf32>, %[[Y:[^:]*]]: tensor<2xf32>)
// CHECK-SAME: -> (tensor<?x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: %[[CST:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: %[[NEG:.*]] = linalg.generic
// CHECK: %[[FILL:.*]] = linalg.fill
// CHECK: %[[FRESH:.*]] = linalg.generic
// The argument: a copy with its dynamic dims.
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x4xf32>
// CHECK-NEXT: %[[E0:.*]] = tensor.empty(%[[DIM]]) : tensor<?x4xf32>
// CHECK-NEXT: %[[R0:.*]] = linalg.copy ins(%[[X]] : tensor<?x4xf32>) outs(%[[E0]] : tensor<?x4xf32>) -> tensor<?x4xf32>
// The constant.
// CHECK-NEXT: %[[E1:.*]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[R1:.*]] = linalg.copy ins(%[[CST]] : tensor<2xf32>) outs(%[[E1]] : tensor<2xf32>) -> tensor<2xf32>
// The value returned twice: each occurrence gets its own copy.
// CHECK-NEXT: %[[E2:.*]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[R2:.*]] = linalg.copy ins(%[[NEG]] : tensor<2xf32>) outs(%[[E2]] : tensor<2xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[E3:.*]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[R3:.*]] = linalg.copy ins(%[[NEG]] : tensor<2xf32>) outs(%[[E3]] : tensor<2xf32>) -> tensor<2xf32>
// Fresh results (a fill of tensor.empty, an op with a tensor.empty init).
// CHECK-NEXT: return %[[R0]], %[[R1]], %[[R2]], %[[R3]], %[[FILL]], %[[FRESH]]
func.func @main_graph(%x: tensor<?x4xf32> {onnx.name = "x"}, %y: tensor<2xf32> {onnx.name = "y"})
    -> (tensor<?x4xf32> {onnx.name = "a"}, tensor<2xf32> {onnx.name = "b"}, tensor<2xf32> {onnx.name = "c"},
        tensor<2xf32> {onnx.name = "d"}, tensor<2xf32> {onnx.name = "e"}, tensor<2xf32> {onnx.name = "f"}) {
  %cst = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %e = tensor.empty() : tensor<2xf32>
  %n = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%y : tensor<2xf32>) outs(%e : tensor<2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.negf %in : f32
    linalg.yield %0 : f32
  } -> tensor<2xf32>
  %z = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<2xf32>
  %f = linalg.fill ins(%z : f32) outs(%e2 : tensor<2xf32>) -> tensor<2xf32>
  %e3 = tensor.empty() : tensor<2xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%n : tensor<2xf32>) outs(%e3 : tensor<2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.addf %in, %in : f32
    linalg.yield %0 : f32
  } -> tensor<2xf32>
  return %x, %cst, %n, %n, %f, %g : tensor<?x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// A result computed in place into an argument (its init is not a
// tensor.empty) is copied; one that also has other uses is copied too.
// CHECK-LABEL: func.func @not_fresh
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2xf32>)
// CHECK: %[[INPLACE:.*]] = linalg.generic {{.*}} outs(%[[X]] : tensor<2xf32>)
// CHECK: %[[USED:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[OTHER:.*]] = linalg.generic {{.*}} ins(%[[USED]] : tensor<2xf32>)
// CHECK: %[[C0:.*]] = linalg.copy ins(%[[INPLACE]] : tensor<2xf32>)
// CHECK: %[[C1:.*]] = linalg.copy ins(%[[USED]] : tensor<2xf32>)
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[OTHER]]
func.func @not_fresh(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %a = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      outs(%x : tensor<2xf32>) {
  ^bb0(%out: f32):
    %0 = arith.negf %out : f32
    linalg.yield %0 : f32
  } -> tensor<2xf32>
  %e = tensor.empty() : tensor<2xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%x : tensor<2xf32>) outs(%e : tensor<2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.negf %in : f32
    linalg.yield %0 : f32
  } -> tensor<2xf32>
  %e2 = tensor.empty() : tensor<2xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%b : tensor<2xf32>) outs(%e2 : tensor<2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.addf %in, %in : f32
    linalg.yield %0 : f32
  } -> tensor<2xf32>
  return %a, %b, %c : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Private and external functions are left alone.
// CHECK-LABEL: func.func private @helper
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2xf32> {onnx.name = "x"}) -> tensor<2xf32>
// CHECK-NOT: llvm.emit_c_interface
// CHECK-NEXT: return %[[X]]
// CHECK: func.func private @external(tensor<2xf32>) -> tensor<2xf32>{{$}}
// CHECK-NOT: linalg.copy
func.func private @helper(%x: tensor<2xf32> {onnx.name = "x"}) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
func.func private @external(tensor<2xf32>) -> tensor<2xf32>
