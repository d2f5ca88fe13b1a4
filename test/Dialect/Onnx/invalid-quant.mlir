// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes -verify-diagnostics

// Verifier errors (attributes, element types) and shape inference errors
// (scales and zero points that do not fit the input) of the quantization ops.

func.func @quantize_negative_block(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op block_size must not be negative, got -1}}
  %0 = onnx.QuantizeLinear %x, %s, %none {block_size = -1 : i64} : (tensor<4xf32>, tensor<f32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_saturate(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op saturate must be 0 or 1, got 2}}
  %0 = onnx.QuantizeLinear %x, %s, %none {saturate = 2 : i64} : (tensor<4xf32>, tensor<f32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_output_dtype(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<*xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op output_dtype 1 is not a quantized type}}
  %0 = onnx.QuantizeLinear %x, %s, %none {output_dtype = 1 : i64} : (tensor<4xf32>, tensor<f32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @quantize_output_dtype_mismatch(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<ui8>) -> tensor<*xui8> {
  // expected-error @+1 {{'onnx.QuantizeLinear' op output_dtype 'i8' does not match the zero point's element type 'ui8'}}
  %0 = onnx.QuantizeLinear %x, %s, %zp {output_dtype = 3 : i64} : (tensor<4xf32>, tensor<f32>, tensor<ui8>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_precision(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op precision 6 is not a float type}}
  %0 = onnx.QuantizeLinear %x, %s, %none {precision = 6 : i64} : (tensor<4xf32>, tensor<f32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_int_scale(%x: tensor<4xf32>, %s: tensor<i32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op y_scale must be a float, got 'i32'}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<4xf32>, tensor<i32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_bool_input(%x: tensor<4xi1>, %s: tensor<f32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QuantizeLinear' op x must be a float or i32, got 'i1'}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<4xi1>, tensor<f32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_zero_point_type(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<i32>) -> tensor<*xi32> {
  // expected-error @+1 {{'onnx.QuantizeLinear' op y_zero_point must be a quantized type, got 'i32'}}
  %0 = onnx.QuantizeLinear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<i32>) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @quantize_axis_size(%x: tensor<2x3xf32>, %s: tensor<4xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{the scale has 4 values, dim 1 of the input has 3}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<2x3xf32>, tensor<4xf32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_axis_range(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{axis 2 is out of range}}
  %0 = onnx.QuantizeLinear %x, %s, %none {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_scale_rank(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{the scale must be a scalar or 1-D (per axis) without block_size, got rank 2}}
  %0 = onnx.QuantizeLinear %x, %s, %none : (tensor<2x3xf32>, tensor<2x3xf32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_block_shape(%x: tensor<3x5xf32>, %s: tensor<3x2xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{dim 1 of the scale is 2, expected 3 for block_size 2}}
  %0 = onnx.QuantizeLinear %x, %s, %none {axis = 1 : i64, block_size = 2 : i64} : (tensor<3x5xf32>, tensor<3x2xf32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_block_rank(%x: tensor<3x4xf32>, %s: tensor<2xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{blocked quantization needs a scale of rank 2, got rank 1}}
  %0 = onnx.QuantizeLinear %x, %s, %none {axis = 1 : i64, block_size = 2 : i64} : (tensor<3x4xf32>, tensor<2xf32>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @quantize_zero_point_shape(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %zp: tensor<2xui8>) -> tensor<*xui8> {
  // expected-error @+1 {{the zero point must have the scale's shape}}
  %0 = onnx.QuantizeLinear %x, %s, %zp : (tensor<2x3xf32>, tensor<3xf32>, tensor<2xui8>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @dequantize_negative_block(%x: tensor<4xui8>, %s: tensor<f32>) -> tensor<*xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.DequantizeLinear' op block_size must not be negative, got -2}}
  %0 = onnx.DequantizeLinear %x, %s, %none {block_size = -2 : i64} : (tensor<4xui8>, tensor<f32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dequantize_output_dtype(%x: tensor<4xui8>, %s: tensor<f32>) -> tensor<*xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.DequantizeLinear' op output_dtype 3 is not a float type}}
  %0 = onnx.DequantizeLinear %x, %s, %none {output_dtype = 3 : i64} : (tensor<4xui8>, tensor<f32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dequantize_float_input(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<*xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.DequantizeLinear' op x must be a quantized type or i32, got 'f32'}}
  %0 = onnx.DequantizeLinear %x, %s, %none : (tensor<4xf32>, tensor<f32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dequantize_scale_type(%x: tensor<4xi8>, %s: tensor<i8>) -> tensor<*xf32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.DequantizeLinear' op x_scale must be a float, got 'i8'}}
  %0 = onnx.DequantizeLinear %x, %s, %none : (tensor<4xi8>, tensor<i8>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dequantize_zero_point_type(%x: tensor<4xi8>, %s: tensor<f32>, %zp: tensor<ui8>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.DequantizeLinear' op x_zero_point has element type 'ui8', x has 'i8'}}
  %0 = onnx.DequantizeLinear %x, %s, %zp : (tensor<4xi8>, tensor<f32>, tensor<ui8>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dynamic_quantize_f16(%x: tensor<4xf16>) -> tensor<*xui8> {
  // expected-error @+1 {{'onnx.DynamicQuantizeLinear' op x must be f32, got 'f16'}}
  %0:3 = onnx.DynamicQuantizeLinear %x : (tensor<4xf16>) -> (tensor<*xui8>, tensor<*xf32>, tensor<*xui8>)
  return %0#0 : tensor<*xui8>
}

// -----

func.func @matmul_integer_type(%a: tensor<2x3xi16>, %b: tensor<3x2xi8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.MatMulInteger' op A must be an 8-bit integer, got 'i16'}}
  %0 = onnx.MatMulInteger %a, %b, %none, %none : (tensor<2x3xi16>, tensor<3x2xi8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @matmul_integer_zero_point(%a: tensor<2x3xui8>, %b: tensor<3x2xi8>, %zp: tensor<i8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.MatMulInteger' op a_zero_point has element type 'i8', A has 'ui8'}}
  %0 = onnx.MatMulInteger %a, %b, %zp, %none : (tensor<2x3xui8>, tensor<3x2xi8>, tensor<i8>, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @matmul_integer_inner(%a: tensor<2x3xui8>, %b: tensor<4x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{inner dimensions differ: 3 and 4}}
  %0 = onnx.MatMulInteger %a, %b, %none, %none : (tensor<2x3xui8>, tensor<4x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @matmul_integer_scalar(%a: tensor<ui8>, %b: tensor<4x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{operands must have rank 1 or more}}
  %0 = onnx.MatMulInteger %a, %b, %none, %none : (tensor<ui8>, tensor<4x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @qlinear_matmul_scale(%a: tensor<2x3xi8>, %s: tensor<f32>, %zp: tensor<i8>, %b: tensor<3x2xi8>, %bad: tensor<i32>) -> tensor<*xi8> {
  // expected-error @+1 {{'onnx.QLinearMatMul' op y_scale must be a float, got 'i32'}}
  %0 = onnx.QLinearMatMul %a, %s, %zp, %b, %s, %zp, %bad, %zp : (tensor<2x3xi8>, tensor<f32>, tensor<i8>, tensor<3x2xi8>, tensor<f32>, tensor<i8>, tensor<i32>, tensor<i8>) -> tensor<*xi8>
  return %0 : tensor<*xi8>
}

// -----

func.func @qlinear_matmul_output(%a: tensor<2x3xi8>, %s: tensor<f32>, %zp: tensor<i8>, %b: tensor<3x2xi8>, %yzp: tensor<i32>) -> tensor<*xi32> {
  // expected-error @+1 {{'onnx.QLinearMatMul' op y_zero_point must be an 8-bit integer, got 'i32'}}
  %0 = onnx.QLinearMatMul %a, %s, %zp, %b, %s, %zp, %s, %yzp : (tensor<2x3xi8>, tensor<f32>, tensor<i8>, tensor<3x2xi8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i32>) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @qlinear_matmul_zero_point(%a: tensor<2x3xi8>, %s: tensor<f32>, %zp: tensor<i8>, %b: tensor<3x2xui8>) -> tensor<*xi8> {
  // expected-error @+1 {{'onnx.QLinearMatMul' op b_zero_point has element type 'i8', b has 'ui8'}}
  %0 = onnx.QLinearMatMul %a, %s, %zp, %b, %s, %zp, %s, %zp : (tensor<2x3xi8>, tensor<f32>, tensor<i8>, tensor<3x2xui8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<*xi8>
  return %0 : tensor<*xi8>
}

// -----

func.func @conv_integer_group(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op group must be positive, got 0}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 0 : i64} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_auto_pad(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op auto_pad "SAME" is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {auto_pad = "SAME"} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_strides(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op strides must be positive}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {strides = array<i64: 0, 1>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_kernel(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op kernel_shape values must be positive}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {kernel_shape = array<i64: 0, 2>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_dilations(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op dilations must be positive}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {dilations = array<i64: 1, -1>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_pads(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op pads must not be negative}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {pads = array<i64: 0, -1, 0, 0>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_odd_pads(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op pads must have an even number of values}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {pads = array<i64: 0, 1, 0>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_input_type(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.ConvInteger' op x must be an 8-bit integer, got 'f32'}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_weight_zero_point(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2x2xui8>, %wzp: tensor<3xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{w_zero_point must be a scalar or hold one value per output channel}}
  %0 = onnx.ConvInteger %x, %w, %none, %wzp : (tensor<1x1x3x3xui8>, tensor<2x1x2x2xui8>, none, tensor<3xui8>) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_input_zero_point(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2x2xui8>, %xzp: tensor<2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{x_zero_point must be a scalar}}
  %0 = onnx.ConvInteger %x, %w, %xzp, %none : (tensor<1x1x3x3xui8>, tensor<2x1x2x2xui8>, tensor<2xui8>, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_channels(%x: tensor<1x2x3x3xui8>, %w: tensor<2x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{input has 2 channels, weight expects 1 x group 1}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x2x3x3xui8>, tensor<2x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_rank(%x: tensor<1x3xui8>, %w: tensor<2x3xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{input x must have rank 3 or more, got rank 2}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x3xui8>, tensor<2x3xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_weight_rank(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{weight w has rank 3, input x has rank 4}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x1x3x3xui8>, tensor<2x1x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_kernel_shape(%x: tensor<1x1x3x3xui8>, %w: tensor<2x1x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{kernel_shape does not match the weight's spatial dims}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {kernel_shape = array<i64: 3, 3>} : (tensor<1x1x3x3xui8>, tensor<2x1x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_group_channels(%x: tensor<1x4x3x3xui8>, %w: tensor<3x2x2x2xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{weight has 3 output channels, not a multiple of group 2}}
  %0 = onnx.ConvInteger %x, %w, %none, %none {group = 2 : i64} : (tensor<1x4x3x3xui8>, tensor<3x2x2x2xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @conv_integer_too_big(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x4x4xui8>) -> tensor<*xi32> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{kernel does not fit spatial dimension 0 of size 3}}
  %0 = onnx.ConvInteger %x, %w, %none, %none : (tensor<1x1x3x3xui8>, tensor<1x1x4x4xui8>, none, none) -> tensor<*xi32>
  return %0 : tensor<*xi32>
}

// -----

func.func @qlinear_conv_bias_type(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<1x1x2x2xui8>, %b: tensor<1xf32>) -> tensor<*xui8> {
  // expected-error @+1 {{'onnx.QLinearConv' op B must be i32, got 'f32'}}
  %0 = onnx.QLinearConv %x, %s, %zp, %w, %s, %zp, %s, %zp, %b : (tensor<1x1x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<1x1x2x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>, tensor<1xf32>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @qlinear_conv_scale_type(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<1x1x2x2xui8>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QLinearConv' op x_scale must be a float, got 'ui8'}}
  %0 = onnx.QLinearConv %x, %zp, %zp, %w, %s, %zp, %s, %zp, %none : (tensor<1x1x3x3xui8>, tensor<ui8>, tensor<ui8>, tensor<1x1x2x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @qlinear_conv_output_type(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<1x1x2x2xui8>, %yzp: tensor<i16>) -> tensor<*xi16> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{'onnx.QLinearConv' op y_zero_point must be an 8-bit integer, got 'i16'}}
  %0 = onnx.QLinearConv %x, %s, %zp, %w, %s, %zp, %s, %yzp, %none : (tensor<1x1x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<1x1x2x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<i16>, none) -> tensor<*xi16>
  return %0 : tensor<*xi16>
}

// -----

func.func @qlinear_conv_weight_scale(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<2x1x2x2xui8>, %ws: tensor<3xf32>) -> tensor<*xui8> {
  %none = onnx.NoValue {value}
  // expected-error @+1 {{w_scale must be a scalar or hold one value per output channel}}
  %0 = onnx.QLinearConv %x, %s, %zp, %w, %ws, %zp, %s, %zp, %none : (tensor<1x1x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<2x1x2x2xui8>, tensor<3xf32>, tensor<ui8>, tensor<f32>, tensor<ui8>, none) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

func.func @qlinear_conv_bias_shape(%x: tensor<1x1x3x3xui8>, %s: tensor<f32>, %zp: tensor<ui8>, %w: tensor<2x1x2x2xui8>, %b: tensor<3xi32>) -> tensor<*xui8> {
  // expected-error @+1 {{bias must have shape [2]}}
  %0 = onnx.QLinearConv %x, %s, %zp, %w, %s, %zp, %s, %zp, %b : (tensor<1x1x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<2x1x2x2xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>, tensor<3xi32>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}
