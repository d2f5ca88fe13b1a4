// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

// Results whose rank is unknown at compile time cannot be lowered; each op
// with one is reported, before any lowering.

func.func @unranked_result(%x: tensor<?x4xf32>, %s: tensor<?xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
  %0 = onnx.Reshape %x, %s : (tensor<?x4xf32>, tensor<?xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Every op with an unranked result is reported, not only the first one.
func.func @several(%x: tensor<*xf32>, %a: tensor<?x2xi64>) -> (tensor<*xf32>, tensor<*xi64>) {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
  %0 = onnx.Relu %x : (tensor<*xf32>) -> tensor<*xf32>
  %none = onnx.NoValue {value}
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xi64>' is unknown at compile time}}
  %1 = onnx.Squeeze %a, %none : (tensor<?x2xi64>, none) -> tensor<*xi64>
  return %0, %1 : tensor<*xf32>, tensor<*xi64>
}

// -----

// Only the unranked one of several results.
func.func @split_result(%x: tensor<4x?xf32>, %s: tensor<2xi64>) -> (tensor<4x?xf32>, tensor<*xf32>) {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
  %0:2 = onnx.Split %x, %s {axis = 1 : i64} : (tensor<4x?xf32>, tensor<2xi64>) -> (tensor<4x?xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<4x?xf32>, tensor<*xf32>
}

// -----

// An If whose branches give outputs of different ranks.
func.func @if_result(%c: tensor<i1>, %x: tensor<2x3xf32>, %y: tensor<6xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
  %0 = onnx.If %c : tensor<i1> -> tensor<*xf32> then {
    onnx.Yield %x : tensor<2x3xf32>
  } else {
    onnx.Yield %y : tensor<6xf32>
  }
  return %0 : tensor<*xf32>
}

// -----

// Ops inside If branches are checked too.
func.func @inside_branch(%c: tensor<i1>, %x: tensor<*xf32>) -> tensor<2xf32> {
  %0 = onnx.If %c : tensor<i1> -> tensor<2xf32> then {
    // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
    %n = onnx.Neg %x : (tensor<*xf32>) -> tensor<*xf32>
    %k = onnx.Constant dense<1.0> : tensor<2xf32>
    onnx.Yield %k : tensor<2xf32>
  } else {
    %k = onnx.Constant dense<2.0> : tensor<2xf32>
    onnx.Yield %k : tensor<2xf32>
  }
  return %0 : tensor<2xf32>
}

// -----

// A ranked result of an unranked operand is refused up front too.
func.func @unranked_operand(%x: tensor<*xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{cannot lower: the rank of operand 'tensor<*xf32>' is unknown at compile time}}
  %0 = onnx.Relu %x : (tensor<*xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
