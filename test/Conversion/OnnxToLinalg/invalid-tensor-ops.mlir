// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

// Configurations the lowering of the tensor ops (OnnxTensorOps.td) does not
// support: an error `cannot lower: <reason>` on the op.

func.func @bitwise_float(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{cannot lower: element type f32 is not supported by this op}}
  %0 = onnx.BitwiseAnd %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @acos_int(%a: tensor<2xi32>) -> tensor<2xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.Acos %a : (tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @cumsum_bool(%x: tensor<3xi1>, %axis: tensor<i64>) -> tensor<3xi1> {
  // expected-error @+1 {{cannot lower: element type i1 is not supported by this op}}
  %0 = onnx.CumSum %x, %axis : (tensor<3xi1>, tensor<i64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @cumsum_scalar(%x: tensor<f32>, %axis: tensor<i64>) -> tensor<f32> {
  // expected-error @+1 {{cannot lower: the input must have rank 1 or more}}
  %0 = onnx.CumSum %x, %axis : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @cumsum_axis_range(%x: tensor<3xf32>) -> tensor<3xf32> {
  %axis = arith.constant dense<2> : tensor<i64>
  // expected-error @+1 {{cannot lower: axis is out of range}}
  %0 = onnx.CumSum %x, %axis : (tensor<3xf32>, tensor<i64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_nd_dynamic_k(%d: tensor<3x4xf32>, %i: tensor<2x?xi64>) -> tensor<2x?xf32> {
  // expected-error @+1 {{cannot lower: the last dim of indices must be static}}
  %0 = onnx.GatherND %d, %i : (tensor<3x4xf32>, tensor<2x?xi64>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

func.func @scatter_nd_dynamic_k(%d: tensor<3x4xf32>, %i: tensor<2x?xi64>, %u: tensor<2xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{cannot lower: the last dim of indices must be static}}
  %0 = onnx.ScatterND %d, %i, %u : (tensor<3x4xf32>, tensor<2x?xi64>, tensor<2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @resize_linear_bool(%x: tensor<1x1x2x2xi1>, %s: tensor<4xf32>, %none: none) -> tensor<?x?x?x?xi1> {
  // expected-error @+1 {{cannot lower: linear and cubic resizes of booleans}}
  %0 = onnx.Resize %x, %none, %s, %none {mode = "linear"} : (tensor<1x1x2x2xi1>, none, tensor<4xf32>, none) -> tensor<?x?x?x?xi1>
  return %0 : tensor<?x?x?x?xi1>
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %none: none) -> tensor<?x?x?x?xf32> {
  // expected-error @+1 {{cannot lower: tf_crop_and_resize needs roi}}
  %0 = onnx.Resize %x, %none, %s, %none {coordinate_transformation_mode = "tf_crop_and_resize"} : (tensor<1x1x2x2xf32>, none, tensor<4xf32>, none) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @grid_sample_int(%x: tensor<1x1x2x2xi32>, %g: tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.GridSample %x, %g : (tensor<1x1x2x2xi32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xi32>
  return %0 : tensor<1x1x2x2xi32>
}

// -----

func.func @affine_grid_int(%t: tensor<1x2x3xi32>, %s: tensor<4xi64>) -> tensor<?x?x?x2xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.AffineGrid %t, %s : (tensor<1x2x3xi32>, tensor<4xi64>) -> tensor<?x?x?x2xi32>
  return %0 : tensor<?x?x?x2xi32>
}

// -----

func.func @lp_normalization_int(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.LpNormalization %x : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @einsum_bool(%x: tensor<2x3xi1>) -> tensor<2xi1> {
  // expected-error @+1 {{cannot lower: element type i1 is not supported by this op}}
  %0 = onnx.Einsum %x {equation = "ij->i"} : (tensor<2x3xi1>) -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

func.func @tensor_scatter_batch_axis(%c: tensor<8x4xf32>, %u: tensor<2x4xf32>, %none: none) -> tensor<8x4xf32> {
  // expected-error @+1 {{cannot lower: axis must not be the batch axis}}
  %0 = onnx.TensorScatter %c, %u, %none {axis = 0 : i64} : (tensor<8x4xf32>, tensor<2x4xf32>, none) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// -----

func.func @det_int(%x: tensor<3x3xi32>) -> tensor<i32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.Det %x : (tensor<3x3xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}
