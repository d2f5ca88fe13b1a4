// RUN: onnx-opt %s -split-input-file -verify-diagnostics

// Every verifier error of the onnx dialect, one per split.

func.func @conv_group_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op group must be positive, got 0}}
  %0 = onnx.Conv %x, %w, %b {group = 0 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_transpose_group_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.ConvTranspose' op group must be positive, got 0}}
  %0 = onnx.ConvTranspose %x, %w, %b {group = 0 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_bad_auto_pad(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op auto_pad "SAME" is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID}}
  %0 = onnx.Conv %x, %w, %b {auto_pad = "SAME"} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

// auto_pad is case sensitive, as in ONNX.
func.func @pool_lowercase_auto_pad(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{'onnx.AveragePool' op auto_pad "valid" is not one of}}
  %0 = onnx.AveragePool %x {auto_pad = "valid", kernel_shape = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @conv_negative_strides(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op strides must be positive}}
  %0 = onnx.Conv %x, %w, %b {strides = array<i64: 1, -1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_zero_dilation(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op dilations must be positive}}
  %0 = onnx.Conv %x, %w, %b {dilations = array<i64: 0, 1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_zero_kernel(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op kernel_shape values must be positive}}
  %0 = onnx.Conv %x, %w, %b {kernel_shape = array<i64: 3, 0>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_negative_pads(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op pads must not be negative}}
  %0 = onnx.Conv %x, %w, %b {pads = array<i64: 1, -1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @conv_odd_pads(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>, %b: none) {
  // expected-error @+1 {{'onnx.Conv' op pads must have an even number of values}}
  %0 = onnx.Conv %x, %w, %b {pads = array<i64: 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>, none) -> tensor<*xf32>
  return
}

// -----

func.func @pool_pads_length(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{'onnx.MaxPool' op pads has 2 values, kernel_shape 2}}
  %0:2 = onnx.MaxPool %x {kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @maxpool_no_kernel(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{'onnx.MaxPool' op kernel_shape is required}}
  %0:2 = onnx.MaxPool %x {strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> (tensor<*xf32>, none)
  return
}

// -----

func.func @averagepool_no_kernel(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{'onnx.AveragePool' op kernel_shape is required}}
  %0 = onnx.AveragePool %x : (tensor<1x4x8x8xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @gelu_approximate(%x: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.Gelu' op approximate "fast" is not one of none, tanh}}
  %0 = onnx.Gelu %x {approximate = "fast"} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @pad_mode(%x: tensor<4xf32>, %pads: tensor<2xi64>, %none: none) {
  // expected-error @+1 {{'onnx.Pad' op mode "symmetric" is not one of constant, reflect, edge, wrap}}
  %0 = onnx.Pad %x, %pads, %none, %none {mode = "symmetric"} : (tensor<4xf32>, tensor<2xi64>, none, none) -> tensor<*xf32>
  return
}

// -----

func.func @batchnorm_training(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error @+1 {{'onnx.BatchNormalization' op training_mode must be 0 or 1, got 2}}
  %0:3 = onnx.BatchNormalization %x, %s, %s, %s, %s {training_mode = 2 : i64}
      : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, none, none)
  return
}

// -----

func.func @if_then_count(%c: tensor<i1>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.If' op then_branch has 2 outputs, the node has 1}}
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    onnx.Yield %x, %x : tensor<2xf32>, tensor<2xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return
}

// -----

func.func @if_else_count(%c: tensor<i1>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.If' op else_branch has 0 outputs, the node has 1}}
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    onnx.Yield %x : tensor<2xf32>
  } else {
    onnx.Yield
  }
  return
}

// -----

func.func @if_no_yield(%c: tensor<i1>, %x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.If' op branches must end in onnx.Yield}}
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    %1 = onnx.Relu %x : (tensor<2xf32>) -> tensor<2xf32>
  } else {
    onnx.Yield %x : tensor<2xf32>
  }
  return
}

// -----

func.func @yield_outside_if(%x: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Yield' op expects parent op}}
  onnx.Yield %x : tensor<2xf32>
}

// -----

func.func @constant_type_mismatch() {
  // expected-error @+1 {{'onnx.Constant' op value has type 'tensor<2xi64>', result 'tensor<3xi64>'}}
  %0 = "onnx.Constant"() {value = dense<[1, 2]> : tensor<2xi64>} : () -> tensor<3xi64>
  return
}

// -----

func.func @constant_element_type_mismatch() {
  // expected-error @+1 {{'onnx.Constant' op value has type 'tensor<2xi32>', result 'tensor<2xi64>'}}
  %0 = "onnx.Constant"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi64>
  return
}

// -----

func.func @sum_no_inputs() {
  // expected-error @+1 {{'onnx.Sum' op needs at least one input}}
  %0 = onnx.Sum : () -> tensor<f32>
  return
}

// -----

func.func @max_no_inputs() {
  // expected-error @+1 {{'onnx.Max' op needs at least one input}}
  %0 = onnx.Max : () -> tensor<f32>
  return
}

// -----

func.func @min_no_inputs() {
  // expected-error @+1 {{'onnx.Min' op needs at least one input}}
  %0 = onnx.Min : () -> tensor<f32>
  return
}

// -----

func.func @mean_no_inputs() {
  // expected-error @+1 {{'onnx.Mean' op needs at least one input}}
  %0 = onnx.Mean : () -> tensor<f32>
  return
}

// -----

// Operands are tensors (or none where an input is optional).
func.func @operand_not_tensor(%x: f32) {
  // expected-error @+1 {{'onnx.Relu' op operand #0 must be tensor, but got 'f32'}}
  %0 = onnx.Relu %x : (f32) -> tensor<f32>
  return
}

// -----

func.func @required_operand_none(%x: none) {
  // expected-error @+1 {{'onnx.Relu' op operand #0 must be tensor, but got 'none'}}
  %0 = onnx.Relu %x : (none) -> tensor<f32>
  return
}
