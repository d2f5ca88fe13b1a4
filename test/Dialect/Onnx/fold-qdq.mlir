// RUN: onnx-opt %s -split-input-file --onnx-fold-qdq | FileCheck %s

// Q(Conv(DQ(x), DQ(w), DQ(b))) with an i32 bias of scale x_scale * w_scale:
// one QLinearConv on the quantized tensors (w per output channel).
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xui8>)
// CHECK-DAG: %[[XS:.*]] = onnx.Constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[XZ:.*]] = onnx.Constant dense<128> : tensor<ui8>
// CHECK-DAG: %[[W:.*]] = onnx.Constant dense<3> : tensor<2x2x3x3xi8>
// CHECK-DAG: %[[WS:.*]] = onnx.Constant dense<[2.500000e-01, 1.250000e-01]> : tensor<2xf32>
// CHECK-DAG: %[[B:.*]] = onnx.Constant dense<[10, -10]> : tensor<2xi32>
// CHECK-DAG: %[[YS:.*]] = onnx.Constant dense<4.000000e+00> : tensor<f32>
// CHECK-DAG: %[[WZ:.*]] = onnx.Constant dense<0> : tensor<i8>
// CHECK: %[[Y:.*]] = onnx.QLinearConv %[[X]], %[[XS]], %[[XZ]], %[[W]], %[[WS]], %[[WZ]], %[[YS]], %[[XZ]], %[[B]] {pads = array<i64: 1, 1, 1, 1>}
// CHECK-SAME: -> tensor<1x2x5x5xui8>
// CHECK-NOT: onnx.DequantizeLinear
// CHECK: return %[[Y]]
func.func @conv(%x: tensor<1x2x5x5xui8>) -> tensor<1x2x5x5xui8> {
  %none = onnx.NoValue {value}
  %xs = onnx.Constant dense<0.5> : tensor<f32>
  %xz = onnx.Constant dense<128> : tensor<ui8>
  %w = onnx.Constant dense<3> : tensor<2x2x3x3xi8>
  %ws = onnx.Constant dense<[0.25, 0.125]> : tensor<2xf32>
  %b = onnx.Constant dense<[10, -10]> : tensor<2xi32>
  %bs = onnx.Constant dense<[0.125, 0.0625]> : tensor<2xf32>
  %ys = onnx.Constant dense<4.0> : tensor<f32>
  %dx = onnx.DequantizeLinear %x, %xs, %xz : (tensor<1x2x5x5xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x2x5x5xf32>
  %dw = onnx.DequantizeLinear %w, %ws, %none {axis = 0 : i64} : (tensor<2x2x3x3xi8>, tensor<2xf32>, none) -> tensor<2x2x3x3xf32>
  %db = onnx.DequantizeLinear %b, %bs, %none : (tensor<2xi32>, tensor<2xf32>, none) -> tensor<2xf32>
  %c = onnx.Conv %dx, %dw, %db {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>
  %y = onnx.QuantizeLinear %c, %ys, %xz : (tensor<1x2x5x5xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x2x5x5xui8>
  return %y : tensor<1x2x5x5xui8>
}

// -----

// A bias whose scale is not x_scale * w_scale cannot be added in i32.
// CHECK-LABEL: func.func @conv_bias_scale
// CHECK-NOT: onnx.QLinearConv
// CHECK: onnx.Conv
func.func @conv_bias_scale(%x: tensor<1x1x5x5xi8>, %w: tensor<1x1x3x3xi8>, %b: tensor<1xi32>) -> tensor<1x1x3x3xi8> {
  %none = onnx.NoValue {value}
  %s = onnx.Constant dense<0.5> : tensor<f32>
  %bs = onnx.Constant dense<0.3> : tensor<f32>
  %dx = onnx.DequantizeLinear %x, %s, %none : (tensor<1x1x5x5xi8>, tensor<f32>, none) -> tensor<1x1x5x5xf32>
  %dw = onnx.DequantizeLinear %w, %s, %none : (tensor<1x1x3x3xi8>, tensor<f32>, none) -> tensor<1x1x3x3xf32>
  %db = onnx.DequantizeLinear %b, %bs, %none : (tensor<1xi32>, tensor<f32>, none) -> tensor<1xf32>
  %c = onnx.Conv %dx, %dw, %db : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  %y = onnx.QuantizeLinear %c, %s, %none {output_dtype = 3 : i64} : (tensor<1x1x3x3xf32>, tensor<f32>, none) -> tensor<1x1x3x3xi8>
  return %y : tensor<1x1x3x3xi8>
}

// -----

// The float result is also used elsewhere: nothing to fold.
// CHECK-LABEL: func.func @conv_two_uses
// CHECK-NOT: onnx.QLinearConv
func.func @conv_two_uses(%x: tensor<1x1x5x5xi8>, %w: tensor<1x1x3x3xi8>, %s: tensor<f32>, %z: tensor<i8>)
    -> (tensor<1x1x3x3xi8>, tensor<1x1x3x3xf32>) {
  %none = onnx.NoValue {value}
  %dx = onnx.DequantizeLinear %x, %s, %z : (tensor<1x1x5x5xi8>, tensor<f32>, tensor<i8>) -> tensor<1x1x5x5xf32>
  %dw = onnx.DequantizeLinear %w, %s, %z : (tensor<1x1x3x3xi8>, tensor<f32>, tensor<i8>) -> tensor<1x1x3x3xf32>
  %c = onnx.Conv %dx, %dw, %none : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x3x3xf32>
  %y = onnx.QuantizeLinear %c, %s, %z : (tensor<1x1x3x3xf32>, tensor<f32>, tensor<i8>) -> tensor<1x1x3x3xi8>
  return %y, %c : tensor<1x1x3x3xi8>, tensor<1x1x3x3xf32>
}

// -----

// MatMul with b per column; absent zero points become zero constants.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: tensor<4x3xi8>, %[[B:.*]]: tensor<3x2xi8>, %[[AS:.*]]: tensor<f32>, %[[BS:.*]]: tensor<2xf32>, %[[YS:.*]]: tensor<f32>)
// CHECK: %[[Z:.*]] = onnx.Constant dense<0> : tensor<i8>
// CHECK: %[[YZ:.*]] = onnx.Constant dense<0> : tensor<ui8>
// CHECK: %[[Y:.*]] = onnx.QLinearMatMul %[[A]], %[[AS]], %[[Z]], %[[B]], %[[BS]], %{{.*}}, %[[YS]], %[[YZ]] : {{.*}} -> tensor<4x2xui8>
// CHECK: return %[[Y]]
func.func @matmul(%a: tensor<4x3xi8>, %b: tensor<3x2xi8>, %as: tensor<f32>, %bs: tensor<2xf32>, %ys: tensor<f32>) -> tensor<4x2xui8> {
  %none = onnx.NoValue {value}
  %da = onnx.DequantizeLinear %a, %as, %none : (tensor<4x3xi8>, tensor<f32>, none) -> tensor<4x3xf32>
  %db = onnx.DequantizeLinear %b, %bs, %none : (tensor<3x2xi8>, tensor<2xf32>, none) -> tensor<3x2xf32>
  %m = onnx.MatMul %da, %db : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>
  %y = onnx.QuantizeLinear %m, %ys, %none : (tensor<4x2xf32>, tensor<f32>, none) -> tensor<4x2xui8>
  return %y : tensor<4x2xui8>
}

// -----

// b quantized per row (axis 0) is not a per-column scale: no fold.
// CHECK-LABEL: func.func @matmul_per_row_b
// CHECK-NOT: onnx.QLinearMatMul
func.func @matmul_per_row_b(%a: tensor<4x3xi8>, %b: tensor<3x2xi8>, %as: tensor<f32>, %bs: tensor<3xf32>) -> tensor<4x2xui8> {
  %none = onnx.NoValue {value}
  %da = onnx.DequantizeLinear %a, %as, %none : (tensor<4x3xi8>, tensor<f32>, none) -> tensor<4x3xf32>
  %db = onnx.DequantizeLinear %b, %bs, %none {axis = 0 : i64} : (tensor<3x2xi8>, tensor<3xf32>, none) -> tensor<3x2xf32>
  %m = onnx.MatMul %da, %db : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>
  %y = onnx.QuantizeLinear %m, %as, %none : (tensor<4x2xf32>, tensor<f32>, none) -> tensor<4x2xui8>
  return %y : tensor<4x2xui8>
}

// -----

// Data movement between a DQ and a Q of the same parameters moves the
// quantized values; a DQ -> Q pair of the same parameters is the input.
// CHECK-LABEL: func.func @data_movement
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi8>
// CHECK: %[[T:.*]] = onnx.Transpose %[[X]] {perm = array<i64: 1, 0>} : (tensor<2x3xi8>) -> tensor<3x2xi8>
// CHECK-NOT: onnx.QuantizeLinear
// CHECK: return %[[T]], %[[X]]
func.func @data_movement(%x: tensor<2x3xi8>, %s: tensor<f32>, %z: tensor<i8>) -> (tensor<3x2xi8>, tensor<2x3xi8>) {
  %d = onnx.DequantizeLinear %x, %s, %z : (tensor<2x3xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3xf32>
  %t = onnx.Transpose %d {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %y = onnx.QuantizeLinear %t, %s, %z : (tensor<3x2xf32>, tensor<f32>, tensor<i8>) -> tensor<3x2xi8>
  %d2 = onnx.DequantizeLinear %x, %s, %z : (tensor<2x3xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3xf32>
  %y2 = onnx.QuantizeLinear %d2, %s, %z : (tensor<2x3xf32>, tensor<f32>, tensor<i8>) -> tensor<2x3xi8>
  return %y, %y2 : tensor<3x2xi8>, tensor<2x3xi8>
}

// -----

// Equal constants count as the same parameters; different scales do not.
// CHECK-LABEL: func.func @requantize
// CHECK: %[[R:.*]] = onnx.Reshape %{{.*}}, %{{.*}} : (tensor<2x3xi8>, tensor<1xi64>) -> tensor<6xi8>
// CHECK: onnx.DequantizeLinear
// CHECK: onnx.QuantizeLinear
// CHECK: return %[[R]]
func.func @requantize(%x: tensor<2x3xi8>) -> (tensor<6xi8>, tensor<2x3xi8>) {
  %none = onnx.NoValue {value}
  %s1 = onnx.Constant dense<0.5> : tensor<f32>
  %s2 = onnx.Constant dense<0.5> : tensor<f32>
  %s3 = onnx.Constant dense<0.25> : tensor<f32>
  %shape = onnx.Constant dense<6> : tensor<1xi64>
  %d = onnx.DequantizeLinear %x, %s1, %none : (tensor<2x3xi8>, tensor<f32>, none) -> tensor<2x3xf32>
  %r = onnx.Reshape %d, %shape : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<6xf32>
  %y = onnx.QuantizeLinear %r, %s2, %none {output_dtype = 3 : i64} : (tensor<6xf32>, tensor<f32>, none) -> tensor<6xi8>
  %d2 = onnx.DequantizeLinear %x, %s1, %none : (tensor<2x3xi8>, tensor<f32>, none) -> tensor<2x3xf32>
  %y2 = onnx.QuantizeLinear %d2, %s3, %none {output_dtype = 3 : i64} : (tensor<2x3xf32>, tensor<f32>, none) -> tensor<2x3xi8>
  return %y, %y2 : tensor<6xi8>, tensor<2x3xi8>
}
