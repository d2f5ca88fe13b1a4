// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @sin_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{cannot lower: element type i32 is not supported by this op}}
  %0 = onnx.Sin %x : (tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @and_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot lower: element type f32 is not supported by this op}}
  %0 = onnx.And %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @add_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @+1 {{cannot lower: element type i1 is not supported by this op}}
  %0 = onnx.Add %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// (Casts to and from float8/float4 and 4-/2-bit integers: quant-cast.mlir.)
func.func @cast_tf32(%x: tensor<4xf32>) -> tensor<4xtf32> {
  // expected-error @+1 {{cannot lower: Cast from f32 to tf32 is not supported}}
  %0 = onnx.Cast %x {to = tf32} : (tensor<4xf32>) -> tensor<4xtf32>
  return %0 : tensor<4xtf32>
}

// -----

func.func @cast_f8e3m4(%x: tensor<4xf8E3M4>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot lower: Cast from f8E3M4 to f32 is not supported}}
  %0 = onnx.Cast %x {to = f32} : (tensor<4xf8E3M4>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @clip_bounds_not_scalar(%x: tensor<4xf32>, %lo: tensor<2xf32>) -> tensor<4xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: min must be a scalar}}
  %0 = onnx.Clip %x, %lo, %none : (tensor<4xf32>, tensor<2xf32>, none) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @clip_bool(%x: tensor<4xi1>) -> tensor<4xi1> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot lower: element type i1 is not supported by this op}}
  %0 = onnx.Clip %x, %none, %none : (tensor<4xi1>, none, none) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: operand #1 of type tensor<4xf32> does not broadcast to tensor<2x3xf32>}}
  %0 = onnx.Add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @operand_rank_too_large(%a: tensor<2x3xf32>, %b: tensor<1x2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower: operand #1 of type tensor<1x2x3xf32> does not broadcast to tensor<2x3xf32>}}
  %0 = onnx.Mul %a, %b : (tensor<2x3xf32>, tensor<1x2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
