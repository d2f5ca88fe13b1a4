// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg | FileCheck %s

// 2-D, group 1: tensor.pad with the explicit pads, the bias broadcast along
// the channels initializes the accumulator of linalg.conv_2d_nchw_fchw.
// CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv2d_bias_pads
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 1, 2]
// CHECK: tensor.yield %[[ZERO]]
// CHECK: } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x4x8xf32>
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID]]]
// CHECK-SAME: ins(%[[B]] : tensor<4xf32>) outs(%[[EMPTY]] : tensor<1x4x4x8xf32>)
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[W]] : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x8xf32>)
// CHECK: return %[[CONV]]
func.func @conv2d_bias_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x8xf32> {
  %0 = onnx.Conv %x, %w, %b {pads = array<i64: 1, 0, 1, 2>, strides = array<i64: 2, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// -----

// Run-time batch and spatial dims: the output sizes are computed from the
// input's, (in - effective kernel) floordiv stride + 1.
// CHECK-LABEL: func.func @conv2d_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?x?xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %c0{{(_[0-9]+)?}}
// CHECK-DAG: %[[H:.*]] = tensor.dim %[[X]], %c2{{(_[0-9]+)?}}
// CHECK: %[[HSPAN:.*]] = arith.subi %[[H]], %c5{{(_[0-9]+)?}}
// CHECK: %[[OH:.*]] = arith.addi %[[HSPAN]], %c1{{(_[0-9]+)?}}
// CHECK: %[[W_IN:.*]] = tensor.dim %[[X]], %c3{{(_[0-9]+)?}}
// CHECK: %[[WSPAN:.*]] = arith.subi %[[W_IN]], %c3{{(_[0-9]+)?}}
// CHECK: %[[WDIV:.*]] = arith.floordivsi %[[WSPAN]], %c2{{(_[0-9]+)?}}
// CHECK: %[[OW:.*]] = arith.addi %[[WDIV]], %c1{{(_[0-9]+)?}}
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[N]], %[[OH]], %[[OW]]) : tensor<?x4x?x?xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x4x?x?xf32>)
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<?x4x?x?xf32>)
func.func @conv2d_dynamic(%x: tensor<?x3x?x?xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x?x?xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n {dilations = array<i64: 2, 1>, strides = array<i64: 1, 2>} : (tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>, none) -> tensor<?x4x?x?xf32>
  return %0 : tensor<?x4x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @conv1d
// CHECK: linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
// CHECK-SAME: -> tensor<2x4x8xf32>
func.func @conv1d(%x: tensor<2x3x10xf32>, %w: tensor<4x3x3xf32>) -> tensor<2x4x8xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n : (tensor<2x3x10xf32>, tensor<4x3x3xf32>, none) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

// CHECK-LABEL: func.func @conv3d
// CHECK: linalg.conv_3d_ncdhw_fcdhw {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
// CHECK-SAME: -> tensor<1x4x3x3x3xf32>
func.func @conv3d(%x: tensor<1x2x5x5x5xf32>, %w: tensor<4x2x3x3x3xf32>) -> tensor<1x4x3x3x3xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n : (tensor<1x2x5x5x5xf32>, tensor<4x2x3x3x3xf32>, none) -> tensor<1x4x3x3x3xf32>
  return %0 : tensor<1x4x3x3x3xf32>
}

// -----

// Depthwise (one input and one output channel per group): the weight loses
// its unit dim for linalg.depthwise_conv_2d_nchw_chw.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x6x6xf32>, %[[W:.*]]: tensor<8x1x3x3xf32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<8x1x3x3xf32> into tensor<8x3x3xf32>
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: ins(%[[X]], %[[FLAT]] : tensor<1x8x6x6xf32>, tensor<8x3x3xf32>)
func.func @conv_depthwise(%x: tensor<1x8x6x6xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x4x4xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n {group = 8 : i64} : (tensor<1x8x6x6xf32>, tensor<8x1x3x3xf32>, none) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// 2-D grouped: the grouped views [N, G, C/G, ...] x [G, M/G, C/G, ...] feed
// linalg.conv_2d_ngchw_gfchw, whose result is collapsed back.
// CHECK-LABEL: func.func @conv2d_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<?x6x6x6xf32>, %[[W:.*]]: tensor<9x2x3x3xf32>)
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[GX:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] output_shape [%{{.*}}, 3, 2, 6, 6] : tensor<?x6x6x6xf32> into tensor<?x3x2x6x6xf32>
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [3, 3, 2, 3, 3] : tensor<9x2x3x3xf32> into tensor<3x3x2x3x3xf32>
// CHECK: %[[GINIT:.*]] = tensor.expand_shape %[[INIT]] {{\[}}[0], [1, 2], [3], [4]] output_shape [%{{.*}}, 3, 3, 4, 4]
// CHECK: %[[CONV:.*]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: ins(%[[GX]], %[[GW]] : tensor<?x3x2x6x6xf32>, tensor<3x3x2x3x3xf32>) outs(%[[GINIT]] : tensor<?x3x3x4x4xf32>)
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[CONV]] {{\[}}[0], [1, 2], [3], [4]] : tensor<?x3x3x4x4xf32> into tensor<?x9x4x4xf32>
// CHECK: return %[[R]]
func.func @conv2d_grouped(%x: tensor<?x6x6x6xf32>, %w: tensor<9x2x3x3xf32>) -> tensor<?x9x4x4xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n {group = 3 : i64} : (tensor<?x6x6x6xf32>, tensor<9x2x3x3xf32>, none) -> tensor<?x9x4x4xf32>
  return %0 : tensor<?x9x4x4xf32>
}

