// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

// Scales and zero points the lowering cannot read (shape inference rejects
// most of them first; the lowering checks again).

func.func @quantize_scale_2d(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>) -> tensor<2x3xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: y_scale must be a scalar or a 1-D tensor of one value per channel, got tensor<2x3xf32>}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<2x3xf32>, tensor<2x3xf32>, none) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// -----

func.func @quantize_scale_size(%x: tensor<2x3xf32>, %s: tensor<2xf32>) -> tensor<2x3xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: y_scale has 2 values, expected 3}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<2x3xf32>, tensor<2xf32>, none) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// -----

// A 1-D scale of run-time size may hold one value or one per index.
func.func @dequantize_dynamic_scale(%x: tensor<2x3xi8>, %s: tensor<?xf32>) -> tensor<2x3xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: x_scale has a dynamic size}}
  %0 = onnx.DequantizeLinear %x, %s, %none : (tensor<2x3xi8>, tensor<?xf32>, none) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dequantize_axis(%x: tensor<2x3xi8>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: axis is out of range}}
  %0 = onnx.DequantizeLinear %x, %s, %none {axis = 5 : i64} : (tensor<2x3xi8>, tensor<3xf32>, none) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dequantize_block_rank(%x: tensor<2x4xi8>, %s: tensor<2xf32>) -> tensor<2x4xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: x_scale must have the rank of the input for blocked quantization}}
  %0 = onnx.DequantizeLinear %x, %s, %none {block_size = 2 : i64} : (tensor<2x4xi8>, tensor<2xf32>, none) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @matmul_integer_zero_point(%a: tensor<4x3xui8>, %b: tensor<3x2xui8>, %azp: tensor<2x4xui8>) -> tensor<4x2xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: a_zero_point of type tensor<2x4xi8> does not broadcast to tensor<4x3xi8>}}
  %0 = onnx.MatMulInteger %a, %b, %azp, %none : (tensor<4x3xui8>, tensor<3x2xui8>, tensor<2x4xui8>, none) -> tensor<4x2xi32>
  return %0 : tensor<4x2xi32>
}

// -----

func.func @qlinear_matmul_scale(%a: tensor<2x4xi8>, %s: tensor<1xf32>, %z: tensor<1xi8>, %b: tensor<4x3xi8>, %bs: tensor<4xf32>) -> tensor<2x3xi8> {
  // expected-error @+1 {{cannot lower: b_scale has 4 values, expected 3}}
  %0 = onnx.QLinearMatMul %a, %s, %z, %b, %bs, %z, %s, %z : (tensor<2x4xi8>, tensor<1xf32>, tensor<1xi8>, tensor<4x3xi8>, tensor<4xf32>, tensor<1xi8>, tensor<1xf32>, tensor<1xi8>) -> tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}

// -----

func.func @qlinear_matmul_vector_scale(%a: tensor<4xi8>, %as: tensor<2xf32>, %s: tensor<1xf32>, %z: tensor<1xi8>, %b: tensor<4x3xi8>) -> tensor<3xi8> {
  // expected-error @+1 {{cannot lower: a_scale must be a scalar or a 1-D tensor of one value per index, got tensor<2xf32>}}
  %0 = onnx.QLinearMatMul %a, %as, %z, %b, %s, %z, %s, %z : (tensor<4xi8>, tensor<2xf32>, tensor<1xi8>, tensor<4x3xi8>, tensor<1xf32>, tensor<1xi8>, tensor<1xf32>, tensor<1xi8>) -> tensor<3xi8>
  return %0 : tensor<3xi8>
}

// -----

func.func @conv_integer_rank(%x: tensor<1x3xui8>, %w: tensor<2x3xui8>) -> tensor<1x2xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: input and weight must have the same rank of at least 3}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x3xui8>, tensor<2x3xui8>, none, none) -> tensor<1x2xi32>
  return %0 : tensor<1x2xi32>
}

// -----

