// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -mlir-print-local-scope | FileCheck %s

// ConvInteger: x - x_zero_point and w - w_zero_point (per output channel)
// in i32, padded with 0 (the zero point before the subtraction), then an
// i32 named convolution.
// CHECK-LABEL: func.func @conv_integer
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xi8>, %[[W:.*]]: tensor<2x1x2x2xi8>, %[[XZ:.*]]: tensor<i8>, %[[WZ:.*]]: tensor<2xi8>)
// CHECK: %[[XS:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> ()>, {{.*}}]
// CHECK-SAME: ins(%[[X]], %[[XZ]] : tensor<1x1x3x3xi8>, tensor<i8>)
// CHECK: arith.extui
// CHECK: arith.subi
// CHECK: } -> tensor<1x1x3x3xi32>
// CHECK: %[[WS:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0)>, {{.*}}]
// CHECK-SAME: ins(%[[W]], %[[WZ]] : tensor<2x1x2x2xi8>, tensor<2xi8>)
// CHECK: %[[C0:.*]] = arith.constant 0 : i32
// CHECK: %[[PAD:.*]] = tensor.pad %[[XS]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[C0]] : i32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<1x2x4x4xi32>)
// CHECK: %[[R:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[PAD]], %[[WS]] : tensor<1x1x5x5xi32>, tensor<2x1x2x2xi32>) outs(%[[INIT]] : tensor<1x2x4x4xi32>)
// CHECK: return %[[R]] : tensor<1x2x4x4xi32>
func.func @conv_integer(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2x2xui8>, %xzp: tensor<ui8>, %wzp: tensor<2xui8>) -> tensor<1x2x4x4xi32> {
  %0 = onnx.ConvInteger %x, %w, %xzp, %wzp {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xui8>, tensor<2x1x2x2xui8>, tensor<ui8>, tensor<2xui8>) -> tensor<1x2x4x4xi32>
  return %0 : tensor<1x2x4x4xi32>
}

// -----

// Dynamic batch and spatial sizes: the output sizes come from the padded
// input.
// CHECK-LABEL: func.func @conv_integer_1d_dynamic
// CHECK: %[[PAD:.*]] = tensor.pad
// CHECK: tensor.dim %[[PAD]], %{{.*}} : tensor<?x3x?xi32>
// CHECK: linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%[[PAD]], %{{.*}} : tensor<?x3x?xi32>, tensor<4x3x3xi32>) outs(%{{.*}} : tensor<?x4x?xi32>)
func.func @conv_integer_1d_dynamic(%x: tensor<?x3x?xi8>, %w: tensor<4x3x3xi8>) -> tensor<?x4x?xi32> {
  %none = onnx.NoValue {value}
  %0 = onnx.ConvInteger %x, %w, %none, %none {strides = array<i64: 2>, dilations = array<i64: 2>, pads = array<i64: 1, 1>} : (tensor<?x3x?xi8>, tensor<4x3x3xi8>, none, none) -> tensor<?x4x?xi32>
  return %0 : tensor<?x4x?xi32>
}

// -----

// Groups: a linalg.generic over the grouped views with integer arithmetic.
// CHECK-LABEL: func.func @conv_integer_grouped
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 2, 4, 4] : tensor<1x4x4x4xi32> into tensor<1x2x2x4x4xi32>
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]
// CHECK: %[[M:.*]] = arith.muli
// CHECK: arith.addi %{{.*}}, %[[M]] : i32
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x2x3x3x3xi32> into tensor<1x6x3x3xi32>
func.func @conv_integer_grouped(%x: tensor<1x4x4x4xui8>, %w: tensor<6x2x2x2xui8>) -> tensor<1x6x3x3xi32> {
  %none = onnx.NoValue {value}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 2 : i64} : (tensor<1x4x4x4xui8>, tensor<6x2x2x2xui8>, none, none) -> tensor<1x6x3x3xi32>
  return %0 : tensor<1x6x3x3xi32>
}

// -----

// QLinearConv: the i32 bias initializes the accumulator; the result is
// requantized with w_scale per output channel (dim 1).
// CHECK-LABEL: func.func @qlinear_conv
// CHECK-SAME: %[[B:[^:]*]]: tensor<2xi32>)
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME: ins(%[[B]] : tensor<2xi32>)
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nchw_fchw {{.*}} outs(%[[INIT]] : tensor<1x2x7x7xi32>)
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> ()>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> ()>, affine_map<(d0, d1, d2, d3) -> ()>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME: ins(%[[ACC]], {{.*}} : tensor<1x2x7x7xi32>, tensor<f32>, tensor<2xf32>, tensor<f32>, tensor<i8>)
// CHECK: arith.fptoui %{{.*}} : f32 to i8
func.func @qlinear_conv(%x: tensor<1x1x7x7xui8>, %xs: tensor<f32>, %xz: tensor<ui8>, %w: tensor<2x1x1x1xui8>,
                        %ws: tensor<2xf32>, %wz: tensor<2xui8>, %ys: tensor<f32>, %yz: tensor<ui8>, %b: tensor<2xi32>) -> tensor<1x2x7x7xui8> {
  %0 = onnx.QLinearConv %x, %xs, %xz, %w, %ws, %wz, %ys, %yz, %b : (tensor<1x1x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<2x1x1x1xui8>, tensor<2xf32>, tensor<2xui8>, tensor<f32>, tensor<ui8>, tensor<2xi32>) -> tensor<1x2x7x7xui8>
  return %0 : tensor<1x2x7x7xui8>
}
