// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @avgpool_integer(%x: tensor<1x1x4x4xi32>) -> tensor<1x1x2x2xi32> {
  // expected-error @+1 {{cannot lower: only float average pooling is supported}}
  %0 = onnx.AveragePool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xi32>) -> tensor<1x1x2x2xi32>
  return %0 : tensor<1x1x2x2xi32>
}

// -----

func.func @maxpool_rank(%x: tensor<4x4xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{cannot lower: input must be a ranked tensor of rank 3 or more}}
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 2>} : (tensor<4x4xf32>) -> (tensor<2x2xf32>, none)
  return %0 : tensor<2x2xf32>
}

// -----

func.func @maxpool_kernel_rank(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @+2 {{kernel_shape has 1 dims, input has 2 spatial dims (rank 4)}}
  // expected-error @+1 {{cannot lower: invalid window attributes}}
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 2>} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x3x3xf32>, none)
  return %0 : tensor<1x1x3x3xf32>
}

// -----

func.func @maxpool_result_mismatch(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x2xf32> {
  // expected-error @+1 {{cannot lower: output size 2 of spatial dim 0 does not match the result type}}
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x3x2xf32>, none)
  return %0 : tensor<1x1x3x2xf32>
}

// -----

func.func @maxpool_kernel_too_big(%x: tensor<1x1x2x4xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{cannot lower: the window does not fit the input}}
  %0, %1 = onnx.MaxPool %x {kernel_shape = array<i64: 3, 3>} : (tensor<1x1x2x4xf32>) -> (tensor<1x1x1x2xf32>, none)
  return %0 : tensor<1x1x1x2xf32>
}

// -----

func.func @global_pool_integer(%x: tensor<1x2x4x4xi32>) -> tensor<1x2x1x1xi32> {
  // expected-error @+1 {{cannot lower: only float global pooling is supported}}
  %0 = onnx.GlobalMaxPool %x : (tensor<1x2x4x4xi32>) -> tensor<1x2x1x1xi32>
  return %0 : tensor<1x2x1x1xi32>
}

// -----

func.func @global_pool_rank(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{cannot lower: input must be a ranked tensor of rank 3 or more}}
  %0 = onnx.GlobalAveragePool %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}