func.func @conv_integer_dynamic_kernel(%x: tensor<1x1x5xui8>, %w: tensor<1x1x?xui8>) -> tensor<1x1x?xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: the weight's spatial dims must be static}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x1x5xui8>, tensor<1x1x?xui8>, none, none) -> tensor<1x1x?xi32>
  return %0 : tensor<1x1x?xi32>
}

// -----

func.func @conv_integer_grouped_dynamic(%x: tensor<1x4x5xui8>, %w: tensor<?x2x3xui8>) -> tensor<1x?x3xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: grouped or more than 3-D convolution needs static channel counts in the weight}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 2 : i64} : (tensor<1x4x5xui8>, tensor<?x2x3xui8>, none, none) -> tensor<1x?x3xi32>
  return %0 : tensor<1x?x3xi32>
}

// -----

func.func @conv_integer_group_multiple(%x: tensor<1x4x5xui8>, %w: tensor<3x2x3xui8>) -> tensor<1x3x3xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: output channels are not a multiple of group}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 2 : i64} : (tensor<1x4x5xui8>, tensor<3x2x3xui8>, none, none) -> tensor<1x3x3xi32>
  return %0 : tensor<1x3x3xi32>
}

// -----

func.func @conv_integer_group_channels(%x: tensor<1x6x5xui8>, %w: tensor<4x2x3xui8>) -> tensor<1x4x3xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: input channels do not match the weight and group}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 2 : i64} : (tensor<1x6x5xui8>, tensor<4x2x3xui8>, none, none) -> tensor<1x4x3xi32>
  return %0 : tensor<1x4x3xi32>
}

// -----

func.func @conv_integer_window(%x: tensor<1x1x5xui8>, %w: tensor<1x1x3xui8>) -> tensor<1x1x3xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+2 {{pads has 4 values, expected 2}}
  // expected-error @+1 {{cannot lower: invalid window attributes}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {pads = array<i64: 0, 0, 0, 0>} : (tensor<1x1x5xui8>, tensor<1x1x3xui8>, none, none) -> tensor<1x1x3xi32>
  return %0 : tensor<1x1x3xi32>
}

// -----

func.func @conv_integer_kernel_shape(%x: tensor<1x1x5xui8>, %w: tensor<1x1x3xui8>) -> tensor<1x1x4xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: kernel_shape does not match the weight}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {kernel_shape = array<i64: 2>} : (tensor<1x1x5xui8>, tensor<1x1x3xui8>, none, none) -> tensor<1x1x4xi32>
  return %0 : tensor<1x1x4xi32>
}

// -----

func.func @qlinear_conv_weight_zero_point(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<2x1x2x2xui8>, %wz: tensor<3xui8>) -> tensor<1x2x2x2xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: w_zero_point has 3 values, expected 2}}
  %0 = onnx.QLinearConv %x, %s, %zp, %w, %s, %wz, %s, %zp, %none : (tensor<1x1x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<2x1x2x2xui8>, tensor<f32>, tensor<3xui8>, tensor<f32>, tensor<ui8>, none) -> tensor<1x2x2x2xui8>
  return %0 : tensor<1x2x2x2xui8>
}

// -----

func.func @qlinear_conv_input_scale(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %xs: tensor<2xf32>, %zp: tensor<ui8>, %w: tensor<2x1x2x2xui8>) -> tensor<1x2x2x2xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: x_scale must be a scalar or a 1-D tensor of one value per index, got tensor<2xf32>}}
  %0 = onnx.QLinearConv %x, %xs, %zp, %w, %s, %zp, %s, %zp, %none : (tensor<1x1x3x3xui8>, tensor<2xf32>, tensor<ui8>, tensor<2x1x2x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>, none) -> tensor<1x2x2x2xui8>
  return %0 : tensor<1x2x2x2xui8>
}

// -----

func.func @cast_int4_to_index(%x: tensor<4xi4>) -> tensor<4xindex> {
  // expected-error @+1 {{cannot lower: Cast from i4 to index is not supported}}
  %0 = onnx.Cast %x {to = index} : (tensor<4xi4>) -> tensor<4xindex>
  return %0 : tensor<4xindex>
}