// -----

// Grouped convolutions of other ranks: a linalg.generic over
// (n, g, m, o, c, k) reading the input at o * stride + k * dilation.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d3 * 2 + d5 * 2)>
// CHECK-DAG: #[[WT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d4, d5)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv1d_grouped
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WT]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x2x2x10xf32>, tensor<2x3x2x3xf32>) outs(%{{.*}} : tensor<1x2x3x3xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2], [3]] : tensor<1x2x3x3xf32> into tensor<1x6x3xf32>
func.func @conv1d_grouped(%x: tensor<1x4x10xf32>, %w: tensor<6x2x3xf32>) -> tensor<1x6x3xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n {group = 2 : i64, strides = array<i64: 2>, dilations = array<i64: 2>} : (tensor<1x4x10xf32>, tensor<6x2x3xf32>, none) -> tensor<1x6x3xf32>
  return %0 : tensor<1x6x3xf32>
}

// -----

// f16 accumulates in f32 and is truncated at the end.
// CHECK-LABEL: func.func @conv_f16
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x2x4x4xf16>, tensor<2x2x3x3xf16>) outs(%{{.*}} : tensor<1x2x2x2xf32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[CONV]] : tensor<1x2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x2xf16>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @conv_f16(%x: tensor<1x2x4x4xf16>, %w: tensor<2x2x3x3xf16>, %b: tensor<2xf16>) -> tensor<1x2x2x2xf16> {
  %0 = onnx.Conv %x, %w, %b : (tensor<1x2x4x4xf16>, tensor<2x2x3x3xf16>, tensor<2xf16>) -> tensor<1x2x2x2xf16>
  return %0 : tensor<1x2x2x2xf16>
}

// -----

// SAME_UPPER: total padding 3 per dim, the larger half at the end.
// CHECK-LABEL: func.func @conv_same_upper
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 2, 2]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @conv_same_upper(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  %n = onnx.NoValue
  %0 = onnx.Conv %x, %w, %n {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x4x4xf32>, none) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// ConvTranspose with strides: the input is interleaved with zeros by a
// strided tensor.insert_slice at offset dilation * (kernel - 1) - pad_begin
// into a zero tensor that also holds the end padding (with output_padding);
// the kernel is flipped with its channel dims swapped; a stride-1 conv
// follows.
// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_transpose_strided
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x3xf32>, %[[W:.*]]: tensor<2x4x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x2x9x7xf32>)
// CHECK: %[[IN:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 1, 1] [1, 2, 3, 3] [1, 1, 2, 2] : tensor<1x2x3x3xf32> into tensor<1x2x9x7xf32>
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], #[[ID]]]
// CHECK-SAME: ins(%[[W]] : tensor<2x4x3x3xf32>) outs(%{{.*}} : tensor<4x2x3x3xf32>)
// CHECK: %[[INIT:.*]] = linalg.generic
// CHECK-SAME: ins(%[[B]] : tensor<4xf32>)
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%[[IN]], %[[FLIPPED]] : tensor<1x2x9x7xf32>, tensor<4x2x3x3xf32>) outs(%[[INIT]] : tensor<1x4x7x5xf32>)
// CHECK: return %[[CONV]]
func.func @conv_transpose_strided(%x: tensor<1x2x3x3xf32>, %w: tensor<2x4x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x7x5xf32> {
  %0 = onnx.ConvTranspose %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 1>, output_padding = array<i64: 1, 0>} : (tensor<1x2x3x3xf32>, tensor<2x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x7x5xf32>
  return %0 : tensor<1x4x7x5xf32>
}

// -----

// Grouped ConvTranspose with stride 1: tensor.pad, and the kernel
// [C, M/G, k] is flipped per group into [M, C/G, k].
// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d1, -d3 + 1, -d4 + 1)>
// CHECK-LABEL: func.func @conv_transpose_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<?x4x3x3xf32>, %[[W:.*]]: tensor<4x3x2x2xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 2, 3, 2, 2]
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}]
// CHECK-SAME: ins(%[[GW]] : tensor<2x2x3x2x2xf32>) outs(%{{.*}} : tensor<2x3x2x2x2xf32>)
// CHECK: tensor.collapse_shape %[[FLIPPED]] {{\[}}[0, 1], [2], [3], [4]] : tensor<2x3x2x2x2xf32> into tensor<6x2x2x2xf32>
// CHECK: linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: -> tensor<?x2x3x4x4xf32>
// CHECK: tensor.collapse_shape %{{.*}} : tensor<?x2x3x4x4xf32> into tensor<?x6x4x4xf32>
func.func @conv_transpose_grouped(%x: tensor<?x4x3x3xf32>, %w: tensor<4x3x2x2xf32>) -> tensor<?x6x4x4xf32> {
  %n = onnx.NoValue
  %0 = onnx.ConvTranspose %x, %w, %n {group = 2 : i64} : (tensor<?x4x3x3xf32>, tensor<4x3x2x2xf32>, none) -> tensor<?x6x4x4xf32>
  return %0 : tensor<?x6x4x4xf32>
}

