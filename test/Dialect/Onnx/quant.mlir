// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s
// RUN: onnx-opt %s -split-input-file | onnx-opt -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// The result element type of QuantizeLinear is the zero point's, else
// output_dtype's, else ui8; the shape is x's.
// CHECK-LABEL: func.func @quantize_linear
// CHECK: onnx.QuantizeLinear {{.*}} -> tensor<2x3xui8>
// CHECK: onnx.QuantizeLinear {{.*}} -> tensor<2x3xi8>
// CHECK: onnx.QuantizeLinear {{.*}} {axis = 0 : i64, output_dtype = 5 : i64} {{.*}} -> tensor<2x3xi16>
// CHECK: onnx.QuantizeLinear {{.*}} -> tensor<?x3xf8E4M3FN>
// CHECK: onnx.QuantizeLinear {{.*}} {output_dtype = 22 : i64} {{.*}} -> tensor<2x3xi4>
// ROUNDTRIP-LABEL: func.func @quantize_linear
// ROUNDTRIP: onnx.QuantizeLinear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<f32>, none) -> tensor<*xui8>
func.func @quantize_linear(%x: tensor<2x3xf32>, %s: tensor<f32>, %zp: tensor<i8>,
                           %s0: tensor<2xf32>, %y: tensor<?x3xf32>, %zf8: tensor<1xf8E4M3FN>)
    -> (tensor<*xui8>, tensor<*xi8>, tensor<*xi16>, tensor<*xf8E4M3FN>, tensor<*xi4>) {
  %none = onnx.NoValue {value}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<2x3xf32>, tensor<f32>, none) -> tensor<*xui8>
  %1 = onnx.QuantizeLinear %x, %s, %zp : (tensor<2x3xf32>, tensor<f32>, tensor<i8>) -> tensor<*xi8>
  %2 = onnx.QuantizeLinear %x, %s0, %none {axis = 0 : i64, output_dtype = 5 : i64} : (tensor<2x3xf32>, tensor<2xf32>, none) -> tensor<*xi16>
  %3 = onnx.QuantizeLinear %y, %s, %zf8 : (tensor<?x3xf32>, tensor<f32>, tensor<1xf8E4M3FN>) -> tensor<*xf8E4M3FN>
  %4 = onnx.QuantizeLinear %x, %s, %none {output_dtype = 22 : i64} : (tensor<2x3xf32>, tensor<f32>, none) -> tensor<*xi4>
  return %0, %1, %2, %3, %4 : tensor<*xui8>, tensor<*xi8>, tensor<*xi16>, tensor<*xf8E4M3FN>, tensor<*xi4>
}

// -----

