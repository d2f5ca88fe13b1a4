// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// Normalizations, LpPool, Einsum and signal windows.

// LpPool: |x|^p, a window sum (onnx.AveragePool counting the padding, times
// the window size), then the p-th root.
// CHECK-LABEL: func.func @lp_pool
// CHECK: %[[POW:.*]] = linalg.generic
// CHECK: math.absf
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%[[POW]], %{{.*}} : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK: linalg.generic
// CHECK: arith.divf
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: math.powf
func.func @lp_pool(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %0 = onnx.LpPool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, p = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Einsum: one generic with a loop per label; the summed label reduces.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @einsum_batch_matmul
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @einsum_batch_matmul(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = onnx.Einsum %a, %b {equation = "bij,bjk->bik"} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// A repeated label reads the diagonal; bf16 accumulates in f32.
// CHECK-DAG: #[[DIAG:.*]] = affine_map<(d0) -> (d0, d0)>
// CHECK-LABEL: func.func @einsum_diagonal_bf16
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[DIAG]], {{.*}}]} ins(%{{.*}} : tensor<3x3xbf16>) outs(%{{.*}} : tensor<3xf32>)
// CHECK: arith.extf
// CHECK: linalg.generic {{.*}} ins(%[[ACC]] : tensor<3xf32>) outs(%{{.*}} : tensor<3xbf16>)
// CHECK: arith.truncf
func.func @einsum_diagonal_bf16(%a: tensor<3x3xbf16>) -> tensor<3xbf16> {
  %0 = onnx.Einsum %a {equation = "ii->i"} : (tensor<3x3xbf16>) -> tensor<3xbf16>
  return %0 : tensor<3xbf16>
}

// -----

// GroupNormalization views x as [N, G, C/G, ...] for its statistics.
// CHECK-LABEL: func.func @group_normalization
// CHECK: %[[X:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3]] output_shape [2, 2, 2, 3] : tensor<2x4x3xf32> into tensor<2x2x2x3xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x2x2x3xf32>)
// CHECK: math.rsqrt
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3]] : tensor<2x2x2x3xf32> into tensor<2x4x3xf32>
func.func @group_normalization(%x: tensor<2x4x3xf32>, %s: tensor<4xf32>) -> tensor<2x4x3xf32> {
  %0 = onnx.GroupNormalization %x, %s, %s {num_groups = 2 : i64} : (tensor<2x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// A zero L2 norm gives 0.
// CHECK-LABEL: func.func @lp_normalization
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: linalg.generic
// CHECK: math.sqrt
// CHECK: arith.cmpf oeq
// CHECK: arith.select
func.func @lp_normalization(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.LpNormalization %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The window size is a run-time value.
// CHECK-LABEL: func.func @hann_window
// CHECK: %[[N:.*]] = arith.maxsi
// CHECK: tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK: linalg.generic
// CHECK: math.sin %{{.*}} : f64
// CHECK: arith.truncf %{{.*}} : f64 to f32
func.func @hann_window(%n: tensor<i64>) -> tensor<?xf32> {
  %0 = onnx.HannWindow %n : (tensor<i64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// LRN sums the squares of the nearby channels in a loop.
// CHECK-LABEL: func.func @lrn
// CHECK: linalg.generic
// CHECK: scf.for
// CHECK: math.powf
func.func @lrn(%x: tensor<1x5x2x2xf32>) -> tensor<1x5x2x2xf32> {
  %0 = onnx.LRN %x {size = 3 : i64} : (tensor<1x5x2x2xf32>) -> tensor<1x5x2x2xf32>
  return %0 : tensor<1x5x2x2xf32>
}

// -----

// Det: per matrix, an f64 copy eliminated with partial pivoting.
// CHECK-LABEL: func.func @det
// CHECK: scf.for {{.*}} -> (tensor<2xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<?x?xf64>)
// CHECK: scf.for {{.*}} -> (tensor<?x?xf64>, f64)
// CHECK: math.absf
// CHECK: arith.negf
// CHECK: arith.truncf %{{.*}} : f64 to f32
// CHECK: tensor.insert
func.func @det(%x: tensor<2x3x3xf32>) -> tensor<2xf32> {
  %0 = onnx.Det %x : (tensor<2x3x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