// -----

// Pads larger than dilation * (kernel - 1): the convolution runs over a
// larger output, which is cropped.
// CHECK-LABEL: func.func @conv_transpose_crop
// CHECK: %[[IN:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0] [1, 1, 5] [1, 1, 3] : tensor<1x1x5xf32> into tensor<1x1x13xf32>
// CHECK: %[[CONV:.*]] = linalg.conv_1d_ncw_fcw
// CHECK-SAME: -> tensor<1x2x12xf32>
// CHECK: %[[R:.*]] = tensor.extract_slice %[[CONV]][0, 0, 1] [1, 2, 10] [1, 1, 1] : tensor<1x2x12xf32> to tensor<1x2x10xf32>
// CHECK: return %[[R]]
func.func @conv_transpose_crop(%x: tensor<1x1x5xf32>, %w: tensor<1x2x2xf32>) -> tensor<1x2x10xf32> {
  %n = onnx.NoValue
  %0 = onnx.ConvTranspose %x, %w, %n {strides = array<i64: 3>, pads = array<i64: 2, 2>} : (tensor<1x1x5xf32>, tensor<1x2x2xf32>, none) -> tensor<1x2x10xf32>
  return %0 : tensor<1x2x10xf32>
}

// -----

// Run-time spatial dims: the interleaved size is (in - 1) * stride + 1 plus
// the padding.
// CHECK-LABEL: func.func @conv_transpose_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x2x?x?xf32>
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %c0{{(_[0-9]+)?}}
// CHECK-DAG: %[[H:.*]] = tensor.dim %[[X]], %c2{{(_[0-9]+)?}}
// CHECK-DAG: %[[W_IN:.*]] = tensor.dim %[[X]], %c3{{(_[0-9]+)?}}
// CHECK: %[[HM1:.*]] = arith.subi %[[H]], %c1{{(_[0-9]+)?}}
// CHECK: %[[HS:.*]] = arith.muli %[[HM1]], %c2{{(_[0-9]+)?}}
// CHECK: %[[ZH:.*]] = arith.addi %[[HS]], %c5{{(_[0-9]+)?}}
// CHECK: %[[ZW:.*]] = arith.addi %{{.*}}, %c5{{(_[0-9]+)?}}
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[N]], %[[ZH]], %[[ZW]]) : tensor<?x2x?x?xf32>
// CHECK: tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 2, 2] [%[[N]], 2, %[[H]], %[[W_IN]]] [1, 1, 2, 2]
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: -> tensor<?x3x?x?xf32>
func.func @conv_transpose_dynamic(%x: tensor<?x2x?x?xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<?x3x?x?xf32> {
  %n = onnx.NoValue
  %0 = onnx.ConvTranspose %x, %w, %n {strides = array<i64: 2, 2>} : (tensor<?x2x?x?xf32>, tensor<2x3x3x3xf32>, none) -> tensor<?x3x?x?xf32>
  return %0 : tensor<?x3x?x?xf32>
}
