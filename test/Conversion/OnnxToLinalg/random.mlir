// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// The random ops draw u in [0, 1) from a counter-based generator: the
// splitmix64 hash of the seed and the element's row-major position, whose
// top mantissa-width bits are scaled by 2^-bits.

// RandomUniformLike: low + u * (high - low), shaped like the input.
// CHECK-LABEL: func.func @random_uniform_like
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>) -> tensor<2x?xf64>
// CHECK: %[[E:.*]] = tensor.empty(%{{.*}}) : tensor<2x?xf64>
// CHECK: %[[R:.*]] = linalg.generic {{.*}} outs(%[[E]] : tensor<2x?xf64>)
// CHECK: linalg.index 0 : index
// CHECK: linalg.index 1 : index
// CHECK: arith.index_castui %{{.*}} : index to i64
// CHECK: arith.muli %{{.*}}, %{{.*}} : i64
// CHECK: %[[F:.*]] = arith.uitofp %{{.*}} : i64 to f64
// CHECK: %[[U:.*]] = arith.mulf %[[F]], %{{.*}} : f64
// CHECK: %[[S:.*]] = arith.mulf %[[U]], %{{.*}} : f64
// CHECK: %[[V:.*]] = arith.addf %[[S]], %{{.*}} : f64
// CHECK: linalg.yield %[[V]] : f64
// CHECK: return %[[R]]
func.func @random_uniform_like(%x: tensor<2x?xf32>) -> tensor<2x?xf64> {
  %0 = onnx.RandomUniformLike %x {dtype = 11 : i64, low = -1.0 : f32, high = 3.0 : f32, seed = 5.0 : f32} : (tensor<2x?xf32>) -> tensor<2x?xf64>
  return %0 : tensor<2x?xf64>
}

// -----

// Bernoulli: 1 where u < p, else 0, in the output type.
// CHECK-LABEL: func.func @bernoulli
// CHECK-SAME: (%[[P:.*]]: tensor<10xf32>) -> tensor<10xi32>
// CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[P]] : tensor<10xf32>)
// CHECK: ^bb0(%[[PIN:.*]]: f32, %{{.*}}: i32):
// CHECK: %[[U:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: %[[HIT:.*]] = arith.cmpf olt, %[[U]], %[[PIN]] : f32
// CHECK: arith.extui %[[HIT]] : i1 to i32
// CHECK: return %[[R]]
func.func @bernoulli(%p: tensor<10xf32>) -> tensor<10xi32> {
  %0 = onnx.Bernoulli %p {dtype = 6 : i64} : (tensor<10xf32>) -> tensor<10xi32>
  return %0 : tensor<10xi32>
}
