// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @conv_integer(%x: tensor<1x1x4x4xi32>, %w: tensor<1x1x3x3xi32>) -> tensor<1x1x2x2xi32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: only float convolutions are supported}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x1x4x4xi32>, tensor<1x1x3x3xi32>, none) -> tensor<1x1x2x2xi32>
  return %0 : tensor<1x1x2x2xi32>
}

// -----

func.func @conv_rank_mismatch(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: input and weight must have the same rank of at least 3}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x1x4x4xf32>, tensor<1x1x3xf32>, none) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_dynamic_kernel(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x?x3xf32>) -> tensor<1x1x?x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: the weight's spatial dims must be static}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x1x4x4xf32>, tensor<1x1x?x3xf32>, none) -> tensor<1x1x?x2xf32>
  return %0 : tensor<1x1x?x2xf32>
}

// -----

func.func @conv_grouped_dynamic_channels(%x: tensor<1x4x4x4xf32>, %w: tensor<?x2x3x3xf32>) -> tensor<1x?x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: grouped convolution needs static channel counts in the weight}}
  %0 = onnx.Conv %x, %w, %n {group = 2 : i64} : (tensor<1x4x4x4xf32>, tensor<?x2x3x3xf32>, none) -> tensor<1x?x2x2xf32>
  return %0 : tensor<1x?x2x2xf32>
}

// -----

func.func @conv_grouped_channels_mismatch(%x: tensor<1x6x4x4xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: input channels do not match the weight and group}}
  %0 = onnx.Conv %x, %w, %n {group = 2 : i64} : (tensor<1x6x4x4xf32>, tensor<4x2x3x3xf32>, none) -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}

// -----

func.func @conv_grouped_output_channels(%x: tensor<1x4x4x4xf32>, %w: tensor<5x2x3x3xf32>) -> tensor<1x5x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: output channels are not a multiple of group}}
  %0 = onnx.Conv %x, %w, %n {group = 2 : i64} : (tensor<1x4x4x4xf32>, tensor<5x2x3x3xf32>, none) -> tensor<1x5x2x2xf32>
  return %0 : tensor<1x5x2x2xf32>
}

// -----

func.func @conv_bias_rank(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>, %b: tensor<1x1xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{cannot lower: bias must be a 1-D tensor}}
  %0 = onnx.Conv %x, %w, %b : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>, tensor<1x1xf32>) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_kernel_shape_mismatch(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: kernel_shape does not match the weight}}
  %0 = onnx.Conv %x, %w, %n {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

func.func @conv_window_attrs(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+2 {{strides has 1 values, expected 2}}
  // expected-error @+1 {{cannot lower: invalid window attributes}}
  %0 = onnx.Conv %x, %w, %n {strides = array<i64: 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_kernel_too_big(%x: tensor<1x1x2x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x1x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: the kernel does not fit spatial dim 0}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x1x2x4xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x1x2xf32>
  return %0 : tensor<1x1x1x2xf32>
}

// -----

func.func @conv_result_mismatch(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x3x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: output size 2 of spatial dim 0 does not match the result type}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x3x2xf32>
  return %0 : tensor<1x1x3x2xf32>
}

// -----

func.func @conv_transpose_output_shape_dynamic(%x: tensor<1x1x?x3xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: output_shape needs static input spatial dims}}
  %0 = onnx.ConvTranspose %x, %w, %n {output_shape = array<i64: 6, 6>, strides = array<i64: 2, 2>} : (tensor<1x1x?x3xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x6x6xf32>
  return %0 : tensor<1x1x6x6xf32>
}

// -----

func.func @conv_transpose_grouped_dynamic(%x: tensor<1x4x3x3xf32>, %w: tensor<4x?x3x3xf32>) -> tensor<1x?x5x5xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: grouped transposed convolution needs static channel counts in the weight}}
  %0 = onnx.ConvTranspose %x, %w, %n {group = 2 : i64} : (tensor<1x4x3x3xf32>, tensor<4x?x3x3xf32>, none) -> tensor<1x?x5x5xf32>
  return %0 : tensor<1x?x5x5xf32>
}

// -----

func.func @conv_transpose_result_mismatch(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x5xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: output size 5 of spatial dim 0 does not match the result type}}
  %0 = onnx.ConvTranspose %x, %w, %n : (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x6x5xf32>
  return %0 : tensor<1x1x6x5xf32>
}

// -----

func.func @conv_transpose_output_padding(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: output_padding must have 2 values}}
  %0 = onnx.ConvTranspose %x, %w, %n {output_padding = array<i64: 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>, none) -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

func.func @conv_transpose_group_channels(%x: tensor<1x5x3x3xf32>, %w: tensor<5x1x3x3xf32>) -> tensor<1x2x5x5xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: input channels are not a multiple of group}}
  %0 = onnx.ConvTranspose %x, %w, %n {group = 2 : i64} : (tensor<1x5x3x3xf32>, tensor<5x1x3x3xf32>, none) -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}

// -----

func.func @conv4d_dynamic_channels(%x: tensor<1x2x3x3x3x3xf32>, %w: tensor<?x2x2x2x2x2xf32>) -> tensor<1x?x2x2x2x2xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: convolution with more than 3 spatial dims needs static channel counts in the weight}}
  %0 = onnx.Conv %x, %w, %n : (tensor<1x2x3x3x3x3xf32>, tensor<?x2x2x2x2x2xf32>, none) -> tensor<1x?x2x2x2x2xf32>
  return %0 : tensor<1x?x2x2x2x2xf32>
}
