// RUN: onnx-opt %s -split-input-file --convert-onnx-to-linalg -verify-diagnostics

func.func @tree_post_transform(%x: tensor<3x1xf32>) -> tensor<3x1xf32> {
  // expected-error @+1 {{cannot lower: post_transform 4 (PROBIT)}}
  %0 = onnx.TreeEnsemble %x {leaf_targetids = array<i64: 0>, leaf_weights = dense<1.0> : tensor<1xf32>, n_targets = 1 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 0>, nodes_featureids = array<i64: 0>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf32>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, post_transform = 4 : i64, tree_roots = array<i64: 0>} : (tensor<3x1xf32>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}
