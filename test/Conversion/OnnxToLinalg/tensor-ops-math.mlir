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

// -----

// DFT with a run-time axis: the output dims and the read position pick the
// axis with selects; twiddles are reduced in integers, summed in f64.
// CHECK-LABEL: func.func @dft_runtime_axis
// CHECK: tensor.extract %{{.*}}[] : tensor<i64>
// CHECK: linalg.generic
// CHECK: scf.for {{.*}} -> (f64, f64)
// CHECK: arith.remui
// CHECK: math.cos
// CHECK: math.sin
// CHECK: arith.truncf %{{.*}} : f64 to f32
func.func @dft_runtime_axis(%x: tensor<1x10x8x2xf32>, %axis: tensor<i64>, %none: none) -> tensor<1x10x8x2xf32> {
  %0 = onnx.DFT %x, %none, %axis : (tensor<1x10x8x2xf32>, none, tensor<i64>) -> tensor<1x10x8x2xf32>
  return %0 : tensor<1x10x8x2xf32>
}

// -----

// CHECK-LABEL: func.func @stft
// CHECK: linalg.generic
// CHECK: scf.for {{.*}} -> (f64, f64)
// CHECK: math.cos
func.func @stft(%s: tensor<1x128x1xf32>, %step: tensor<i64>, %len: tensor<i64>, %none: none) -> tensor<1x?x?x2xf32> {
  %0 = onnx.STFT %s, %step, %none, %len : (tensor<1x128x1xf32>, tensor<i64>, none, tensor<i64>) -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

// ReduceLogSum is an onnx.ReduceSum (lowered by its pattern), then a log.
// CHECK-LABEL: func.func @reduce_log_sum
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.addf
// CHECK: linalg.generic
// CHECK: math.log
func.func @reduce_log_sum(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %axes = arith.constant dense<[1]> : tensor<1xi64>
  %0 = onnx.ReduceLogSum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

// RoiAlign: a loop nest over the sampling grid of each bin.
// CHECK-LABEL: func.func @roi_align
// CHECK: linalg.generic
// CHECK: math.ceil
// CHECK: scf.for {{.*}} -> (f32, i1)
// CHECK: scf.for {{.*}} -> (f32, i1)
// CHECK: arith.divf
func.func @roi_align(%x: tensor<1x2x8x8xf32>, %r: tensor<3x4xf32>, %b: tensor<3xi64>) -> tensor<3x2x2x2xf32> {
  %0 = onnx.RoiAlign %x, %r, %b {output_height = 2 : i64, output_width = 2 : i64} : (tensor<1x2x8x8xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<3x2x2x2xf32>
  return %0 : tensor<3x2x2x2xf32>
}

// -----

// MaxUnpool: zeros, then each value inserted at its unraveled index.
// CHECK-LABEL: func.func @max_unpool
// CHECK: linalg.fill
// CHECK: scf.for
// CHECK: arith.remsi
// CHECK: scf.if
// CHECK: tensor.insert
func.func @max_unpool(%p: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %none: none) -> tensor<1x1x4x4xf32> {
  %0 = onnx.MaxUnpool %p, %i, %none {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, none) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// DeformConv: per output, a loop over the group's input channels with the
// kernel taps unrolled, each sampled bilinearly.
// CHECK-LABEL: func.func @deform_conv
// CHECK: linalg.generic
// CHECK: scf.for {{.*}} -> (f32)
// CHECK-COUNT-4: math.floor
func.func @deform_conv(%x: tensor<1x2x4x4xf32>, %w: tensor<4x2x2x2xf32>, %o: tensor<1x8x3x3xf32>, %none: none) -> tensor<1x4x3x3xf32> {
  %0 = onnx.DeformConv %x, %w, %o, %none, %none {kernel_shape = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>, tensor<4x2x2x2xf32>, tensor<1x8x3x3xf32>, none, none) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
