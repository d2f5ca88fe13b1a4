// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %axes = arith.constant dense<2> : tensor<1xi64>
  // expected-error @+1 {{cannot lower: axis 2 is out of range for rank 2}}
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @axes_not_1d(%x: tensor<2x3xf32>, %axes: tensor<1x1xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{cannot lower: axes must be a 1-D integer tensor}}
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3xf32>, tensor<1x1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @sum_bool(%x: tensor<2x3xi1>) -> tensor<i1> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: element type i1 is not supported by this op}}
  %0 = onnx.ReduceSum %x, %none {keepdims = 0 : i64} : (tensor<2x3xi1>, none) -> tensor<i1>
  return %0 : tensor<i1>
}

// -----

func.func @argmax_axis(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  // expected-error @+1 {{cannot lower: axis 2 is out of range for rank 2}}
  %0 = onnx.ArgMax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

func.func @argmin_float8(%x: tensor<2x3xf8E5M2>) -> tensor<2x1xi64> {
  // expected-error @+1 {{cannot lower: element type f8E5M2 is not supported by this op}}
  %0 = onnx.ArgMin %x {axis = 1 : i64} : (tensor<2x3xf8E5M2>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}
