// RUN: onnx-opt %s -split-input-file --onnx-infer-shapes | FileCheck %s
// RUN: onnx-opt %s -split-input-file | onnx-opt -split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// Shape inference of the ops of OnnxMLOps.td.

// CHECK-LABEL: func.func @binarizer
// CHECK: onnx.Binarizer {{.*}} -> tensor<2x?xf32>
// ROUNDTRIP-LABEL: func.func @binarizer
// ROUNDTRIP: onnx.Binarizer %{{.*}} {threshold = 5.000000e-01 : f32}
func.func @binarizer(%x: tensor<2x?xf32>) -> tensor<*xf32> {
  %0 = onnx.Binarizer %x {threshold = 0.5 : f32} : (tensor<2x?xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// The indices are read flattened; a 1-D X gives one row.
// CHECK-LABEL: func.func @array_feature_extractor
// CHECK: onnx.ArrayFeatureExtractor {{.*}} -> tensor<2x3x6xf32>
// CHECK: onnx.ArrayFeatureExtractor {{.*}} -> tensor<1x?xi64>
func.func @array_feature_extractor(%x: tensor<2x3x4xf32>, %i: tensor<2x3xi64>, %v: tensor<5xi64>, %j: tensor<?xi64>) -> (tensor<*xf32>, tensor<*xi64>) {
  %0 = onnx.ArrayFeatureExtractor %x, %i : (tensor<2x3x4xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  %1 = onnx.ArrayFeatureExtractor %v, %j : (tensor<5xi64>, tensor<?xi64>) -> tensor<*xi64>
  return %0, %1 : tensor<*xf32>, tensor<*xi64>
}

// -----

// The result has the values' element type.
// CHECK-LABEL: func.func @label_encoder
// CHECK: onnx.LabelEncoder {{.*}} -> tensor<?x2xf32>
// CHECK: onnx.LabelEncoder {{.*}} -> tensor<3xi16>
func.func @label_encoder(%x: tensor<?x2xi64>, %y: tensor<3xf64>) -> (tensor<*xf32>, tensor<*xi16>) {
  %0 = onnx.LabelEncoder %x {keys_int64s = array<i64: 1, 2>, values_floats = array<f32: 0.5, 1.5>} : (tensor<?x2xi64>) -> tensor<*xf32>
  %1 = onnx.LabelEncoder %y {keys_tensor = dense<[1.0, 2.0]> : tensor<2xf64>, values_tensor = dense<[7, 8]> : tensor<2xi16>, default_tensor = dense<0> : tensor<1xi16>} : (tensor<3xf64>) -> tensor<*xi16>
  return %0, %1 : tensor<*xf32>, tensor<*xi16>
}

// -----

// CHECK-LABEL: func.func @tree_ensemble
// CHECK: onnx.TreeEnsemble {{.*}} -> tensor<?x3xf64>
// ROUNDTRIP-LABEL: func.func @tree_ensemble
// ROUNDTRIP: onnx.TreeEnsemble %{{.*}} {aggregate_function = 2 : i64
func.func @tree_ensemble(%x: tensor<?x2xf64>) -> tensor<*xf64> {
  %0 = onnx.TreeEnsemble %x {aggregate_function = 2 : i64, leaf_targetids = array<i64: 0, 2>, leaf_weights = dense<[1.0, 2.0]> : tensor<2xf64>, n_targets = 3 : i64, nodes_falseleafs = array<i64: 1>, nodes_falsenodeids = array<i64: 1>, nodes_featureids = array<i64: 1>, nodes_modes = dense<0> : tensor<1xui8>, nodes_splits = dense<0.5> : tensor<1xf64>, nodes_trueleafs = array<i64: 1>, nodes_truenodeids = array<i64: 0>, tree_roots = array<i64: 0>} : (tensor<?x2xf64>) -> tensor<*xf64>
  return %0 : tensor<*xf64>
}

// -----

// The width is the largest ngram index + 1.
// CHECK-LABEL: func.func @tfidf
// CHECK: onnx.TfIdfVectorizer {{.*}} -> tensor<5xf32>
// CHECK: onnx.TfIdfVectorizer {{.*}} -> tensor<?x5xf32>
func.func @tfidf(%x: tensor<7xi64>, %y: tensor<?x7xi32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = onnx.TfIdfVectorizer %x {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TFIDF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 4, 0, 1>, pool_int64s = array<i64: 1, 2, 3, 4>, weights = array<f32: 1.0, 2.0, 3.0>} : (tensor<7xi64>) -> tensor<*xf32>
  %1 = onnx.TfIdfVectorizer %y {max_gram_length = 2 : i64, max_skip_count = 0 : i64, min_gram_length = 1 : i64, mode = "TF", ngram_counts = array<i64: 0, 2>, ngram_indexes = array<i64: 4, 0, 1>, pool_int64s = array<i64: 1, 2, 3, 4>} : (tensor<?x7xi32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func.func @flex_attention
// CHECK: onnx.FlexAttention({{.*}}) {{.*}} -> tensor<2x8x?x32xf16> score_mod {
// ROUNDTRIP-LABEL: func.func @flex_attention
// ROUNDTRIP: onnx.FlexAttention(%{{.*}}, %{{.*}}, %{{.*}}) {scale = 1.250000e-01 : f32}
// ROUNDTRIP: score_mod {
// ROUNDTRIP: onnx.Yield
// ROUNDTRIP: } prob_mod {
// ROUNDTRIP-NEXT: }
func.func @flex_attention(%q: tensor<2x8x?x16xf16>, %k: tensor<2x2x6x16xf16>, %v: tensor<2x2x6x32xf16>) -> tensor<*xf16> {
  %0 = onnx.FlexAttention(%q, %k, %v) {scale = 0.125 : f32} : (tensor<2x8x?x16xf16>, tensor<2x2x6x16xf16>, tensor<2x2x6x32xf16>) -> tensor<*xf16> score_mod {
  ^bb0(%s: tensor<2x8x?x6xf32>):
    %1 = onnx.Neg %s : (tensor<2x8x?x6xf32>) -> tensor<2x8x?x6xf32>
    onnx.Yield %1 : tensor<2x8x?x6xf32>
  } prob_mod {
  }
  return %0 : tensor<*xf16>
}
