// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @softmax_int(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.Softmax %x : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @log_softmax_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: axis -3 is out of range for rank 2}}
  %0 = onnx.LogSoftmax %x {axis = -3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @batchnorm_stats_used(%x: tensor<2x3xf32>, %p: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{cannot lower: running_mean and running_var are only computed in training mode}}
  %0, %1, %2 = onnx.BatchNormalization %x, %p, %p, %p, %p : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %1 : tensor<3xf32>
}

// -----

func.func @batchnorm_rank1(%x: tensor<3xf32>, %p: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{cannot lower: X must have rank 2 or more}}
  %0, %1, %2 = onnx.BatchNormalization %x, %p, %p, %p, %p : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, none, none)
  return %0 : tensor<3xf32>
}

// -----

func.func @batchnorm_int(%x: tensor<2x3xi32>, %p: tensor<3xi32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{cannot lower: X must be a float tensor and scale, B, mean and var float vectors}}
  %0, %1, %2 = onnx.BatchNormalization %x, %p, %p, %p, %p : (tensor<2x3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> (tensor<2x3xi32>, none, none)
  return %0 : tensor<2x3xi32>
}

// -----

func.func @layernorm_int(%x: tensor<2x3xi32>, %s: tensor<3xi32>) -> tensor<2x3xi32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: X, Scale and B must be float tensors}}
  %0, %1, %2 = onnx.LayerNormalization %x, %s, %none : (tensor<2x3xi32>, tensor<3xi32>, none) -> (tensor<2x3xi32>, none, none)
  return %0 : tensor<2x3xi32>
}

// -----

func.func @layernorm_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: axis 2 is out of range for rank 2}}
  %0, %1, %2 = onnx.LayerNormalization %x, %s, %none {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>, none) -> (tensor<2x3xf32>, none, none)
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dropout_training_int(%x: tensor<4xi32>, %training: tensor<i1>) -> tensor<4xi32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: training mode needs a float input}}
  %0, %1 = onnx.Dropout %x, %none, %training : (tensor<4xi32>, none, tensor<i1>) -> (tensor<4xi32>, none)
  return %0 : tensor<4xi32>
}

// -----

func.func @dropout_training_not_scalar(%x: tensor<4xf32>, %training: tensor<2xi1>) -> tensor<4xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: training_mode must be a scalar}}
  %0, %1 = onnx.Dropout %x, %none, %training : (tensor<4xf32>, none, tensor<2xi1>) -> (tensor<4xf32>, none)
  return %0 : tensor<4xf32>
}

// -----

func.func @dropout_ratio_not_scalar(%x: tensor<4xf32>, %ratio: tensor<2xf32>, %training: tensor<i1>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot lower: ratio must be a float scalar}}
  %0, %1 = onnx.Dropout %x, %ratio, %training : (tensor<4xf32>, tensor<2xf32>, tensor<i1>) -> (tensor<4xf32>, none)
  return %0 : tensor<4xf32>
}

// -----

func.func @batchnorm_param_size(%x: tensor<2x3xf32>, %p: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: scale, B, mean and var must have 3 elements, one per channel}}
  %0, %1, %2 = onnx.BatchNormalization %x, %p, %p, %p, %p : (tensor<2x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x3xf32>, none, none)
  return %0 : tensor<2x3xf32>
}

// -----

func.func @layernorm_scale_shape(%x: tensor<2x3x4xf32>, %s: tensor<3x4x1xf32>) -> tensor<2x3x4xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: Scale and B must broadcast to tensor<3x4xf32>}}
  %0, %1, %2 = onnx.LayerNormalization %x, %s, %none {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<3x4x1xf32>, none) -> (tensor<2x3x4xf32>, none, none)
  return %0 : tensor<2x3x4xf32>
}
