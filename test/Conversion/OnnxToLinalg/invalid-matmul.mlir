// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @matmul_bool(%a: tensor<2x3xi1>, %b: tensor<3x4xi1>) -> tensor<2x4xi1> {
  // expected-error @+1 {{cannot lower: unsupported element type}}
  %0 = onnx.MatMul %a, %b : (tensor<2x3xi1>, tensor<3x4xi1>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot lower: operands must be ranked tensors of rank >= 1}}
  %0 = onnx.MatMul %a, %b : (tensor<f32>, tensor<3x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @matmul_result_rank(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{cannot lower: result rank 3 does not match the operands}}
  %0 = onnx.MatMul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @gemm_rank(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: A and B must be ranked 2-D tensors}}
  %0 = onnx.Gemm %a, %b, %n : (tensor<2x3x4xf32>, tensor<4x5xf32>, none) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @gemm_c_rank(%a: tensor<2x4xf32>, %b: tensor<4x5xf32>, %c: tensor<1x2x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{cannot lower: C must be a ranked tensor of rank <= 2}}
  %0 = onnx.Gemm %a, %b, %c : (tensor<2x4xf32>, tensor<4x5xf32>, tensor<1x2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @gemm_integer_alpha(%a: tensor<2x4xi32>, %b: tensor<4x5xi32>) -> tensor<2x5xi32> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: integer Gemm needs integral alpha and beta}}
  %0 = onnx.Gemm %a, %b, %n {alpha = 0.5 : f32} : (tensor<2x4xi32>, tensor<4x5xi32>, none) -> tensor<2x5xi32>
  return %0 : tensor<2x5xi32>
}

// -----

func.func @gemm_bool(%a: tensor<2x4xi1>, %b: tensor<4x5xi1>) -> tensor<2x5xi1> {
  %n = onnx.NoValue
  // expected-error @+1 {{cannot lower: unsupported element type}}
  %0 = onnx.Gemm %a, %b, %n : (tensor<2x4xi1>, tensor<4x5xi1>, none) -> tensor<2x5xi1>
  return %0 : tensor<2x5xi1>
}
