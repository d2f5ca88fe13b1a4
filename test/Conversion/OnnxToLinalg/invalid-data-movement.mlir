// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

// Configurations the lowering of data movement, constants and indexing ops
// does not support: an error `cannot lower: <reason>` on the op.
// Constant operands are arith.constant here so that each case has one onnx
// op, the one that cannot be lowered.

// Axes known at run time must have as many values as starts.
func.func @slice_runtime_axes_length_differs(%x: tensor<10x4xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %a: tensor<2xi64>, %none: none) -> tensor<?x?xf32> {
  // expected-error @+1 {{cannot lower: starts, ends, axes and steps differ in length}}
  %0 = onnx.Slice %x, %s, %e, %a, %none : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<2xi64>, none) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @slice_starts_dynamic_length(%x: tensor<10xf32>, %s: tensor<?xi64>, %e: tensor<?xi64>, %none: none) -> tensor<?xf32> {
  // expected-error @+1 {{cannot lower: starts must have a static length}}
  %0 = onnx.Slice %x, %s, %e, %none, %none : (tensor<10xf32>, tensor<?xi64>, tensor<?xi64>, none, none) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @slice_lengths_differ(%x: tensor<10x4xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %none: none) -> tensor<?x4xf32> {
  %axes = arith.constant dense<[0, 1]> : tensor<2xi64>
  // expected-error @+1 {{cannot lower: starts, ends, axes and steps differ in length}}
  %0 = onnx.Slice %x, %s, %e, %axes, %none : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<2xi64>, none) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @slice_zero_step(%x: tensor<10xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %none: none) -> tensor<?xf32> {
  %steps = arith.constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{cannot lower: axis out of range or zero step}}
  %0 = onnx.Slice %x, %s, %e, %none, %steps : (tensor<10xf32>, tensor<1xi64>, tensor<1xi64>, none, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @slice_axis_out_of_range(%x: tensor<10xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %none: none) -> tensor<?xf32> {
  %axes = arith.constant dense<1> : tensor<1xi64>
  // expected-error @+1 {{cannot lower: axis out of range or zero step}}
  %0 = onnx.Slice %x, %s, %e, %axes, %none : (tensor<10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A squeezed dimension whose size is only known at run time cannot be
// checked to be 1.
func.func @squeeze_dynamic_dim(%x: tensor<?x4xf32>) -> tensor<4xf32> {
  %axes = arith.constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{cannot lower: squeezing a dimension whose size is only known at run time}}
  %0 = onnx.Squeeze %x, %axes : (tensor<?x4xf32>, tensor<1xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @pad_negative(%x: tensor<3x4xf32>, %none: none) -> tensor<3x3xf32> {
  %pads = arith.constant dense<[0, 0, 0, -1]> : tensor<4xi64>
  // expected-error @+1 {{cannot lower: negative pads (cropping)}}
  %0 = onnx.Pad %x, %pads, %none, %none : (tensor<3x4xf32>, tensor<4xi64>, none, none) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @pad_axes_dynamic_length(%x: tensor<3x4xf32>, %axes: tensor<?xi64>, %pads: tensor<?xi64>, %none: none) -> tensor<?x?xf32> {
  // expected-error @+1 {{cannot lower: axes must have a static length}}
  %0 = onnx.Pad %x, %pads, %none, %axes : (tensor<3x4xf32>, tensor<?xi64>, none, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @pad_runtime_axes_pads_length(%x: tensor<3x4xf32>, %axes: tensor<1xi64>, %none: none) -> tensor<?x?xf32> {
  %pads = arith.constant dense<[1, 1, 1, 1]> : tensor<4xi64>
  // expected-error @+1 {{cannot lower: pads must hold two values per axis}}
  %0 = onnx.Pad %x, %pads, %none, %axes : (tensor<3x4xf32>, tensor<4xi64>, none, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @constant_of_shape_resource(%s: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{cannot lower: value must be an inline tensor}}
  %0 = onnx.ConstantOfShape %s {value = dense_resource<one> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

{-#
  dialect_resources: {
    builtin: {
      one: "0x040000000000803F"
    }
  }
#-}

// -----

func.func @range_not_scalar(%s: tensor<i64>, %l: tensor<2xi64>, %d: tensor<i64>) -> tensor<?xi64> {
  // expected-error @+1 {{cannot lower: start, limit and delta must be scalars}}
  %0 = onnx.Range %s, %l, %d : (tensor<i64>, tensor<2xi64>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}