// Blocked: the scale has x's rank and ceil(dim / block_size) along axis.
// CHECK-LABEL: func.func @quantize_blocked
// CHECK: onnx.QuantizeLinear {{.*}} -> tensor<3x5xui8>
func.func @quantize_blocked(%x: tensor<3x5xf32>, %s: tensor<3x3xf32>, %zp: tensor<3x3xui8>) -> tensor<*xui8> {
  %0 = onnx.QuantizeLinear %x, %s, %zp {axis = 1 : i64, block_size = 2 : i64} : (tensor<3x5xf32>, tensor<3x3xf32>, tensor<3x3xui8>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

// DequantizeLinear gives the scale's element type, or output_dtype's.
// CHECK-LABEL: func.func @dequantize_linear
// CHECK: onnx.DequantizeLinear {{.*}} -> tensor<1x3x2xf32>
// CHECK: onnx.DequantizeLinear {{.*}} -> tensor<4xf16>
// CHECK: onnx.DequantizeLinear {{.*}} {output_dtype = 16 : i64} {{.*}} -> tensor<4xbf16>
func.func @dequantize_linear(%x: tensor<1x3x2xui8>, %s: tensor<3xf32>, %zp: tensor<3xui8>,
                             %x8: tensor<4xf8E5M2>, %h: tensor<f16>, %i: tensor<4xi4>)
    -> (tensor<*xf32>, tensor<*xf16>, tensor<*xbf16>) {
  %none = onnx.NoValue {value}
  %0 = onnx.DequantizeLinear %x, %s, %zp : (tensor<1x3x2xui8>, tensor<3xf32>, tensor<3xui8>) -> tensor<*xf32>
  %1 = onnx.DequantizeLinear %x8, %h, %none : (tensor<4xf8E5M2>, tensor<f16>, none) -> tensor<*xf16>
  %2 = onnx.DequantizeLinear %i, %h, %none {output_dtype = 16 : i64} : (tensor<4xi4>, tensor<f16>, none) -> tensor<*xbf16>
  return %0, %1, %2 : tensor<*xf32>, tensor<*xf16>, tensor<*xbf16>
}

// -----

// CHECK-LABEL: func.func @dynamic_quantize_linear
// CHECK: onnx.DynamicQuantizeLinear {{.*}} -> (tensor<?x4xui8>, tensor<f32>, tensor<ui8>)
func.func @dynamic_quantize_linear(%x: tensor<?x4xf32>) -> (tensor<*xui8>, tensor<*xf32>, tensor<*xui8>) {
  %0:3 = onnx.DynamicQuantizeLinear %x : (tensor<?x4xf32>) -> (tensor<*xui8>, tensor<*xf32>, tensor<*xui8>)
  return %0#0, %0#1, %0#2 : tensor<*xui8>, tensor<*xf32>, tensor<*xui8>
}

// -----

// The integer matmuls have numpy.matmul shapes: i32, or y_zero_point's type.
// CHECK-LABEL: func.func @matmul_integer
// CHECK: onnx.MatMulInteger {{.*}} -> tensor<4x2xi32>
// CHECK: onnx.QLinearMatMul {{.*}} -> tensor<2x?x3xi8>
func.func @matmul_integer(%a: tensor<4x3xui8>, %b: tensor<3x2xui8>, %zp: tensor<ui8>,
                          %qa: tensor<2x?x4xi8>, %qb: tensor<4x3xi8>, %s: tensor<f32>, %z: tensor<i8>)
    -> (tensor<*xi32>, tensor<*xi8>) {
  %none = onnx.NoValue {value}
  %0 = onnx.MatMulInteger %a, %b, %zp, %none : (tensor<4x3xui8>, tensor<3x2xui8>, tensor<ui8>, none) -> tensor<*xi32>
  %1 = onnx.QLinearMatMul %qa, %s, %z, %qb, %s, %z, %s, %z : (tensor<2x?x4xi8>, tensor<f32>, tensor<i8>, tensor<4x3xi8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<*xi8>
  return %0, %1 : tensor<*xi32>, tensor<*xi8>
}

// -----

// The integer convolutions have Conv's shapes.
// CHECK-LABEL: func.func @conv_integer
// CHECK: onnx.ConvInteger {{.*}} -> tensor<1x2x4x4xi32>
// CHECK: onnx.QLinearConv {{.*}} -> tensor<?x4x3x3xui8>
func.func @conv_integer(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2x2xui8>, %zp: tensor<ui8>, %wzp: tensor<2xui8>,
                        %qx: tensor<?x2x7x7xui8>, %qw: tensor<4x1x3x3xui8>, %s: tensor<f32>, %ws: tensor<4xf32>,
                        %wz: tensor<4xui8>, %bias: tensor<4xi32>)
    -> (tensor<*xi32>, tensor<*xui8>) {
  %0 = onnx.ConvInteger %x, %w, %zp, %wzp {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xui8>, tensor<2x1x2x2xui8>, tensor<ui8>, tensor<2xui8>) -> tensor<*xi32>
  %1 = onnx.QLinearConv %qx, %s, %zp, %qw, %ws, %wz, %s, %zp, %bias {group = 2 : i64, strides = array<i64: 2, 2>} : (tensor<?x2x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<4x1x3x3xui8>, tensor<4xf32>, tensor<4xui8>, tensor<f32>, tensor<ui8>, tensor<4xi32>) -> tensor<*xui8>
  return %0, %1 : tensor<*xi32>, tensor<*xui8>
}
