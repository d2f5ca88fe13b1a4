// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

// Sequences whose tensors have a rank only known at run time can be passed
// around, but not read: the tensor read needs a rank.

func.func @at_unranked(%s: !onnx.seq<tensor<*xf32>>, %p: tensor<i64>) -> tensor<*xf32> {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xf32>' is unknown at compile time}}
  %t = onnx.SequenceAt %s, %p : (!onnx.seq<tensor<*xf32>>, tensor<i64>) -> tensor<*xf32>
  return %t : tensor<*xf32>
}

// -----

func.func @get_unranked(%o: !onnx.opt<tensor<*xi64>>) -> tensor<*xi64> {
  // expected-error @+1 {{cannot lower: the rank of result 'tensor<*xi64>' is unknown at compile time}}
  %t = onnx.OptionalGetElement %o : (!onnx.opt<tensor<*xi64>>) -> tensor<*xi64>
  return %t : tensor<*xi64>
}
